"""Two-column slides: both bodies of the "Two Content" layout in PPTX, a two-column grid in HTML and handouts."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner

from generator.cli import main

TALK = """\
id: two
title: Two
lang: en
translations: [fr]
slides:
  - id: compare
    kind: two-columns
    title: Where each runs best
    left:
      heading: Virtual machines
      bullets:
        - Whole systems: each with its own kernel
        - text: Strong isolation
          bullets: [a hypervisor between guests]
    right:
      heading: Containers
      text: One kernel shared by every application.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("two")
    talk = root / "two"
    talk.mkdir()
    (talk / "talk.yaml").write_text(TALK, "utf-8")
    assert CliRunner().invoke(main, ["i18n", "update", str(talk)]).exit_code == 0
    result = CliRunner().invoke(main, ["build", str(talk), "--lang", "en", "--format", "pptx,html,handout",
                                       "--handout", "notes", "--out", str(root / "out")])
    assert result.exit_code == 0, result.stderr
    return root / "out" / "two" / "en", talk


def it_fills_both_bodies_of_the_two_content_layout(built):
    from pptx import Presentation

    from tests.renderers.pptx.validity import problems

    out, _ = built
    slide = Presentation(str(out / "two-en.pptx")).slides[0]
    assert slide.slide_layout.name == "Two Content"
    from pptx.enum.shapes import PP_PLACEHOLDER

    kinds = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
    bodies = sorted((p for p in slide.placeholders if p.placeholder_format.type in kinds), key=lambda p: p.left)
    assert len(bodies) == 2
    left, right = ([p.text.replace("\v", " ") for p in b.text_frame.paragraphs] for b in bodies)
    assert left == ["Virtual machines", "Whole systems: each with its own kernel", "Strong isolation",
                    "a hypervisor between guests"]
    assert right == ["Containers", "One kernel shared by every application."]
    assert bodies[0].text_frame.paragraphs[0].runs[0].font.bold
    sizes = {r.font.size.pt for b in bodies for p in b.text_frame.paragraphs[:2] for r in p.runs}
    assert len(sizes) == 1                                   # one size for both columns
    assert bodies[0].left + bodies[0].width < bodies[1].left
    assert problems(out / "two-en.pptx") == []


def it_lays_out_a_two_column_grid_in_html_and_handouts(built):
    from lxml import html

    out, _ = built
    page = html.fromstring((out / "two-en.html").read_bytes())
    columns = page.xpath("//section[@id='slide-1']//div[contains(@class,'two-columns')]/div[@class='column']")
    assert [c.xpath("string(h3)") for c in columns] == ["Virtual machines", "Containers"]
    text = subprocess.run(["pdftotext", "-layout", str(out / "two-en-handout-notes.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    line = next(l for l in text.splitlines() if "Virtual machines" in l)
    assert "Containers" in line                              # side by side on the page


def it_extracts_both_columns_for_translators(built):
    _, talk = built
    catalog = (talk / "locales" / "fr.po").read_text("utf-8")
    for context in ("slides/compare/left/heading", "slides/compare/left/bullets", "slides/compare/right/text"):
        assert f'msgctxt "{context}"' in catalog


def it_leaves_the_planned_gap_under_a_column_heading_in_the_html_as_in_the_pdf(built, browser):
    """The gap under a column heading is the plan's (the bullet gap, in ems of the text), in the
    browser as in the slides PDF: the heading's line box ends `BULLET_GAP` ems above the list."""
    from generator.plan.geometry import BULLET_GAP

    out, _ = built
    page = browser.new_page(viewport={"width": 960, "height": 540})
    page.goto((out / "two-en.html").as_uri() + "#/1")
    page.wait_for_selector(".slide.current")
    gap, size = page.evaluate("""() => {
        const column = document.querySelector('#slide-1 .column');
        const heading = column.querySelector('.column-heading').getBoundingClientRect();
        const list = column.querySelector('.bullets').getBoundingClientRect();
        const scale = document.querySelector('#slide-1').getBoundingClientRect().width / 960;
        return [(list.top - heading.bottom) / scale,
                parseFloat(getComputedStyle(column.querySelector('.column-heading')).fontSize)];
    }""")
    page.close()
    assert gap == pytest.approx(BULLET_GAP * size, abs=0.5)
