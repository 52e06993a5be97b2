"""Lengths a text may not pass, whether talk.yaml or a catalog's msgstr gives it.

Most texts are held to the schema's maximum (`Text` in the model: 20,000 characters), which
a translation must keep too. A graph's node and edge labels are shorter still: Graphviz `dot`,
which lays the graph out, refuses a quoted string longer than 16,384 bytes. 2,000 characters
is far below it whatever they are (at most four bytes each in UTF-8, two for an escaped quote
or backslash) and far above what a box on a slide can show.
"""

from __future__ import annotations

import functools

MAX_GRAPH_LABEL = 2000


@functools.cache
def max_text() -> int:
    """The schema's maximum length of a text field (the model's `Text`)."""
    import typing

    from generator.model.talk import Text

    return next(m.max_length for m in typing.get_args(Text)[1:] if getattr(m, "max_length", None))


def graph_label_context(context: str) -> bool:
    """Whether a catalog's message context is a graph's node label or edge label."""
    parts = context.split("/")
    return parts[0] == "graphs" and (
        (len(parts) == 5 and parts[2] == "nodes" and parts[4] == "label") or (len(parts) == 5 and parts[2] == "edges"))
