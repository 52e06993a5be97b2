"""`deckgen i18n update`: extract the talk's strings and merge them into each language's catalog."""

from __future__ import annotations

from pathlib import Path

from generator.content.talk import LoadedTalk, display_path
from generator.build.files import write_bytes_atomic
from generator.i18n.catalog import catalog_bytes, catalog_path, merge_catalog, read_catalog
from generator.i18n.messages import talk_data, talk_entries


def update_catalogs(loaded: LoadedTalk, languages: list[str]) -> list[tuple[str, str]]:
    """Merge every language's catalog with the current strings; returns (path, what happened)."""
    entries = list(talk_entries(talk_data(loaded.talk)))
    prepared: list[tuple[Path, bytes, str]] = []
    for lang in languages:
        path = catalog_path(loaded.directory, lang)
        old = read_catalog(path, display_path(path)) if path.is_file() else None
        data = catalog_bytes(merge_catalog(old, entries, lang, loaded.talk.id))
        before = path.read_bytes() if path.is_file() else None
        state = "created" if before is None else ("updated" if before != data else "unchanged")
        prepared.append((path, data, state))
    # Every catalog is merged before any is written: a malformed one leaves all as they were.
    results = []
    for path, data, state in prepared:
        if state != "unchanged":
            write_bytes_atomic(path, data)
        results.append((display_path(path), state))
    return results


def add_language_to_talk(loaded: LoadedTalk, lang: str) -> bool:
    """Add `lang` to a one-line `translations: [...]` in talk.yaml; False when it cannot be done safely."""
    import re

    file = loaded.directory / "talk.yaml"
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    pattern = re.compile(r"^translations:\s*\[([^\]#]*)\](\s*(#.*)?)$")
    for index, line in enumerate(lines):
        match = pattern.match(line.rstrip("\n"))
        if match:
            langs = [part.strip() for part in match.group(1).split(",") if part.strip()]
            if lang not in langs:
                langs.append(lang)
            lines[index] = f"translations: [{', '.join(langs)}]{match.group(2) or ''}\n"
            write_bytes_atomic(file, "".join(lines).encode("utf-8"))
            return True
    if not any(line.startswith("translations:") for line in lines):
        insert = next((i + 1 for i, line in enumerate(lines) if line.startswith("lang:")), None)
        if insert is not None:
            lines.insert(insert, f"translations: [{lang}]\n")
            write_bytes_atomic(file, "".join(lines).encode("utf-8"))
            return True
    return False
