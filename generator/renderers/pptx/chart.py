"""The chart slide as a native PowerPoint chart, editable in PowerPoint and LibreOffice.

python-pptx's chart API writes the chart and its embedded workbook (XlsxWriter) from the plan's
numbers; the plan's scale (its minimum, maximum, tick step, logarithmic or not), its number
formats (the unit in them, as the deck's language writes it), its colours, hatch patterns,
markers and dashes, and its sizes are set on it. The source line and the axis title are text
boxes where the plan put them. The chart lays its own text out: PowerPoint and LibreOffice
place its labels, not the plan (the values are the same, and the viewer's locale decides the
decimal separator).
"""

from __future__ import annotations

from generator.plan.boxes import Rect
from generator.plan.chart import ChartPlan
from generator.plan.geometry import LINE_HEIGHT

_PATTERNS = {"diagonal": "WIDE_UPWARD_DIAGONAL", "reverse-diagonal": "WIDE_DOWNWARD_DIAGONAL",
             "cross": "DIAGONAL_CROSS", "horizontal": "NARROW_HORIZONTAL", "vertical": "NARROW_VERTICAL"}
_MARKERS = {"circle": "CIRCLE", "square": "SQUARE", "triangle": "TRIANGLE", "diamond": "DIAMOND"}
_DASHES = {(): "SOLID", (8.0, 4.0): "DASH", (2.0, 3.0): "ROUND_DOT", (10.0, 3.0, 2.0, 3.0): "DASH_DOT"}


def _rgb(color: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(color.lstrip("#").upper())


def chart_type(chart: ChartPlan):
    from pptx.enum.chart import XL_CHART_TYPE

    if chart.kind == "line":
        return XL_CHART_TYPE.LINE_MARKERS
    bars = "BAR" if chart.orientation == "horizontal" else "COLUMN"
    return getattr(XL_CHART_TYPE, f"{bars}_{'STACKED' if chart.kind == 'stacked-bar' else 'CLUSTERED'}")


def _fill(fill, color: str, pattern: str, background: str) -> None:
    from pptx.enum.dml import MSO_PATTERN

    if pattern in _PATTERNS:
        fill.patterned()
        fill.pattern = getattr(MSO_PATTERN, _PATTERNS[pattern])
        fill.fore_color.rgb = _rgb(background)
        fill.back_color.rgb = _rgb(color)
    else:
        fill.solid()
        fill.fore_color.rgb = _rgb(color)


def add_chart(slide, chart: ChartPlan, area: Rect, palette: dict[str, str], font: str, emu, own_template=True):
    """Draw the planned chart in `area` (the slide's content box): the native chart over the
    room the plan's chart takes, the source line and axis title as text boxes. Returns the
    chart's graphic frame. In a user's template (`own_template` False) the chart's text and
    gridlines keep the template's colours, as its other text does; the series keep the theme's."""
    from pptx.enum.chart import XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_MARK
    from pptx.enum.dml import MSO_LINE_DASH_STYLE
    from pptx.enum.chart import XL_MARKER_STYLE
    from pptx.util import Pt

    from generator.renderers.pptx.oxml.chart import (
        chart_data, cross_at_maximum, delete_data_label, positive_axis_ids, set_log_scale, set_plot_layout,
    )
    from generator.renderers.pptx.shapes import set_alt_text

    def color(target, name: str) -> None:
        if own_template:
            target.color.rgb = _rgb(palette[name])

    data = chart_data(chart.number_format)
    data.categories = chart.categories
    for series in chart.series:
        data.add_series(series.label, series.values, number_format=chart.number_format)
    # the native chart takes the chart's box less the texts drawn beside it (source, axis title)
    top, bottom = 0.0, chart.height
    for text in chart.texts:
        if text.role == "source":
            bottom = min(bottom, text.y - 4)
        elif text.role == "axis":
            top = max(top, text.y + len(text.lines) * text.size * LINE_HEIGHT)
    frame = slide.shapes.add_chart(chart_type(chart), emu(area.x), emu(area.y + top), emu(area.w),
                                   emu(bottom - top), data)
    frame.name = f"chart {chart.id}"
    set_alt_text(frame, chart.description, chart.title)
    native = frame.chart
    positive_axis_ids(native)
    native.has_title = False
    height = bottom - top          # the plot's inner area where the plan put it, in the frame
    set_plot_layout(native, chart.plot.x / chart.width, (chart.plot.y - top) / height, chart.plot.w / chart.width,
                    chart.plot.h / height)
    native.font.name = font
    native.font.size = Pt(chart.small_size)
    color(native.font, "muted")
    vertical = chart.orientation == "vertical"
    multi = len(chart.series) > 1
    native.has_legend = multi
    if multi:
        native.legend.position = XL_LEGEND_POSITION.RIGHT if chart.kind == "line" else XL_LEGEND_POSITION.TOP
        native.legend.include_in_layout = False
        native.legend.font.size = Pt(chart.small_size)
        color(native.legend.font, "text")
    values, categories = native.value_axis, native.category_axis
    values.minimum_scale, values.maximum_scale = chart.axis_min, chart.axis_max
    if chart.log:
        set_log_scale(values)
    else:
        values.major_unit = chart.major
    values.has_major_gridlines = True
    color(values.major_gridlines.format.line, "rule")
    values.format.line.fill.background()
    values.major_tick_mark = XL_TICK_MARK.NONE
    values.tick_labels.number_format = chart.axis_format
    values.tick_labels.number_format_is_linked = False
    values.tick_labels.font.size = Pt(chart.small_size)
    color(values.tick_labels.font, "muted")
    color(categories.format.line, "muted")
    categories.major_tick_mark = XL_TICK_MARK.NONE
    categories.tick_labels.font.size = Pt(chart.label_size)
    color(categories.tick_labels.font, "text")
    # the first category where the plan has it: at the top of lying bars, at the right in a
    # right-to-left deck; the value axis stays at the bottom (or on the side the plan drew it)
    if not vertical:
        categories.reverse_order = True
        cross_at_maximum(values)
        if chart.rtl:
            values.reverse_order = True
    elif chart.rtl:
        categories.reverse_order = True
    plot = native.plots[0]
    if chart.kind != "line":
        plot.gap_width = chart.gap_width      # bars as thick as planned
        plot.overlap = 100 if chart.kind == "stacked-bar" else 0
    background = palette["background"]
    for index, (series, planned) in enumerate(zip(plot.series, chart.series)):
        if chart.kind == "line":
            line = series.format.line
            line.color.rgb = _rgb(planned.color)
            line.width = Pt(4.0 if planned.highlighted else 2.5)
            line.dash_style = getattr(MSO_LINE_DASH_STYLE, _DASHES.get(planned.dashes, "SOLID"))
            series.smooth = False
            series.marker.style = getattr(XL_MARKER_STYLE, _MARKERS[planned.marker])
            series.marker.size = 10
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = _rgb(planned.color)
            series.marker.format.line.color.rgb = _rgb(background)
        else:
            _fill(series.format.fill, planned.color, planned.pattern, background)
            series.invert_if_negative = False
            if chart.highlight_category is not None:
                point = series.points[chart.highlight_category]
                _fill(point.format.fill, palette["highlight"], planned.pattern, background)
    if chart.labels:
        position = {"line": XL_LABEL_POSITION.ABOVE, "stacked-bar": XL_LABEL_POSITION.CENTER}.get(
            chart.kind, XL_LABEL_POSITION.OUTSIDE_END)
        plot.has_data_labels = True
        # each series' labels set on the series itself too: a series that leaves some out has
        # its own `c:dLbls`, which LibreOffice reads instead of the plot's
        for labels in (plot.data_labels, *(series.data_labels for series in plot.series)):
            labels.number_format = chart.number_format
            labels.number_format_is_linked = False
            labels.show_value = True
            labels.font.size = Pt(chart.label_size)
            color(labels.font, "text")
            labels.position = position
        if chart.kind == "stacked-bar":      # only the values the plan could write inside their segment
            written = {}
            for m in chart.marks:
                for t in chart.texts:
                    if m.role == "bar" and t.role == "value" and abs(t.x - (m.x + m.w / 2)) < 0.6 \
                            and m.y - 1 <= t.y <= m.y + m.h:
                        written[(m.series, m.category)] = t
            for index, series in enumerate(plot.series):
                inside = [t for (s, _), t in sorted(written.items()) if s == index]
                if inside:        # in the colour the plan chose for them on the series' fill
                    series.data_labels.font.color.rgb = _rgb(inside[0].color)
                for category in range(len(chart.categories)):
                    if (index, category) not in written:
                        delete_data_label(series, category)
    return frame
