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


SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">
<rect width="400" height="200" fill="#1D63ED"/><circle cx="200" cy="100" r="60" fill="#FFFFFF"/></svg>
"""


def svg_talk(root, picture: str, data: bytes):
    talk = root / "pics"
    (talk / "images").mkdir(parents=True)
    (talk / "images" / picture).write_bytes(data)
    (talk / "talk.yaml").write_text(TALK.replace("images/photo.png", f"images/{picture}"), encoding="utf-8")
    return talk


def it_shows_an_svg_picture_natively_in_pptx_with_a_png_fallback_and_inline_in_html(tmp_path):
    import zipfile

    from pptx import Presentation
    from pypdf import PdfReader

    talk = svg_talk(tmp_path, "drawing.svg", SVG.encode())
    result = CliRunner().invoke(main, ["build", str(talk), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "out" / "pics" / "en"
    deck = out / "pics-en.pptx"
    picture = next(s for s in Presentation(str(deck)).slides[1].shapes if s.shape_type == 13)
    assert picture.image.content_type == "image/png"                       # the fallback
    assert round(picture.width / picture.height, 2) == 2.0                  # the SVG's proportions
    with zipfile.ZipFile(deck) as package:
        svgs = [n for n in package.namelist() if n.endswith(".svg")]
        slide = package.read("ppt/slides/slide2.xml").decode()
    assert len(svgs) == 1 and "svgBlip" in slide
    from tests.renderers.pptx.validity import problems

    assert problems(deck) == []
    html = (out / "pics-en.html").read_text("utf-8")
    assert "data:image/svg+xml;base64," in html
    assert len(PdfReader(str(out / "pics-en-handout-notes.pdf")).pages) >= 1


@pytest.mark.parametrize("name,data,message", [
    ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>", "is not well-formed SVG"),
    ("photo.png", b"GIF89a not really a png", "is not a PNG image"),
    ("notes.txt", b"hello", "in a format the outputs cannot all show"),
    ("page.svg", b"<?xml version='1.0'?><html/>", "is XML but not SVG"),
])
def it_refuses_a_picture_it_cannot_show_in_check_with_its_place(tmp_path, name, data, message):
    talk = svg_talk(tmp_path, name, data)
    result = CliRunner().invoke(main, ["check", str(talk)])
    assert result.exit_code == 1
    assert message in result.stderr and "[ref.image]" in result.stderr and "hint:" in result.stderr
    assert "talk.yaml:9:" in result.stderr
    assert "Traceback" not in result.stderr
