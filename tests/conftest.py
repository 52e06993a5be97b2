"""Shared fixtures: the project root, the sample talk, and one headless Chromium for the session.

The browser is Debian's `chromium` driven by Playwright (`make test` installs both); without
them the browser tests are skipped with the reason, never silently passed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TALK = ROOT / "content" / "autour-de-docker"


@pytest.fixture(scope="session")
def sample_talk():
    """The sample talk, loaded and checked once for the whole session."""
    from generator.content.talk import load_talk

    return load_talk(SAMPLE_TALK)


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("DECKGEN_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


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
