"""The namespaces of the PPTX XML, in Clark notation; an element appended (`child`) or removed (`remove`)."""

from __future__ import annotations

from lxml.etree import SubElement

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
SVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"     # Office 2016's SVG blip

child = SubElement      # child(parent, tag[, attrib]): an element appended to parent, in its document


def remove(element) -> None:
    """Take an element out of its tree."""
    element.getparent().remove(element)
