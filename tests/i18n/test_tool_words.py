"""The tool's own words: the catalogs it ships (complete, placeholders kept, accepted by msgfmt),
the words they give, and the one warning for a language without one."""

from __future__ import annotations

import re
import shutil
import subprocess

import polib
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.i18n.tool_words import locales_folder, shipped_languages, tool_language, word
from generator.renderers.handout.words import page_counter_content, page_of

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
CATALOGS = sorted(entry.name for entry in locales_folder().iterdir() if entry.name.endswith(".po"))


def catalog(name: str) -> polib.POFile:
    return polib.pofile((locales_folder() / name).read_text(encoding="utf-8"))


def it_ships_at_least_french_english_german_spanish_japanese_and_arabic():
    assert {"fr", "en", "de", "es", "ja", "ar"} <= set(shipped_languages())


@pytest.mark.parametrize("name", CATALOGS)
def it_passes_msgfmt_check(name, tmp_path):
    if shutil.which("msgfmt") is None:
        pytest.fail("msgfmt (gettext) is missing: make test installs it")
    path = tmp_path / name
    path.write_text((locales_folder() / name).read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.run(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("name", CATALOGS)
def it_keeps_exactly_the_placeholders_of_each_message(name):
    for entry in catalog(name):
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            source = entry.msgid_plural if entry.msgid_plural else entry.msgid
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), \
                f"{name}: {entry.msgctxt}: {form!r}"


@pytest.mark.parametrize("name", CATALOGS)
def it_translates_every_message_of_the_english_catalog_and_says_its_language(name):
    english = {(e.msgctxt, e.msgid, e.msgid_plural) for e in catalog("en.po")}
    po = catalog(name)
    assert {(e.msgctxt, e.msgid, e.msgid_plural) for e in po} == english
    assert not [e.msgctxt for e in po if e.fuzzy or not (e.msgstr or all(e.msgstr_plural.values()))]
    assert po.metadata["Language"] == name.removesuffix(".po").replace("_", "-")
    assert "plural=" in po.metadata["Plural-Forms"]


def it_reads_a_message_with_its_placeholders_filled_and_the_languages_typography():
    assert word("de", "deck/slide-n-of", n=3, total=20) == "Folie 3 von 20"
    assert word("ja", "deck/step-n-of", n=2, total=6) == "ステップ 2/6"
    assert word("ar", "handout/page-of", page=1, pages=7) == "صفحة 1 من 7"
    assert word("fr", "deck/overview") == "Vue d\u2019ensemble\u00a0: choisissez une diapositive"
    assert word("en", "deck/slide-n-of") == "Slide {n} of {total}"        # no fields: kept for the script


def it_picks_the_plural_form_the_language_asks_for():
    assert word("en", "alt/code", language="python", count=1) == "python code, 1 line"
    assert word("en", "alt/code", language="python", count=12) == "python code, 12 lines"
    assert word("fr", "alt/code", language="python", count=0) == "code python, 0 ligne"       # French: 0 is singular
    assert word("ar", "alt/code", language="bash", count=2).endswith("سطران")              # the dual
    assert word("ar", "alt/code", language="bash", count=5).endswith("أسطر")
    assert word("ja", "alt/code", language="bash", count=5) == "bash のコード、5 行"


def it_reads_a_regional_language_from_its_catalog_and_english_without_one():
    assert tool_language("fr-CA") == "fr" and word("fr-CA", "handout/links") == "Liens"
    assert tool_language("sw") is None and tool_language("qps") is None
    assert word("sw", "handout/links") == word("en", "handout/links") == "Links"


def it_prints_the_handout_page_counter_in_japanese_from_the_catalog():
    assert page_of("ja") == "{page} / {pages} ページ"
    assert page_counter_content(page_of("ja")) == 'counter(page) " / " counter(pages) " ページ"'


@pytest.fixture
def swahili_talk(tmp_path):
    result = CliRunner().invoke(main, ["new", "habari", "--dir", str(tmp_path / "content"), "--lang", "sw"])
    assert result.exit_code == 0, result.output
    return tmp_path / "content" / "habari"


def it_warns_once_for_a_language_without_the_tools_words(swahili_talk, tmp_path):
    result = CliRunner().invoke(main, ["build", str(swahili_talk), "--format", "pptx,html,handout",
                                       "--handout", "grid", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    found = [line for line in result.stderr.splitlines() if "[i18n.tool-language]" in line]
    assert len(found) == 1, result.stderr
    assert re.match(r".*talk\.yaml:\d+:\d+: warning: deckgen has no words of its own in 'sw' .*they read in English",
                    found[0])
    assert "copy generator/locales/en.po to sw.po" in result.stderr
    html = (tmp_path / "out" / "habari" / "sw" / "habari-sw.html").read_text("utf-8")
    assert word("en", "deck/help") in html
    checked = CliRunner().invoke(main, ["check", str(swahili_talk)])
    assert checked.output.count("[i18n.tool-language]") == 1
