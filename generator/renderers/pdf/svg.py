"""The diagrams' own SVG drawn onto a PDF page: the vocabulary `stack_svg.py` and `graph_svg.py` write.

Groups (with a build step, `data-step`), rectangles, text lines (`text`, `tspan`), paths,
polygons, and PNG pictures placed by `use` from a `symbol`. Text is set by `text.py` in the
faces the plan measured it with (shaped, right to left where it is). A step hides the boxes of
later steps, as the HTML deck's build does. Anything else in a drawing is not ours and is skipped.
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ElementTree
from typing import Optional

from generator.text.markdown import Piece
from generator.renderers.pdf.canvas import Canvas
from generator.renderers.pdf.document import number
from generator.renderers.pdf.text import Faces, draw_line, line_width, shape_line

_NS = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_COMMAND = re.compile(r"([MmLlHhVvCcSsQqZz])([^MmLlHhVvCcSsQqZz]*)")


def _tag(element) -> str:
    return element.tag[len(_NS):] if element.tag.startswith(_NS) else element.tag


def _float(value: Optional[str], default: float = 0.0) -> float:
    try:
        return float(value) if value not in (None, "") else default
    except ValueError:
        return default


def draw_svg(canvas: Canvas, svg: str, x: float, y: float, w: float, h: float, faces: Faces, *,
             step: int = 0, rtl: bool = False) -> None:
    """Draw an SVG document of ours fitted into the box (centred, its proportions kept); with a
    `step`, boxes of later build steps left out."""
    root = ElementTree.fromstring(svg)
    box = [_float(v) for v in (root.get("viewBox") or "").replace(",", " ").split()]
    vw, vh = (box[2], box[3]) if len(box) == 4 else (_float(root.get("width"), w), _float(root.get("height"), h))
    scale = min(w / vw, h / vh) if vw and vh else 1.0
    symbols = {s.get("id"): s for s in root.iter(f"{_NS}symbol")}
    canvas.save()
    canvas.transform(x + (w - vw * scale) / 2, y + (h - vh * scale) / 2, scale)
    _Drawer(canvas, faces, symbols, step, rtl or root.get("direction") == "rtl").children(root, {})
    canvas.restore()


class _Drawer:
    def __init__(self, canvas: Canvas, faces: Faces, symbols: dict, step: int, rtl: bool):
        self.canvas, self.faces, self.symbols, self.step, self.rtl = canvas, faces, symbols, step, rtl

    def children(self, element, inherited: dict) -> None:
        for child in element:
            self.element(child, inherited)

    def element(self, element, inherited: dict) -> None:
        tag = _tag(element)
        if tag in ("title", "desc", "style", "defs", "symbol", "metadata"):
            return
        own = {**inherited, **{k: v for k, v in element.attrib.items()
                               if k in ("fill", "stroke", "stroke-width", "font-size", "font-weight",
                                        "text-anchor", "opacity", "font-style")}}
        if self.step and element.get("data-step") and int(element.get("data-step")) > self.step:
            return
        if tag == "g":
            transform = element.get("transform")
            opacity = _float(element.get("opacity"), 1.0)
            if transform or opacity < 1:
                self.canvas.save()
                self._transform(transform)
                self.canvas.opacity(opacity)
                self.children(element, {k: v for k, v in own.items() if k != "opacity"})
                self.canvas.restore()
            else:
                self.children(element, own)
        elif tag == "rect":
            self.canvas.rect(_float(element.get("x")), _float(element.get("y")), _float(element.get("width")),
                             _float(element.get("height")), fill=own.get("fill", "#000000"), stroke=own.get("stroke"),
                             width=_float(own.get("stroke-width"), 1.0),
                             radius=_float(element.get("rx") or element.get("ry")))
        elif tag in ("path", "polygon", "polyline", "line"):
            operations = self._path(element, tag)
            if operations:
                join = {"round": 1, "bevel": 2}.get(element.get("stroke-linejoin", ""), 0)
                cap = {"round": 1, "square": 2}.get(element.get("stroke-linecap", ""), 0)
                fill = own.get("fill", "#000000") if tag not in ("line", "polyline") else own.get("fill", "none")
                self.canvas.path(operations, fill=fill, stroke=own.get("stroke"),
                                 width=_float(own.get("stroke-width"), 1.0), cap=cap, join=join)
        elif tag in ("circle", "ellipse"):
            r = _float(element.get("r"))
            self.canvas.ellipse(_float(element.get("cx")), _float(element.get("cy")), _float(element.get("rx"), r),
                                _float(element.get("ry"), r), fill=own.get("fill", "#000000"),
                                stroke=own.get("stroke"), width=_float(own.get("stroke-width"), 1.0))
        elif tag == "text":
            self.text(element, own)
        elif tag == "use":
            self.use(element)
        elif tag == "image":
            self.image(element, 0, 0)

    def _transform(self, transform: Optional[str]) -> None:
        if not transform:
            return
        for name, values in re.findall(r"(\w+)\s*\(([^)]*)\)", transform):
            numbers = [float(v) for v in _NUMBER.findall(values)]
            if name == "translate":
                self.canvas.matrix(1, 0, 0, 1, numbers[0], numbers[1] if len(numbers) > 1 else 0)
            elif name == "scale":
                self.canvas.matrix(numbers[0], 0, 0, numbers[1] if len(numbers) > 1 else numbers[0], 0, 0)
            elif name == "matrix" and len(numbers) == 6:
                self.canvas.matrix(*numbers)

    def _path(self, element, tag: str) -> str:
        n = number
        if tag in ("polygon", "polyline"):
            values = [float(v) for v in _NUMBER.findall(element.get("points", ""))]
            points = list(zip(values[0::2], values[1::2]))
            if not points:
                return ""
            out = [f"{n(points[0][0])} {n(points[0][1])} m"] + [f"{n(px)} {n(py)} l" for px, py in points[1:]]
            return " ".join(out) + (" h" if tag == "polygon" else "")
        if tag == "line":
            return (f"{n(_float(element.get('x1')))} {n(_float(element.get('y1')))} m "
                    f"{n(_float(element.get('x2')))} {n(_float(element.get('y2')))} l")
        out, x, y, start = [], 0.0, 0.0, (0.0, 0.0)
        for command, args in _COMMAND.findall(element.get("d", "")):
            values = [float(v) for v in _NUMBER.findall(args)]
            relative = command.islower()
            kind = command.upper()
            if kind == "Z":
                out.append("h")
                x, y = start
                continue
            size = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4}[kind]
            for at in range(0, len(values) - size + 1, size):
                v = values[at:at + size]
                if kind in ("M", "L"):
                    px, py = (x + v[0], y + v[1]) if relative else (v[0], v[1])
                    out.append(f"{n(px)} {n(py)} {'m' if kind == 'M' and at == 0 else 'l'}")
                    if kind == "M" and at == 0:
                        start = (px, py)
                    x, y = px, py
                elif kind == "H":
                    x = x + v[0] if relative else v[0]
                    out.append(f"{n(x)} {n(y)} l")
                elif kind == "V":
                    y = y + v[0] if relative else v[0]
                    out.append(f"{n(x)} {n(y)} l")
                elif kind == "C":
                    pts = [(x + v[i], y + v[i + 1]) if relative else (v[i], v[i + 1]) for i in (0, 2, 4)]
                    out.append(" ".join(f"{n(px)} {n(py)}" for px, py in pts) + " c")
                    x, y = pts[2]
                elif kind == "Q":
                    (qx, qy), (ex, ey) = [(x + v[i], y + v[i + 1]) if relative else (v[i], v[i + 1]) for i in (0, 2)]
                    c1 = (x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y))
                    c2 = (ex + 2 / 3 * (qx - ex), ey + 2 / 3 * (qy - ey))
                    out.append(f"{n(c1[0])} {n(c1[1])} {n(c2[0])} {n(c2[1])} {n(ex)} {n(ey)} c")
                    x, y = ex, ey
                elif kind == "S":
                    pts = [(x + v[i], y + v[i + 1]) if relative else (v[i], v[i + 1]) for i in (0, 2)]
                    out.append(f"{n(x)} {n(y)} " + " ".join(f"{n(px)} {n(py)}" for px, py in pts) + " c")
                    x, y = pts[1]
        return " ".join(out)

    def text(self, element, own: dict) -> None:
        spans = [span for span in element if _tag(span) == "tspan"]
        lines = []
        if spans:
            for span in spans:
                lines.append(({**own, **span.attrib, "x": span.get("x", element.get("x")),
                               "y": span.get("y", element.get("y"))}, "".join(span.itertext())))
        else:
            lines.append(({**own, "x": element.get("x"), "y": element.get("y")}, "".join(element.itertext())))
        rtl = self.rtl if element.get("direction") not in ("ltr", "rtl") else element.get("direction") == "rtl"
        for attributes, text in lines:
            if not text.strip():
                continue
            size = _float(attributes.get("font-size"), 16.0)
            bold = attributes.get("font-weight") in ("bold", "700", "600", "800", "900")
            pieces = (Piece(text, frozenset({"em"}) if attributes.get("font-style") == "italic" else frozenset()),)
            width = line_width(shape_line(pieces, self.faces, bold, rtl), size)
            x, baseline = _float(attributes.get("x")), _float(attributes.get("y"))
            anchor = attributes.get("text-anchor", "start")
            if anchor == "middle":
                left = x - width / 2
            elif (anchor == "end") != rtl:
                left = x - width
            else:
                left = x
            fill = attributes.get("fill", "#000000")
            draw_line(self.canvas, pieces, self.faces, left, baseline, size, width, color=fill, link_color=fill,
                      bold=bold, rtl=rtl)

    def use(self, element) -> None:
        symbol = self.symbols.get((element.get("href") or element.get("{http://www.w3.org/1999/xlink}href", ""))
                                  .lstrip("#"))
        if symbol is None:
            return
        box = [_float(v) for v in (symbol.get("viewBox") or "").split()]
        x, y = _float(element.get("x")), _float(element.get("y"))
        w, h = _float(element.get("width")), _float(element.get("height"))
        self.canvas.save()
        if len(box) == 4 and box[2] and box[3]:
            scale = min(w / box[2], h / box[3])
            self.canvas.matrix(scale, 0, 0, scale, x + (w - box[2] * scale) / 2 - box[0] * scale,
                               y + (h - box[3] * scale) / 2 - box[1] * scale)
        else:
            self.canvas.matrix(1, 0, 0, 1, x, y)
        for child in symbol:
            if _tag(child) == "image":
                self.image(child, 0, 0)
            else:
                self.element(child, {})
        self.canvas.restore()

    def image(self, element, x0: float, y0: float) -> None:
        href = element.get("href") or element.get("{http://www.w3.org/1999/xlink}href", "")
        if not href.startswith("data:image/") or ";base64," not in href:
            return
        from generator.renderers.pdf.pictures import picture_resource

        data = base64.b64decode(href.split(",", 1)[1])
        name = picture_resource(self.canvas.document, data)
        if name is None:
            return
        self.canvas.picture(name, x0 + _float(element.get("x")), y0 + _float(element.get("y")),
                            _float(element.get("width")), _float(element.get("height")))
