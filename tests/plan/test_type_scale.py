"""One type scale per deck and language: one size per role across the slides of a deck (bullets,
table cells, code, stack labels as drawn), and inside one diagram one size per kind of text."""

from __future__ import annotations

import pytest

from generator.content.talk import load_talk
from generator.i18n.dates import byline
from generator.i18n.localize import localize
from generator.plan.deck import plan_deck, role_sizes
from generator.theme import load_theme
from tests.conftest import ROOT, SAMPLE_TALK

DECKS = [(SAMPLE_TALK, "fr"), (SAMPLE_TALK, "en"), (SAMPLE_TALK, "qps"),
         (ROOT / "tests/content/dense-talk", "en"), (ROOT / "tests/content/dense-talk", "de"),
         (ROOT / "tests/content/dense-stacks", "en"), (ROOT / "tests/content/dense-stacks", "de")]


def _plan(folder, lang):
    loaded = load_talk(folder)
    talk = localize(loaded, lang).talk
    return plan_deck(talk, load_theme(talk.theme, loaded.directory), lang=lang, byline=byline(talk, lang))


@pytest.mark.parametrize("folder, lang", DECKS, ids=[f"{f.name}-{l}" for f, l in DECKS])
def it_gives_every_role_one_size_across_the_deck(folder, lang):
    plan = _plan(folder, lang)
    sizes: dict[str, set[float]] = {}
    for slide in plan.slides:
        for role, size in role_sizes(slide):
            sizes.setdefault(role, set()).add(size)
    assert sizes and all(len(found) == 1 for found in sizes.values()), sizes


@pytest.mark.parametrize("folder, lang", DECKS, ids=[f"{f.name}-{l}" for f, l in DECKS])
def it_never_mixes_two_sizes_of_one_kind_of_text_in_one_diagram(folder, lang):
    plan = _plan(folder, lang)
    for slide in plan.slides:
        if slide.diagram is None:
            continue
        kinds: dict[tuple[str, str], set[float]] = {}
        for box in slide.diagram.boxes:
            for part, block in (("label", box.label), ("detail", box.detail)):
                if block is not None:
                    kinds.setdefault((box.role, part), set()).add(block.size)
        assert all(len(found) == 1 for found in kinds.values()), (slide.id, kinds)


def it_sees_two_sizes_where_two_slides_differ():
    """The check itself can fail: two bullet slides planned alone at different sizes."""
    plan = _plan(SAMPLE_TALK, "fr")
    from dataclasses import replace

    slides = list(plan.slides)
    first = next(i for i, s in enumerate(slides) if s.kind == "bullets")
    slides[first] = replace(slides[first], bullet_size=slides[first].bullet_size + 2)
    sizes = {size for s in slides for role, size in role_sizes(s) if role == "body"}
    assert len(sizes) == 2
