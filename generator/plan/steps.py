"""Build steps of a stack diagram: at which step each box appears, and what is visible at each step.

With a bottom-up build there is one step per row, bottom first: the copies of a per-column
layer appear together, and so do the layers standing on the same row in side-by-side
stacks. Stack titles are there from the first step; a stack's column headers appear with its
first per-column layer, and a legend entry with the first layer of its kind.
"""

from __future__ import annotations

from generator.plan.boxes import Diagram

BUILD_MODES = ("none", "bottom-up")


def step_count(build: str, levels: int) -> int:
    if build not in BUILD_MODES:
        raise ValueError(f"unknown build mode {build!r}; expected one of {', '.join(BUILD_MODES)}")
    return levels if build == "bottom-up" else 1


def layer_step(build: str, level: int) -> int:
    """The step at which a layer at `level` (0 at the bottom) appears."""
    return level + 1 if build == "bottom-up" else 1


def build_plan(diagram: Diagram) -> tuple[tuple[str, ...], ...]:
    """The ids of the boxes visible at each step, in drawing order; one entry per step."""
    return tuple(
        tuple(box.id for box in diagram.boxes if box.step <= step)
        for step in range(1, diagram.steps + 1)
    )


def boxes_appearing(diagram: Diagram, step: int) -> tuple[str, ...]:
    """The ids of the boxes that appear exactly at `step`."""
    return tuple(box.id for box in diagram.boxes if box.step == step)
