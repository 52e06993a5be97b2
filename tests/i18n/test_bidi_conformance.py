"""The bidirectional algorithm the PDFs are drawn with (`i18n/fribidi.py`: GNU FriBidi's levels,
our rule L2) against Unicode's own test data, BidiCharacterTest.txt, as the system's
`unicode-data` package installs it: every case's levels and visual order."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.i18n.fribidi import embedding_levels, visual_order

TESTS = Path("/usr/share/unicode/BidiCharacterTest.txt")


def cases():
    for number, line in enumerate(TESTS.read_text("utf-8").splitlines(), start=1):
        if line and not line.startswith("#"):
            fields = line.split(";")
            yield number, "".join(chr(int(c, 16)) for c in fields[0].split()), int(fields[1]), fields[3].split(), \
                [int(i) for i in fields[4].split()]


@pytest.mark.skipif(not TESTS.is_file(), reason="the unicode-data package is not installed")
def it_passes_every_case_of_bidi_character_test():
    failed, count = [], 0
    for number, text, direction, expected, order in cases():
        count += 1
        levels = embedding_levels(text, {0: False, 1: True, 2: None}[direction])
        if any(want != "x" and int(want) != got for want, got in zip(expected, levels)):
            failed.append((number, "levels"))
            continue
        # the visual order of the characters that stay (rule X9 removes the "x" ones)
        kept = [index for index, want in enumerate(expected) if want != "x"]
        shown = [kept[i] for i in visual_order([levels[i] for i in kept])]
        if shown != order:
            failed.append((number, "order"))
    assert count > 90000
    assert not failed, f"{len(failed)} of {count} cases fail, the first: {failed[:5]}"


def it_puts_a_number_and_its_latin_unit_in_the_order_of_a_right_to_left_paragraph():
    """What an unisolated "60,000 ms" becomes in a Hebrew paragraph, as browsers show it: why the
    diagrams set a line without right-to-left letters left to right."""
    text = "60,000 ms"
    levels = embedding_levels(text, True)
    assert "".join(text[i] for i in visual_order(levels)) == "ms 60,000"
    assert "".join(text[i] for i in visual_order(embedding_levels(text, False))) == text
