"""Fixtures of the handout tests: the sample talk's handouts built once, a talk edited for the
edge cases (a 2,000-word note, a slide left out).

Each handout is built once per session and read by many tests.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_TALK
from tests.renderers.handout.reading import LEFT_OUT, LONG, LONG_NOTE, Handout, build


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory) -> Path:
    """The sample talk's three French handouts (A4, six slides per grid page) and its English lines handout."""
    out = tmp_path_factory.mktemp("handouts")
    build(SAMPLE_TALK, out, "--lang", "fr")
    return build(SAMPLE_TALK, out, "--lang", "en", "--handout", "lines")


@pytest.fixture(scope="session")
def handout(sample_out):
    """`handout(lang, layout)`: the sample's handout, read once."""
    cache = {}

    def read(lang: str, layout: str) -> Handout:
        if (lang, layout) not in cache:
            cache[lang, layout] = Handout(sample_out / lang / f"autour-de-docker-{lang}-handout-{layout}.pdf")
        return cache[lang, layout]

    return read


@pytest.fixture(scope="session")
def deck_plans(sample_talk):
    """The HTML deck's plan of the sample talk per language: the slides the handouts draw."""
    from generator.i18n.localize import localize
    from generator.plan.measure import TextMeasure
    from generator.plan.deck import plan_deck
    from generator.theme import load_theme

    theme = load_theme("default")
    return {lang: plan_deck(localize(sample_talk, lang).talk, theme, TextMeasure.for_theme(theme), lang=lang)
            for lang in ("fr", "en")}


@pytest.fixture(scope="session")
def edited_talk(tmp_path_factory) -> Path:
    """A copy of the sample talk: one slide marked `handout: false`, another with a 2,000-word note."""
    talk = tmp_path_factory.mktemp("edited") / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    path = talk / "talk.yaml"
    text = path.read_text(encoding="utf-8")
    text, found = re.subn(rf"(\n  - id: {LEFT_OUT}\n)", r"\1    handout: false\n", text)
    assert found == 1
    text, found = re.subn(rf"(\n  - id: {LONG}\n(?:    (?!notes:).*\n|      .*\n)*?)    notes: \|\n(?:      .*\n)+",
                          lambda m: m.group(1) + f"    notes: |\n      {LONG_NOTE}\n", text)
    assert found == 1
    path.write_text(text, encoding="utf-8")
    return talk


@pytest.fixture(scope="session")
def edited_out(edited_talk, tmp_path_factory) -> Path:
    """The edited talk's French notes and grid handouts."""
    return build(edited_talk, tmp_path_factory.mktemp("edited-out"), "--lang", "fr", "--handout", "notes,grid")
