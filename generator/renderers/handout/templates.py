"""The jinja2 environment of the handouts: the theme's `handout/` templates over the default theme's.

HTML templates (`*.html.j2`) are autoescaped; the page stylesheet (`page.css.j2`) is not, and
writes its texts through the `css_string` filter. Undefined names fail loudly (`StrictUndefined`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.renderers.handout.words import css_string, page_counter_content
from generator.renderers.html.markdown import to_html
from generator.theme import TEMPLATES_DIR, Theme

DEFAULT_HANDOUT = TEMPLATES_DIR / "default" / "handout"


def template_dirs(theme: Theme) -> tuple[Path, ...]:
    """Where the handout's templates and stylesheet are looked up, the theme's own first."""
    own = theme.directory / "handout"
    return tuple(dict.fromkeys(d for d in (own, DEFAULT_HANDOUT) if d.is_dir()))


def px(value: float) -> str:
    """A length in CSS pixels, two decimals at most: `12.5px`."""
    return f"{value:.2f}".rstrip("0").rstrip(".") + "px"


def environment(theme: Theme):
    return _environment(template_dirs(theme))


@lru_cache(maxsize=8)
def _environment(dirs: tuple[Path, ...]):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader([str(d) for d in dirs]),
                      autoescape=lambda name: bool(name) and name.endswith(".html.j2"),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, auto_reload=True)
    env.filters["md"] = to_html
    env.filters["px"] = px
    env.filters["css_string"] = css_string
    env.filters["page_counter"] = page_counter_content
    return env


def read_asset(theme: Theme, name: str) -> str:
    """A static file of the handouts (the stylesheet), from the first template folder that has it."""
    for directory in template_dirs(theme):
        path = directory / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{name} not found in {', '.join(str(d) for d in template_dirs(theme))}")
