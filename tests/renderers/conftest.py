"""Fixtures the renderers' tests share."""

from __future__ import annotations

import pytest

from generator.build.jobs import RenderJob
from generator.content.talk import load_talk
from generator.i18n.localize import localize
from generator.theme import load_theme
from tests.conftest import SAMPLE_TALK


@pytest.fixture(scope="module")
def english_job() -> RenderJob:
    """The sample talk's English job, planned, rendered in the test's own process."""
    loaded = load_talk(SAMPLE_TALK)
    theme = load_theme(loaded.talk.theme, loaded.directory.resolve())
    made = RenderJob(loaded, localize(loaded, "en"), theme, "en")
    made.make_plan()
    return made
