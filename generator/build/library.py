"""The talk library: every talk of an output folder, its languages and formats, on one index page.

The page is made from the talks' own files and what the output folder holds, nothing else: a
build of several talks writes it, and `deckgen index` writes the same bytes from the outputs of
builds split into shards (`--shard K/N`), once they are all in one folder. Links are relative
(the page works from a file system and from a static host) unless a base URL is given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.content.talk import LoadedTalk

INDEX = "index.html"


@dataclass(frozen=True)
class Output:
    """One file of a language: what it is (`pptx`, `html`, `pdf`, `handout-notes`…, `diagrams`),
    its address from the page, and its size in bytes (all of a folder's files for `diagrams`)."""

    kind: str
    href: str
    size: int


@dataclass(frozen=True)
class Language:
    lang: str
    outputs: tuple[Output, ...]


@dataclass(frozen=True)
class Entry:
    """One talk of the library: its words in its own language, its first slide, its languages."""

    loaded: LoadedTalk
    cover: object               # the plan of its first slide, in its own language
    theme: object
    languages: tuple[Language, ...]


class MissingOutputs(Exception):
    """Talks and languages of the library whose outputs are not in the output folder."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(", ".join(missing))


def shard_units(loaded: list[LoadedTalk], shard: tuple[int, int]) -> dict[Path, list[str]]:
    """The share of talk × language units shard K of N builds: every unit sorted by talk id and
    language, the K-th of every N; by talk folder, in the talks' order."""
    number, count = shard
    units = sorted((talk.talk.id, lang, talk.directory) for talk in loaded for lang in talk.talk.languages)
    chosen: dict[Path, list[str]] = {}
    for index, (_, lang, folder) in enumerate(units):
        if index % count == number - 1:
            chosen.setdefault(folder, []).append(lang)
    return {talk.directory: chosen[talk.directory] for talk in loaded if talk.directory in chosen}


def gather(out: Path, talks: list[LoadedTalk], *, complete: bool) -> list[Entry]:
    """Each talk with the outputs of its languages found under `out`; with `complete`, a talk
    language whose folder holds no output is a `MissingOutputs` (all of them named)."""
    from generator.i18n.dates import byline
    from generator.i18n.localize import localize
    from generator.plan.deck import plan_cover
    from generator.theme import load_theme

    entries, missing = [], []
    for loaded in sorted(talks, key=lambda t: t.talk.id):
        talk = loaded.talk
        languages = []
        for lang in talk.languages:
            outputs = _outputs(out, talk.id, lang)
            if outputs:
                languages.append(Language(lang, outputs))
            else:
                missing.append(f"{talk.id}/{lang}")
        theme = load_theme(talk.theme, loaded.directory.resolve())
        source = localize(loaded, talk.lang).talk
        cover = plan_cover(source, theme, lang=talk.lang, byline=byline(source, talk.lang))
        entries.append(Entry(loaded, cover, theme, tuple(languages)))
    if complete and missing:
        raise MissingOutputs(missing)
    return entries


def _outputs(out: Path, talk_id: str, lang: str) -> tuple[Output, ...]:
    """The files of one language folder the library links to, in a fixed order."""
    folder = out / talk_id / lang
    if not folder.is_dir():
        return ()
    base = f"{talk_id}-{lang}"
    found = []
    for kind, name in (("html", f"{base}.html"), ("pptx", f"{base}.pptx"), ("pdf", f"{base}.pdf"),
                       *((f"handout-{layout}", f"{base}-handout-{layout}.pdf") for layout in ("notes", "lines", "grid"))):
        path = folder / name
        if path.is_file():
            found.append(Output(kind, f"{talk_id}/{lang}/{name}", path.stat().st_size))
    diagrams = folder / "diagrams"
    if diagrams.is_dir():
        files = sorted(p for p in diagrams.iterdir() if p.is_file() and not p.name.startswith("."))
        if files:
            found.append(Output("diagrams", f"{talk_id}/{lang}/diagrams/", sum(p.stat().st_size for p in files)))
    return tuple(found)


def write_index(out: Path, talks: list[LoadedTalk], *, base_url: str | None = None,
                complete: bool = False) -> Path:
    """The library page of `talks` written to `out/index.html` in one step (a temporary file
    renamed into place)."""
    from generator.renderers.html.library import render_library

    data = render_library(gather(out, talks, complete=complete), base_url)
    out.mkdir(parents=True, exist_ok=True)
    target = out / INDEX
    temporary = out / f".{INDEX}.new-{os.getpid()}"
    temporary.write_bytes(data)
    os.replace(temporary, target)
    return target
