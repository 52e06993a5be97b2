"""Bidi isolation in an Arabic deck: text that runs left to right inside right-to-left slides
(the badge "700 Mo", French strings the catalog does not translate) keeps its order, its
punctuation and its language in every format, read back from the outputs: Chromium's glyph
positions in the SVG diagram and the HTML deck, LibreOffice's drawing of the PPTX, the slides
PDF and the notes handout.

The sample talk is built once in Arabic, with the short catalog of tests/content/scripts less
the badge's translation, so the badge falls back to the French "700 Mo"."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import ROOT, SAMPLE_TALK

CATALOG = ROOT / "tests" / "content" / "scripts" / "ar.po"
# A statement the Arabic catalog leaves in French (slide 4), ending with its full stop.
STATEMENT = "Mais comparons-les quand même."


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """The sample talk built in Arabic, in every format; the badge "700 Mo" untranslated."""
    return build_arabic(tmp_path_factory.mktemp("bidi"))


@pytest.fixture(scope="module")
def marked(tmp_path_factory) -> Path:
    """The same deck in HTML, its untranslated strings marked (`--mark-untranslated`)."""
    return build_arabic(tmp_path_factory.mktemp("bidi-marked"), "--format", "html", "--mark-untranslated")


def build_arabic(root: Path, *options: str) -> Path:
    talk = root / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    catalog, found = re.subn(r'(msgid "700 Mo"\nmsgstr )"[^"]*"', r'\1""', CATALOG.read_text("utf-8"))
    assert found == 1
    (talk / "locales" / "ar.po").write_text(catalog, encoding="utf-8")
    path = talk / "talk.yaml"
    text, found = re.subn(r"(?m)^translations: \[en\]", "translations: [en, ar]", path.read_text("utf-8"))
    assert found == 1
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(talk), "--lang", "ar", "--out", str(root / "out"), *options])
    assert result.exit_code == 0, result.output
    return root / "out" / "autour-de-docker" / "ar"


def words(pdf: Path, page: int) -> list[tuple[str, float, float]]:
    """The words of a PDF page as pdftotext reads them: (text, left x, top y)."""
    xml = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(re.sub("[\u202a-\u202e\u2066-\u2069]", "", text), float(x), float(y))
            for x, y, text in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', xml)]


def assert_number_before_unit(found: list[tuple[str, float, float]]) -> None:
    """Every "Mo" stands right of the "700" on its line, next to it: "700 Mo", never "Mo 700"."""
    units = [(x, y) for text, x, y in found if text == "Mo"]
    numbers = [(x, y) for text, x, y in found if text == "700"]
    assert units and len(units) == len(numbers), found
    for x, y in units:
        nearest = min(numbers, key=lambda n: abs(n[1] - y) * 100 + abs(n[0] - x))
        assert abs(nearest[1] - y) < 3 and nearest[0] < x, (x, y, nearest)


# What a page's script reads of a text element's glyphs: where "700" and "Mo" of each badge start.
BADGE_POSITIONS = """scope => [...document.querySelectorAll(scope + ' text')]
  .filter(t => t.textContent.trim() === '700 Mo' && t.getBoundingClientRect().width > 0)
  .map(t => {
    const node = t.firstChild, range = document.createRange(), at = i => {
      range.setStart(node, i); range.setEnd(node, i + 1); return range.getBoundingClientRect().left; };
    const i = node.data.indexOf('700'), j = node.data.indexOf('Mo');
    return [at(i), at(j)];
  })"""


def it_draws_the_number_left_of_its_unit_in_the_standalone_svg_in_chromium(out, browser):
    page = browser.new_page()
    try:
        page.goto((out / "diagrams" / "vm.svg").as_uri())
        badges = page.evaluate(BADGE_POSITIONS, "svg")
    finally:
        page.close()
    assert len(badges) == 3
    for number, unit in badges:
        assert number < unit, badges


def it_draws_the_number_left_of_its_unit_in_the_html_deck_in_chromium(out, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        for slide in (6, 13):
            page.goto((out / "autour-de-docker-ar.html").as_uri() + f"#/{slide}/99")
            page.wait_for_timeout(300)
            badges = page.evaluate(BADGE_POSITIONS, f"#slide-{slide}")
            assert len(badges) == 3, slide
            for number, unit in badges:
                assert number < unit, (slide, badges)
    finally:
        page.close()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice renders the deck")
def it_draws_the_number_left_of_its_unit_in_the_pptx_as_libreoffice_renders_it(out, tmp_path):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(out / "autour-de-docker-ar.pptx")],
                   capture_output=True, check=True, timeout=240)
    for page in (6, 13):
        assert_number_before_unit(words(tmp_path / "autour-de-docker-ar.pdf", page))
        assert_badges_clear(tmp_path / "autour-de-docker-ar.pdf", page)


def assert_badges_clear(pdf: Path, page: int) -> None:
    """No word of a layer's label drawn over a badge ("700 Mo"): the room a label keeps for its
    badge is on the side the badge stands, in a right-to-left deck too."""
    xml = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    boxes = [(text, *map(float, box)) for *box, text in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml)]
    badges = [b for b in boxes if b[0] in ("700", "Mo")]
    assert badges
    for text, x0, y0, x1, y1 in boxes:
        if text in ("700", "Mo"):
            continue
        for _, bx0, by0, bx1, by1 in badges:
            overlap = min(x1, bx1) - max(x0, bx0), min(y1, by1) - max(y0, by0)
            assert overlap[0] <= 3 or overlap[1] <= 3, (text, (x0, y0, x1, y1), (bx0, by0, bx1, by1))   # boxes hold the faces' ascent and descent


def it_keeps_the_number_left_of_its_unit_in_the_slides_pdf(out):
    for page in (6, 13):
        assert_number_before_unit(words(out / "autour-de-docker-ar.pdf", page))


def it_sets_a_french_fallback_left_to_right_in_french_in_the_html_deck(out, browser):
    """The statement left in French ends with its full stop at its right end, and says it is French."""
    found = statement_end(out, browser, STATEMENT)
    assert found is not None
    assert found["lang"] == "fr"
    assert found["stop"] > found["letter"], found       # "même." not ".même"
    assert found["stop"] > found["others"], found       # at the right end of its line


def it_keeps_the_untranslated_marks_around_what_they_wrap_in_the_html_deck(marked, browser):
    """Under --mark-untranslated, the closing mark ends the French statement, at its right."""
    found = statement_end(marked, browser, STATEMENT + "›")
    assert found is not None and found["lang"] == "fr"
    assert found["stop"] > found["letter"], found       # "même.›", not "›même."
    assert found["stop"] > found["others"], found


def statement_end(out: Path, browser, statement: str) -> dict | None:
    """Where the last two characters of `statement` (on slide 4) stand, where the rightmost
    other character of its last line does, and the language its element says."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.goto((out / "autour-de-docker-ar.html").as_uri() + "#/4")
        page.wait_for_timeout(300)
        found = page.evaluate("""statement => {
          const slide = document.getElementById('slide-4');
          const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walker.nextNode()) && !node.data.includes(statement)) {}
          if (!node) return null;
          const end = node.data.indexOf(statement) + statement.length, range = document.createRange();
          const at = i => { range.setStart(node, i); range.setEnd(node, i + 1); return range.getBoundingClientRect(); };
          const stop = at(end - 1), letter = at(end - 2);
          let others = -Infinity;       // the rightmost other character of the line
          for (let i = 0; i < end - 1; i++) {
            const box = at(i);
            if (box.width > 0 && Math.abs(box.top - stop.top) < 2) others = Math.max(others, box.left);
          }
          return {stop: stop.left, letter: letter.left, others,
                  lang: node.parentElement.closest('[lang]').getAttribute('lang')};
        }""", statement)
    finally:
        page.close()
    return found


def it_tags_french_fallback_runs_of_the_pptx_in_french(out):
    with zipfile.ZipFile(out / "autour-de-docker-ar.pptx") as package:
        slide = package.read("ppt/slides/slide4.xml").decode("utf-8")
        title = package.read("ppt/slides/slide13.xml").decode("utf-8")
        notes = [package.read(name).decode("utf-8") for name in package.namelist()
                 if name.startswith("ppt/notesSlides/notesSlide")]
    paragraph = next(p for p in re.findall(r"<a:p>.*?</a:p>", slide) if "comparons-les" in p)
    langs = set(re.findall(r'<a:rPr[^>]* lang="([^"]+)"', paragraph))
    assert langs == {"fr-FR"}, langs
    assert 'rtl="0"' in paragraph                    # wholly French: left to right
    heading = next(p for p in re.findall(r"<a:p>.*?</a:p>", title) if "Côte à côte" in p)
    assert set(re.findall(r' lang="([^"]+)"', heading)) == {"fr-FR"}
    # the Arabic runs keep the deck's language; the French notes are French
    assert 'lang="ar-SA"' in title
    assert any('lang="fr-FR"' in xml for xml in notes)


def it_sets_french_notes_left_to_right_in_the_notes_handout(out):
    """A French notes sentence ending with "!" keeps it at its right end on paper."""
    pdf = out / "autour-de-docker-ar-handout-notes.pdf"
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                              text=True, check=True).stdout).group(1))
    checked = 0
    for page in range(1, pages + 1):
        found = words(pdf, page)
        for index, (text, x, y) in enumerate(found):
            if text == "attention":
                bang = [(bx, by) for t, bx, by in found if t == "!" and abs(by - y) < 3]
                assert bang and all(bx > x for bx, _ in bang), (page, found)
                checked += 1
    assert checked
