"""The sample talk's diagrams in French and English: readable from the back of the room."""

from __future__ import annotations

import pytest

from generator.content.talk import load_talk
from generator.i18n.localize import localize
from generator.plan.deck import plan_deck
from tests.conftest import SAMPLE_TALK
from tests.plan.invariants import assert_legible


@pytest.fixture(scope="module", params=["fr", "en"])
def plan(request, theme):
    loaded = load_talk(SAMPLE_TALK)
    return plan_deck(localize(loaded, request.param).talk, theme, lang=request.param)


def it_fits_everything_at_or_above_the_floors(plan, measure):
    assert plan.problems == ()
    diagrams = [s.diagram for s in plan.slides if s.diagram is not None]
    assert len(diagrams) == 3
    for diagram in diagrams:
        assert_legible(diagram, measure.for_lang(plan.lang))
        for box in diagram.boxes:
            for block in box.texts:
                floor = 18 if (box.role in ("layer", "stack-title") and block is box.label) else 14
                assert block.size >= floor, (box.id, block.size)


def it_shows_the_missing_guest_os_as_a_gap_side_by_side(plan):
    diagram = plan.slide("side-by-side").diagram
    box = diagram.box
    guest = box("vm--guest-os--0")
    assert box("containers--libraries--0").y == pytest.approx(box("vm--libraries--0").y)
    assert box("containers--docker-daemon").y == pytest.approx(box("vm--hypervisor").y)
    containers = [b for b in diagram.boxes_with("layer") if b.stack_id == "containers"]
    assert not any(b.y < guest.bottom and b.bottom > guest.y for b in containers)


def it_draws_graph_labels_at_or_above_the_floors(plan):
    from generator.plan.graph.layout import smallest_text

    graph = next(s.graph for s in plan.slides if s.graph is not None)
    nodes, edges = smallest_text(graph, (plan.geometry.body.w, plan.geometry.body.h))
    assert nodes >= 18 and edges >= 14


def it_names_legend_kinds_in_the_decks_language_in_one_order(plan, theme):
    orders = set()
    for slide in plan.slides:
        if slide.diagram is None:
            continue
        labels = slide.diagram.boxes_with("legend-label")
        kinds = [b.kind for b in labels]
        assert kinds == [k for k in theme.kinds if k in kinds]
        assert all(b.label.text != b.kind for b in labels)
        orders.add(tuple(kinds))
    assert orders
