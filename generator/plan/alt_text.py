"""The alt text of stack diagrams: a title naming the stacks, a description naming every layer.

The description reads each stack from bottom to top, says how many copies a per-column layer
has (naming the columns when the layer shows their names) and what its badge says, then which
layers are highlighted. The linking phrases come from the tool's catalogs (`alt/…` messages of
`generator/locales/<lang>.po`, English for a language without one), lists are joined the way
the language joins them (CLDR).
"""

from __future__ import annotations

from typing import Sequence

from generator.i18n.tool_words import join_names, word
from generator.plan.grid import COLUMN_FIELD, column_names, layer_label
from generator.model.talk import Layer, Stack


def describe_layer(stack: Stack, layer: Layer, lang: str) -> str:
    if not layer.per_column:
        text = layer.label
    elif COLUMN_FIELD in layer.label:
        names = [layer_label(layer, name) for name in column_names(stack)]
        text = word(lang, "alt/columns", names=join_names(names, lang))
    else:
        text = word(lang, "alt/per-column", label=layer.label, count=len(column_names(stack)))
    if layer.badge:
        text = word(lang, "alt/badge-each" if layer.per_column else "alt/badge", text=text, badge=layer.badge)
    return text


def describe_stack(stack: Stack, lang: str) -> str:
    """One sentence: the stack's title, then its layers from bottom to top."""
    layers = word(lang, "alt/layer-separator").join(describe_layer(stack, layer, lang) for layer in stack.layers)
    return word(lang, "alt/stack", title=stack.title, layers=layers)


def alt_title(stacks: Sequence[Stack], lang: str) -> str:
    return join_names([stack.title for stack in stacks], lang)


def alt_description(stacks: Sequence[Stack], highlight: Sequence[str], lang: str) -> str:
    """The description: the author's sentences, then every layer of every stack, then the highlights."""
    parts = []
    if len(stacks) > 1:
        parts.append(word(lang, "alt/side-by-side", titles=join_names([s.title for s in stacks], lang)))
    for stack in stacks:
        if stack.description:
            parts.append(stack.description.strip())
        parts.append(describe_stack(stack, lang))
    highlighted = [layer.label for stack in stacks for layer in stack.layers if layer.id in highlight]
    if highlighted:
        parts.append(word(lang, "alt/highlighted", names=join_names(highlighted, lang)))
    return " ".join(parts)
