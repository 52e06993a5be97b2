"""Shared fixtures: the project root and the sample talk."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TALK = ROOT / "content" / "autour-de-docker"


@pytest.fixture(scope="session")
def sample_talk():
    """The sample talk, loaded and checked once for the whole session."""
    from generator.content.talk import load_talk

    return load_talk(SAMPLE_TALK)
