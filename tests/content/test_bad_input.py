"""Bad content gives exact, positioned diagnostics: each case folder holds its input and transcript.

A case is `cases/<name>/talk.yaml` (or a `generate.py` that writes it, for inputs too big to
keep) next to `expected.txt`, the exact standard error of `deckgen check <name>` run in the
cases folder. Set UPDATE_TRANSCRIPTS=1 to rewrite them, then read the diff before committing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

CASES = Path(__file__).parent / "cases"
NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir())


def run_case(name: str, tmp_path: Path, monkeypatch) -> tuple[int, str, str]:
    shutil.copytree(CASES / name, tmp_path / name)
    generator = tmp_path / name / "generate.py"
    if generator.exists():
        subprocess.run([sys.executable, "generate.py"], cwd=generator.parent, check=True)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", name])
    return result.exit_code, result.stdout, result.stderr


def test_there_are_at_least_twenty_cases():
    assert len(NAMES) >= 20


@pytest.mark.parametrize("name", NAMES)
def test_case_gives_its_transcript(name, tmp_path, monkeypatch):
    code, out, err = run_case(name, tmp_path, monkeypatch)
    expected_file = CASES / name / "expected.txt"
    if os.environ.get("UPDATE_TRANSCRIPTS"):
        expected_file.write_text(err, encoding="utf-8")
    assert code == 1, f"exit code {code}\n{out}{err}"
    assert out == ""
    assert "Traceback" not in err
    assert err == expected_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_every_error_names_file_line_and_column(name, tmp_path, monkeypatch):
    _, _, err = run_case(name, tmp_path, monkeypatch)
    headlines = [line for line in err.splitlines() if ": error: " in line]
    assert headlines
    for line in headlines:
        # Only a file that is not there has no position; every other problem has one.
        if re.search(r"\[io\.missing\]$", line):
            assert line.startswith(f"{name}/talk.yaml: error: ")
        else:
            assert re.match(rf"^{re.escape(name)}/(talk\.yaml|locales/[a-z-]+\.po):\d+:\d+: error: .+ \[[a-z0-9-]+\.[a-z-]+\]$",
                            line), line


def test_the_command_line_never_shows_a_traceback_without_debug(tmp_path):
    talk = tmp_path / "t"
    talk.mkdir()
    (talk / "talk.yaml").write_text("id: t\ntitle: [\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "generator", "check", str(talk)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert re.search(r"talk\.yaml:\d+:\d+: error: invalid YAML", proc.stderr)
