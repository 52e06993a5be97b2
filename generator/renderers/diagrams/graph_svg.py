"""A laid-out graph diagram drawn as one self-contained, accessible SVG document.

Everything is drawn from the `GraphDiagram` values: rounded node boxes, icons, edges in the
muted colour with their arrow heads, edge labels on a background. Each icon is embedded once as
a `<symbol>` holding a `data:` PNG and placed with `<use>`; nothing points at a file or URL.
Every id starts with the graph's id, so several diagrams can sit inline in one HTML page: parts
are `<id>__title`, `<id>__icon--docker`, nodes `<id>--<node>`, edges `<id>--<from>--<to>` (content
ids never hold `--` or `__`). Styles are attributes, not a `<style>` sheet that would leak into
that page.
"""

from __future__ import annotations

import base64
import re
from xml.sax.saxutils import escape, quoteattr

from generator.plan.graph.model import EdgePath, GraphDiagram, Label, NodeBox, Point
from generator.plan.graph.style import GraphStyle, graph_style
from generator.i18n.scripts import is_rtl
from generator.theme.icons import icon_pixels, icon_png
from generator.theme import Theme

# Characters XML 1.0 does not allow, dropped rather than written.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text content escaped for XML, characters XML cannot hold dropped."""
    return escape(_NOT_XML.sub("", text))


def num(value: float) -> str:
    """A coordinate written the same way every time: at most two decimals, no `-0`."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def icon_id(diagram: GraphDiagram, icon: str) -> str:
    """The id of an icon's `<symbol>`: one per icon and diagram."""
    return f"{diagram.id}__icon--{icon}"


def _symbols(diagram: GraphDiagram) -> list[str]:
    out = []
    for icon in diagram.icons:
        data = base64.b64encode(icon_png(icon)).decode("ascii")
        width, height = icon_pixels(icon)
        out.append(
            f'<symbol id="{icon_id(diagram, icon)}" viewBox="0 0 {width} {height}">'
            f'<image width="{width}" height="{height}" '
            f'href="data:image/png;base64,{data}"/></symbol>'
        )
    return out


def _text(label: Label, fill: str, rtl: bool = False) -> str:
    """A label's lines; in a right-to-left drawing, a label with no right-to-left letter ("docker
    CLI", a French fallback) runs left to right, its punctuation and numbers in their order."""
    from generator.i18n.bidi import text_direction

    weight = ' font-weight="bold"' if label.bold else ""
    own = ' direction="ltr"' if rtl and text_direction(" ".join(line.text for line in label.lines)) == "ltr" else ""
    spans = "".join(f'<tspan x="{num(line.x)}" y="{num(line.y)}">{_xml(line.text)}</tspan>'
                    for line in label.lines)
    return (f'<text font-size="{num(label.size)}"{weight} fill="{fill}" '
            f'text-anchor="middle"{own}>{spans}</text>')


def _node(diagram: GraphDiagram, node: NodeBox, style: GraphStyle) -> str:
    parts = [
        f'<g id="{diagram.id}--{node.id}" data-node={_attr(node.id)}>',
        f'<rect x="{num(node.x)}" y="{num(node.y)}" width="{num(node.w)}" height="{num(node.h)}" '
        f'rx="{num(style.corner_radius)}" fill="{style.node_fill}" stroke="{style.node_stroke}" '
        f'stroke-width="{num(style.node_stroke_width)}"/>',
    ]
    if node.icon is not None and node.icon_box is not None:
        b = node.icon_box
        if style.icon_backdrop:
            t = style.icon_tile(b)
            parts.append(f'<rect x="{num(t.x)}" y="{num(t.y)}" width="{num(t.w)}" height="{num(t.h)}" '
                         f'rx="{num(style.icon_gap / 2)}" fill="{style.icon_backdrop}"/>')
        parts.append(f'<use href="#{icon_id(diagram, node.icon)}" x="{num(b.x)}" y="{num(b.y)}" '
                     f'width="{num(b.w)}" height="{num(b.h)}"/>')
    parts.append(_text(node.label, style.text, is_rtl(diagram.lang)))
    parts.append("</g>")
    return "".join(parts)


def _path(points: tuple[Point, ...]) -> str:
    head, rest = points[0], points[1:]
    curves = " ".join(
        "C " + " ".join(f"{num(p.x)} {num(p.y)}" for p in rest[i:i + 3])
        for i in range(0, len(rest) - len(rest) % 3, 3)
    )
    return f"M {num(head.x)} {num(head.y)} {curves}".strip()


def _edge(diagram: GraphDiagram, edge: EdgePath, style: GraphStyle) -> str:
    arrow = " ".join(f"{num(p.x)},{num(p.y)}" for p in edge.arrow)
    return (
        f'<g id="{diagram.id}--{edge.id}" data-source={_attr(edge.source)} '
        f'data-target={_attr(edge.target)}>'
        f'<path d="{_path(edge.spline)}" fill="none" stroke="{style.edge}" '
        f'stroke-width="{num(style.edge_stroke_width)}" stroke-linecap="round"/>'
        f'<polygon points="{arrow}" fill="{style.edge}" stroke="{style.edge}" '
        f'stroke-width="{num(style.edge_stroke_width / 2)}" stroke-linejoin="round"/>'
        "</g>"
    )


def _edge_label(diagram: GraphDiagram, edge: EdgePath, style: GraphStyle) -> str:
    label = edge.label
    assert label is not None
    return (
        f'<g id="{diagram.id}--{edge.id}__label">'
        f'<rect x="{num(label.x)}" y="{num(label.y)}" width="{num(label.w)}" height="{num(label.h)}" '
        f'rx="{num(label.h / 4)}" fill="{style.background}"/>'
        f"{_text(label.label, style.edge_text, is_rtl(diagram.lang))}</g>"
    )


RTL_ATTRIBUTE = ' direction="rtl"'     # labels are centred: right to left changes only their bidi order


def emit_graph_svg(diagram: GraphDiagram, theme: Theme) -> str:
    """The SVG text of a laid-out graph, byte-identical for the same diagram and theme."""
    style = graph_style(theme, diagram.density)
    gid = diagram.id
    w, h = num(diagram.width), num(diagram.height)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xml:lang={_attr(diagram.lang)} role="img" '
        f'aria-labelledby="{gid}__title {gid}__desc" width="{w}pt" height="{h}pt" '
        f'viewBox="0 0 {w} {h}" font-family={_attr(theme.font_list(theme.body, diagram.lang))}'
        f'{RTL_ATTRIBUTE if is_rtl(diagram.lang) else ""}>',
        f'<title id="{gid}__title">{_xml(diagram.title)}</title>',
        f'<desc id="{gid}__desc">{_xml(diagram.description)}</desc>',
    ]
    symbols = _symbols(diagram)
    if symbols:
        out += ["<defs>", *symbols, "</defs>"]
    out.append(f'<g id="{gid}__edges">')
    out += [_edge(diagram, edge, style) for edge in diagram.edges]
    out.append("</g>")
    out.append(f'<g id="{gid}__nodes">')
    out += [_node(diagram, node, style) for node in diagram.nodes]
    out.append("</g>")
    labelled = [edge for edge in diagram.edges if edge.label is not None]
    if labelled:
        out.append(f'<g id="{gid}__edge-labels">')
        out += [_edge_label(diagram, edge, style) for edge in labelled]
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"
