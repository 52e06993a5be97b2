"""A diagram saved as a file carries the theme's faces, so it renders the same without them installed."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from generator.build.targets import build
from generator.renderers.diagrams.standalone import drawn_characters

DENSE = Path(__file__).resolve().parents[2] / "content" / "dense-stacks"


@pytest.fixture(scope="module")
def diagrams(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("svg")
    build([DENSE], langs=["de"], formats=["diagrams"], out=out)
    return out / "dense-stacks" / "de" / "diagrams"


def faces(svg: str) -> dict[str, TTFont]:
    found = {}
    for weight, data in re.findall(r"font-weight: (\d+);.*?base64,([A-Za-z0-9+/=]+)", svg):
        found[weight] = TTFont(io.BytesIO(base64.b64decode(data)))
    return found


def it_embeds_both_weights_covering_every_character_drawn(diagrams):
    for path in sorted(diagrams.glob("*.svg")):
        svg = path.read_text("utf-8")
        embedded = faces(svg)
        assert set(embedded) == {"400", "700"}, path.name
        drawn = drawn_characters(svg) - {" "}
        for font in embedded.values():
            assert {ord(c) for c in drawn} <= set(font.getBestCmap()), path.name
        assert "font-family: 'Calibri'" in svg and "font-family=\"'Calibri'" in svg
        assert "://" not in svg.replace("http://www.w3.org/2000/svg", "") and "href=\"http" not in svg


def it_draws_in_the_embedded_face_in_a_browser_without_the_font(browser, diagrams):
    # Calibri is not installed here: if the browser has the face, it came from the file itself.
    page = browser.new_page()
    page.goto((diagrams / "four-ways.svg").as_uri())
    ready = page.evaluate("""async () => { await document.fonts.ready;
        return [document.fonts.check('bold 18px Calibri'), [...document.fonts].filter(f => f.status === 'loaded').length]; }""")
    page.close()
    assert ready[0] is True and ready[1] >= 1
