"""Every deck the tests build opens in PowerPoint without a repair prompt."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from generator.cli import main
from tests.conftest import ROOT, SAMPLE_TALK
from tests.renderers.pptx.validity import problems

FIXTURES = Path(__file__).parent / "fixtures"
DENSE = ROOT / "tests" / "content" / "dense-stacks"


def build(talk: Path, out: Path, *extra: str):
    result = CliRunner().invoke(main, ["build", str(talk), "--format", "pptx", "--out", str(out), *extra])
    assert result.exit_code == 0, result.output + result.stderr
    return result


def with_repeated_ids(source: Path, target: Path) -> Path:
    """The default template with two shapes of a layout given the same id."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "ppt/slideLayouts/slideLayout2.xml":
                root = etree.fromstring(data)
                props = root.findall(".//{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr")
                props[-1].set("id", props[-2].get("id"))
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, data)
    return target


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("valid")
    build(SAMPLE_TALK, out / "default")
    build(SAMPLE_TALK, out / "impress", "--lang", "fr", "--template", str(FIXTURES / "impress-template.pptx"))
    build(DENSE, out / "dense")
    return {
        "sample-fr": out / "default" / "autour-de-docker" / "fr" / "autour-de-docker-fr.pptx",
        "sample-en": out / "default" / "autour-de-docker" / "en" / "autour-de-docker-en.pptx",
        "impress-fr": out / "impress" / "autour-de-docker" / "fr" / "autour-de-docker-fr.pptx",
        "dense-en": out / "dense" / "dense-stacks" / "en" / "dense-stacks-en.pptx",
        "dense-de": out / "dense" / "dense-stacks" / "de" / "dense-stacks-de.pptx",
    }


@pytest.mark.parametrize("deck", ["sample-fr", "sample-en", "impress-fr", "dense-en", "dense-de"])
def it_builds_decks_a_strict_client_opens_without_repair(decks, deck):
    assert problems(decks[deck]) == []


def it_renumbers_a_templates_repeated_ids_and_says_so(tmp_path):
    template = with_repeated_ids(ROOT / "templates" / "default" / "template.pptx", tmp_path / "repeated.pptx")
    assert any("have id" in p for p in problems(template))
    result = build(SAMPLE_TALK, tmp_path / "out", "--lang", "fr", "--template", str(template))
    assert "[pptx.shape-id]" in result.stderr and "renumbered" in result.stderr
    assert problems(tmp_path / "out" / "autour-de-docker" / "fr" / "autour-de-docker-fr.pptx") == []


def it_catches_a_part_the_schemas_refuse(decks, tmp_path):
    broken = tmp_path / "broken.pptx"
    with zipfile.ZipFile(decks["sample-fr"]) as src, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "ppt/slides/slide2.xml":
                data = data.replace(b"</p:spTree>", b"<p:bogus/></p:spTree>")
            dst.writestr(info, data)
    assert any(p.startswith("schema:") for p in problems(broken))
    shutil.rmtree(tmp_path, ignore_errors=True)
