"""The HTTP side of `deckgen watch`: the deck at `/`, its build events as Server-Sent Events.

Bound to 127.0.0.1 only, and answering only requests addressed to it (`Host: 127.0.0.1:PORT` or
`localhost:PORT`): a web page that rebinds its own name to 127.0.0.1 (DNS rebinding) gets 421, not
the deck, its notes or its errors. Each connection times out when idle.
Each watched language's deck is at `/<lang>/<talk>-<lang>.html` (where the decks' language links
lead), the first one also at `/`; `/<lang>/__deckgen/events` streams `{"version", "error"}` as JSON
whenever a rebuild of that language succeeds or fails (`/__deckgen/events`: the first one's); the
page reloads on a new version and shows the error otherwise.
"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from generator.renderers.html.deck import LIVE_EVENTS
from generator.watch.rebuild import LiveDeck

HOST = "127.0.0.1"
KEEPALIVE = 15.0   # seconds between comments that keep an idle event stream open
TIMEOUT = 30.0     # seconds a connection may stay silent (longer than KEEPALIVE)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    decks: dict[str, LiveDeck]      # by language, the first one also at /

    @property
    def deck(self) -> LiveDeck:
        return next(iter(self.decks.values()))

    def deck_at(self, path: str) -> tuple[LiveDeck | None, str]:
        """The deck a path asks for (`/`, `/<lang>/…`) and the rest of the path."""
        parts = path.lstrip("/").split("/", 1)
        if len(parts) == 2 and parts[0] in self.decks:
            return self.decks[parts[0]], "/" + parts[1]
        return self.deck, path

    def handle_error(self, request, client_address) -> None:
        """A browser closing a connection early is no news; anything else is printed."""
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = TIMEOUT

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        """Quiet: the terminal shows builds, not requests."""

    def _addressed_to_us(self) -> bool:
        port = self.server.server_address[1]
        host = (self.headers.get("Host") or "").strip().lower()
        return host in (f"127.0.0.1:{port}", f"localhost:{port}")

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        if not self._addressed_to_us():
            self._send(HTTPStatus.MISDIRECTED_REQUEST, "text/plain; charset=utf-8",
                       b"this server answers only http://127.0.0.1 and http://localhost\n")
            return
        deck, path = self.server.deck_at(urlsplit(self.path).path)
        if path == LIVE_EVENTS:
            self._events(deck)
        elif path == "/" or path.endswith(".html") and "/" not in path[1:]:
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", deck.page())
        else:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found\n")

    def _send(self, status: HTTPStatus, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self, deck: LiveDeck) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "keep-alive")
        self.end_headers()
        self.close_connection = True
        seen = None
        try:
            while True:
                state = deck.wait_for_change(seen, KEEPALIVE)
                if state.key == seen:
                    self.wfile.write(b": keep-alive\n\n")
                else:
                    seen = state.key
                    message = json.dumps({"version": state.version, "error": state.error}, ensure_ascii=False)
                    self.wfile.write(f"data: {message}\n\n".encode("utf-8"))
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            return


def start_server(decks: dict[str, LiveDeck] | LiveDeck, port: int) -> _Server:
    """Serve the decks (by language: `/<lang>/<talk>-<lang>.html`, the first also at `/`) on
    127.0.0.1:`port` (0: any free port) from a background thread."""
    server = _Server((HOST, port), _Handler)
    server.decks = decks if isinstance(decks, dict) else {decks.lang or "": decks}
    threading.Thread(target=server.serve_forever, name="deckgen-watch-http", daemon=True).start()
    return server
