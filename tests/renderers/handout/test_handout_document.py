"""The handout's HTML, before WeasyPrint: a frame per slide (the printed slides go into them),
the notes, metadata, the printed page, its own fonts."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from generator.jobs import RenderJob
from generator.i18n.localize import localize
from generator.renderers.handout.document import handout_html
from generator.renderers.handout.plan import plan_handout
from generator.theme import load_theme

BUILT = dt.datetime(2000, 1, 1)


@pytest.fixture(scope="module")
def documents(sample_talk):
    """(lang, layout, paper) -> the handout's HTML text."""
    theme = load_theme("default")
    wanted = [("fr", "notes", "a4"), ("fr", "lines", "a4"), ("fr", "grid", "a4"), ("en", "grid", "a4"),
              ("en", "notes", "letter")]
    found = {}
    for lang in ("fr", "en"):
        job = RenderJob(sample_talk, localize(sample_talk, lang), theme, lang)
        for _, layout, paper in [w for w in wanted if w[0] == lang]:
            plan = plan_handout(job.plan, job.talk, layout, paper=paper, built=BUILT)
            fonts = {}
            html = handout_html(plan, job.plan, theme, subtitle=job.talk.subtitle, built=BUILT, fonts=fonts)
            found[lang, layout, paper] = html
            found[lang, layout, paper, "fonts"] = fonts
    return found


def it_leaves_a_frame_for_each_slide_and_draws_none_itself(documents, sample_talk):
    """The slides are printed once, apart, and drawn into these frames (`compose.py`)."""
    for layout in ("notes", "lines", "grid"):
        html = documents["fr", layout, "a4"]
        frames = re.findall(r'<div class="thumb" id="slide-(\d+)"[^>]*></div>', html)
        assert [int(n) for n in frames] == list(range(1, len(sample_talk.talk.slides) + 1)), layout
        assert '<section class="slide' not in html and "<svg" not in html


def it_renders_the_notes_light_markdown(documents):
    html = documents["fr", "notes", "a4"]
    body = html.split("</style>", 1)[1]
    assert "<strong>50 millisecondes environ</strong>" in body.split('class="notes-text"', 1)[1]
    assert "<em>machines virtuelles allégées</em>" in body


def it_sets_title_author_language_and_dates_for_the_pdf_metadata(documents):
    html = documents["en", "grid", "a4"]
    assert '<html lang="en"' in html and "<title>All about Docker</title>" in html
    assert '<meta name="author" content="The deckgen team">' in html    # the author, as the en catalog gives it
    assert '<meta name="dcterms.created" content="2000-01-01T00:00:00Z">' in html


def it_prints_on_the_paper_asked_with_a_running_header_and_footer(documents):
    fr, en, letter = documents["fr", "grid", "a4"], documents["en", "grid", "a4"], documents["en", "notes", "letter"]
    assert "size: A4 portrait;" in fr and "size: letter portrait;" in letter
    assert '@bottom-right { content: "page " counter(page) " sur " counter(pages); }' in fr
    assert '@bottom-right { content: "page " counter(page) " of " counter(pages); }' in en
    assert '@top-left { content: "Autour de Docker"; }' in fr and '@bottom-left { content: "10 décembre 2026"; }' in fr
    assert "html { font-family: 'Calibri', 'Carlito'" in fr   # margin boxes inherit the root's font


def it_names_its_fonts_by_urls_the_printer_serves_from_memory(documents):
    from fontTools.ttLib import TTFont

    html, fonts = documents["fr", "notes", "a4"], documents["fr", "notes", "a4", "fonts"]
    urls = re.findall(r"url\(([^)]*)\)", html) + re.findall(r'\ssrc="([^"]*)"', html)
    assert urls and set(urls) <= set(fonts), urls
    faces = re.findall(r"@font-face \{ font-family: '([^']+)'; font-weight: (\d+); font-style: (\w+);", html)
    assert faces == [("Calibri", "400", "normal"), ("Calibri", "700", "normal"), ("Calibri", "400", "italic"),
                     ("Courier New", "400", "normal"), ("Courier New", "700", "normal")]     # `code` in notes
    regular = {chr(c) for c in TTFont(io.BytesIO(fonts[urls[0]])).getBestCmap()}
    assert set("Bonsoir à toutes et à tous") <= regular and "\u4e2d" not in regular   # the notes' own letters


def it_gives_the_same_text_for_the_same_input(sample_talk, documents):
    theme = load_theme("default")
    job = RenderJob(sample_talk, localize(sample_talk, "fr"), theme, "fr")
    plan = plan_handout(job.plan, job.talk, "grid", built=BUILT)
    again = handout_html(plan, job.plan, theme, subtitle=job.talk.subtitle, built=BUILT, fonts={})
    assert again == documents["fr", "grid", "a4"]
