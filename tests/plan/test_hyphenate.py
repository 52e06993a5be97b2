"""Hyphenation points read from Pyphen's pattern files by our own reader are Pyphen's own."""

from __future__ import annotations

import random

import pyphen
import pytest

from generator.plan.hyphenate import LEFT, RIGHT, Patterns, hyphenator


# French and English (the sample's), German (an all-zero pattern repeating an earlier one),
# Hungarian (nonstandard hyphenation), Russian (Cyrillic), Afrikaans (^^hh escapes), Serbian.
@pytest.mark.parametrize("lang", ["fr", "en_US", "de_DE", "hu_HU", "ru_RU", "af_ZA", "sr"])
def test_points_are_pyphens(lang):
    path = pyphen.LANGUAGES[lang]
    ours, theirs = Patterns(path), pyphen.Pyphen(filename=path, left=LEFT, right=RIGHT)
    pieces = [key.strip(".") for key in ours.table if key.strip(".").isalpha()]
    chance = random.Random(lang)
    words = ["".join(chance.choice(pieces) for _ in range(chance.randint(1, 4))) for _ in range(600)]
    for word in words:
        found = [i for i in ours.points(word) if LEFT <= i <= len(word) - RIGHT]
        assert found == [int(i) for i in theirs.positions(word)], word


def test_splits_keep_punctuation_outside_the_word():
    assert ("«Gastbetriebs-", "system»") in hyphenator("de").splits("«Gastbetriebssystem»")
    assert hyphenator("de").splits("«Gast»") == ()
    assert hyphenator("x-pseudo") is None
