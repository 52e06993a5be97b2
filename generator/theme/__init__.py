"""Themes: `templates/<theme>/theme.yaml` read into colours, fonts and sizes, font files found.

A theme may say `extends: <name>`: it then holds only what differs from that theme (colours,
layer kinds, a PPTX template of its own) and takes the rest from it: fonts, sizes and colours
it does not set, and its `fonts/`, `html/` and `handout/` folders and `template.pptx` when it has
none of its own.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator.errors import ContentError, Diagnostic

def _built_in_themes() -> Path:
    """The installed package `generator.templates` (the repository's `templates/` folder)."""
    from importlib.resources import files

    return Path(str(files("generator.templates")))


TEMPLATES_DIR = _built_in_themes()

# Where font files are looked for, after the theme's own `fonts/` folder.
FONT_DIRS = (
    "/usr/share/fonts/truetype/crosextra",
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    os.path.expanduser("~/.local/share/fonts"),
    os.path.expanduser("~/.fonts"),
)


@dataclass(frozen=True)
class KindStyle:
    """The colours of one layer kind."""

    fill: str
    stroke: str
    text: str


@dataclass(frozen=True)
class FontFace:
    """A font as the outputs name it, and the metric-compatible files that measure it."""

    family: str
    fallbacks: tuple[str, ...]
    regular: str
    bold: str
    italic: str | None = None

    def css_stack(self, scripts: tuple[str, ...] = ()) -> str:
        """The CSS font list: the family, its fallbacks, the script faces' families (`scripts`),
        then the generic family."""
        return css_font_list((self.family, *self.fallbacks, *scripts))


GENERIC_FAMILIES = frozenset({"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"})


def css_string(text: str) -> str:
    """A CSS string in single quotes holding `text` exactly (CSS Syntax 3, 4.3.5): a quote, a
    backslash, `<`, `>`, `&` and anything not printable written as a hex escape, so the string
    cannot close itself, a `<style>` element or an XML attribute it is written in."""
    out = []
    for char in text:
        if char.isalnum() or char in " _.-#()+,!$%*/:;=?@[]^`{|}~" and char.isprintable():
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return "'" + "".join(out) + "'"


def css_font_list(names) -> str:
    """A CSS font-family list: each name once, quoted and escaped (`css_string`), the generic
    families bare and last."""
    names = list(dict.fromkeys(names))
    named = [css_string(n) for n in names if n not in GENERIC_FAMILIES]
    return ", ".join(named + [n for n in names if n in GENERIC_FAMILIES])


@dataclass(frozen=True)
class ScriptFace:
    """A face for the scripts the body face lacks (CJK, Arabic, Hebrew…): the family the outputs
    name, its regular and bold files (`index`: the face's number in a .ttc collection), the
    languages it is the first choice for (none: every language), and the line pitch those
    languages' text blocks need in it, in ems (`line_height`: Arabic's marks stack above and
    below its letters; none: the geometry's)."""

    family: str
    regular: str
    bold: str
    index: int = 0
    langs: tuple[str, ...] = ()
    line_height: float | None = None


CODE_FACE = FontFace("Courier New", ("Liberation Mono", "monospace"), "LiberationMono-Regular.ttf",
                     "LiberationMono-Bold.ttf")


@dataclass(frozen=True)
class Theme:
    """Colours, fonts, sizes and layer-kind styles shared by every renderer."""

    name: str
    directory: Path
    body: FontFace
    heading: FontFace
    colors: dict[str, str] = field(default_factory=dict)
    code: FontFace = field(default_factory=lambda: CODE_FACE)
    sizes: dict[str, float] = field(default_factory=dict)
    kinds: dict[str, KindStyle] = field(default_factory=dict)
    parents: tuple[Path, ...] = ()     # the folders of the themes it extends, nearest first
    scripts: tuple[ScriptFace, ...] = ()   # tried in order for characters the body face lacks

    def script_fonts(self):
        """The script faces whose files are on this machine, as the plan measures them."""
        return _script_fonts(self.directory, self.parents, self.scripts)

    def script_families(self, lang: str | None = None) -> tuple[str, ...]:
        """The families of the script faces on this machine, in the order `lang` tries them (what
        font lists end with)."""
        from generator.plan.measure import ordered

        return tuple(font.family for font in ordered(self.script_fonts(), lang))

    def lead_family(self, lang: str | None) -> str | None:
        """The family of the script face that draws a Chinese, Japanese or Korean deck's Latin too
        (`plan.measure.lead_face`), None for other languages or without such a face."""
        from generator.plan.measure import lead_face, ordered

        face = lead_face(ordered(self.script_fonts(), lang), lang)
        return face.family if face is not None else None

    def font_list(self, face: "FontFace", lang: str | None) -> str:
        """The CSS font list text of `lang` is set in with `face`: the lead face of a CJK deck first
        (`lead_family`), then the face, its fallbacks, the script faces, the generic family."""
        lead = self.lead_family(lang)
        return css_font_list(((lead,) if lead else ()) + (face.family, *face.fallbacks, *self.script_families(lang)))

    @property
    def directories(self) -> tuple[Path, ...]:
        """The theme's folder, then those of the themes it extends."""
        return (self.directory, *self.parents)

    def font_path(self, file_name: str) -> Path:
        """The file of a font face, from the theme's folders or the system font folders."""
        return find_font_file(file_name, self.directory, self.parents)

    def file(self, name: str) -> Path:
        """A file of the theme (such as `template.pptx`), its own or that of a theme it extends."""
        for directory in self.directories:
            if (directory / name).is_file():
                return directory / name
        return self.directory / name


_FOUND: dict = {}


def _face_file(name: str, directory: Path, parents: tuple[Path, ...]) -> Path | None:
    """A font file of the theme, None when it is not on this machine (looked up once a process)."""
    key = (name, directory, parents)
    if key not in _FOUND:
        try:
            _FOUND[key] = find_font_file(name, directory, parents)
        except MissingFontError:
            _FOUND[key] = None
    return _FOUND[key]


@lru_cache(maxsize=16)
def _script_fonts(directory: Path, parents: tuple[Path, ...], faces: tuple[ScriptFace, ...]):
    from generator.plan.measure import ScriptFont
    from generator.plan.shaping import font_ref

    fonts = []
    for face in faces:
        regular, bold = _face_file(face.regular, directory, parents), _face_file(face.bold, directory, parents)
        if regular is not None:
            fonts.append(ScriptFont(font_ref(str(regular), face.index), font_ref(str(bold or regular), face.index),
                                    face.langs, face.family, face.line_height))
    return tuple(fonts)


class MissingFontError(Exception):
    """A theme font file cannot be found on this machine."""

    def __init__(self, file_name: str, theme_dir: Path | None = None):
        self.file_name = file_name
        self.theme_dir = theme_dir
        super().__init__(f"font file '{file_name}' not found")


def font_dirs() -> tuple[str, ...]:
    """The system font folders searched after the theme's own; `DECKGEN_FONT_PATH` (folders
    separated by the system's path separator, possibly none) replaces them."""
    if "DECKGEN_FONT_PATH" in os.environ:
        return tuple(d for d in os.environ["DECKGEN_FONT_PATH"].split(os.pathsep) if d)
    return FONT_DIRS


# Font files this process found in the system folders, by name and folders: a search walks every
# subfolder, and the cache keys of one build name each font file many times.
_IN_SYSTEM: dict[tuple, Path] = {}


def find_font_file(file_name: str, theme_dir: Path | None = None, parents: tuple[Path, ...] = ()) -> Path:
    """The path of a font file, searched in the theme's `fonts/` (then those of the themes it
    extends) then the system font folders."""
    candidates = [d / "fonts" for d in (theme_dir, *parents) if d is not None]
    own = len(candidates)
    candidates.extend(Path(d) for d in font_dirs())
    for directory in candidates[:own]:              # the theme's own folders: a few lookups, always made
        if (directory / file_name).is_file():
            return directory / file_name
    key = (file_name, tuple(candidates[own:]))
    known = _IN_SYSTEM.get(key)
    if known is not None and known.is_file():       # found once in the system folders: checked, not searched
        return known
    for directory in candidates[own:]:
        direct = directory / file_name
        if direct.is_file():
            _IN_SYSTEM[key] = direct
            return direct
    for directory in candidates[own:]:
        if directory.is_dir():
            for found in sorted(directory.rglob(file_name)):
                _IN_SYSTEM[key] = found
                return found
    raise MissingFontError(file_name, theme_dir)


def theme_dirs(talk_dir: Path | None = None) -> list[Path]:
    """The folders a theme name is looked up in: the talk's project, then the built-in themes."""
    dirs = []
    if talk_dir is not None:
        project_templates = talk_dir.resolve().parent.parent / "templates"
        if project_templates.is_dir():
            dirs.append(project_templates)
    if TEMPLATES_DIR not in dirs:
        dirs.append(TEMPLATES_DIR)
    return dirs


def available_themes(talk_dir: Path | None = None) -> list[str]:
    names = set()
    for base in theme_dirs(talk_dir):
        names.update(p.parent.name for p in base.glob("*/theme.yaml"))
    return sorted(names)


def _script_face(data: dict) -> ScriptFace:
    return ScriptFace(family=str(data["family"]), regular=str(data["regular"]),
                      bold=str(data.get("bold", data["regular"])), index=int(data.get("index", 0)),
                      langs=tuple(str(lang) for lang in data.get("langs", ())),
                      line_height=float(data["line_height"]) if data.get("line_height") is not None else None)


def _face(data: dict) -> FontFace:
    return FontFace(
        family=str(data["family"]),
        fallbacks=tuple(str(f) for f in data.get("fallbacks", ())),
        regular=str(data["regular"]),
        bold=str(data.get("bold", data["regular"])),
        italic=str(data["italic"]) if data.get("italic") else None,
    )


MAX_EXTENDS = 8      # themes extending themes, at most this deep


def _theme_data(path: Path) -> tuple[dict, tuple[Path, ...]]:
    """The data of a theme file merged over the themes it extends, and their folders (nearest first)."""
    from generator.content.loader import load_file

    chain: list[tuple[Path, dict]] = []
    while True:
        doc = load_file(str(path))
        data = doc.data
        if not isinstance(data, dict):
            raise _malformed(path, "a theme file is a mapping of fonts, colors, sizes and kinds")
        _check_font_names(doc, path)
        chain.append((path, data))
        parent = data.get("extends")
        if parent is None:
            break
        found = _parent_theme_file(path, parent)
        if found is None:
            raise _malformed(path, f"it extends theme {parent!r}, which is not found")
        if found in (p for p, _ in chain) or len(chain) > MAX_EXTENDS:
            raise _malformed(path, f"its `extends:` chain loops or runs deeper than {MAX_EXTENDS} themes")
        path = found
    merged: dict = {}
    for _, data in reversed(chain):
        for key, value in data.items():
            if isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
    merged["name"] = chain[0][1].get("name", chain[0][0].parent.name)
    return merged, tuple(p.parent for p, _ in chain[1:])


def _parent_theme_file(path: Path, name) -> Path | None:
    """The theme file `extends: name` names: a sibling of the theme's folder, else a built-in theme
    (so a project's own `default` may extend the built-in one)."""
    if not isinstance(name, str) or not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    for base in (path.parent.parent, TEMPLATES_DIR):
        candidate = base / name / "theme.yaml"
        if candidate.is_file() and candidate.resolve() != path.resolve():
            return candidate.resolve()
    return None


def _unwritable(name: str) -> str | None:
    """What in a font family name no output can carry (control, surrogate and non-characters),
    None when every format can write it: PPTX, CSS and PDF names escape everything else."""
    import unicodedata

    for char in name:
        code = ord(char)
        if unicodedata.category(char) in ("Cc", "Cs") or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
            return f"U+{code:04X}"
    return None


def _number(value) -> float:
    """A theme's number (its file's scalars are read as text); NaN when it is none."""
    try:
        return float(str(value))
    except ValueError:
        return math.nan


def _check_font_names(doc, path: Path) -> None:
    """Every font family a theme file names can be written into every format; a ContentError at
    the name otherwise."""
    from generator.errors import SourceText

    fonts = doc.data.get("fonts")
    if not isinstance(fonts, dict):
        return
    named: list[tuple[tuple, object]] = []
    for role, face in fonts.items():
        if role == "scripts" and isinstance(face, list):
            named += [(("fonts", "scripts", i, "family"), f.get("family")) for i, f in enumerate(face)
                      if isinstance(f, dict)]
        elif isinstance(face, dict):
            named.append((("fonts", role, "family"), face.get("family")))
            for i, name in enumerate(face.get("fallbacks") or () if isinstance(face.get("fallbacks"), list) else ()):
                named.append((("fonts", role, "fallbacks", i), name))
    problems = []
    for key, name in named:
        bad = _unwritable(name) if isinstance(name, str) else None
        if bad:
            problems.append(Diagnostic(str(path), f"font family {name!r} holds {bad}, which no output can write",
                                       "theme.font-name", doc.where(key),
                                       "remove the control character from the name"))
    for index, face in enumerate(fonts.get("scripts") or () if isinstance(fonts.get("scripts"), list) else ()):
        pitch = face.get("line_height") if isinstance(face, dict) else None
        if pitch is not None and not 1.0 <= _number(pitch) <= 3.0:
            problems.append(Diagnostic(str(path), f"line_height {pitch!r} is not a line pitch in ems",
                                       "theme.line-height", doc.where(("fonts", "scripts", index, "line_height")),
                                       "give a number from 1 to 3, such as 1.6"))
    if problems:
        raise ContentError(problems, {str(path): doc.source} if doc.source else None)


def _malformed(path: Path, message: str) -> ContentError:
    return ContentError([Diagnostic(str(path), f"theme file is malformed: {message}", "theme.invalid", None,
                                    "compare it with templates/default/theme.yaml")])


# The theme last read from each file: read again (`watch` does on every save of talk.yaml), an
# unchanged theme is that same object, so that what is kept for a theme (its measures, the slides
# drawn with it) is still found.
_LAST_READ: dict[Path, Theme] = {}


@lru_cache(maxsize=16)
def _load_theme_file(path: Path) -> Theme:
    theme = _read_theme_file(path)
    if _LAST_READ.get(path) == theme:
        return _LAST_READ[path]
    _LAST_READ[path] = theme
    return theme


def _read_theme_file(path: Path) -> Theme:
    data, parents = _theme_data(path)
    try:
        fonts = data["fonts"]
        return Theme(
            name=str(data["name"]),
            directory=path.parent,
            parents=parents,
            body=_face(fonts["body"]),
            heading=_face(fonts.get("heading", fonts["body"])),
            code=_face(fonts["code"]) if "code" in fonts else CODE_FACE,
            scripts=tuple(_script_face(face) for face in fonts.get("scripts", ())),
            colors={str(k): str(v) for k, v in data.get("colors", {}).items()},
            sizes={str(k): float(v) for k, v in data.get("sizes", {}).items()},
            kinds={str(k): KindStyle(str(v["fill"]), str(v["stroke"]), str(v["text"]))
                   for k, v in data.get("kinds", {}).items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _malformed(path, repr(exc)) from None


def load_theme(name: str, talk_dir: Path | None = None) -> Theme:
    """The theme called `name`; raises ContentError when no such theme exists."""
    for base in theme_dirs(talk_dir):
        path = base / name / "theme.yaml"
        if path.is_file():
            return _load_theme_file(path.resolve())
    raise ContentError([Diagnostic(
        "theme", f"theme '{name}' not found", "theme.unknown", None,
        f"available themes: {', '.join(available_themes(talk_dir)) or 'none'}",
    )])
