"""Make a theme's PPTX template (templates/<theme>/template.pptx), 16:9.

Starts from python-pptx's built-in Office template (4:3), widens the slide to 16:9, puts every
layout on the plan's grid (`generator/plan/geometry.py`: the same outer margins, title box and
content box on every layout, footers on one line), sets the theme's colours, fonts and type scale,
left-aligns titles and adds a thin accent band at the top of the master; the Title Slide and
Section Header layouts get the theme's colour field across their top, their title standing on
its lower part in the field's text colour and the subtitle under it. A dark theme (its background darker than its text) also
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

from generator.theme.contrast import colors, relative_luminance  # noqa: E402
from generator.renderers.pptx.package import reproducible_bytes  # noqa: E402
from generator.plan.geometry import COLUMN_GAP, DEFAULT_GEOMETRY, MARGIN_X, SUB_BULLET  # noqa: E402
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


def level_style(shape, level: int = 1):
    """The `a:lvlNpPr` of a placeholder's own list style (made when missing)."""
    body = shape._element.find(".//p:txBody", NS)
    styles = body.find("a:lstStyle", NS)
    if styles is None:
        styles = etree.SubElement(body, f"{{{NS['a']}}}lstStyle")
        body.remove(styles)
        body.insert(1, styles)
    found = styles.find(f"a:lvl{level}pPr", NS)
    if found is None:
        found = etree.SubElement(styles, f"{{{NS['a']}}}lvl{level}pPr")
    return found


def text_style(shape, *, size: float | None = None, bold: bool | None = None, color: str | None = None,
               anchor: str | None = None) -> None:
    """A placeholder's first-level text: size, weight, an explicit colour, vertical anchor, left-aligned."""
    level = level_style(shape)
    level.set("algn", "l")
    props = level.find("a:defRPr", NS)
    if props is None:
        props = etree.SubElement(level, f"{{{NS['a']}}}defRPr")
    if size is not None:
        props.set("sz", str(int(size * 100)))
    if bold is not None:
        props.set("b", "1" if bold else "0")
    props.attrib.pop("cap", None)
    if color is not None:
        for old in props.findall("a:solidFill", NS):
            props.remove(old)
        fill = etree.fromstring(f'<a:solidFill xmlns:a="{NS["a"]}"><a:srgbClr val="{_hex(color)}"/></a:solidFill>')
        props.insert(0, fill)
    if anchor is not None:
        shape._element.find(".//a:bodyPr", NS).set("anchor", anchor)


def add_field(layout, theme) -> None:
    """The theme's colour field across the top of a layout, behind its placeholders."""
    tree = layout.element.find(".//p:spTree", NS)
    used = [int(e.get("id")) for e in tree.iter(f"{{{NS['p']}}}cNvPr")]
    f, cover = G.field, colors(theme)["cover"]
    field = etree.fromstring(
        f'<p:sp xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><p:nvSpPr><p:cNvPr id="{max(used) + 1}" name="Colour field"/>'
        f'<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{emu(f.x)}" y="{emu(f.y)}"/>'
        f'<a:ext cx="{emu(f.w)}" cy="{emu(f.h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{_hex(cover)}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>')
    tree.insert(2, field)


def emu(points: float) -> int:
    return round(points * 12700)


def footers(shapes) -> None:
    """Date, footer and slide number on the grid's footer line: the footer centred, the number at
    the right margin (the HTML deck's footer)."""
    foot = G.footer
    for shape in shapes:
        if not shape.is_placeholder:
            continue
        kind = shape.placeholder_format.type
        if kind == 16:      # date
            place(shape, type(foot)(foot.x, foot.y, 200, foot.h))
        elif kind == 15:    # footer
            place(shape, type(foot)(foot.x + 200, foot.y, foot.w - 400, foot.h))
        elif kind == 13:    # slide number
            place(shape, type(foot)(foot.x + foot.w - 200, foot.y, 200, foot.h))


def on_grid(shapes) -> None:
    """Placeholders the grid says nothing about, moved within the grid's outer margins."""
    old_left, old_right = 48 * 12700, (960 - 48) * 12700
    left, right = emu(MARGIN_X), emu(960 - MARGIN_X)
    for shape in shapes:
        if shape.is_placeholder and shape._element.spPr.find(qn("a:xfrm")) is not None:
            x0, x1 = shape.left, shape.left + shape.width
            x0 = round(left + (x0 - old_left) * (right - left) / (old_right - old_left))
            x1 = round(left + (x1 - old_left) * (right - left) / (old_right - old_left))
            shape.left, shape.width = Emu(max(left, x0)), Emu(min(right, x1) - max(left, x0))


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
    props.set("sz", str(int(theme.sizes.get("title", 44) * 100)))
    props.set("b", "1")
    fill = props.find("a:solidFill/a:schemeClr", NS)
    fill.set("val", "tx2")
    body = theme.sizes.get("body", 32)
    for level in master.element.findall(".//p:bodyStyle/*", NS):
        rpr = level.find("a:defRPr", NS)
        if rpr is not None and level.tag.endswith("lvl1pPr"):
            rpr.set("sz", str(int(body * 100)))
        elif rpr is not None and level.tag.endswith("lvl2pPr"):
            rpr.set("sz", str(int(round(body * SUB_BULLET * 2) / 2 * 100)))
    for shape in master.placeholders:
        kind = shape.placeholder_format.type
        if kind == 1:  # title: its lines from the top of the title box, as the plan sets them
            place(shape, G.title)
            shape._element.find(".//a:bodyPr", NS).set("anchor", "t")
        elif kind == 2:  # body
            place(shape, G.body)
    footers(master.placeholders)
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


def style_cover(prs, theme, name: str, title_size: float) -> None:
    """A Title Slide or Section Header layout: the colour field across its top, the title in the
    field's text colour standing on the bottom of the cover title's room, the subtitle under it
    in the field's muted colour, both on the grid's left edge."""
    layout = next(l for l in prs.slide_layouts if l.name == name)
    c = colors(theme)
    add_field(layout, theme)
    for shape in layout.placeholders:
        kind = shape.placeholder_format.type
        if kind in (1, 3):  # title, centred title
            place(shape, G.title_slide_title)
            text_style(shape, size=title_size, bold=True, color=c["cover-text"], anchor="b")
        elif kind in (2, 4):  # body, subtitle
            place(shape, G.title_slide_subtitle)
            text_style(shape, size=theme.sizes.get("subtitle", 28), color=c["cover-muted"], anchor="t")
            level = level_style(shape)
            level.set("marL", "0")
            level.set("indent", "0")


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
        on_grid(layout.placeholders)
        footers(layout.placeholders)
        for shape in layout.placeholders:
            if shape.placeholder_format.type in (1,) and layout.name in ("Title and Content", "Title Only", "Two Content",
                                                                           "Comparison", "Title and Vertical Text"):
                place(shape, G.title)
            if shape.placeholder_format.type in (2, 7) and layout.name in ("Title and Content",
                                                                          "Title and Vertical Text"):
                place(shape, G.body)
    two = next(l for l in prs.slide_layouts if l.name == "Two Content")
    bodies = sorted((s for s in two.placeholders if s.placeholder_format.type in (2, 7)), key=lambda s: s.left)
    half = (G.body.w - COLUMN_GAP) / 2
    for shape, x in zip(bodies, (G.body.x, G.body.x + half + COLUMN_GAP)):
        place(shape, type(G.body)(x, G.body.y, half, G.body.h))
    for shape in two.placeholders:
        if shape.placeholder_format.type == 1:
            place(shape, G.title)
    style_cover(prs, theme, "Title Slide", theme.sizes.get("title-slide", 60))
    style_cover(prs, theme, "Section Header", theme.sizes.get("section", 52))
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
