"""What the renderer reads from a template's XML (its fonts, its links outside) and the parts it writes whole;
a template's XML parts parsed without DTDs or entities and written again, its relationships and
content types read and pruned."""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from generator.renderers.pptx.oxml.ns import A, P, remove

# The view properties PowerPoint writes for a new presentation (a package without any asks to be repaired).
VIEW_PROPS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              b'<p:viewPr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
              b'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
              b'<p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr>'
              b'<p:gridSpacing cx="76200" cy="76200"/></p:viewPr>')


def theme_fonts(theme_xml: bytes) -> dict[str, str]:
    """The latin faces a theme part names for headings and body, by the codes text refers to them
    with ("+mj-lt", "+mn-lt")."""
    xml = theme_xml.decode("utf-8", "replace")
    found = {}
    for role, code in (("major", "+mj-lt"), ("minor", "+mn-lt")):
        match = re.search(rf'<a:{role}Font>\s*<a:latin typeface="([^"]*)"', xml)
        if match and match.group(1):
            found[code] = match.group(1)
    return found


def style_typeface(master, style: str) -> str | None:
    """The latin face of the first level of a master's text style (`p:titleStyle`, `p:bodyStyle`),
    as written (a theme code such as "+mj-lt" unresolved); None when it names none."""
    element = master.find(f".//{P}{style}")
    latin = element.find(f"{A}lvl1pPr/{A}defRPr/{A}latin") if element is not None else None
    return latin.get("typeface", "") if latin is not None else None


def placeholder_typefaces(master, kind: str) -> list[str]:
    """The latin faces written on the runs of a master's placeholders of a type ("title", "body"...)."""
    return master.xpath(f".//p:sp[.//p:ph[@type='{kind}']]//a:latin/@typeface")


def drop_references(element, rel_id: str) -> None:
    """Remove what points at a relationship under a part's element: a hyperlink or an ActiveX
    control element itself (a list of controls left empty with it), else the attribute naming it
    (`r:id`, `r:link`, `r:embed`)."""
    for node in element.xpath("//*[@*[local-name()='id' or local-name()='link' or local-name()='embed']=$rel_id]",
                              rel_id=rel_id):
        if node.tag.endswith(("}hlinkClick", "}hlinkHover")):
            remove(node)
        elif node.tag == f"{P}control":
            parent = node.getparent()
            remove(node)
            if parent.tag == f"{P}controls" and not len(parent):
                remove(parent)
        else:
            for name in list(node.attrib):
                if node.attrib[name] == rel_id:
                    del node.attrib[name]


# What every XML part of a cleaned template starts with (Office's own declaration: the parts
# python-pptx copies without parsing, such as the theme, keep their bytes).
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

PRESENTATION_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
# The main parts python-pptx does not open, each saved as a plain presentation: a template, a
# slide show, and their macro-enabled kinds (.pptm, .potm, .ppsm, .ppam).
_OTHER_MAINS = {
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": False,
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": False,
    "application/vnd.ms-powerpoint.presentation.macroenabled.main+xml": True,
    "application/vnd.ms-powerpoint.template.macroenabled.main+xml": True,
    "application/vnd.ms-powerpoint.slideshow.macroenabled.main+xml": True,
    "application/vnd.ms-powerpoint.addin.macroenabled.main+xml": True,
}
# Parts that hold or run code: the VBA project, its signatures and data, ActiveX controls.
MACRO_CONTENT_TYPES = frozenset({
    "application/vnd.ms-office.vbaproject", "application/vnd.ms-office.vbaprojectsignature",
    "application/vnd.ms-office.vbaprojectsignatureagile", "application/vnd.ms-office.vbaprojectsignaturev3",
    "application/vnd.ms-word.vbadata+xml", "application/vnd.ms-office.activex+xml",
    "application/vnd.ms-office.activex",
})
_MACRO_RELATIONSHIPS = frozenset({
    "http://schemas.microsoft.com/office/2006/relationships/vbaproject",
    "http://schemas.microsoft.com/office/2006/relationships/vbaprojectsignature",
    "http://schemas.microsoft.com/office/2014/relationships/vbaprojectsignatureagile",
    "http://schemas.microsoft.com/office/2020/07/relationships/vbaprojectsignaturev3",
    "http://schemas.microsoft.com/office/2006/relationships/wordvbadata",
    "http://schemas.openxmlformats.org/officedocument/2006/relationships/control",
    "http://schemas.microsoft.com/office/2006/relationships/activexcontrolbinary",
})

_STRUCTURE_RELATIONSHIPS = frozenset(f"http://schemas.openxmlformats.org/officedocument/2006/relationships/{kind}"
                                     for kind in ("officedocument", "slidemaster", "slidelayout", "theme"))


class UnsafeXml(ValueError):
    """An XML part that is not well-formed, or that declares a DOCTYPE (what entity tricks need)."""


def parse_part(data: bytes):
    """The root element of an XML part (UTF-8 or UTF-16, as its byte order mark or declaration
    says), parsed with no DTD loaded, no entity resolved and no network; UnsafeXml when it is not
    well-formed or has a DOCTYPE at all, even one the parser did not act on."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise UnsafeXml(f"is not well-formed XML: {(exc.msg or str(exc))[:160]}") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise UnsafeXml("declares a DOCTYPE, which OOXML never needs")
    if next(root.iter(etree.Entity), None) is not None:
        raise UnsafeXml("refers to an entity, which OOXML never needs")
    return root


def serialize_part(root) -> bytes:
    """A part written again from its tree, in UTF-8: the root element alone (what came before it,
    comments and processing instructions, is left out)."""
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def content_types(root) -> tuple[dict[str, str], dict[str, str]]:
    """`[Content_Types].xml`'s defaults by extension and overrides by part name (without its leading
    slash), both keys in lower case (OPC compares names without case), content types in lower case."""
    defaults, overrides = {}, {}
    for element in root.iter(f"{_CONTENT_TYPES}Default"):
        defaults[element.get("Extension", "").lower()] = element.get("ContentType", "").strip().lower()
    for element in root.iter(f"{_CONTENT_TYPES}Override"):
        overrides[element.get("PartName", "").lstrip("/").lower()] = element.get("ContentType", "").strip().lower()
    return defaults, overrides


def plain_main(root) -> list[str]:
    """Relabel a template's, a slide show's or a macro-enabled main part as a presentation's (the
    only one python-pptx opens); the macro-enabled content types found, as they were written."""
    macro_enabled = []
    for element in root.iter(f"{_CONTENT_TYPES}Override"):
        kind = element.get("ContentType", "").strip()
        if kind.lower() in _OTHER_MAINS:
            if _OTHER_MAINS[kind.lower()]:
                macro_enabled.append(kind)
            element.set("ContentType", PRESENTATION_MAIN)
    return macro_enabled


def drop_content_types(root, part_names: set[str]) -> None:
    """Remove the overrides of parts (names in lower case, without the leading slash) and the
    defaults and overrides that declare code."""
    for element in list(root):
        if element.tag == f"{_CONTENT_TYPES}Override" and element.get("PartName", "").lstrip("/").lower() in part_names:
            remove(element)
        elif element.get("ContentType", "").strip().lower() in MACRO_CONTENT_TYPES:
            remove(element)


class Relationship(NamedTuple):
    rel_id: str
    reltype: str
    target: str
    external: bool
    element: object

    @property
    def holds_the_deck_together(self) -> bool:
        """A relationship python-pptx follows to open a presentation at all: to the main part, a
        master, a layout, a theme (one whose part is missing cannot be skipped as a dead link)."""
        return self.reltype.strip().lower() in _STRUCTURE_RELATIONSHIPS

    @property
    def runs_code(self) -> bool:
        """A relationship to a VBA project, its signature or data, or an ActiveX control."""
        return self.reltype.strip().lower() in _MACRO_RELATIONSHIPS


def relationships(root) -> list[Relationship]:
    """The relationships of a `.rels` part; external: its TargetMode says so."""
    return [Relationship(element.get("Id", ""), element.get("Type", ""), element.get("Target", ""),
                         element.get("TargetMode", "").strip().lower() == "external", element)
            for element in root.iter(f"{_RELATIONSHIPS}Relationship")]


def drop_relationship(relationship: Relationship) -> None:
    remove(relationship.element)
