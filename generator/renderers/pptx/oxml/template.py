"""What the renderer reads from a template's XML (its fonts, its links outside) and the parts it writes whole."""

from __future__ import annotations

import re

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
    """Remove what points at a relationship under a part's element: a hyperlink element itself,
    else the attribute naming it (`r:id`, `r:link`, `r:embed`)."""
    for node in element.xpath(f"//*[@*[local-name()='id' or local-name()='link' or local-name()='embed']"
                              f"='{rel_id}']"):
        if node.tag.endswith(("}hlinkClick", "}hlinkHover")):
            remove(node)
        else:
            for name in list(node.attrib):
                if node.attrib[name] == rel_id:
                    del node.attrib[name]
