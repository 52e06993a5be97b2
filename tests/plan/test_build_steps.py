"""Bottom-up builds: one step per row, per-column copies together, headers and legend entries with their layers."""

from __future__ import annotations

import pytest

from generator.plan.steps import build_plan
from generator.plan.stack_diagram import layout_stacks
from generator.plan.steps import boxes_appearing


@pytest.fixture
def built(vm_stack, theme, legend):
    return layout_stacks([vm_stack], theme, legend=legend, build="bottom-up")


def test_a_bottom_up_build_has_one_step_per_layer(built, vm_stack):
    assert built.steps == len(vm_stack.layers)
    assert len(build_plan(built)) == built.steps


def test_each_step_adds_the_next_layer_up_with_all_its_copies_and_badges(built, vm_stack):
    plan = build_plan(built)
    for step, layer in enumerate(vm_stack.layers, start=1):
        added = set(plan[step - 1]) - (set(plan[step - 2]) if step > 1 else set())
        layer_boxes = {b.id for b in built.boxes if b.layer_id == layer.id}
        assert layer_boxes <= added
        assert {built.box(i).layer_id for i in added if built.box(i).layer_id} == {layer.id}
    guest = [b for b in built.boxes if b.layer_id == "guest-os"]
    assert len(guest) == 6 and {b.step for b in guest} == {4}


def test_titles_are_visible_from_the_first_step(built):
    first = set(build_plan(built)[0])
    assert "vm__title" in first


def test_a_legend_entry_appears_with_the_first_layer_of_its_kind(built):
    for kind, layer_id in (("hardware", "infrastructure"), ("os", "host-os"), ("virtualization", "hypervisor"),
                           ("libraries", "libraries"), ("app", "apps")):
        layer_step = min(b.step for b in built.boxes if b.layer_id == layer_id)
        for role in ("legend-swatch", "legend-label"):
            entry = next(b for b in built.boxes if b.role == role and b.kind == kind)
            assert entry.step == layer_step, (kind, role)
    assert {b.kind for b in built.boxes if b.role == "legend-label" and b.step == 1} == {"hardware"}


def test_column_headers_appear_with_the_first_per_column_layer(make_vm, theme):
    stack = make_vm(layers=tuple(l if l.id != "apps" else l.model_copy(update={"label": "Appli"})
                                 for l in make_vm().layers))
    diagram = layout_stacks([stack], theme, build="bottom-up")
    headers = diagram.boxes_with("column-label")
    guest = min(b.step for b in diagram.boxes if b.layer_id == "guest-os")
    assert len(headers) == 3 and {b.step for b in headers} == {guest} and guest > 1


def test_steps_only_ever_add_boxes_and_the_last_shows_everything(built):
    plan = build_plan(built)
    for before, after in zip(plan, plan[1:]):
        assert set(before) < set(after)
    assert plan[-1] == tuple(b.id for b in built.boxes)


def test_the_first_step_shows_only_the_bottom_layer(built):
    assert {built.box(i).layer_id for i in build_plan(built)[0]} - {None} == {"infrastructure"}


def test_side_by_side_levels_appear_together(vm_stack, containers_stack, theme):
    diagram = layout_stacks([vm_stack, containers_stack], theme, build="bottom-up")
    assert diagram.steps == 6
    third = set(boxes_appearing(diagram, 3))
    assert {"vm--hypervisor", "containers--docker-daemon"} <= third


def test_without_a_build_everything_shows_at_once(vm_stack, theme):
    diagram = layout_stacks([vm_stack], theme)
    assert diagram.steps == 1
    assert build_plan(diagram) == (tuple(b.id for b in diagram.boxes),)


def test_an_unknown_build_mode_is_refused(vm_stack, theme):
    with pytest.raises(ValueError, match="bottom-up"):
        layout_stacks([vm_stack], theme, build="top-down")
