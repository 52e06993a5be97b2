"""The deck in a real headless Chromium: offline, keys and build steps, the URL, the speaker view,
the overview, printing, scaling, and screenshots of the slides that matter most."""

from __future__ import annotations

import io
import re

import pytest


@pytest.fixture(scope="module")
def context(browser):
    made = browser.new_context(viewport={"width": 1280, "height": 720})
    yield made
    made.close()


class Deck:
    """A page showing the sample deck, with what it logged and asked for."""

    def __init__(self, page, url: str):
        self.page, self.url = page, url
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    def open(self, hash_: str = "") -> "Deck":
        # A fresh load each time: going to another #hash of the same document only fires a
        # hashchange, which the deck handles a moment after goto returns.
        if self.page.url.startswith(self.url):
            self.page.goto("about:blank")
        self.page.goto(self.url + hash_)
        self.page.wait_for_selector(".slide.current")
        return self

    def press(self, *keys: str) -> "Deck":
        for key in keys:
            self.page.keyboard.press(key)
        return self

    def hash_is(self, expected: str) -> bool:
        """Whether the address ends in `expected`, waiting for it: the deck rewrites it with
        history.replaceState, and Playwright's page.url learns of that a moment later."""
        self.page.wait_for_function("expected => location.hash === expected", arg=expected, timeout=3000)
        return self.page.evaluate("location.hash") == expected

    @property
    def where(self) -> tuple[int, int]:
        stage = self.page.locator("#stage")
        return int(stage.get_attribute("data-current-slide")), int(stage.get_attribute("data-current-step"))

    def heading(self) -> str:
        return self.page.locator(".slide.current :is(h1, h2)").inner_text()

    def hidden_steps(self) -> list[int]:
        return self.page.eval_on_selector_all(
            ".slide.current [data-step].future", "els => els.map(e => +e.getAttribute('data-step'))")


@pytest.fixture
def deck(context, sample_file):
    page = context.new_page()
    opened = Deck(page, sample_file.as_uri())
    yield opened
    page.close()


def it_loads_with_no_console_error_and_no_request_but_the_file(deck, sample_file):
    deck.open()
    deck.press("End", "Home")
    deck.page.wait_for_timeout(100)
    assert deck.errors == []
    assert deck.requests == [sample_file.as_uri()]
    assert deck.where == (1, 1) and deck.page.locator("h1").count() == 1
    assert deck.page.evaluate("document.fonts.check(\"700 48px Calibri\")")
    assert deck.page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').length") >= 2


def it_moves_through_slides_and_build_steps_in_order_and_back(deck):
    deck.open("#/5")
    deck.press("ArrowRight")
    assert deck.where == (6, 1) and deck.heading() == "Machines virtuelles"
    assert sorted(set(deck.hidden_steps())) == [2, 3, 4, 5, 6]
    for step in range(2, 7):
        deck.press(["ArrowRight", "Space", "PageDown", "ArrowDown", "n"][step - 2])
        assert deck.where == (6, step)
        assert set(deck.hidden_steps()) == set(range(step + 1, 7))
    deck.press("ArrowRight")
    assert deck.where == (7, 1)
    deck.press("ArrowLeft")
    assert deck.where == (6, 6) and deck.hidden_steps() == []
    deck.press("PageUp", "Shift+Space", "ArrowUp")
    assert deck.where == (6, 3) and set(deck.hidden_steps()) == {4, 5, 6}
    deck.press("Home")
    assert deck.where == (1, 1)
    deck.press("ArrowLeft")
    assert deck.where == (1, 1)
    deck.press("End")
    assert deck.where == (21, 1)
    deck.press("ArrowRight")
    assert deck.where == (21, 1)
    assert deck.errors == []


def it_keeps_the_slide_in_the_url_so_a_link_or_a_reload_opens_it(deck):
    deck.open("#/13")
    assert deck.where == (13, 1) and deck.heading() == "Côte à côte"
    deck.press("ArrowRight", "ArrowRight")
    assert deck.hash_is("#/15")
    deck.page.reload()
    deck.page.wait_for_selector(".slide.current")
    assert deck.where == (15, 1)
    deck.page.evaluate("location.hash = '#/3'")
    deck.page.wait_for_function("() => document.getElementById('stage').dataset.currentSlide === '3'")
    deck.open("#/999")
    assert deck.where == (21, 1)


def it_keeps_the_build_step_in_the_url_too(deck):
    deck.open("#/6/3")
    assert deck.where == (6, 3) and set(deck.hidden_steps()) == {4, 5, 6}
    deck.press("ArrowRight")
    assert deck.hash_is("#/6/4")
    deck.page.reload()
    deck.page.wait_for_selector(".slide.current")
    assert deck.where == (6, 4)
    deck.press("ArrowLeft", "ArrowLeft", "ArrowLeft")
    assert deck.hash_is("#/6")
    deck.open("#/6/99")
    assert deck.where == (6, 6)


def it_swipes_on_touch_screens(browser, sample_file):
    context = browser.new_context(viewport={"width": 800, "height": 450}, has_touch=True)
    page = context.new_page()
    page.goto(sample_file.as_uri() + "#/2")
    swipe = """([from, to]) => {
        const v = document.getElementById('viewport');
        const touch = (x) => new Touch({identifier: 1, target: v, clientX: x, clientY: 200});
        v.dispatchEvent(new TouchEvent('touchstart', {touches: [touch(from)], changedTouches: [touch(from)], bubbles: true}));
        v.dispatchEvent(new TouchEvent('touchend', {touches: [], changedTouches: [touch(to)], bubbles: true}));
    }"""
    page.evaluate(swipe, [600, 200])
    assert page.locator("#stage").get_attribute("data-current-slide") == "3"
    page.evaluate(swipe, [200, 600])
    page.evaluate(swipe, [200, 600])
    assert page.locator("#stage").get_attribute("data-current-slide") == "1"
    context.close()


def it_scales_the_slide_to_any_window_at_16_9_with_letterboxing(deck):
    deck.open("#/2")
    for width, height in ((1280, 720), (1000, 1000), (1600, 600)):
        deck.page.set_viewport_size({"width": width, "height": height})
        deck.page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        box = deck.page.locator(".slide.current").bounding_box()
        assert box["width"] / box["height"] == pytest.approx(16 / 9, rel=0.01)
        # one side fills the window, the other is letterboxed, the slide centred
        assert max(box["width"] / width, box["height"] / height) == pytest.approx(1, abs=0.01)
        assert box["width"] <= width + 1 and box["height"] <= height + 1
        assert box["x"] + box["width"] / 2 == pytest.approx(width / 2, abs=1)
        assert box["y"] + box["height"] / 2 == pytest.approx(height / 2, abs=1)
    deck.page.set_viewport_size({"width": 1280, "height": 720})


def it_shows_the_overview_and_jumps_to_the_slide_clicked(deck):
    deck.open("#/4")
    deck.press("o")
    assert "overview" in deck.page.locator("html").get_attribute("class")
    assert deck.page.locator(".slot").nth(9).is_visible()
    deck.page.locator(".slot").nth(9).click()
    assert "overview" not in (deck.page.locator("html").get_attribute("class") or "")
    assert deck.where == (10, 1) and deck.hash_is("#/10")
    deck.press("Escape")
    assert "overview" in deck.page.locator("html").get_attribute("class")
    deck.press("ArrowRight", "ArrowRight", "Enter")
    assert deck.where == (12, 1) and "overview" not in (deck.page.locator("html").get_attribute("class") or "")
    deck.press("?")
    assert "Échap\u00a0: vue d’ensemble" in deck.page.locator("#help-box").inner_text()
    deck.press("?")
    assert deck.page.locator("#help-box").is_hidden()
    assert deck.errors == []


def it_shows_every_slide_one_under_the_other_when_scripts_are_off(browser, sample_file):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_file.as_uri())
    visible = page.eval_on_selector_all(".slide", "els => els.filter(e => getComputedStyle(e).visibility === 'visible').length")
    assert visible == 21
    context.close()


def it_opens_a_speaker_view_that_shows_the_notes_and_follows_both_ways(deck):
    deck.open("#/3")
    notes = {n: deck.page.eval_on_selector(f"#slide-{n} .notes p", "p => p.textContent")[:40] for n in (3, 4, 6)}
    plain = lambda text: text  # noqa: E731 - the notes as the page holds them
    with deck.page.expect_popup() as popup_info:
        deck.press("s")
    speaker = popup_info.value
    errors = []
    speaker.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    speaker.wait_for_selector("#speaker-notes p")
    assert "?speaker" in speaker.url
    panel = speaker.locator("#speaker-notes")
    assert plain(notes[3]) in panel.inner_text()
    deck.press("ArrowRight")
    speaker.wait_for_function("() => document.getElementById('stage').dataset.currentSlide === '4'")
    assert plain(notes[4]) in panel.inner_text()
    speaker.keyboard.press("ArrowRight")
    speaker.keyboard.press("ArrowRight")
    deck.page.wait_for_function("() => document.getElementById('stage').dataset.currentSlide === '6'")
    assert plain(notes[6]) in panel.inner_text()
    assert speaker.locator(".next-label").inner_text() == "Étape suivante"
    speaker.keyboard.press("ArrowRight")
    deck.page.wait_for_function("() => document.getElementById('stage').dataset.currentStep === '2'")
    assert re.fullmatch(r"\d+:\d\d", speaker.locator("#speaker-timer").inner_text())
    assert re.fullmatch(r"\d\d:\d\d", speaker.locator("#speaker-clock").inner_text())
    assert speaker.locator(".next-viewport .slide").count() == 1
    assert errors == [] and deck.errors == []
    speaker.close()


def it_prints_one_16_9_page_per_slide_with_every_build_step(deck):
    from pypdf import PdfReader

    deck.open("#/6")
    pdf = PdfReader(io.BytesIO(deck.page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) == 21
    for page in pdf.pages:
        box = page.mediabox
        assert float(box.width) / float(box.height) == pytest.approx(16 / 9, rel=0.01)
    vm = pdf.pages[5].extract_text()
    assert "Infrastructure" in vm and "Appli Python" in vm and "Système invité" in vm
    assert "Notes" not in pdf.pages[2].extract_text()


def it_honours_reduced_motion_and_shows_keyboard_focus(browser, sample_file):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(sample_file.as_uri() + "#/6")
    page.wait_for_selector(".slide.current [data-step]")
    duration = page.eval_on_selector(".slide.current [data-step]", "e => getComputedStyle(e).transitionDuration")
    assert duration == "0s"
    page.goto(sample_file.as_uri() + "#/21")   # the same document: the deck moves on its hashchange
    page.wait_for_function("() => document.getElementById('stage').dataset.currentSlide === '21'")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.tagName + ' ' + getComputedStyle(document.activeElement).outlineStyle")
    assert focused == "A solid"
    context.close()


def it_takes_screenshots_of_the_slides_that_matter(context, sample_file, screenshots):
    """Pictures to look at (title, the VM stack mid-build, side by side, the table, the speaker view)."""
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    shots = {"title": ("#/1", 0), "vm-stack-step-3": ("#/6", 2), "side-by-side": ("#/12", 0),
             "differences": ("#/13", 0), "daemon-graph": ("#/15", 0)}
    for name, (hash_, steps) in shots.items():
        page.goto("about:blank")   # a fresh load, not a hashchange the deck handles later
        page.goto(sample_file.as_uri() + hash_)
        for _ in range(steps):
            page.keyboard.press("ArrowRight")
        page.wait_for_timeout(450)
        page.screenshot(path=str(screenshots / f"{name}.png"))
    pixel = page.evaluate("""() => getComputedStyle(document.querySelector('.slide.current .band')).backgroundColor""")
    assert pixel == "rgb(29, 99, 237)"
    page.goto("about:blank")
    page.goto(sample_file.as_uri() + "#/6")
    page.keyboard.press("ArrowRight")
    with page.expect_popup() as popup_info:
        page.keyboard.press("s")
    speaker = popup_info.value
    speaker.set_viewport_size({"width": 1280, "height": 800})
    speaker.wait_for_selector("#speaker-notes p")
    speaker.wait_for_timeout(300)
    speaker.screenshot(path=str(screenshots / "speaker-view.png"))
    speaker.close()
    page.close()
    assert len(list(screenshots.glob("*.png"))) >= 6
