"""PO catalogs of a talk: read, merged with the talk's current strings, written in a stable order.

polib reads and writes the files: it keeps what a catalog says that the merge needs (the
previous source of a stale message, `#| msgid`) and what the checks need (a message written
twice, the line of each entry). The merge is done here because a generic `msgmerge`-style
update fuzzy-matches an edited string against every message of the catalog whatever its context;
here the context is the stable id path of the field, so an edited string is matched only with
what the same field said before: exactly that message turns fuzzy, with its previous source
kept (`#| msgid`), and nothing else moves.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from generator.errors import ContentError, Diagnostic, Position
from generator.i18n.messages import Entry

# Contexts that hold a list of texts without ids: one message per distinct text.
MULTI_SUFFIXES = ("/bullets", "/columns", "/links", "/urls")
LOCALES_DIR = "locales"


def catalog_path(talk_dir: Path, lang: str) -> Path:
    return talk_dir / LOCALES_DIR / f"{lang}.po"


def is_multi(context: str) -> bool:
    return context.endswith(MULTI_SUFFIXES)


def _fixed_now() -> _dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc)
    return _dt.datetime.now(_dt.timezone.utc).replace(second=0, microsecond=0)


@dataclass
class Translation:
    """What a catalog says for one message."""

    string: str
    fuzzy: bool
    line: int | None


@dataclass
class Translations:
    """The strings of one language, looked up by (context, source text)."""

    lang: str
    path: str | None = None
    messages: dict[tuple[str, str], Translation] = field(default_factory=dict)
    obsolete: int = 0
    warnings: list = field(default_factory=list)     # what the catalog says that looks wrong

    def get(self, context: str, text: str) -> Translation | None:
        return self.messages.get((context, text))


def po_lines(text: str) -> list[str]:
    """The lines of a PO file as gettext reads them: broken at line feeds only (`\r\n` too), never
    at the other separators Python's `splitlines` knows (U+2028, U+2029, U+0085…), which a
    message may hold inside its quotes."""
    lines = text.replace("\r\n", "\n").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


class _PoText(str):
    """A catalog's text for polib, which reads text by `splitlines()`: cut as gettext cuts it."""

    def splitlines(self, keepends: bool = False) -> list[str]:
        lines = po_lines(str(self))
        return [line + "\n" for line in lines] if keepends else lines


def read_catalog(path: Path, display: str | None = None):
    """The polib catalog of a PO file; a malformed file is a ContentError at its line.

    Each entry also gets `msgid_line`, the line of its msgid (polib's `linenum` is the entry's
    first line, a comment or its msgctxt)."""
    import polib

    from generator.errors import SourceText
    from generator.i18n.catalog_checks import encoding_problems, header_charset, unterminated_strings

    shown = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError([Diagnostic(shown, f"cannot read catalog: {exc}", "i18n.po")]) from None
    data = data.removeprefix(b"\xef\xbb\xbf")        # a byte-order mark some editors write: harmless
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    source = SourceText(shown, po_lines(data.decode("utf-16" if utf16 else "utf-8", "replace")))
    problems = encoding_problems(data, shown) or unterminated_strings(data.decode("utf-8", "replace"), shown)
    if problems:
        raise ContentError(problems, {shown: source})
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:                  # a catalog in the legacy charset its header names
        text = data.decode(header_charset(data), "replace")
    try:
        # polib opens its argument when a file of that name exists: text that ends with a line
        # break is never taken for a file name.
        catalog = polib.pofile(_PoText(text if text.endswith("\n") else text + "\n"), wrapwidth=WRAP_WIDTH)
    except Exception as exc:  # noqa: BLE001 - whatever polib makes of a broken file is the file's error
        found = re.search(r"\(line (\d+)\)(?::\s*(.+))?", str(exc))
        line = int(found.group(1)) if found else None
        raise _malformed(shown, source, found.group(2) if found and found.group(2) else "syntax error", line) from None
    lines = po_lines(text)
    for entry in catalog:
        entry.msgid_line = _line_from(lines, entry.linenum or 1, _MSGID)
        if entry.msgstr_plural and not entry.msgid_plural:      # polib reads it as no translation
            raise _malformed(shown, source, "msgstr[0] without msgid_plural",
                             _line_from(lines, entry.msgid_line, _PLURAL_STRING))
    return catalog


_MSGID = re.compile(r"^\s*(?:#~\s*)?msgid\s")
_PLURAL_STRING = re.compile(r"^\s*(?:#~\s*)?msgstr\[")


def _line_from(lines: list[str], start: int, pattern: re.Pattern) -> int:
    """The number of the first line from `start` on that matches `pattern` (`start` if none)."""
    for number in range(start, len(lines) + 1):
        if pattern.match(lines[number - 1]):
            return number
    return start


def _malformed(shown: str, source, what: str, line: int | None) -> ContentError:
    """The error at `line` (its first character that is not blank), or at the end of the file
    when the reader did not say where."""
    if not line or not source.line(line):
        line = line or max(1, len(source.lines))
    text = source.line(line) or ""
    column = len(text) - len(text.lstrip()) + 1
    return ContentError([Diagnostic(shown, f"malformed PO catalog: {what}", "i18n.po", Position(line, column),
                                    "fix it in a PO editor, or check it with: msgfmt -c --check-format")],
                        {shown: source})


def messages(catalog) -> list:
    """The entries of a catalog that translate a talk's string: not obsolete, not the header,
    not plural (a talk has none)."""
    return [e for e in catalog if not e.obsolete and e.msgid and not e.msgid_plural]


def load_translations(path: Path, lang: str, display: str | None = None) -> Translations:
    """The translations of one language; an absent catalog gives an empty set."""
    found = Translations(lang, display or str(path))
    if not path.is_file():
        return found
    from generator.errors import SourceText
    from generator.i18n.catalog_checks import duplicate_messages, message_problems

    catalog = read_catalog(path, display)
    problems = duplicate_messages(catalog, found.path) + message_problems(catalog, found.path, lang)
    if any(p.severity == "error" for p in problems):
        source = SourceText(found.path, po_lines(path.read_bytes().decode("utf-8", "replace")))
        raise ContentError(problems, {found.path: source})
    found.warnings = problems
    for entry in messages(catalog):
        found.messages.setdefault((entry.msgctxt or "", entry.msgid),
                                  Translation(entry.msgstr, entry.fuzzy, entry.msgid_line))
    found.obsolete = sum(1 for e in catalog if e.obsolete and e.msgid)
    return found


# The header fields in the order the catalogs were written in before polib wrote them (Babel's;
# gettext's puts Language after Language-Team, and Plural-Forms last), so headers keep their bytes.
HEADER_ORDER = ("Project-Id-Version", "POT-Creation-Date", "PO-Revision-Date", "Last-Translator", "Language",
                "Language-Team", "Plural-Forms", "MIME-Version", "Content-Type", "Content-Transfer-Encoding")
# No line is wrapped, as `msgcat --no-wrap` writes them: polib never wraps the lines of a
# multi-line string (speaker notes) whatever the width, so any width would wrap some strings and
# not others; unwrapped, an edit to one line of a note changes one line of the catalog.
WRAP_WIDTH = 0
_DATE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d[+-]\d{4}$")


@functools.cache
def _catalog_class():
    import polib

    class TalkCatalog(polib.POFile):
        def ordered_metadata(self):
            rank = {name: index for index, name in enumerate(HEADER_ORDER)}
            return sorted(self.metadata.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0]))

    return TalkCatalog


def _new_catalog(lang: str, talk_id: str, old=None):
    """An empty catalog whose header keeps the dates, translator, team and plural forms of `old`."""
    said = dict(old.metadata) if old is not None else {}
    now = _fixed_now().strftime("%Y-%m-%d %H:%M%z")

    def kept(name: str, default: str, pattern: re.Pattern | None = None) -> str:
        value = said.get(name, "").strip()
        return value if value and (pattern is None or pattern.match(value)) else default

    catalog = _catalog_class()(wrapwidth=WRAP_WIDTH)
    catalog.header = (f"Translations of the talk '{talk_id}' into {lang}.\n"
                      f"Update with: deckgen i18n update content/{talk_id}")
    catalog.metadata = {
        "Project-Id-Version": f"{talk_id} 1",
        "POT-Creation-Date": kept("POT-Creation-Date", now, _DATE),
        "PO-Revision-Date": kept("PO-Revision-Date", now, _DATE),
        "Last-Translator": kept("Last-Translator", "deckgen"),
        "Language": lang.replace("-", "_"),
        "Language-Team": kept("Language-Team", lang),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
    }
    # A talk's messages have no plural forms: an existing catalog keeps what it says, a new one
    # says nothing (msgfmt needs the field only for plural messages).
    if said.get("Plural-Forms", "").strip():
        catalog.metadata["Plural-Forms"] = said["Plural-Forms"].strip()
    return catalog


def _entry(context: str, text: str, comments: list[str], string: str = "", *, fuzzy: bool = False,
           previous: str | None = None, obsolete: bool = False):
    """One message as polib writes it; an obsolete one carries only its fuzzy flag."""
    import polib

    flags = ["fuzzy"] if fuzzy else []
    # Talks have no printf formats, so no "python-format". The one placeholder, {column}, is
    # flagged so that msgfmt checks the translation keeps it.
    if "{column}" in text and not obsolete:
        flags.append("python-brace-format")
    return polib.POEntry(msgctxt=context, msgid=text, msgstr=string, comment="\n".join(comments),
                         flags=sorted(flags), previous_msgid=previous, obsolete=obsolete)


def _unique(entries: Iterable[Entry]) -> list[tuple[str, str, list[str]]]:
    """(context, text, comments) once per message, in document order."""
    order: dict[tuple[str, str], list[str]] = {}
    for entry in entries:
        comments = order.setdefault((entry.context, entry.text), [])
        if entry.comment not in comments:
            comments.append(entry.comment)
    return [(ctx, text, comments) for (ctx, text), comments in order.items()]


def merge_catalog(old, entries: Iterable[Entry], lang: str, talk_id: str):
    """The catalog for the talk's current strings, keeping what `old` (a polib catalog) translated.

    Same context and text: kept as is. Same context, other text (the source was edited):
    fuzzy, previous source kept. Not in the talk any more: obsolete (a stale one stays fuzzy).
    New: empty.
    """
    catalog = _new_catalog(lang, talk_id, old)
    previous: dict[tuple[str, str], object] = {}
    if old is not None:
        for entry in old:
            if entry.obsolete and entry.msgid and not entry.msgid_plural:
                previous[(entry.msgctxt or "", entry.msgid)] = entry
        seen: set[tuple[str, str]] = set()
        for entry in messages(old):                  # a message written twice: the first one counts
            key = (entry.msgctxt or "", entry.msgid)
            if key not in seen:
                seen.add(key)
                previous[key] = entry
    used: set[tuple[str, str]] = set()
    wanted = _unique(entries)
    pending: list[tuple[str, str, list[str]]] = []
    merged: dict[tuple[str, str], object] = {}
    for ctx, text, comments in wanted:
        old_entry = previous.get((ctx, text))
        if old_entry is not None and old_entry.msgstr:
            used.add((ctx, text))
            merged[(ctx, text)] = _entry(
                ctx, text, comments, old_entry.msgstr, fuzzy=old_entry.fuzzy,
                previous=(old_entry.previous_msgid or None) if old_entry.fuzzy else None)
        else:
            pending.append((ctx, text, comments))
    for ctx, text, comments in pending:
        candidates = {key[1]: entry for key, entry in previous.items()
                      if key[0] == ctx and key not in used and entry.msgstr and key[1] != text}
        match: str | None = None
        if candidates and (not is_multi(ctx) or len(candidates) == 1 and len(pending) == 1):
            match = max(candidates, key=lambda old_text: difflib.SequenceMatcher(None, old_text, text).ratio())
        elif candidates:
            close = difflib.get_close_matches(text, list(candidates), n=1, cutoff=0.6)
            match = close[0] if close else None
        if match is not None:
            used.add((ctx, match))
            merged[(ctx, text)] = _entry(ctx, text, comments, candidates[match].msgstr, fuzzy=True, previous=match)
        else:
            merged[(ctx, text)] = _entry(ctx, text, comments)
    for ctx, text, _ in wanted:
        catalog.append(merged[(ctx, text)])
    leftovers = sorted((key for key, entry in previous.items() if key not in used and entry.msgstr),
                       key=lambda k: (k[0], k[1]))
    for key in leftovers:
        if key in merged:
            continue
        entry = previous[key]
        catalog.append(_entry(key[0], key[1], [], entry.msgstr, fuzzy=entry.fuzzy, obsolete=True))
    return catalog


def catalog_bytes(catalog) -> bytes:
    """The PO text of a catalog, stable for the same content (UTF-8, and a blank line at the end
    as deckgen always wrote)."""
    return (str(catalog) + "\n").encode("utf-8")
