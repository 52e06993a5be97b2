"""The plan's line breaks in every format: a statement, a title and the comparison's cells break at
the same places in the PPTX (read back), the HTML deck (its DOM in Chromium, which adds no line
of its own) and the slides PDF (its text)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from generator.build.targets import build
from generator.content.talk import load_talk
from generator.i18n.dates import byline
from generator.i18n.localize import localize
from generator.plan.deck import plan_deck
from generator.theme import load_theme
from tests.conftest import SAMPLE_TALK

LANG = "fr"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("breaks")
    build([SAMPLE_TALK], langs=[LANG], formats=["pptx", "html", "pdf"], out=out)
    return out / "autour-de-docker" / LANG


@pytest.fixture(scope="module")
def plan():
    talk = localize(load_talk(SAMPLE_TALK), LANG).talk
    return plan_deck(talk, load_theme("default"), lang=LANG, byline=byline(talk, LANG))


def broken(plan) -> list:
    """(slide number, its heading's lines) of the slides whose heading the plan broke."""
    found = [(s.number, s.heading.lines) for s in plan.slides if len(s.heading.lines) > 1]
    assert any(s.kind == "statement" for s in plan.slides if (s.number, s.heading.lines) in found)
    return found


def it_breaks_the_statements_in_the_pptx_where_the_plan_did(built, plan):
    prs = Presentation(str(built / f"autour-de-docker-{LANG}.pptx"))
    for number, lines in broken(plan):
        slide = prs.slides[number - 1]
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert "\v".join(lines) in texts, (number, texts)


def it_breaks_the_comparison_cells_in_the_pptx_where_the_plan_did(built, plan):
    slide_plan = plan.slide("differences")
    table = next(s for s in Presentation(str(built / f"autour-de-docker-{LANG}.pptx")).slides[slide_plan.number - 1]
                 .shapes if s.has_table).table
    for r, row in enumerate(slide_plan.table.rows, start=1):
        assert table.cell(r, 0).text_frame.text.split("\v") == list(row.aspect_lines or (row.aspect,))
        for c, cell in enumerate(row.cells, start=1):
            assert table.cell(r, c).text_frame.text.split("\v") == list(cell.lines), (r, c)
    assert any(len(cell.lines) > 1 for row in slide_plan.table.rows for cell in row.cells)


_LINES = """(selector) => {
    const element = document.querySelector(selector);
    const copy = element.cloneNode(true);
    copy.querySelectorAll('.visually-hidden').forEach(n => n.remove());
    const lines = copy.innerHTML.split('<br>').map(html => {
        const box = document.createElement('div'); box.innerHTML = html; return box.textContent.trim(); });
    const tops = new Set();
    for (const node of element.childNodes) {      // what is drawn: the hidden words left out
        if (node.nodeType === 1 && node.classList.contains('visually-hidden')) continue;
        const range = document.createRange(); range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.bottom / 4));
    }
    return {lines, drawn: tops.size};
}"""


def it_breaks_them_in_the_browser_where_the_plan_did_and_adds_no_line(built, plan, browser):
    page = browser.new_page(viewport={"width": 960, "height": 540})
    url = (built / f"autour-de-docker-{LANG}.html").as_uri()
    try:
        for number, lines in broken(plan):
            page.goto("about:blank")
            page.goto(f"{url}#/{number}")
            page.wait_for_selector(".slide.current")
            found = page.evaluate(_LINES, f"#slide-{number} :is(h1, h2)")
            assert found == {"lines": list(lines), "drawn": len(lines)}, number
        table = plan.slide("differences")
        page.goto("about:blank")
        page.goto(f"{url}#/{table.number}")
        page.wait_for_selector(".slide.current")
        for r, row in enumerate(table.table.rows, start=1):
            for c, cell in enumerate(row.cells, start=2):
                found = page.evaluate(_LINES, f"#slide-{table.number} tbody tr:nth-child({r}) > :nth-child({c})")
                assert found == {"lines": list(cell.lines), "drawn": len(cell.lines)}, (r, c)
    finally:
        page.close()


def it_breaks_them_in_the_slides_pdf_where_the_plan_did(built, plan):
    pdf = built / f"autour-de-docker-{LANG}.pdf"
    for number, lines in broken(plan):
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        shown = [line.replace("\u00a0", " ").strip() for line in text.splitlines() if line.strip()]
        lines = [line.replace("\u00a0", " ") for line in lines]
        assert lines[0] in shown, (number, shown)
        start = shown.index(lines[0])
        assert shown[start:start + len(lines)] == lines, (number, shown)
