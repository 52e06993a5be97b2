"""A theme's font family with spaces, parentheses and `#`, and a link with non-ASCII characters, go
into every format as written: the family under its own name, the link as an ASCII URI."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from tests.conftest import SAMPLE_TALK

FAMILY = "Body Font (Pro) #1"
LINK = "https://exemple.fr/café"
ASCII_LINK = "https://exemple.fr/caf%C3%A9"
THEME = f"""extends: default
name: odd
fonts:
  body:
    family: "{FAMILY}"
    fallbacks: [Carlito, sans-serif]
    regular: Carlito-Regular.ttf
    bold: Carlito-Bold.ttf
    italic: Carlito-Italic.ttf
"""


def _project(tmp_path: Path, theme: str = THEME) -> Path:
    talk = tmp_path / "content" / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    text = (talk / "talk.yaml").read_text("utf-8")
    text = re.sub(r"^theme: .*$", "theme: odd", text, flags=re.M)
    text = text.replace('url: "https://docs.docker.com/"', f'url: "{LINK}"')
    assert LINK in text
    (talk / "talk.yaml").write_text(text, "utf-8")
    (tmp_path / "templates" / "odd").mkdir(parents=True)
    (tmp_path / "templates" / "odd" / "theme.yaml").write_text(theme, "utf-8")
    return talk


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("names")
    talk = _project(root)
    out = root / "out"
    result = CliRunner().invoke(main, ["build", str(talk), "--lang", "fr", "--format", "pdf,html,pptx,handout",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output + result.stderr
    return out / "autour-de-docker" / "fr"


def _base_fonts(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def it_writes_a_pdf_that_qpdf_finds_sound_with_the_family_under_its_own_name(built):
    for pdf in sorted(built.glob("*.pdf")):
        check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        families = {name.split("+", 1)[1] for name in _base_fonts(pdf)}
        assert FAMILY in families and f"{FAMILY}-Bold" in families, families


def it_links_to_the_ascii_uri_in_the_pdf(built):
    listed = subprocess.run(["pdfinfo", "-url", str(built / "autour-de-docker-fr.pdf")],
                            capture_output=True, text=True, check=True).stdout
    urls = {line.split()[-1] for line in listed.splitlines()[1:] if line.strip()}
    assert ASCII_LINK in urls and not any("é" in url for url in urls)


def it_names_the_family_and_links_the_ascii_uri_in_the_html_deck(built):
    html = (built / "autour-de-docker-fr.html").read_text("utf-8")
    assert f"--font-body: '{FAMILY}'" in html
    assert f"@font-face {{ font-family: '{FAMILY}';" in html
    assert f'href="{ASCII_LINK}"' in html
    assert "exemple.fr/café" in html          # shown as people read it


def it_names_the_family_and_links_the_ascii_uri_in_the_pptx(built):
    from pptx import Presentation

    deck = Presentation(str(built / "autour-de-docker-fr.pptx"))
    faces = {e.get("typeface") for slide in deck.slides for e in slide._element.iter()
             if e.tag.endswith("}latin")}
    assert FAMILY in faces
    with zipfile.ZipFile(built / "autour-de-docker-fr.pptx") as package:
        rels = "".join(package.read(n).decode("utf-8") for n in package.namelist() if n.endswith(".rels"))
    assert f'Target="{ASCII_LINK}"' in rels and "café" not in rels


def it_refuses_a_family_no_format_can_write_at_its_line(tmp_path):
    talk = _project(tmp_path, THEME.replace(f'"{FAMILY}"', '"Body\\tFont"'))
    result = CliRunner().invoke(main, ["check", str(talk)])
    assert result.exit_code == 1
    assert re.search(r"theme\.yaml:5:\d+: error: font family 'Body\\tFont' holds U\+0009", result.output + result.stderr)
    assert "internal error" not in result.output + result.stderr


@pytest.mark.parametrize("value", ["big", "0.5", "4"])
def it_refuses_a_script_face_line_height_that_is_no_pitch_at_its_line(tmp_path, value):
    scripts = ("  scripts:\n    - {family: Noto Sans Arabic, regular: NotoSansArabic-Regular.ttf, "
               f"bold: NotoSansArabic-Bold.ttf, line_height: {value}}}\n")
    talk = _project(tmp_path, THEME + scripts)
    result = CliRunner().invoke(main, ["check", str(talk)])
    output = result.output + result.stderr
    assert result.exit_code == 1, output
    assert re.search(rf"theme\.yaml:\d+:\d+: error: line_height '{value}' is not a line pitch in ems "
                     r"\[theme\.line-height\]", output), output
    assert "internal error" not in output


@pytest.mark.parametrize("url, uri", [
    ("https://exemple.fr/café", "https://exemple.fr/caf%C3%A9"),
    ("https://bücher.de/ä?q=é#ö", "https://xn--bcher-kva.de/%C3%A4?q=%C3%A9#%C3%B6"),
    ("https://docs.docker.com/get-started/?a=1&b=%20", "https://docs.docker.com/get-started/?a=1&b=%20"),
    ("mailto:équipe@exemple.fr", "mailto:%C3%A9quipe@exemple.fr"),
    ("notes/deux mots.html", "notes/deux%20mots.html"),
    ("https://exemple.fr/\ufffe", "https://exemple.fr/%EF%BF%BE"),
])
def it_writes_a_link_as_the_ascii_uri_a_browser_sends(url, uri):
    from generator.text.links import safe_url

    assert safe_url(url) == uri and uri.isascii()
