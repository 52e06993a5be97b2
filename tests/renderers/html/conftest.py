"""Fixtures of the HTML deck's tests: the sample deck rendered once, and one headless Chromium.

The browser is Debian's `chromium` driven by Playwright (`make test` installs both); without
them the browser tests are skipped with the reason, never silently passed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_TALK

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("DECKGEN_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def render_sample(lang: str, talk_dir: Path = SAMPLE_TALK, live=None) -> tuple[str, list]:
    """The sample talk's deck in `lang`, rendered in this process."""
    from generator.jobs import RenderJob
    from generator.content.talk import load_talk
    from generator.i18n.localize import localize
    from generator.renderers.html.deck import render_deck
    from generator.theme import load_theme

    loaded = load_talk(talk_dir)
    theme = load_theme(loaded.talk.theme, loaded.directory.resolve())
    return render_deck(RenderJob(loaded, localize(loaded, lang), theme, lang), live)


@pytest.fixture(scope="session")
def sample_html() -> dict[str, str]:
    """The sample deck's HTML text per language."""
    return {lang: render_sample(lang)[0] for lang in ("fr", "en")}


@pytest.fixture(scope="session")
def sample_file(sample_html, tmp_path_factory) -> Path:
    """The French sample deck written to a file, as a browser opens it from disk."""
    path = tmp_path_factory.mktemp("deck") / "autour-de-docker-fr.html"
    path.write_text(sample_html["fr"], encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    executable = chromium_path()
    if executable is None:
        pytest.skip("Debian's chromium is not installed (make test installs it: apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where screenshots go: $DECKGEN_SCREENSHOTS, else a temporary folder (never the repository)."""
    folder = Path(os.environ.get("DECKGEN_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
