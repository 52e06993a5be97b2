"""The deck's help and speaker chrome in a real Chromium: the help (? or H, closed by Esc) is a table
of every key deck.js handles, in the deck's language, at least 20 px at 1280 x 720; the speaker view's
buttons and clocks take the theme's colours and nothing in it overlaps, in a dark right-to-left deck."""

from __future__ import annotations

import re
import shutil

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.i18n.tool_words import word
from generator.theme import TEMPLATES_DIR
from tests.conftest import ROOT, SAMPLE_TALK
from tests.renderers.html.conftest import render_sample

DECK_JS = TEMPLATES_DIR / "default" / "html" / "deck.js"


def handled_keys() -> set[str]:
    """The `KeyboardEvent.key` values deck.js compares, read from its source: `case "x":`,
    `event.key === "x"`, the overview's `moves` and the digits a slide number is typed with."""
    source = DECK_JS.read_text("utf-8")
    keys = set(re.findall(r'case "([^"]+)":', source))
    keys |= set(re.findall(r'event\.key(?:\.toLowerCase\(\))? === "([^"]+)"', source))
    moves = re.search(r"const moves = \{([^}]*)\}", source)
    keys |= set(re.findall(r"(\w+):", moves.group(1)))
    if "/^[0-9]$/.test(event.key)" in source:
        keys.add("0-9")
    if "event.shiftKey" in source:
        keys.add("Shift+ ")
    return keys


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("help")
    paths = {}
    for lang in ("fr", "de"):
        paths[lang] = folder / f"autour-de-docker-{lang}.html"
        paths[lang].write_text(render_sample(lang)[0], encoding="utf-8")
    return paths


def open_help(browser, path, where="#/6", key="?"):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(path.as_uri() + where)
    page.wait_for_selector(".slide.current")
    assert page.locator("#help-overlay").is_hidden()
    page.keyboard.press(key)
    page.wait_for_selector("#help-overlay", state="visible")
    return page


def it_lists_every_key_the_deck_handles(browser, decks):
    found = handled_keys()
    assert {"ArrowRight", "Escape", "Enter", "b", "l", "?", "h", "0-9"} <= found      # the regex reads the script
    page = open_help(browser, decks["fr"])
    listed = set(page.eval_on_selector_all("#help-keys kbd", "ks => ks.map(k => k.dataset.key)"))
    assert found - listed == set(), "keys deck.js handles that the help does not list"
    assert listed - found == set(), "keys the help lists that deck.js does not handle"
    page.close()


def it_is_big_enough_to_read_and_fits_the_window(browser, decks, screenshots):
    page = open_help(browser, decks["fr"])
    sizes = page.evaluate("""() => {
        const walker = document.createTreeWalker(document.getElementById('help-overlay'), NodeFilter.SHOW_TEXT);
        const sizes = [];
        while (walker.nextNode()) {
          const node = walker.currentNode;
          if (node.textContent.trim()) sizes.push(parseFloat(getComputedStyle(node.parentElement).fontSize));
        }
        return sizes; }""")
    assert len(sizes) > 40 and min(sizes) >= 20
    panel = page.locator("#help-panel").bounding_box()
    assert panel["x"] >= 0 and panel["y"] >= 0 and panel["x"] + panel["width"] <= 1280
    assert panel["y"] + panel["height"] <= 720
    assert page.evaluate("(p => p.scrollHeight <= p.clientHeight)(document.getElementById('help-panel'))")
    page.screenshot(path=str(screenshots / "help-overlay-fr.png"))
    page.close()


def it_speaks_the_decks_language(browser, decks):
    page = open_help(browser, decks["de"], key="H")
    assert page.locator("#help-title").inner_text() == word("de", "deck/help-title")
    assert page.locator('#help-keys kbd[data-key=" "]').inner_text() == word("de", "deck/key-name-space")
    actions = page.eval_on_selector_all("#help-keys td:last-child", "tds => tds.map(t => t.textContent)")
    assert word("de", "deck/key-black") in actions and word("de", "deck/key-language") in actions
    assert page.locator('#help-overlay a[hreflang="en"]').inner_text() == "English"
    page.close()


def it_closes_on_escape_and_on_its_button_and_escape_then_opens_the_overview(browser, decks):
    page = open_help(browser, decks["fr"])
    page.keyboard.press("Escape")
    assert page.locator("#help-overlay").is_hidden()
    assert "overview" not in (page.locator("html").get_attribute("class") or "")
    page.keyboard.press("h")
    page.locator("#help-close").click()
    assert page.locator("#help-overlay").is_hidden()
    page.keyboard.press("Escape")
    assert "overview" in page.locator("html").get_attribute("class")
    page.close()


def it_leaves_out_what_the_speaker_view_does_not_do(browser, decks):
    page = open_help(browser, decks["fr"], where="?speaker#/6")
    visible = page.eval_on_selector_all("#help-keys kbd", "ks => ks.filter(k => k.offsetParent).map(k => k.dataset.key)")
    assert "s" not in visible and "o" not in visible and "l" in visible and "ArrowRight" in visible
    page.close()


# --- the speaker view: theme colours, nothing overlapping, in a dark right-to-left deck ----------

@pytest.fixture(scope="module")
def dark_arabic(tmp_path_factory):
    """The sample talk with the Arabic test catalog, in the dark theme, built in ar."""
    folder = tmp_path_factory.mktemp("dark-ar")
    talk = folder / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    shutil.copy(ROOT / "tests" / "content" / "scripts" / "ar.po", talk / "locales" / "ar.po")
    path = talk / "talk.yaml"
    text = path.read_text("utf-8")
    assert "translations: [en]" in text and "theme: default" in text
    path.write_text(text.replace("translations: [en]", "translations: [en, ar]").replace("theme: default", "theme: dark"),
                    "utf-8")
    result = CliRunner().invoke(main, ["build", str(talk), "--lang", "ar", "--format", "html",
                                       "--out", str(folder / "out")])
    assert result.exit_code == 0, result.output
    return folder / "out" / "autour-de-docker" / "ar" / "autour-de-docker-ar.html"


SPEAKER_PARTS = {"current slide": "#viewport .slide.current", "next slide": ".next-viewport",
                 "current label": ".current-label", "next label": ".next-label",
                 "timer": ".clocks .timer", "clock": ".clocks .clock", "countdown": ".clocks .countdown",
                 "pause": "#speaker-pause", "reset": "#speaker-reset", "notes": "#speaker-notes"}


def boxes(page) -> dict[str, dict]:
    found = {}
    for name, selector in SPEAKER_PARTS.items():
        box = page.locator(selector).first.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0, name
        found[name] = box
    return found


def overlap(a, b) -> float:
    width = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
    height = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
    return max(0.0, width) * max(0.0, height)


def speaker_page(browser, path, size=(1280, 720)):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.clock.install()
    page.goto(path.as_uri() + "?speaker#/6/2")
    page.wait_for_selector("#speaker-pause")
    page.wait_for_timeout(100)
    return page


@pytest.mark.parametrize("size", [(1280, 720), (1280, 800), (1024, 640)])
def it_overlaps_nothing_in_a_dark_right_to_left_speaker_view(browser, dark_arabic, screenshots, size):
    page = speaker_page(browser, dark_arabic, size)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    found = boxes(page)
    names = list(found)
    clashes = [(a, b) for i, a in enumerate(names) for b in names[i + 1:] if overlap(found[a], found[b]) > 0.5]
    assert clashes == []
    for name, box in found.items():            # and everything inside the window
        assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= size[0] + 0.5, name
        assert box["y"] + box["height"] <= size[1] + 0.5, name
    # right to left: the current slide where reading starts, on the right; the next one on its left
    assert found["current slide"]["x"] > found["next slide"]["x"]
    # the buttons' words are not cut: their text fits inside them
    for button in ("#speaker-pause", "#speaker-reset"):
        assert page.eval_on_selector(button, "b => b.scrollWidth <= b.clientWidth + 1"), button
    page.screenshot(path=str(screenshots / f"speaker-dark-ar-{size[0]}x{size[1]}.png"))
    page.close()


def rgb(hex_colour: str) -> str:
    value = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(value[i:i + 2], 16) for i in (0, 2, 4)))


@pytest.mark.parametrize("theme", ["default", "dark"])
def it_draws_the_speaker_buttons_and_clocks_in_the_themes_colours(browser, decks, dark_arabic, theme, screenshots):
    from generator.theme import load_theme
    from generator.theme.contrast import colors, contrast_ratio

    palette = colors(load_theme(theme, SAMPLE_TALK.resolve()))
    page = speaker_page(browser, decks["fr"] if theme == "default" else dark_arabic)
    style = lambda selector, prop: page.eval_on_selector(selector, f"e => getComputedStyle(e).{prop}")  # noqa: E731
    assert style("#speaker-pause", "backgroundColor") == rgb(palette["accent"])
    assert style("#speaker-pause", "color") == rgb(palette["accent-text"])
    assert style("#speaker-reset", "color") == rgb(palette["letterbox-text"])
    assert style("#speaker-timer", "color") == rgb(palette["letterbox-text"])
    assert contrast_ratio(palette["accent"], palette["accent-text"]) >= 4.5
    assert contrast_ratio(palette["letterbox"], palette["letterbox-text"]) >= 4.5
    page.screenshot(path=str(screenshots / f"speaker-{theme}.png"))
    page.close()
