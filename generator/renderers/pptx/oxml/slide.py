"""A slide's XML: its shape tree, and the presentation's list of slides."""

from __future__ import annotations

from generator.renderers.pptx.oxml.ns import P


def shape_tree(slide_element):
    """The `p:spTree` of a slide, layout or master element (`p:cSld/p:spTree`)."""
    return slide_element.cSld.spTree


def add_slide_id(presentation_element, rel_id: str) -> None:
    """A `p:sldId` for the slide related as `rel_id`, last in the presentation's `p:sldIdLst`."""
    presentation_element.get_or_add_sldIdLst().add_sldId(rel_id)


def slide_ids(presentation_element) -> list:
    """The presentation's `p:sldId` elements (each with its `rId`), in order."""
    listed = presentation_element.sldIdLst
    return list(listed) if listed is not None else []


def notes_body(notes_element):
    """The `p:txBody` of a notes slide's notes placeholder (its first body placeholder), or None."""
    for shape in notes_element.iter(P + "sp"):
        ph = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        if ph is not None and ph.get("type") == "body":
            return shape.find(P + "txBody")
    return None
