"""The documentation says what the code does: the README's pictures exist and stay small; every
command, option (with its default), environment variable, deckgen.toml key and exit code of the
code is in docs/; the version is one; and the MkDocs site builds with --strict (a broken link,
anchor or picture, or a page left out of the navigation, fails it)."""

from __future__ import annotations

import enum
import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import click
import pytest

from tests.conftest import ROOT

DOCS = ROOT / "docs"
COMMAND_LINE = DOCS / "command-line.md"
PICTURE_LIMIT = 150 * 1024


def sections(path: Path) -> dict[str, str]:
    """The text under each `## ` heading of a page, by the heading's text."""
    found: dict[str, str] = {}
    title = ""
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("## "):
            title = line[3:].strip()
        found[title] = found.get(title, "") + line + "\n"
    return found


def commands(group: click.Group, prefix: tuple[str, ...] = ()):
    """(path of names, command) of every command under `group`, groups included, recursively."""
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))


def mentioned(text: str, name: str) -> bool:
    """Whether `name` (an option such as `--lang` or `-j`) is written in code in `text`."""
    return re.search(r"`" + re.escape(name) + r"(?![\w-])", text) is not None


def picture_links(markdown: str) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", markdown) + re.findall(r"<img[^>]*\ssrc=\"([^\"]+)\"", markdown)


def it_links_the_readmes_pictures_to_files_that_exist():
    links = picture_links((ROOT / "README.md").read_text("utf-8"))
    assert len(links) >= 6, links
    for link in links:
        assert "://" not in link, f"{link}: the README's pictures live in the repository"
        assert (ROOT / link).is_file(), f"README.md shows {link}, which does not exist (make pictures)"


def it_links_the_docs_pictures_to_files_that_exist():
    for page in sorted(DOCS.glob("*.md")):
        for link in picture_links(page.read_text("utf-8")):
            assert (page.parent / link).is_file(), f"{page.name} shows {link}, which does not exist"


def it_keeps_every_picture_small():
    pictures = sorted((DOCS / "pictures").glob("*.png"))
    assert pictures, "docs/pictures/ is empty: make pictures"
    for picture in pictures:
        assert picture.stat().st_size < PICTURE_LIMIT, f"{picture.name}: {picture.stat().st_size} bytes"


def it_keeps_the_readme_short():
    assert len((ROOT / "README.md").read_text("utf-8").splitlines()) <= 160


def it_documents_every_command_and_option_with_its_default():
    from generator.cli import main

    text = sections(COMMAND_LINE)
    problems = []
    for path, command in [((), main), *commands(main)]:
        title = "Options of every command" if not path else f"deckgen {' '.join(path)}"
        if isinstance(command, click.Group) and path:
            if not any(p for p in command.params if isinstance(p, click.Option)):
                assert f"deckgen {' '.join(path)}" in COMMAND_LINE.read_text("utf-8")
                continue
        section = text.get(title)
        if section is None:
            problems.append(f"command-line.md has no section '## {title}'")
            continue
        for param in command.params:
            if isinstance(param, click.Argument):
                if param.name.upper() not in section:
                    problems.append(f"{title}: argument {param.name.upper()} is not documented")
                continue
            for name in [*param.opts, *param.secondary_opts]:
                if not mentioned(section, name):
                    problems.append(f"{title}: option {name} is not documented")
            default = param.default
            # no default: None, or click's own marker for an option left unset (an Enum member)
            if param.is_flag or default is None or isinstance(default, enum.Enum) or callable(default) \
                    or default in ((), False, ""):
                continue
            rows = [line for line in section.splitlines() if line.startswith("|") and mentioned(line, param.opts[0])]
            if not any(f"`{default}`" in row for row in rows):
                problems.append(f"{title}: {param.opts[0]}'s default `{default}` is not in its row")
    assert not problems, "\n".join(problems)


ENV_READS = [
    r"environ(?:\.get)?\(\s*[\"']([A-Z_][A-Z0-9_]*)[\"']",
    r"environ\[\s*[\"']([A-Z_][A-Z0-9_]*)[\"']\s*\]",
    r"[\"']([A-Z_][A-Z0-9_]*)[\"']\s+in\s+(?:os\.)?environ",
    r"getenv\(\s*[\"']([A-Z_][A-Z0-9_]*)[\"']",
]


def environment_variables() -> set[str]:
    """Every environment variable the code under generator/ reads or sets by name."""
    found = set()
    for source in (ROOT / "generator").rglob("*.py"):
        text = source.read_text("utf-8")
        for pattern in ENV_READS:
            found.update(re.findall(pattern, text))
    return found


def it_documents_every_environment_variable_the_code_reads():
    found = environment_variables()
    assert {"SOURCE_DATE_EPOCH", "NO_COLOR", "DECKGEN_JOBS", "XDG_CACHE_HOME"} <= found, found
    table = sections(COMMAND_LINE)["Environment variables"]
    missing = sorted(name for name in found if not mentioned(table, name))
    assert not missing, f"not in command-line.md's environment variables: {missing}"


def it_documents_every_deckgen_toml_key_and_its_example_is_valid(tmp_path):
    from generator.commands.config import KEYS, default_map

    section = sections(COMMAND_LINE)["Project defaults: deckgen.toml"]
    missing = sorted(key for key in KEYS if not mentioned(section, key))
    assert not missing, f"deckgen.toml keys not in command-line.md: {missing}"
    example = re.search(r"```toml\n(.*?)```", section, re.S).group(1)
    (tmp_path / "deckgen.toml").write_text(example, "utf-8")
    defaults = default_map(tmp_path)                  # no unknown key, every value of its type
    assert set(tomllib.loads(example)) == set(KEYS), "the example shows every key"
    assert defaults["build"]["out"] == "public/slides"


def it_documents_every_exit_code():
    from generator.errors import ExitCode

    table = sections(COMMAND_LINE)["Exit codes"]
    for code in ExitCode:
        assert re.search(rf"^\| {code.value} \|", table, re.M), f"exit code {code.value} is not in the table"


def it_prints_the_version_of_the_package_and_the_changelog_has_it():
    from importlib.metadata import version

    from click.testing import CliRunner

    from generator.cli import main

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert version("deckgen-talks") == declared, "the installed metadata is stale: pip install -e ."
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"deckgen, version {declared}"
    assert f"## [{declared}]" in (ROOT / "CHANGELOG.md").read_text("utf-8")


def it_builds_the_documentation_site_with_strict_checks(tmp_path):
    if importlib.util.find_spec("mkdocs") is None:
        pytest.fail("mkdocs is not installed (make test installs it: pip install -e '.[test]')")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                          str(ROOT / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    built = {p.name for p in (tmp_path / "site").glob("*.html")}
    assert {f"{page.stem}.html" for page in DOCS.glob("*.md")} <= built
