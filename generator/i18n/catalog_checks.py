"""What is wrong in a PO catalog besides its syntax, each at its line: an encoding the header
lies about, an unknown charset, an unterminated string, a message twice, a translation that
drops or invents a `{placeholder}`, control characters, a translation longer than its field
may be, a link address that is not one, a `Language:` header for another language."""

from __future__ import annotations

import re

from generator.content.controls import control_in, what_is
from generator.content.limits import MAX_GRAPH_LABEL, graph_label_context, max_text
from generator.errors import Diagnostic, Position

_CHARSET = re.compile(rb'"Content-Type:[^"\n]*charset=([A-Za-z0-9_.:-]+)', re.I)
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_ADDRESS = re.compile(r"^(https?://|mailto:)\S+$")    # what talk.yaml accepts as a link's url
_STRING_LINE = re.compile(r'^\s*(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"')


def _line_of(data: bytes, needle: bytes) -> int | None:
    index = data.find(needle)
    return data[:index].count(b"\n") + 1 if index >= 0 else None


def header_charset(data: bytes) -> str:
    """The charset the header names, when Python knows it; UTF-8 otherwise."""
    import codecs

    match = _CHARSET.search(data)
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name if match else "utf-8"
    except (LookupError, UnicodeDecodeError):
        return "utf-8"


def encoding_problems(data: bytes, shown: str) -> list[Diagnostic]:
    """An unknown charset, or a charset the bytes do not match (a UTF-8 file saying latin-1)."""
    import codecs

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [Diagnostic(shown, "the catalog is saved as UTF-16 (it starts with a UTF-16 byte-order mark)",
                           "i18n.charset", Position(1, 1), "save it as UTF-8, as PO editors do by default")]
    match = _CHARSET.search(data)
    if match is None:
        return []
    charset = match.group(1).decode("ascii", "replace")
    line = _line_of(data, match.group(0))
    try:
        codecs.lookup(charset)
    except LookupError:
        return [Diagnostic(shown, f"the catalog's header names the unknown charset '{charset}'", "i18n.charset",
                           Position(line, 1) if line else None, 'save it as UTF-8 and write "charset=UTF-8"')]
    is_utf8 = codecs.lookup(charset).name == "utf-8"
    if not is_utf8 and any(b > 127 for b in data):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return []
        return [Diagnostic(shown, f"the catalog says charset={charset} but its text is UTF-8: accented letters "
                           "would be read wrong", "i18n.charset", Position(line, 1) if line else None,
                           'write "charset=UTF-8" in its Content-Type header')]
    return []


def unterminated_strings(text: str, shown: str) -> list[Diagnostic]:
    """String lines whose closing quote is missing (a PO reader would drop the rest silently)."""
    found = []
    from generator.i18n.catalog import po_lines

    for number, line in enumerate(po_lines(text), start=1):
        stripped = line.strip()
        if not _STRING_LINE.match(line) or stripped.startswith("#"):
            continue
        body = stripped[stripped.index('"'):]
        if len(body) < 2 or not body.endswith('"') or re.search(r'(?<!\\)(\\\\)*\\"$', body):
            found.append(Diagnostic(shown, "this string has no closing quote", "i18n.po", Position(number, len(line) + 1),
                                    'end the line with "'))
    return found


def _qr_problem(url: str) -> str | None:
    """Why a translated address cannot be its closing slide's QR code, as talk.yaml's are checked."""
    from generator.plan.qr import too_long
    from generator.text.links import ascii_uri

    return too_long(ascii_uri(url))


def message_problems(catalog, shown: str, lang: str) -> list[Diagnostic]:
    """Placeholders, control characters, link addresses and the Language header of a catalog
    read by `read_catalog`, each message at the line of its msgid."""
    from generator.i18n.catalog import messages

    found = []
    for entry in messages(catalog):
        where = Position(entry.msgid_line, 1) if entry.msgid_line else None
        key = (entry.msgctxt or "", entry.msgid)
        string = entry.msgstr
        if not string:
            continue
        escape = control_in(string)
        if escape:
            found.append(Diagnostic(shown, f"the translation of {key[0] or key[1]!r} holds {what_is(escape)}",
                                    "i18n.control", where, "remove it"))
        limit = MAX_GRAPH_LABEL if graph_label_context(key[0]) else max_text()
        if len(string) > limit:
            found.append(Diagnostic(shown, f"the translation of {key[0] or key[1]!r} is {len(string):,} characters "
                                    f"long, more than the {limit:,} "
                                    f"{'a graph label' if limit == MAX_GRAPH_LABEL else 'a text'} may hold",
                                    "i18n.length", where, "shorten it; move long explanations to the speaker notes"))
        if key[0].endswith("/urls") and not _ADDRESS.match(string):
            found.append(Diagnostic(shown, f"the translation of the link address {key[1]!r} is not an address: "
                                    f"{string!r}", "i18n.url", where,
                                    "give an https:, http: or mailto: address, or leave it empty to keep the source's"))
        elif key[0].endswith("/urls") and not escape and (why := _qr_problem(string)):
            found.append(Diagnostic(shown, f"the translation of the link address {key[1]!r} is {why}", "i18n.url",
                                    where, "shorten it: link to a page that holds the long address"))
        wanted, given = sorted(set(_PLACEHOLDER.findall(entry.msgid))), sorted(set(_PLACEHOLDER.findall(string)))
        if wanted != given:
            missing = [p for p in wanted if p not in given]
            extra = [p for p in given if p not in wanted]
            what = "drops " + ", ".join(missing) if missing else "adds " + ", ".join(extra)
            found.append(Diagnostic(shown, f"the translation of {key[0] or key[1]!r} {what}", "i18n.placeholder",
                                    where, "keep every {placeholder} of the source, unchanged: it is replaced "
                                    "(by a column's name) when the slide is drawn"))
    header_lang = catalog.metadata.get("Language", "").strip()
    if header_lang and header_lang.replace("_", "-").split("-")[0].lower() != lang.split("-")[0].lower():
        found.append(Diagnostic(shown, f"the catalog's Language header says '{header_lang}', but it is the {lang} "
                                "catalog", "i18n.language", None, f'write "Language: {lang}" in its header',
                                "warning"))
    return found


def duplicate_messages(catalog, shown: str) -> list[Diagnostic]:
    """Messages written twice (same context and source): a PO reader keeps one of them silently."""
    found, seen = [], {}
    for entry in catalog:
        key = (entry.msgctxt or "", entry.msgid)
        if key in seen:
            found.append(Diagnostic(shown, f"message {key[0] or key[1]!r} is in the catalog twice (first at line "
                                    f"{seen[key]})", "i18n.duplicate", Position(entry.linenum, 1),
                                    "keep one of the two entries"))
        seen.setdefault(key, entry.linenum)
    return found
