"""A closing slide's link: its address printed beside its label, and a QR code that reads as the URL."""

from __future__ import annotations

import io
import re

import pytest
import segno
from click.testing import CliRunner

from generator.cli import main
from generator.plan.qr import QUIET
from tests.conftest import SAMPLE_TALK

URL = "https://docs.docker.com/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("links")
    result = CliRunner().invoke(main, ["build", str(SAMPLE_TALK), "--lang", "fr", "--format", "pptx,html",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    return out / "autour-de-docker" / "fr"


def expected() -> list[list[bool]]:
    return [[bool(c) for c in row] for row in segno.make(URL, error="m", micro=False).matrix]


def it_draws_a_qr_code_of_the_url_and_prints_the_address_in_html(built):
    html = (built / "autour-de-docker-fr.html").read_text("utf-8")
    figure = re.search(r'<figure class="qr[^"]*"><svg[^>]*aria-label="Code QR\u00a0: ([^"]+)".*?<path d="([^"]+)"', html, re.S)
    assert figure and figure.group(1) == URL
    size = len(expected())
    modules = [[False] * size for _ in range(size)]
    for x, y in re.findall(r"M(\d+) (\d+)h1v1h-1z", figure.group(2)):
        modules[int(y) - QUIET][int(x) - QUIET] = True
    assert modules == expected()
    assert '<span class="url">docs.docker.com</span>' in html


def it_puts_the_qr_code_in_the_pptx_as_a_picture_named_by_its_url(built):
    from PIL import Image
    from pptx import Presentation

    slide = Presentation(str(built / "autour-de-docker-fr.pptx")).slides[-1]
    picture = next(s for s in slide.shapes if s.name == "QR code")
    assert picture._element.xpath("./p:nvPicPr/p:cNvPr")[0].get("descr") == f"Code QR\u00a0: {URL}"   # in the deck's language
    image = Image.open(io.BytesIO(picture.image.blob)).convert("1")
    size = len(expected())
    scale = image.size[0] // (size + 2 * QUIET)
    read = [[image.getpixel(((x + QUIET) * scale + scale // 2, (y + QUIET) * scale + scale // 2)) == 0
             for x in range(size)] for y in range(size)]
    assert read == expected()
    text = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert "docs.docker.com" in text


def it_sets_the_closing_words_in_balanced_lines_in_every_format(built):
    """"À vous de jouer : installez Docker | et lancez votre premier conteneur.", not a last line
    holding "conteneur." alone: the plan's lines, in the PPTX (a line break in the paragraph) and
    in the HTML (a <br>)."""
    from pptx import Presentation

    from generator.content.talk import load_talk
    from generator.i18n.localize import localize
    from generator.plan.deck import plan_deck
    from generator.theme import load_theme

    loaded = load_talk(SAMPLE_TALK)
    plan = plan_deck(localize(loaded, "fr").talk, load_theme(loaded.talk.theme, SAMPLE_TALK.resolve()), lang="fr")
    lines = plan.slides[-1].text.lines
    assert len(lines) == 2 and len(lines[-1].split()) >= 3, lines
    closing = Presentation(str(built / "autour-de-docker-fr.pptx")).slides[-1]
    words = next(shape for shape in closing.shapes if shape.has_text_frame and "vous de jouer" in shape.text_frame.text)
    first = words.text_frame.paragraphs[0]
    assert [" ".join(part.split()) for part in first.text.split("\v")] == [" ".join(line.split()) for line in lines]
    html = (built / "autour-de-docker-fr.html").read_text("utf-8")
    shown = re.search(r'<p class="closing-text">(.*?)</p>', html, re.S).group(1)
    assert [" ".join(re.sub("<[^>]+>", "", part).split()) for part in re.split(r"<br\s*/?>", shown)] == \
        [" ".join(line.split()) for line in lines]


@pytest.mark.parametrize("length", [19, 2330, 2331, 2332, 2400])
def it_says_an_address_is_too_long_for_a_qr_code_exactly_when_segno_cannot_encode_it(length):
    from generator.plan.qr import too_long

    url = "https://exemple.fr/" + "a" * (length - 19)
    try:
        segno.make(url, error="m", micro=False)
        fits = True
    except segno.DataOverflowError:
        fits = False
    assert (too_long(url) is None) == fits
