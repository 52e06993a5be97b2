"""Click-by-click builds in PowerPoint: an appear effect per step in the slide's timing tree."""

from __future__ import annotations

from typing import Sequence

from generator.renderers.pptx.oxml.animation import add_timing, click_steps

__all__ = ["Hide", "Target", "add_build", "click_steps"]     # click_steps: the tests read builds back

Target = "int | tuple[int, int, int]"   # a shape id, or (shape id, first paragraph, last paragraph)


class Hide(int):
    """A shape id that disappears (an exit effect) at its step instead of appearing."""


def add_build(slide, steps: Sequence[Sequence]) -> None:
    """Make the shapes (or paragraph ranges) of each step appear on one click, in order (a `Hide`
    disappears at its step)."""
    if not any(steps):
        return
    add_timing(slide.element, steps, hidden=lambda target: isinstance(target, Hide))
