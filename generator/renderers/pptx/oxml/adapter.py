"""Every use of a python-pptx private attribute, one function each, and why its public API cannot do it.

Where python-pptx has a public way (`slide.element`, `shape.element`, its oxml classes'
properties), the renderer takes it; what is left is here, so a new python-pptx release is checked
against this module alone.
"""

from __future__ import annotations


def part_element(part):
    """The root element of a package part (`XmlPart._element`), or None for a binary part.

    python-pptx gives a part's element only through the proxy of its kind (`Slide.element`,
    `NotesSlide.element`...); a template's other parts (masters' themes, charts, diagrams) have no
    proxy, and their links must be read and removed in the element itself."""
    return getattr(part, "_element", None)


def shape_proxy(shapes, element):
    """The python-pptx shape object of an element of `shapes` (its `_shape_factory`).

    The public API gives shapes only by iterating the collection, which wraps every shape of the
    tree to find one; a placeholder or a group written directly is wrapped here alone."""
    return shapes._shape_factory(element)


def defer_extents(shapes) -> None:
    """Make a group's shape collection stop refitting the group after each added shape
    (`GroupShapes._recalculate_extents`, replaced by a no-op on this one collection).

    python-pptx refits a group on every `add_*` of its collection, reading every child's frame
    each time (quadratic); the public API has no switch, so the group is fitted once when full."""
    shapes._recalculate_extents = lambda: None


def recalculate_extents(shapes) -> None:
    """Refit a group to its shapes after an added picture, as `add_picture` does
    (`_BaseGroupShapes._recalculate_extents`; a no-op on a slide or a deferred group)."""
    shapes._recalculate_extents()


def add_picture_element(shapes, image_part, rel_id: str, x: int, y: int, w: int | None, h: int | None):
    """The `p:pic` python-pptx's `add_picture` appends to `shapes` for an image part already related
    (`_BaseGroupShapes._add_pic_from_image_part`: its id, name, description and scaled size).

    The public `add_picture` also finds or makes the image part, searching every part of the
    package for each picture; the deck keeps its own index of them (`Pictures`)."""
    return shapes._add_pic_from_image_part(image_part, rel_id, x, y, w, h)


def image_parts(package):
    """The package's image parts in python-pptx's order, the first of equal hashes first
    (`Package._image_parts`, what `get_or_add_image_part` searches).

    The public API looks one image up at a time (`get_or_add_image_part`), walking every
    relationship of the package each time; the deck reads them once."""
    return package._image_parts


def paragraph_element(paragraph):
    """The `a:p` of a python-pptx paragraph (`_Paragraph._p`).

    A paragraph proxy has no public element; its runs are written as elements (`write_runs`)."""
    return paragraph._p


def escape_control_characters(text: str) -> str:
    """Text as python-pptx writes it in an `a:t`, each control character but tab and line feed
    escaped as `_xHHHH_` (`CT_RegularTextRun._escape_ctrl_chars`).

    python-pptx escapes only as it sets a run's text through its objects; the runs here are
    written as elements, so its escape is called on their text."""
    from pptx.oxml.text import CT_RegularTextRun

    return CT_RegularTextRun._escape_ctrl_chars(text)


def write_members(package, sink) -> None:
    """Write every member of a package to `sink` (`write(pack_uri, blob)`), as `Package.save` does:
    the content types, the package relationships, then the parts (`OpcPackage._rels` and
    `PackageWriter._write_content_types_stream`, `_write_pkg_rels`, `_write_parts`).

    The public `save` zips the members only for the deck to unzip them and zip them again
    reproducibly (fixed order and timestamps)."""
    from pptx.opc.serialized import PackageWriter

    writer = PackageWriter(None, package._rels, tuple(package.iter_parts()))
    writer._write_content_types_stream(sink)
    writer._write_pkg_rels(sink)
    writer._write_parts(sink)


def add_relationship(part, reltype: str, target) -> str:
    """Relate `part` to a part it has no relationship with yet; the new rId, the one python-pptx's
    `relate_to` would give (`_Relationships._add_relationship`: the first free rId counting down
    from one more than the part has, found at once when they are numbered without gaps).

    The public `relate_to` first looks for a relationship to reuse, building a map of all the
    part's relationships by type for each call (`_Relationships._get_matching`): the presentation
    part relates to every slide, so relating slide N read N relationships, quadratic in the deck."""
    return part.rels._add_relationship(reltype, target)


def append_slide_id(presentation_element, slide_id: int, rel_id: str):
    """A `p:sldId` with `slide_id` for the slide related as `rel_id`, appended to the presentation's
    `p:sldIdLst` as python-pptx's `add_sldId` appends it (`CT_SlideIdList._add_sldId`); the element.

    The public `add_sldId` chooses the id itself, one more than the largest in the list, read by an
    XPath over every `p:sldId` at each slide (`CT_SlideIdList._next_id`), quadratic in the deck:
    the caller counts the ids instead."""
    return presentation_element.get_or_add_sldIdLst()._add_sldId(id=slide_id, rId=rel_id)
