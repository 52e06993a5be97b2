"""Make a theme's PPTX template (templates/<theme>/template.pptx), 16:9.

Starts from python-pptx's built-in Office template (4:3), widens the slide and every
placeholder to 16:9, sets the theme's colours and fonts, left-aligns titles and adds a thin
accent band at the top of the master. A dark theme (its background darker than its text) also
gets a colour map that reads its dark colours as backgrounds and its light ones as text, the
master background filled with its background colour, and its text colour written into the
master's text styles, so every client (LibreOffice too) draws light text on the dark slide.
Run it again after changing this script or a theme's colours:

    .venv/bin/python scripts/make_pptx_template.py            # the default theme
    .venv/bin/python scripts/make_pptx_template.py dark       # templates/dark/template.pptx
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.contrast import colors, relative_luminance  # noqa: E402
from generator.renderers.pptx.package import reproducible_bytes  # noqa: E402
from generator.plan.geometry import COLUMN_GAP, DEFAULT_GEOMETRY  # noqa: E402
from generator.theme import load_theme  # noqa: E402

WIDE = 12192000   # 13.333 in
HIGH = 6858000    # 7.5 in
NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}


G = DEFAULT_GEOMETRY   # the plan's geometry: the layouts put their text where the plan measures it


def place(shape, rect) -> None:
    shape.left, shape.top, shape.width, shape.height = (Emu(round(v * 12700)) for v in (rect.x, rect.y, rect.w, rect.h))


def _hex(color: str) -> str:
    return color.lstrip("#").upper()


def widen(shapes, factor: float) -> None:
    """Stretch placeholders that have a position of their own; the others follow the master."""
    for shape in shapes:
        if shape.is_placeholder and shape._element.spPr.find(qn("a:xfrm")) is not None:
            left, top, width, height = shape.left, shape.top, shape.width, shape.height
            shape.left, shape.width = Emu(round(left * factor)), Emu(round(width * factor))
            shape.top, shape.height = Emu(top), Emu(height)


def is_dark(theme) -> bool:
    c = colors(theme)
    return relative_luminance(c["background"]) < relative_luminance(c["text"])


def color_scheme(theme) -> dict[str, str]:
    """The template's colour scheme: dk1/lt1/dk2/lt2, six accents (the accent, the highlight and
    four layer kinds' outlines) and the link colours, from the theme."""
    c = colors(theme)
    kinds = theme.kinds
    accents = {"accent1": c["accent"], "accent2": c["highlight"], "accent3": kinds["app"].stroke,
               "accent4": kinds["libraries"].stroke, "accent5": kinds["runtime"].stroke,
               "accent6": kinds["virtualization"].stroke, "hlink": c["accent"],
               "folHlink": "#C4B5FD" if is_dark(theme) else "#6D28D9"}
    if is_dark(theme):
        # dark colours stay dk*, light ones lt*; the master's colour map swaps their roles
        return {"dk1": c["background"], "lt1": c["text"], "dk2": c["surface"], "lt2": c["text"], **accents}
    # a light theme keeps the system's black and white as dk1/lt1
    return {"dk2": c["text"], "lt2": "#F3F4F6", **accents}


def set_theme(prs, theme) -> None:
    part = prs.slide_master.part.part_related_by(RT.THEME)
    xml = part.blob.decode("utf-8")
    for name, value in color_scheme(theme).items():
        xml = re.sub(rf"<a:{name}>.*?</a:{name}>", f'<a:{name}><a:srgbClr val="{_hex(value)}"/></a:{name}>', xml)
    xml = xml.replace('<a:clrScheme name="Office">', '<a:clrScheme name="deckgen">')
    xml = re.sub(r'(<a:majorFont><a:latin typeface=")[^"]*', rf"\g<1>{theme.heading.family}", xml)
    xml = re.sub(r'(<a:minorFont><a:latin typeface=")[^"]*', rf"\g<1>{theme.body.family}", xml)
    part._blob = xml.encode("utf-8")


def darken_master(prs, theme) -> None:
    """A dark theme's master: the colour map reads dk1/dk2 as backgrounds and lt1/lt2 as text, the
    background is the theme's (an explicit fill), and the text styles name the theme's text colour
    outright, so clients that ignore the colour map (or a layout's own) still draw light on dark."""
    master = prs.slide_master.element
    c = colors(theme)
    master.find("p:clrMap", NS).attrib.update({"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"})
    background = master.find("p:cSld/p:bg", NS)
    for child in list(background):
        background.remove(child)
    background.append(etree.fromstring(
        f'<p:bgPr xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><a:solidFill><a:srgbClr val="{_hex(c["background"])}"/>'
        f'</a:solidFill><a:effectLst/></p:bgPr>'))
    styles = [master.find("p:txStyles", NS), prs.part._element.find("p:defaultTextStyle", NS)]
    for style in styles:
        for fill in style.iter(f"{{{NS['a']}}}solidFill"):
            for child in list(fill):
                fill.remove(child)
            fill.append(etree.fromstring(f'<a:srgbClr xmlns:a="{NS["a"]}" val="{_hex(c["text"])}"/>'))


def style_master(prs, theme) -> None:
    master = prs.slide_master
    title_style = master.element.find(".//p:titleStyle/a:lvl1pPr", NS)
    title_style.set("algn", "l")
    props = title_style.find("a:defRPr", NS)
    props.set("sz", str(int(theme.sizes.get("title", 36) * 100)))
    props.set("b", "1")
    fill = props.find("a:solidFill/a:schemeClr", NS)
    fill.set("val", "tx2")
    for level in master.element.findall(".//p:bodyStyle/*", NS):
        rpr = level.find("a:defRPr", NS)
        if rpr is not None and level.tag.endswith("lvl1pPr"):
            rpr.set("sz", str(int(theme.sizes.get("body", 24) * 100)))
    for shape in master.placeholders:
        kind = shape.placeholder_format.type
        if kind == 1:  # title
            place(shape, G.title)
        elif kind == 2:  # body
            place(shape, G.body)
    band = etree.SubElement(master.element.find(".//p:spTree", NS), f"{{{NS['p']}}}sp")
    band.append(etree.fromstring(
        f'<p:nvSpPr xmlns:p="{NS["p"]}"><p:cNvPr id="90" name="Accent band"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'))
    band.append(etree.fromstring(
        f'<p:spPr xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><a:xfrm><a:off x="0" y="0"/><a:ext cx="{WIDE}" cy="{int(Pt(6))}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="accent1"/></a:solidFill>'
        f'<a:ln><a:noFill/></a:ln></p:spPr>'))
    # Keep the band behind everything: move it to the front of the tree (drawn first).
    tree = band.getparent()
    tree.remove(band)
    tree.insert(2, band)


def style_title_slide(prs, theme) -> None:
    """Title and subtitle left-aligned on one edge, the title standing on the subtitle."""
    layout = next(l for l in prs.slide_layouts if l.name == "Title Slide")
    for shape in layout.placeholders:
        kind = shape.placeholder_format.type
        if kind == 3:  # centred title
            place(shape, G.title_slide_title)
            body = shape._element.find(".//a:bodyPr", NS)
            body.set("anchor", "b")
        elif kind == 4:  # subtitle
            place(shape, G.title_slide_subtitle)
            level = shape._element.find(".//a:lstStyle/a:lvl1pPr", NS)
            level.set("algn", "l")
            level.set("marL", "0")
            level.set("indent", "0")
            color = level.find(".//a:schemeClr", NS)
            if color is not None:
                for child in list(color):
                    color.remove(child)
                color.set("val", "tx2")


def style_section_header(prs) -> None:
    """Section title large and in its own case, the subtitle under it, both on the left edge."""
    layout = next(l for l in prs.slide_layouts if l.name == "Section Header")
    for shape in layout.placeholders:
        kind = shape.placeholder_format.type
        if kind == 1:
            place(shape, G.section_title)
            shape._element.find(".//a:bodyPr", NS).set("anchor", "b")
            for props in shape._element.iter(f"{{{NS['a']}}}defRPr"):
                props.attrib.pop("cap", None)
                props.set("sz", "4400")
                props.set("b", "1")
        elif kind == 2:
            place(shape, G.section_text)
            shape._element.find(".//a:bodyPr", NS).set("anchor", "t")


def make(path: Path, name: str = "default") -> None:
    theme = load_theme(name)
    prs = Presentation()
    factor = WIDE / prs.slide_width
    prs.slide_width, prs.slide_height = Emu(WIDE), Emu(HIGH)
    widen(prs.slide_master.placeholders, factor)
    for layout in prs.slide_layouts:
        widen(layout.placeholders, factor)
    set_theme(prs, theme)
    style_master(prs, theme)
    if is_dark(theme):
        darken_master(prs, theme)
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            if shape.placeholder_format.type in (1,) and layout.name in ("Title and Content", "Title Only", "Two Content",
                                                                           "Comparison", "Title and Vertical Text"):
                place(shape, G.title)
            if shape.placeholder_format.type == 7 and layout.name == "Title and Content":
                place(shape, G.body)
    two = next(l for l in prs.slide_layouts if l.name == "Two Content")
    bodies = sorted((s for s in two.placeholders if s.placeholder_format.type in (2, 7)), key=lambda s: s.left)
    half = (G.body.w - COLUMN_GAP) / 2
    for shape, x in zip(bodies, (G.body.x, G.body.x + half + COLUMN_GAP)):
        place(shape, type(G.body)(x, G.body.y, half, G.body.h))
    for shape in two.placeholders:
        if shape.placeholder_format.type == 1:
            place(shape, G.title)
    style_title_slide(prs, theme)
    style_section_header(prs)
    props = prs.core_properties
    props.title = f"deckgen {name} template"
    props.author = "deckgen"
    path.write_bytes(reproducible_bytes(prs))


if __name__ == "__main__":
    names = sys.argv[1:] or ["default"]
    for theme_name in names:
        target = ROOT / "templates" / theme_name / "template.pptx"
        make(target, theme_name)
        print(f"wrote {target.relative_to(ROOT)}")
