"""A talk with a picture builds in every format: the picture, its alt text and caption everywhere."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main

TALK = """\
id: pics
title: Pictures
lang: en
slides:
  - {id: title, kind: title}
  - id: photo
    kind: image
    title: A photo
    src: images/photo.png
    alt: A white frame on a blue ground
    caption: The caption under the picture
    notes: Look at this.
  - {id: bye, kind: closing, text: Thanks}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from PIL import Image

    root = tmp_path_factory.mktemp("pics")
    talk = root / "pics"
    (talk / "images").mkdir(parents=True)
    Image.new("RGB", (800, 450), "#1D63ED").save(talk / "images" / "photo.png")
    (talk / "talk.yaml").write_text(TALK, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(talk), "--out", str(root / "out")])
    assert result.exit_code == 0, result.stderr
    return root / "out" / "pics" / "en"


def test_the_pptx_holds_the_picture_with_its_alt_text(built):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    slide = Presentation(str(built / "pics-en.pptx")).slides[1]
    pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    assert pictures[0]._element.xpath("./p:nvPicPr/p:cNvPr")[0].get("descr") == "A white frame on a blue ground"
    assert any(s.has_text_frame and s.text_frame.text == "The caption under the picture" for s in slide.shapes)


def test_the_html_embeds_the_picture(built):
    html = (built / "pics-en.html").read_text("utf-8")
    assert 'alt="A white frame on a blue ground"' in html
    assert "data:image/png;base64," in html
    assert "images/photo.png" not in html


def test_the_handout_prints_it_with_its_caption_and_no_made_up_date(built):
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(str(built / "pics-en-handout-notes.pdf")).pages)
    assert "The caption under the picture" in text and "Look at this." in text
    assert "2000" not in text
