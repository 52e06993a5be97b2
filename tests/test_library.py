"""The talk library: a build of several talks writes output/index.html; a library built in
shards (--shard K/N) and indexed (`deckgen index`) is the same, byte for byte, as one build."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import ROOT, SAMPLE_TALK

FORMATS = "html,pdf"


def third_language(talk: Path, source: str, lang: str) -> None:
    """A third language for a talk: a copy of one of its catalogs under another language's name."""
    text = (talk / "locales" / f"{source}.po").read_text("utf-8")
    (talk / "locales" / f"{lang}.po").write_text(text.replace(f'"Language: {source}\\n"', f'"Language: {lang}\\n"'),
                                                 "utf-8")
    yaml = (talk / "talk.yaml").read_text("utf-8")
    found = re.search(r"^translations: \[(.*)\]$", yaml, re.M)
    (talk / "talk.yaml").write_text(yaml[:found.start()] + f"translations: [{found.group(1)}, {lang}]"
                                    + yaml[found.end():], "utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """Two talks of three languages each, in a project's content/ folder."""
    root = tmp_path_factory.mktemp("library")
    shutil.copytree(SAMPLE_TALK, root / "content" / "autour-de-docker")
    shutil.copytree(ROOT / "tests" / "content" / "dense-talk", root / "content" / "dense-talk")
    third_language(root / "content" / "autour-de-docker", "en", "de")
    third_language(root / "content" / "dense-talk", "de", "nl")
    return root


def run(project: Path, monkeypatch, *args: str):
    monkeypatch.chdir(project)
    return CliRunner().invoke(main, [*args])


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(project):
    """The library built at once, and built as three shards then indexed."""
    with pytest.MonkeyPatch.context() as patch:
        whole = run(project, patch, "build", "--format", FORMATS, "--out", "whole", "--no-cache")
        assert whole.exit_code == 0, whole.output
        shards = [run(project, patch, "build", "--format", FORMATS, "--out", "sharded", "--no-cache",
                      "--shard", f"{k}/3") for k in (1, 2, 3)]
        assert all(r.exit_code == 0 for r in shards), [r.output for r in shards]
        assert not (project / "sharded" / "index.html").exists(), "a shard wrote the library page"
        indexed = run(project, patch, "index", "sharded")
        assert indexed.exit_code == 0, indexed.output
    return project / "whole", project / "sharded", shards


def it_gives_three_shards_then_the_index_the_bytes_of_one_build(built):
    whole, sharded, _ = built
    assert (whole / "index.html").is_file()
    assert digest(sharded) == digest(whole)


def it_shares_the_units_out_between_the_shards_without_overlap(built):
    _, _, shards = built
    units = [set(re.findall(r"^([\w-]+/[\w-]+): \d+ files?", r.output, re.M)) for r in shards]
    assert all(len(u) == 2 for u in units), units
    assert len(set.union(*units)) == 6


def it_links_every_talk_language_and_format_relatively(built):
    whole, _, _ = built
    page = (whole / "index.html").read_text("utf-8")
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', page)
    expected = {(talk, lang) for talk, langs in (("autour-de-docker", ("fr", "en", "de")),
                                                  ("dense-talk", ("en", "de", "nl"))) for lang in langs}
    assert {tuple(href.split("/")[:2]) for href, _ in links} == expected
    for href, lang in links:
        assert not href.startswith(("/", "http")) and (whole / href).is_file(), href
        assert href.split("/")[1] == lang
    assert len(links) == 2 * len(expected)            # HTML and PDF of each
    assert re.search(r'<svg [^>]*class="thumbnail".*?Autour de Docker</text>', page, re.S)
    assert '<time datetime="2026-12-10"' in page


def it_links_to_a_base_url_when_asked(project, built, monkeypatch, tmp_path):
    result = run(project, monkeypatch, "index", "sharded", "--base-url", "https://talks.example.org/library/")
    try:
        assert result.exit_code == 0, result.output
        page = (project / "sharded" / "index.html").read_text("utf-8")
        hrefs = re.findall(r'<a href="([^"]+)" hreflang', page)
        assert hrefs and all(h.startswith("https://talks.example.org/library/") for h in hrefs)
    finally:
        assert run(project, monkeypatch, "index", "sharded").exit_code == 0


def it_refuses_to_index_when_a_shards_outputs_are_missing(project, built, monkeypatch):
    partial = project / "partial"
    shutil.copytree(built[1], partial)
    shutil.rmtree(partial / "dense-talk" / "nl")
    result = run(project, monkeypatch, "index", "partial")
    assert result.exit_code == 1
    assert "dense-talk/nl" in result.output and "[index.missing]" in result.output
    assert (partial / "index.html").read_bytes() == (built[1] / "index.html").read_bytes()   # left as it was


def it_refuses_a_shard_that_is_not_k_of_n(project, monkeypatch):
    result = run(project, monkeypatch, "build", "--shard", "4/3", "--out", "never")
    assert result.exit_code == 2 and "--shard" in result.output
