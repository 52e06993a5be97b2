"""`deckgen watch`: serve the deck, rebuild it in this warm process whenever its sources change.

Watched: the talk's folder (talk.yaml, locales/*.po, images), its theme folder and the deck's
templates. Changes are gathered for a few tens of milliseconds, then one rebuild runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from generator.errors import MissingToolError
from generator.watch.rebuild import LiveDeck
from generator.watch.server import HOST, start_server

STEP_MS = 30        # quiet time that closes a batch of changes
DEBOUNCE_MS = 400   # longest time a batch of changes is gathered


def serve_and_watch(talk_dir: Path, *, lang: str | None, port: int, echo: Callable[..., None],
                    ready: Callable[[str], None] | None = None) -> None:
    """Build, serve on 127.0.0.1:`port`, then rebuild on every change until interrupted."""
    try:
        import watchfiles
    except ImportError:
        raise MissingToolError("watchfiles", ".venv/bin/pip install watchfiles") from None

    deck = LiveDeck(talk_dir, lang)
    ok, text = deck.rebuild()
    echo(text, err=not ok)
    server = start_server(deck, port)
    url = f"http://{HOST}:{server.server_address[1]}/"
    echo(f"serving {talk_dir} at {url} (Ctrl+C to stop)")
    if ready:
        ready(url)
    try:
        while True:
            watched = deck.watched
            for changes in watchfiles.watch(*[p for p in watched if Path(p).exists()], step=STEP_MS,
                                            debounce=DEBOUNCE_MS, raise_interrupt=True):
                names = sorted({Path(path).name for _, path in changes})
                echo(f"changed: {', '.join(names)}")
                ok, text = deck.rebuild()
                echo(text, err=not ok)
                if deck.watched != watched:
                    break   # the talk now uses another theme: watch its folders instead
    except KeyboardInterrupt:
        echo("stopped")
    finally:
        server.shutdown()
        server.server_close()
