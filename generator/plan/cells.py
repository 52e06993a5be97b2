"""What each stack shows on each row of the grid, after the adaptations a crowded diagram needs.

The adaptations, in the order they are tried (each keeps the ones before it):

1. `details`: per-column details are left out (they say the same in every column); a stack
   alone keeps its details, side by side details are left out from the start.
2. `collapse`: a per-column layer whose text is the same in every column becomes one box
   across the stack, marked "×N"; its detail, if shown, is said once.
3. `wrap`: the columns of a stack whose column names are shown in its layers stand on two
   lines (then three), so each box is twice (three times) as wide.

Column headers are shown only above a stack of two columns or more whose layers do not already
show the column names; over a stack whose per-column layers all collapsed they become one line,
"×4: Shop, Search, …", instead of four names over one box.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Optional, Sequence

from generator.model.talk import Layer, Stack
from generator.plan.grid import COLUMN_FIELD, column_names, layer_label
from generator.plan.layer_text import CellText
from generator.plan.rows import Row

ADAPTATIONS = ("none", "details", "collapse", "wrap-2", "wrap-3")
COPIES = "\u202f×{count}"     # after a collapsed layer's label (a narrow no-break space keeps it on its last line)


@dataclass(frozen=True, slots=True)
class Cell:
    """One box of a row: a shared layer, one column's copy of a per-column layer, or N copies as one."""

    stack_id: str
    layer: Layer
    row: int
    column: Optional[int]
    text: CellText
    copies: int = 1

    @property
    def id(self) -> str:
        base = f"{self.stack_id}--{self.layer.id}"
        return base if self.column is None else f"{base}--{self.column}"


@dataclass(frozen=True, slots=True)
class StackCells:
    """One stack's cells by row, how many lines its per-column rows take, and its column headers."""

    stack: Stack
    rows: dict[int, tuple[Cell, ...]]
    lines: int
    headers: tuple[str, ...]

    def per_line(self, row: int) -> int:
        """How many boxes stand side by side on one line of `row`."""
        return ceil(len(self.rows[row]) / self.lines) if len(self.rows[row]) > 1 else 1

    def line_count(self, row: int) -> int:
        return ceil(len(self.rows[row]) / self.per_line(row))


def wants_headers(stack: Stack) -> bool:
    """Whether to name the columns above the stack: two columns or more, and no layer shows the names."""
    per_column = [layer for layer in stack.layers if layer.per_column]
    return (len(stack.columns) > 1 and bool(per_column)
            and not any(COLUMN_FIELD in layer.label for layer in per_column))


def stack_cells(stacks: Sequence[Stack], rows: Sequence[Row], level: int, details: bool) -> tuple[StackCells, ...]:
    """The cells of every stack at adaptation `level` (an index into ADAPTATIONS)."""
    adaptation = ADAPTATIONS[level]
    drop_details = level >= ADAPTATIONS.index("details")
    collapse = level >= ADAPTATIONS.index("collapse")
    lines = int(adaptation.split("-")[1]) if adaptation.startswith("wrap") else 1
    out = []
    for stack in stacks:
        names = column_names(stack)
        headers = names if wants_headers(stack) else ()
        by_row: dict[int, tuple[Cell, ...]] = {}
        for index, row in enumerate(rows):
            layer_index = row.layer_of(stack.id)
            if layer_index is None:
                continue
            layer = stack.layers[layer_index]
            detail = layer.detail if details else None
            if not layer.per_column or len(names) == 1:
                label = layer_label(layer, names[0]) if layer.per_column else layer.label
                by_row[index] = (Cell(stack.id, layer, index, None if not layer.per_column else 0,
                                      CellText(label, detail, layer.badge)),)
            elif collapse and COLUMN_FIELD not in layer.label:
                label = layer.label + COPIES.format(count=len(names))
                by_row[index] = (Cell(stack.id, layer, index, None, CellText(label, detail, layer.badge),
                                      copies=len(names)),)
            else:
                shown = None if drop_details else detail
                by_row[index] = tuple(Cell(stack.id, layer, index, column,
                                           CellText(layer_label(layer, name), shown, layer.badge))
                                      for column, name in enumerate(names))
        if headers and all(len(cells) == 1 for cells in by_row.values()):
            # every per-column layer collapsed into one box: the names become one line over it
            headers = (COPIES.format(count=len(names)).strip() + ": " + ", ".join(names),)
        wrap = lines if not headers else 1
        out.append(StackCells(stack, by_row, min(wrap, max(1, len(names))), headers))
    return tuple(out)
