"""Measuring, hyphenating and breaking a text costs work in proportion to its length.

A talk's text may be 20,000 characters long (the schema's maximum), as one word. Measuring the
widths of growing prefixes of it, hyphenating it or trying every width for it made `check` take
minutes. These tests count operations, not time (the machines running them are shared): every
width the plan asks for goes through `width_em` (HarfBuzz shaping behind a cache), so the calls to
it and the characters they carry are the plan's measuring work. A text twice as long may cost at
most 2.2 times as much; the short one's cost is checked to be real work, so the tests can fail.
"""

from __future__ import annotations

import random
import tracemalloc

import pytest

from generator.model.talk import Layer, Stack
from generator.plan import measure as measure_module
from generator.plan.breaks import balanced_lines
from generator.plan.fit import fit_block
from generator.plan.geometry import Rect
from generator.plan.hyphenate import hyphenator
from generator.plan.layer_text import CellText, Sizes, arrange, min_text_width
from generator.plan.measure import TextMeasure
from generator.plan.stack_diagram import layout_stacks
from generator.plan.style import DiagramStyle

SHORT, LONG = 2000, 4000
GROWTH = 2.2

SYLLABLES = ("con", "sti", "tu", "tion", "nel", "le", "ment", "ra", "pi", "de", "mo", "bi", "li", "sa", "tri",
             "que", "ver", "sion", "da", "gen")
WORDS = ("conteneur", "image", "système", "hôte", "démon", "réseau", "volume", "service", "processus",
         "bibliothèque", "noyau", "virtuel", "de", "la", "et", "un", "pour", "dans")


def long_word(length: int, seed: int) -> str:
    """A French-looking word of `length` letters, never the same twice (caches must not help)."""
    chance = random.Random(seed)
    word = ""
    while len(word) < length:
        word += chance.choice(SYLLABLES)
    return word[:length]


def long_text(length: int, seed: int) -> str:
    """Words and spaces, `length` characters, never the same twice."""
    chance = random.Random(seed)
    words = []
    while sum(map(len, words)) + len(words) < length:
        words.append(chance.choice(WORDS) + ("" if chance.random() < 0.9 else str(chance.randint(1, 999))))
    return " ".join(words)[:length].strip()


class Counter:
    """Calls of `width_em` by the plan's measuring, and the characters they carry."""

    def __init__(self, monkeypatch):
        self.calls = self.chars = 0
        real = measure_module.width_em

        def counted(chain, text):
            self.calls += 1
            self.chars += len(text)
            return real(chain, text)

        monkeypatch.setattr(measure_module, "width_em", counted)

    def cost(self, work) -> tuple[int, int]:
        calls, chars = self.calls, self.chars
        work()
        return self.calls - calls, self.chars - chars


def assert_linear(short: tuple[int, int], long: tuple[int, int], least_calls: int, least_chars: int):
    assert short[0] >= least_calls and short[1] >= least_chars, f"too little work to tell: {short}"
    assert long[0] <= GROWTH * short[0], f"calls: {short[0]} for {SHORT} characters, {long[0]} for {LONG}"
    assert long[1] <= GROWTH * short[1], f"characters: {short[1]} for {SHORT} characters, {long[1]} for {LONG}"


@pytest.fixture(scope="module")
def french(theme):
    return TextMeasure.for_theme(theme, "fr")


@pytest.fixture(scope="module")
def pseudo(theme):
    return TextMeasure.for_theme(theme, None)


@pytest.fixture
def counter(monkeypatch):
    return Counter(monkeypatch)


@pytest.mark.parametrize("bold", [False, True])
def test_a_long_word_is_hyphenated_in_linear_work(french, counter, bold):
    short_word, long_word_ = long_word(SHORT, 1 + bold), long_word(LONG, 3 + bold)
    short = counter.cost(lambda: french.wrap(short_word, 200, 14, bold))
    long = counter.cost(lambda: french.wrap(long_word_, 200, 14, bold))
    assert_linear(short, long, SHORT // 40, SHORT)
    wrapped = french.wrap(long_word_, 200, 14, bold)
    assert not wrapped.broken and all(line.endswith("-") for line in wrapped.lines[:-1])
    assert "".join(line[:-1] for line in wrapped.lines[:-1]) + wrapped.lines[-1] == long_word_


def test_a_long_word_without_hyphenation_is_cut_in_linear_work(pseudo, counter):
    short_word, long_word_ = long_word(SHORT, 5), long_word(LONG, 6)
    short = counter.cost(lambda: pseudo.wrap(short_word, 150, 14))
    long = counter.cost(lambda: pseudo.wrap(long_word_, 150, 14))
    assert_linear(short, long, SHORT // 40, SHORT)
    wrapped = pseudo.wrap(long_word_, 150, 14)
    assert wrapped.broken and "".join(wrapped.lines) == long_word_
    assert all(pseudo.width(line, 14) <= 150 for line in wrapped.lines)


def test_a_long_text_is_broken_into_lines_in_linear_work(french, counter):
    short_text, long_text_ = long_text(SHORT, 7), long_text(LONG, 8)
    short = counter.cost(lambda: french.wrap(short_text, 300, 14))
    long = counter.cost(lambda: french.wrap(long_text_, 300, 14))
    assert_linear(short, long, SHORT // 60, SHORT)


@pytest.mark.parametrize("make", [long_word, long_text])
def test_balancing_and_fitting_a_long_text_is_linear(french, counter, make):
    """Balanced breaks try up to 14 widths and a fit every half point: each try is linear."""
    texts = make(SHORT, 9), make(LONG, 10)
    rect = Rect(0, 0, 400, 200)
    short = counter.cost(lambda: (balanced_lines(french, texts[0], 400, 18),
                                  fit_block(french, [texts[0]], rect, 24, 12)))
    long = counter.cost(lambda: (balanced_lines(french, texts[1], 400, 18),
                                 fit_block(french, [texts[1]], rect, 24, 12)))
    assert_linear(short, long, SHORT // 60, SHORT)


def test_a_layer_box_with_a_long_detail_is_arranged_in_linear_work(french, counter, theme):
    style = DiagramStyle.from_theme(theme)
    sizes = Sizes(18, 14, 12)
    texts = CellText("Infrastructure", long_word(SHORT, 11)), CellText("Infrastructure", long_word(LONG, 12))

    def work(text):
        return lambda: [(min_text_width(text, sizes, french, style), arrange(text, w, sizes, french, style))
                        for w in (240, 320, 480)]

    assert_linear(counter.cost(work(texts[0])), counter.cost(work(texts[1])), SHORT // 40, SHORT)


def test_a_stack_diagram_with_a_long_detail_is_laid_out_in_linear_work(theme, counter):
    """The whole search of a diagram (every size and width it tries) around a long detail."""
    def stack(detail: str) -> Stack:
        return Stack(id="vm", title="Machines virtuelles", columns=("Python", "Ruby"), layers=(
            Layer(id="infrastructure", label="Infrastructure", kind="hardware", detail=detail),
            Layer(id="os", label="Système d'exploitation hôte", kind="os"),
            Layer(id="apps", label="{column}", kind="app", per_column=True)))

    stacks = stack(long_word(SHORT, 13)), stack(long_word(LONG, 14))
    short = counter.cost(lambda: layout_stacks([stacks[0]], theme, lang="fr", details=True))
    long = counter.cost(lambda: layout_stacks([stacks[1]], theme, lang="fr", details=True))
    assert_linear(short, long, SHORT // 40, SHORT)


def test_hyphenation_points_of_a_long_word_take_linear_memory():
    """Every way to split a word, as (head, tail) pairs, copies the word at each point: the
    points themselves are indices."""
    french_ = hyphenator("fr")

    def peak(word: str) -> int:
        tracemalloc.start()
        try:
            french_.positions(word)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    short, long = peak(long_word(SHORT, 15)), peak(long_word(LONG, 16))
    assert short > SHORT
    assert long <= GROWTH * short, f"{short} bytes for {SHORT} characters, {long} for {LONG}"


@pytest.mark.parametrize("make", [long_word, long_text])
def test_fitting_a_text_far_beyond_its_box_breaks_only_what_the_box_holds(french, monkeypatch, make):
    """At each size tried, a text that overflows is broken only until its lines pass the room:
    a text ten times as long costs hardly more measures of lines (its words' own widths, read
    once, aside)."""
    measured = []
    real = TextMeasure.width

    def width(self, text, size_pt, bold=False):
        measured.append(len(text))
        return real(self, text, size_pt, bold)

    monkeypatch.setattr(TextMeasure, "width", width)
    rect = Rect(0, 0, 400, 200)

    def lines_measured(text: str) -> int:
        del measured[:]
        fitted = fit_block(french, [text], rect, 32, 12)
        assert not fitted.fits
        return sum(1 for length in measured if length < len(text))     # the whole text: once per size

    short, long = lines_measured(make(SHORT, 17)), lines_measured(make(10 * SHORT, 18))
    assert short >= 100
    assert long <= 1.25 * short, f"{short} lines measured for {SHORT} characters, {long} for {10 * SHORT}"
