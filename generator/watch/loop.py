"""`deckgen watch`: serve the decks, rebuild them in this warm process whenever their sources
change, then write every asked format of the changed languages into the output folder.

Watched: the talk's folder (talk.yaml, locales/*.po, images), its theme folder and the deck's
templates. Changes are gathered for a few tens of milliseconds, then one rebuild runs: a catalog
alone rebuilds its own language, anything else every watched language. The open pages are
refreshed first; the outputs follow in a thread of their own, through the build (its cache, its
lock on the output folder for each write, its atomic publishing), one line per format.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from generator.errors import MissingToolError
from generator.renderers.html.deck import LIVE_EVENTS
from generator.watch.rebuild import LiveDeck, read_talk
from generator.watch.server import HOST, start_server

STEP_MS = 10        # quiet time that closes a batch of changes
DEBOUNCE_MS = 400   # longest time a batch of changes is gathered


def serve_and_watch(talk_dir: Path, *, lang: str | list[str] | None, port: int, echo: Callable[..., None],
                    ready: Callable[[str], None] | None = None, formats: list[str] | None = None,
                    out: Path | None = None) -> None:
    """Build, serve on 127.0.0.1:`port`, then rebuild on every change until interrupted; with
    `formats`, write them into `out` after each build of a language."""
    try:
        import watchfiles
    except ImportError:
        raise MissingToolError("watchfiles", ".venv/bin/pip install watchfiles") from None

    from generator.build.kept import keep_for_next_builds

    keep_for_next_builds()          # each save builds again: what an edit did not change is kept
    writing = bool(formats) and out is not None
    decks = {code: LiveDeck(talk_dir, code or None, events=f"/{code}{LIVE_EVENTS}" if code else None,
                            out=out if writing else None)
             for code in _languages(talk_dir, lang)}
    writer = Writer(talk_dir, formats, out, echo, decks) if writing else None
    built = _rebuild(decks, list(decks), echo)
    server = start_server(decks, port)
    url = f"http://{HOST}:{server.server_address[1]}/"
    echo(f"serving {talk_dir} at {url} (Ctrl+C to stop)")
    for code in list(decks)[1:]:
        echo(f"  {code}: {url}{code}/")
    if writer is not None:
        writer.ask(built)
    if ready:
        ready(url)
    try:
        while True:
            watched = _watched(decks)
            for changes in watchfiles.watch(*[p for p in watched if Path(p).exists()], step=STEP_MS,
                                            debounce=DEBOUNCE_MS, raise_interrupt=True):
                paths = sorted({Path(path) for _, path in changes})
                echo(f"changed: {', '.join(sorted({p.name for p in paths}))}")
                langs, catalogs = _affected(talk_dir, paths, decks)
                built = _rebuild(decks, langs, echo, reload=not catalogs)
                if writer is not None:
                    writer.ask(built)
                if _watched(decks) != watched:
                    break   # the talk now uses another theme: watch its folders instead
    except KeyboardInterrupt:
        echo("stopped")
    finally:
        server.shutdown()
        server.server_close()
        if writer is not None:
            writer.close()


def _languages(talk_dir: Path, lang: str | list[str] | None) -> list[str]:
    """The languages to watch, as asked; the talk's own when none is (empty when talk.yaml does
    not load yet: its own, once it does)."""
    if isinstance(lang, str):
        lang = [lang]
    if lang:
        return list(dict.fromkeys(lang))
    try:
        from generator.content.talk import load_talk

        return [load_talk(talk_dir).talk.lang]
    except Exception:  # noqa: BLE001 - shown by the first rebuild
        return [""]


def _watched(decks: dict[str, LiveDeck]) -> tuple:
    return tuple(dict.fromkeys(path for deck in decks.values() for path in deck.watched))


def _affected(talk_dir: Path, paths: list[Path], decks: dict[str, LiveDeck]) -> tuple[list[str], bool]:
    """The languages a batch of changed files asks to rebuild, and whether only catalogs changed:
    the languages whose catalog alone changed, or all of them."""
    locales = (talk_dir / "locales").resolve()
    langs = []
    for path in paths:
        resolved = path.resolve()
        if resolved.parent != locales or resolved.suffix != ".po":
            return list(decks), False
        code = resolved.stem.replace("_", "-")
        if code in decks:
            langs.append(code)
    return langs, True


def _rebuild(decks: dict[str, LiveDeck], langs: list[str], echo, reload: bool = True) -> list[str]:
    """Rebuild the decks of `langs` (without `reload`, from talk.yaml and the theme as last
    read); the languages that built."""
    read = None
    if reload and len(langs) > 1:      # talk.yaml read once for every deck (each reads it to show an error)
        try:
            read = read_talk(decks[langs[0]].talk_dir)
        except Exception:  # noqa: BLE001 - each deck reads it again and shows what is wrong
            read = None
    built = []
    for code in langs:
        ok, text = decks[code].rebuild(reload, read)
        echo(text, err=not ok)
        if ok:
            built.append(decks[code].state.lang)
    return built


class Writer:
    """The outputs of the watched languages, written after their decks refreshed: one build at a
    time in a thread of its own; languages asked for while one runs are built next, together."""

    def __init__(self, talk_dir: Path, formats: list[str], out: Path, echo, decks: dict[str, LiveDeck]):
        self.talk_dir, self.formats, self.out, self.echo, self.decks = talk_dir, formats, out, echo, decks
        self.pending: list[str] = []
        self.wake = threading.Condition()
        self.closing = False
        self.thread = threading.Thread(target=self._loop, name="deckgen-watch-outputs", daemon=True)
        self.thread.start()

    def ask(self, langs: list[str]) -> None:
        with self.wake:
            self.pending.extend(code for code in langs if code not in self.pending)
            self.wake.notify()

    def close(self) -> None:
        with self.wake:
            self.closing = True
            self.wake.notify()

    def _loop(self) -> None:
        while True:
            with self.wake:
                self.wake.wait_for(lambda: self.pending or self.closing)
                if self.closing:
                    return
                langs, self.pending = self.pending, []
            self.write(langs)

    def write(self, langs: list[str]) -> None:
        """Build `langs` into the output folder, through the cache, each from the talk and plan
        its preview has just made when it is still the last build; one line per output."""
        from generator.build.targets import build
        from generator.errors import ContentError

        prepared = {}
        for deck in self.decks.values():
            made = deck.prepared
            if made is not None and deck.state.lang in langs and deck.state.error is None:
                prepared[deck.state.lang] = made
        for group in [[code] for code in langs if code in prepared] + [[c for c in langs if c not in prepared]]:
            if not group:
                continue
            known = {self.talk_dir: prepared[group[0]]} if group[0] in prepared else None
            try:
                written = build([self.talk_dir], langs=group, formats=self.formats, out=self.out,
                                progress=self.echo, jobs=1, warn=lambda found, sources: None,
                                prepared=known).written
            except ContentError as exc:
                errors = sum(1 for d in exc.diagnostics if d.severity == "error")
                self.echo(f"outputs of {', '.join(group)} not written: {errors} error{'s' if errors != 1 else ''}",
                          err=True)
                continue
            except Exception as exc:  # noqa: BLE001 - the server lives on
                self.echo(f"outputs of {', '.join(group)} not written: {type(exc).__name__}: {exc}", err=True)
                continue
            self.echo(f"wrote {len(written)} file{'s' if len(written) != 1 else ''} of "
                      f"{', '.join(group)} in {self.out}/")
