"""YAML text to plain data, with the `line:col` of every key and value; safe by construction.

The document is read as a stream of parser events and the tree is built here, so nothing
YAML can express beyond plain mappings, lists and scalars ever reaches the program:

- tags (`!!python/object`, `!foo`) and anchors or aliases are errors, found before anything
  is expanded, so an alias bomb costs nothing;
- a key is always a string (`no:` is "no"), a duplicate key is an error naming both lines;
- a plain scalar is `None` (`null`, `~`, empty), a bool (`true`/`false` only) or a string;
  numbers stay strings, so `1.10` is never `1.1` and `no` is never `False`;
- size, nesting depth, encoding and control characters are checked with their position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.errors import ContentError, Diagnostic, Position, SourceText

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40

KeyPath = tuple  # of str (mapping keys) and int (list indexes)

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


@dataclass
class Document:
    """A loaded YAML file: its plain data, the position of every value and key, its source."""

    data: Any
    values: dict[KeyPath, Position] = field(default_factory=dict)
    keys: dict[KeyPath, Position] = field(default_factory=dict)
    source: SourceText | None = None

    def where(self, path: KeyPath, *, key: bool = False) -> Position | None:
        """The position of the value at `path` (or its key), else of its nearest ancestor."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while True:
            if path in self.values:
                return self.values[path]
            if path in self.keys:
                return self.keys[path]
            if not path:
                return None
            path = path[:-1]


class _Open:
    """A list or mapping being built: its value so far, key path, pending key, keys seen."""

    __slots__ = ("kind", "value", "path", "start", "key", "seen", "skip")

    def __init__(self, kind: str, path: KeyPath, start: Any):
        self.kind = kind
        self.value: Any = {} if kind == "map" else []
        self.path = path
        self.start = start
        self.key: str | None = None
        self.seen: dict[str, Position] = {}
        self.skip = 0  # how many coming nodes to drop (a bad key and its value)


class _Collector:
    """Gathers loader diagnostics, folding repeats of one code into the first one's hint."""

    def __init__(self, path: str):
        self.path = path
        self.first: dict[str, Diagnostic] = {}
        self.repeats: dict[str, int] = {}
        self.order: list[str] = []

    def add(self, code: str, message: str, pos: Position, hint: str | None = None, *, fold: bool = True) -> None:
        key = code if fold else f"{code}#{len(self.order)}"
        if key in self.first:
            self.repeats[key] = self.repeats.get(key, 0) + 1
            return
        self.first[key] = Diagnostic(self.path, message, code, pos, hint)
        self.order.append(key)

    def diagnostics(self) -> list[Diagnostic]:
        out = []
        for key in self.order:
            diag = self.first[key]
            more = self.repeats.get(key, 0)
            if more:
                extra = f"{more} more like it in this file"
                hint = f"{diag.hint} ({extra})" if diag.hint else extra
                diag = Diagnostic(diag.path, diag.message, diag.code, diag.position, hint)
            out.append(diag)
        return out


def _position_of_offset(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Position(line, col)


def _too_large(raw: bytes, size: int, path: str) -> ContentError:
    """The size error, placed where the file goes over the limit."""
    head = raw[:MAX_BYTES]
    line = head.count(b"\n") + 1
    col = len(head[head.rfind(b"\n") + 1:].decode("utf-8", errors="replace")) + 1
    return ContentError([Diagnostic(
        path, f"file is {size:,} bytes, over the limit of {MAX_BYTES:,} bytes, which it reaches here",
        "yaml.size", Position(line, col), "split long speaker notes or move large data out of talk.yaml",
    )])


def decode_source(raw: bytes, path: str) -> str:
    """UTF-8 text of a content file, or a ContentError that says where the bad byte is."""
    if len(raw) > MAX_BYTES:
        raise _too_large(raw, len(raw), path)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", errors="replace")
        pos = _position_of_offset(good, len(good))
        source = SourceText.from_text(path, good + raw[exc.start :].decode("utf-8", errors="replace"))
        raise ContentError([Diagnostic(
            path, f"file is not valid UTF-8: byte 0x{raw[exc.start]:02x} cannot start or continue a character",
            "yaml.encoding", pos, "save the file as UTF-8 (most editors: 'Save with encoding')",
        )], {path: source}) from None
    return text


def _check_characters(text: str, path: str, source: SourceText) -> None:
    found = _Collector(path)
    for match in _CONTROL.finditer(text):
        pos = _position_of_offset(text, match.start())
        found.add(
            "yaml.control-character",
            f"control character U+{ord(match.group()):04X} is not allowed",
            pos, "delete it; it is invisible in most editors (a stray paste is the usual cause)",
        )
    if found.order:
        raise ContentError(found.diagnostics(), {path: source})


def _scalar_length(event: Any) -> int:
    start, end = event.start_mark, event.end_mark
    if start.line == end.line:
        return max(1, end.column - start.column)
    return 1


def _resolve_plain(value: str) -> Any:
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return value


def _syntax_error(exc: Any, path: str, text: str, source: SourceText) -> ContentError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    pos = Position(mark.line + 1, mark.column + 1) if mark is not None else None
    hint = "check the indentation and the punctuation (`:` after keys, `- ` before list items)"
    code = "yaml.syntax"
    if mark is not None:
        line = source.line(mark.line + 1) or ""
        ch = line[mark.column] if mark.column < len(line) else ""
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if ch == "\t" or ("\t" in indent and mark.column <= len(indent)):
            col = indent.index("\t") + 1 if "\t" in indent else mark.column + 1
            return ContentError([Diagnostic(
                path, "tab character used for indentation", "yaml.tab", Position(mark.line + 1, col),
                "YAML indents with spaces only; set your editor to insert spaces for Tab",
            )], {path: source})
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    message = f"invalid YAML: {problem}"
    if context and context_mark is not None and context_mark is not mark:
        message += f" ({context} that starts at {context_mark.line + 1}:{context_mark.column + 1})"
    elif context:
        message += f" ({context})"
    return ContentError([Diagnostic(path, message, code, pos, hint)], {path: source})


def load_yaml(text: str, path: str) -> Document:
    """Plain data and positions from YAML text; raises ContentError listing every problem."""
    import yaml

    source = SourceText.from_text(path, text)
    _check_characters(text, path, source)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    doc = Document(None, source=source)
    found = _Collector(path)

    stack: list[_Open] = []
    documents = 0

    def pos_of(event: Any) -> Position:
        return Position(event.start_mark.line + 1, event.start_mark.column + 1, _scalar_length(event))

    def place(value: Any, event: Any) -> None:
        """Attach a finished value to the open container, or make it the document."""
        if not stack:
            doc.data = value
            doc.values[()] = pos_of(event)
            return
        top = stack[-1]
        if top.kind == "seq":
            vpath = top.path + (len(top.value),)
            top.value.append(value)
        else:
            vpath = top.path + (top.key,)
            top.value[top.key] = value
            top.key = None
        doc.values[vpath] = pos_of(event)

    def wants_key() -> bool:
        return bool(stack) and stack[-1].kind == "map" and stack[-1].key is None and not stack[-1].skip

    def take_key(event: Any) -> None:
        top = stack[-1]
        key, kpos = event.value, pos_of(event)
        if key in top.seen:
            found.add(
                "yaml.duplicate-key",
                f"duplicate key '{key}' (first defined on line {top.seen[key].line})",
                kpos, f"remove one of the two '{key}' entries or merge them", fold=False,
            )
            top.skip = 1  # drop the duplicate's value
            return
        top.seen[key] = kpos
        top.key = key
        doc.keys[top.path + (key,)] = kpos

    def check_node(event: Any) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            found.add("yaml.anchor", f"anchor '&{anchor}' is not allowed", pos_of(event),
                      "write the value out in full; anchors and aliases are not supported")
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        if tag is not None and (implicit is False or implicit == (False, False)):
            found.add("yaml.tag", f"tag '{tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed",
                      pos_of(event), "remove the tag; content is plain text, lists and mappings")

    def skipping_node() -> bool:
        """True when the node now starting is one the open mapping drops (bad key or its value)."""
        return bool(stack) and stack[-1].kind == "map" and stack[-1].skip > 0

    skip_depth = 0  # > 0 while inside a dropped list or mapping
    try:
        for event in yaml.parse(text, Loader=loader):
            name = type(event).__name__
            if name in ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent"):
                continue
            if name == "DocumentStartEvent":
                documents += 1
                if documents > 1:
                    found.add("yaml.documents", "only one YAML document is allowed per file",
                              pos_of(event), "remove the '---' line and what follows, or merge it")
                    break
                continue
            opens = name in ("MappingStartEvent", "SequenceStartEvent")
            closes = name in ("MappingEndEvent", "SequenceEndEvent")
            if skip_depth:
                skip_depth += 1 if opens else (-1 if closes else 0)
                if skip_depth == 0:
                    stack[-1].skip -= 1
                continue
            if name != "ScalarEvent" and not closes and wants_key():
                # An alias, list or mapping used as a key: drop it and the value after it.
                if name == "AliasEvent":
                    found.add("yaml.alias", f"alias '*{event.anchor}' is not allowed", pos_of(event),
                              "write the value out in full; anchors and aliases are not supported")
                else:
                    found.add("yaml.complex-key", "a key must be plain text, not a list or mapping",
                              pos_of(event), "write the key as text followed by ':'")
                stack[-1].skip = 2
            if name == "AliasEvent":
                if skipping_node():
                    stack[-1].skip -= 1
                else:
                    found.add("yaml.alias", f"alias '*{event.anchor}' is not allowed", pos_of(event),
                              "write the value out in full; anchors and aliases are not supported")
                    place(None, event)
            elif name == "ScalarEvent":
                check_node(event)
                if skipping_node():
                    stack[-1].skip -= 1
                elif wants_key():
                    take_key(event)
                else:
                    plain = not event.style and event.implicit[0]
                    place(_resolve_plain(event.value) if plain else event.value, event)
            elif opens:
                check_node(event)
                if skipping_node():
                    skip_depth = 1
                    continue
                if len(stack) >= MAX_DEPTH:
                    found.add("yaml.depth", f"nesting is deeper than {MAX_DEPTH} levels", pos_of(event),
                              "talk.yaml never needs this much nesting; check the indentation")
                    break
                if stack:
                    top = stack[-1]
                    base = top.path + ((len(top.value),) if top.kind == "seq" else (top.key,))
                else:
                    base = ()
                stack.append(_Open("map" if name == "MappingStartEvent" else "seq", base, event))
            elif closes:
                done = stack.pop()
                place(done.value, done.start)
    except yaml.YAMLError as exc:
        if found.order:
            raise ContentError(found.diagnostics(), {path: source}) from None
        raise _syntax_error(exc, path, text, source) from None
    if found.order:
        raise ContentError(found.diagnostics(), {path: source})
    return doc


def load_file(path: str, display: str | None = None) -> Document:
    """Read, decode and load one YAML content file."""
    shown = display or path
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
            if len(raw) > MAX_BYTES:
                import os

                raise _too_large(raw, os.fstat(handle.fileno()).st_size, shown)
    except OSError as exc:
        raise ContentError([Diagnostic(shown, f"cannot read file: {exc.strerror}", "io.read")]) from None
    text = decode_source(raw, shown)
    return load_yaml(text, shown)
