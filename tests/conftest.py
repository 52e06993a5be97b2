"""Shared fixtures: the project root, the sample talk, one headless Chromium for the session, and
an empty build cache for each test; every PDF the session wrote is checked by qpdf at its end.

The browser is Debian's `chromium` driven by Playwright (`make test` installs both); without
them the browser tests are skipped with the reason, never silently passed.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TALK = ROOT / "content" / "autour-de-docker"

# The build cache: never the user's; one for the session (the module and session fixtures that
# build share it) and an empty one for each test, so that no test passes on an output another
# test left in the cache (a test that breaks a renderer must see it break).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="deckgen-test-cache-")
os.environ.pop("DECKGEN_NO_CACHE", None)
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch):
    """An empty build cache for each test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session", autouse=True)
def every_pdf_is_sound(tmp_path_factory):
    """When the session ends, every PDF the tests wrote (slides, handouts, LibreOffice's
    conversions) passes `qpdf --check`: its syntax, cross-reference table and streams."""
    yield
    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf is not installed (make test installs it: apt-get install -y qpdf)"
    import subprocess

    failures = []
    for pdf in sorted(tmp_path_factory.getbasetemp().rglob("*.pdf")):
        check = subprocess.run([qpdf, "--check", str(pdf)], capture_output=True, text=True)
        if check.returncode != 0:      # 3: warnings only, 2: errors
            failures.append(f"{pdf}: {(check.stdout + check.stderr).strip().splitlines()[-1:]}")
    assert not failures, "\n".join(failures)


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
