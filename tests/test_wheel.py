"""The wheel works outside the checkout: built, installed into a fresh virtual environment in a
temporary folder, it makes a new talk, checks it and builds every format, with its own themes
and fonts (the system's font folders hidden too)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

CONSTRAINTS = ROOT / "constraints.txt"


def run(*args, cwd: Path, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with only the wheel (and its dependencies) installed: its bin folder."""
    place = tmp_path_factory.mktemp("wheel")
    # built from a copy, so the build leaves nothing in the checkout
    source = place / "source"
    anywhere = shutil.ignore_patterns("*.egg-info", "__pycache__", ".pytest_cache")
    at_top = {".git", ".venv", "output", "build", "dist", "tests"}    # generator/build/ is a package

    def ignore(folder, names):
        return set(anywhere(folder, names)) | (at_top & set(names) if Path(folder) == ROOT else set())

    shutil.copytree(ROOT, source, ignore=ignore)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", place / "dist", source, cwd=place)
    (wheel,) = (place / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as package:
        names = set(package.namelist())
    assert "generator/templates/default/theme.yaml" in names
    assert "generator/templates/default/fonts/Carlito-Regular.ttf" in names
    assert "generator/templates/default/fonts/OFL.txt" in names
    assert {"generator/templates/dark/theme.yaml", "generator/templates/dark/template.pptx"} <= names
    assert {f"generator/locales/{lang}.po" for lang in ("en", "fr", "de", "es", "ja", "ar")} <= names
    run(sys.executable, "-m", "venv", place / "venv", cwd=place)
    pip = [place / "venv" / "bin" / "python", "-m", "pip", "install", "-q"]
    run(*pip, *(["-c", CONSTRAINTS] if CONSTRAINTS.is_file() else []), wheel, cwd=place)
    return place / "venv" / "bin"


def _env(bin_dir: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def it_makes_checks_and_builds_a_new_talk_in_every_format(installed, tmp_path):
    env = _env(installed)
    deckgen = installed / "deckgen"
    assert run(deckgen, "--version", cwd=tmp_path, env=env).stdout.startswith("deckgen")
    run(deckgen, "new", "demo", cwd=tmp_path, env=env)
    checked = run(deckgen, "check", "content/demo", cwd=tmp_path, env=env)
    assert "ok:" in checked.stdout
    run(deckgen, "build", "content/demo", cwd=tmp_path, env=env)
    out = tmp_path / "output" / "demo" / "en"
    from pptx import Presentation
    from pypdf import PdfReader

    assert len(Presentation(str(out / "demo-en.pptx")).slides) > 3
    assert "<section" in (out / "demo-en.html").read_text("utf-8")
    for layout in ("notes", "lines", "grid"):
        assert len(PdfReader(str(out / f"demo-en-handout-{layout}.pdf")).pages) >= 1
    assert list((out / "diagrams").glob("*.svg")) and list((out / "diagrams").glob("*.png"))
    # the installed package, not this checkout, served the theme
    where = run(installed / "python", "-c", "from generator.theme import TEMPLATES_DIR; print(TEMPLATES_DIR)",
                cwd=tmp_path, env=env).stdout.strip()
    assert str(ROOT) not in where and "site-packages" in where


def _demo_without_system_fonts(installed, tmp_path):
    """A new talk `demo`, and the environment of a machine whose fonts the program cannot see."""
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n')
    env = _env(installed, FONTCONFIG_FILE=str(empty), DECKGEN_FONT_PATH="", HOME=str(tmp_path))
    run(installed / "deckgen", "new", "demo", cwd=tmp_path, env=env)
    return env


def it_builds_pptx_and_html_with_its_own_fonts_when_the_systems_are_hidden(installed, tmp_path):
    env = _demo_without_system_fonts(installed, tmp_path)
    deckgen = installed / "deckgen"
    result = run(deckgen, "build", "content/demo", "--format", "pptx,html", cwd=tmp_path, env=env)
    assert "font" not in result.stderr.lower()
    out = tmp_path / "output" / "demo" / "en"
    assert (out / "demo-en.pptx").stat().st_size > 10000
    assert "@font-face" in (out / "demo-en.html").read_text("utf-8")


def it_builds_with_the_dark_theme_on_the_default_themes_bundled_fonts(installed, tmp_path):
    env = _demo_without_system_fonts(installed, tmp_path)
    deckgen = installed / "deckgen"
    talk = tmp_path / "content" / "demo" / "talk.yaml"
    text = talk.read_text("utf-8")
    talk.write_text(text.replace("theme: default", "theme: dark") if "theme:" in text else text + "theme: dark\n",
                    "utf-8")
    assert "ok:" in run(deckgen, "check", "content/demo", cwd=tmp_path, env=env).stdout
    run(deckgen, "build", "content/demo", "--format", "pptx,html", cwd=tmp_path, env=env)
    out = tmp_path / "output" / "demo" / "en"
    assert "--color-background: #111827;" in (out / "demo-en.html").read_text("utf-8")
    with zipfile.ZipFile(out / "demo-en.pptx") as deck:     # the dark theme's own template
        assert b'<a:srgbClr val="111827"/>' in deck.read("ppt/slideMasters/slideMaster1.xml")


def it_reads_its_own_words_from_the_catalogs_it_installed(installed, tmp_path):
    env = _env(installed)
    deckgen = installed / "deckgen"
    read = run(installed / "python", "-c", "from generator.i18n.tool_words import locales_folder, word; "
               "print(locales_folder()); print(word('ja', 'handout/page-of', page=1, pages=2))",
               cwd=tmp_path, env=env).stdout.splitlines()
    assert "site-packages" in read[0] and str(ROOT) not in read[0]
    assert read[1] == "1 / 2 ページ"
    run(deckgen, "new", "demo", "--lang", "de", cwd=tmp_path, env=env)
    result = run(deckgen, "build", "content/demo", "--format", "html", cwd=tmp_path, env=env)
    assert "i18n.tool-language" not in result.stderr
    html = (tmp_path / "output" / "demo" / "de" / "demo-de.html").read_text("utf-8")
    assert "eine Nummer, dann Eingabe: zur Folie" in html        # the help, from the German catalog
