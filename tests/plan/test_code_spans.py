"""Inline code, commands, file names and addresses in narrow places (tests/content/code-spans:
bullets, two columns, a comparison table and a statement, in English and a longer German): no
line breaks inside a code span's word, hyphenates it, or stands after an opening bracket."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.content.talk import load_talk
from generator.i18n.localize import localize
from generator.plan.deck import plan_deck
from generator.theme import load_theme
from generator.text.markdown import inline_pieces

TALK = Path(__file__).resolve().parents[1] / "content" / "code-spans"


def texts(value, seen=None):
    """(text, lines) of every planned text in a plan: bullets, cells, columns, statements, titles."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from texts(item, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        text, lines = getattr(value, "text", None), getattr(value, "lines", None)
        if isinstance(text, str) and isinstance(lines, tuple) and lines and all(isinstance(x, str) for x in lines):
            yield text, lines
        for field in dataclasses.fields(value):
            yield from texts(getattr(value, field.name), seen)


@pytest.fixture(scope="module")
def plans():
    loaded = load_talk(TALK)
    theme = load_theme("default")
    return {lang: plan_deck(localize(loaded, lang).talk, theme, lang=lang) for lang in ("en", "de")}


@pytest.mark.parametrize("lang", ["en", "de"])
def it_never_breaks_inside_a_code_word_nor_after_an_opening_bracket(plans, lang):
    plan = plans[lang]
    assert not plan.errors
    found = list(texts(plan.slides))
    code_words = 0
    for text, lines in found:
        for line in lines[:-1]:
            assert not line.rstrip().endswith(("(", "[", "{", "«", "“")), (text, lines)
        # each word of a code span whole on one line: never hyphenated, never cut at its hyphens
        words = [word for piece in inline_pieces(text) if piece.code for word in piece.text.split()]
        for word in words:
            if "/" in word and "://" in word:
                continue            # an address may break after a slash of its path
            assert any(word in line for line in lines), (word, lines)
            code_words += 1
    assert code_words > 30


def it_gives_a_table_cell_a_smaller_size_rather_than_cut_a_name(plans):
    """A name wider than its column (`logging.basicConfig(level=DEBUG)`) was cut between two of
    its letters while a smaller size kept it whole."""
    for plan in plans.values():
        table = next(slide.table for slide in plan.slides if getattr(slide, "table", None) is not None)
        cells = [cell for row in table.rows for cell in row.cells]
        assert any("basicConfig" in cell.text for cell in cells)
        for cell in cells:
            if "basicConfig" in cell.text:
                assert any("logging.basicConfig(level=DEBUG)" in line for line in cell.lines), cell.lines
