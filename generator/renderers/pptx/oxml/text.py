"""DrawingML text: text bodies, paragraphs, runs and their properties."""

from __future__ import annotations

from pptx.util import Pt

from generator.renderers.pptx.oxml.ns import A


def restyle_paragraph(p, *, align=None, level: int | None = None, margins: tuple[str, str] | None = None,
                      no_bullet: bool = False, line: float | None = None, before: float | None = None,
                      after: float | None = None):
    """Set the properties of a paragraph that has some (`a:pPr`), as python-pptx's paragraph API
    sets them (alignment, level, then margins and indent, no bullet, exact line pitch, space
    before and after, in points); its `a:pPr`."""
    props = p.get_or_add_pPr()
    if align is not None:
        props.algn = align
    if level is not None:
        props.lvl = level
    if margins is not None:
        props.set("marL", margins[0])
        props.set("indent", margins[1])
    if no_bullet:
        props.insert(0, props.makeelement(A + "buNone", {}))
    if line is not None:
        props.line_spacing = Pt(line)
    if before is not None:
        props.space_before = Pt(before)
    if after is not None:
        props.space_after = Pt(after)
    return props

