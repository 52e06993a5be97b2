"""Chart slides: bars, lines, axes, ticks, value labels, legend and source line as plain values.

A chart is laid out in its own box (the slide's content box), origin at its top-left corner, in
points: every text measured and fitted here (labels start at `chart-label` and never go under
`chart-label-min`, 18 pt; ticks, legend, axis title and source start at `chart-small` and never
go under `chart-min`, 14 pt), every bar, point and hatch line placed here. The SVG of every
format draws these values; the PPTX makes a native chart of the same numbers, scale and formats.

Values are numbers in the content; they are written the deck's language's way by Babel with
their CLDR unit ("2,1 Go" in French, "2.1 GB" in English). Series are told apart without colour
too: bars by a hatch pattern per series, lines by a marker and a dash pattern, and lines are
named at their ends (direct labels).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

from generator.plan.boxes import Rect
from generator.plan.geometry import LINE_HEIGHT
from generator.plan.measure import TextMeasure, candidate_sizes

LABEL, LABEL_FLOOR = 20.0, 18.0     # category, value and direct labels
SMALL, SMALL_FLOOR = 16.0, 14.0     # ticks, legend, axis title, source line
PATTERNS = ("solid", "diagonal", "cross", "horizontal", "reverse-diagonal", "vertical")
MARKERS = ("circle", "square", "triangle", "diamond")
DASHES = ((), (8.0, 4.0), (2.0, 3.0), (10.0, 3.0, 2.0, 3.0))
HATCH_GAP = 7.0          # between two hatch lines of a bar, in points
GAP = 8.0                # between a label and what it names
BAR_SHARE = 0.7          # the share of a category's slot its bars fill, at most
MAX_BAR = 4.0            # a bar at most this many label line heights thick
SWATCH = 14.0


@dataclass(frozen=True, slots=True)
class ChartText:
    """A text of the chart on its planned lines. `x` is where it is anchored: its left edge
    (`anchor="left"`), its centre or its right edge, on the page as drawn (a right-to-left chart
    is planned mirrored, its anchors with it); `y` is the top of its first line box."""

    text: str
    lines: tuple[str, ...]
    size: float
    color: str
    x: float
    y: float
    baselines: tuple[float, ...]
    anchor: str = "left"
    bold: bool = False
    role: str = "label"     # category, value, tick, legend, axis, source, direct
    step: int = 1
    width: float = 0.0      # its widest line
    plate: Optional[str] = None     # a plain backing of this colour under it (a value on a hatched bar)


@dataclass(frozen=True, slots=True)
class Mark:
    """A bar (a segment of a stacked bar), a legend swatch, or a point's marker of a line."""

    series: int
    category: int
    x: float
    y: float
    w: float
    h: float
    fill: str
    shape: str = "rect"     # rect; or a marker: circle, square, triangle, diamond
    hatch: tuple[tuple[float, float, float, float], ...] = ()     # line segments over the fill
    hatch_color: str = "#FFFFFF"
    stroke: Optional[str] = None
    value: float = 0.0
    step: int = 1
    highlighted: bool = False
    role: str = "bar"       # bar, marker, swatch


@dataclass(frozen=True, slots=True)
class Stroke:
    """Polylines of one colour: an axis, a gridline, or a line series (one polyline per dash)."""

    paths: tuple[tuple[tuple[float, float], ...], ...]
    color: str
    width: float
    role: str = "grid"      # axis, grid, series, swatch
    series: int = -1
    step: int = 1


@dataclass(frozen=True, slots=True)
class SeriesPlan:
    id: str
    label: str
    color: str
    pattern: str
    marker: str
    dashes: tuple[float, ...]
    values: tuple[float, ...]
    texts: tuple[str, ...]          # the values as written in the deck's language, with the unit
    highlighted: bool = False


@dataclass(frozen=True, slots=True)
class ChartPlan:
    """A whole chart, `width` x `height` points, drawn in order: strokes (grid, axes), marks,
    series lines, texts. `steps` is 1, or the number of series or categories it builds by."""

    id: str
    kind: str                       # bar, stacked-bar, line
    orientation: str                # vertical, horizontal
    log: bool
    width: float
    height: float
    plot: Rect
    categories: tuple[str, ...]
    series: tuple[SeriesPlan, ...]
    marks: tuple[Mark, ...]
    strokes: tuple[Stroke, ...]
    texts: tuple[ChartText, ...]
    unit: Optional[str]
    number_format: str              # the values' Excel number format, the unit in it
    axis_format: str                # the ticks'
    axis_min: float
    axis_max: float
    major: float                    # between two ticks (linear), 10 (log)
    title: str
    description: str
    source: Optional[str] = None
    axis_title: Optional[str] = None
    steps: int = 1
    build: str = "none"
    rtl: bool = False
    lang: str = "en"
    label_size: float = LABEL
    small_size: float = SMALL
    highlight_category: Optional[int] = None
    labels: bool = True
    fits: bool = True
    overflow: str = ""              # what did not fit at the floors, for the diagnostic
    gap_width: int = 43             # between two categories' bars, in percent of a bar (PowerPoint's measure)

    @property
    def bars(self) -> tuple[Mark, ...]:
        return tuple(m for m in self.marks if m.role == "bar")


# --- numbers --------------------------------------------------------------------------------

def babel_locale(lang: str) -> str:
    """The Babel locale numbers are written in: the deck's language, English for one Babel does
    not know (the pseudo-locale)."""
    from babel import Locale

    try:
        Locale.parse(lang.replace("-", "_"))
        return lang.replace("-", "_")
    except Exception:  # noqa: BLE001 - Babel raises several types for locales it does not know
        return "en"


def decimals(value: float) -> int:
    """The decimals `value` needs, up to 3."""
    for count in range(4):
        if abs(round(value, count) - value) <= 1e-9 * max(1.0, abs(value)):
            return count
    return 3


def number_pattern(places: int) -> str:
    return "#,##0" + ("." + "0" * places if places else "")


def format_value(value: float, unit: Optional[str], places: int, lang: str) -> str:
    """`value` with `places` decimals and its unit, as the language writes them: "2,1 Go"."""
    from babel.numbers import format_decimal
    from babel.units import format_unit

    locale = babel_locale(lang)
    pattern = number_pattern(places)
    if unit:
        return format_unit(value, unit, length="short", format=pattern, locale=locale)
    return format_decimal(value, format=pattern, locale=locale)


def excel_format(unit: Optional[str], places: int, lang: str) -> str:
    """An Excel number format for the values: the language's unit pattern around the number
    ("#,##0.0\" Go\""); the viewer's own locale still decides the separators."""
    pattern = number_pattern(places)
    if not unit:
        return pattern
    from babel.units import format_unit

    shown = format_unit("{0}", unit, length="short", locale=babel_locale(lang))
    before, _, after = shown.partition("{0}")

    def quoted(text: str) -> str:
        return f'"{text}"' if text else ""

    return quoted(before.replace('"', "")) + pattern + quoted(after.replace('"', ""))


# --- scales ---------------------------------------------------------------------------------

def linear_ticks(low: float, high: float, count: int = 5) -> tuple[float, ...]:
    """Round ticks from at most `low` (0 or under) to at least `high`, about `count` of them."""
    low, high = min(0.0, low), max(0.0, high)
    if high - low <= 0:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw - 1e-12)
    start, end = math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step
    return tuple(round(start + i * step, 10) for i in range(round((end - start) / step) + 1))


def log_ticks(low: float, high: float) -> tuple[float, ...]:
    """Powers of ten from under the smallest value to over the largest."""
    first, last = math.floor(math.log10(low) + 1e-9), math.ceil(math.log10(high) - 1e-9)
    if last <= first:
        last = first + 1
    return tuple(10.0 ** k for k in range(first, last + 1))


# --- geometry helpers -----------------------------------------------------------------------

def _clip(x0: float, y0: float, dx: float, dy: float, rect: tuple[float, float, float, float]):
    """The part inside `rect` (x, y, w, h) of the line through (x0, y0) along (dx, dy), or None."""
    low, high = -math.inf, math.inf
    rx, ry, rw, rh = rect
    for p, q in ((-dx, x0 - rx), (dx, rx + rw - x0), (-dy, y0 - ry), (dy, ry + rh - y0)):
        if abs(p) < 1e-12:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
    if low >= high - 1e-9:
        return None
    return (x0 + low * dx, y0 + low * dy, x0 + high * dx, y0 + high * dy)


def hatch_lines(pattern: str, x: float, y: float, w: float, h: float) -> tuple[tuple[float, float, float, float], ...]:
    """The hatch lines of `pattern` across a bar, anchored to the slide's grid (not the bar's
    corner), so bars of one series show one continuous texture."""
    directions = {"diagonal": [(1, -1)], "reverse-diagonal": [(1, 1)], "cross": [(1, -1), (1, 1)],
                  "horizontal": [(1, 0)], "vertical": [(0, 1)]}.get(pattern, [])
    found = []
    for dx, dy in directions:
        nx, ny = -dy, dx                        # the normal: lines are n·p = c for c on a grid
        norm = math.hypot(nx, ny)
        corners = [(x * nx + yy * ny) / norm for x, yy in ((x, y), (x + w, y), (x, y + h), (x + w, y + h))]
        first, last = math.ceil(min(corners) / HATCH_GAP), math.floor(max(corners) / HATCH_GAP)
        for k in range(first, last + 1):
            c = k * HATCH_GAP
            px, py = nx / norm * c, ny / norm * c
            segment = _clip(px, py, dx, dy, (x, y, w, h))
            if segment and math.hypot(segment[2] - segment[0], segment[3] - segment[1]) > 0.5:
                found.append(tuple(round(v, 2) for v in segment))
    return tuple(found)


def dashed(points: list[tuple[float, float]], dashes: tuple[float, ...]) -> tuple[tuple[tuple[float, float], ...], ...]:
    """A polyline cut into its dashes (each a polyline); the whole line when `dashes` is empty."""
    if not dashes:
        return (tuple(points),)
    paths, current, on, left, index = [], [points[0]], True, dashes[0], 0
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        length = math.hypot(bx - ax, by - ay)
        at = 0.0
        while length - at > left:
            at += left
            point = (ax + (bx - ax) * at / length, ay + (by - ay) * at / length)
            if on:
                current.append(point)
                paths.append(tuple(current))
            current = [point]
            on, index = not on, (index + 1) % len(dashes)
            left = dashes[index]
        left -= length - at
        current.append((bx, by))
    if on and len(current) > 1:
        paths.append(tuple(current))
    return tuple(tuple((round(x, 2), round(y, 2)) for x, y in path) for path in paths)


# --- the layout -----------------------------------------------------------------------------

class _Layout:
    def __init__(self, slide, palette: dict[str, str], measure: TextMeasure, lang: str, rtl: bool,
                 sizes: dict, width: float, height: float):
        self.slide, self.c, self.measure, self.lang, self.rtl = slide, palette, measure, lang, rtl
        self.sizes, self.width, self.height = sizes, width, height

    def size(self, name: str, default: float) -> float:
        return float(self.sizes.get(name, default))

    def text(self, text: str, lines, size: float, x: float, y: float, *, anchor="left", color=None, bold=False,
             role="label", step=1, plate=None) -> ChartText:
        pitch = size * LINE_HEIGHT
        offset = self.measure.baseline(size)
        widest = max((self.measure.width(line, size, bold) for line in lines), default=0.0)
        return ChartText(text, tuple(lines), size, color or self.c["text"], x, y,
                         tuple(round(y + i * pitch + offset, 2) for i in range(len(lines))), anchor, bold, role,
                         step, round(widest, 2), plate)

    def wrap(self, text: str, width: float, size: float, most: int = 3) -> Optional[tuple[str, ...]]:
        """Balanced lines of `text` no wider than `width`, or None when it takes more than `most`
        lines or a word does not fit."""
        from generator.plan.breaks import balanced_lines

        if width <= 0:
            return None
        lines = balanced_lines(self.measure, text, width / (1 - 0.04), size)
        if len(lines) > most or any(self.measure.width(line, size) > width + 0.01 for line in lines):
            return None
        return lines

    def plan(self) -> ChartPlan:
        from generator.text.markdown import plain

        slide, c = self.slide, self.c
        kind, log = slide.chart, slide.axis.scale == "log"
        horizontal = slide.orientation == "horizontal" and kind != "line"
        unit = slide.axis.unit or next((s.unit for s in slide.series if s.unit), None)
        n_cat = len(slide.categories)
        values = [tuple(s.values[:n_cat]) + (0.0,) * (n_cat - len(s.values)) for s in slide.series]
        flat = [v for row in values for v in row]
        places = max((decimals(v) for v in flat), default=0)
        highlight_series = next((i for i, s in enumerate(slide.series) if s.id == slide.highlight), None)
        highlight_category = next((i for i, k in enumerate(slide.categories) if k.id == slide.highlight), None)
        palette = chart_colors(c)
        series = []
        for index, s in enumerate(slide.series):
            color = c["highlight"] if index == highlight_series else palette[index % len(palette)]
            pattern = PATTERNS[index % len(PATTERNS)] if kind != "line" else "solid"
            series.append(SeriesPlan(s.id, plain(s.label), color, pattern, MARKERS[index % len(MARKERS)],
                                     DASHES[index % len(DASHES)], values[index],
                                     tuple(format_value(v, unit, places, self.lang) for v in values[index]),
                                     index == highlight_series))
        categories = tuple(plain(k.label) for k in slide.categories)
        # the scale
        if kind == "stacked-bar":
            totals = [sum(row[i] for row in values) for i in range(n_cat)]
            low, high = min([0.0, *flat]), max(totals)
        else:
            low, high = min(flat), max(flat)
        if log:
            positive = [v for v in flat if v > 0] or [1.0]
            ticks = log_ticks(min(positive), max(high, min(positive)))
        else:
            ticks = linear_ticks(low, high)
        axis_min, axis_max = ticks[0], ticks[-1]
        tick_places = max(decimals(t) for t in ticks)
        tick_texts = tuple(format_value(t, unit, tick_places, self.lang) for t in ticks)
        major = 10.0 if log else (ticks[1] - ticks[0] if len(ticks) > 1 else 1.0)

        def fraction(value: float) -> float:
            if log:
                value = max(value, axis_min)
                return (math.log10(value) - math.log10(axis_min)) / (math.log10(axis_max) - math.log10(axis_min))
            return (value - axis_min) / (axis_max - axis_min)

        label_start = min(self.size("chart-label", LABEL), LABEL * 2)
        label_floor = self.size("chart-label-min", LABEL_FLOOR)
        small = self.size("chart-small", SMALL)
        small_floor = self.size("chart-min", SMALL_FLOOR)
        attempt = None
        for size in candidate_sizes(label_start, label_floor):
            attempt = self.attempt(kind, horizontal, series, categories, ticks, tick_texts, fraction, size,
                                   max(small, small_floor), highlight_category)
            if attempt["fits"]:
                break
        for size in candidate_sizes(small, small_floor)[1:]:
            if attempt["fits"]:
                break
            attempt = self.attempt(kind, horizontal, series, categories, ticks, tick_texts, fraction,
                                   label_floor, size, highlight_category)
        steps = {"series": len(series), "categories": n_cat}.get(slide.build, 1)
        texts, marks, strokes = attempt["texts"], attempt["marks"], attempt["strokes"]
        plot = attempt["plot"]
        if self.rtl:
            texts, marks, strokes, plot = self.mirrored(texts, marks, strokes, plot)
        title = plain(slide.title)
        description = plain(slide.description) if slide.description else describe(title, categories, series)
        return ChartPlan(
            slide.id, kind, "horizontal" if horizontal else "vertical", log, self.width, self.height, plot,
            categories, tuple(series), tuple(marks), tuple(strokes), tuple(texts), unit,
            excel_format(unit, places, self.lang), excel_format(unit, tick_places, self.lang), axis_min, axis_max,
            major, title, description, plain(slide.source) if slide.source else None,
            plain(slide.axis.label) if slide.axis.label else None, steps, slide.build, self.rtl, self.lang,
            attempt["label"], attempt["small"], highlight_category, slide.labels, attempt["fits"],
            attempt["overflow"], self.gap_width(attempt["marks"], attempt["plot"], kind, horizontal))

    def gap_width(self, marks, plot: Rect, kind: str, horizontal: bool) -> int:
        """The room between two categories' bars as PowerPoint sets it: in percent of one bar
        (a category's slot holds its bars and one gap)."""
        bars = [m for m in marks if m.role == "bar"]
        if not bars:
            return 43
        groups = len(self.slide.series) if kind == "bar" else 1
        slot = (plot.h if horizontal else plot.w) / len(self.slide.categories)
        bar = bars[0].h if horizontal else bars[0].w
        return max(0, min(500, round((slot - groups * bar) / bar * 100)))

    def step_of(self, series: int, category: int) -> int:
        build = self.slide.build
        return series + 1 if build == "series" else category + 1 if build == "categories" else 1

    def attempt(self, kind, horizontal, series, categories, ticks, tick_texts, fraction, label, small,
                highlight_category) -> dict:
        """The chart laid out with labels at `label` and ticks, legend and source at `small`."""
        c, slide = self.c, self.slide
        W, H = self.width, self.height
        texts: list[ChartText] = []
        marks: list[Mark] = []
        strokes: list[Stroke] = []
        overflow = []
        top, bottom = 0.0, H
        small_pitch, label_pitch = small * LINE_HEIGHT, label * LINE_HEIGHT
        # the source line, at the bottom
        if slide.source:
            from generator.text.markdown import plain

            lines = self.wrap(plain(slide.source), W, small, most=2)
            if lines is None:
                overflow.append(plain(slide.source))
                lines = (plain(slide.source),)
            bottom -= len(lines) * small_pitch
            texts.append(self.text(slide.source, lines, small, 0.0, bottom, color=c["muted"], role="source"))
            bottom -= GAP
        # the legend, at the top: bars of several series (lines are named at their ends)
        if kind != "line" and len(series) > 1:
            x, row = 0.0, 0
            for index, s in enumerate(series):
                w = SWATCH + 6 + self.measure.width(s.label, small)
                if x and x + w > W:
                    x, row = 0.0, row + 1
                y = top + row * (small_pitch + 4)
                step = self.step_of(index, 0) if slide.build == "series" else 1
                sy = y + (small_pitch - SWATCH) / 2
                marks.append(Mark(index, -1, x, sy, SWATCH, SWATCH, s.color, hatch=hatch_lines(s.pattern, x, sy,
                                  SWATCH, SWATCH), hatch_color=c["background"], role="swatch", step=step))
                texts.append(self.text(s.label, (s.label,), small, x + SWATCH + 6, y, role="legend", step=step))
                if w > W:
                    overflow.append(s.label)
                x += w + 24
            top += (row + 1) * (small_pitch + 4) + GAP
        if slide.axis.label:
            from generator.text.markdown import plain

            texts.append(self.text(slide.axis.label, (plain(slide.axis.label),), small, 0.0, top, color=c["muted"],
                                   role="axis"))
            top += small_pitch + 4
        # widths planned with a margin, as lines are (a client's metrics, another script's face)
        tick_w = max(self.measure.width(t, small) for t in tick_texts) * 1.04 + 2
        value_w = max((self.measure.width(t, label) for s in series for t in s.texts), default=0.0) \
            if slide.labels else 0.0
        if horizontal:
            result = self.horizontal(kind, series, categories, ticks, tick_texts, fraction, label, small, top,
                                     bottom, tick_w, value_w, highlight_category, overflow)
        else:
            result = self.vertical(kind, series, categories, ticks, tick_texts, fraction, label, small, top,
                                   bottom, tick_w, value_w, highlight_category, overflow)
        texts.extend(result[0])
        marks.extend(result[1])
        strokes = result[2] + strokes
        return dict(texts=texts, marks=marks, strokes=strokes, plot=result[3], fits=not overflow,
                    overflow=overflow[0] if overflow else "", label=label, small=small)

    def add_bar(self, marks: list, s: SeriesPlan, si: int, ci: int, box: tuple[float, float, float, float],
                highlight_category, step: int) -> tuple[str, bool]:
        """A bar of series `si` in category `ci`, at `box` (x, y, w, h), hatched by its series'
        pattern, added to `marks`; its fill and whether it is highlighted."""
        x, y, w, h = box
        fill, lit = self.bar_fill(s, ci, highlight_category)
        marks.append(Mark(si, ci, round(x, 2), round(y, 2), round(w, 2), round(h, 2), fill,
                          hatch=hatch_lines(s.pattern, x, y, w, h), hatch_color=self.c["background"],
                          value=s.values[ci], step=step, highlighted=lit))
        return fill, lit

    def add_inside_value(self, texts: list, s: SeriesPlan, text: str, fill: str,
                         box: tuple[float, float, float, float], size: float, step: int) -> None:
        """A stacked segment's value in its middle, in a colour that reads on its fill (left out
        when none does), on a plain plate over a hatched fill."""
        x, y, w, h = box
        color = _on(fill, self.c)
        if color:
            texts.append(self.text(text, (text,), size, x + w / 2, y + (h - size * LINE_HEIGHT) / 2,
                                   anchor="center", color=color, role="value", step=step,
                                   plate=fill if s.pattern != "solid" else None))

    def bar_fill(self, s: SeriesPlan, category: int, highlight_category) -> tuple[str, bool]:
        if category == highlight_category:
            return self.c["highlight"], True
        return s.color, s.highlighted

    def vertical(self, kind, series, categories, ticks, tick_texts, fraction, label, small, top, bottom,
                 tick_w, value_w, highlight_category, overflow):
        c, slide = self.c, self.slide
        W = self.width
        label_pitch, small_pitch = label * LINE_HEIGHT, small * LINE_HEIGHT
        n = len(categories)
        direct_w = 0.0
        direct_lines = []
        if kind == "line":              # series named at the ends of their lines
            room = W * 0.22
            for s in series:
                lines = self.wrap(s.label, room, label, most=2) or (s.label,)
                if self.measure.width(lines[0], label) > room + 0.01 and len(lines) == 1:
                    overflow.append(s.label)
                direct_lines.append(lines)
                direct_w = max(direct_w, max(self.measure.width(line, label) for line in lines))
            direct_w = direct_w * 1.04 + 2 + GAP
        left = tick_w + GAP
        plot_w = W - left - direct_w
        slot = plot_w / n
        # category labels under the plot, each in its slot
        cat_lines = []
        for name in categories:
            lines = self.wrap(name, slot - GAP, label)
            if lines is None:
                overflow.append(name)
                lines = (name,)
            cat_lines.append(lines)
        cat_h = max(len(lines) for lines in cat_lines) * label_pitch
        plot_top = top + (label_pitch + 4 if slide.labels else small_pitch / 2)
        plot_bottom = bottom - cat_h - GAP
        plot = Rect(left, plot_top, plot_w, plot_bottom - plot_top)
        if plot.h < 80 or plot.w < 120:
            overflow.append(slide.title)
        texts, marks, strokes = [], [], []
        # ticks and gridlines
        for value, shown in zip(ticks, tick_texts):
            y = plot.y + plot.h * (1 - fraction(value))
            strokes.append(Stroke((((plot.x, round(y, 2)), (plot.x + plot.w, round(y, 2))),), c["rule"], 1.0))
            texts.append(self.text(shown, (shown,), small, left - GAP, y - small_pitch / 2, anchor="right",
                                   color=c["muted"], role="tick"))
        zero = round(plot.y + plot.h * (1 - fraction(0.0)), 2)      # the category axis stands on 0
        strokes.append(Stroke((((plot.x, zero), (plot.x + plot.w, zero)),), c["muted"], 1.5, "axis"))
        for index, lines in enumerate(cat_lines):
            cx = plot.x + slot * (index + 0.5)
            step = self.step_of(0, index) if slide.build == "categories" else 1
            texts.append(self.text(categories[index], lines, label, cx, plot.y + plot.h + GAP, anchor="center",
                                   role="category", step=step))
        groups = len(series) if kind == "bar" else 1
        bar_w = min(slot * BAR_SHARE / groups, MAX_BAR * label_pitch)
        margin = (slot - bar_w * groups) / 2          # each side of a category's bars
        base = plot.y + plot.h * (1 - fraction(0.0))       # bars stand on 0 (on the axis's foot when log)
        for ci in range(n):
            stacked = 0.0
            for si, s in enumerate(series):
                value = s.values[ci]
                step = self.step_of(si, ci)
                if kind == "line":
                    continue
                if kind == "stacked-bar":
                    y0 = plot.y + plot.h * (1 - fraction(stacked))
                    stacked += value
                    y1 = plot.y + plot.h * (1 - fraction(stacked))
                    x = plot.x + slot * ci + margin
                else:
                    y0 = base
                    y1 = plot.y + plot.h * (1 - fraction(value))
                    x = plot.x + slot * ci + margin + bar_w * si
                y, h = min(y0, y1), abs(y0 - y1)
                fill, lit = self.add_bar(marks, s, si, ci, (x, y, bar_w, h), highlight_category, step)
                if not slide.labels:
                    continue
                text = s.texts[ci]
                width = self.measure.width(text, label)
                if kind == "stacked-bar":
                    if h >= label_pitch and width <= bar_w - 4:
                        self.add_inside_value(texts, s, text, fill, (x, y, bar_w, h), label, step)
                    continue
                room = slot / groups if groups > 1 else slot
                if width > room - 2:
                    overflow.append(text)
                top = y + h + 2 if value < 0 else y - label_pitch - 2      # under a bar that hangs below 0
                texts.append(self.text(text, (text,), label, x + bar_w / 2, top, anchor="center",
                                       role="value", step=step, bold=lit))
        if kind == "line":
            ends = []
            for si, s in enumerate(series):
                points = [(plot.x + slot * (ci + 0.5), plot.y + plot.h * (1 - fraction(s.values[ci])))
                          for ci in range(n)]
                width = 4.0 if s.highlighted else 2.5
                step = self.step_of(si, 0) if slide.build == "series" else 1
                if slide.build == "categories":
                    for ci in range(1, n):
                        strokes.append(Stroke(dashed(points[ci - 1:ci + 1], s.dashes), s.color, width, "series",
                                              si, ci + 1))
                else:
                    strokes.append(Stroke(dashed(points, s.dashes), s.color, width, "series", si, step))
                for ci, (px, py) in enumerate(points):
                    r = 6.0 if s.highlighted else 5.0
                    pstep = self.step_of(si, ci)
                    marks.append(Mark(si, ci, round(px - r, 2), round(py - r, 2), 2 * r, 2 * r, s.color, s.marker,
                                      stroke=c["background"], value=s.values[ci], step=pstep, role="marker",
                                      highlighted=s.highlighted))
                    if slide.labels:
                        text = s.texts[ci]
                        if self.measure.width(text, label) > slot - 2:
                            overflow.append(text)
                        texts.append(self.text(text, (text,), label, px, py - r - label_pitch - 2, anchor="center",
                                               role="value", step=pstep, color=s.color if _ok(s.color, c) else None,
                                               bold=s.highlighted))
                ends.append((points[-1][1], si, step))
            # the direct labels, at the right of the last points, pushed apart so none overlap
            placed_bottom = -math.inf
            for y, si, step in sorted(ends):
                lines = direct_lines[si]
                h = len(lines) * label_pitch
                y0 = max(y - h / 2, placed_bottom + 2)
                placed_bottom = y0 + h
                texts.append(self.text(series[si].label, lines, label, plot.x + plot.w + GAP, y0, role="direct",
                                       color=series[si].color if _ok(series[si].color, c) else None, step=step,
                                       bold=series[si].highlighted))
        return texts, marks, strokes, plot

    def horizontal(self, kind, series, categories, ticks, tick_texts, fraction, label, small, top, bottom,
                   tick_w, value_w, highlight_category, overflow):
        c, slide = self.c, self.slide
        W = self.width
        label_pitch, small_pitch = label * LINE_HEIGHT, small * LINE_HEIGHT
        n = len(categories)
        room = W * 0.3
        widest = max(self.measure.width(name, label) for name in categories)
        cat_w = min(room, widest / (1 - 0.04) + 1)
        cat_lines = []
        for name in categories:
            lines = self.wrap(name, cat_w, label)
            if lines is None:
                overflow.append(name)
                lines = (name,)
            cat_lines.append(lines)
        cat_w = max(self.measure.width(line, label) for lines in cat_lines for line in lines) * 1.04 + 2
        left = cat_w + GAP
        right = (value_w * 1.04 + 2 + GAP) if slide.labels and kind != "stacked-bar" else tick_w / 2
        plot = Rect(left, top, W - left - right, bottom - top - small_pitch - GAP / 2)
        slot = plot.h / n
        if slot < max(len(lines) for lines in cat_lines) * label_pitch:
            overflow.append(max(categories, key=len))
        texts, marks, strokes = [], [], []
        last_right = -math.inf
        for value, shown in zip(ticks, tick_texts):
            x = plot.x + plot.w * fraction(value)
            strokes.append(Stroke((((round(x, 2), plot.y), (round(x, 2), plot.y + plot.h)),), c["rule"], 1.0))
            width = self.measure.width(shown, small)
            if x - width / 2 < last_right + GAP:     # ticks too close to write each: every other one
                continue
            last_right = x + width / 2
            texts.append(self.text(shown, (shown,), small, x, plot.y + plot.h + GAP / 2, anchor="center",
                                   color=c["muted"], role="tick"))
        zero = round(plot.x + plot.w * fraction(0.0), 2)
        strokes.append(Stroke((((zero, plot.y), (zero, plot.y + plot.h)),), c["muted"], 1.5, "axis"))
        groups = len(series) if kind == "bar" else 1
        bar_h = min(slot * BAR_SHARE / groups, MAX_BAR * label_pitch)
        margin = (slot - bar_h * groups) / 2
        for ci in range(n):
            lines = cat_lines[ci]
            step = self.step_of(0, ci) if slide.build == "categories" else 1
            cy = plot.y + slot * (ci + 0.5)
            texts.append(self.text(categories[ci], lines, label, left - GAP, cy - len(lines) * label_pitch / 2,
                                   anchor="right", role="category", step=step))
            stacked = 0.0
            for si, s in enumerate(series):
                value = s.values[ci]
                step = self.step_of(si, ci)
                if kind == "stacked-bar":
                    x0 = plot.x + plot.w * fraction(stacked)
                    stacked += value
                    x1 = plot.x + plot.w * fraction(stacked)
                    y = plot.y + slot * ci + margin
                else:
                    x0, x1 = plot.x + plot.w * fraction(0.0), plot.x + plot.w * fraction(value)
                    y = plot.y + slot * ci + margin + bar_h * si
                x, w = min(x0, x1), abs(x1 - x0)
                fill, lit = self.add_bar(marks, s, si, ci, (x, y, w, bar_h), highlight_category, step)
                if not slide.labels:
                    continue
                text = s.texts[ci]
                width = self.measure.width(text, label)
                if kind == "stacked-bar":
                    if width <= w - 8 and bar_h >= label_pitch:
                        self.add_inside_value(texts, s, text, fill, (x, y, w, bar_h), label, step)
                    continue
                if bar_h < label_pitch * 0.8:
                    overflow.append(text)
                if value < 0:           # at the left of a bar that runs left of 0
                    texts.append(self.text(text, (text,), label, x - GAP / 2, y + (bar_h - label_pitch) / 2,
                                           anchor="right", role="value", step=step, bold=lit))
                    continue
                texts.append(self.text(text, (text,), label, x + w + GAP / 2, y + (bar_h - label_pitch) / 2,
                                       role="value", step=step, bold=lit))
        return texts, marks, strokes, plot

    def mirrored(self, texts, marks, strokes, plot):
        """The chart as a right-to-left reader reads it: every x mirrored, anchors with it."""
        W = self.width
        flip = {"left": "right", "right": "left", "center": "center"}
        texts = [ChartText(t.text, t.lines, t.size, t.color, round(W - t.x, 2), t.y, t.baselines, flip[t.anchor],
                           t.bold, t.role, t.step, t.width, t.plate) for t in texts]
        marks = [Mark(m.series, m.category, round(W - m.x - m.w, 2), m.y, m.w, m.h, m.fill, m.shape,
                      tuple((round(W - a, 2), b, round(W - x2, 2), y2) for a, b, x2, y2 in m.hatch), m.hatch_color,
                      m.stroke, m.value, m.step, m.highlighted, m.role) for m in marks]
        strokes = [Stroke(tuple(tuple((round(W - x, 2), y) for x, y in path) for path in s.paths), s.color, s.width,
                          s.role, s.series, s.step) for s in strokes]
        return texts, marks, strokes, Rect(round(W - plot.x - plot.w, 2), plot.y, plot.w, plot.h)


def _ok(color: str, c: dict) -> bool:
    """Whether `color` is readable as text on the background (4.5:1)."""
    from generator.theme.contrast import AA_TEXT, contrast_ratio

    return contrast_ratio(color, c["background"]) >= AA_TEXT


def _on(fill: str, c: dict) -> Optional[str]:
    """The text colour (the background's or the text's) readable on a bar's fill, or None."""
    from generator.theme.contrast import AA_TEXT, contrast_ratio

    best = max((c["background"], c["text"]), key=lambda color: contrast_ratio(color, fill))
    return best if contrast_ratio(best, fill) >= AA_TEXT else None


def chart_colors(c: dict[str, str]) -> list[str]:
    """The series' colours: the theme's `chart-1`…`chart-4` (derived when not given)."""
    return [c[f"chart-{i}"] for i in range(1, 5) if f"chart-{i}" in c] or [c["accent"]]


def describe(title: str, categories: tuple[str, ...], series: list[SeriesPlan]) -> str:
    """The chart's alt text when the content gives none: its title, then each value."""
    parts = []
    for s in series:
        values = "; ".join(f"{name}: {text}" for name, text in zip(categories, s.texts))
        parts.append(f"{s.label}: {values}" if len(series) > 1 else values)
    return f"{title}. " + ". ".join(parts) + "."


def layout_chart(slide, palette: dict[str, str], measure: TextMeasure, *, lang: str, rtl: bool, sizes: dict,
                 width: float, height: float) -> ChartPlan:
    """The chart of a chart slide in a box `width` x `height` points."""
    return _Layout(slide, palette, measure, lang, rtl, sizes, width, height).plan()


def chart_slide(planner, slide) -> dict:
    """A chart slide's plan (`_Planner._chart`): its title, and its chart in the content box; a
    text that does not fit at the floors is an error (`fit.chart`), as a diagram's is."""
    from generator.i18n.scripts import is_rtl
    from generator.plan.deck import Problem
    from generator.theme.contrast import colors

    heading = planner.heading(slide, slide.title)
    box = planner.geometry.body
    chart = layout_chart(slide, colors(planner.theme), planner.diagram_measure, lang=planner.lang,
                         rtl=is_rtl(planner.lang), sizes=planner.theme.sizes, width=box.w, height=box.h)
    if not chart.fits:
        planner.problem(Problem(slide.id, "chart", chart.overflow, "fit.chart", "error",
                                f"does not fit the chart at {chart.label_size:g} pt (labels) and "
                                f"{chart.small_size:g} pt (ticks, legend)"))
    return dict(heading=heading, chart=chart, steps=chart.steps, content=box)
