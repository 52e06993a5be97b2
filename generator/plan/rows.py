"""Side-by-side stacks aligned by layer: which row of the shared grid each layer stands on.

Layers are matched across stacks by their alignment key: the layer's `row:` when it names one,
else its `kind`. The stacks are merged one after the other into a list of rows, bottom first:
the longest common run of keys (in order) is matched, and between two matched rows the layers
left over on each side are paired from the bottom. A layer that finds no partner opens a row
of its own, and a stack without a layer on some row shows a gap there, at the height where the
other stacks have it (the containers' libraries stand level with the virtual machines'
libraries, one row above the gap where the guest OS would be).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from generator.model.talk import Layer, Stack


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the grid: the index of the layer each stack has on it (absent: a gap)."""

    layers: tuple[tuple[str, int], ...]     # (stack id, index of the layer in its stack)

    def layer_of(self, stack_id: str) -> int | None:
        return next((index for sid, index in self.layers if sid == stack_id), None)


def alignment_key(layer: Layer) -> str:
    return layer.row or layer.kind


def align_rows(stacks: Sequence[Stack]) -> tuple[Row, ...]:
    """The rows of the grid, bottom first, for stacks side by side (a single stack: one row per layer)."""
    rows: list[dict[str, int]] = [{stacks[0].id: i} for i in range(len(stacks[0].layers))]
    keys: list[set[str]] = [{alignment_key(layer)} for layer in stacks[0].layers]
    for stack in stacks[1:]:
        rows, keys = _merge(rows, keys, stack)
    return tuple(Row(tuple(sorted(row.items(), key=lambda item: [s.id for s in stacks].index(item[0]))))
                 for row in rows)


def _merge(rows: list[dict[str, int]], keys: list[set[str]], stack: Stack):
    layer_keys = [alignment_key(layer) for layer in stack.layers]
    pairs = _matches(keys, layer_keys)
    merged_rows: list[dict[str, int]] = []
    merged_keys: list[set[str]] = []
    row_at, layer_at = 0, 0
    for row_end, layer_end in [*pairs, (len(rows), len(layer_keys))]:
        # Between two matches: pair what is left over on each side from the bottom.
        gap_rows = list(range(row_at, row_end))
        gap_layers = list(range(layer_at, layer_end))
        for index in range(max(len(gap_rows), len(gap_layers))):
            row = dict(rows[gap_rows[index]]) if index < len(gap_rows) else {}
            key = set(keys[gap_rows[index]]) if index < len(gap_rows) else set()
            if index < len(gap_layers):
                row[stack.id] = gap_layers[index]
                key.add(layer_keys[gap_layers[index]])
            merged_rows.append(row)
            merged_keys.append(key)
        if row_end < len(rows):
            merged_rows.append({**rows[row_end], stack.id: layer_end})
            merged_keys.append(keys[row_end] | {layer_keys[layer_end]})
        row_at, layer_at = row_end + 1, layer_end + 1
    return merged_rows, merged_keys


def _matches(keys: list[set[str]], layer_keys: list[str]) -> list[tuple[int, int]]:
    """The longest run of (row, layer) matches in order; among equally long ones, the one whose
    matched rows and layers sit closest to each other's heights."""
    n, m = len(keys), len(layer_keys)
    # best[i][j]: (matches, -distance) for rows[i:] and layers[j:]
    best = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if layer_keys[j] in keys[i]:
                count, distance = best[i + 1][j + 1]
                options.append((count + 1, distance - abs(i - j)))
            best[i][j] = max(options)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if layer_keys[j] in keys[i]:
            count, distance = best[i + 1][j + 1]
            if best[i][j] == (count + 1, distance - abs(i - j)):
                pairs.append((i, j))
                i, j = i + 1, j + 1
                continue
        if best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs
