"""A slide's XML: its shape tree and placeholders, footers, notes body, and the presentation's slide list."""

from __future__ import annotations

import copy

from pptx.enum.shapes import PP_PLACEHOLDER

from generator.renderers.pptx.oxml.ns import A, P, child
from generator.renderers.pptx.oxml.shapes import SHAPE_TAGS
from generator.renderers.pptx.oxml.text import run_content

_PH = f"{P}nvPr/{P}ph"
_SLIDE_NUMBER_FIELD = {"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", "type": "slidenum"}


def shape_tree(slide_element):
    """The `p:spTree` of a slide, layout or master element (`p:cSld/p:spTree`)."""
    return slide_element.cSld.spTree


def placeholder_elements(tree) -> list:
    """(element, PP_PLACEHOLDER type) of each placeholder shape of a shape tree, in document order
    (python-pptx's `placeholders`, the `p:ph` elements read directly)."""
    found = []
    for element in tree.iterchildren():
        if element.tag not in SHAPE_TAGS:
            continue
        ph = element[0].find(_PH)
        if ph is not None:
            kind = ph.get("type")
            found.append((element, PP_PLACEHOLDER.from_xml(kind) if kind is not None else PP_PLACEHOLDER.OBJECT))
    return found


def append_copy(tree, element):
    """A copy of a shape appended to a shape tree; the copy."""
    element = copy.deepcopy(element)
    tree.append(element)
    return element


def filled_footer(element, *, slide_number: bool, text: str, font: str, color: str | None):
    """A copy of a layout's footer (or `slide_number`) placeholder, its one paragraph holding `text`
    (in a slide-number field, its own or a new one) in `font` and `color` (`RRGGBB`, or none); and
    whether it has that field to number (`set_slide_number`): a placeholder without text body
    is copied as it is."""
    element = copy.deepcopy(element)
    body = element.find(P + "txBody")
    if body is None:
        return element, False
    paragraphs = body.findall(A + "p")
    for extra in paragraphs[1:]:
        body.remove(extra)
    paragraph = paragraphs[0] if paragraphs else child(body, A + "p")
    field = paragraph.find(A + "fld") if slide_number else None
    for content in list(paragraph):
        if content.tag != A + "pPr" and content is not field:
            paragraph.remove(content)
    if field is None:
        field = child(paragraph, A + "fld", _SLIDE_NUMBER_FIELD) if slide_number else child(paragraph, A + "r")
    for old in list(field):
        field.remove(old)
    run_content(field, text, color=color, typeface=font)
    return element, slide_number


def set_slide_number(element, number: int) -> None:
    """The number shown in the slide-number field of a footer placeholder (`filled_footer`)."""
    element.find(f"{P}txBody/{A}p/{A}fld/{A}t").text = str(number)


def add_slide_id(presentation_element, rel_id: str) -> None:
    """A `p:sldId` for the slide related as `rel_id`, last in the presentation's `p:sldIdLst`."""
    presentation_element.get_or_add_sldIdLst().add_sldId(rel_id)


def slide_ids(presentation_element) -> list[tuple[object, str]]:
    """The presentation's `p:sldId` elements, in order, each with the relationship id of its slide."""
    listed = presentation_element.sldIdLst
    return [(slide_id, slide_id.rId) for slide_id in listed] if listed is not None else []


def notes_body(notes_element):
    """The `p:txBody` of a notes slide's notes placeholder (its first body placeholder), or None."""
    for shape in notes_element.iter(P + "sp"):
        ph = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        if ph is not None and ph.get("type") == "body":
            return shape.find(P + "txBody")
    return None
