"""Command-line conventions: the exit-code table of `deckgen --help`, -q/--quiet and -v/--verbose,
NO_COLOR, TERM=dumb and --color/--no-color."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

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


# --- -q/--quiet and -v/--verbose ------------------------------------------------------------

UNUSED_STACK = ("id: t\ntitle: T\nlang: en\nstacks:\n  - id: s\n    title: S\n    layers:\n"
                "      - {id: a, label: A, kind: os}\nslides:\n  - {id: title, kind: title}\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder with a new talk, content/demo, as the current folder."""
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["new", "demo"]).exit_code == 0
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_quiet_build_that_succeeds_prints_nothing_and_a_verbose_one_more_than_usual(project):
    build = ["build", "content/demo", "--format", "html", "--no-cache"]
    normal = invoke(*build)
    assert normal.exit_code == 0 and "1 file in output/" in normal.stdout
    quiet = invoke(*build, "-q")
    assert quiet.exit_code == 0 and (quiet.stdout, quiet.stderr) == ("", "")
    verbose = invoke(*build, "-v")
    assert verbose.exit_code == 0
    assert verbose.stdout.startswith("cache: off (--no-cache)\njobs: ")
    assert normal.stdout.splitlines()[-1] in verbose.stdout
    assert "\n  output/demo/en/demo-en.html\n" in verbose.stdout
    assert re.search(r"^built in \d+\.\d\d s$", verbose.stdout, re.M)


def test_a_build_answered_from_its_last_identical_build_is_quiet_too(project):
    build = ["build", "content/demo", "--format", "html"]
    assert invoke(*build).exit_code == 0
    again = invoke(*build, "-v")
    assert "nothing changed since the last identical build" in again.stdout
    assert "\n  output/demo/en/demo-en.html\n" in again.stdout
    quiet = invoke(*build, "-q")
    assert quiet.exit_code == 0 and (quiet.stdout, quiet.stderr) == ("", "")


@pytest.mark.parametrize("args, level", [
    (["-q", "build"], "quiet"), (["build", "-q"], "quiet"), (["-v", "build", "-q"], "quiet"),
    (["-q", "build", "-v"], "verbose"), (["build", "-q", "-v"], "verbose"), (["-v", "build"], "verbose"),
])
def test_the_options_work_before_and_after_the_command_name_and_the_last_one_wins(project, args, level):
    result = invoke(*args, "content/demo", "--format", "html", "--no-cache")
    assert result.exit_code == 0, result.output
    if level == "quiet":
        assert result.stdout == ""
    else:
        assert result.stdout.startswith("cache: off (--no-cache)")


def test_quiet_leaves_out_warnings_but_not_errors_and_their_summary(tmp_path, monkeypatch):
    cases = Path(__file__).parent / "content" / "cases"
    shutil.copytree(cases / "placeholder-dropped", tmp_path / "placeholder-dropped")
    monkeypatch.chdir(tmp_path)
    normal = invoke("check", "placeholder-dropped")
    assert ": warning: " in normal.stderr                    # the case has a warning beside its errors
    for args in (["-q", "check"], ["check", "-q"], ["-q", "build", "--no-cache"]):
        quiet = invoke(*args, "placeholder-dropped")
        assert quiet.exit_code == ExitCode.CONTENT
        assert ": warning: " not in quiet.stderr and "hint: write \"Language: fr\"" not in quiet.stderr
        assert quiet.stderr.count(": error: ") == normal.stderr.count(": error: ") == 2
        assert quiet.stderr.endswith("2 errors; nothing was written\n")
        assert quiet.stdout == ""


def test_a_quiet_check_says_nothing_of_a_talk_that_passes_and_all_of_one_that_fails_strict(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "talk.yaml").write_text(UNUSED_STACK, "utf-8")
    normal = invoke("check", "t")
    assert normal.exit_code == 0 and "[ref.unused]" in normal.stderr and "t/talk.yaml: ok" in normal.stdout
    quiet = invoke("check", "-q", "t")
    assert quiet.exit_code == 0 and (quiet.stdout, quiet.stderr) == ("", "")
    strict = invoke("check", "-q", "--strict", "t")       # under --strict the warning fails the check
    assert strict.exit_code == ExitCode.CONTENT
    assert "warning: stack 's' is not shown on any slide [ref.unused]" in strict.stderr
    assert strict.stdout == normal.stdout
    verbose = invoke("check", "-v", "t")
    assert verbose.stdout.startswith(normal.stdout) and re.search(r"^  checked in \d+\.\d\d s$", verbose.stdout, re.M)


def test_new_and_i18n_update_are_quiet_or_verbose_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("new", "demo", "-q").stdout == ""
    verbose = invoke("new", "other", "-v")
    assert "  content/other/talk.yaml\n" in verbose.stdout and "created content/other/talk.yaml" in verbose.stdout
    quiet = invoke("i18n", "update", "-q", "content/demo", "--add", "de")
    assert quiet.exit_code == 0 and (quiet.stdout, quiet.stderr) == ("", "")
    assert (tmp_path / "content" / "demo" / "locales" / "de.po").is_file()
    normal = invoke("i18n", "update", "content/demo")
    assert normal.stdout == "content/demo/locales/de.po: unchanged\n"
    verbose = invoke("-v", "i18n", "update", "content/demo")
    assert verbose.stdout.startswith(normal.stdout)
    assert re.search(r"^  de: 0/\d+ translated \(0 %\), 0 stale, \d+ missing, 0 obsolete$", verbose.stdout, re.M)


@pytest.mark.parametrize("command", [["check"], ["build"], ["new"], ["i18n", "update"]])
def test_each_command_that_prints_progress_documents_quiet_and_verbose(command):
    text = invoke(*command, "--help").output
    assert "-q, --quiet" in text and "-v, --verbose" in text
    own = " ".join(text.split("Options:")[1].split())
    assert "each command's --help says" not in own          # not the group's generic words: its own
    assert "Print nothing unless it fails." in own or "Print only errors" in own or "for one that fails" in own


def test_the_group_help_documents_the_design():
    text = " ".join(invoke("--help").output.split())
    assert "-q, --quiet" in text and "-v, --verbose" in text and "--color / --no-color" in text
    assert "the last one given wins" in text and "NO_COLOR" in text and "TERM is dumb" in text


# --- NO_COLOR, TERM=dumb, --color/--no-color ------------------------------------------------


def on_a_terminal(args: list[str], cwd, **environ: str) -> bytes:
    """What `deckgen ARGS` writes to a terminal (a pseudo-terminal standing in for one): standard
    output and error both, with `environ` over an environment without NO_COLOR and with TERM=xterm."""
    import os
    import subprocess
    import sys

    pty = pytest.importorskip("pty")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    env.update({"TERM": "xterm", **environ})
    main_fd, terminal = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                            stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal)
    os.close(terminal)
    chunks = []
    while True:
        try:
            data = os.read(main_fd, 65536)
        except OSError:             # Linux: EIO once the program closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(main_fd)
    assert proc.wait(timeout=120) == 0, b"".join(chunks).decode("utf-8", "replace")
    return b"".join(chunks)


BUILD = ["build", "content/demo", "--format", "html", "--no-cache"]


def test_a_terminal_gets_the_status_line_unless_no_color_or_term_dumb_says_otherwise(project):
    plain = on_a_terminal(BUILD, project)
    assert b"\x1b[K" in plain and b"rendering: 0 of 1 outputs done" in plain     # the probe works
    for environ in ({"NO_COLOR": "1"}, {"NO_COLOR": "no"}, {"TERM": "dumb"}):
        shown = on_a_terminal(BUILD, project, **environ)
        assert b"\x1b" not in shown, environ
        assert b"rendering: " not in shown and b"demo/en html: 1 file in " in shown
    assert b"\x1b[K" in on_a_terminal(BUILD, project, NO_COLOR="")       # set but empty: no effect


def test_no_color_and_color_override_the_terminal_and_the_environment(project):
    assert b"\x1b" not in on_a_terminal([*BUILD, "--no-color"], project)
    assert b"\x1b" not in on_a_terminal(["--no-color", *BUILD], project)
    assert b"\x1b[K" in on_a_terminal([*BUILD, "--color"], project, NO_COLOR="1", TERM="dumb")
    # not a terminal: no escape, unless asked for
    assert "\x1b" not in invoke(*BUILD).output
    assert "\x1b[K" in invoke(*BUILD, "--color").stdout
    assert "\x1b[K" in invoke("--color", *BUILD).stdout


def test_a_quiet_build_draws_no_status_line_even_on_a_terminal(project):
    assert on_a_terminal(["-q", *BUILD], project) == b""


def test_no_color_strips_the_styles_click_would_send_to_a_terminal(monkeypatch):
    """Whatever is styled later (click.style) goes through click.echo, which the group tells to
    strip styles under NO_COLOR and TERM=dumb; --color keeps them."""
    @main.command("styled-probe")
    def probe():
        click.echo(click.style("red", fg="red"))

    try:
        monkeypatch.delenv("TERM", raising=False)
        monkeypatch.delenv("NO_COLOR", raising=False)
        assert "\x1b[31m" in CliRunner().invoke(main, ["styled-probe"], color=True).output
        monkeypatch.setenv("NO_COLOR", "1")
        assert CliRunner().invoke(main, ["styled-probe"], color=True).output == "red\n"
        assert "\x1b[31m" in CliRunner().invoke(main, ["--color", "styled-probe"]).output
        monkeypatch.delenv("NO_COLOR")
        monkeypatch.setenv("TERM", "dumb")
        assert CliRunner().invoke(main, ["styled-probe"], color=True).output == "red\n"
    finally:
        main.commands.pop("styled-probe")
