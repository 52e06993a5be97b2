"""PO catalogs of a talk: read, merged with the talk's current strings, written in a stable order.

Babel reads and writes the files. The merge is done here because Babel's own `update`
fuzzy-matches an edited string against every message of the catalog whatever its context;
here the context is the stable id path of the field, so an edited string is matched only with
what the same field said before: exactly that message turns fuzzy, with its previous source
kept (`#| msgid`), and nothing else moves.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import io
import os
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


def read_catalog(path: Path, display: str | None = None):
    """A Babel catalog from a PO file; a malformed file is a ContentError at its line."""
    from babel.messages.pofile import PoFileError, read_po

    import io

    from generator.errors import SourceText
    from generator.i18n.catalog_checks import encoding_problems, unterminated_strings

    shown = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError([Diagnostic(shown, f"cannot read catalog: {exc}", "i18n.po")]) from None
    data = data.removeprefix(b"\xef\xbb\xbf")        # a byte-order mark some editors write: harmless
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    source = SourceText.from_text(shown, data.decode("utf-16" if utf16 else "utf-8", "replace"))
    problems = encoding_problems(data, shown) or unterminated_strings(data.decode("utf-8", "replace"), shown)
    if problems:
        raise ContentError(problems, {shown: source})
    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True)
        _restore_previous_ids(catalog, path)
        return catalog
    except PoFileError as exc:
        line = getattr(exc, "lineno", None)
        raise ContentError([Diagnostic(shown, f"malformed PO catalog: {exc}", "i18n.po",
                                       Position(line, 1) if line else None,
                                       "fix it in a PO editor, or check it with: msgfmt -c --check-format")],
                           {shown: source}) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError([Diagnostic(shown, f"cannot read catalog: {exc}", "i18n.po")]) from None


def _restore_previous_ids(catalog, path: Path) -> None:
    """Babel does not read `#| msgid` back; polib does, so a stale message keeps its old source."""
    from generator.i18n.catalog_checks import po_entries

    previous = {(e.msgctxt or "", e.msgid): e.previous_msgid for e in po_entries(path) if e.previous_msgid}
    for message in list(catalog) + list(catalog.obsolete.values()):
        old = previous.get((message.context or "", message.id)) if isinstance(message.id, str) else None
        if old:
            message.previous_id = [old]


def load_translations(path: Path, lang: str, display: str | None = None) -> Translations:
    """The translations of one language; an absent catalog gives an empty set."""
    found = Translations(lang, display or str(path))
    if not path.is_file():
        return found
    from generator.errors import SourceText
    from generator.i18n.catalog_checks import duplicate_messages, message_problems

    catalog = read_catalog(path, display)
    problems = duplicate_messages(path, found.path) + message_problems(catalog, found.path, lang)
    if any(p.severity == "error" for p in problems):
        source = SourceText.from_text(found.path, path.read_bytes().decode("utf-8", "replace"))
        raise ContentError(problems, {found.path: source})
    found.warnings = problems
    for message in catalog:
        if message.id and isinstance(message.id, str):
            found.messages[(message.context or "", message.id)] = Translation(
                message.string if isinstance(message.string, str) else "", message.fuzzy, message.lineno)
    found.obsolete = len(catalog.obsolete)
    return found


def _new_catalog(lang: str, talk_id: str, old=None):
    from babel.messages.catalog import Catalog

    now = _fixed_now()
    catalog = Catalog(
        locale=lang.replace("-", "_"),
        project=talk_id,
        version="1",
        copyright_holder=None,
        msgid_bugs_address="",
        creation_date=old.creation_date if old is not None else now,
        revision_date=old.revision_date if old is not None and not isinstance(old.revision_date, str) else now,
        last_translator=old.last_translator if old is not None else "deckgen",
        language_team=old.language_team if old is not None else lang,
        fuzzy=False,
        header_comment=f"# Translations of the talk '{talk_id}' into {lang}.\n"
                       f"# Update with: deckgen i18n update content/{talk_id}",
    )
    return catalog


def _message(entry_context: str, text: str, comments: list[str], string: str = "", *, fuzzy: bool = False,
             previous: str | None = None):
    from babel.messages.catalog import Message

    message = Message(text, string, auto_comments=comments, context=entry_context,
                      previous_id=previous or (), flags=("fuzzy",) if fuzzy else ())
    # Babel guesses "python-format" from any '%'; talks have no printf formats. The one
    # placeholder, {column}, is flagged so that msgfmt checks the translation keeps it.
    message.flags.discard("python-format")
    if "{column}" in text:
        message.flags.add("python-brace-format")
    return message


def _unique(entries: Iterable[Entry]) -> list[tuple[str, str, list[str]]]:
    """(context, text, comments) once per message, in document order."""
    order: dict[tuple[str, str], list[str]] = {}
    for entry in entries:
        comments = order.setdefault((entry.context, entry.text), [])
        if entry.comment not in comments:
            comments.append(entry.comment)
    return [(ctx, text, comments) for (ctx, text), comments in order.items()]


def merge_catalog(old, entries: Iterable[Entry], lang: str, talk_id: str):
    """The catalog for the talk's current strings, keeping what `old` translated.

    Same context and text: kept as is. Same context, other text (the source was edited):
    fuzzy, previous source kept. Not in the talk any more: obsolete. New: empty.
    """
    catalog = _new_catalog(lang, talk_id, old)
    previous: dict[tuple[str, str], object] = {}
    if old is not None:
        for message in list(old.obsolete.values()) + list(old):
            if message.id and isinstance(message.id, str):
                previous[(message.context or "", message.id)] = message
    used: set[tuple[str, str]] = set()
    wanted = _unique(entries)
    pending: list[tuple[str, str, list[str]]] = []
    merged: dict[tuple[str, str], object] = {}
    for ctx, text, comments in wanted:
        old_message = previous.get((ctx, text))
        if old_message is not None and old_message.string:
            used.add((ctx, text))
            merged[(ctx, text)] = _message(
                ctx, text, comments, old_message.string, fuzzy=old_message.fuzzy,
                previous=(old_message.previous_id or None) if old_message.fuzzy else None)
        else:
            pending.append((ctx, text, comments))
    for ctx, text, comments in pending:
        candidates = {key[1]: msg for key, msg in previous.items()
                      if key[0] == ctx and key not in used and msg.string and key[1] != text}
        match: str | None = None
        if candidates and (not is_multi(ctx) or len(candidates) == 1 and len(pending) == 1):
            match = max(candidates, key=lambda old_text: difflib.SequenceMatcher(None, old_text, text).ratio())
        elif candidates:
            close = difflib.get_close_matches(text, list(candidates), n=1, cutoff=0.6)
            match = close[0] if close else None
        if match is not None:
            used.add((ctx, match))
            old_message = candidates[match]
            merged[(ctx, text)] = _message(ctx, text, comments, old_message.string, fuzzy=True, previous=match)
        else:
            merged[(ctx, text)] = _message(ctx, text, comments)
    for ctx, text, _ in wanted:
        catalog[text] = merged[(ctx, text)]
    leftovers = sorted((key for key, msg in previous.items() if key not in used and msg.string),
                       key=lambda k: (k[0], k[1]))
    for key in leftovers:
        message = previous[key]
        if key in merged:
            continue
        catalog.obsolete[(key[1], key[0])] = _message(key[0], key[1], [], message.string, fuzzy=message.fuzzy)
    return catalog


def catalog_bytes(catalog) -> bytes:
    """The PO text of a catalog, stable for the same content."""
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=79, omit_header=False, sort_output=False, sort_by_file=False,
             ignore_obsolete=False, include_previous=True, include_lineno=False)
    # The header names the tool, not its version, so upgrading Babel does not touch every catalog.
    lines = [line for line in buffer.getvalue().split(b"\n")
             if not line.startswith((b'"Report-Msgid-Bugs-To:', b'"Generated-By:'))]
    return b"\n".join(lines)
