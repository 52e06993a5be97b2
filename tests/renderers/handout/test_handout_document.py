"""The handout's HTML, before WeasyPrint: the deck's own slide markup, metadata, the printed page."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.jobs import RenderJob
from generator.i18n.localize import localize
from generator.renderers.handout.document import handout_html
from generator.renderers.handout.plan import plan_handout
from generator.renderers.html.parts import deck_parts
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
        parts = deck_parts(job)
        for _, layout, paper in [w for w in wanted if w[0] == lang]:
            plan = plan_handout(parts.plan, job.talk, layout, paper=paper, built=BUILT)
            found[lang, layout, paper] = handout_html(plan, parts, theme, subtitle=job.talk.subtitle, built=BUILT)
    return found


def it_draws_the_decks_own_slides_not_a_copy(documents, sample_talk):
    html = documents["fr", "grid", "a4"]
    assert html.count('<section class="slide kind-') == len(sample_talk.talk.slides)
    assert '<svg class="diagram stack-diagram"' in html and 'class="band"' in html
    assert ".slide-title {" in html and ".thumb .slide { transform: scale(" in html


def it_shows_every_build_step(documents):
    html = documents["fr", "lines", "a4"]
    assert "data-step=" in html and "future" not in html and "opacity" not in html.split("</style>")[1]


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


def it_embeds_its_fonts_and_pictures_as_data_urls_only(documents):
    html = documents["fr", "notes", "a4"]
    urls = re.findall(r"url\(([^)]*)\)", html) + re.findall(r'\ssrc="([^"]*)"', html)
    assert urls and all(url.startswith("data:") for url in urls), [u[:40] for u in urls if not u.startswith("data:")]
    faces = re.findall(r"@font-face \{ font-family: '([^']+)'; font-weight: (\d+); font-style: (\w+);", html)
    assert faces == [("Calibri", "400", "normal"), ("Calibri", "700", "normal"), ("Calibri", "400", "italic"),
                     ("Courier New", "400", "normal"), ("Courier New", "700", "normal")]     # the code slide


def it_gives_the_same_text_for_the_same_input(sample_talk, documents):
    theme = load_theme("default")
    job = RenderJob(sample_talk, localize(sample_talk, "fr"), theme, "fr")
    parts = deck_parts(job)
    plan = plan_handout(parts.plan, job.talk, "grid", built=BUILT)
    assert handout_html(plan, parts, theme, subtitle=job.talk.subtitle, built=BUILT) == documents["fr", "grid", "a4"]
