"""A real client opens the deck: LibreOffice converts it to PDF, page by page as expected."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.talk import load_talk
from generator.i18n.localize import localize
from generator.text.markdown import plain
from tests.conftest import SAMPLE_TALK
from tests.renderers.pptx.test_deck import expected_title


def page_texts(pdf) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(pdf)).pages]


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice is missing: make test installs libreoffice-impress")
    out = tmp_path_factory.mktemp("lo")
    result = CliRunner().invoke(main, ["build", str(SAMPLE_TALK), "--format", "pptx", "--lang", "fr",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    deck = out / "autour-de-docker" / "fr" / "autour-de-docker-fr.pptx"
    profile = out / "profile"
    proc = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(out), str(deck)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    return page_texts(out / "autour-de-docker-fr.pdf")


def it_gives_one_page_per_slide(converted):
    assert len(converted) == len(load_talk(SAMPLE_TALK).talk.slides)


def it_shows_each_slides_title_on_its_page(converted):
    talk = localize(load_talk(SAMPLE_TALK), "fr").talk
    for page, content in zip(converted, talk.slides):
        title = expected_title(talk, content)
        words = " ".join(plain(title).split())
        assert words.casefold().replace("\u202f", " ").replace("\u00a0", " ") in page.casefold().replace("\u202f", " ").replace("\u00a0", " "), content.id


def it_shows_the_layers_of_the_vm_stack_as_text(converted):
    talk = load_talk(SAMPLE_TALK).talk
    page = converted[[s.id for s in talk.slides].index("vm-stack")]
    for label in ("Infrastructure", "Hyperviseur", "Système invité", "700 Mo", "Appli Python"):
        assert label in page.replace("\u00a0", " ")


def it_shows_the_table_and_the_footer(converted):
    talk = load_talk(SAMPLE_TALK).talk
    page = converted[[s.id for s in talk.slides].index("differences")]
    assert "Quelques millisecondes" in page and "Environ une minute" in page
    assert "Autour de Docker" in page
