"""Continuation slides read back from every format: the dense test talk's crowded slides go on to
new slides ("(1/2)"), the same parts in the PPTX, the HTML deck, the slides PDF and the notes
handout, with slide numbers that follow them; `--strict` and `split: false` refuse the split."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from tests.conftest import ROOT

DENSE = ROOT / "tests" / "content" / "dense-talk"
# The crowded slides of the dense talk; how many parts each takes is decided per language, by the plan.
CROWDED = {"four-ways", "checklist", "checkout-code", "twenty-aspects", "trade-offs"}
SLIDES = 9          # in talk.yaml


def planned_parts(lang: str) -> dict[str, int]:
    """Each continued slide of the dense talk and its number of parts, as the plan decides them."""
    from generator.content.talk import load_talk
    from generator.i18n.dates import byline
    from generator.i18n.localize import localize
    from generator.plan.deck import plan_deck
    from generator.theme import load_theme

    loaded = load_talk(DENSE)
    talk = localize(loaded, lang).talk
    plan = plan_deck(talk, load_theme(talk.theme, loaded.directory), lang=lang, byline=byline(talk, lang))
    return {s.id: s.parts for s in plan.slides if s.parts}


def it_continues_exactly_the_crowded_slides_in_both_languages():
    for lang in ("en", "de"):
        parts = planned_parts(lang)
        assert set(parts) == CROWDED and all(n >= 2 for n in parts.values()), (lang, parts)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("continued")
    result = CliRunner().invoke(main, ["build", str(DENSE), "--out", str(out)])
    assert result.exit_code == 0, result.output + result.stderr
    assert "[fit.split]" in result.stderr
    return out / "dense-talk"


def _expected_titles(titles: list[str], lang: str = "en") -> None:
    """The titles carry (i/n) for every part, in order, and nothing else is split."""
    PARTS = planned_parts(lang)
    found = [(m[1], int(m[2]), int(m[3])) for t in titles if (m := re.search(r"^(.*) \((\d)/(\d)\)$", t.strip()))]
    counts = {}
    for title, part, parts in found:
        counts.setdefault(title, []).append((part, parts))
    assert sorted(len(v) for v in counts.values()) == sorted(PARTS.values()), counts
    for parts in counts.values():
        assert parts == [(i, len(parts)) for i in range(1, len(parts) + 1)]


class _Titles(HTMLParser):
    def __init__(self):
        super().__init__()
        self.titles, self.ids, self._in = [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "slide" in (attrs.get("class") or "").split():
            self.ids.append(attrs.get("data-id"))
        if tag in ("h1", "h2") and "slide-title" in (attrs.get("class") or ""):
            self._in = True
            self.titles.append("")

    def handle_endtag(self, tag):
        if tag in ("h1", "h2"):
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.titles[-1] += data


@pytest.mark.parametrize("lang", ["en", "de"])
def it_shows_the_same_parts_in_the_pptx(built, lang):
    from pptx import Presentation

    deck = Presentation(str(built / lang / f"dense-talk-{lang}.pptx"))
    titles = [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in deck.slides]
    _expected_titles(titles, lang)
    PARTS = planned_parts(lang)
    assert len(deck.slides) == SLIDES + sum(PARTS.values()) - len(PARTS)
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides if re.search(r"\(\d/\d\)$", "".join(
        sh.text_frame.text for sh in s.shapes if sh == s.shapes.title))]
    assert all(n.strip() for n in notes), "every part carries the slide's notes"


@pytest.mark.parametrize("lang", ["en", "de"])
def it_shows_the_same_parts_in_the_html_deck(built, lang):
    parser = _Titles()
    parser.feed((built / lang / f"dense-talk-{lang}.html").read_text("utf-8"))
    _expected_titles(parser.titles, lang)
    for slide_id, parts in planned_parts(lang).items():
        assert parser.ids.count(slide_id) == parts


@pytest.mark.parametrize("lang", ["en", "de"])
def it_shows_the_same_parts_in_the_slides_pdf_and_numbers_follow_them(built, lang):
    pages = PdfReader(str(built / lang / f"dense-talk-{lang}.pdf")).pages
    PARTS = planned_parts(lang)
    assert len(pages) == SLIDES + sum(PARTS.values()) - len(PARTS)
    texts = [page.extract_text() for page in pages]
    titles = [t.strip().splitlines()[0] for t in texts]
    _expected_titles([t for t in titles if re.search(r"\(\d/\d\)$", t)], lang)
    for number, text in enumerate(texts[1:], start=2):      # the title slide has no footer
        assert re.search(rf"(^|\n){number}\s*$", text.strip()) or text.strip().endswith(str(number)), number


def it_lists_every_part_in_the_notes_handout(built):
    text = "".join(page.extract_text() for page in PdfReader(str(built / "en" / "dense-talk-en-handout-notes.pdf")).pages)
    parts = planned_parts("en")["checkout-code"]
    for n in range(1, parts + 1):
        assert f"The checkout service ({n}/{parts})" in text


def _copy(tmp_path: Path, edit=None) -> Path:
    talk = tmp_path / "dense-talk"
    shutil.copytree(DENSE, talk)
    if edit:
        path = talk / "talk.yaml"
        path.write_text(edit(path.read_text("utf-8")), "utf-8")
    return talk


def it_refuses_a_split_under_strict_with_a_positioned_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(_copy(tmp_path)), "--lang", "en", "--format", "html", "--strict",
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert re.search(r"talk\.yaml:\d+:\d+: error: slide 'checklist' is continued on 2 slides", result.stderr)
    assert not (tmp_path / "out" / "dense-talk").exists()


def it_refuses_a_split_the_slide_forbids_with_split_false(tmp_path):
    talk = _copy(tmp_path, lambda text: text.replace("  - id: checklist\n    kind: bullets\n",
                                                     "  - id: checklist\n    kind: bullets\n    split: false\n"))
    result = CliRunner().invoke(main, ["check", str(talk), "--lang", "en"])
    assert result.exit_code == 1
    found = re.findall(r"error: slide '(\S+)' is continued", result.stderr)
    assert found == ["checklist"], result.stderr


def it_writes_every_stacks_picture_in_a_longer_language(tmp_path):
    """In the pseudo-locale a stack too wide to be drawn alone is drawn as its own slide draws it:
    the ten standalone pictures exist (four stacks and graphs, a chart), as in French (they were silently missing)."""
    from tests.conftest import SAMPLE_TALK

    result = CliRunner().invoke(main, ["build", str(SAMPLE_TALK), "--lang", "fr,qps", "--format", "diagrams",
                                       "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    for lang in ("fr", "qps"):
        names = sorted(p.name for p in (tmp_path / "autour-de-docker" / lang / "diagrams").iterdir())
        assert names == sorted(f"{n}.{e}" for n in ("vm", "containers", "side-by-side", "docker-daemon",
                                                     "startup-time") for e in ("svg", "png")), (lang, names)
