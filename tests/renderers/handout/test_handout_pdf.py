"""The handout PDFs as a reader gets them: pages, slide titles in order, notes, running header and
footer, metadata, fonts, vectors, left-out slides, long notes, the same bytes twice."""

from __future__ import annotations

import math
import shutil

import pytest

from generator.text.markdown import plain
from generator.build.clock import build_time
from tests.conftest import SAMPLE_TALK
from tests.renderers.handout.reading import LEFT_OUT, LONG, LONG_NOTE, Handout, build, page_fill, squeeze

LAYOUTS = ("notes", "lines", "grid")
HEADER = {"fr": ("Autour de Docker", "Équipe deckgen"), "en": ("All about Docker", "The deckgen team")}
DATE = {"fr": "10 décembre 2026", "en": "December 10, 2026"}
PAGE_OF = {"fr": "page {} sur {}", "en": "page {} of {}"}


def titles(plan) -> list[str]:
    return [plain(slide.heading.text) for slide in plan.slides]


def assert_in_order(needles: list[str], text: str) -> None:
    """Every needle found in `text`, each after the one before (whitespace ignored)."""
    haystack, at = squeeze(text), 0
    for needle in needles:
        found = haystack.find(squeeze(needle), at)
        assert found >= 0, f"{needle!r} missing or out of order"
        at = found + 1


# Built once: the French handouts in every layout, the English one in the lines layout.
BUILT = [("fr", "notes"), ("fr", "lines"), ("fr", "grid"), ("en", "lines")]


def it_counts_pages_per_layout(handout, deck_plans):
    count = len(deck_plans["fr"].slides)
    assert len(handout("fr", "notes").pages) < count        # slides and notes share pages
    # a sheet per three or six slides; the list of links on a page of its own when the last sheet is full
    lines = math.ceil(count / 3) + (count % 3 == 0)
    assert len(handout("fr", "lines").pages) == len(handout("en", "lines").pages) == lines
    assert len(handout("fr", "grid").pages) in (math.ceil(count / 6), math.ceil(count / 6) + 1)


@pytest.mark.parametrize("lang, layout", BUILT)
def it_shows_every_slide_title_in_order(handout, deck_plans, lang, layout):
    assert_in_order(titles(deck_plans[lang]), handout(lang, layout).text)


def it_follows_each_slide_with_its_notes(handout, deck_plans):
    """Every note in order, each slide on the page where its notes begin (a slide and the first
    lines of its notes are never parted by a page break)."""
    pdf, slides = handout("fr", "notes"), deck_plans["fr"].slides
    assert_in_order([plain(p) for slide in slides for p in slide.notes], pdf.text)
    pages = [squeeze(page) for page in pdf.pages]
    where = []
    for slide in slides:
        opening = squeeze(plain(slide.notes[0]))[:30]
        page = next(i for i, text in enumerate(pages) if opening in text)
        assert squeeze(plain(slide.heading.text)) in pages[page], slide.id
        where.append(page)
    assert where == sorted(where)


@pytest.mark.parametrize("lang", ["fr", "en"])
def it_leaves_no_notes_page_but_the_last_more_than_half_empty(handout, sample_out, lang):
    if lang == "en":
        build(SAMPLE_TALK, sample_out.parent, "--lang", "en", "--handout", "notes")
    path = sample_out / lang / f"autour-de-docker-{lang}-handout-notes.pdf"
    filled = page_fill(path)
    assert len(filled) < 20 and all(share > 0.5 for share in filled[:-1]), filled


def it_puts_two_slides_without_notes_on_a_page(tmp_path):
    import yaml

    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    data = yaml.safe_load((talk / "talk.yaml").read_text(encoding="utf-8"))
    for slide in data["slides"]:
        slide.pop("notes", None)
    (talk / "talk.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = build(talk, tmp_path / "out", "--lang", "fr", "--handout", "notes")
    pdf = Handout(out / "fr" / "autour-de-docker-fr-handout-notes.pdf")
    assert len(pdf.pages) == math.ceil(len(data["slides"]) / 2)


def it_does_not_repeat_the_slides_footer_under_the_page_header(handout):
    """The running header names the talk once a page; the slides printed for handouts leave out
    their footer, which would name it again under every slide."""
    title = squeeze(HEADER["fr"][0])
    for layout in LAYOUTS:
        pages = handout("fr", layout).pages
        assert all(squeeze(page).count(title) == 1 for page in pages[1:]), (layout, [squeeze(p).count(title) for p in pages])


def it_prints_each_slide_once_for_every_layout(handout, deck_plans):
    """Each layout draws the same printed slide (a form XObject of the same content) in its frames."""
    import hashlib

    def drawings(pdf):
        found = set()
        for page in pdf.reader.pages:
            for name, form in (page["/Resources"].get("/XObject") or {}).items():
                if name.startswith("/Slide"):
                    found.add((name, hashlib.sha256(form.get_object().get_data()).hexdigest()))
        return found

    notes, grid = drawings(handout("fr", "notes")), drawings(handout("fr", "grid"))
    assert len(notes) == len(deck_plans["fr"].slides) and notes == grid


@pytest.mark.parametrize("layout", LAYOUTS)
def it_lists_the_talks_links_on_the_last_page(handout, deck_plans, layout):
    pdf = handout("fr", layout)
    last = squeeze(pdf.pages[-1])
    closing = len(deck_plans["fr"].slides)          # the closing slide, where the link is first shown
    assert "Liens" in last and squeeze(f"Documentation officielle de Docker docs.docker.com · diapo {closing}") in last
    assert not any("docs.docker.com" in page for page in pdf.pages[:-1] if "Liens" in page)
    annotations = [a.get_object() for a in pdf.reader.pages[-1].get("/Annots") or []]
    assert "https://docs.docker.com/" in {a["/A"].get("/URI") for a in annotations if "/A" in a}


@pytest.mark.parametrize("lang, layout", BUILT)
def it_prints_the_header_and_footer_on_every_page(handout, lang, layout):
    pdf = handout(lang, layout)
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages, start=1):
        text = squeeze(page)
        for words in (*HEADER[lang], DATE[lang], PAGE_OF[lang].format(number, total)):
            assert squeeze(words) in text, (number, words)


def it_says_page_1_of_n_in_english_and_page_1_sur_n_in_french(handout):
    english, french = handout("en", "lines"), handout("fr", "lines")
    total = len(french.pages)
    assert f"page 1 of {total}" in english.pages[0] and "page 1 sur" not in english.pages[0]
    assert f"page 1 sur {total}" in french.pages[0] and f"page {total} sur {total}" in french.pages[-1]


@pytest.mark.parametrize("lang, layout", BUILT)
def it_sets_title_author_and_language_in_the_metadata(handout, lang, layout):
    pdf = handout(lang, layout)
    assert pdf.reader.metadata.title == HEADER[lang][0]
    assert pdf.reader.metadata.author == HEADER[lang][1]
    assert pdf.lang == lang
    assert pdf.reader.metadata.creation_date.replace(tzinfo=None) == build_time()   # SOURCE_DATE_EPOCH or 2000


def it_embeds_only_the_themes_fonts_under_the_themes_family_name(handout):
    for layout in LAYOUTS:
        assert handout("fr", layout).fonts() <= {"Calibri", "Calibri-Bold", "Calibri-Italic", "Courier New", "Courier New-Bold"}
    assert {"Calibri", "Calibri-Bold", "Calibri-Italic"} <= handout("fr", "notes").fonts()   # notes' *italic*


def it_draws_slides_as_vectors_not_pictures(handout, sample_talk):
    """Slide text is text (extracted above); the only raster images are the graph's node icons."""
    icons = sum(1 for graph in sample_talk.talk.graphs for node in graph.nodes if node.icon)
    for layout in LAYOUTS:
        images = handout("fr", layout).images()
        assert len(images) <= icons and all(max(size) <= 256 for size in images), images


@pytest.mark.parametrize("per_page, paper", [(2, "a4"), (4, "a4"), (9, "letter")])
def it_puts_2_4_or_9_slides_on_a_grid_page_of_a4_or_letter(tmp_path, deck_plans, per_page, paper):
    """Six a page is the sample's default build; one a page, and every count on both papers, are
    planned in test_handout_plan."""
    out = build(SAMPLE_TALK, tmp_path, "--lang", "en", "--handout", "grid", "--per-page", str(per_page),
                "--paper", paper)
    assert sorted(p.name for p in (out / "en").iterdir()) == ["autour-de-docker-en-handout-grid.pdf"]
    pdf = Handout(out / "en" / "autour-de-docker-en-handout-grid.pdf")
    names = titles(deck_plans["en"])
    sheets = math.ceil(len(names) / per_page)
    # The list of links follows the last slides, on a page of its own when their sheet is full.
    assert len(pdf.pages) in (sheets, sheets + 1) and "Links" in pdf.pages[-1]
    assert len(pdf.pages) == sheets or not any(squeeze(name) in squeeze(pdf.pages[-1])
                                             for name in names[(sheets - 1) * per_page:])
    for index, page in enumerate(pdf.pages[:sheets]):
        for name in names[index * per_page:(index + 1) * per_page]:
            assert squeeze(name) in squeeze(page)
        assert f"page {index + 1} of {len(pdf.pages)}" in page
    box = pdf.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == {"a4": (595, 842), "letter": (612, 792)}[paper]


def it_gives_the_same_bytes_twice(tmp_path, sample_out):
    out = build(SAMPLE_TALK, tmp_path, "--lang", "fr", "--handout", "grid")
    name = "fr/autour-de-docker-fr-handout-grid.pdf"
    assert (out / name).read_bytes() == (sample_out / name).read_bytes()


@pytest.mark.parametrize("layout", ["notes", "grid"])   # every layout is planned without it in test_handout_plan
def it_leaves_out_slides_marked_handout_false(edited_out, deck_plans, layout):
    pdf = Handout(edited_out / "fr" / f"autour-de-docker-fr-handout-{layout}.pdf")
    left_out = next(slide for slide in deck_plans["fr"].slides if slide.id == LEFT_OUT)
    assert squeeze(plain(left_out.heading.text)) not in squeeze(pdf.text)
    assert_in_order([t for s, t in zip(deck_plans["fr"].slides, titles(deck_plans["fr"])) if s.id != LEFT_OUT],
                    pdf.text)
    shown = len(deck_plans["fr"].slides) - 1
    if layout != "notes":
        assert len(pdf.pages) == math.ceil(shown / (3 if layout == "lines" else 6))


def it_flows_a_2000_word_note_onto_further_pages_without_losing_a_word(edited_out, deck_plans):
    pdf = Handout(edited_out / "fr" / "autour-de-docker-fr-handout-notes.pdf")
    shown = len(deck_plans["fr"].slides) - 1
    assert len(pdf.pages) > shown
    words = [w for w in pdf.text.split() if w.startswith("mot") and w[3:].isdigit()]
    assert words == LONG_NOTE.split()
    start = next(i for i, page in enumerate(pdf.pages) if "mot0001" in page)
    end = next(i for i, page in enumerate(pdf.pages) if "mot2000" in page)
    assert end - start >= 3 and all("page" in pdf.pages[i] for i in range(start, end + 1))
    long = next(slide for slide in deck_plans["fr"].slides if slide.id == LONG)
    assert squeeze(plain(long.heading.text)) in squeeze(pdf.pages[start])


def it_refuses_unknown_layouts_and_slide_counts(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    for args in (["--handout", "notes,posters"], ["--per-page", "5"], ["--paper", "a3"], ["--print-theme", "sepia"]):
        result = CliRunner().invoke(main, ["build", str(SAMPLE_TALK), "--format", "handout", "--out", str(tmp_path),
                                           *args])
        assert result.exit_code == 2, result.output
    assert "unknown handout layout 'posters'" in CliRunner().invoke(
        main, ["build", str(SAMPLE_TALK), "--handout", "posters", "--out", str(tmp_path)]).output
    assert not any(tmp_path.iterdir())

