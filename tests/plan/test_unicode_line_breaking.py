"""The plan's break opportunities before its tailoring are Unicode's: a conformance run of
LineBreakTest.txt (Debian's `unicode-data`) through `unicode_breaks` (ICU behind it).

ICU (Unicode 16.0 in icu4py 1.2) implements a newer Unicode than the file may have (Debian 12's
is 15.0; Python's own `unicodedata`, 14.0 in 3.11, has no line break property and plays no
part): the test lines whose expectation later versions changed are skipped, by the rules that
changed them (RULES_CHANGED), and only those: 39 of the 7,654 lines of LineBreakTest-15.0.0.
Every other line must match.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.plan.linebreak import unicode_breaks

TEST_FILE = Path("/usr/share/unicode/auxiliary/LineBreakTest.txt")

# Rules of Unicode 15.1 and 16.0 that change the expected breaks of LineBreakTest-15.0.0, as
# patterns over the classes the file's comments give each character.
RULES_CHANGED = {      # what changed, in which version: the classes of the lines it changes
    ("LB20a: no break after a word-initial hyphen", (15, 1)): r"(^|\b(SP|BK|CR|LF|NL|ZW|GL) )HY (CM )*(AL|HL)\b",
    ("LB15a-b: quotation marks by their Pi/Pf category", (15, 1)): r"\bQU (CM )*(SP )+(CM )*(OP|SP|QU)",
    ("LB15c-d, LB25: a full stop or comma before a digit", (16, 0)): r"\bIS (CM )*NU\b",
    ("LB21a: a Hebrew letter before a hyphen", (16, 0)): r"\bHL (CM )*HY\b",
}


def classes(comment: str) -> str:
    """The line break classes of a test line's characters, as its comment names them ("CM1_CM"
    is CM, "XX_AL" is AL), space separated."""
    names = re.findall(r"\(([A-Za-z][A-Za-z0-9_]*)\) [÷×]", comment)
    return " ".join(re.match("[A-Za-z]+", name.split("_")[-1]).group() for name in names)


def cases():
    for number, line in enumerate(TEST_FILE.read_text("utf-8").splitlines(), start=1):
        body, _, comment = line.partition("#")
        if not body.strip():
            continue
        chars, breaks = [], []
        for token in body.split():
            if token in ("÷", "×"):
                if chars and token == "÷":
                    breaks.append(len(chars))
            else:
                chars.append(chr(int(token, 16)))
        yield number, "".join(chars), [at for at in breaks if at < len(chars)], classes(comment)


@pytest.mark.skipif(not TEST_FILE.exists(), reason="Debian's unicode-data package is not installed")
def it_breaks_lines_where_unicode_line_breaking_allows():
    found = re.search(r"LineBreakTest-(\d+)\.(\d+)", TEST_FILE.read_text("utf-8")[:200])
    version = (int(found.group(1)), int(found.group(2)))
    changed = [rule for (_, since), rule in RULES_CHANGED.items() if version < since]
    checked, skipped, wrong = 0, 0, []
    for number, text, expected, names in cases():
        if any(re.search(rule, names) for rule in changed):
            skipped += 1
            continue
        checked += 1
        if unicode_breaks(text) != expected:
            wrong.append((number, names, expected, unicode_breaks(text)))
    assert not wrong, f"{len(wrong)} of {checked} lines differ, the first: {wrong[:5]}"
    assert checked > 7000 and skipped < 50, (checked, skipped)
