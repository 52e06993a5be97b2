"""The columns of a stack and the text of a layer in each column."""

from __future__ import annotations

from generator.model.talk import Layer, Stack

COLUMN_FIELD = "{column}"


def column_names(stack: Stack) -> tuple[str, ...]:
    """The stack's columns; a stack without named columns has one unnamed column."""
    return stack.columns or ("",)


def layer_label(layer: Layer, column_name: str) -> str:
    """A layer's text in one column, with `{column}` replaced by the column's name."""
    if not layer.per_column:
        return layer.label
    return layer.label.replace(COLUMN_FIELD, column_name).strip()
