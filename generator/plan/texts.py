"""Every text a slide plan shows or says, in reading order: what link lists and glyph checks read.

`markdown_texts` gives the light-Markdown texts (headings, bullets, cells, notes…); diagrams'
labels are plain text and come from `diagram_texts`.
"""

from __future__ import annotations

from typing import Iterator

from generator.plan.deck import SlidePlan, bullet_items


def markdown_texts(slide: SlidePlan, *, notes: bool = True) -> Iterator[str]:
    """The slide's Markdown texts: heading, subtitle, speaker and event, text, bullets, table,
    columns, caption, links' labels and (unless `notes` is false) the speaker notes."""
    for sized in (slide.heading, slide.subtitle, slide.byline, slide.event, slide.text):
        if sized is not None and sized.text:
            yield sized.text
    for _, text in bullet_items(slide.bullets):
        yield text
    if slide.table is not None:
        yield from slide.table.subjects
        for row in slide.table.rows:
            yield row.aspect
            yield from (cell.text for cell in row.cells)
    for column in slide.columns:
        if column.heading:
            yield column.heading
        yield from (text for _, text in bullet_items(column.bullets))
        if column.text:
            yield column.text
    if slide.picture is not None and slide.picture.caption:
        yield slide.picture.caption
    for link in slide.links:
        yield link.label
    if notes:
        yield from slide.notes


def diagram_texts(slide: SlidePlan) -> Iterator[str]:
    """The plain texts a slide's diagram draws: stack boxes' labels and details, graph labels,
    a chart's texts (names, values, ticks, legend, source)."""
    if slide.diagram is not None:
        yield slide.diagram.title
        for box in slide.diagram.boxes:
            for block in (box.label, box.detail):
                if block is not None:
                    yield block.text
    if slide.graph is not None:
        yield slide.graph.title
        for node in slide.graph.nodes:
            yield node.label.text
        for edge in slide.graph.edges:
            if edge.label is not None:
                yield edge.label.label.text
    if slide.chart is not None:
        yield slide.chart.title
        yield from (text.text for text in slide.chart.texts)
