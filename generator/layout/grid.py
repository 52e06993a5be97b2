"""Where each layer of one or more stacks goes: levels, columns and rectangles, before any text.

Stacks stand side by side with their bottoms aligned and share one grid of levels: the
i-th layer from the bottom of every stack sits at level i, so layers that play the same part
low in the stacks (infrastructure, host OS, then the hypervisor and the Docker daemon) line
up across them. Layers are never stretched and no level is left empty, so a stack with fewer
layers is simply shorter, which is what a side-by-side comparison should show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from generator.layout.style import DiagramStyle
from generator.model.talk import Layer, Stack

COLUMN_FIELD = "{column}"


@dataclass(frozen=True)
class Slot:
    """The rectangle of one drawn layer: a shared layer, or one column's copy of a per-column layer."""

    stack: Stack
    layer: Layer
    level: int
    column: Optional[int]
    label: str
    x: float
    y: float
    w: float
    h: float

    @property
    def id(self) -> str:
        base = f"{self.stack.id}--{self.layer.id}"
        return base if self.column is None else f"{base}--{self.column}"


@dataclass(frozen=True)
class StackFrame:
    """The horizontal extent of one stack, its columns and its top and bottom edges."""

    stack: Stack
    x: float
    w: float
    top: float
    bottom: float
    column_xs: tuple[float, ...]
    column_w: float


def column_names(stack: Stack) -> tuple[str, ...]:
    """The stack's columns; a stack without named columns has one unnamed column."""
    return stack.columns or ("",)


def layer_label(layer: Layer, column_name: str) -> str:
    """A layer's text in one column, with `{column}` replaced by the column's name."""
    if not layer.per_column:
        return layer.label
    return layer.label.replace(COLUMN_FIELD, column_name).strip()


def wants_column_labels(stack: Stack) -> bool:
    """Whether to name the columns above the stack: only when no layer already shows the names."""
    per_column = [layer for layer in stack.layers if layer.per_column]
    return (bool(stack.columns) and bool(per_column)
            and not any(COLUMN_FIELD in layer.label for layer in per_column))


def level_count(stacks: Sequence[Stack]) -> int:
    return max(len(stack.layers) for stack in stacks)


def stack_width(stack: Stack, style: DiagramStyle, available: float) -> float:
    """The width a stack takes: enough for its columns at a comfortable width, at most `available`."""
    count = len(column_names(stack))
    comfortable = count * style.max_column_width + (count - 1) * style.column_gap
    return min(available, max(style.min_stack_width, comfortable))


def place_stacks(stacks: Sequence[Stack], style: DiagramStyle, left: float, width: float, bottom: float,
                 row_height: float) -> tuple[tuple[StackFrame, ...], tuple[Slot, ...]]:
    """Stack frames and layer slots for stacks side by side, centred in `left`..`left + width`,
    their bottoms on `bottom`; the width is shared in proportion to the stacks' columns."""
    room = width - (len(stacks) - 1) * style.stack_gap
    counts = [len(column_names(stack)) for stack in stacks]
    widths = [stack_width(stack, style, room * count / sum(counts)) for stack, count in zip(stacks, counts)]
    total = sum(widths) + (len(stacks) - 1) * style.stack_gap
    x = left + (width - total) / 2
    frames, slots = [], []
    for stack, w in zip(stacks, widths):
        frame, stack_slots = _place_stack(stack, style, x, w, bottom, row_height)
        frames.append(frame)
        slots.extend(stack_slots)
        x += w + style.stack_gap
    return tuple(frames), tuple(slots)


def _place_stack(stack: Stack, style: DiagramStyle, x: float, w: float, bottom: float,
                 row_height: float) -> tuple[StackFrame, list[Slot]]:
    names = column_names(stack)
    column_w = (w - (len(names) - 1) * style.column_gap) / len(names)
    column_xs = tuple(x + i * (column_w + style.column_gap) for i in range(len(names)))
    slots = []
    for level, layer in enumerate(stack.layers):
        y = bottom - (level + 1) * row_height - level * style.row_gap
        if layer.per_column:
            for column, (cx, name) in enumerate(zip(column_xs, names)):
                slots.append(Slot(stack, layer, level, column, layer_label(layer, name),
                                  cx, y, column_w, row_height))
        else:
            slots.append(Slot(stack, layer, level, None, layer.label, x, y, w, row_height))
    top = min(slot.y for slot in slots)
    return StackFrame(stack, x, w, top, bottom, column_xs, column_w), slots
