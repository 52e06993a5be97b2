"""Fixtures of the HTML deck's tests: the sample deck rendered once (the browser is the session's, tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_TALK


def render_sample(lang: str, talk_dir: Path = SAMPLE_TALK, live=None) -> tuple[str, list]:
    """The sample talk's deck in `lang`, rendered in this process."""
    from generator.build.jobs import RenderJob
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
def screenshots(tmp_path_factory) -> Path:
    """Where screenshots go: $DECKGEN_SCREENSHOTS, else a temporary folder (never the repository)."""
    folder = Path(os.environ.get("DECKGEN_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
