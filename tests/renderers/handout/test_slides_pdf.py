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
    """The footers are printed apart and drawn over the slides: each page gets its own number
    (not on the title slide, nor on section slides, which are all colour field)."""
    pages = PdfReader(str(pdf)).pages
    kinds = [s.kind for s in talk.slides]
    for number, page in enumerate(pages, start=1):
        words = page.extract_text().split()
        if number > 1 and kinds[number - 1] != "section":
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


def structure(pdf_path):
    """The tagged structure of a PDF: per page element (Part), its kids as (role, alt, kids)."""
    reader = PdfReader(str(pdf_path))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])

    def walk(element):
        element = element.get_object()
        kids = [walk(k) for k in element.get("/K", [])
                if not isinstance(k.get_object(), int) and "/S" in k.get_object()]
        return str(element["/S"]), str(element.get("/Alt", "")), kids

    document = root["/StructTreeRoot"]["/K"][0].get_object()
    assert document["/S"] == "/Document"
    return [walk(part) for part in document["/K"]]


def roles(node) -> list[str]:
    role, _, kids = node
    return [role] + [r for kid in kids for r in roles(kid)]


def it_tags_headings_lists_tables_and_figures_for_screen_readers(pdf, talk):
    """One part a page: its heading, then lists (items with a label and a body), tables (rows of
    header and data cells) and figures with their text alternative; decorations are artifacts."""
    parts = structure(pdf)
    assert len(parts) == len(talk.slides)
    kinds = [s.kind for s in talk.slides]
    assert roles(parts[0])[:2] == ["/Part", "/H1"]
    bullets = parts[kinds.index("bullets")]
    assert roles(bullets)[1] == "/H2" and "/L" in roles(bullets)
    items = [kid for kid in bullets[2][1][2]]
    assert items and all([r for r, _, _ in item[2]] == ["/Lbl", "/LBody"] for item in items)
    table = parts[kinds.index("comparison")]
    assert {"/Table", "/TR", "/TH", "/TD"} <= set(roles(table))
    figures = [kid for part in parts for kid in part[2] if kid[0] == "/Figure"]
    assert len(figures) >= 5 and all(alt for _, alt, _ in figures)
    stack = parts[kinds.index("stack")]
    assert any(kid[0] == "/Figure" and "Infrastructure" in kid[1] for kid in stack[2])
    assert "/Pagination" not in str([r for p in parts for r in roles(p)])     # footers are artifacts


def it_tags_each_placed_slide_of_a_handout_as_a_figure_named_by_its_title(tmp_path, deck_plans):
    from generator.text.markdown import plain
    from tests.renderers.handout.reading import build as build_handout

    out = build_handout(SAMPLE_TALK, tmp_path, "--lang", "fr", "--handout", "notes")
    parts = structure(out / "fr" / "autour-de-docker-fr-handout-notes.pdf")
    alts = [alt for part in parts for role, alt, _ in part[2] if role == "/Figure"]
    assert alts == [" ".join(plain(s.heading.text).split()) for s in deck_plans["fr"].slides]
    notes = [role for part in parts for role, _, _ in part[2] if role == "/P"]
    assert len(notes) >= sum(len(s.notes) for s in deck_plans["fr"].slides)     # a paragraph (or its part on a page) each
