"""The jinja2 environments of the HTML renderers: a theme's templates over the default theme's.

Undefined names fail loudly (`StrictUndefined`); templates are re-read when they change on
disk, so `deckgen watch` picks up an edited template.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable

from generator.theme import TEMPLATES_DIR, Theme


def template_dirs(theme: Theme, part: str) -> tuple[Path, ...]:
    """Where a renderer's templates (`html`, `handout`) are looked up: the theme's own first, then
    those of the themes it extends, then the default theme's."""
    folders = (*(d / part for d in theme.directories), TEMPLATES_DIR / "default" / part)
    return tuple(dict.fromkeys(d for d in folders if d.is_dir()))


@lru_cache(maxsize=16)
def jinja_environment(dirs: tuple[Path, ...], filters: tuple[tuple[str, Callable], ...],
                      autoescape_all: bool = True):
    """An environment over `dirs`; HTML templates (`*.html.j2`) are always autoescaped."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    escape = True if autoescape_all else (lambda name: bool(name) and name.endswith(".html.j2"))
    env = Environment(loader=FileSystemLoader([str(d) for d in dirs]), autoescape=escape,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, auto_reload=True)
    env.filters.update(dict(filters))
    return env


def read_asset(dirs: tuple[Path, ...], name: str) -> str:
    """A static file (stylesheet, script) from the first template folder that has it."""
    for directory in dirs:
        path = directory / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{name} not found in {', '.join(str(d) for d in dirs)}")
