"""Build progress: plain lines in a file or a pipe, a status line rewritten in place on a terminal
(not under NO_COLOR or TERM=dumb), nothing at all when quiet."""

from __future__ import annotations

import io

from generator.errors import Diagnostic, Position
from generator.build.progress import Progress


def echo(text, file):
    file.write(text + "\n")


def test_a_pipe_gets_plain_lines_only():
    out, err = io.StringIO(), io.StringIO()
    shown = Progress(out, err, terminal=False, echo=echo)
    shown.status(0, 3)
    shown.line("talk/fr pptx: 1 file in 0.30 s")
    shown.status(1, 3)
    shown.warnings([Diagnostic("talk.yaml", "too long", "fit.overflow", Position(3, 5), None, "warning")], {})
    shown.close()
    assert out.getvalue() == "talk/fr pptx: 1 file in 0.30 s\n"
    assert err.getvalue() == "talk.yaml:3:5: warning: too long [fit.overflow]\n"
    assert "\r" not in out.getvalue() + err.getvalue()


def test_a_terminal_gets_a_status_line_that_each_line_replaces():
    out = io.StringIO()
    shown = Progress(out, io.StringIO(), terminal=True, echo=echo)
    shown.status(0, 2)
    shown.line("talk/fr pptx: 1 file in 0.30 s")
    shown.status(2, 2)
    shown.close()
    text = out.getvalue()
    assert text.startswith("rendering: 0 of 2 outputs done…\r\x1b[Ktalk/fr pptx: 1 file in 0.30 s\n")
    assert text.endswith("\r\x1b[K")           # nothing left on the line once done


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_escapes_go_to_a_terminal_only_and_never_under_no_color_or_term_dumb():
    from generator.build.progress import escapes_allowed

    assert escapes_allowed(Terminal(), {"TERM": "xterm-256color"})
    assert escapes_allowed(Terminal(), {})
    assert escapes_allowed(Terminal(), {"NO_COLOR": ""})            # set but empty: as if unset
    assert not escapes_allowed(io.StringIO(), {"TERM": "xterm"})
    assert not escapes_allowed(Terminal(), {"NO_COLOR": "1"})
    assert not escapes_allowed(Terminal(), {"NO_COLOR": "0"})       # any value but nothing
    assert not escapes_allowed(Terminal(), {"TERM": "dumb"})


def test_a_terminal_under_no_color_gets_plain_lines(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    out = Terminal()
    shown = Progress(out, io.StringIO(), echo=echo)
    shown.status(0, 2)
    shown.line("talk/fr pptx: 1 file in 0.30 s")
    shown.close()
    assert out.getvalue() == "talk/fr pptx: 1 file in 0.30 s\n"
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "xterm")
    assert Progress(Terminal(), io.StringIO(), echo=echo).terminal      # the same terminal, without it


def test_quiet_shows_nothing_not_even_on_a_terminal():
    out, err = Terminal(), io.StringIO()
    shown = Progress(out, err, terminal=True, echo=echo, quiet=True)
    shown.status(0, 3)
    shown.line("talk/fr pptx: 1 file in 0.30 s")
    shown.warnings([Diagnostic("talk.yaml", "too long", "fit.overflow", Position(3, 5), None, "warning")], {})
    shown.status(3, 3)
    shown.close()
    assert out.getvalue() == err.getvalue() == ""
