"""Column widths of comparison tables, the same in every format."""

from __future__ import annotations

FIRST_COLUMN = 0.26   # the aspect column's share of the table's width


def column_widths(total: float, columns: int) -> list[float]:
    """The aspect column, then equal columns for the subjects."""
    first = total * FIRST_COLUMN
    return [first] + [(total - first) / (columns - 1)] * (columns - 1)
