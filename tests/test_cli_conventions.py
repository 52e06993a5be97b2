"""Command-line conventions: the exit-code table of `deckgen --help`, -q/--quiet and -v/--verbose,
NO_COLOR, TERM=dumb and --color/--no-color."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import ExitCode, MissingToolError


def help_exit_codes() -> dict[int, str]:
    text = CliRunner().invoke(main, ["--help"]).output
    assert "Exit codes:" in text
    table = text.split("Exit codes:", 1)[1]
    return {int(code): meaning for code, meaning in re.findall(r"^ +(\d+)  (.+)$", table, re.M)}


def test_the_help_lists_every_exit_code_of_the_code_with_its_meaning():
    assert help_exit_codes() == {code.value: code.meaning for code in ExitCode}
    assert {0, 1, 2, 3, 4, 130} <= set(help_exit_codes())


def test_the_exit_code_table_fits_a_terminal_of_80_columns():
    text = CliRunner().invoke(main, ["--help"], terminal_width=80).output
    assert all(len(line) < 80 for line in text.split("Exit codes:", 1)[1].splitlines())


def broken_talk(tmp_path):
    talk = tmp_path / "t"
    talk.mkdir()
    (talk / "talk.yaml").write_text("id: t\ntitle: [\n", encoding="utf-8")
    return talk


def failing_settings(monkeypatch, exc: BaseException) -> None:
    """Every command reads the project's settings first: make that fail with `exc`."""
    import generator.commands.config

    def default_map(folder):
        raise exc

    monkeypatch.setattr(generator.commands.config, "default_map", default_map)


def test_each_failure_exits_with_the_code_the_table_gives_it(tmp_path, monkeypatch):
    assert CliRunner().invoke(main, ["schema"]).exit_code == ExitCode.OK
    assert CliRunner().invoke(main, ["check", str(broken_talk(tmp_path))]).exit_code == ExitCode.CONTENT
    assert CliRunner().invoke(main, ["check", "--no-such-option"]).exit_code == ExitCode.USAGE
    assert click.UsageError.exit_code == ExitCode.USAGE
    failing_settings(monkeypatch, MissingToolError("dot", "apt install graphviz"))
    assert CliRunner().invoke(main, ["schema"]).exit_code == ExitCode.MISSING_TOOL
    failing_settings(monkeypatch, RuntimeError("a bug"))
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == ExitCode.RENDER and "internal error: RuntimeError: a bug" in result.stderr
    failing_settings(monkeypatch, KeyboardInterrupt())
    assert CliRunner().invoke(main, ["schema"]).exit_code == ExitCode.INTERRUPTED


def test_the_command_line_exits_only_through_the_named_codes():
    from pathlib import Path

    import generator.cli

    source = Path(generator.cli.__file__).read_text("utf-8")
    assert not re.findall(r"exit\(\s*\d", source)
