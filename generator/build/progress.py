"""A build's progress as the command line shows it: one line per output as it finishes, warnings
as they are found; on a terminal, also a status line of the outputs still rendering, rewritten
in place (never when the output goes to a file or a pipe: plain lines only)."""

from __future__ import annotations

import sys
from typing import Callable, TextIO

from generator.errors import Diagnostic, format_report


class Progress:
    """Lines to `out`, warnings to `err`, and on a terminal a status line that lines replace."""

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None, terminal: bool | None = None,
                 echo: Callable[..., None] | None = None):
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.terminal = _is_terminal(self.out) if terminal is None else terminal
        self.echo = echo or _echo
        self._status = ""

    def line(self, text: str) -> None:
        self._clear()
        self.echo(text, file=self.out)
        self._redraw()

    def warnings(self, found: list[Diagnostic], sources: dict) -> None:
        self._clear()
        self.echo(format_report(found, sources), file=self.err)
        self._redraw()

    def status(self, done: int, total: int) -> None:
        """`done` of `total` outputs rendered: shown on a terminal only, cleared once all are."""
        if not self.terminal:
            return
        self._clear()
        self._status = f"rendering: {done} of {total} outputs done…" if done < total else ""
        self._redraw()

    def close(self) -> None:
        self._clear()
        self._status = ""

    def _clear(self) -> None:
        if self.terminal and self._status:
            self.out.write("\r\x1b[K")
            self.out.flush()

    def _redraw(self) -> None:
        if self.terminal and self._status:
            self.out.write(self._status)
            self.out.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _echo(text: str, file: TextIO) -> None:
    import click

    click.echo(text, file=file)
