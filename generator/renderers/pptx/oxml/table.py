"""DrawingML tables: the `a:tbl` of a graphic frame, its grid, banding and cells."""

from __future__ import annotations


def table_element(graphic_frame):
    """The `a:tbl` of a table's graphic frame (`p:graphicFrame/a:graphic/a:graphicData/a:tbl`)."""
    return graphic_frame.graphic.graphicData.tbl
