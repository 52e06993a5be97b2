"""A stack Diagram written as one self-contained, accessible SVG document, the same bytes every run.

Nothing is referenced from outside the document (no href, no url(), no external style); the
picture is named by `<title>` and described by `<desc>` through `aria-labelledby`. Every id is
prefixed with the diagram's id, so several diagrams can be inlined in one HTML page. Each box is
a `<g>` with a `data-step` attribute: the HTML deck reveals a bottom-up build step by step.
Numbers are written with at most two decimals.
"""

from __future__ import annotations

import re

from generator.plan.boxes import Box, Diagram, TextBlock
from generator.theme import Theme

SVG_NAMESPACE = "http://www.w3.org/2000/svg"

# Characters XML 1.0 does not allow, dropped rather than written.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def emit_stack_svg(diagram: Diagram, theme: Theme) -> str:
    """The SVG text of a stack diagram, in the theme's body font with its fallbacks."""
    return render_svg(diagram, theme.font_list(theme.body, diagram.lang))


RTL = ' direction="rtl"'


def render_svg(diagram: Diagram, font_family: str) -> str:
    """The SVG text of a diagram, its text set in the CSS font list `font_family`."""
    from generator.i18n.scripts import is_rtl

    prefix, rtl = diagram.id, is_rtl(diagram.lang)
    title_id, desc_id = f"{prefix}__title", f"{prefix}__desc"
    size = f'width="{_num(diagram.width)}" height="{_num(diagram.height)}" ' \
           f'viewBox="0 0 {_num(diagram.width)} {_num(diagram.height)}"'
    lines = [
        f'<svg xmlns="{SVG_NAMESPACE}" version="1.1" id="{_attr(prefix)}" {size} role="img" '
        f'aria-labelledby="{_attr(title_id)} {_attr(desc_id)}" lang="{_attr(diagram.lang)}" '
        f'font-family="{_attr(font_family)}"{RTL if rtl else ""} data-steps="{diagram.steps}">',
        f'<title id="{_attr(title_id)}">{_text(diagram.title)}</title>',
        f'<desc id="{_attr(desc_id)}">{_text(diagram.description)}</desc>',
    ]
    for box in diagram.boxes:
        lines.extend(_box(box, prefix, rtl))
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def _box(box: Box, prefix: str, rtl: bool = False) -> list[str]:
    classes = box.role + (" highlighted" if box.highlighted else "")
    data = [f'data-step="{box.step}"']
    if box.stack_id:
        data.append(f'data-stack="{_attr(box.stack_id)}"')
    if box.layer_id:
        data.append(f'data-layer="{_attr(box.layer_id)}"')
    if box.column is not None:
        data.append(f'data-column="{box.column}"')
    out = [f'<g id="{_attr(prefix)}--{_attr(box.id)}" class="{classes}" {" ".join(data)}>']
    if box.fill or box.stroke:
        stroke = (f' stroke="{_attr(box.stroke)}" stroke-width="{_num(box.stroke_width)}"'
                  if box.stroke and box.stroke_width else "")
        radius = f' rx="{_num(box.radius)}"' if box.radius else ""
        out.append(f'<rect x="{_num(box.x)}" y="{_num(box.y)}" width="{_num(box.w)}" '
                   f'height="{_num(box.h)}"{radius} fill="{_attr(box.fill or "none")}"{stroke}/>')
    for block in box.texts:
        out.extend(_text_block(block, rtl))
    out.append("</g>")
    return out


def _text_block(block: TextBlock, rtl: bool = False) -> list[str]:
    """The lines of a text block. Right to left, a line starts at its right: a left-aligned line
    (legend entries) is anchored at its end, so it stays where the plan put it. In a right-to-left
    drawing, a line with no right-to-left letter ("700 Mo", a French fallback) runs left to
    right (`own_direction`), so its numbers and punctuation stay in their order."""
    weight = ' font-weight="bold"' if block.bold else ""
    out = []
    for index, (line, baseline) in enumerate(zip(block.lines, block.baselines)):
        own, line_rtl = own_direction(line, rtl)
        anchor = ' text-anchor="middle"' if block.align == "center" else ' text-anchor="end"' if line_rtl else ""
        out.append(f'<text x="{_num(block.line_x(index))}" y="{_num(baseline)}" font-size="{_num(block.size)}"'
                   f'{weight} fill="{_attr(block.color)}"{anchor}{own}>{_text(line)}</text>')
    return out


def own_direction(line: str, rtl: bool) -> tuple[str, bool]:
    """The `direction` attribute of a line of a right-to-left drawing that runs left to right
    (empty for any other line), and whether the line runs right to left."""
    from generator.i18n.bidi import text_direction

    if rtl and text_direction(line) == "ltr":
        return ' direction="ltr"', False
    return "", rtl


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _text(value: str) -> str:
    value = _NOT_XML.sub("", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return _text(value).replace('"', "&quot;")
