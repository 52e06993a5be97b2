"""The English outputs hold no French: every source string is absent, bar words both languages share."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.talk import load_talk
from generator.i18n.messages import talk_data, talk_entries
from tests.conftest import SAMPLE_TALK

# Source strings the English translation keeps as they are: words French and English share.
SHARED_WORDS = {"Application", "Infrastructure", "Isolation", "{column}"}


def _text_of_pptx(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        xml = " ".join(package.read(n).decode("utf-8") for n in package.namelist()
                       if n.startswith(("ppt/slides/slide", "ppt/notesSlides/")) and n.endswith(".xml"))
    runs = re.findall(r"<a:t>([^<]*)</a:t>", xml)
    return " ".join(runs)


def _text_of_svg(path: Path) -> str:
    return " ".join(re.findall(r">([^<>]+)<", path.read_text("utf-8")))


def _normal(text: str) -> str:
    text = text.replace("&apos;", "'").replace("&amp;", "&").replace("&quot;", '"').replace("\u2019", "'")
    return " ".join(re.sub(r"[\u00a0\u202f]", " ", text).split())


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    out = tmp_path_factory.mktemp("en")
    result = CliRunner().invoke(main, ["build", str(SAMPLE_TALK), "--lang", "fr,en", "--format", "pptx,diagrams",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # no fallback warning: the translation is complete
    return out / "autour-de-docker" / "en"


def source_strings() -> list[str]:
    loaded = load_talk(SAMPLE_TALK)
    texts = {entry.text for entry in talk_entries(talk_data(loaded.talk)) if not entry.verbatim}   # addresses stay
    lines = set()
    for text in texts - SHARED_WORDS:
        # Multi-line notes become one paragraph per line: look for each line.
        lines.update(line.strip() for line in text.splitlines() if len(line.strip()) > 3)
    return sorted(lines)


def test_every_english_output_is_free_of_french(english):
    outputs = {p.name: _normal(_text_of_pptx(p) if p.suffix == ".pptx" else _text_of_svg(p))
               for p in sorted(english.rglob("*")) if p.suffix in (".pptx", ".svg")}
    assert any(name.endswith(".pptx") for name in outputs)
    assert len(outputs) >= 5
    leaks = []
    for source in source_strings():
        plain = _normal(re.sub(r"\*\*|\*", "", source))
        for name, text in outputs.items():
            if plain in text:
                leaks.append((name, plain))
    assert leaks == []


def test_the_check_would_catch_a_french_string(english):
    # The same search finds a French title in the French deck: the test can fail.
    french = _normal(_text_of_pptx(english.parent / "fr" / "autour-de-docker-fr.pptx"))
    source = _normal("Le prix de l'isolation totale")
    assert source in french
    assert source not in _normal(_text_of_pptx(english / "autour-de-docker-en.pptx"))
