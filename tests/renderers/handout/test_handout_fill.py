"""The lines and grid handouts fill their pages: slides as large as the layout allows, ruled lines
down to the bottom margin, no tall empty band on any page but the last, measured on the pages as
poppler draws them; and a right-to-left grid starts at the top right."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import ROOT, SAMPLE_TALK
from tests.renderers.handout.reading import LEFT_OUT, blank_bands, build

MAX_BAND = 0.15          # of the page's height: the tallest band with no ink at all
PAPERS = ("a4", "letter")
TALL = 10 / 297          # a band over 10 mm of A4: more than the gap between ruled lines


@pytest.fixture(scope="module")
def odd_talk(tmp_path_factory):
    """The sample talk with one slide left out of handouts: of the two talks, one has an odd number
    of slides and the other an even one."""
    talk = tmp_path_factory.mktemp("odd") / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk, ignore=shutil.ignore_patterns("output"))
    path = talk / "talk.yaml"
    text, found = re.subn(rf"(\n  - id: {LEFT_OUT}\n)", r"\1    handout: false\n", path.read_text("utf-8"))
    assert found == 1
    path.write_text(text, "utf-8")
    return talk


@pytest.fixture(scope="module")
def built(tmp_path_factory, odd_talk):
    """`built(talk, paper, per_page)`: the English lines and grid handouts of the sample talk
    ("sample") or of the one with a slide less ("less"), built once."""
    done = {}

    def get(which: str, paper: str, per_page: int = 6):
        key = (which, paper, per_page)
        if key not in done:
            talk = SAMPLE_TALK if which == "sample" else odd_talk
            out = build(talk, tmp_path_factory.mktemp(f"fill-{which}-{paper}-{per_page}"), "--lang", "en",
                        "--handout", "lines,grid", "--paper", paper, "--per-page", str(per_page))
            done[key] = out / "en"
        return done[key]

    return get


def slide_count(pdf) -> int:
    from pypdf import PdfReader

    return sum(len(re.findall(rb"/Slide\d+ Do", page.get_contents().get_data())) for page in PdfReader(pdf).pages)


def assert_filled(pdf) -> None:
    bands = blank_bands(pdf)
    for number, page in enumerate(bands[:-1], start=1):
        assert max(page) <= MAX_BAND, f"page {number}: an empty band of {max(page):.0%} of the page"
        # what is left empty in tall bands: the margins around the running header and footer, no more
        assert sum(band for band in page if band > TALL) < 0.25, f"page {number}: {page}"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("which", ["sample", "less"])
@pytest.mark.parametrize("layout", ["lines", "grid"])
def it_fills_every_page_but_the_last(built, paper, which, layout):
    assert_filled(built(which, paper) / f"autour-de-docker-en-handout-{layout}.pdf")


def it_was_measured_on_an_odd_and_an_even_number_of_slides(built):
    name = "autour-de-docker-en-handout-grid.pdf"
    counts = slide_count(built("sample", "a4") / name), slide_count(built("less", "a4") / name)
    assert counts[0] == counts[1] + 1 and counts[0] > 12


@pytest.mark.parametrize("per_page", [1, 2, 4, 9])
def it_fills_the_grids_pages_at_every_count_a_page(built, per_page):
    assert_filled(built("sample", "a4", per_page) / "autour-de-docker-en-handout-grid.pdf")


def it_rules_the_lines_layout_down_to_the_bottom_margin(built):
    """Under the last row of a full page, ink reaches the bottom margin: the footer's band is all
    that is left below it (about 22 mm of the 297)."""
    from tests.renderers.handout.reading import rendered_pages

    for paper, height_mm in (("a4", 297), ("letter", 279.4)):
        first = rendered_pages(built("sample", paper) / "autour-de-docker-en-handout-lines.pdf")[0].convert("L")
        width, height = first.size
        pixels = first.load()
        margin = round(height * 22 / height_mm)
        body = [y for y in range(height - margin) if any(pixels[x, y] < 250 for x in range(width))]
        assert max(body) > height - margin - round(height * 8 / height_mm), paper     # within 8 mm of it


@pytest.fixture(scope="module")
def arabic_grid(tmp_path_factory):
    """The sample talk's Arabic grid handout."""
    talk = tmp_path_factory.mktemp("arabic") / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk, ignore=shutil.ignore_patterns("output"))
    shutil.copy(ROOT / "tests" / "content" / "scripts" / "ar.po", talk / "locales" / "ar.po")
    path = talk / "talk.yaml"
    path.write_text(path.read_text("utf-8").replace("translations: [en]", "translations: [en, ar]"), "utf-8")
    out = build(talk, tmp_path_factory.mktemp("arabic-out"), "--lang", "ar", "--handout", "grid,lines")
    return out / "ar"


def placements(pdf, page: int = 0) -> dict[int, tuple[float, float]]:
    """Where each slide is placed on a page: its number, the (x, y) of its form's origin on the
    content box (CSS pixels, y down)."""
    from pypdf import PdfReader

    ops = PdfReader(pdf).pages[page].get_contents().get_data().decode("latin-1")
    return {int(n): (float(x), float(y))
            for x, y, n in re.findall(r"q [\d.]+ 0 0 -[\d.]+ ([-\d.]+) ([-\d.]+) cm /Slide(\d+) Do", ops)}


def it_starts_an_arabic_grid_at_the_top_right(arabic_grid):
    """Issue #25: slides run right to left, then down, as Arabic is read; the lines layout puts its
    slides on the right, the lines on the left."""
    grid = placements(arabic_grid / "autour-de-docker-ar-handout-grid.pdf")
    assert grid[1][1] == grid[2][1] and grid[1][0] > grid[2][0]           # same row, slide 1 on the right
    assert grid[3][1] != grid[1][1] and grid[3][0] == grid[1][0]          # slide 3 under slide 1
    lines = placements(arabic_grid / "autour-de-docker-ar-handout-lines.pdf")
    assert all(x > 250 for x, _ in lines.values())                 # the right half of a 673 px wide content box
