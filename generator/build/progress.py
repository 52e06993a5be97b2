"""A build's progress as the command line shows it: one line per output as it finishes, warnings
as they are found; on a terminal, also a status line of the outputs still rendering, rewritten
in place (never when the output goes to a file or a pipe, nor when NO_COLOR is set or TERM is
dumb: plain lines only). Quiet, none of it: the errors are the caller's to print."""

from __future__ import annotations

import os
import sys
from enum import IntEnum
from typing import Callable, Mapping, TextIO

from generator.errors import Diagnostic, format_report


class Verbosity(IntEnum):
    """How much the command line says: -q/--quiet, the default, -v/--verbose."""

    QUIET = -1          # errors and the failure summary only
    NORMAL = 0
    VERBOSE = 1         # also timings, the cache, each file written


class Progress:
    """Lines to `out`, warnings to `err`, and on a terminal a status line that lines replace;
    `terminal` None: decided by `escapes_allowed(out)`; `quiet`: nothing at all."""

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None, terminal: bool | None = None,
                 echo: Callable[..., None] | None = None, quiet: bool = False):
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.terminal = escapes_allowed(self.out) if terminal is None else terminal
        self.echo = echo or _echo
        self.quiet = quiet
        self._status = ""

    def line(self, text: str) -> None:
        if self.quiet:
            return
        self._clear()
        self.echo(text, file=self.out)
        self._redraw()

    def warnings(self, found: list[Diagnostic], sources: dict) -> None:
        if self.quiet:
            return
        self._clear()
        self.echo(format_report(found, sources), file=self.err)
        self._redraw()

    def status(self, done: int, total: int) -> None:
        """`done` of `total` outputs rendered: shown on a terminal only, cleared once all are."""
        if not self.terminal or self.quiet:
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


def escapes_allowed(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Whether `stream` may get terminal escapes (colour, a line rewritten in place): only a
    terminal, and not when the environment forbids them. --color/--no-color decide instead."""
    return not escapes_forbidden(environ) and _is_terminal(stream)


def escapes_forbidden(environ: Mapping[str, str] | None = None) -> bool:
    """NO_COLOR set to anything but nothing (no-color.org), or TERM=dumb (a terminal that
    understands no escape)."""
    environ = os.environ if environ is None else environ
    return bool(environ.get("NO_COLOR")) or environ.get("TERM") == "dumb"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _echo(text: str, file: TextIO) -> None:
    import click

    click.echo(text, file=file)
