"""The deck's letter keys work whatever script the keyboard types: with a Russian layout the key
printed O types щ, and still opens the overview (the physical key is read when the letter is not
Latin)."""

from __future__ import annotations


def _press(page, key: str, code: str) -> None:
    page.evaluate("([key, code]) => document.dispatchEvent(new KeyboardEvent('keydown', "
                  "{key, code, bubbles: true, cancelable: true}))", [key, code])


def it_reads_the_physical_key_when_the_layout_types_another_script(browser, sample_file):
    page = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    page.goto(sample_file.as_uri() + "#/3")
    page.wait_for_selector(".slide.current")
    _press(page, "щ", "KeyO")                     # Russian layout, the key printed O
    page.wait_for_function("document.documentElement.classList.contains('overview')", timeout=3000)
    page.close()


def it_ignores_a_non_latin_letter_on_a_key_with_no_latin_letter(browser, sample_file):
    """A letter typed on a key that is not a letter key (no KeyX code) does nothing."""
    page = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    page.goto(sample_file.as_uri() + "#/3")
    page.wait_for_selector(".slide.current")
    before = page.evaluate("location.hash")
    _press(page, "ж", "Semicolon")
    page.wait_for_timeout(100)
    assert page.evaluate("location.hash") == before
    assert not page.evaluate("document.documentElement.classList.contains('overview')")
    page.close()
