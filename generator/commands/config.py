"""Project defaults for the command line, read from `deckgen.toml` or from `[tool.deckgen]` in
`pyproject.toml` in the current folder. An option given on the command line always wins.

```toml
# deckgen.toml
out = "public/slides"
formats = ["pptx", "html"]
languages = ["fr", "en"]
paper = "letter"
per-page = 4
handouts = ["notes", "grid"]
print-theme = "deck"   # handouts in the deck's own colours (default: light)
strict = true
no-cache = false   # true: never read or write the build cache
jobs = 2           # worker processes
```
"""

from __future__ import annotations

from pathlib import Path

import click

# key in the file -> (the commands it applies to, the option's parameter name, its kind)
KEYS: dict[str, tuple[tuple[str, ...], str, type]] = {
    "out": (("build", "watch"), "out", str),
    "formats": (("build", "watch"), "formats", list),
    "languages": (("build", "check", "watch"), "langs", list),
    "paper": (("build",), "paper", str),
    "per-page": (("build",), "per_page", int),
    "handouts": (("build",), "handouts", list),
    "print-theme": (("build",), "print_theme", str),
    "template": (("build",), "template", str),
    "strict": (("build", "check"), "strict", bool),
    "no-cache": (("build",), "no_cache", bool),
    "jobs": (("build",), "jobs", int),
}


def config_file(folder: Path) -> tuple[Path, dict] | None:
    """The project's settings and where they came from, or None when the folder has none."""
    import tomllib

    own = folder / "deckgen.toml"
    if own.is_file():
        return own, _read(own, tomllib)
    project = folder / "pyproject.toml"
    if project.is_file():
        data = _read(project, tomllib)
        section = data.get("tool", {}).get("deckgen")
        if section is not None:
            return project, section
    return None


def _read(path: Path, tomllib) -> dict:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"{path}: not valid TOML: {exc}") from None


def default_map(folder: Path) -> dict[str, dict]:
    """click's default_map for the commands, from the project's settings."""
    found = config_file(folder)
    if found is None:
        return {}
    path, settings = found
    defaults: dict[str, dict] = {}
    for key, value in settings.items():
        if key not in KEYS:
            from generator.content.paths import did_you_mean

            hint = did_you_mean(key, list(KEYS), listing="settings")
            raise click.UsageError(f"{path}: unknown setting '{key}'" + (f"\n  hint: {hint}" if hint else ""))
        commands, name, kind = KEYS[key]
        if kind is list:
            if isinstance(value, str):
                value = [value]
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise click.UsageError(f"{path}: '{key}' must be a list of names, such as [\"pptx\", \"html\"]")
            value = ",".join(value)
        elif kind is bool and not isinstance(value, bool):
            raise click.UsageError(f"{path}: '{key}' must be true or false")
        elif kind is int:
            if not isinstance(value, int) or isinstance(value, bool):
                raise click.UsageError(f"{path}: '{key}' must be a number")
            value = str(value)
        elif kind is str and not isinstance(value, str):
            raise click.UsageError(f"{path}: '{key}' must be text")
        for command in commands:
            defaults.setdefault(command, {})[name] = value
    return defaults
