"""Diagnostics in one shape (`path:line:col: severity: message [code]`) and exit codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Iterable


class ExitCode(IntEnum):
    """Process exit codes of the command line, as the design contract fixes them; each with what
    it means to the person who ran the command (`deckgen --help` prints them: `exit_code_table`)."""

    OK = 0, "success (warnings may have been printed)"
    CONTENT = 1, "errors in the content (with --strict: warnings, stale translations)"
    USAGE = 2, "a wrong command line or deckgen.toml"
    MISSING_TOOL = 3, "the machine lacks what a build needs: a program, a font, a package"
    RENDER = 4, "an output could not be made, or an internal error (see --debug)"
    INTERRUPTED = 130, "interrupted (Ctrl+C)"

    def __new__(cls, value: int, meaning: str):
        code = int.__new__(cls, value)
        code._value_ = value
        code.meaning = meaning
        return code


def exit_code_table() -> str:
    """The exit codes and their meanings, one a line, for the command line's help."""
    return "\n".join(f"{code.value:>3}  {code.meaning}" for code in ExitCode)


@dataclass(frozen=True)
class Position:
    """A place in a source file: 1-based line and column, and the length of the token there."""

    line: int
    col: int
    length: int = 1


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the content: where, what, why it matters and how to fix it."""

    path: str
    message: str
    code: str
    position: Position | None = None
    hint: str | None = None
    severity: str = "error"

    @property
    def sort_key(self) -> tuple:
        pos = self.position or Position(0, 0)
        return (self.path, pos.line, pos.col, self.code, self.message)

    def headline(self) -> str:
        where = self.path
        if self.position is not None:
            where = f"{self.path}:{self.position.line}:{self.position.col}"
        return f"{escaped(where)}: {self.severity}: {escaped(self.message)} [{self.code}]"


@dataclass
class SourceText:
    """The lines of one source file, kept so a diagnostic can quote the offending line."""

    path: str
    lines: list[str] = field(default_factory=list)

    @classmethod
    def from_text(cls, path: str, text: str) -> "SourceText":
        return cls(path, text.splitlines())

    def line(self, number: int) -> str | None:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1]
        return None


_MAX_QUOTED = 120
MAX_PRINTED = 50      # diagnostics printed in full; the rest are counted by code


def escaped(text: str) -> str:
    """User text made safe for a terminal: control characters shown as escapes (`\\x1b`, `\\n`),
    so a hostile id cannot retitle the terminal or move the cursor."""
    if not any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in text):
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii") if (ord(ch) < 32 or 127 <= ord(ch) < 160) else ch
                   for ch in text)


def _printable(text: str) -> str:
    """A source line made safe for a terminal: tabs shown as spaces, controls as `?`."""
    return "".join(
        " " if ch == "\t" else ("?" if (ord(ch) < 32 or ord(ch) == 127) else ch) for ch in text
    )


def format_diagnostic(diag: Diagnostic, source: SourceText | None = None) -> str:
    """The full text of a diagnostic: headline, quoted source line with a caret, hint."""
    out = [diag.headline()]
    pos = diag.position
    line = source.line(pos.line) if (source is not None and pos is not None) else None
    if line is not None and pos is not None:
        shown = _printable(line)
        start = max(pos.col - 1, 0)
        if len(shown) > _MAX_QUOTED:
            # Keep the caret visible on very long lines: show a window around it.
            lo = max(0, start - _MAX_QUOTED // 2)
            shown = ("…" if lo else "") + shown[lo : lo + _MAX_QUOTED] + "…"
            start = start - lo + (1 if lo else 0)
        width = len(str(pos.line))
        length = max(1, min(pos.length, max(1, len(shown) - start)))
        out.append(f"   {pos.line} | {shown}".rstrip())
        out.append(f"   {' ' * width} | {' ' * start}{'^' * length}")
    if diag.hint:
        out.append(f"  hint: {escaped(diag.hint)}")
    return "\n".join(out)


def format_report(diags: Iterable[Diagnostic], sources: dict[str, SourceText],
                  limit: int = MAX_PRINTED) -> str:
    """The diagnostics, errors before warnings, each group by place; past `limit`, a count per code."""
    ordered = sorted(diags, key=lambda d: (d.severity != "error", d.sort_key))
    parts = [format_diagnostic(d, sources.get(d.path)) for d in ordered[:limit]]
    rest = ordered[limit:]
    if rest:
        counts: dict[str, int] = {}
        for d in rest:
            counts[d.code] = counts.get(d.code, 0) + 1
        listed = ", ".join(f"{n} {code}" for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
        parts.append(f"… and {len(rest)} more ({listed})")
    return "\n".join(parts)


class ContentError(Exception):
    """Raised when content has errors; carries every diagnostic found, not just the first."""

    def __init__(self, diagnostics: list[Diagnostic], sources: dict[str, SourceText] | None = None):
        self.diagnostics = sorted(diagnostics, key=lambda d: d.sort_key)
        self.sources = sources or {}
        super().__init__(f"{len(self.diagnostics)} problem(s) in the content")

    def report(self) -> str:
        return format_report(self.diagnostics, self.sources)


class MissingToolError(Exception):
    """Raised when a system tool a renderer needs is absent; names the command that installs it."""

    def __init__(self, tool: str, install: str):
        self.tool = tool
        self.install = install
        super().__init__(f"'{tool}' is not installed; install it with: {install}")


class RenderError(Exception):
    """Raised when an output cannot be produced from valid content."""
