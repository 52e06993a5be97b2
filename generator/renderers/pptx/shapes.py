"""Stack diagrams as native PowerPoint shapes: the layout engine's boxes, grouped and named.

Each level of layers (all its per-column copies and badges) is one group, so a bottom-up
build is one appear effect per group; titles, column labels and the legend form a last group
that is there from the start. Every group carries alt text (`descr`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from lxml.etree import SubElement
from pptx.dml.color import RGBColor
from pptx.util import Emu, Pt

from generator.plan.boxes import Box, Diagram, TextBlock
from generator.renderers.pptx.oxml.adapter import defer_extents, escape_control_characters, shape_proxy
from generator.renderers.pptx.oxml.slide import shape_tree

EMU_PER_PT = 12700


def emu(points: float) -> Emu:
    return Emu(round(points * EMU_PER_PT))


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


class ShapeIds:
    """A slide's shape ids, read once: the id python-pptx gives a new shape, either one more than
    the largest (`highest`, as our shapes are numbered) or the lowest one free (`lowest`, as its
    `add_group_shape`, freeform builder and `add_picture` number theirs)."""

    def __init__(self, tree) -> None:
        self.used = {int(value) for value in tree.xpath("//@id") if value.isdigit()}

    def highest(self) -> int:
        return self.take(max(self.used, default=0) + 1)

    def lowest(self) -> int:
        n = 1
        while n in self.used:
            n += 1
        return self.take(n)

    def take(self, shape_id: int) -> int:
        self.used.add(shape_id)
        return shape_id


def new_group(slide, name: str, ids: ShapeIds | None = None):
    """A group shape and its shape collection, with extents computed once at the end (`close_group`)
    instead of after every child, which python-pptx does and which is quadratic. With the slide's
    `ids`, the `p:grpSp` python-pptx's `add_group_shape` writes is written directly."""
    if ids is None:
        group = slide.shapes.add_group_shape()
        group.name = name
    else:
        tree = shape_tree(slide.element)
        element = tree.makeelement(_P + "grpSp", {})
        ending = tree.find(_P + "extLst")
        if ending is not None:
            ending.addprevious(element)
        else:
            tree.append(element)
        names = _el(element, _P + "nvGrpSpPr")
        _el(names, _P + "cNvPr", {"id": str(ids.lowest()), "name": name})
        _el(names, _P + "cNvGrpSpPr")
        _el(names, _P + "nvPr")
        frame = _el(_el(element, _P + "grpSpPr"), _A + "xfrm")
        for tag, keys in (("off", ("x", "y")), ("ext", ("cx", "cy")), ("chOff", ("x", "y")), ("chExt", ("cx", "cy"))):
            _el(frame, _A + tag, {keys[0]: "0", keys[1]: "0"})
        group = shape_proxy(slide.shapes, element)
    shapes = group.shapes
    defer_extents(shapes)
    return group, shapes


def close_group(group) -> None:
    """The group's position and size (and its children's frame) around its shapes, as python-pptx's
    `recalculate_extents` sets them, read from each child's `a:xfrm` directly."""
    element = group.element
    frames = []
    for child in element:
        if child.tag in _SHAPE_TAGS:
            frame = child.find(_FRAME_OF.get(child.tag, _P + "spPr/" + _A + "xfrm"))
            off, ext = frame.find(_A + "off"), frame.find(_A + "ext")
            x, y = int(off.get("x")), int(off.get("y"))
            frames.append((x, y, x + int(ext.get("cx")), y + int(ext.get("cy"))))
    if frames:
        x, y = min(f[0] for f in frames), min(f[1] for f in frames)
        cx, cy = max(f[2] for f in frames) - x, max(f[3] for f in frames) - y
    else:
        x = y = cx = cy = 0
    frame = element.find(f"{_P}grpSpPr/{_A}xfrm")
    for name, values in (("off", (x, y)), ("ext", (cx, cy)), ("chOff", (x, y)), ("chExt", (cx, cy))):
        point = frame.find(_A + name)
        keys = ("x", "y") if name.endswith("ff") else ("cx", "cy")
        point.set(keys[0], str(values[0]))
        point.set(keys[1], str(values[1]))


def set_alt_text(shape, description: str, title: str | None = None) -> None:
    """Alt text of a shape or group, read by screen readers (python-pptx has no API for it)."""
    props = shape.element[0].find(_P + "cNvPr")
    props.set("descr", description)
    if title:
        props.set("title", title)


@dataclass(frozen=True)
class DrawnGroup:
    """A group drawn on the slide: its shape id, the step it appears at, and its boxes."""

    shape_id: int
    step: int
    box_ids: tuple[str, ...]


SLACK = 3.0   # points given back on each side of a text, so no renderer re-wraps our lines


# The XML python-pptx writes for a diagram box (`add_shape` or `add_textbox`, then the fill, line,
# text frame, paragraphs and runs set through its API), element for element and attribute for
# attribute, written here directly: the same bytes at a fraction of the cost of its object API.
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_SHAPE_TAGS = {_P + tag for tag in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart")}
_FRAME_OF = {_P + "grpSp": _P + "grpSpPr/" + _A + "xfrm", _P + "graphicFrame": _P + "xfrm"}
_STYLE = (("lnRef", "1", "accent1"), ("fillRef", "3", "accent1"), ("effectRef", "2", "accent1"),
          ("fontRef", "minor", "lt1"))


_el = SubElement     # _el(parent, tag[, attrib]): a child element appended


def _centipoints(points: float) -> str:
    return str(Emu(Pt(points)).centipoints)


def _color(parent, color: str) -> None:
    _el(_el(parent, _A + "solidFill"), _A + "srgbClr", {"val": str(_rgb(color))})


def _run_text(text: str) -> str:
    return escape_control_characters(text)


def _paragraph(body, align: str, line_height: float | None, margins: tuple[float, float] | None):
    """`a:p` with the properties `_write_block` gives it: alignment, exact pitch, no space around."""
    paragraph = _el(body, _A + "p")
    props = _el(paragraph, _A + "pPr", {"algn": align})
    _spacing(props, line_height)
    if margins is not None:
        _margins(props, *margins)
    return paragraph


def _spacing(props, line_height: float | None) -> None:
    pitch = _el(props, _A + "lnSpc")
    if line_height is None:
        _el(pitch, _A + "spcPct", {"val": "100000"})
    else:
        _el(pitch, _A + "spcPts", {"val": _centipoints(line_height)})
    _el(_el(props, _A + "spcBef"), _A + "spcPts", {"val": "0"})
    _el(_el(props, _A + "spcAft"), _A + "spcPts", {"val": "0"})


def _margins(props, left: float, right: float) -> None:
    props.set("marL", str(emu(left)))
    props.set("marR", str(emu(right)))
    props.set("indent", "0")


def _write_block(body, box: Box, block: TextBlock, first, font: str, badge: bool = False) -> None:
    """The paragraphs of one text block in a box's `p:txBody`, its lines as the layout broke them
    (`first`: the body's first `a:p`, to fill instead of adding one)."""
    bare = not (box.fill or box.stroke)
    if bare and block.align != "center":
        left, right = block.x - box.x + SLACK, 0.0   # same start, the room added at the end
    elif bare:
        left, right = block.x - box.x, box.right - (block.x + block.w)   # same centre, wider
    else:
        left = max(0.0, block.x - box.x - SLACK)
        right = max(0.0, box.right - (block.x + block.w) - SLACK)
    left, right = max(0.0, left), max(0.0, right)
    align = "ctr" if block.align == "center" else "l"
    if first is not None:
        paragraph = first
        props = paragraph.find(_A + "pPr")
        if props is None:
            props = _el(paragraph, _A + "pPr")
        props.set("algn", align)
        _spacing(props, None if badge else block.line_height)
        _margins(props, left, right)
    else:
        paragraph = _paragraph(body, align, block.line_height, (left, right))
    # The layout engine's own line breaks, so the box shows exactly the lines it measured. A last
    # line moved to make room for a badge after it is a paragraph of its own, its centre moved.
    lines = block.lines or (block.text,)
    size, bold, color = _centipoints(block.size), "1" if block.bold else "0", str(_rgb(block.color))
    for index, line in enumerate(lines):
        if index and index == len(lines) - 1 and block.last_shift:
            shift = 2 * block.last_shift
            paragraph = _paragraph(body, "ctr", block.line_height,
                                   (max(0.0, left + max(0.0, shift)), max(0.0, right + max(0.0, -shift))))
        elif index:
            _el(paragraph, _A + "br")
        run = _el(paragraph, _A + "r")
        props = _el(run, _A + "rPr", {"sz": size, "b": bold})
        _el(_el(props, _A + "solidFill"), _A + "srgbClr", {"val": color})
        _el(props, _A + "latin", {"typeface": font})   # the diagram was measured in the theme's font
        _el(run, _A + "t").text = _run_text(line)


def _text_body(sp, box: Box, font: str, autoshape: bool) -> None:
    body = _el(sp, _P + "txBody")
    blocks = box.texts
    badge = bool(blocks) and box.role == "badge"
    # one line centred in its pill the way the client centres a line box, never wrapped: a
    # client whose metrics run a little wider would otherwise break "50 MB" in two
    top = 0 if not blocks or badge else emu(max(0.0, blocks[0].y - box.y))
    anchor, wrap = ("ctr", "none") if badge else ("t", "square")
    head = {"rtlCol": "0", "anchor": anchor, "wrap": wrap} if autoshape else {"wrap": wrap, "anchor": anchor}
    _el(_el(body, _A + "bodyPr", {**head, "lIns": "0", "rIns": "0", "bIns": "0", "tIns": str(top)}),
        _A + "noAutofit")
    _el(body, _A + "lstStyle")
    first = _el(body, _A + "p")
    if autoshape:
        _el(first, _A + "pPr", {"algn": "ctr"})
    for index, block in enumerate(blocks[:1] if badge else blocks):
        _write_block(body, box, block, first if index == 0 else None, font, badge)
        if index:       # the gap above the block, on its last paragraph (as python-pptx's frame.paragraphs[-1])
            gap = block.y - (blocks[index - 1].y + blocks[index - 1].h)
            body[-1].find(f"{_A}pPr/{_A}spcBef/{_A}spcPts").set("val", _centipoints(max(0.0, gap)))


def new_sp(tree, shape_id: int, name: str, x: int, y: int, w: int, h: int, *, text_box: bool = False,
           rounded: bool = False, adjust: float | None = None, fill: str | None = None,
           stroke: str | None = None, stroke_width: float | None = None, outline: bool = False):
    """A `p:sp` appended to a shape tree, as python-pptx's `add_shape` (a rectangle, or a rounded
    one, `adjust` its first adjustment when set) or `add_textbox` (`text_box`) writes it, then
    named, filled (`fill`, else no fill), outlined (`stroke` at `stroke_width` points when that is
    not zero, or `outline` whatever the width; else no line) and without shadow; its `p:txBody`
    is left for the caller."""
    sp = _el(tree, _P + "sp")
    names = _el(sp, _P + "nvSpPr")
    _el(names, _P + "cNvPr", {"id": str(shape_id), "name": name})
    _el(names, _P + "cNvSpPr", {"txBox": "1"} if text_box else None)
    _el(names, _P + "nvPr")
    props = _el(sp, _P + "spPr")
    frame = _el(props, _A + "xfrm")
    _el(frame, _A + "off", {"x": str(x), "y": str(y)})
    _el(frame, _A + "ext", {"cx": str(w), "cy": str(h)})
    geometry = _el(props, _A + "prstGeom", {"prst": "roundRect" if rounded and not text_box else "rect"})
    guides = _el(geometry, _A + "avLst")
    if text_box:
        _el(props, _A + "noFill")
        return sp
    if adjust is not None:
        _el(guides, _A + "gd", {"name": "adj", "fmla": "val %d" % int(adjust * 100000.0)})
    if fill:
        _color(props, fill)
    else:
        _el(props, _A + "noFill")
    if stroke and (stroke_width or outline):
        _color(_el(props, _A + "ln", {"w": str(Pt(stroke_width or 0))}), stroke)
    else:
        _el(_el(props, _A + "ln"), _A + "noFill")
    _el(props, _A + "effectLst")
    style = _el(sp, _P + "style")
    for kind, index, scheme in _STYLE:
        _el(_el(style, _A + kind, {"idx": index}), _A + "schemeClr", {"val": scheme})
    return sp


def plain_text_body(sp) -> None:
    """The `p:txBody` python-pptx gives a new auto shape: centred, and empty."""
    body = _el(sp, _P + "txBody")
    _el(body, _A + "bodyPr", {"rtlCol": "0", "anchor": "ctr"})
    _el(body, _A + "lstStyle")
    _el(_el(body, _A + "p"), _A + "pPr", {"algn": "ctr"})


def _draw_box(tree, box: Box, x0: float, y0: float, font: str, shape_id: int):
    """One box of a diagram as a `p:sp` in a group (its `tree`), with the id python-pptx would give it."""
    x, y, w, h = emu(x0 + box.x), emu(y0 + box.y), emu(box.w), emu(box.h)
    autoshape = bool(box.fill or box.stroke or box.role in ("layer", "badge", "legend-swatch"))
    if not autoshape:
        # A bare text: widened a little each side so no renderer re-wraps the measured lines.
        sp = new_sp(tree, shape_id, box.id, emu(x0 + box.x - SLACK), y, emu(box.w + 2 * SLACK), h, text_box=True)
    else:
        adjust = min(0.5, box.radius / max(1e-6, min(box.w, box.h))) if box.radius else None
        sp = new_sp(tree, shape_id, box.id, x, y, w, h, rounded=bool(box.radius), adjust=adjust, fill=box.fill,
                    stroke=box.stroke, stroke_width=box.stroke_width)
    _text_body(sp, box, font, autoshape)
    return sp


def _draw_boxes(tree, boxes: Sequence[Box], x0: float, y0: float, font: str, ids: ShapeIds) -> None:
    """Boxes added to a group one after the other, each with the next id (the largest id on the
    slide plus one, as python-pptx numbers a new shape)."""
    for box in boxes:
        _draw_box(tree, box, x0, y0, font, ids.highest())


def _level_description(boxes: Sequence[Box]) -> str:
    parts = []
    for box in boxes:
        if box.role != "layer" or box.label is None:
            continue
        text = box.label.text
        if box.detail is not None:
            text += f" ({box.detail.text})"
        if text not in parts:
            parts.append(text)
    return "; ".join(parts)


def draw_diagram(slide, diagram: Diagram, x0: float, y0: float, *, build: bool, font: str) -> list[DrawnGroup]:
    """Draw every box of a diagram at (x0, y0) points, grouped by level; return the groups."""
    levels: dict[int, list[Box]] = {}
    static: list[Box] = []
    for box in diagram.boxes:
        if box.role in ("layer", "badge") and box.level is not None:
            levels.setdefault(box.level, []).append(box)
        elif build and box.step > 1:
            # a column header or legend entry appears with the first layer it goes with
            levels.setdefault(box.step - 1, []).append(box)
        else:
            static.append(box)
    groups: list[DrawnGroup] = []
    ids = ShapeIds(shape_tree(slide.element))
    if static:
        group, shapes = new_group(slide, f"{diagram.id}: titles and legend", ids)
        _draw_boxes(group.element, static, x0, y0, font, ids)
        close_group(group)
        set_alt_text(group, diagram.description, diagram.title)
        groups.append(DrawnGroup(group.shape_id, 0, tuple(b.id for b in static)))
    for level in sorted(levels):
        boxes = levels[level]
        group, shapes = new_group(slide, f"{diagram.id}: level {level + 1}", ids)
        described = _level_description(boxes)
        _draw_boxes(group.element, sorted(boxes, key=lambda b: (b.role != "layer", b.x)), x0, y0, font, ids)
        close_group(group)
        set_alt_text(group, described)
        step = min(b.step for b in boxes) if build else 0
        groups.append(DrawnGroup(group.shape_id, step, tuple(b.id for b in boxes)))
    return groups
