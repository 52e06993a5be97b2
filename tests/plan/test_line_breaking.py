"""Where the plan breaks lines: Japanese by phrases (BudouX), a number with its unit, code and
addresses whole, titles not at their hyphens, Thai between words."""

from __future__ import annotations

import unicodedata

import pytest

from generator.plan.breaks import balanced_lines, wrap_width
from generator.plan.hyphenate import hyphenator
from generator.plan.linebreak import break_units
from generator.plan.measure import TextMeasure

# Labels and sentences of the Japanese catalog (tests/content/scripts/ja.po)
LABELS = ("Python アプリ", "Ruby アプリ", "Node.js アプリ", "バイナリとライブラリ", "ハイパーバイザー",
          "インフラストラクチャ", "ゲスト OS", "ホスト OS", "Docker デーモン", "Docker コンテナ",
          "オペレーティングシステム", "アプリケーション")
SENTENCES = ("Docker コンテナは仮想マシンではありません。", "VM はシステムを隔離し、Docker はアプリケーションを隔離する。",
             "次はあなたの番です。Docker をインストールして、最初のコンテナを動かしましょう。",
             "「VM なら数分、コンテナなら約 50 ミリ秒」", "ハードウェアからアプリまで、6 つの層")
SIZE = 16


@pytest.fixture(scope="module")
def japanese(theme):
    return TextMeasure.for_theme(theme, "ja")


@pytest.fixture(scope="module")
def french(theme):
    return TextMeasure.for_theme(theme, "fr")


def kana(char: str) -> bool:
    return 0x3040 <= ord(char) <= 0x30FF and unicodedata.category(char) == "Lo"


def single_kana(line: str) -> bool:
    """A line whose only letter is one kana ("リ", "ん。")."""
    shown = [char for char in line if unicodedata.category(char)[0] in "LN"]
    return len(shown) == 1 and kana(shown[0])


def widths(measure: TextMeasure, texts, most: float) -> list[float]:
    """Widths from the widest word (in characters, at SIZE) of the texts to `most`, in small steps."""
    least = 3.2 * SIZE
    return [least + step * 3.0 for step in range(int((most - least) / 3.0) + 1)]


def it_leaves_no_japanese_label_line_with_a_single_kana(japanese):
    for label in LABELS:
        for width in widths(japanese, [label], japanese.width(label, SIZE, True) + 10):
            wrapped = japanese.wrap(label, width, SIZE, True)
            assert not any(single_kana(line) for line in wrapped.lines), (label, width, wrapped.lines)
            assert "".join(wrapped.lines).replace(" ", "") == label.replace(" ", "")


def it_keeps_a_japanese_phrase_whole_when_the_line_holds_it(japanese):
    """A label at any width its longest phrase fits in breaks only between phrases ("Python | アプリ",
    never "Python アプ | リ"); a sentence keeps 仮想マシン on one line whenever a line holds it."""
    for label, phrases in (("Python アプリ", ("Python", "アプリ")), ("ハイパーバイザー", ("ハイパーバイザー",)),
                           ("バイナリとライブラリ", ("バイナリと", "ライブラリ")), ("ゲスト OS", ("ゲスト OS",))):
        widest = max(japanese.width(phrase, SIZE, True) for phrase in phrases)
        for width in (widest + 1, widest + 8, widest + 20, japanese.width(label, SIZE, True) + 1):
            lines = japanese.wrap(label, width, SIZE, True).lines
            assert all(line in phrases or line == label for line in lines), (label, width, lines)
    sentence = SENTENCES[0]
    for width in widths(japanese, [sentence], 400):
        if width < japanese.width("仮想マシン", SIZE):
            continue
        wrapped = japanese.wrap(sentence, width, SIZE)
        assert any("仮想マシン" in line for line in wrapped.lines), (width, wrapped.lines)
        assert not wrapped.broken


def it_breaks_japanese_sentences_without_a_single_kana_line_or_a_cut(japanese):
    for sentence in SENTENCES:
        for width in widths(japanese, [sentence], japanese.width(sentence, SIZE) + 10):
            if width < 6 * SIZE:
                continue
            wrapped = japanese.wrap(sentence, width, SIZE)
            assert not wrapped.broken, (sentence, width, wrapped.lines)
            assert not any(single_kana(line) for line in wrapped.lines), (sentence, width, wrapped.lines)
            assert all(japanese.width(line, SIZE) <= width + 1e-6 for line in wrapped.lines)


def it_breaks_a_phrase_wider_than_the_line_between_its_characters(japanese):
    """The fallback: a phrase wider than a whole line is broken between characters (kinsoku
    kept), not reported as cut."""
    phrase = "オペレーティングシステム"
    wrapped = japanese.wrap(phrase, japanese.width(phrase, SIZE) * 0.6, SIZE)
    assert len(wrapped.lines) == 2 and not wrapped.broken and "".join(wrapped.lines) == phrase


def it_never_breaks_between_a_number_and_its_unit(french):
    text = ("Jusqu'à 700 Mo chacun : 3 × 700 Mo = 2,1 Go de disque, quelques minutes pour une VM, "
            "50 millisecondes environ pour un conteneur et 1 000 conteneurs à 12,5 % de charge")
    together = ("700 Mo", "2,1 Go", "50 millisecondes", "1 000 conteneurs", "12,5 %")
    for width in range(150, 700, 7):
        lines = french.wrap(text, width, SIZE).lines
        joined = "\n".join(lines)
        for words in together:
            assert joined.count(words) == text.count(words), (words, width, lines)


def it_never_hyphenates_or_breaks_code_names_or_addresses(french, theme):
    english = TextMeasure.for_theme(theme, "en")
    for word in ("invoice()", "check-out()", "snake_case_name", "camelCaseName", "requirements.txt",
                 "docs.docker.com", "--no-install-recommends"):
        assert hyphenator("en").positions(word) == () and hyphenator("fr").positions(word) == (), word
    text = ("Appelez invoice() puis check-out() sur order_total, lisez camelCaseName dans "
            "https://docs.docker.com/get-started/overview ou lancez --no-install-recommends")
    for measure in (french, english):
        for width in range(40, 500, 5):
            wrapped = measure.wrap(text, width, SIZE)
            if wrapped.broken:          # narrower than a word: cut as a last resort, and said
                continue
            lines = wrapped.lines
            for line in lines[:-1]:
                assert not line.endswith(("check-", "invoi-", "in-", "get-", "order_", "camel-", "--no-")), \
                    (width, lines)
            assert not any(line.startswith(("()", "out()", "voice()", "started")) for line in lines), (width, lines)


def it_breaks_after_a_slash_only_in_the_path_of_an_address():
    pieces = [piece for _, piece in break_units("voir https://docs.docker.com/get-started/overview ici", "fr")]
    assert pieces == ["voir", "https://docs.docker.com/", "get-started/", "overview", "ici"]
    pieces = [piece for _, piece in break_units("Hyper-V/KVM et/ou <i>lance</i>", "fr")]
    assert pieces == ["Hyper-V/KVM", "et/ou", "<i>lance</i>"]


def it_breaks_after_a_hyphen_only_between_two_parts_of_two_letters(french):
    assert [piece for _, piece in break_units("Hyper-V et Host-Betriebssystem (-5)", "de")] == \
        ["Hyper-V", "et", "Host-", "Betriebssystem", "(-5)"]
    for width in range(20, 200, 3):
        wrapped = french.wrap("(Hyper-V) et (virtualisation)", width, SIZE)
        lines = wrapped.lines
        assert not wrapped.broken or width < french.width("(Hyper-V)", SIZE)
        assert wrapped.broken or not any(line.endswith(("(", "(-", "Hyper-")) for line in lines[:-1]), (width, lines)


def it_breaks_a_title_at_its_spaces_before_its_hyphens(theme):
    german = TextMeasure.for_theme(theme, "de")
    title = "Der Bare-Metal-Server im Rechenzentrum"
    checked = 0
    for width in range(200, 520, 4):
        greedy = german.wrap(title, width * 0.96, 30, True).lines
        lines = balanced_lines(german, title, width, 30, True)
        assert len(lines) <= len(greedy)
        if german.width("Bare-Metal-Server", 30, True) < width * 0.9:
            assert not any(line.endswith("-") for line in lines), (width, lines)
            checked += any(line.endswith("-") for line in greedy)
    assert checked         # greedy breaking alone would break at a hyphen there


def it_balances_a_title_without_moving_a_break_to_a_hyphen(theme):
    """Evening out lines must not bring a hyphen break that lines as many without one avoid
    ("… Mais comparons- | les quand même.")."""
    statement = "Je le répète : ce ne sont pas des VM. Mais comparons-les quand même."
    checked = 0
    for lang in ("fr", "ja"):
        measure = TextMeasure.for_theme(theme, lang)
        for size in (40, 44, 48):
            for width in range(600, 900, 12):
                greedy = measure.wrap(statement, wrap_width(width), size, True)
                whole = measure.wrap(statement, wrap_width(width), size, True, hyphens=False)
                if len(whole.lines) > len(greedy.lines):
                    continue            # the hyphen saves a line: no other break exists
                lines = balanced_lines(measure, statement, width, size, True)
                assert not any(line.endswith("-") for line in lines), (lang, size, width, lines)
                checked += 1
    assert checked > 100


def it_breaks_thai_between_words_not_only_at_spaces(theme):
    thai = TextMeasure.for_theme(theme, "th")
    text = "ภาษาไทยเป็นภาษาที่มีระดับเสียงของคำแน่นอน"
    pieces = [piece for _, piece in break_units(text, "th")]
    assert len(pieces) > 3 and "".join(pieces) == text
    wrapped = thai.wrap(text, thai.width(text, SIZE) / 2.5, SIZE)
    assert len(wrapped.lines) >= 3 and not wrapped.broken


def it_breaks_korean_at_its_spaces_and_chinese_by_phrases():
    korean = break_units("도커 컨테이너는 가상 머신이 아닙니다.", "ko")
    assert sum(glue == " " for glue, _ in korean) == 4        # every space a break (no phrase model binds them)
    chinese = [piece for _, piece in break_units("Docker 容器不是虚拟机，它与主机共享内核。", "zh-Hans")]
    assert "".join(chinese).replace(" ", "") == "Docker容器不是虚拟机，它与主机共享内核。"
    assert 2 < len(chinese) < 12 and not any(piece in ("，", "。") for piece in chinese)


def it_keeps_korean_words_whole_at_every_width(theme):
    """Korean breaks at its spaces, never between two syllables of a word (`word-break:
    keep-all`), at every width a line holds the longest word; a word wider than the line still
    breaks between its syllables."""
    korean = TextMeasure.for_theme(theme, "ko")
    text = "도커 컨테이너는 가상 머신이 아닙니다. 호스트의 커널을 공유합니다."
    words = text.split()
    assert [piece for _, piece in break_units(text, "ko")] == words
    widest = max(korean.width(word, SIZE) for word in words)
    for width in widths(korean, [text], korean.width(text, SIZE) + 10):
        if width < widest + 1:
            continue
        lines = korean.wrap(text, width, SIZE).lines
        assert all(word in words for line in lines for word in line.split()), (width, lines)
    narrow = korean.wrap("컨테이너오케스트레이션", korean.width("컨테이너오케스트레이션", SIZE) / 2, SIZE).lines
    assert len(narrow) >= 2 and "".join(narrow) == "컨테이너오케스트레이션"
