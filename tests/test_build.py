"""`deckgen build`: the output tree, atomic writes, reproducible bytes, languages."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import SAMPLE_TALK


def build(*args: str) -> object:
    result = CliRunner().invoke(main, ["build", *args])
    return result


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def diagrams_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = build(str(SAMPLE_TALK), "--format", "diagrams", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_diagrams_land_in_the_output_tree_for_every_language(diagrams_out):
    for lang in ("fr", "en"):
        folder = diagrams_out / "autour-de-docker" / lang / "diagrams"
        names = sorted(p.name for p in folder.iterdir())
        assert names == sorted(f"{n}.{ext}" for n in ("vm", "containers", "side-by-side", "docker-daemon",
                                                       "startup-time") for ext in ("svg", "png"))
        for png in folder.glob("*.png"):
            assert png.read_bytes().startswith(b"\x89PNG")


def test_two_builds_are_byte_identical(diagrams_out, tmp_path):
    result = build(str(SAMPLE_TALK), "--format", "diagrams", "--out", str(tmp_path))
    assert result.exit_code == 0
    assert digest(tmp_path) == digest(diagrams_out)


def test_english_diagrams_hold_english_text(diagrams_out):
    english = (diagrams_out / "autour-de-docker" / "en" / "diagrams" / "vm.svg").read_text("utf-8")
    french = (diagrams_out / "autour-de-docker" / "fr" / "diagrams" / "vm.svg").read_text("utf-8")
    assert "Hypervisor" in english and "Hyperviseur" not in english
    assert "Hyperviseur" in french


def test_a_failed_build_leaves_previous_outputs_as_they_were(diagrams_out, tmp_path):
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    out = tmp_path / "out"
    shutil.copytree(diagrams_out, out)
    before = digest(out)
    text = (talk / "talk.yaml").read_text("utf-8").replace("label: Hyperviseur", "label: Hyperviseur géant")
    text = text.replace("kind: statement", "kind: statment", 1)
    (talk / "talk.yaml").write_text(text, encoding="utf-8")
    result = build(str(talk), "--format", "diagrams", "--out", str(out))
    assert result.exit_code == 1
    assert "unknown slide kind 'statment'" in result.stderr
    assert digest(out) == before


def test_strict_fails_on_a_stale_translation_and_writes_nothing(tmp_path):
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    text = (talk / "talk.yaml").read_text("utf-8").replace("label: Hyperviseur", "label: Hyperviseur de type 1 ou 2")
    (talk / "talk.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    relaxed = build(str(talk), "--format", "diagrams", "--lang", "en", "--out", str(out))
    assert relaxed.exit_code == 0
    assert "warning: stacks/vm/layers/hypervisor/label is not in the en catalog" in relaxed.stderr
    shutil.rmtree(out)
    strict = build(str(talk), "--format", "diagrams", "--lang", "en", "--out", str(out), "--strict")
    assert strict.exit_code == 1
    assert not out.exists()


def test_an_unknown_language_or_format_is_refused(tmp_path):
    assert build(str(SAMPLE_TALK), "--lang", "de", "--out", str(tmp_path)).exit_code == 1
    assert build(str(SAMPLE_TALK), "--format", "pdff", "--out", str(tmp_path)).exit_code == 2


def test_a_missing_system_library_exits_3_with_the_command_that_installs_it(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_cairo(name, *args, **kwargs):
        if name == "cairosvg":
            raise OSError("no library called \"cairo-2\" was found")
        return real_import(name, *args, **kwargs)

    import shutil

    import generator.renderers.diagrams.png as png

    real_which = shutil.which
    monkeypatch.setattr(png.shutil, "which", lambda name: None if name == "rsvg-convert" else real_which(name))
    monkeypatch.delitem(__import__("sys").modules, "cairosvg", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_cairo)
    result = build(str(SAMPLE_TALK), "--format", "diagrams", "--lang", "fr", "--out", str(tmp_path),
                   "--no-cache", "--jobs", "1")
    assert result.exit_code == 3
    assert "apt-get install librsvg2-bin" in result.stderr
    assert not any(tmp_path.iterdir())
