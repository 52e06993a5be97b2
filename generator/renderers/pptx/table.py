"""The comparison slide as a real PowerPoint table, at the plan's size, the favoured value emphasised."""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

from generator.text.markdown import plain
from generator.model.talk import Comparison
from generator.theme.contrast import colors as palette
from generator.plan.boxes import Rect
from generator.renderers.pptx.oxml.table import (
    cell_properties, cell_text_body, cells, no_banding, size_table, table_element,
)
from generator.renderers.pptx.oxml.text import emptied, format_paragraph, wrap_text
from generator.plan.deck import Table
from generator.plan.geometry import CELL_PAD_X, CELL_PAD_Y, LINE_HEIGHT
from generator.theme import Theme


def _cell(tc, part, text: str, size: float, *, bold: bool, color: str, fill: str | None, align,
          border: str | None = None, lines: tuple[str, ...] = (), line_height: float = LINE_HEIGHT) -> None:
    """A table cell (`a:tc`): its insets, middle anchor, fill and borders (every edge a thin line of
    `border`, the slide's background as in the HTML table, rather than the template table style's
    own, which is white whatever the slide), and its text on one paragraph; the XML python-pptx's
    cell, text frame and paragraph API wrote."""
    from generator.renderers.pptx.text import write_runs

    cell_properties(tc, margins=(CELL_PAD_X, CELL_PAD_X, CELL_PAD_Y, CELL_PAD_Y), anchor=MSO_ANCHOR.MIDDLE,
                    fill=fill, border=border)
    body = cell_text_body(tc)
    first = emptied(body)
    wrap_text(body)
    format_paragraph(first, align=align, line=size * line_height)
    # plain text on the plan's line breaks, one weight for the whole cell
    write_runs(first, part, plain(text), size=size, bold=bold, color=color, markdown=False, lines=lines)


def add_comparison_table(slide, planned: Table, comparison: Comparison, theme: Theme, area: Rect,
                         line_height: float = LINE_HEIGHT) -> None:
    """Draw the planned comparison as a table in the area (the plan's box for it), rows at the
    plan's heights, every cell on the plan's line breaks at the plan's pitch (`line_height`)."""
    from generator.renderers.pptx.shapes import emu

    widths = [area.w * share / 100 for share in planned.widths]
    heights = list(planned.heights) or [planned.size * line_height + 2 * CELL_PAD_Y] * (len(planned.rows) + 1)
    rows = [["", *planned.subjects]] + [[row.aspect, *(cell.text for cell in row.cells)] for row in planned.rows]
    subjects = planned.subject_lines or ((),) * len(planned.subjects)
    breaks = [[(), *subjects]] + [[row.aspect_lines, *(cell.lines for cell in row.cells)] for row in planned.rows]
    shape = slide.shapes.add_table(len(rows), len(rows[0]), emu(area.x), emu(area.y), emu(area.w),
                                   emu(sum(heights)))
    shape.name = f"comparison {comparison.id}"
    table = shape.table
    # A plain table: no banding from the template's default style.
    tbl = table_element(shape.element)
    no_banding(tbl)
    table.first_row = True
    # the columns' widths and the rows' heights, and the frame their sums
    size_table(shape.element, tbl, [emu(width) for width in widths], [emu(height) for height in heights])
    colors, size = palette(theme), planned.size      # the HTML table's colours: surface, background
    border = colors["background"]
    grid = cells(tbl)
    part = slide.part
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            lines = breaks[r][c]
            if r == 0:
                _cell(grid[r][c], part, text, size, bold=True, color=colors["accent-text"],
                      fill=colors["accent"], align=PP_ALIGN.CENTER if c else PP_ALIGN.LEFT, border=border,
                      lines=lines, line_height=line_height)
            elif c == 0:
                _cell(grid[r][c], part, text, size, bold=True, color=colors["text"], fill=colors["surface"],
                      align=PP_ALIGN.LEFT, border=border, lines=lines, line_height=line_height)
            else:
                favoured = planned.rows[r - 1].cells[c - 1].favoured
                _cell(grid[r][c], part, text, size, bold=favoured, color=colors["text"],
                      fill=colors["favoured"] if favoured else colors["background"], align=PP_ALIGN.CENTER,
                      border=border, lines=lines, line_height=line_height)
