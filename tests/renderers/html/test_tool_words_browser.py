"""The deck's own words in a real Chromium, in German and in Japanese: the help the ? key shows,
the slides' role and the speaker view's step counter read the tool's catalogs."""

from __future__ import annotations

import pytest

from generator.i18n.tool_words import word
from tests.renderers.html.conftest import render_sample


@pytest.fixture(scope="module", params=["de", "ja"])
def deck(request, tmp_path_factory):
    lang = request.param
    path = tmp_path_factory.mktemp(f"deck-{lang}") / f"autour-de-docker-{lang}.html"
    path.write_text(render_sample(lang)[0], encoding="utf-8")
    return lang, path


def it_shows_the_catalogs_help_on_the_question_mark_key(browser, deck):
    lang, path = deck
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(path.as_uri() + "#/1")
    page.wait_for_selector(".slide.current")
    assert page.locator("#help-box").is_hidden()
    page.keyboard.press("?")
    assert page.locator("#help-box").is_visible()
    assert page.locator("#help-box").inner_text() == word(lang, "deck/help")
    assert page.locator(".slide.current").get_attribute("aria-roledescription") == word(lang, "deck/slide-role")
    page.close()


def it_counts_build_steps_in_the_speaker_view_with_the_catalogs_words(browser, deck):
    lang, path = deck
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(path.as_uri() + "?speaker#/6/3")
    page.wait_for_selector("#speaker-step")
    assert page.locator("#speaker-step").inner_text() == word(lang, "deck/step-n-of", n=3, total=6)
    page.close()
