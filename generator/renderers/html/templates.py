"""The jinja2 environment of the HTML deck: the theme's `html/` templates over the default theme's.

Autoescaping is on for every template and undefined names fail loudly (`StrictUndefined`).
Templates are re-read when they change on disk, so `deckgen watch` picks up an edited template.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup

from generator.theme import templating
from generator.plan.fit import sub_size
from generator.renderers.html.theme_css import box_class, gap_class, pad_class, size_class
from generator.theme import TEMPLATES_DIR, Theme

DEFAULT_HTML = TEMPLATES_DIR / "default" / "html"
def marked_steps(steps, line: int) -> str:
    """The build steps (1-based, space-separated) at which a code line is highlighted."""
    return " ".join(str(index) for index, lines in enumerate(steps, start=1) if line in lines)


def qr_svg(code, name: str = "QR code: {url}") -> Markup:
    """A QR code as an SVG of dark squares on white, its quiet zone included, named by its URL
    (`name`: the deck's words for it, `{url}` standing for the address)."""
    from markupsafe import escape

    from generator.i18n.tool_words import fill
    from generator.plan.qr import QUIET

    side = code.size + 2 * QUIET
    squares = "".join(f"M{x + QUIET} {y + QUIET}h1v1h-1z" for y, row in enumerate(code.modules)
                      for x, dark in enumerate(row) if dark)
    label = escape(fill(name, {"url": code.url}))
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" role="img" '
                  f'aria-label="{label}" shape-rendering="crispEdges"><rect width="{side}" height="{side}" '
                  f'fill="#FFFFFF"/><path d="{squares}" fill="#000000"/></svg>')


@pass_context
def broken(context, text: str, lines=()) -> Markup:
    """Inline Markdown with `<br>` where the plan broke its lines, set the way it runs in the deck
    (the `bidi` of the template's context: see `html/bidi.py`)."""
    from generator.renderers.html.bidi import bidi_html

    return bidi_html(text, tuple(lines or ()), context.get("bidi"))


@pass_context
def md(context, text: str) -> Markup:
    """One line of inline Markdown as HTML, set the way it runs in the deck."""
    return broken(context, text)


FILTERS = (("md", md), ("broken", broken), ("fs", size_class), ("box", box_class), ("gap", gap_class),
           ("pad", pad_class), ("sub_size", sub_size), ("marked_steps", marked_steps), ("qr_svg", qr_svg))


def template_dirs(theme: Theme) -> tuple[Path, ...]:
    """Where the deck's templates and assets are looked up, the theme's own first."""
    return templating.template_dirs(theme, "html")


def environment(theme: Theme | None = None):
    """The deck's environment; without a theme, the default templates only."""
    dirs = template_dirs(theme) if theme is not None else (DEFAULT_HTML,)
    return templating.jinja_environment(dirs, FILTERS)


def read_asset(theme: Theme, name: str) -> str:
    """A static file of the deck (stylesheet, script), from the first template folder that has it."""
    return templating.read_asset(template_dirs(theme), name)
