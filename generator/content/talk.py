"""A talk folder read and checked: `talk.yaml` to a frozen Talk, or every problem found in it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.loader import Document, load_file
from generator.content.paths import did_you_mean, kind_of
from generator.content.references import reference_diagnostics
from generator.content.schema_errors import schema_diagnostics
from generator.errors import ContentError, Diagnostic, Position, SourceText
from generator.model.talk import Talk

TALK_FILE = "talk.yaml"


@dataclass
class LoadedTalk:
    """A valid talk, where it came from, and the warnings found while checking it."""

    talk: Talk
    directory: Path
    path: str
    document: Document
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def sources(self) -> dict[str, SourceText]:
        return {self.path: self.document.source} if self.document.source else {}


def display_path(path: Path) -> str:
    """A path as the user typed it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def talk_file(talk_dir: Path) -> Path:
    """The talk.yaml of a talk folder (a path to the file itself is accepted too)."""
    return talk_dir if talk_dir.suffix in (".yaml", ".yml") else talk_dir / TALK_FILE


def _icon_names() -> set[str] | None:
    try:
        from generator.theme.icons import ICON_NAMES
    except ImportError:
        return None
    return set(ICON_NAMES)


def _theme_kinds(doc: Document, path: str, name: str, talk_dir: Path) -> tuple[set[str] | None, list[Diagnostic]]:
    from generator.theme import available_themes, load_theme

    if not isinstance(doc.data.get("theme", "default"), str):
        return None, []  # the schema reports it
    try:
        return set(load_theme(name, talk_dir).kinds), []
    except ContentError as exc:
        if exc.diagnostics and exc.diagnostics[0].code == "theme.unknown":
            return None, [Diagnostic(path, f"theme '{name}' not found", "ref.theme",
                                     doc.where(("theme",)),
                                     did_you_mean(name, available_themes(talk_dir), listing="themes"))]
        return None, list(exc.diagnostics)


def check_document(doc: Document, path: str, talk_dir: Path) -> tuple[Talk | None, list[Diagnostic]]:
    """The Talk of a loaded document, or None, with every diagnostic (errors and warnings)."""
    from pydantic import ValidationError

    data = doc.data
    if data is None:
        return None, [Diagnostic(path, "the file is empty", "schema.empty", Position(1, 1),
                                 "start from a working skeleton: deckgen new <talk-id>")]
    if not isinstance(data, dict):
        return None, [Diagnostic(path, f"the top of {TALK_FILE} must be a mapping of keys to values, got "
                                 f"{kind_of(data)}", "schema.type", doc.where(()),
                                 "start with 'id:', 'title:', 'lang:' and 'slides:' at the left margin")]
    diagnostics: list[Diagnostic] = []
    from generator.content.controls import strings_with_controls, what_is

    for at, escape in strings_with_controls(data):
        diagnostics.append(Diagnostic(path, f"this text holds {what_is(escape)}, which no slide "
                                      "can show", "yaml.control", doc.where(at),
                                      "remove it (a YAML escape such as \\a or \\u0000 writes one)"))
    from generator.content.bullets import normalize_bullets

    diagnostics.extend(normalize_bullets(data, doc, path))
    theme = data.get("theme", "default")
    kinds, theme_problems = _theme_kinds(doc, path, theme if isinstance(theme, str) else "default", talk_dir)
    diagnostics.extend(theme_problems)
    talk = None
    try:
        talk = Talk.model_validate(data)
    except ValidationError as exc:
        diagnostics.extend(schema_diagnostics(exc, doc, path))
    diagnostics.extend(reference_diagnostics(doc, path, kinds=kinds, icons=_icon_names(), talk_dir=talk_dir))
    ident = data.get("id")
    if isinstance(ident, str) and talk_dir.name != ident and talk_dir.name:
        diagnostics.append(Diagnostic(path, f"the talk's id '{ident}' differs from its folder '{talk_dir.name}'",
                                      "ref.folder", doc.where(("id",)),
                                      "outputs are named after the id; rename the folder or the id",
                                      severity="warning"))
    if any(d.severity == "error" for d in diagnostics):
        talk = None
    return talk, diagnostics


def load_talk(talk_dir: Path | str) -> LoadedTalk:
    """Read and check a talk folder; raises ContentError with every error (and warning) found."""
    talk_dir = Path(talk_dir)
    file = talk_file(talk_dir)
    folder = file.parent
    shown = display_path(file)
    if not file.is_file():
        hint = "create one with: deckgen new <talk-id>"
        if folder.is_dir() and (folder / "talk.yml").is_file():
            hint = "rename talk.yml to talk.yaml"
        raise ContentError([Diagnostic(shown, f"no {TALK_FILE} found", "io.missing", None, hint)])
    doc = load_file(str(file), shown)
    talk, diagnostics = check_document(doc, shown, folder.resolve())
    sources = {shown: doc.source} if doc.source else {}
    if talk is None:
        raise ContentError(diagnostics, sources)
    warnings = [d for d in diagnostics if d.severity != "error"]
    return LoadedTalk(talk, folder, shown, doc, warnings)
