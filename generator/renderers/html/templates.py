"""The jinja2 environment of the HTML deck: the theme's `html/` templates over the default theme's.

Autoescaping is on for every template and undefined names fail loudly (`StrictUndefined`).
Templates are re-read when they change on disk, so `deckgen watch` picks up an edited template.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.renderers.html.fit import sub_size
from generator.renderers.html.markdown import to_html
from generator.renderers.html.theme_css import size_class
from generator.theme import TEMPLATES_DIR, Theme

DEFAULT_HTML = TEMPLATES_DIR / "default" / "html"


def template_dirs(theme: Theme) -> tuple[Path, ...]:
    """Where the deck's templates and assets are looked up, the theme's own first."""
    own = theme.directory / "html"
    return tuple(dict.fromkeys(d for d in (own, DEFAULT_HTML) if d.is_dir()))


def environment(theme: Theme):
    return _environment(template_dirs(theme))


@lru_cache(maxsize=8)
def _environment(dirs: tuple[Path, ...]):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader([str(d) for d in dirs]), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, auto_reload=True)
    env.filters["md"] = to_html
    env.filters["fs"] = size_class
    env.filters["sub_size"] = sub_size
    return env


def read_asset(theme: Theme, name: str) -> str:
    """A static file of the deck (stylesheet, script), from the first template folder that has it."""
    for directory in template_dirs(theme):
        path = directory / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{name} not found in {', '.join(str(d) for d in template_dirs(theme))}")
