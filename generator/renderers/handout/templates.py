"""The jinja2 environment of the handouts: the theme's `handout/` templates over the default theme's.

HTML templates (`*.html.j2`) are autoescaped; the page stylesheet (`page.css.j2`) is not, and
writes its texts through the `css_string` filter. Undefined names fail loudly (`StrictUndefined`).
"""

from __future__ import annotations

from pathlib import Path

from generator import templating
from generator.markdown import to_html
from generator.renderers.handout.words import css_string, page_counter_content
from generator.theme import Theme


def px(value: float) -> str:
    """A length in CSS pixels, two decimals at most: `12.5px`."""
    return f"{value:.2f}".rstrip("0").rstrip(".") + "px"


FILTERS = (("md", to_html), ("px", px), ("css_string", css_string), ("page_counter", page_counter_content))


def template_dirs(theme: Theme) -> tuple[Path, ...]:
    """Where the handout's templates and stylesheet are looked up, the theme's own first."""
    return templating.template_dirs(theme, "handout")


def environment(theme: Theme):
    return templating.jinja_environment(template_dirs(theme), FILTERS, autoescape_all=False)


def read_asset(theme: Theme, name: str) -> str:
    """A static file of the handouts (the stylesheet), from the first template folder that has it."""
    return templating.read_asset(template_dirs(theme), name)
