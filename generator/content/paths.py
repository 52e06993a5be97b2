"""Key paths described in the content's own words, and "did you mean" suggestions."""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterable

from generator.model.talk import ID_PATTERN

_SINGULAR = {
    "slides": "slide", "stacks": "stack", "layers": "layer", "comparisons": "comparison",
    "rows": "row", "graphs": "graph", "nodes": "node", "edges": "edge", "bullets": "bullet",
    "links": "link", "columns": "column", "subjects": "subject", "translations": "translation",
    "highlight": "highlight",
}


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice to a mistyped word, if one is close enough."""
    choices = list(choices)
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if match:
        return match[0]
    lowered = {c.lower(): c for c in choices}
    return lowered.get(word.lower())


def did_you_mean(word: str, choices: Iterable[str], *, listing: str = "expected one of") -> str:
    """A hint naming the closest choice, or listing the choices when none is close."""
    choices = sorted(set(choices))
    close = suggest(word, choices)
    if close is not None:
        return f"did you mean '{close}'?"
    if not choices:
        return "there is nothing of that kind defined yet"
    shown = ", ".join(f"'{c}'" for c in choices[:12])
    more = f" and {len(choices) - 12} more" if len(choices) > 12 else ""
    return f"{listing}: {shown}{more}"


def value_at(data: Any, path: tuple) -> Any:
    """The value at a key path in plain data, or None when the path does not lead anywhere."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def describe(data: Any, path: tuple) -> str:
    """A path as a reader says it: "slide 'not-vms'", "layer 'host-os' of stack 'vm'", "the talk"."""
    parts: list[str] = []
    i = 0
    while i < len(path):
        key = path[i]
        if isinstance(key, str) and i + 1 < len(path) and isinstance(path[i + 1], int):
            item = value_at(data, path[: i + 2])
            noun = _SINGULAR.get(key, key)
            ident = item.get("id") if isinstance(item, dict) else None
            if isinstance(ident, str) and re.match(ID_PATTERN, ident):
                parts.append(f"{noun} '{ident}'")
            else:
                parts.append(f"{noun} {path[i + 1] + 1}")
            i += 2
            continue
        if isinstance(key, str) and i == len(path) - 1:
            i += 1
            continue
        if isinstance(key, str):
            parts.append(f"'{key}'")
        i += 1
    if not parts:
        return "the talk"
    return " of ".join(reversed(parts))


def field_name(path: tuple) -> str:
    """The key a value sits under, with its item number inside a list: "bullets item 2"."""
    if not path:
        return "the document"
    if isinstance(path[-1], int):
        owner = path[-2] if len(path) > 1 and isinstance(path[-2], str) else "list"
        return f"'{owner}' item {path[-1] + 1}"
    return f"'{path[-1]}'"


def kind_of(value: Any) -> str:
    """A value's YAML kind, as an error message names it."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the text '{value[:40]}'" if len(value) <= 40 else f"the text '{value[:37]}…'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
