"""The dense test talk, read back as a client draws it: every slide of the PPTX (with the theme's
template and with a user's) and of the HTML deck in Chromium keeps its text inside the slide, its
title clear of its content, and its content clear of the footer; both decks show the same parts."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import ROOT

DENSE = ROOT / "tests" / "content" / "dense-talk"
USER_TEMPLATE = ROOT / "templates" / "dark" / "template.pptx"      # a template of the user's own
EMU = 12700


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    """The dense talk in en and de: the PPTX with the theme's template and with a user's, and the HTML."""
    out = tmp_path_factory.mktemp("dense-geometry")
    for name, extra in (("theme", []), ("user", ["--template", str(USER_TEMPLATE)])):
        result = CliRunner().invoke(main, ["build", str(DENSE), "--format", "pptx,html", "--out", str(out / name),
                                           *extra])
        assert result.exit_code == 0, result.output + result.stderr
    return out


def _boxes(slide):
    """(name, left, top, right, bottom) in points of every shape that shows text, tables or pictures."""
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame and not shape.text_frame.text.strip() and shape.shape_type != 6:
            continue
        found.append((shape.name, shape.left / EMU, shape.top / EMU, (shape.left + shape.width) / EMU,
                      (shape.top + shape.height) / EMU, shape))
    return found


@pytest.mark.parametrize("template", ["theme", "user"])
@pytest.mark.parametrize("lang", ["en", "de"])
def it_keeps_every_pptx_slide_inside_and_its_title_clear_of_its_content(decks, template, lang):
    from pptx import Presentation

    deck = Presentation(str(decks / template / "dense-talk" / lang / f"dense-talk-{lang}.pptx"))
    width, height = deck.slide_width / EMU, deck.slide_height / EMU
    for number, slide in enumerate(deck.slides, start=1):
        title = slide.shapes.title
        boxes = _boxes(slide)
        for name, left, top, right, bottom, _ in boxes:
            assert left >= -0.5 and top >= -0.5 and right <= width + 0.5 and bottom <= height + 0.5, (number, name)
        if title is None or not title.text_frame.text.strip():
            continue
        title_bottom = (title.top + title.height) / EMU
        content = [b for b in boxes if b[5].shape_id != title.shape_id and not b[5].is_placeholder
                   or (b[5].is_placeholder and b[5].placeholder_format.idx not in (0,) and b[5].shape_id != title.shape_id
                       and b[5].placeholder_format.type not in (13, 15, 16))]      # slide number, footer, date
        for name, left, top, right, bottom, _ in content:
            if top < height * 0.85:                                              # the footer band aside
                assert top >= title_bottom - 0.5, (number, name, top, title_bottom)


def test_both_templates_give_the_same_parts(decks):
    from pptx import Presentation

    for lang in ("en", "de"):
        titles = [[s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in
                   Presentation(str(decks / t / "dense-talk" / lang / f"dense-talk-{lang}.pptx")).slides]
                  for t in ("theme", "user")]
        assert titles[0] == titles[1]
        assert sum(1 for t in titles[0] if re.search(r"\(\d/\d\)$", t)) >= 15


@pytest.mark.parametrize("lang", ["en", "de"])
def it_keeps_every_html_slide_inside_and_its_title_clear_of_its_content(decks, browser, lang):
    page = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    path = decks / "theme" / "dense-talk" / lang / f"dense-talk-{lang}.html"
    page.goto(path.as_uri())
    page.wait_for_selector(".slide.current")
    total = page.locator("section.slide").count()
    assert total >= 15
    for number in range(1, total + 1):
        page.goto("about:blank")
        page.goto(path.as_uri() + f"#/{number}")
        page.wait_for_selector(".slide.current")
        found = page.evaluate("""() => {
          const slide = document.querySelector('.slide.current');
          const box = slide.getBoundingClientRect();
          const title = slide.querySelector('.slide-title');
          const footer = slide.querySelector('.slide-footer, footer');
          const out = {slide: [box.left, box.top, box.right, box.bottom], outside: [], overTitle: [], overFooter: []};
          const t = title ? title.getBoundingClientRect() : null;
          const f = footer ? footer.getBoundingClientRect() : null;
          for (const el of slide.querySelectorAll('li, td, th, p, text, pre, .box, img, svg')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1)
              out.outside.push(el.tagName + ' ' + (el.textContent || '').slice(0, 30));
            if (t && !title.contains(el) && !(footer && footer.contains(el)) && r.top < t.bottom - 1 && r.bottom > t.top + 1
                && r.left < t.right && r.right > t.left)
              out.overTitle.push(el.tagName + ' ' + (el.textContent || '').slice(0, 30));
            if (f && !footer.contains(el) && r.bottom > f.top + 1 && r.top < f.bottom && r.left < f.right && r.right > f.left)
              out.overFooter.push(el.tagName + ' ' + (el.textContent || '').slice(0, 30));
          }
          return out;
        }""")
        assert not found["outside"], (number, found["outside"][:5])
        assert not found["overTitle"], (number, found["overTitle"][:5])
        assert not found["overFooter"], (number, found["overFooter"][:5])
    page.close()
