"""The HTML deck written piece by piece (its slides' markup never joined into one string: 140 MiB
at 10,000 slides) is the page `render_deck` gives watch, byte for byte, whatever the page holds."""

from __future__ import annotations

from generator.renderers.html import deck


def it_writes_the_page_watch_shows(english_job):
    written = deck.render_html(english_job).files[f"{english_job.talk.id}-en.html"]
    page, _ = deck.render_deck(english_job)
    assert written == page.encode("utf-8")
    assert written.count(b'class="slot"') == len(english_job.plan.slides)


def it_renders_the_slides_in_place_when_a_text_of_the_page_holds_their_mark(english_job, monkeypatch):
    page, _ = deck.render_deck(english_job)
    monkeypatch.setattr(deck, "_SLIDES", "<meta")          # a mark the page holds already
    assert deck.render_html(english_job).files[f"{english_job.talk.id}-en.html"] == page.encode("utf-8")
