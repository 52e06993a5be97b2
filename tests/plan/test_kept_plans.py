"""Slide plans kept a process (`plan/deck.py` PLANNED, `build/kept.py`): a talk planned again
plans again only the slides an edit changed, or whose stack, graph or comparison changed, and
the plan is the one a fresh planning gives."""

from __future__ import annotations

import pytest

from generator.build import kept as kept_parts
from generator.build.kept import Kept
from generator.content.talk import load_talk
from generator.i18n.localize import localize
from generator.plan import deck
from generator.theme import load_theme
from tests.conftest import SAMPLE_TALK


@pytest.fixture
def planned(monkeypatch):
    """The slides planned (by id) from here on, none kept from before."""
    monkeypatch.setattr(kept_parts, "_KEEPING", True)    # as `watch` keeps them
    monkeypatch.setattr(deck, "PLANNED", Kept(deck.PLANNED.size))
    ids: list[str] = []
    real = deck._Planner._plan_parts

    def plan_parts(self, number, slide):
        ids.append(slide.id)
        return real(self, number, slide)

    monkeypatch.setattr(deck._Planner, "_plan_parts", plan_parts)
    return ids


def plan(talk, lang="fr"):
    theme = load_theme(talk.talk.theme, talk.directory.resolve())
    return deck.plan_deck(localize(talk, lang).talk, theme, lang=lang)


def edited(talk, old: str, new: str):
    """The sample talk loaded with one text of its talk.yaml replaced."""
    copy = talk / "talk.yaml"
    text = copy.read_text("utf-8")
    assert old in text
    copy.write_text(text.replace(old, new, 1), "utf-8")
    return load_talk(talk)


def it_plans_again_only_what_an_edit_changed_as_a_fresh_planning_does(tmp_path, planned):
    import shutil

    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    first = plan(load_talk(talk))
    assert set(planned) == {s.id for s in load_talk(talk).talk.slides}
    planned.clear()
    assert plan(load_talk(talk)) == first
    assert planned == []

    loaded = edited(talk, "Un conteneur Docker n'est pas une machine virtuelle.",
                    "Un conteneur Docker n'est toujours pas une machine virtuelle.")
    again = plan(loaded)
    assert set(planned) == {"not-vms"}
    deck.PLANNED.clear()
    assert plan(loaded) == again

    # a stack's layer is shown by every slide that draws the stack: those are planned again
    planned.clear()
    stack = loaded.talk.stack("vm")
    layer = stack.layers[0]
    loaded = edited(talk, f"label: {layer.label}", f"label: {layer.label} (bare metal)")
    plan(loaded)
    showing = {s.id for s in loaded.talk.slides
               if "vm" in (getattr(s, "stack", None), *(getattr(s, "stacks", None) or ()))
               or (getattr(s, "comparison", None) and "vm" in loaded.talk.comparison(s.comparison).subjects)}
    assert showing and set(planned) == showing


def it_keeps_nothing_in_a_process_that_does_not_build_again():
    assert not kept_parts.keeping()
    store = Kept(2)
    assert store.key((), "a") is None
    store.put(store.key((), "a"), 1)
    assert len(store) == 0


def it_keeps_the_last_entries_and_holds_what_it_compares_by_identity(monkeypatch):
    monkeypatch.setattr(kept_parts, "_KEEPING", True)
    kept = Kept(2)
    theme, other = object(), object()
    kept.put(kept.key((theme,), "a"), 1, (theme,))
    assert kept.get(kept.key((theme,), "a"), (theme,)) == 1
    assert kept.get(kept.key((other,), "a"), (other,)) is None
    kept.put(kept.key((), "b"), 2)
    kept.get(kept.key((theme,), "a"), (theme,))          # used: kept over "b"
    kept.put(kept.key((), "c"), 3)
    assert kept.get(kept.key((), "b")) is None and kept.get(kept.key((), "c")) == 3 and len(kept) == 2
    assert kept.key((), ["a list"]) is None
    kept.put(None, 4)
    assert kept.get(None) is None
