"""The comparison slide as a real PowerPoint table, at the plan's size, the favoured value emphasised."""

from __future__ import annotations

from lxml.etree import SubElement
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from generator.text.markdown import plain
from generator.model.talk import Comparison
from generator.theme.contrast import colors as palette
from generator.plan.boxes import Rect
from generator.renderers.pptx.oxml.table import table_element
from generator.renderers.pptx.oxml.text import emptied, format_paragraph, wrap_text
from generator.plan.deck import Table
from generator.plan.geometry import CELL_PAD_X, CELL_PAD_Y, LINE_HEIGHT
from generator.theme import Theme


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _borders(props, color: str) -> None:
    """Every edge of a cell a thin line of `color` (the slide's background, as in the HTML table),
    rather than the template table style's own, which is white whatever the slide."""
    for index, edge in enumerate(("lnL", "lnR", "lnT", "lnB")):
        line = props.makeelement(_A + edge, {"w": str(Pt(1)), "cmpd": "sng"})
        SubElement(SubElement(line, _A + "solidFill"), _A + "srgbClr", {"val": color.lstrip("#").upper()})
        props.insert(index, line)


def _cell(tc, part, text: str, size: float, *, bold: bool, color: str, fill: str | None, align,
          border: str | None = None, lines: tuple[str, ...] = ()) -> None:
    """A table cell (`a:tc`): its insets, middle anchor, fill and borders, and its text on one
    paragraph; the XML python-pptx's cell, text frame and paragraph API wrote, written directly."""
    from generator.renderers.pptx.text import write_runs

    props = tc.find(_A + "tcPr")
    if props is None:
        props = tc.get_or_add_tcPr()
    for name, value in (("marL", CELL_PAD_X), ("marR", CELL_PAD_X), ("marT", CELL_PAD_Y), ("marB", CELL_PAD_Y)):
        setattr(props, name, Pt(value))          # python-pptx drops an inset equal to the default
    props.set("anchor", MSO_ANCHOR.MIDDLE.xml_value)
    if fill:
        SubElement(props.get_or_change_to_solidFill(), _A + "srgbClr", {"val": str(_rgb(fill))})
    if border:
        _borders(props, border)
    body = tc.find(_A + "txBody")
    if body is None:
        body = tc.get_or_add_txBody()
    first = emptied(body)
    wrap_text(body)
    format_paragraph(first, align=align, line=size * LINE_HEIGHT)
    # plain text on the plan's line breaks, one weight for the whole cell
    write_runs(first, part, plain(text), size=size, bold=bold, color=color, markdown=False, lines=lines)


def add_comparison_table(slide, planned: Table, comparison: Comparison, theme: Theme, area: Rect) -> None:
    """Draw the planned comparison as a table in the area (the plan's box for it), rows at the
    plan's heights, every cell on the plan's line breaks."""
    from generator.renderers.pptx.shapes import emu

    widths = [area.w * share / 100 for share in planned.widths]
    heights = list(planned.heights) or [planned.size * LINE_HEIGHT + 2 * CELL_PAD_Y] * (len(planned.rows) + 1)
    rows = [["", *planned.subjects]] + [[row.aspect, *(cell.text for cell in row.cells)] for row in planned.rows]
    subjects = planned.subject_lines or ((),) * len(planned.subjects)
    breaks = [[(), *subjects]] + [[row.aspect_lines, *(cell.lines for cell in row.cells)] for row in planned.rows]
    shape = slide.shapes.add_table(len(rows), len(rows[0]), emu(area.x), emu(area.y), emu(area.w),
                                   emu(sum(heights)))
    shape.name = f"comparison {comparison.id}"
    table = shape.table
    # A plain table: no banding from the template's default style.
    tbl = table_element(shape.element)
    tbl_pr = tbl.find(qn("a:tblPr"))
    tbl_pr.set("bandRow", "0")
    table.first_row = True
    # the columns' widths and the rows' heights, and the frame their sums (what python-pptx's
    # column and row API leaves, the frame set again after each)
    columns = tbl.find(_A + "tblGrid").findall(_A + "gridCol")
    for column, width in zip(columns, widths):
        column.set("w", str(emu(width)))
    rows_el = tbl.findall(_A + "tr")
    for row, height in zip(rows_el, heights):
        row.set("h", str(emu(height)))
    extent = shape.element.find(f"{_P}xfrm/{_A}ext")
    if widths:
        extent.set("cx", str(sum(int(column.get("w")) for column in columns)))
    if heights:
        extent.set("cy", str(sum(int(row.get("h")) for row in rows_el)))
    colors, size = palette(theme), planned.size      # the HTML table's colours: surface, background
    border = colors["background"]
    cells = [tr.findall(_A + "tc") for tr in tbl.findall(_A + "tr")]
    part = slide.part
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            lines = breaks[r][c]
            if r == 0:
                _cell(cells[r][c], part, text, size, bold=True, color=colors["accent-text"],
                      fill=colors["accent"], align=PP_ALIGN.CENTER if c else PP_ALIGN.LEFT, border=border,
                      lines=lines)
            elif c == 0:
                _cell(cells[r][c], part, text, size, bold=True, color=colors["text"], fill=colors["surface"],
                      align=PP_ALIGN.LEFT, border=border, lines=lines)
            else:
                favoured = planned.rows[r - 1].cells[c - 1].favoured
                _cell(cells[r][c], part, text, size, bold=favoured, color=colors["text"],
                      fill=colors["favoured"] if favoured else colors["background"], align=PP_ALIGN.CENTER,
                      border=border, lines=lines)
