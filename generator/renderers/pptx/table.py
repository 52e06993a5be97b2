"""The comparison slide as a real PowerPoint table, the favoured value emphasised."""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from generator.layout.measure import TextMeasure
from generator.model.talk import Comparison, Talk
from generator.renderers.pptx.fit import CELL_X, CELL_Y, Rect, TextFit, fit_table, table_cells
from generator.theme import Theme

def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def _cell(cell, text: str, size: float, *, bold: bool, color: str, fill: str | None, align) -> None:
    cell.margin_left = cell.margin_right = Pt(CELL_X)
    cell.margin_top = cell.margin_bottom = Pt(CELL_Y)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    if fill:
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(fill)
    frame = cell.text_frame
    frame.clear()
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = _rgb(color)


def add_comparison_table(slide, talk: Talk, comparison: Comparison, theme: Theme, measure: TextMeasure,
                         area: Rect, min_size: float) -> TextFit:
    """Draw the comparison as a table in the area; returns the size chosen and whether it fits."""
    from generator.renderers.pptx.shapes import emu

    cells = table_cells(talk, comparison)
    fit, widths, heights = fit_table(measure, cells, area, float(theme.sizes.get("body", 24)) * 0.85, min_size)
    total_h = sum(heights)
    shape = slide.shapes.add_table(len(cells), len(cells[0]), emu(area.x), emu(area.y), emu(area.w), emu(total_h))
    shape.name = f"comparison {comparison.id}"
    table = shape.table
    # A plain table: no banding from the template's default style.
    tbl_pr = table._tbl.find(qn("a:tblPr"))
    tbl_pr.set("bandRow", "0")
    table.first_row = True
    for c, width in enumerate(widths):
        table.columns[c].width = emu(width)
    for r, height in enumerate(heights):
        table.rows[r].height = emu(height)
    colors = theme.colors
    for r, row in enumerate(cells):
        favours = comparison.rows[r - 1].favours if r else None
        for c, text in enumerate(row):
            subject = comparison.subjects[c - 1] if c else None
            if r == 0:
                _cell(table.cell(r, c), text, fit.size, bold=True, color=colors["accent-text"],
                      fill=colors["accent"], align=PP_ALIGN.CENTER if c else PP_ALIGN.LEFT)
            elif c == 0:
                _cell(table.cell(r, c), text, fit.size, bold=True, color=colors["text"], fill="#F3F4F6",
                      align=PP_ALIGN.LEFT)
            else:
                favoured = favours is not None and favours == subject
                _cell(table.cell(r, c), text, fit.size, bold=favoured, color=colors["text"],
                      fill=colors["favoured"] if favoured else "#FFFFFF", align=PP_ALIGN.CENTER)
    return fit
