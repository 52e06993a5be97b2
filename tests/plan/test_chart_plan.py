"""The chart plan: values written per language, scales, bar proportions, floors, builds, RTL, colours."""

from __future__ import annotations

import math

import pytest

from generator.content.talk import load_talk
from generator.model.talk import ChartSlide
from generator.plan.chart import dashed, excel_format, format_value, hatch_lines, linear_ticks, log_ticks
from generator.plan.deck import plan_deck
from generator.theme import load_theme
from generator.theme.contrast import AA_GRAPHICS, color_pairs, contrast_ratio
from tests.conftest import ROOT

CHARTS = ROOT / "tests" / "content" / "charts"


@pytest.fixture(scope="module")
def talk():
    return load_talk(CHARTS).talk


@pytest.fixture(scope="module")
def theme(talk):
    return load_theme(talk.theme, CHARTS)


def plan(talk, theme, lang="en"):
    return plan_deck(talk, theme, lang=lang)


def slide(**changes) -> ChartSlide:
    data = dict(id="c", kind="chart", title="Chart", categories=[{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
                series=[{"id": "s", "label": "S", "values": ["1", "2"]}])
    data.update(changes)
    return ChartSlide.model_validate(data)


def it_writes_values_with_their_unit_as_each_language_does():
    assert format_value(2.1, "gigabyte", 1, "fr").replace("\u202f", " ").replace("\u00a0", " ") == "2,1 Go"
    assert format_value(2.1, "gigabyte", 1, "en") == "2.1 GB"
    assert format_value(60000, "millisecond", 0, "en") == "60,000 ms"
    assert format_value(50, "millisecond", 0, "qps") == "50 ms"          # the pseudo-locale: English numbers
    assert excel_format("gigabyte", 1, "fr") in ('#,##0.0"\u202fGo"', '#,##0.0"\u00a0Go"')
    assert excel_format("millisecond", 0, "en") == '#,##0" ms"'
    assert excel_format(None, 2, "en") == "#,##0.00"


def it_reads_numbers_written_as_text_and_refuses_words():
    assert slide().series[0].values == (1.0, 2.0)
    with pytest.raises(ValueError):
        slide(series=[{"id": "s", "label": "S", "values": ["2.1 GB", "1"]}])


def it_chooses_round_ticks_and_powers_of_ten():
    assert linear_ticks(0, 2.1) == (0, 0.5, 1.0, 1.5, 2.0, 2.5)
    assert log_ticks(50, 60000) == (10.0, 100.0, 1000.0, 10000.0, 100000.0)


def it_draws_log_bars_in_proportion(talk, theme):
    chart = plan(talk, theme).slide("startup").chart
    assert chart.log and chart.orientation == "horizontal"
    assert (chart.axis_min, chart.axis_max) == (10.0, 100000.0)
    for bar in chart.bars:
        expected = (math.log10(bar.value) - 1) / 4 * chart.plot.w
        assert abs(bar.w - expected) < 0.05
        assert bar.x == pytest.approx(chart.plot.x, abs=0.01)
    container = next(b for b in chart.bars if b.category == 1)
    assert container.highlighted and container.fill == theme.colors["highlight"]


def it_draws_linear_bars_in_proportion_from_the_axis(talk, theme):
    chart = plan(talk, theme).slide("disk").chart
    base = chart.plot.y + chart.plot.h
    for bar in chart.bars:
        assert bar.y + bar.h == pytest.approx(base, abs=0.02)
        assert bar.h == pytest.approx(bar.value / chart.axis_max * chart.plot.h, abs=0.02)


def it_stacks_segments_on_one_another(talk, theme):
    chart = plan(talk, theme).slide("stacked").chart
    first = sorted((b for b in chart.bars if b.category == 0), key=lambda b: b.series)
    assert first[1].y + first[1].h == pytest.approx(first[0].y, abs=0.02)


def it_keeps_the_chart_floors_and_every_text_inside_its_box(talk, theme):
    for lang in ("en", "fr", "qps"):
        deck = plan(talk, theme, lang)
        assert not deck.errors
        for planned in deck.slides:
            chart = planned.chart
            for text in chart.texts:
                floor = 18 if text.role in ("category", "value", "direct") else 14
                assert text.size >= floor, (planned.id, text)
                left = {"left": text.x, "center": text.x - text.width / 2, "right": text.x - text.width}[text.anchor]
                assert left >= -0.5 and left + text.width <= chart.width + 0.5, (lang, planned.id, text.text)
                assert text.y >= -0.5 and text.y + len(text.lines) * text.size * 1.2 <= chart.height + 0.5


def it_reports_a_label_too_long_for_the_floors(theme):
    from generator.model.talk import Talk

    long = "An exceedingly long category name that no slot of a chart with this many bars could ever hold"
    talk = Talk.model_validate(dict(id="t", title="T", lang="en", slides=[dict(
        id="c", kind="chart", title="T",
        categories=[{"id": f"c{i}", "label": long} for i in range(8)],
        series=[{"id": "s", "label": "S", "values": [str(i + 1) for i in range(8)]}])]))
    problems = plan_deck(talk, theme, lang="en").errors
    assert [p.code for p in problems] == ["fit.chart"]


def it_builds_one_series_or_one_category_a_step(talk, theme):
    deck = plan(talk, theme)
    disk = deck.slide("disk")
    assert disk.steps == 2
    assert {b.step for b in disk.chart.bars if b.series == 1} == {2}
    stacked = deck.slide("stacked")
    assert stacked.steps == 2
    assert {b.step for b in stacked.chart.bars if b.category == 1} == {2}
    assert all(t.step == 1 for t in stacked.chart.texts if t.role == "tick")
    assert deck.slide("startup").steps == 1


def it_tells_series_apart_without_colour(talk, theme):
    deck = plan(talk, theme)
    bars = deck.slide("disk").chart.series
    assert len({s.pattern for s in bars}) == len(bars)
    assert not [b for b in deck.slide("disk").chart.bars if b.series == 1 and b.h > 10 and not b.hatch]
    lines = deck.slide("trend").chart.series
    assert len({s.marker for s in lines}) == len(lines) and len({s.dashes for s in lines}) == len(lines)
    direct = [t.text for t in deck.slide("trend").chart.texts if t.role == "direct"]
    assert sorted(direct) == sorted(s.label for s in lines)


def it_checks_the_series_colours_like_theme_colours(theme):
    pairs = [p for p in color_pairs(theme) if p.name.startswith("chart series")]
    assert len(pairs) == 4
    for pair in pairs:
        assert contrast_ratio(pair.foreground, pair.background) >= AA_GRAPHICS, pair
    dark = load_theme("dark", CHARTS)
    for pair in (p for p in color_pairs(dark) if p.name.startswith("chart series")):
        assert contrast_ratio(pair.foreground, pair.background) >= AA_GRAPHICS, pair


def it_runs_the_category_axis_from_the_right_in_rtl(talk, theme):
    ltr, rtl = plan(talk, theme, "en").slide("disk").chart, plan(talk, theme, "ar").slide("disk").chart
    assert rtl.rtl and not ltr.rtl
    first = [b for b in rtl.bars if b.category == 0]
    last = [b for b in rtl.bars if b.category == 1]
    assert min(b.x for b in first) > max(b.x for b in last)
    for a, b in zip(ltr.bars, rtl.bars):       # the same bars, mirrored in their plot
        assert b.h == pytest.approx(a.h) and rtl.plot.x <= b.x and b.x + b.w <= rtl.plot.x + rtl.plot.w + 0.01
    ticks = [t for t in rtl.texts if t.role == "tick"]
    assert all(t.anchor == "left" and t.x > rtl.plot.x + rtl.plot.w for t in ticks)


def it_cuts_hatches_and_dashes_inside_their_shapes():
    for x1, y1, x2, y2 in hatch_lines("cross", 10, 20, 30, 50):
        for x, y in ((x1, y1), (x2, y2)):
            assert 10 - 0.01 <= x <= 40.01 and 20 - 0.01 <= y <= 70.01
    pieces = dashed([(0, 0), (100, 0)], (8.0, 4.0))
    assert len(pieces) == 9 and pieces[0] == ((0, 0), (8.0, 0.0))
