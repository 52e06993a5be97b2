"""The tool's own words: the catalogs it ships (complete, placeholders kept, accepted by msgfmt),
the words they give, and the one warning for a language without one."""

from __future__ import annotations

import json
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


def it_ships_greek_hebrew_korean_and_both_chinese_scripts():
    assert {"el", "he", "ko", "zh_Hans", "zh_Hant", "ru", "it", "nl", "pt"} <= set(shipped_languages())


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


# Plural-Forms of each catalog, as the GNU gettext manual gives them for the language.
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);", "de": "nplurals=2; plural=(n != 1);", "el": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);", "it": "nplurals=2; plural=(n != 1);", "nl": "nplurals=2; plural=(n != 1);",
    "pt": "nplurals=2; plural=(n != 1);", "he": "nplurals=2; plural=(n != 1);", "fr": "nplurals=2; plural=(n > 1);",
    "ja": "nplurals=1; plural=0;", "ko": "nplurals=1; plural=0;", "zh_Hans": "nplurals=1; plural=0;",
    "zh_Hant": "nplurals=1; plural=0;",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
}


@pytest.mark.parametrize("name", CATALOGS)
def it_declares_the_plural_forms_of_its_language_and_gives_each(name):
    po = catalog(name)
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[name.removesuffix(".po")]
    count = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    assert all(sorted(e.msgstr_plural) == list(range(count)) for e in po if e.msgid_plural)


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


def it_counts_lines_in_greek_hebrew_korean_and_chinese():
    assert word("el", "alt/code", language="python", count=1) == "Κώδικας python, 1 γραμμή"
    assert word("el", "alt/code", language="python", count=2) == "Κώδικας python, 2 γραμμές"
    assert word("he", "alt/code", language="python", count=1) == "קוד python, 1 שורה"
    assert word("he", "alt/code", language="python", count=12) == "קוד python, 12 שורות"
    assert word("ko", "alt/code", language="python", count=3) == "python 코드, 3줄"
    assert word("zh-Hans", "alt/code", language="python", count=3) == "python 代码，3 行"
    assert word("zh-Hant", "alt/code", language="python", count=3) == "python 程式碼，3 行"


@pytest.mark.parametrize("tag, catalog_language", [
    ("zh-Hant-TW", "zh-Hant"), ("zh-Hant", "zh-Hant"), ("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"),
    ("zh-MO", "zh-Hant"), ("zh_TW", "zh-Hant"), ("zh-hant-hk", "zh-Hant"),
    ("zh-Hans-CN", "zh-Hans"), ("zh-Hans", "zh-Hans"), ("zh-CN", "zh-Hans"), ("zh-SG", "zh-Hans"), ("zh", "zh-Hans"),
    ("zh-Hans-HK", "zh-Hans"),
    ("he-IL", "he"), ("iw", "he"), ("el-GR", "el"), ("el-CY", "el"), ("ko-KR", "ko"), ("ar-EG", "ar"), ("pt-BR", "pt"),
])
def it_reads_a_tag_from_the_catalog_of_its_language_and_script(tag, catalog_language):
    assert tool_language(tag) == catalog_language


def it_writes_simplified_or_traditional_chinese_as_the_region_asks():
    assert word("zh-TW", "handout/page-of", page=1, pages=16) == "第 1 頁，共 16 頁"
    assert word("zh-CN", "handout/page-of", page=1, pages=16) == "第 1 页，共 16 页"
    assert word("zh-Hant-HK", "slide/continued", title="架構", part=1, parts=2) == "架構（1/2）"
    assert word("he-IL", "slide/continued", title="ארכיטקטורה", part=1, parts=2) == "ארכיטקטורה (1/2)"


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


@pytest.fixture(scope="module")
def hebrew_and_chinese_decks(tmp_path_factory):
    """One small talk in Hebrew, translated into Traditional Chinese (Taiwan), built once as HTML."""
    folder = tmp_path_factory.mktemp("he-zh")
    result = CliRunner().invoke(main, ["new", "shalom", "--dir", str(folder / "content"), "--lang", "he"])
    assert result.exit_code == 0, result.output
    talk = folder / "content" / "shalom"
    path = talk / "talk.yaml"
    text = path.read_text("utf-8")
    assert "translations: []" in text
    path.write_text(text.replace("translations: []", "translations: [zh-Hant-TW]"), "utf-8")
    built = CliRunner().invoke(main, ["build", str(talk), "--format", "html", "--out", str(folder / "out")])
    assert built.exit_code == 0, built.output
    assert "[i18n.tool-language]" not in built.output + built.stderr
    return {lang: (folder / "out" / "shalom" / lang / f"shalom-{lang}.html").read_text("utf-8")
            for lang in ("he", "zh-Hant-TW")}


@pytest.mark.parametrize("lang", ["he", "zh-Hant-TW"])
def it_builds_an_html_deck_whose_tool_words_are_in_its_language(hebrew_and_chinese_decks, lang):
    html = hebrew_and_chinese_decks[lang]
    for key in ("deck/help-title", "deck/help-close", "deck/key-overview", "deck/key-name-space"):
        assert word(lang, key) in html, key            # the help overlay's table of keys, in the page
    for key in ("deck/slide-n-of", "deck/speaker-view", "deck/help", "deck/no-notes"):
        assert json.dumps(word(lang, key)) in html, key    # the script's words
    for key in ("deck/help-title", "deck/key-overview", "deck/speaker-view", "deck/no-notes"):
        assert word("en", key) not in html, key


def it_builds_the_chinese_deck_in_traditional_characters(hebrew_and_chinese_decks):
    html = hebrew_and_chinese_decks["zh-Hant-TW"]
    assert "快速鍵" in html and "快捷键" not in html


def it_lists_every_shipped_catalog_in_the_documentation():
    from tests.conftest import ROOT

    text = (ROOT / "docs" / "translations.md").read_text("utf-8")
    section = text[text.index("## The tool's own words"):]
    for name in shipped_languages():
        assert f"`{name.replace('_', '-')}`" in section, name
