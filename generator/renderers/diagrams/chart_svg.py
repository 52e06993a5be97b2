"""A planned chart written as one self-contained, accessible SVG document, the same bytes every run.

Only what the plan placed: gridlines and axes as polylines, bars as rectangles with their hatch
lines, line series as polylines (a dashed series is one polyline per dash), markers, and texts
on their planned lines and anchors. Each series' and category's pieces carry `data-step`, so the
HTML deck and the PDF reveal a build step by step, and `data-series`, `data-category` and
`data-value` for whoever reads the drawing back. The vocabulary is the one `pdf/svg.py` draws.
"""

from __future__ import annotations

from generator.plan.chart import ChartPlan, ChartText, Mark
from generator.renderers.diagrams.stack_svg import SVG_NAMESPACE, _attr, _num, _text
from generator.theme import Theme


def emit_chart_svg(chart: ChartPlan, theme: Theme) -> str:
    """The SVG text of a chart, in the theme's body font with its fallbacks."""
    return render_chart_svg(chart, theme.font_list(theme.body, chart.lang))


def render_chart_svg(chart: ChartPlan, font_family: str) -> str:
    prefix = chart.id
    title_id, desc_id = f"{prefix}__title", f"{prefix}__desc"
    size = f'width="{_num(chart.width)}" height="{_num(chart.height)}" ' \
           f'viewBox="0 0 {_num(chart.width)} {_num(chart.height)}"'
    rtl = ' direction="rtl"' if chart.rtl else ""
    out = [
        f'<svg xmlns="{SVG_NAMESPACE}" version="1.1" id="{_attr(prefix)}" {size} role="img" '
        f'aria-labelledby="{_attr(title_id)} {_attr(desc_id)}" lang="{_attr(chart.lang)}" '
        f'font-family="{_attr(font_family)}"{rtl} data-steps="{chart.steps}" data-chart="{chart.kind}" '
        f'data-orientation="{chart.orientation}" data-scale="{"log" if chart.log else "linear"}">',
        f'<title id="{_attr(title_id)}">{_text(chart.title)}</title>',
        f'<desc id="{_attr(desc_id)}">{_text(chart.description)}</desc>',
        f'<g class="plot" data-x="{_num(chart.plot.x)}" data-y="{_num(chart.plot.y)}" '
        f'data-w="{_num(chart.plot.w)}" data-h="{_num(chart.plot.h)}">',
    ]
    for stroke in chart.strokes:
        if stroke.role == "series":
            continue
        out.append(_stroke(stroke))
    out.append("</g>")
    for mark in chart.marks:
        if mark.role != "marker":
            out.extend(_mark(mark))
    for stroke in chart.strokes:
        if stroke.role == "series":
            out.append(f'<g class="series-line" data-series="{stroke.series}" data-step="{stroke.step}">'
                       f'{_stroke(stroke)}</g>')
    for mark in chart.marks:
        if mark.role == "marker":
            out.extend(_mark(mark))
    for text in chart.texts:
        out.extend(_chart_text(text, chart.rtl))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _points(path) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in path)


def _stroke(stroke) -> str:
    return "".join(f'<polyline points="{_points(path)}" fill="none" stroke="{_attr(stroke.color)}" '
                   f'stroke-width="{_num(stroke.width)}" stroke-linejoin="round" stroke-linecap="butt"/>'
                   for path in stroke.paths)


def _mark(mark: Mark) -> list[str]:
    classes = mark.role + (" highlighted" if mark.highlighted else "")
    out = [f'<g class="{classes}" data-series="{mark.series}" data-category="{mark.category}" '
           f'data-value="{mark.value:g}" data-step="{mark.step}">']
    stroke = f' stroke="{_attr(mark.stroke)}" stroke-width="1.5"' if mark.stroke else ""
    x, y, w, h = mark.x, mark.y, mark.w, mark.h
    if mark.shape == "circle":
        out.append(f'<circle cx="{_num(x + w / 2)}" cy="{_num(y + h / 2)}" r="{_num(w / 2)}" '
                   f'fill="{_attr(mark.fill)}"{stroke}/>')
    elif mark.shape in ("triangle", "diamond"):
        if mark.shape == "triangle":
            points = [(x + w / 2, y), (x + w, y + h), (x, y + h)]
        else:
            points = [(x + w / 2, y), (x + w, y + h / 2), (x + w / 2, y + h), (x, y + h / 2)]
        out.append(f'<polygon points="{_points(points)}" fill="{_attr(mark.fill)}"{stroke}/>')
    else:
        out.append(f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" '
                   f'fill="{_attr(mark.fill)}"{stroke}/>')
    if mark.hatch:
        d = "".join(f"M{_num(a)} {_num(b)}L{_num(c)} {_num(e)}" for a, b, c, e in mark.hatch)
        out.append(f'<path class="hatch" d="{d}" fill="none" stroke="{_attr(mark.hatch_color)}" stroke-width="1.5"/>')
    out.append("</g>")
    return out


def _chart_text(text: ChartText, rtl: bool) -> list[str]:
    """A text's lines. Anchors are the page's (left, centre, right); in a right-to-left drawing
    SVG's "start" is the right edge, so they are written for the line's direction: a line with no
    right-to-left letter ("60,000 ms") runs left to right (`own_direction`), keeping its order."""
    from generator.renderers.diagrams.stack_svg import own_direction

    def anchored(line_rtl: bool) -> str:
        if text.anchor == "center":
            return ' text-anchor="middle"'
        return ' text-anchor="end"' if (text.anchor == "right") != line_rtl else ""

    weight = ' font-weight="bold"' if text.bold else ""
    out = [f'<g class="{text.role}" data-step="{text.step}">']
    if text.plate:
        left = {"left": text.x, "center": text.x - text.width / 2, "right": text.x - text.width}[text.anchor]
        height = len(text.lines) * text.size * 1.2
        out.append(f'<rect x="{_num(left - 4)}" y="{_num(text.y)}" width="{_num(text.width + 8)}" '
                   f'height="{_num(height)}" rx="2" fill="{_attr(text.plate)}"/>')
    for line, baseline in zip(text.lines, text.baselines):
        own, line_rtl = own_direction(line, rtl)
        out.append(f'<text x="{_num(text.x)}" y="{_num(baseline)}" font-size="{_num(text.size)}"{weight} '
                   f'fill="{_attr(text.color)}"{anchored(line_rtl)}{own}>{_text(line)}</text>')
    out.append("</g>")
    return out
