"""A handout plan written as one HTML document for WeasyPrint: the deck's own slide markup and
stylesheet, scaled onto the sheets of `templates/<theme>/handout/`."""

from __future__ import annotations

import datetime as _dt

from markupsafe import Markup

from generator.renderers.handout.paper import MARGINS
from generator.renderers.handout.plan import HandoutPlan
from generator.renderers.handout.templates import environment, read_asset
from generator.markdown import plain
from generator.renderers.html.parts import DeckParts
from generator.renderers.html.stylesheet import slide_stylesheet
from generator.contrast import colors
from generator.renderers.html.theme_css import font_stack
from generator.theme import Theme


def handout_html(plan: HandoutPlan, parts: DeckParts, theme: Theme, *, subtitle: str | None,
                 built: _dt.datetime) -> str:
    """The HTML text of one handout: metadata, the slides' CSS with the page's, then the layout's sheets."""
    env = environment(theme)
    running = plan.running
    page_css = env.get_template("page.css.j2").render(
        plan=plan, plan_direction=parts.plan.direction, margins=MARGINS, font=font_stack(theme.body, tuple(f.family for f in theme.script_faces(plan.lang))),
        colors=colors(theme), notes_size=float(theme.sizes.get("notes", 12)))
    words = frozenset(running.title + running.author + running.date + running.page_of)
    css = "\n".join([slide_stylesheet(theme, parts.plan, parts.characters() | words), page_css,
                     read_asset(theme, "handout.css")])
    if "</" in css:
        raise ValueError("the handout's stylesheet must not contain '</'")
    sections = {slide.number: section for slide, section in zip(parts.plan.slides, parts.sections)}
    stamp = built.replace(microsecond=0).isoformat() + "Z"
    return env.get_template("handout.html.j2").render(
        plan=plan, direction=parts.plan.direction, sections=sections, css=Markup(css), description=plain(subtitle or ""), created=stamp)
