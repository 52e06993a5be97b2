"""Switching languages in the HTML deck: `L` and the help's menu open the same slide and build
step in the talk's other language, matched by slide id and continuation part (the numbers of the
slides may differ from one language to the other); the speaker view follows.

The decks are built by `deckgen build` into the output tree, `<out>/<talk>/<lang>/<talk>-<lang>.html`,
and opened from disk, as a speaker would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import ROOT, SAMPLE_TALK

DENSE_TALK = ROOT / "tests" / "content" / "dense-talk"


def build(talk: Path, out: Path, langs: str) -> Path:
    result = CliRunner().invoke(main, ["build", str(talk), "--format", "html", "--lang", langs, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def sample_out(tmp_path_factory) -> Path:
    return build(SAMPLE_TALK, tmp_path_factory.mktemp("switch-sample"), "fr,en") / "autour-de-docker"


@pytest.fixture(scope="module")
def dense_out(tmp_path_factory) -> Path:
    return build(DENSE_TALK, tmp_path_factory.mktemp("switch-dense"), "en,de") / "dense-talk"


@pytest.fixture(scope="module")
def context(browser):
    made = browser.new_context(viewport={"width": 1280, "height": 720})
    yield made
    made.close()


def deck_file(out: Path, lang: str) -> Path:
    return out / lang / f"{out.name}-{lang}.html"


def place(page) -> dict:
    """Where the page is: its language, slide number and step, and that slide's id and part."""
    page.wait_for_selector(".slide.current")
    return page.evaluate("""() => { const s = document.querySelector('.slide.current');
        const stage = document.getElementById('stage');
        return {lang: document.documentElement.lang, slide: +stage.dataset.currentSlide,
                step: +stage.dataset.currentStep, id: s.dataset.id, part: +s.dataset.part,
                parts: +s.dataset.parts}; }""")


def wait_for_lang(page, lang: str) -> dict:
    page.wait_for_function("lang => document.documentElement.lang === lang && document.querySelector('.slide.current')",
                           arg=lang, timeout=5000)
    return place(page)


def sections(path: Path) -> list[tuple[str, int, int]]:
    """Every slide of a deck file: (id, part, parts), in order."""
    html = path.read_text("utf-8")
    return [(m[0], int(m[1]), int(m[2])) for m in
            re.findall(r'<section class="slide[^"]*"[^>]* data-id="([^"]+)" data-part="(\d+)" data-parts="(\d+)"', html)]


def it_links_every_deck_to_every_language_of_the_talk_whatever_was_built(sample_out, tmp_path):
    only_fr = build(SAMPLE_TALK, tmp_path, "fr") / "autour-de-docker"
    assert deck_file(only_fr, "fr").read_bytes() == deck_file(sample_out, "fr").read_bytes()
    html = deck_file(sample_out, "en").read_text("utf-8")
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', html)
    assert links == [("../fr/autour-de-docker-fr.html", "fr"), ("../en/autour-de-docker-en.html", "en")]
    for href, _ in links:       # relative to the deck's own folder, as the output tree lays them out
        assert (deck_file(sample_out, "en").parent / href).resolve().is_file()


def it_goes_to_the_same_slide_and_step_in_the_other_language_and_back(context, sample_out):
    page = context.new_page()
    page.goto(deck_file(sample_out, "fr").as_uri() + "#/6/2")
    before = place(page)
    assert (before["lang"], before["slide"], before["step"]) == ("fr", 6, 2)
    page.keyboard.press("l")
    after = wait_for_lang(page, "en")
    assert (after["id"], after["step"]) == (before["id"], 2)
    assert after["slide"] == 6 and page.url.endswith("autour-de-docker-en.html#/6/2")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("L")
    back = wait_for_lang(page, "fr")
    assert (back["id"], back["slide"], back["step"]) == (before["id"], 6, 3)
    page.close()


def it_switches_from_the_helps_menu_too(context, sample_out):
    page = context.new_page()
    page.goto(deck_file(sample_out, "en").as_uri() + "#/10/4")
    page.keyboard.press("?")
    page.locator('#help-overlay a[hreflang="fr"]').click()
    landed = wait_for_lang(page, "fr")
    assert (landed["id"], landed["slide"], landed["step"]) == ("containers-stack", 10, 4)
    assert page.locator("#help-overlay").is_hidden()
    page.close()


def it_lands_on_the_matching_part_of_a_continued_slide(context, dense_out):
    en, de = sections(deck_file(dense_out, "en")), sections(deck_file(dense_out, "de"))
    continued = [(number, slide) for number, slide in enumerate(en, start=1) if slide[1] > 1]
    assert continued, "the dense talk continues slides on new ones"
    page = context.new_page()
    for number, (slide_id, part, _) in continued:
        page.goto("about:blank")
        page.goto(deck_file(dense_out, "en").as_uri() + f"#/{number}")
        page.keyboard.press("l")
        landed = wait_for_lang(page, "de")
        parts_in_de = [p for i, p, _ in de if i == slide_id]
        assert landed["id"] == slide_id
        assert landed["part"] == (part if part in parts_in_de else max(parts_in_de))
        assert de[landed["slide"] - 1][:2] == (slide_id, landed["part"])
    page.close()


def it_falls_back_to_the_last_part_or_the_first_slide_of_the_id(context, dense_out):
    """What a switch asks of a deck that continued the slide differently: a part past its last
    (the other language made more) is its last part; part 0 (not continued there) its first."""
    de = sections(deck_file(dense_out, "de"))
    slide_id = next(i for i, part, parts in de if parts > 1)
    numbers = [n for n, (i, _, _) in enumerate(de, start=1) if i == slide_id]
    page = context.new_page()
    for part, expected in ((2, numbers[1]), (len(numbers) + 3, numbers[-1]), (0, numbers[0])):
        page.goto("about:blank")
        page.goto(deck_file(dense_out, "de").as_uri() + f"#/id={slide_id}&part={part}&step=7")
        landed = place(page)
        assert (landed["slide"], landed["step"]) == (expected, 1), part      # the step clamped to the slide's
        assert page.evaluate("location.hash") == f"#/{expected}"
    page.goto("about:blank")
    page.goto(deck_file(dense_out, "de").as_uri() + "#/id=no-such-slide&part=1&step=1")
    assert place(page)["slide"] == 1
    page.close()


def it_takes_the_speaker_view_along(context, sample_out):
    page = context.new_page()
    page.goto(deck_file(sample_out, "fr").as_uri() + "#/6/2")
    page.wait_for_selector(".slide.current")
    with page.expect_popup() as popup:
        page.keyboard.press("s")
    speaker = popup.value
    speaker.wait_for_selector("#speaker-notes")
    page.keyboard.press("l")
    wait_for_lang(page, "en")
    speaker.wait_for_function("() => location.href.includes('autour-de-docker-en.html?speaker')", timeout=5000)
    assert wait_for_lang(speaker, "en")["slide"] == 6
    speaker.wait_for_selector("#speaker-notes")
    # the two windows find each other again: a key in either moves both
    page.wait_for_selector("#stage[data-speaker-view=open]", timeout=5000)
    page.keyboard.press("ArrowRight")
    speaker.wait_for_function("() => document.getElementById('stage').dataset.currentStep === '3'", timeout=5000)
    speaker.keyboard.press("l")           # and L in the speaker view takes the audience's window along
    wait_for_lang(page, "fr")
    assert (place(page)["slide"], place(page)["step"]) == (6, 3)
    speaker.wait_for_function("() => location.href.includes('autour-de-docker-fr.html?speaker')", timeout=5000)
    speaker.close()
    page.close()
