"""Presenter keys of the HTML deck: black and white screens, a slide number then Enter."""

from __future__ import annotations


def open_deck(browser, sample_file, where="#/1"):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(sample_file.as_uri() + where)
    page.wait_for_selector(".slide.current")
    return page


def shade(page) -> str:
    return page.evaluate("""() => { const b = document.getElementById('blank-screen');
        return getComputedStyle(b).display === 'none' ? '' : getComputedStyle(b).backgroundColor; }""")


def it_blacks_and_whites_the_screen_out_and_any_key_brings_it_back(browser, sample_file):
    page = open_deck(browser, sample_file, "#/3")
    for key, colour in (("b", "rgb(0, 0, 0)"), (".", "rgb(0, 0, 0)"), ("w", "rgb(255, 255, 255)")):
        page.keyboard.press(key)
        assert shade(page) == colour, key
        page.keyboard.press("ArrowRight")            # brings the slide back, and does not move
        assert shade(page) == ""
        assert page.locator("#stage").get_attribute("data-current-slide") == "3"
    page.close()


def it_goes_to_the_slide_whose_number_is_typed_then_enter(browser, sample_file):
    page = open_deck(browser, sample_file)
    page.keyboard.press("1")
    page.keyboard.press("2")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('stage').dataset.currentSlide === '12'")
    assert page.url.endswith("#/12")
    page.keyboard.press("9")
    page.keyboard.press("9")
    page.keyboard.press("Enter")                     # past the end: the last slide
    page.wait_for_function("() => document.getElementById('stage').dataset.currentSlide === '21'")
    page.close()


def it_documents_the_keys_in_the_help_in_the_decks_language(browser, sample_file):
    page = open_deck(browser, sample_file)
    page.keyboard.press("?")
    help_text = page.locator("#help-box").inner_text()
    assert "écran noir" in help_text and "Entrée" in help_text
    page.close()


def it_shows_the_build_step_and_counts_the_talks_duration_down_in_the_speaker_view(browser, sample_file):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.clock.install()
    page.goto(sample_file.as_uri() + "?speaker#/6/3")
    page.wait_for_selector("#speaker-countdown")
    assert page.locator("#speaker-step").inner_text() == "Étape 3 sur 6"
    colour = lambda: page.eval_on_selector("#speaker-countdown", "e => getComputedStyle(e).color")  # noqa: E731
    normal = colour()
    assert page.locator("#speaker-countdown").inner_text() == "30:00"      # duration: 30 in the sample talk
    page.clock.run_for("27:30")
    assert page.locator("#speaker-countdown").inner_text() == "2:30" and colour() == "rgb(251, 191, 36)" != normal
    page.clock.run_for("03:00")
    assert page.locator("#speaker-countdown").inner_text() == "+0:30" and colour() == "rgb(248, 113, 113)"
    page.close()
