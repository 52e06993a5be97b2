"""`--format pdf`: the slides as a PDF, one 16:9 page per slide (or per step), outline, links, metadata."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from tests.conftest import SAMPLE_TALK


def build(out, *extra):
    result = CliRunner().invoke(main, ["build", str(SAMPLE_TALK), "--lang", "fr", "--format", "pdf", "--out",
                                       str(out), *extra])
    assert result.exit_code == 0, result.stderr
    return out / "autour-de-docker" / "fr" / "autour-de-docker-fr.pdf"


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    return build(tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="module")
def talk(sample_talk):
    from generator.i18n.localize import localize

    return localize(sample_talk, "fr").talk


def it_has_one_16_9_page_per_slide_with_its_text(pdf, talk):
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == len(talk.slides)
    for page in reader.pages:
        assert float(page.mediabox.width) / float(page.mediabox.height) == pytest.approx(16 / 9, rel=0.001)
    assert "n’est pas une machine" in " ".join(reader.pages[1].extract_text().split())    # on two lines
    assert "FROM python:3.12-slim" in reader.pages[[s.id for s in talk.slides].index("dockerfile")].extract_text()


def it_puts_each_slides_own_footer_under_it(pdf, talk):
    """The footers are printed apart and drawn over the slides: each page gets its own number."""
    pages = PdfReader(str(pdf)).pages
    for number, page in enumerate(pages, start=1):
        words = page.extract_text().split()
        if number > 1:                                   # the title slide has no footer
            assert words[-1] == str(number) and "Autour de Docker" in " ".join(words[-5:]), (number, words[-5:])
    assert "Autour de Docker 1" not in " ".join(pages[0].extract_text().split()[-4:])


def it_has_an_outline_of_the_slide_titles_and_the_talks_metadata(pdf):
    from lxml import html

    from tests.renderers.html.conftest import render_sample

    sections = html.fromstring(render_sample("fr")[0]).xpath("//section[contains(@class,'slide')]")
    headings = [" ".join(s.xpath("(.//h1|.//h2)[1]")[0].text_content().split()) for s in sections]
    reader = PdfReader(str(pdf))
    assert [" ".join(o.title.split()) for o in reader.outline] == headings
    assert reader.metadata.title == "Autour de Docker" and reader.metadata.author == "Équipe deckgen"
    assert reader.trailer["/Root"]["/Lang"] == "fr"


def it_makes_links_clickable(pdf):
    last = PdfReader(str(pdf)).pages[-1]
    uris = [a.get_object()["/A"]["/URI"] for a in last.get("/Annots", []) if "/A" in a.get_object()]
    assert "https://docs.docker.com/" in uris


def it_gives_the_same_bytes_twice(pdf, tmp_path):
    assert build(tmp_path).read_bytes() == pdf.read_bytes()


def it_gives_one_page_per_build_step_with_pdf_steps(tmp_path, talk):
    stepped = PdfReader(str(build(tmp_path, "--pdf-steps")))
    steps = {"stack": lambda s: len(talk.stack(s.stack).layers) if s.build == "bottom-up" else 1,
             "code": lambda s: max(1, len(s.steps))}
    expected = sum(steps.get(s.kind, lambda s: 1)(s) for s in talk.slides)
    assert len(stepped.pages) == expected > len(talk.slides)
