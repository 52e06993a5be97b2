"""The dense test talk: four stacks side by side (1, 4, 4 and 4 columns), English and German."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.talk import load_talk
from generator.i18n.localize import localize
from generator.plan.deck import plan_deck
from generator.theme import load_theme
from tests.plan.invariants import assert_legible

DENSE = Path(__file__).resolve().parents[1] / "content" / "dense-stacks"


@pytest.fixture(scope="module")
def plans():
    loaded = load_talk(DENSE)
    theme = load_theme("default")
    return {lang: plan_deck(localize(loaded, lang).talk, theme, lang=lang) for lang in ("en", "de")}


@pytest.mark.parametrize("lang", ["en", "de"])
def it_plans_every_diagram_legibly(plans, lang, theme, measure):
    plan = plans[lang]
    assert plan.problems == ()
    diagrams = [s.diagram for s in plan.slides if s.diagram is not None]
    assert len(diagrams) == 4
    for diagram in diagrams:
        assert_legible(diagram, measure.for_lang(lang))


@pytest.mark.parametrize("lang", ["en", "de"])
def it_shows_the_missing_guest_os_as_a_gap_on_the_four_stack_slide(plans, lang):
    diagram = plans[lang].slide("four-ways").diagram
    box = diagram.box
    guest = box("vms--guest-os")
    assert guest.copies == 4
    # containers: nothing on the guest OS row, their libraries level with the VMs' libraries
    assert not [b for b in diagram.boxes_with("layer") if b.stack_id == "containers" and b.level == guest.level]
    assert box("containers--libraries").y == pytest.approx(box("vms--libraries").y)
    assert box("containers--runtime").y == pytest.approx(box("vms--hypervisor").y)
    # every stack stands on the same ground
    bottoms = {round(box(f"{s}--hardware").bottom, 6) for s in ("bare-metal", "vms", "containers", "functions")}
    assert len(bottoms) == 1


def it_hyphenates_german_compounds_with_a_hyphen(plans):
    lines = [line for s in plans["de"].slides if s.diagram for b in s.diagram.boxes for t in b.texts
             for line in t.lines]
    hyphenated = [line for line in lines if line.endswith("-")]
    assert hyphenated, "a German compound this long is expected to be hyphenated somewhere"
    assert all(line[-2].isalpha() for line in hyphenated)


def it_does_not_repeat_the_slide_title_over_a_lone_stack(plans):
    for lang in ("en", "de"):
        for slide_id in ("vms-alone", "functions-alone"):
            assert not plans[lang].slide(slide_id).diagram.boxes_with("stack-title")


def it_continues_a_denser_variant_on_a_new_slide_by_whole_stacks(theme):
    """Column names too long for four stacks on one slide: the slide is continued, two stacks a
    part, each part fitting at the floors; a warning names the split, and nothing is an error."""
    loaded = load_talk(DENSE)
    talk = localize(loaded, "de").talk
    long_names = ("Benachrichtigungsdienst", "Suchindexierungsdienst", "Zahlungsabwicklung", "Webfrontend")
    stacks = tuple(s.model_copy(update={"columns": long_names}) if s.columns else s for s in talk.stacks)
    plan = plan_deck(talk.model_copy(update={"stacks": stacks}), theme, lang="de")
    assert not plan.errors
    parts = [s for s in plan.slides if s.id == "four-ways"]
    assert [(s.part, s.parts) for s in parts] == [(1, 2), (2, 2)]
    assert [s.heading.text[-5:] for s in parts] == ["(1/2)", "(2/2)"]
    assert all(s.diagram.fits and s.diagram.boxes for s in parts)
    shown = [{b.stack_id for b in s.diagram.boxes_with("layer")} for s in parts]
    assert shown == [{"bare-metal", "vms"}, {"containers", "functions"}]
    assert [p.code for p in plan.problems if p.slide_id == "four-ways"] == ["fit.split"]
    assert [s.number for s in plan.slides] == list(range(1, len(plan.slides) + 1))


def it_refuses_the_split_when_the_slide_says_split_false(theme):
    loaded = load_talk(DENSE)
    talk = localize(loaded, "de").talk
    long_names = ("Benachrichtigungsdienst", "Suchindexierungsdienst", "Zahlungsabwicklung", "Webfrontend")
    stacks = tuple(s.model_copy(update={"columns": long_names}) if s.columns else s for s in talk.stacks)
    slides = tuple(s.model_copy(update={"split": False}) if s.id == "four-ways" else s for s in talk.slides)
    plan = plan_deck(talk.model_copy(update={"stacks": stacks, "slides": slides}), theme, lang="de")
    assert {(p.slide_id, p.code) for p in plan.errors} >= {("four-ways", "fit.split")}
    assert len([s for s in plan.slides if s.id == "four-ways"]) == 1
