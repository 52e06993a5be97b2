"""PresentationML shapes: auto shapes, text boxes, freeforms and groups, their frames, alt text and ids.

Each is the XML python-pptx's `add_shape`, `add_textbox`, freeform builder or `add_group_shape`
writes, then its fill, line and text frame API sets, element for element and attribute for
attribute: the same bytes at a fraction of the cost of its object API.
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Pt

from generator.renderers.pptx.oxml.ns import A, P, R, SVG, child
from generator.renderers.pptx.oxml.text import add_paragraph, body_properties, list_style, paragraph_properties

SVG_BLIP_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"   # Office 2016's extension for an SVG
SHAPE_TAGS = {P + tag for tag in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart")}
_XFRM = P + "spPr/" + A + "xfrm"
_FRAME_OF = {P + "grpSp": P + "grpSpPr/" + A + "xfrm", P + "graphicFrame": P + "xfrm"}
_STYLE = (("lnRef", "1", "accent1"), ("fillRef", "3", "accent1"), ("effectRef", "2", "accent1"),
          ("fontRef", "minor", "lt1"))


def rgb_hex(color: str) -> str:
    """A colour (`#rrggbb`) as DrawingML writes it (`RRGGBB`), checked as python-pptx's `RGBColor`."""
    return str(RGBColor.from_string(color.lstrip("#").upper()))


def solid_fill(parent, color: str) -> None:
    """An `a:solidFill` of an RGB colour (`RRGGBB`) appended to shape, line or run properties."""
    child(child(parent, A + "solidFill"), A + "srgbClr", {"val": color})


def _names(sp, kind: str, shape_id: int, name: str, attributes: dict | None = None) -> None:
    """The non-visual properties of a shape (`p:nvSpPr`, `p:nvGrpSpPr`): its id and name."""
    names = child(sp, P + "nv" + kind + "Pr")
    child(names, P + "cNvPr", {"id": str(shape_id), "name": name})
    child(names, P + "cNv" + kind + "Pr", attributes)
    child(names, P + "nvPr")


def _frame(props, x: int, y: int, w: int, h: int):
    frame = child(props, A + "xfrm")
    child(frame, A + "off", {"x": str(x), "y": str(y)})
    child(frame, A + "ext", {"cx": str(w), "cy": str(h)})
    return frame


def _style(sp) -> None:
    """The `p:style` python-pptx gives a new auto shape or freeform: the theme's accent and fonts."""
    style = child(sp, P + "style")
    for kind, index, scheme in _STYLE:
        child(child(style, A + kind, {"idx": index}), A + "schemeClr", {"val": scheme})


def new_sp(tree, shape_id: int, name: str, x: int, y: int, w: int, h: int, *, text_box: bool = False,
           rounded: bool = False, adjust: float | None = None, fill: str | None = None,
           stroke: str | None = None, stroke_width: float | None = None, outline: bool = False):
    """A `p:sp` appended to a shape tree, as `add_shape` (a rectangle, or a rounded one, `adjust`
    its first adjustment when set) or `add_textbox` (`text_box`) writes it, then named, filled
    (`fill`, `#rrggbb`, else no fill), outlined (`stroke` at `stroke_width` points when that is not
    zero, or `outline` whatever the width; else no line) and without shadow; its `p:txBody` is
    left for the caller."""
    sp = child(tree, P + "sp")
    _names(sp, "Sp", shape_id, name, {"txBox": "1"} if text_box else None)
    props = child(sp, P + "spPr")
    _frame(props, x, y, w, h)
    geometry = child(props, A + "prstGeom", {"prst": "roundRect" if rounded and not text_box else "rect"})
    guides = child(geometry, A + "avLst")
    if text_box:
        child(props, A + "noFill")
        return sp
    if adjust is not None:
        child(guides, A + "gd", {"name": "adj", "fmla": "val %d" % int(adjust * 100000.0)})
    if fill:
        solid_fill(props, rgb_hex(fill))
    else:
        child(props, A + "noFill")
    if stroke and (stroke_width or outline):
        solid_fill(child(props, A + "ln", {"w": str(Pt(stroke_width or 0))}), rgb_hex(stroke))
    else:
        child(child(props, A + "ln"), A + "noFill")
    child(props, A + "effectLst")
    _style(sp)
    return sp


def freeform(tree, shape_id: int, name: str, x: int, y: int, w: int, h: int, points: list[tuple[int, int]], *,
             color: str, width: float | None):
    """A polyline as the `p:sp` python-pptx's freeform builder writes (at scale 1, its frame at
    (x, y) of size (w, h), `points` from its corner), then an open line of `color` (`#rrggbb`) at
    `width` points without fill, or (no `width`) a closed shape filled with `color` without line;
    with the empty centred text body of an auto shape."""
    sp = child(tree, P + "sp")
    _names(sp, "Sp", shape_id, name)
    props = child(sp, P + "spPr")
    _frame(props, x, y, w, h)
    geometry = child(props, A + "custGeom")
    for tag in ("avLst", "gdLst", "ahLst", "cxnLst"):
        child(geometry, A + tag)
    child(geometry, A + "rect", {"l": "l", "t": "t", "r": "r", "b": "b"})
    path = child(child(geometry, A + "pathLst"), A + "path", {"w": str(w), "h": str(h)})
    for index, (px, py) in enumerate(points):
        child(child(path, A + ("lnTo" if index else "moveTo")), A + "pt", {"x": str(px), "y": str(py)})
    if width is None:
        child(path, A + "close")
        solid_fill(props, rgb_hex(color))
        child(child(props, A + "ln"), A + "noFill")
    else:
        child(props, A + "noFill")
        solid_fill(child(props, A + "ln", {"w": str(Pt(width))}), rgb_hex(color))
    _style(sp)
    plain_text_body(sp)
    return sp


def text_body(sp):
    """A new `p:txBody` at the end of a shape, for `body_properties`, `list_style` and paragraphs."""
    return child(sp, P + "txBody")


def plain_text_body(sp) -> None:
    """The `p:txBody` python-pptx gives a new auto shape: centred, and empty."""
    body = text_body(sp)
    body_properties(body, anchor="ctr", autoshape=True, no_autofit=False)
    list_style(body)
    paragraph_properties(add_paragraph(body), align=PP_ALIGN.CENTER)


def group_shape(tree, shape_id: int, name: str):
    """The empty `p:grpSp` python-pptx's `add_group_shape` writes, last in a shape tree (before its
    `p:extLst`)."""
    element = tree.makeelement(P + "grpSp", {})
    ending = tree.find(P + "extLst")
    if ending is not None:
        ending.addprevious(element)
    else:
        tree.append(element)
    _names(element, "GrpSp", shape_id, name)
    frame = child(child(element, P + "grpSpPr"), A + "xfrm")
    for tag, keys in (("off", ("x", "y")), ("ext", ("cx", "cy")), ("chOff", ("x", "y")), ("chExt", ("cx", "cy"))):
        child(frame, A + tag, {keys[0]: "0", keys[1]: "0"})
    return element


def fit_group(element) -> None:
    """A group's position and size (and its children's frame) around its shapes, as python-pptx's
    `recalculate_extents` sets them, read from each child's `a:xfrm`."""
    frames = []
    for shape in element:
        if shape.tag in SHAPE_TAGS:
            frame = shape.find(_FRAME_OF.get(shape.tag, _XFRM))
            off, ext = frame.find(A + "off"), frame.find(A + "ext")
            x, y = int(off.get("x")), int(off.get("y"))
            frames.append((x, y, x + int(ext.get("cx")), y + int(ext.get("cy"))))
    if frames:
        x, y = min(f[0] for f in frames), min(f[1] for f in frames)
        cx, cy = max(f[2] for f in frames) - x, max(f[3] for f in frames) - y
    else:
        x = y = cx = cy = 0
    frame = element.find(f"{P}grpSpPr/{A}xfrm")
    for name, values in (("off", (x, y)), ("ext", (cx, cy)), ("chOff", (x, y)), ("chExt", (cx, cy))):
        point = frame.find(A + name)
        keys = ("x", "y") if name.endswith("ff") else ("cx", "cy")
        point.set(keys[0], str(values[0]))
        point.set(keys[1], str(values[1]))


def set_description(element, description: str, title: str | None = None) -> None:
    """Alt text of a shape, picture or group (`descr`, and `title`), read by screen readers."""
    props = element[0].find(P + "cNvPr")
    props.set("descr", description)
    if title:
        props.set("title", title)


def backdrop(tree, x: int, y: int, w: int, h: int, fill: str, name: str = "Colour field"):
    """A filled rectangle behind every shape of a shape tree (first after the tree's own
    properties), unlined and without text: a slide's own colour field over its layout's."""
    sp = new_sp(tree, max(used_ids(tree), default=1) + 1, name, x, y, w, h, fill=fill)
    tree.remove(sp)
    tree.insert(2, sp)
    return sp


def used_ids(tree) -> set[int]:
    """Every number used as an id in the document of a shape tree."""
    return {int(value) for value in tree.xpath("//@id") if value.isdigit()}


def shape_id(element) -> int:
    """A shape's id (`p:cNvPr/@id` of its non-visual properties)."""
    return int(element[0].find(P + "cNvPr").get("id"))


def shape_text_body(element):
    """A shape's `p:txBody`, added as python-pptx's `text_frame` adds it when it has none."""
    body = element.find(P + "txBody")
    return body if body is not None else element.get_or_add_txBody()


def frame_of(element):
    """A shape's own `a:xfrm` (a group's in `p:grpSpPr`, a graphic frame's `p:xfrm`), or None."""
    return element.find(_FRAME_OF.get(element.tag, _XFRM))


def own_frame(element) -> tuple[str, str, str, str] | None:
    """The position and size (x, y, cx, cy) a `p:sp` gives itself, when it has them."""
    frame = frame_of(element) if element.tag == P + "sp" else None
    off = frame.find(A + "off") if frame is not None else None
    ext = frame.find(A + "ext") if frame is not None else None
    if off is None or ext is None:
        return None
    values = (off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy"))
    return None if None in values else tuple(str(int(v)) for v in values)


def add_frame(element, x: str, y: str, w: str, h: str) -> None:
    """Give a `p:sp` without one its own position and size (`a:xfrm`, first in its `p:spPr`)."""
    props = element.find(P + "spPr")
    frame = props.makeelement(A + "xfrm", {})
    props.insert(0, frame)
    child(frame, A + "off", {"x": x, "y": y})
    child(frame, A + "ext", {"cx": w, "cy": h})


def set_frame(element, x: int, y: int, w: int, h: int) -> bool:
    """Move and size a `p:sp` in its own `a:xfrm`, as python-pptx's position and size API writes
    them; False (nothing done) when it has no complete one."""
    frame = element.find(_XFRM)
    off = frame.find(A + "off") if frame is not None else None
    ext = frame.find(A + "ext") if frame is not None else None
    if off is None or ext is None:
        return False
    off.set("x", str(x))
    off.set("y", str(y))
    ext.set("cx", str(w))
    ext.set("cy", str(h))
    return True


def add_svg_blip(picture, rel_id: str) -> None:
    """Point a picture's blip at an SVG image part as well (`asvg:svgBlip` in an `a:ext` of its
    `a:extLst`): clients that draw SVG draw it, the others the blip's own picture."""
    blip = picture.find(f".//{A}blip")
    extensions = blip.find(A + "extLst")
    if extensions is None:
        extensions = blip.makeelement(A + "extLst", {})
        blip.append(extensions)
    extension = extensions.makeelement(A + "ext", {"uri": SVG_BLIP_EXTENSION})
    extension.append(extension.makeelement(f"{{{SVG}}}svgBlip", {R + "embed": rel_id}, nsmap={"asvg": SVG}))
    extensions.append(extension)


def unique_shape_ids(tree) -> int:
    """Give every later duplicate `p:cNvPr/@id` under `tree` (a slide's, layout's or master's
    root element) a fresh id; the number of shapes renumbered.

    ECMA-376 wants shape ids unique within a shape tree (animations and comments point at them):
    a shape copied from a layout (the footer) or a template whose layouts repeat an id would
    otherwise share its id with another shape, and PowerPoint then offers to "repair" the file.
    The first shape with an id keeps it, so what already points at it (a build step's
    `p:spTgt/@spid`) keeps pointing at the same shape; every later duplicate gets a fresh id."""
    props = list(tree.iter(P + "cNvPr"))
    numbers = [int(p.get("id")) for p in props if (p.get("id") or "").isdigit()]
    next_id = max(numbers, default=0) + 1
    seen: set[str] = set()
    changed = 0
    for prop in props:
        number = prop.get("id")
        if number in seen or not (number or "").isdigit():
            prop.set("id", str(next_id))
            number = str(next_id)
            next_id += 1
            changed += 1
        seen.add(number)
    return changed
