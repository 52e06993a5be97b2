"""Pseudo-locale and typography: text shaped for a language before any renderer sees it."""

from __future__ import annotations

from generator.content.talk import load_talk
from generator.i18n.localize import localize
from generator.i18n.messages import talk_data, talk_entries
from generator.i18n.pseudo import pseudo_translate
from generator.i18n.typography import NBSP, NNBSP, typeset
from tests.conftest import SAMPLE_TALK


def it_lengthens_short_strings_most_and_long_ones_about_a_third():
    short = "Hyperviseur"
    long = "Chaque système invité réclame aussi son processeur et sa mémoire, et sa copie des binaires."
    assert len(pseudo_translate(short)) >= 2 * len(short)
    ratio = len(pseudo_translate(long)) / len(long)
    assert 1.25 <= ratio <= 1.4


def it_marks_both_ends_and_accents_every_letter():
    text = pseudo_translate("Docker")
    assert text.startswith("[") and text.endswith("]")
    assert not any(ch in "Docker" for ch in text.split()[0])


def it_keeps_placeholders_markdown_and_trailing_newlines():
    assert "{column}" in pseudo_translate("Appli {column}")
    assert pseudo_translate("Un **gras** mot\n").count("**") == 2
    assert pseudo_translate("Notes\n").endswith("]\n")


def it_puts_the_french_spaces_before_high_punctuation():
    assert typeset("Type 1 : KVM ; type 2 : VMware !", "fr") == \
        f"Type 1{NBSP}: KVM{NNBSP}; type 2{NBSP}: VMware{NNBSP}!"
    assert typeset("« VM légères »", "fr") == f"«{NBSP}VM légères{NBSP}»"
    assert typeset("Voir https://docs.docker.com/?q=1 !", "fr") == f"Voir https://docs.docker.com/?q=1{NNBSP}!"


def it_uses_curly_quotes_in_english():
    assert typeset('It\'s "lightweight"', "en") == "It\u2019s \u201clightweight\u201d"


def it_builds_the_pseudo_locale_of_the_sample_talk_with_every_string_changed():
    loaded = load_talk(SAMPLE_TALK)
    pseudo = localize(loaded, "qps")
    assert pseudo.warnings == []
    assert pseudo.talk.lang == "qps"
    texts = [e.text for e in talk_entries(talk_data(pseudo.talk)) if not e.verbatim]    # addresses stay
    assert texts and all(t.startswith("[") for t in texts)


def it_curls_french_apostrophes_but_not_in_addresses_or_code():
    assert typeset("L'image d'un conteneur, aujourd'hui", "fr") == "L\u2019image d\u2019un conteneur, aujourd\u2019hui"
    assert typeset("l'**image**", "fr") == "l\u2019**image**"
    assert typeset("Lancez `echo 'l'image'` : c'est tout", "fr") == \
        f"Lancez `echo 'l'image'`{NBSP}: c\u2019est tout"
    assert typeset("voir ``a'b`` et https://exemple.fr/l'x", "fr") == "voir ``a'b`` et https://exemple.fr/l'x"
    assert typeset("[l'aide](https://exemple.fr/l'aide)", "fr") == "[l\u2019aide](https://exemple.fr/l'aide)"
    assert typeset("Don't `it's`", "en") == "Don\u2019t `it's`"


def it_leaves_code_slides_as_written_in_french(tmp_path):
    talk = tmp_path / "demo"
    talk.mkdir()
    (talk / "talk.yaml").write_text(
        "id: demo\ntitle: L'essentiel\nlang: fr\nslides:\n"
        "  - id: code\n    kind: code\n    title: L'image\n    language: bash\n"
        "    caption: \"Lancez `docker run 'l'image'` d'abord\"\n"
        "    code: |\n      echo 'l'image' # l'image : c'est ça\n", encoding="utf-8")
    french = localize(load_talk(talk), "fr").talk
    assert french.title == "L\u2019essentiel" and french.slides[0].title == "L\u2019image"
    assert french.slides[0].caption == "Lancez `docker run 'l'image'` d\u2019abord"
    assert french.slides[0].code == "echo 'l'image' # l'image : c'est ça\n"
