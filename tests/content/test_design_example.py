"""The design contract's example talk keeps working: it checks clean and builds in every format."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

EXAMPLE = Path(__file__).parent / "design-example"


def test_the_design_example_checks_clean():
    result = CliRunner().invoke(main, ["check", str(EXAMPLE)])
    assert result.exit_code == 0, result.stderr
    assert "ok: 7 slides, 2 stacks, 7 layers, 1 comparison, 1 graph" in result.stdout


def test_the_design_example_builds(tmp_path):
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--format", "pptx,diagrams", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "design-example" / "fr"
    assert (folder / "design-example-fr.pptx").is_file()
    assert (folder / "diagrams" / "side-by-side.svg").is_file()
