"""The deck's one stylesheet: embedded fonts, the theme as custom properties, the slide geometry,
the fitted sizes, then the static rules of `slide.css` (how a slide is drawn) and `deck.css` (the
stage, overview, speaker view and print around it). The handouts take the same sheet without `deck.css`."""

from __future__ import annotations

import re

from generator.plan.table import FIRST_COLUMN
from generator.plan import geometry as g
from generator.theme.webfonts import LIVE_CHARACTERS, font_face_css, script_faces, theme_faces
from generator.plan.deck import DeckPlan
from generator.renderers.html.templates import read_asset
from generator.renderers.html.theme_css import box_classes, custom_properties, size_classes
from generator.theme import Theme


_COMMENT = re.compile(r"/\*.*?\*/\n?", re.S)


def _n(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def geometry_properties(geometry: g.Geometry = g.DEFAULT_GEOMETRY, line_height: float = g.LINE_HEIGHT) -> str:
    """`--title-x: 56px; …` for every place of the grid, and the text metrics the fitting assumed
    (`line_height`: the deck's line pitch, taller in Arabic)."""
    rects = {"band": g.BAND, "title": geometry.title, "body": geometry.body, "footer": geometry.footer,
             "field": geometry.field or g.Rect(0, 0, 0, 0), "statement": geometry.statement,
             "section-text": geometry.section_text}
    lines = [f"  --slide-w: {_n(geometry.slide_w)}px;", f"  --slide-h: {_n(geometry.slide_h)}px;",
             f"  --line-height: {_n(line_height)};", f"  --bullet-gap: {_n(g.BULLET_GAP)}em;",
             f"  --bullet-indent: {_n(g.BULLET_INDENT[0])}px;",
             f"  --sub-bullet-indent: {_n(g.BULLET_INDENT[1] - g.BULLET_INDENT[0])}px;",
             f"  --cell-pad-x: {_n(g.CELL_PAD_X)}px;", f"  --cell-pad-y: {_n(g.CELL_PAD_Y)}px;",
             f"  --first-column: {_n(FIRST_COLUMN * 100)}%;", f"  --code-pad: {_n(g.CODE_PAD)}px;",
             f"  --column-gap: {_n(g.COLUMN_GAP)}px;", f"  --qr-room: {_n(g.QR_SIZE + g.QR_GAP)}px;",
             f"  --qr-size: {_n(g.QR_SIZE)}px;"]
    for name, rect in rects.items():
        for part, value in (("x", rect.x), ("y", rect.y), ("w", rect.w), ("h", rect.h)):
            lines.append(f"  --{name}-{part}: {_n(value)}px;")
    return ":root {\n" + "\n".join(lines) + "\n}\n"


def slide_stylesheet(theme: Theme, plan: DeckPlan, characters: frozenset[str], live: bool = False) -> str:
    """The CSS that draws slides wherever they sit; fonts subset to `characters` (wide Latin when
    `live`)."""
    faces = theme_faces(theme, code=any(slide.code is not None for slide in plan.slides))
    others, drawn = script_faces(theme, plan.lang, characters)
    fallbacks = fallback_fonts(theme, plan)
    return "\n".join([
        font_face_css(faces, characters | LIVE_CHARACTERS if live else characters),
        font_face_css(others, drawn, base=False) if others else "",
        custom_properties(theme, plan.lang),
        geometry_properties(plan.geometry, plan.line_height),
        size_classes(plan.sizes()),
        _COMMENT.sub("", read_asset(theme, "slide.css")),
        *([fallbacks] if fallbacks else []),
        box_classes(plan),       # after the sheet: a box the plan gave wins over a kind's default place
    ])


def fallback_fonts(theme: Theme, plan: DeckPlan) -> str:
    """In a deck whose Latin is drawn by its own script face (Chinese, Japanese, Korean), the
    strings that fell back to the source language (`lang` set on them) in that language's font
    lists, as the plan measured them: "l’hôte" in the theme's Latin face, not with a full-width
    apostrophe. Code keeps its face."""
    from generator.renderers.html.theme_css import font_stack

    fallbacks = plan.fallbacks
    if fallbacks is None or not theme.lead_family(plan.lang):
        return ""
    source = fallbacks.source_lang
    scripts = theme.script_families(source)
    lead = theme.lead_family(source)
    tag = ":lang(" + "".join(c for c in source if c.isalnum() or c == "-") + ")"
    body, heading = font_stack(theme.body, scripts, lead), font_stack(theme.heading, scripts, lead)
    headings = ", ".join(f".{name}{tag}, .{name} {tag}" for name in ("slide-title", "statement"))
    return (f"{tag}:not(code, pre, .code, .code *) {{ --font-body: {body}; --font-heading: {heading}; "
            f"font-family: var(--font-body); }}\n{headings} {{ font-family: var(--font-heading); }}\n")


def stylesheet(theme: Theme, plan: DeckPlan, characters: frozenset[str], live: bool = False) -> str:
    """The whole CSS of the deck: the slides' rules, then the deck's own."""
    css = "\n".join([slide_stylesheet(theme, plan, characters, live), _COMMENT.sub("", read_asset(theme, "deck.css"))])
    if "</" in css:
        raise ValueError("the stylesheet must not contain '</'")
    return css
