"""The translatable strings of a talk, each with a stable context derived from ids.

A message's context is the id path of the field that holds it (`stacks/vm/layers/host-os/label`,
`slides/use-cases/notes`), never a list index, so inserting, removing or reordering items
changes no other message. Fields that hold a list of texts without ids (bullets, columns,
links) share one context per list; their messages are told apart by their source text.

Some messages are optional: the author's name and the links' addresses stay as written unless a
catalog gives another (a page in the reader's language); they are never reported as missing.
Addresses are verbatim: never typeset, pseudo-translated nor marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

# Fields whose text is translated, per part of the talk. Other fields (ids, kinds, layouts) are
# the same in every language; the author's name and link addresses may be translated (optional).
_TALK_FIELDS = ("title", "subtitle", "event")
_OPTIONAL_TALK_FIELDS = ("author",)
_SLIDE_FIELDS = ("title", "subtitle", "text", "alt", "caption", "notes")
_ROLE = {
    "title": "title", "subtitle": "subtitle", "event": "event name", "text": "main text",
    "alt": "image description (alt text)", "caption": "caption", "notes": "speaker notes",
    "label": "label", "detail": "detail line", "badge": "badge (keep it short)",
    "description": "diagram description read by screen readers", "aspect": "aspect compared",
    "author": "author's name (leave it empty to keep it as written)",
    "source": "source of the figures, under the chart",
}


@dataclass(frozen=True)
class Entry:
    """One translatable string: where it sits in the talk's data, its context and text."""

    path: tuple
    context: str
    text: str
    comment: str
    optional: bool = False      # kept as written, without a warning, when a catalog has no translation
    verbatim: bool = False      # an address: never typeset, pseudo-translated nor marked


def _single(data: dict, base: tuple, ctx: str, fields: tuple[str, ...], where: str,
            optional: bool = False) -> Iterator[Entry]:
    for name in fields:
        value = data.get(name)
        if isinstance(value, str) and value:
            yield Entry(base + (name,), f"{ctx}/{name}" if ctx else name, value, f"{where}: {_ROLE.get(name, name)}",
                        optional)


def _slide_entries(slide: dict, base: tuple) -> Iterator[Entry]:
    ident, kind = slide.get("id"), slide.get("kind")
    ctx = f"slides/{ident}"
    where = f"slide '{ident}' ({kind})"
    yield from _single(slide, base, ctx, _SLIDE_FIELDS[:5], where)
    for index, bullet in enumerate(slide.get("bullets") or ()):
        if isinstance(bullet, str):
            yield Entry(base + ("bullets", index), f"{ctx}/bullets", bullet, f"{where}: bullet")
        elif isinstance(bullet, dict):
            yield Entry(base + ("bullets", index, "text"), f"{ctx}/bullets", bullet["text"], f"{where}: bullet")
            for sub, text in enumerate(bullet.get("bullets") or ()):
                yield Entry(base + ("bullets", index, "bullets", sub), f"{ctx}/bullets", text,
                            f"{where}: sub-bullet of « {bullet['text']} »")
    for side in ("left", "right"):
        column = slide.get(side)
        if not isinstance(column, dict):
            continue
        yield from _single(column, base + (side,), f"{ctx}/{side}", ("heading", "text"), f"{where}, {side} column")
        for index, bullet in enumerate(column.get("bullets") or ()):
            at = base + (side, "bullets", index)
            if isinstance(bullet, str):
                yield Entry(at, f"{ctx}/{side}/bullets", bullet, f"{where}, {side} column: bullet")
            elif isinstance(bullet, dict):
                yield Entry(at + ("text",), f"{ctx}/{side}/bullets", bullet["text"], f"{where}, {side} column: bullet")
                for sub, text in enumerate(bullet.get("bullets") or ()):
                    yield Entry(at + ("bullets", sub), f"{ctx}/{side}/bullets", text,
                                f"{where}, {side} column: sub-bullet of « {bullet['text']} »")
    if kind == "chart":
        yield from _chart_entries(slide, base, ctx, where)
    for index, link in enumerate(slide.get("links") or ()):
        yield Entry(base + ("links", index, "label"), f"{ctx}/links", link["label"],
                    f"{where}: link text for {link.get('url')}")
    for index, link in enumerate(slide.get("links") or ()):
        yield Entry(base + ("links", index, "url"), f"{ctx}/urls", link["url"],
                    f"{where}: address of the link « {link['label']} »; leave it empty to keep it, or give the "
                    "address of the page in this language (https:, http: or mailto:)", optional=True, verbatim=True)
    yield from _single(slide, base, ctx, ("notes",), where)


def _chart_entries(slide: dict, base: tuple, ctx: str, where: str) -> Iterator[Entry]:
    """A chart's names: its categories, its series, its axis title, its source and description."""
    for key, noun in (("categories", "category"), ("series", "series")):
        for index, item in enumerate(slide.get(key) or ()):
            if isinstance(item, dict) and isinstance(item.get("label"), str):
                yield Entry(base + (key, index, "label"), f"{ctx}/{key}/{item.get('id')}", item["label"],
                            f"{where}: name of the {noun} '{item.get('id')}'")
    axis = slide.get("axis")
    if isinstance(axis, dict):
        yield from _single(axis, base + ("axis",), f"{ctx}/axis", ("label",), f"{where}: axis title")
    yield from _single(slide, base, ctx, ("source", "description"), where)


def _stack_entries(stack: dict, base: tuple) -> Iterator[Entry]:
    ctx = f"stacks/{stack['id']}"
    where = f"stack '{stack['id']}'"
    yield from _single(stack, base, ctx, ("title", "description"), where)
    for index, column in enumerate(stack.get("columns") or ()):
        yield Entry(base + ("columns", index), f"{ctx}/columns", column, f"{where}: column name")
    for index, layer in enumerate(stack.get("layers") or ()):
        lctx = f"{ctx}/layers/{layer['id']}"
        lwhere = f"{where}, layer '{layer['id']}' ({layer.get('kind')})"
        for entry in _single(layer, base + ("layers", index), lctx, ("label", "detail", "badge"), lwhere):
            if "{column}" in entry.text:
                entry = Entry(entry.path, entry.context, entry.text,
                              entry.comment + "; keep {column}, it becomes the column's name")
            yield entry


def _comparison_entries(comparison: dict, base: tuple) -> Iterator[Entry]:
    ctx = f"comparisons/{comparison['id']}"
    where = f"comparison '{comparison['id']}'"
    yield from _single(comparison, base, ctx, ("title",), where)
    for index, row in enumerate(comparison.get("rows") or ()):
        rctx = f"{ctx}/rows/{row['id']}"
        rwhere = f"{where}, row '{row['id']}'"
        yield from _single(row, base + ("rows", index), rctx, ("aspect",), rwhere)
        for subject, value in (row.get("values") or {}).items():
            yield Entry(base + ("rows", index, "values", subject), f"{rctx}/values/{subject}", value,
                        f"{rwhere}: value for '{subject}'")


def _graph_entries(graph: dict, base: tuple) -> Iterator[Entry]:
    ctx = f"graphs/{graph['id']}"
    where = f"graph '{graph['id']}'"
    yield from _single(graph, base, ctx, ("title", "description"), where)
    for index, node in enumerate(graph.get("nodes") or ()):
        yield from _single(node, base + ("nodes", index), f"{ctx}/nodes/{node['id']}", ("label",),
                           f"{where}, node '{node['id']}'")
    for index, edge in enumerate(graph.get("edges") or ()):
        label = edge.get("label")
        if isinstance(label, str) and label:
            yield Entry(base + ("edges", index, "label"), f"{ctx}/edges/{edge['from']}/{edge['to']}", label,
                        f"{where}: label of the arrow from '{edge['from']}' to '{edge['to']}'")


def talk_entries(data: dict) -> Iterator[Entry]:
    """Every translatable string of a talk's data (as dumped by alias), in document order."""
    yield from _single(data, (), "", _TALK_FIELDS, "the talk")
    yield from _single(data, (), "", _OPTIONAL_TALK_FIELDS, "the talk", optional=True)
    for kind, value in (data.get("legend") or {}).items():
        yield Entry(("legend", kind), f"legend/{kind}", value, f"legend: name of the layer kind '{kind}'")
    sections: tuple[tuple[str, Callable[[dict, tuple], Iterator[Entry]]], ...] = (
        ("stacks", _stack_entries), ("comparisons", _comparison_entries), ("graphs", _graph_entries),
        ("slides", _slide_entries),
    )
    for key, walk in sections:
        for index, item in enumerate(data.get(key) or ()):
            yield from walk(item, (key, index))


def talk_data(talk: Any) -> dict:
    """A Talk as plain data, keys as written in talk.yaml."""
    return talk.model_dump(mode="json", by_alias=True, exclude_none=True)


def set_at(data: Any, path: tuple, value: str) -> None:
    """Replace the string at a key path of plain data."""
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value
