"""The alt text of stack diagrams: a title naming the stacks, a description naming every layer.

The description reads each stack from bottom to top, says how many copies a per-column layer
has (naming the columns when the layer shows their names) and what its badge says, then which
layers are highlighted. The few linking words come from a small table per language; a
language without an entry reads them in English.
"""

from __future__ import annotations

from typing import Sequence

from generator.plan.grid import COLUMN_FIELD, column_names, layer_label
from generator.model.talk import Layer, Stack

PHRASES = {
    "en": {
        "and": " and ", "list": ", ", "layers": "{title}, from bottom to top: ", "sep": "; ",
        "per_column": "{label} ({count} copies, one per column)", "columns": "{names}, one per column",
        "badge": "{text}, {badge} each", "badge_one": "{text}, {badge}", "side": "{titles} side by side, aligned layer by layer.",
        "highlight": "Highlighted: {names}.",
    },
    "fr": {
        "and": " et ", "list": ", ", "layers": "{title}, de bas en haut : ", "sep": " ; ",
        "per_column": "{label} ({count} exemplaires, un par colonne)", "columns": "{names}, un par colonne",
        "badge": "{text}, {badge} chacun", "badge_one": "{text}, {badge}", "side": "{titles} côte à côte, alignées couche par couche.",
        "highlight": "Mis en évidence : {names}.",
    },
    "de": {
        "and": " und ", "list": ", ", "layers": "{title}, von unten nach oben: ", "sep": "; ",
        "per_column": "{label} ({count} Exemplare, eines pro Spalte)", "columns": "{names}, eines pro Spalte",
        "badge": "{text}, je {badge}", "badge_one": "{text}, {badge}", "side": "{titles} nebeneinander, Schicht für Schicht ausgerichtet.",
        "highlight": "Hervorgehoben: {names}.",
    },
}


def phrases(lang: str) -> dict[str, str]:
    """The linking words of a language (BCP 47 tag; `fr-CA` reads `fr`), English when unknown."""
    return PHRASES.get(lang, PHRASES.get(lang.split("-")[0].lower(), PHRASES["en"]))


def enumerate_names(names: Sequence[str], words: dict[str, str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return words["list"].join(names[:-1]) + words["and"] + names[-1]


def describe_layer(stack: Stack, layer: Layer, words: dict[str, str]) -> str:
    if not layer.per_column:
        text = layer.label
    elif COLUMN_FIELD in layer.label:
        names = [layer_label(layer, name) for name in column_names(stack)]
        text = words["columns"].format(names=enumerate_names(names, words))
    else:
        text = words["per_column"].format(label=layer.label, count=len(column_names(stack)))
    if layer.badge:
        text = words["badge" if layer.per_column else "badge_one"].format(text=text, badge=layer.badge)
    return text


def describe_stack(stack: Stack, words: dict[str, str]) -> str:
    """One sentence: the stack's title, then its layers from bottom to top."""
    layers = words["sep"].join(describe_layer(stack, layer, words) for layer in stack.layers)
    return words["layers"].format(title=stack.title) + layers + "."


def alt_title(stacks: Sequence[Stack], lang: str) -> str:
    return enumerate_names([stack.title for stack in stacks], phrases(lang))


def alt_description(stacks: Sequence[Stack], highlight: Sequence[str], lang: str) -> str:
    """The description: the author's sentences, then every layer of every stack, then the highlights."""
    words = phrases(lang)
    parts = []
    if len(stacks) > 1:
        parts.append(words["side"].format(titles=enumerate_names([s.title for s in stacks], words)))
    for stack in stacks:
        if stack.description:
            parts.append(stack.description.strip())
        parts.append(describe_stack(stack, words))
    highlighted = [layer.label for stack in stacks for layer in stack.layers if layer.id in highlight]
    if highlighted:
        parts.append(words["highlight"].format(names=enumerate_names(highlighted, words)))
    return " ".join(parts)
