"""The command line: check, schema, new, exit codes, and a quick start-up."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import ROOT, SAMPLE_TALK

RENDERING_LIBRARIES = ("pptx", "graphviz", "diagrams", "cairosvg", "cairocffi", "jinja2")


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


def test_check_reports_the_sample_talks_counts():
    proc = run("check", "content/autour-de-docker")
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"ok: \d+ slides, 2 stacks, 11 layers, 1 comparison, 1 graph, 2 languages \(fr \(source\), en\)",
                     proc.stdout)


def test_check_without_a_folder_checks_every_talk_under_content():
    proc = run("check")
    assert proc.returncode == 0, proc.stderr
    assert "content/autour-de-docker/talk.yaml: ok" in proc.stdout


@pytest.mark.parametrize("args", [["--help"], ["check", "content/autour-de-docker"], ["schema"]])
def test_start_up_imports_no_rendering_library(args):
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "generator", *args],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0]
                for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "generator" in imported  # the probe itself works
    assert not imported & set(RENDERING_LIBRARIES)


def test_schema_validates_the_sample_talk_and_rejects_a_broken_one():
    import jsonschema

    from generator.content.loader import load_file

    proc = run("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    data = load_file(str(SAMPLE_TALK / "talk.yaml")).data
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    broken = dict(data, slides=[dict(data["slides"][0], kind="comparisn")])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)
    broken = dict(data, tittle="x")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_schema_output_is_stable():
    assert run("schema").stdout == run("schema").stdout


def test_new_creates_a_talk_that_passes_check(tmp_path):
    proc = run("new", "my-first-talk", "--title", "Kubernetes: the basics", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "content" / "my-first-talk" / "talk.yaml").is_file()
    checked = run("check", "content/my-first-talk", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr == ""
    assert "6 slides" in checked.stdout


def test_new_refuses_a_bad_id_and_an_existing_talk(tmp_path):
    assert run("new", "My Talk", cwd=tmp_path).returncode == 2
    assert run("new", "talk", cwd=tmp_path).returncode == 0
    again = run("new", "talk", cwd=tmp_path)
    assert again.returncode == 2
    assert "already exists" in again.stderr


def test_an_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(main, ["chek"])
    assert result.exit_code == 2


def test_python_dash_m_is_the_same_program():
    deckgen = ROOT / ".venv" / "bin" / "deckgen"
    if not deckgen.exists():
        pytest.skip("the console script is installed by make")
    installed = subprocess.run([str(deckgen), "--help"], capture_output=True, text=True)
    assert run("--help").stdout == installed.stdout


def test_strict_turns_warnings_into_errors(tmp_path):
    talk = tmp_path / "content" / "t"
    talk.mkdir(parents=True)
    (talk / "talk.yaml").write_text(
        "id: t\ntitle: T\nlang: en\nstacks:\n  - id: s\n    title: S\n    layers:\n"
        "      - {id: a, label: A, kind: os}\nslides:\n  - {id: title, kind: title}\n", encoding="utf-8")
    relaxed = run("check", "content/t", cwd=tmp_path)
    assert relaxed.returncode == 0
    assert "warning: stack 's' is not shown on any slide [ref.unused]" in relaxed.stderr
    assert run("check", "--strict", "content/t", cwd=tmp_path).returncode == 1


def test_a_theme_font_missing_from_the_machine_is_exit_3_with_the_fix_in_check_and_build(tmp_path):
    import shutil

    from tests.conftest import ROOT, SAMPLE_TALK

    project = tmp_path / "project"
    shutil.copytree(SAMPLE_TALK, project / "content" / "autour-de-docker")
    theme = project / "templates" / "mine"
    theme.mkdir(parents=True)
    (theme / "theme.yaml").write_text((ROOT / "templates" / "default" / "theme.yaml").read_text("utf-8").replace(
        "regular: Carlito-Regular.ttf", "regular: Absent-Regular.ttf").replace("name: default", "name: mine"), "utf-8")
    talk = project / "content" / "autour-de-docker" / "talk.yaml"
    talk.write_text(talk.read_text("utf-8").replace("theme: default", "theme: mine"), "utf-8")
    for command in (["check"], ["build", "--format", "pptx", "--lang", "fr", "--out", str(tmp_path / "out")]):
        result = CliRunner().invoke(main, [*command, str(talk.parent)])
        assert result.exit_code == 3, (command, result.output)
        assert "font file 'Absent-Regular.ttf'" in result.stderr and "[machine.font]" in result.stderr
        assert f"hint: copy the font file into {theme}/fonts/" in result.stderr
        assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "out").exists()


def test_check_says_dot_is_missing_for_a_talk_with_graphs(tmp_path, monkeypatch):
    from tests.conftest import SAMPLE_TALK

    monkeypatch.setenv("PATH", str(tmp_path))
    result = CliRunner().invoke(main, ["check", str(SAMPLE_TALK)])
    assert result.exit_code == 3
    assert "Graphviz's 'dot' is not installed" in result.stderr and "[machine.dot]" in result.stderr
    assert "brew install graphviz" in result.stderr


def test_a_new_talk_is_validated_by_editors_out_of_the_box(tmp_path):
    import json

    import jsonschema
    import yaml

    result = CliRunner().invoke(main, ["new", "demo", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    talk = tmp_path / "demo" / "talk.yaml"
    assert talk.read_text("utf-8").splitlines()[0] == "# yaml-language-server: $schema=talk.schema.json"
    schema = json.loads((tmp_path / "demo" / "talk.schema.json").read_text("utf-8"))
    jsonschema.validate(yaml.safe_load(talk.read_text("utf-8")), schema)


def test_the_sample_talk_is_valid_as_editors_read_it():
    import json

    import jsonschema
    import yaml

    from tests.conftest import SAMPLE_TALK

    schema = json.loads(CliRunner().invoke(main, ["schema"]).stdout)
    # PyYAML reads YAML 1.1 as most editors do: an unquoted date would be a date, not text
    jsonschema.validate(yaml.safe_load((SAMPLE_TALK / "talk.yaml").read_text("utf-8")), schema)


def test_project_defaults_come_from_deckgen_toml_and_a_wrong_key_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["new", "demo"]).exit_code == 0
    (tmp_path / "deckgen.toml").write_text('formats = ["html"]\nout = "site"\n', "utf-8")
    result = CliRunner().invoke(main, ["build", "content/demo"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "site" / "demo" / "en").iterdir()] == ["demo-en.html"]
    # the command line wins over the file
    result = CliRunner().invoke(main, ["build", "content/demo", "--format", "pptx", "--out", "other"])
    assert (tmp_path / "other" / "demo" / "en" / "demo-en.pptx").is_file()
    (tmp_path / "deckgen.toml").write_text('format = ["html"]\n', "utf-8")
    result = CliRunner().invoke(main, ["build", "content/demo"])
    assert result.exit_code == 2 and "unknown setting 'format'" in result.output and "'formats'" in result.output


def test_project_defaults_may_live_in_pyproject(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["new", "demo"]).exit_code == 0
    (tmp_path / "pyproject.toml").write_text('[tool.deckgen]\nformats = "diagrams"\n', "utf-8")
    assert CliRunner().invoke(main, ["build", "content/demo"]).exit_code == 0
    assert (tmp_path / "output" / "demo" / "en" / "diagrams").is_dir()
    assert not (tmp_path / "output" / "demo" / "en" / "demo-en.html").exists()


def test_a_dependency_older_than_its_floor_is_exit_3_with_the_upgrade_command(tmp_path, monkeypatch):
    import importlib.metadata

    from tests.conftest import SAMPLE_TALK

    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: "0.6.21" if name == "python-pptx" else real(name))
    result = CliRunner().invoke(main, ["build", str(SAMPLE_TALK), "--lang", "fr", "--format", "pptx",
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert "python-pptx 1.0.2 or later (0.6.21 is installed" in result.stderr
    assert "pip install --upgrade 'python-pptx>=1.0.2'" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_check_refuses_a_theme_whose_text_is_too_faint_on_its_background(tmp_path):
    import shutil

    from tests.conftest import ROOT, SAMPLE_TALK

    project = tmp_path / "project"
    shutil.copytree(SAMPLE_TALK, project / "content" / "autour-de-docker")
    theme = project / "templates" / "faint"
    shutil.copytree(ROOT / "templates" / "default", theme)
    (theme / "theme.yaml").write_text((theme / "theme.yaml").read_text("utf-8").replace(
        'muted: "#4B5563"', 'muted: "#B0B0B0"').replace("name: default", "name: faint"), "utf-8")
    talk = project / "content" / "autour-de-docker" / "talk.yaml"
    talk.write_text(talk.read_text("utf-8").replace("theme: default", "theme: faint"), "utf-8")
    result = CliRunner().invoke(main, ["check", str(talk.parent)])
    assert result.exit_code == 1
    assert "theme 'faint': muted text on background: #B0B0B0 on #FFFFFF has a contrast of 2.17:1" in result.stderr
    assert "[theme.contrast]" in result.stderr
