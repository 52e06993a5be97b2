"""Text measured with real font metrics: widths, line breaking with hyphenation, the largest size that fits.

Widths come from the font files the audience's font is metric-compatible with (Carlito for
Calibri), then the theme's script faces for what it lacks (CJK, Arabic, Hebrew); a Chinese,
Japanese or Korean deck puts its language's face first, so its Latin is that face's (`lead_face`),
shaped with
HarfBuzz (`shaping.py`): kerning, ligatures and joining forms as browsers draw them, in ems,
scaled linearly, so they do not depend on hinting at small sizes. Lines break where Unicode
line breaking allows (`linebreak.py`). Vertical metrics (ascent, cap and x height) are the
first face's, read by Pillow.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Callable, Optional

from PIL import ImageFont

from generator.plan.geometry import LINE_HEIGHT as TEXT_LINE_HEIGHT
from generator.plan.hyphenate import Hyphenator, hyphenator
from generator.plan.linebreak import break_units, inner_breaks, letters, spaced, word_pieces
from generator.plan.shaping import covered, missing, runs, width_em

LINE_HEIGHT = 1.15          # line pitch as a multiple of the font size
SIZE_STEP = 0.5             # points between two sizes tried by `fit`
_REFERENCE_SIZE = 1000      # pixels per em at which fonts are read; widths scale linearly from it


@dataclass(frozen=True, slots=True)
class Wrapped:
    """Lines of one text wrapped to a width; `broken` when a word had to be cut to fit."""

    lines: tuple[str, ...]
    broken: bool


@dataclass(frozen=True, slots=True)
class Fit:
    """The size chosen for a text in a box, its lines at that size, and whether it fits."""

    size: float
    lines: tuple[str, ...]
    fits: bool
    broken: bool = False


@lru_cache(maxsize=16)
def _font(path: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, _REFERENCE_SIZE, layout_engine=ImageFont.Layout.BASIC)


@dataclass(frozen=True, slots=True)
class ScriptFont:
    """A face for scripts the main face lacks: its regular and bold font references (`shaping`),
    and the languages it is first choice for (Han is drawn in a Japanese, Chinese or Korean face
    by the deck's language); none: for every language."""

    regular: str
    bold: str
    langs: tuple[str, ...] = ()
    family: str = ""
    line_height: Optional[float] = None    # the pitch its languages' text blocks need, in ems


def ordered(scripts: tuple, lang: Optional[str]) -> tuple:
    """Script faces (anything with `langs`) in the order `lang` tries them: its own first, then
    those for every language, then the others (a Chinese character in a French deck still gets a
    face); the theme's order otherwise."""
    primary = (lang or "").split("-")[0].lower()

    def rank(face) -> int:
        if primary and (primary in face.langs or (lang or "") in face.langs):
            return 0
        return 1 if not face.langs else 2

    return tuple(sorted(scripts, key=rank))


CJK_LANGS = ("ja", "zh", "ko")


def lead_face(scripts: tuple, lang: Optional[str]):
    """The script face that draws every character of a Chinese, Japanese or Korean deck it has,
    its Latin letters and digits too ("OS" in "ゲスト OS" in the Japanese face, sized and spaced to
    sit with its kana): the first face (of `scripts`, anything with `langs`) made for the deck's
    language; None in other languages, whose Latin stays the theme's face."""
    primary = (lang or "").split("-")[0].lower()
    if primary not in CJK_LANGS:
        return None
    return next((face for face in scripts if primary in face.langs or lang in face.langs), None)


def writing_face(scripts: tuple, lang: Optional[str]):
    """The script face a deck in `lang` is written in: the face made for the language (`langs`:
    Japanese, Chinese, Korean), else, for a right-to-left language, the first that draws its
    letters (an Arabic alef, a Hebrew one for Hebrew and Yiddish); None when the body face writes
    it (Latin, Greek, Cyrillic)."""
    from generator.i18n.scripts import is_rtl

    primary = (lang or "").split("-")[0].lower()
    made = next((face for face in scripts if primary and (primary in face.langs or lang in face.langs)), None)
    if made is not None or not is_rtl(lang):
        return made
    letter = "\u05d0" if primary in ("he", "iw", "yi") else "\u0627"
    return next((face for face in scripts if covered(face.regular, letter)), None)


class TextMeasure:
    """Widths and wrapping of text in a font face (regular and bold files) and the script faces
    that draw what it lacks, in points.

    With a hyphenator (`for_lang`), a word longer than a whole line is hyphenated at the
    language's allowed points; a word is never cut anywhere else without being reported.
    """

    def __init__(self, regular: Path | str, bold: Path | str, hyphenator: Optional[Hyphenator] = None,
                 scripts: tuple[ScriptFont, ...] = (), lang: Optional[str] = None, lead: bool = True):
        self.regular = str(regular)
        self.bold = str(bold)
        self.hyphenator = hyphenator
        self.scripts = scripts
        self.lang = lang
        self.lead = lead
        chain = ordered(scripts, lang)
        first = lead_face(chain, lang) if lead else None
        self.lead_family = first.family if first is not None else None
        rest = tuple(face for face in chain if face is not first)
        ahead = (first,) if first is not None else ()
        self.chains = {False: (*(f.regular for f in ahead), self.regular, *(f.regular for f in rest)),
                       True: (*(f.bold for f in ahead), self.bold, *(f.bold for f in rest))}
        font = _font(self.regular)
        ascent, descent = font.getmetrics()
        self.ascent = ascent / _REFERENCE_SIZE
        self.descent = descent / _REFERENCE_SIZE
        self.cap_height = (ascent - font.getbbox("H")[1]) / _REFERENCE_SIZE
        self.x_height = (ascent - font.getbbox("x")[1]) / _REFERENCE_SIZE
        self.family = font.getname()[0] or ""
        # The line pitch of the deck's text blocks, in ems: the geometry's, or more where the face
        # the language is written in says its script needs it (Arabic's marks above and below)
        own = writing_face(chain, lang)
        self.pitch = max(TEXT_LINE_HEIGHT, (own.line_height or 0.0) if own is not None else 0.0)

    # The strings of the deck that fell back to the source language (`i18n.bidi.Bidi`) and the
    # measure of that language: such a string is broken and measured as the source sets it
    # (its hyphenation; a French string in a Chinese deck in the theme's Latin face)
    fallback: Optional[tuple] = None

    def with_fallbacks(self, bidi) -> "TextMeasure":
        """This measure, measuring the strings `bidi` says fell back in the source language's way."""
        if bidi is None or not bidi.fallbacks or not bidi.source_lang or bidi.source_lang == self.lang:
            return self
        made = TextMeasure(self.regular, self.bold, self.hyphenator, self.scripts, self.lang, self.lead)
        made.fallback = (bidi, self.for_lang(bidi.source_lang))
        return made

    def for_text(self, text: str) -> "TextMeasure":
        """The measure of one whole string of the deck (a title, a bullet, a cell): the source
        language's for a string that fell back to it."""
        if self.fallback is not None and self.fallback[0].fell_back(text):
            return self.fallback[1]
        return self

    @property
    def key(self) -> tuple:
        """What the measures depend on: the faces, the language and its hyphenator (one a process),
        the strings measured in the source language's way."""
        return (self.regular, self.bold, self.scripts, self.lang, self.lead, id(self.hyphenator),
                self.fallback[0] if self.fallback is not None else None)

    @classmethod
    def for_theme(cls, theme, lang: Optional[str] = None) -> "TextMeasure":
        """The measurer of a theme's body face and script faces, hyphenating words of `lang`."""
        return cls(theme.font_path(theme.body.regular), theme.font_path(theme.body.bold), hyphenator(lang),
                   theme.script_fonts(), lang)

    @classmethod
    def for_code(cls, theme, lang: Optional[str] = None) -> "TextMeasure":
        """The measurer of a theme's monospace face (never hyphenating), its script faces after it
        (code keeps its face before a CJK deck's)."""
        return cls(theme.font_path(theme.code.regular), theme.font_path(theme.code.bold), None,
                   theme.script_fonts(), lang, lead=False)

    def for_lang(self, lang: Optional[str]) -> "TextMeasure":
        """The same faces, hyphenating words of `lang` (None: no hyphenation) and trying its script faces first."""
        return TextMeasure(self.regular, self.bold, hyphenator(lang), self.scripts, lang, self.lead)

    def width(self, text: str, size_pt: float, bold: bool = False) -> float:
        """The advance width of one line of `text` at `size_pt` points."""
        return width_em(self.chains[bold], text) * size_pt

    def script_families(self, text: str) -> dict[str, str]:
        """The script faces' families that draw `text`, by the class of script each draws ("ea" for
        East Asian, "cs" for complex scripts), the first for each class: what Office files name."""
        from generator.i18n.scripts import script_class

        families = {f.regular: f.family for f in self.scripts}
        found: dict[str, str] = {}
        for ref, run in runs(self.chains[False], text):
            if ref in families:
                for char in run:
                    kind = script_class(char)
                    if kind != "latin":
                        found.setdefault(kind, families[ref])
        return found

    def default_families(self) -> dict[str, str]:
        """The script faces the deck's language tries first for East Asian and complex scripts."""
        hebrew = (self.lang or "").split("-")[0].lower() in ("he", "iw", "yi")
        samples = {"ea": "\u4e2d", "cs": "\u05d0" if hebrew else "\u0627"}     # 中, a Hebrew or an Arabic alef
        found: dict[str, str] = {}
        for face in ordered(self.scripts, self.lang):
            for kind, sample in samples.items():
                if kind not in found and covered(face.regular, sample):
                    found[kind] = face.family
        return found

    def missing(self, text: str, bold: bool = False) -> str:
        """The characters of `text` no face draws (each once): they would show as empty boxes."""
        return missing(self.chains[bold], text)

    def line_height(self, size_pt: float) -> float:
        return size_pt * LINE_HEIGHT

    def baseline(self, size_pt: float) -> float:
        """The baseline's offset from the top of a line box, so mixed-case text looks centred in it."""
        optical_middle = (self.cap_height + self.x_height) / 4
        return self.line_height(size_pt) / 2 + optical_middle * size_pt

    def wrap(self, text: str, max_width: float, size_pt: float, bold: bool = False,
             max_lines: Optional[int] = None, hyphens: bool = True) -> Wrapped:
        """Greedy line breaking where Unicode allows, as the plan tailors it (`linebreak.py`:
        spaces, after inner hyphens, between CJK and Thai phrases); a piece longer than the width
        is broken inside where `inner_breaks` allows (a CJK phrase between its characters) and
        hyphenated at the language's points, and cut between characters only as a last resort
        (`broken` then says so). `hyphens=False` (titles) breaks a compound at its hyphens only
        when it is wider than a line.

        A line takes as many pieces as fit, found as `_hyphenate` finds its points: from the
        pieces' own widths summed, checked by measuring the line with one piece more and with one
        less, not by measuring the line again at each piece (each measure shapes the whole line).

        With `max_lines`, breaking stops once the lines are more than that: the lines then
        returned (more than `max_lines`, not all of the text) only say it takes more, which is
        all a fit needs to know of a size too large, without breaking the whole of a long text."""
        lines: list[str] = []
        broken = False
        chain = self.chains[bold]
        limit = max_width / size_pt if size_pt > 0 else float("inf")
        for paragraph in text.split("\n"):
            units = break_units(paragraph, self.lang, hyphens)
            ems = _unit_ems(chain, paragraph, self.lang, hyphens)
            line, line_em, at = "", 0.0, 0

            def fits(end: int) -> bool:
                return self.width(line + _joined(units, at, end), size_pt, bold) <= max_width

            while at < len(units):
                if line:
                    guess = bisect_right(ems, ems[at] + limit - line_em, at + 1) - 1
                    end = _last_true(fits, at + 1, len(units) + 1, guess)
                    if end is not None:
                        line, line_em, at = line + _joined(units, at, end), line_em + ems[end] - ems[at], end
                        continue
                piece = units[at][1]
                wide = self.width(piece, size_pt, bold) > max_width
                words = spaced(units[at][0], piece) if wide and (" " in piece or "\t" in piece) else ()
                if len(words) > 1:      # a phrase or a number and its unit wider than a line: at its spaces
                    units, ems = _spliced(chain, units, ems, at, words)
                    continue
                if line:
                    lines.append(line)
                if not wide:
                    line = piece
                else:
                    left = None if max_lines is None else max_lines - len(lines)
                    parts, cut = self._hyphenate(piece, max_width, size_pt, bold, left, hyphens)
                    broken |= cut
                    lines.extend(parts[:-1])
                    line = parts[-1]
                if max_lines is not None and len(lines) > max_lines:
                    return Wrapped(tuple(lines), broken)
                line_em, at = width_em(chain, line), at + 1
            lines.append(line)
            if max_lines is not None and len(lines) > max_lines:
                break
        return Wrapped(tuple(lines), broken)

    def narrowest(self, text: str, size_pt: float, bold: bool = False) -> float:
        """The narrowest width `text` wraps into without cutting a word: its widest piece between
        two places a line may break or a word be hyphenated (with its hyphen). Read once per text
        (in ems, for every size): a diagram's search asks it at every size and width it tries."""
        if not text:
            return 0.0
        return _narrowest_em(self.chains[bold], self.hyphenator, self.lang, text) * size_pt

    def hyphen_positions(self, word: str) -> tuple[int, ...]:
        """Where `word` may be hyphenated (indices into it, ascending); none without a hyphenator."""
        if self.hyphenator is None:
            return ()
        return self.hyphenator.positions(word)

    def _hyphenate(self, word: str, max_width: float, size_pt: float, bold: bool,
                   max_lines: Optional[int] = None, hyphens: bool = True) -> tuple[list[str], bool]:
        """A word too long for a line, in lines that fit: broken where `inner_breaks` allows (no
        hyphen added) or hyphenated; cut where no point allows.
        With `max_lines`, the rest of the word once more lines than that are made, unbroken.

        Each line ends at the last hyphenation point whose head (with its hyphen) fits, or is
        the rest of the word when that fits. Widths grow with the text measured, so that point
        is found by a search started where the characters' own widths (summed, without kerning)
        put it: two measures of a line's length when the guess is right, whatever the word's
        length; trying every point from the word's end measured the whole word at each line."""
        inner = inner_breaks(word, self.lang, hyphens)
        positions = sorted({*self.hyphen_positions(word), *inner}) if inner else self.hyphen_positions(word)
        ems = _prefix_ems(self.chains[bold], word)
        hyphen = width_em(self.chains[bold], "-")
        limit = max_width / size_pt if size_pt > 0 else float("inf")
        ends = [*positions, len(word)]        # the last: the rest of the word, with no hyphen
        at_ends = [ems[end] for end in ends]
        lines: list[str] = []
        start, first = 0, 0                   # `first`: the first of `ends` after `start`

        def fits(index: int) -> bool:
            end = ends[index]
            mark = "-" if end < len(word) and end not in inner else ""
            return self.width(word[start:end] + mark, size_pt, bold) <= max_width

        while True:
            guess = bisect_right(at_ends, ems[start] + limit - hyphen, first) - 1
            found = _last_true(fits, first, len(ends), guess)
            if found is not None and ends[found] in inner and letters(word[start:ends[found]]) < 2:
                found = None        # a line of one kana: no
            if found is None:
                left = None if max_lines is None else max_lines - len(lines)
                return lines + self._cut(word[start:], max_width, size_pt, bold, left), True
            if found == len(ends) - 1:
                return lines + [word[start:]], False
            lines.append(word[start:ends[found]] + ("" if ends[found] in inner else "-"))
            start, first = ends[found], found + 1
            if max_lines is not None and len(lines) > max_lines:
                return lines + [word[start:]], False

    def _cut(self, word: str, max_width: float, size_pt: float, bold: bool,
             max_lines: Optional[int] = None) -> list[str]:
        """A word cut between characters into lines that fit: each as long as fits (one
        character at least), found as `_hyphenate` finds its points; with `max_lines`, the rest
        of the word once more lines than that are made, uncut."""
        ems = _prefix_ems(self.chains[bold], word)
        limit = max_width / size_pt if size_pt > 0 else float("inf")
        pieces: list[str] = []
        start = 0

        def fits(end: int) -> bool:
            return self.width(word[start:end], size_pt, bold) <= max_width

        while start < len(word):
            guess = bisect_right(ems, ems[start] + limit, start + 2) - 1
            end = _last_true(fits, start + 2, len(word) + 1, guess) or start + 1
            pieces.append(word[start:end])
            start = end
            if max_lines is not None and len(pieces) > max_lines and start < len(word):
                return pieces + [word[start:]]
        return pieces or [word]

    def block_height(self, line_count: int, size_pt: float) -> float:
        return line_count * self.line_height(size_pt)

    def fits(self, lines: tuple[str, ...], size_pt: float, bold: bool, box_w: float, box_h: float) -> bool:
        """Whether wrapped lines at a size stay within a box's width and height."""
        return (self.block_height(len(lines), size_pt) <= box_h + 1e-6
                and all(self.width(line, size_pt, bold) <= box_w + 1e-6 for line in lines))

    def fit(self, text: str, box_w: float, box_h: float, max_size: float, min_size: float,
            bold: bool = False) -> Fit:
        """The largest size in [min_size, max_size] at which `text` wraps into the box.

        Sizes are tried in steps of half a point. Cutting a word is accepted only at the
        minimum size; when even that overflows, the result says `fits=False`.
        """
        for size in candidate_sizes(max_size, min_size):
            most = int((box_h + 1e-6) / self.line_height(size)) if size > 0 else None
            while most is not None and self.block_height(most + 1, size) <= box_h + 1e-6:
                most += 1           # more lines than `most` cannot fit: no need to break them all
            wrapped = self.wrap(text, box_w, size, bold, most)
            if not wrapped.broken and self.fits(wrapped.lines, size, bold, box_w, box_h):
                return Fit(size, wrapped.lines, True)
        wrapped = self.wrap(text, box_w, min_size, bold)
        fits = self.fits(wrapped.lines, min_size, bold, box_w, box_h)
        return Fit(min_size, wrapped.lines, fits, wrapped.broken)


def _last_true(test: Callable[[int], bool], low: int, high: int, guess: int) -> Optional[int]:
    """The largest index in [low, high) that passes `test`, for a test passed by every index up
    to some point and by none after it; None when `low` fails. Searched outwards from `guess`,
    in steps that double, then by halves: two tests when the guess is right, a few more for
    each doubling of the distance when it is not."""
    if low >= high:
        return None
    guess = min(max(guess, low), high - 1)
    step = 1
    if test(guess):
        good, bad = guess, high
        while good + step < high:
            if not test(good + step):
                bad = good + step
                break
            good += step
            step *= 2
    else:
        good, bad = low - 1, guess
        while bad - step >= low:
            if test(bad - step):
                good = bad - step
                break
            bad -= step
            step *= 2
    while bad - good > 1:
        middle = (good + bad) // 2
        if test(middle):
            good = middle
        else:
            bad = middle
    return good if good >= low else None


@lru_cache(maxsize=4096)
def _narrowest_em(chain: tuple[str, ...], hyphenator: Optional[Hyphenator], lang: Optional[str], text: str) -> float:
    """`TextMeasure.narrowest` in ems: the widest of the text's pieces no break may cut, a piece
    wider than a line falling back to its spaces (a CJK phrase whole: its characters are split
    only when no width keeps it)."""
    widest = 0.0
    for piece in word_pieces(text, lang):
        positions = hyphenator.positions(piece) if hyphenator is not None and piece else ()
        bounds = (0, *positions, len(piece))
        for a, b in zip(bounds, bounds[1:]):
            widest = max(widest, width_em(chain, piece[a:b] + ("-" if b < len(piece) else "")))
    return widest


def _spliced(chain: tuple[str, ...], units, ems, at: int, words) -> tuple[list, list]:
    """Break units and their widths' running sums with unit `at` replaced by `words`."""
    widths = list(accumulate((width_em(chain, glue + word) for glue, word in words), initial=ems[at]))
    shift = widths[-1] - ems[at + 1]
    return ([*units[:at], *words, *units[at + 1:]],
            [*ems[:at], *widths, *(em + shift for em in ems[at + 2:])])


def _joined(units: tuple[tuple[str, str], ...], start: int, end: int) -> str:
    """Break units `start` to `end` as they follow a line's text: each with its glue."""
    return "".join(glue + piece for glue, piece in units[start:end])


@lru_cache(maxsize=1024)
def _unit_ems(chain: tuple[str, ...], paragraph: str, lang: Optional[str] = None,
              hyphens: bool = True) -> tuple[float, ...]:
    """The widths in ems of the first 0, 1, 2… break units of `paragraph` after a line's text
    (each unit with its glue), as the sum of the units' own widths: a guess `wrap` checks."""
    return tuple(accumulate((width_em(chain, glue + piece) for glue, piece in break_units(paragraph, lang, hyphens)),
                            initial=0.0))


@lru_cache(maxsize=64)
def _prefix_ems(chain: tuple[str, ...], word: str) -> tuple[float, ...]:
    """The widths in ems of `word`'s prefixes (0 to all of it), as the sum of its characters'
    own widths: without kerning or shaping across characters, a guess `_hyphenate` checks."""
    return tuple(accumulate((width_em(chain, char) for char in word), initial=0.0))


def largest_fitting(height_at: Callable[[float], tuple[float, bool]], room: float, max_size: float,
                    min_size: float) -> tuple[float, bool]:
    """The largest size whose text height (and no cut word) fits `room`; else the minimum, and
    whether the text fits even there. `height_at(size)` gives (height, a word was cut)."""
    for size in candidate_sizes(max_size, min_size):
        height, broken = height_at(size)
        if height <= room and not broken:
            return size, True
    return min_size, height_at(min_size)[0] <= room


def candidate_sizes(max_size: float, min_size: float) -> tuple[float, ...]:
    """Sizes from `max_size` down to `min_size`, half a point apart, both ends included."""
    sizes = []
    size = max_size
    while size > min_size + 1e-9:
        sizes.append(round(size, 2))
        size -= SIZE_STEP
    sizes.append(min_size)
    return tuple(sizes)
