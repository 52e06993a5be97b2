"""DrawingML tables: the `a:tbl` of a graphic frame, its banding, grid and cells' properties."""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR
from pptx.util import Pt

from generator.renderers.pptx.oxml.ns import A, P, child
from generator.renderers.pptx.oxml.shapes import rgb_hex, solid_fill


def table_element(graphic_frame):
    """The `a:tbl` of a table's graphic frame (`p:graphicFrame/a:graphic/a:graphicData/a:tbl`)."""
    return graphic_frame.graphic.graphicData.tbl


def no_banding(tbl) -> None:
    """A table whose rows are not banded by its style (`a:tblPr/@bandRow` 0)."""
    tbl.find(A + "tblPr").set("bandRow", "0")


def size_table(graphic_frame, tbl, widths: list[int], heights: list[int]) -> None:
    """The columns' widths and the rows' heights (EMU, in order), and the frame their sums: what
    python-pptx's column and row API leaves, the frame set again after each."""
    columns = tbl.find(A + "tblGrid").findall(A + "gridCol")
    for column, width in zip(columns, widths):
        column.set("w", str(width))
    rows = tbl.findall(A + "tr")
    for row, height in zip(rows, heights):
        row.set("h", str(height))
    extent = graphic_frame.find(f"{P}xfrm/{A}ext")
    if widths:
        extent.set("cx", str(sum(int(column.get("w")) for column in columns)))
    if heights:
        extent.set("cy", str(sum(int(row.get("h")) for row in rows)))


def cells(tbl) -> list[list]:
    """The table's cells (`a:tc`), row by row."""
    return [tr.findall(A + "tc") for tr in tbl.findall(A + "tr")]


def _borders(props, color: str) -> None:
    """Every edge of a cell a thin solid line of `color` (`RRGGBB`), first in its properties."""
    for index, edge in enumerate(("lnL", "lnR", "lnT", "lnB")):
        line = props.makeelement(A + edge, {"w": str(Pt(1)), "cmpd": "sng"})
        solid_fill(line, color)
        props.insert(index, line)


def cell_properties(tc, *, margins: tuple[float, float, float, float], anchor: MSO_ANCHOR, fill: str | None = None,
                    border: str | None = None) -> None:
    """A cell's properties (`a:tcPr`): its insets (left, right, top, bottom, in points; python-pptx
    drops one equal to the default), its anchor, its fill and the lines of its four edges
    (`#rrggbb`, or none), as python-pptx's cell API writes them."""
    props = tc.find(A + "tcPr")
    if props is None:
        props = tc.get_or_add_tcPr()
    for name, value in zip(("marL", "marR", "marT", "marB"), margins):
        setattr(props, name, Pt(value))
    props.set("anchor", anchor.xml_value)
    if fill:
        child(props.get_or_change_to_solidFill(), A + "srgbClr", {"val": rgb_hex(fill)})
    if border:
        _borders(props, border.lstrip("#").upper())


def cell_text_body(tc):
    """A cell's `a:txBody`, added as python-pptx adds it when it has none."""
    body = tc.find(A + "txBody")
    return body if body is not None else tc.get_or_add_txBody()
