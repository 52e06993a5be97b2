"""The theme as CSS custom properties, and the text/background pairs the deck's CSS draws with.

Every colour, font list and size the stylesheet uses comes from here, so `deck.css` holds no
theme value of its own. Values are checked before they are written: a colour must be sRGB hex,
a font name must not be able to close its CSS string.
"""

from __future__ import annotations


from generator.theme.contrast import colors, parse_hex
from generator.theme import GENERIC_FAMILIES, FontFace, Theme, css_font_list



def font_stack(face: FontFace, scripts: tuple[str, ...] = (), lead: str | None = None) -> str:
    """A CSS font-family list; names quoted and escaped, generic families bare; the script faces'
    families (`scripts`, CJK, Arabic…) before the generic family, so the browser draws what the
    face lacks with the face the plan measured it with; `lead` (a CJK deck's own face, which draws
    its Latin too) before them all."""
    generic = [name for name in face.fallbacks if name in GENERIC_FAMILIES]
    named = [name for name in ((lead,) if lead else ()) + (face.family, *face.fallbacks, *scripts)
             if name not in GENERIC_FAMILIES]
    return css_font_list([*named, *generic])


def _px(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + "px"


def custom_properties(theme: Theme, lang: str | None = None) -> str:
    """`:root { --color-…; --kind-…; --font-…; --size-… }` from the theme, one property a line;
    the font lists end with the script faces in the order `lang` tries them."""
    scripts = theme.script_families(lang)
    lines = [f"  --color-{name}: {value};" for name, value in colors(theme).items()]
    for kind, style in sorted(theme.kinds.items()):
        for part in ("fill", "stroke", "text"):
            value = getattr(style, part)
            parse_hex(value)
            lines.append(f"  --kind-{kind}-{part}: {value};")
    lead = theme.lead_family(lang)
    lines.append(f"  --font-body: {font_stack(theme.body, scripts, lead)};")
    lines.append(f"  --font-heading: {font_stack(theme.heading, scripts, lead)};")
    lines.append(f"  --font-code: {font_stack(theme.code, scripts)};")
    for name, value in sorted(theme.sizes.items()):
        lines.append(f"  --size-{name}: {_px(value)};")
    return ":root {\n" + "\n".join(lines) + "\n}\n"


def size_classes(sizes: set[float]) -> str:
    """`.fs-245 { font-size: 24.5px }` for every fitted size a slide uses (sizes are points = CSS px)."""
    return "".join(f".{size_class(size)} {{ font-size: {_px(size)}; }}\n" for size in sorted(sizes))


def size_class(size: float) -> str:
    return f"fs-{round(size * 10)}"


def box_class(rect) -> str:
    """The class that places an element at a plan's box: `box-560-1120-8480-3800` (tenths of a point)."""
    return "box-" + "-".join(str(round(v * 10)) for v in (rect.x, rect.y, rect.w, rect.h))


def gap_class(gap: float) -> str:
    return f"gap-{round(gap * 10)}"


def pad_class(pad: float) -> str:
    return f"pad-{round(pad * 10)}"


def box_classes(plan) -> str:
    """The places, bullet gaps and table paddings the plan's slides use, one rule each: where a
    title's lines, a list, a table or a picture stands on its slide (points are CSS px)."""
    rules = []
    for rect in sorted(plan.rects(), key=lambda r: (r.y, r.x, r.w, r.h)):
        rules.append(f".{box_class(rect)} {{ position: absolute; left: {_px(rect.x)}; top: {_px(rect.y)}; "
                     f"width: {_px(rect.w)}; height: {_px(rect.h)}; }}")
    for gap in sorted({slide.bullet_gap for slide in plan.slides if slide.bullet_gap}):
        rules.append(f".{gap_class(gap)} > li + li {{ margin-top: {_px(gap)}; }}")
    for pad in sorted({slide.table.pad_y for slide in plan.slides if slide.table is not None}):
        rules.append(f".{pad_class(pad)} th, .{pad_class(pad)} td {{ padding-top: {_px(pad)}; "
                     f"padding-bottom: {_px(pad)}; }}")
    return "".join(rule + "\n" for rule in rules)
