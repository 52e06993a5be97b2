"""Control characters in text values: refused where they stand, whether written raw or reached
through a YAML escape (`"\\a"`, `"\\u0000"`, `"\\uFFFE"`) or a catalog's msgstr. No output format
can carry them (XML forbids most), and in a terminal they are commands. The code points XML 1.0
forbids besides (a lone surrogate, U+FFFE, U+FFFF) are refused with them."""

from __future__ import annotations

import re
from typing import Iterator

# C0 controls but tab and newline, DEL, the C1 controls; surrogates, U+FFFE and U+FFFF (not XML).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def control_in(text: str) -> str | None:
    """The first control character of `text`, shown as an escape (`\\x07`), or None."""
    found = CONTROL.search(text)
    return found.group(0).encode("unicode_escape").decode("ascii") if found else None


def what_is(escape: str) -> str:
    """`the control character '\\x07'`, or `the character '\\ufffe'` for a code point XML forbids
    that is no control."""
    control = escape.startswith("\\x")
    return f"the {'control ' if control else ''}character '{escape}'"


def strings_with_controls(data, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(key path, escape) of every text value or key under `data` holding a control character."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and control_in(key):
                yield path + (key,), control_in(key)
            yield from strings_with_controls(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings_with_controls(value, path + (index,))
    elif isinstance(data, str) and control_in(data):
        yield path, control_in(data)
