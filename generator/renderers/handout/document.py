"""A handout plan written as one HTML document for WeasyPrint: the sheets and notes pages of
`templates/<theme>/handout/`, with an empty frame where each slide goes (`compose.py` draws the
printed slide into it)."""

from __future__ import annotations

import datetime as _dt

from markupsafe import Markup

from generator.renderers.handout.paper import MARGINS
from generator.renderers.handout.plan import HandoutPlan
from generator.renderers.handout.templates import environment, read_asset
from generator.markdown import plain
from generator.contrast import colors
from generator.plan.deck import DeckPlan
from generator.renderers.html.theme_css import custom_properties, font_stack
from generator.theme import Theme
from generator.webfonts import font_face_css, script_faces, theme_faces


def handout_html(plan: HandoutPlan, deck: DeckPlan, theme: Theme, *, subtitle: str | None,
                 built: _dt.datetime, fonts: dict[str, bytes]) -> str:
    """The HTML text of one handout: metadata, its stylesheet (its own fonts, subset to its own
    words, put in `fonts` for the printer), then the layout's pages with an empty frame `slide-N`
    where each slide goes."""
    env = environment(theme)
    running = plan.running
    scripts = theme.script_families(plan.lang)
    page_css = env.get_template("page.css.j2").render(
        plan=plan, plan_direction=deck.direction, margins=MARGINS, font=font_stack(theme.body, scripts),
        colors=colors(theme), notes_size=float(theme.sizes.get("notes", 12)))
    notes = {slide.number: slide.notes for slide in deck.slides}
    words = [running.title, running.author, running.date, running.page_of, plan.links_title, plan.slide_word,
             *(plain(text) for number in plan.numbers() for text in notes.get(number, ())),
             *(f"{link.label} {link.shown} {link.number}" for link in plan.links)]
    characters = frozenset("".join(words))
    faces = theme_faces(theme, code=True)
    others, drawn = script_faces(theme, plan.lang, characters)
    css = "\n".join([font_face_css(faces, characters, store=fonts),
                     font_face_css(others, drawn, base=False, store=fonts) if others else "",
                     custom_properties(theme, plan.lang), page_css, read_asset(theme, "handout.css")])
    if "</" in css:
        raise ValueError("the handout's stylesheet must not contain '</'")
    stamp = built.replace(microsecond=0).isoformat() + "Z"
    return env.get_template("handout.html.j2").render(
        plan=plan, direction=deck.direction, notes=notes, css=Markup(css), description=plain(subtitle or ""),
        created=stamp)
