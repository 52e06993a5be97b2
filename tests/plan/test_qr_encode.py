"""Our QR encoder makes segno's modules: `qr_modules(text)` equals
`segno.make(text, error="m", micro=False).matrix` on seeded random texts of every mode, length
and alphabet a link may hold, and on the lengths at the edges of the versions' capacities.
segno is a test dependency only: the build must not import it."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest
import segno
import segno.consts as consts
from segno import encoder

from generator.errors import RenderError
from generator.plan import qr_encode
from generator.plan.qr import qr_code
from generator.plan.qr_encode import DataTooLong, qr_modules
from tests.conftest import ROOT

ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
URL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
WORDS = {   # path words by alphabet; the encoding segno picks is in the comment
    "ascii": ["docs", "talk", "2024", "slides", "index.html", "a-b_c", "v1.2", "~user"],
    "latin1": ["café", "über", "straße", "niño", "façade", "à", "øre", "¿qué?"],             # ISO-8859-1
    "japanese": ["日本語", "東京", "ドキュメント", "テスト", "ひらがな", "ｶﾀｶﾅ"],              # Shift JIS
    "cyrillic": ["пример", "доклад", "Ёж"],                                                  # Shift JIS
    "arabic": ["مرحبا", "العربية", "٣٤٥"],                                                   # UTF-8
    "emoji": ["🐳", "🚀", "✨", "👩‍💻"],                                                      # UTF-8
    "mixed": ["日本é", "这个", "€", "naïve🐳"],                                               # UTF-8
}


def segnos(text: str, mask: int | None = None) -> tuple[tuple[bool, ...], ...]:
    """segno's modules for the text, as qr.py asked for them; with its own mask unless given one."""
    code = segno.make(text, error="m", micro=False, mask=mask)
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


def differences(cases: list[str], choose: bool = True) -> list[str]:
    """The texts whose modules are not segno's: segno choosing its mask, or (choose=False) given
    ours, read from our format information: everything but the choice, at a fifth of segno's
    time (the choice's penalty is compared on its own)."""
    found = []
    for text in cases:
        ours = qr_modules(text)
        if ours != segnos(text, None if choose else format_mask(ours)):
            found.append(text[:40])
    return found


def short(chance: random.Random) -> int:
    """Mostly the lengths of links (versions 1-7), now and then longer."""
    return chance.choice((chance.randint(1, 12), chance.randint(1, 40), chance.randint(1, 90),
                          chance.randint(1, 160)))


def url(chance: random.Random, alphabet: str) -> str:
    """A random link: a scheme, a host, a path with words of the alphabet and percent escapes,
    a query and a fragment, each part there or not."""
    def word() -> str:
        if chance.random() < 0.3:
            return chance.choice(WORDS[alphabet])
        if chance.random() < 0.15:
            return "".join(f"%{chance.randrange(256):02X}" for _ in range(chance.randint(1, 3)))
        return "".join(chance.choice(URL_CHARS) for _ in range(chance.randint(1, 12)))

    labels = ("".join(chance.choice("abcdefghijklmnopqrstuvwxyz0123456789-") for _ in range(chance.randint(1, 10)))
              for _ in range(chance.randint(1, 3)))
    host = ".".join(labels) + chance.choice((".org", ".com", ".fr", ".jp", ".io"))
    scheme = chance.choice(("http://", "https://", "https://", "mailto:", "HTTPS://"))
    if scheme == "mailto:":
        text = f"mailto:{word()}@{host}" + (f"?subject={word()}%20{word()}" if chance.random() < 0.5 else "")
    else:
        text = scheme + (host.upper() if scheme.isupper() else host)
        text += (f":{chance.randint(1, 65535)}" if chance.random() < 0.1 else "")
        text += "/" + "/".join(word() for _ in range(chance.randint(0, 6)))
        if chance.random() < 0.4:
            text += "?" + "&".join(f"{word()}={word()}" for _ in range(chance.randint(1, 4)))
        if chance.random() < 0.3:
            text += "#" + word()
    return text[:chance.randint(len(text) // 2, len(text))] if chance.random() < 0.2 else text


def texts(kind: str, count: int) -> list[str]:
    chance = random.Random(f"qr-{kind}")
    if kind == "numeric":
        return ["".join(chance.choice("0123456789") for _ in range(short(chance) * 2)) for _ in range(count)]
    if kind == "alphanumeric":
        return ["".join(chance.choice(ALPHANUMERIC) for _ in range(short(chance))) for _ in range(count)]
    if kind == "kanji":     # Shift JIS double-byte text, and Latin-1 pairs that read as such codes
        pairs = [chr(chance.choice((*range(0x81, 0xA0), *range(0xE0, 0xEC)))) + chr(chance.randint(0x40, 0xFF))
                 for _ in range(200)]
        return ["".join(chance.choice(WORDS["japanese"][:5]) for _ in range(chance.randint(1, 12))) if i % 2 else
                "".join(chance.choice(pairs) for _ in range(chance.randint(1, 30))) for i in range(count)]
    if kind == "bytes":     # any character of the first 256, ASCII mostly
        return ["".join(chr(chance.choice((chance.randint(32, 126),) * 4 + (chance.randint(0, 255),)))
                        for _ in range(short(chance))) for _ in range(count)]
    return [url(chance, kind) for _ in range(count)]


def bits(mode: int, count: int) -> int:
    """The data bits of `count` characters in the mode."""
    if mode == consts.MODE_NUMERIC:
        return count // 3 * 10 + (0, 4, 7)[count % 3]
    if mode == consts.MODE_ALPHANUMERIC:
        return count // 2 * 11 + count % 2 * 6
    return count * 8


def edges() -> list[str]:
    """For versions 1-10 and 27, in each mode: the longest text that fits level M
    (no room for the terminator), one character more (the next version), and the longest that
    fits levels Q and H (where the level is raised)."""
    found = []
    for version in (*range(1, 11), 27):
        group = encoder.version_range(version)
        for mode, char in ((consts.MODE_NUMERIC, "7"), (consts.MODE_ALPHANUMERIC, "Q"), (consts.MODE_BYTE, "q")):
            overhead = 4 + consts.CHAR_COUNT_INDICATOR_LENGTH[mode][group]
            for level in (consts.ERROR_LEVEL_M, consts.ERROR_LEVEL_Q, consts.ERROR_LEVEL_H):
                capacity = consts.SYMBOL_CAPACITY[version][level]
                count = max(n for n in range(capacity) if overhead + bits(mode, n) <= capacity)
                found.append(char * count)
                if level == consts.ERROR_LEVEL_M:
                    found.append(char * (count + 1))
    return found


def format_mask(modules: tuple[tuple[bool, ...], ...]) -> int:
    """The mask number a symbol's format information gives (the copy beside the top-left finder)."""
    cells = [modules[8][i] for i in (0, 1, 2, 3, 4, 5, 7, 8)] + [modules[i][8] for i in (7, 5, 4, 3, 2, 1, 0)]
    return (int("".join("1" if c else "0" for c in cells), 2) ^ 0x5412) >> 10 & 7


def random_matrix(chance: random.Random) -> tuple[bytearray, ...]:
    """A square of modules in runs of random lengths, sprinkled with finder-like patterns
    (some overlapping, some at the edges) that the N3 rule scores."""
    size = chance.choice((21, 25, 29, 33, 37, 45))
    rows = []
    for _ in range(size):
        row, colour = bytearray(), chance.getrandbits(1)
        while len(row) < size:
            row += bytes([colour]) * chance.choice((1, 1, 1, 2, 3, 4, 5, 6, 9))
            colour ^= 1
        for _ in range(chance.randint(0, 3)):
            pattern = chance.choice((b"\1\0\1\1\1\0\1", b"\0\0\0\0\1\0\1\1\1\0\1", b"\1\0\1\1\1\0\1\0\0\0\0",
                                     b"\1\0\1\1\1\0\1\1\1\0\1", b"\0\0\1\0\1\1\1\0\1\0\0"))
            at = chance.choice((0, size - len(pattern), chance.randint(0, size - len(pattern))))
            row[at:at + len(pattern)] = pattern
        rows.append(row[:size])
    return tuple(rows) if chance.random() < 0.5 else tuple(bytearray(column) for column in zip(*rows))


# By kind: texts compared with segno choosing its mask, and more with segno given ours.
KINDS = {"numeric": (40, 260), "alphanumeric": (40, 260), "bytes": (20, 140), "kanji": (20, 120),
         "ascii": (100, 480), "latin1": (20, 140), "japanese": (20, 120), "cyrillic": (10, 50),
         "arabic": (10, 70), "emoji": (10, 70), "mixed": (10, 70)}


@pytest.mark.parametrize("kind", list(KINDS))
def it_makes_segnos_modules_for_random_texts(kind):
    full, fixed = KINDS[kind]
    cases = texts(kind, full + fixed)
    assert differences(cases[:full]) == []
    assert differences(cases[full:], choose=False) == []


def it_scores_masks_like_segno():
    chance = random.Random("qr-penalty")
    for _ in range(1000):
        matrix = random_matrix(chance)
        size = len(matrix)
        symbol = int(b"".join(matrix).translate(bytes.maketrans(b"\0\1", b"01")), 2)
        assert qr_encode._penalty(symbol, size) == encoder.evaluate_mask(matrix, size, size), matrix


def it_makes_segnos_modules_at_the_edges_of_versions_and_levels():
    cases = edges()
    assert len(cases) == 11 * 3 * 4
    assert differences(cases, choose=False) == []


def it_makes_segnos_modules_up_to_version_40():
    cases = ["9" * 5596, "https://example.org/" + "x" * 2311, "https://example.org/" + "é" * 1500,
             "https://example.org/?q=" + "日本語" * 300]
    assert [len(qr_modules(text)) for text in cases] == [177, 177, 145, 161]      # versions 40, 40, 32, 36
    assert differences(cases[:1]) == [] and differences(cases[1:], choose=False) == []


def it_covers_every_mode_and_the_versions_with_version_information():
    cases = [text for kind, counts in KINDS.items() for text in texts(kind, sum(counts))] + edges()
    assert len(cases) >= 2000
    modes = [qr_encode._segment(text) for text in cases]
    assert {mode[0] for mode, _, _ in modes} == {"numeric", "alphanumeric", "kanji", "byte"}
    versions = {qr_encode._version_and_level(mode, len(bits))[0] for mode, _, bits in modes}
    assert set(range(1, 12)) <= versions and {27, 28} <= versions


def it_refuses_a_text_too_long_for_version_40_like_segno():
    for text in ("9" * 5597, "https://example.org/" + "x" * 2312):
        with pytest.raises(segno.DataOverflowError):
            segno.make(text, error="m", micro=False)
        with pytest.raises(DataTooLong, match="too long for a QR code"):
            qr_modules(text)
    with pytest.raises(RenderError, match="of a closing slide is too long for a QR code"):
        qr_code("https://example.org/" + "x" * 3000)


def it_keeps_segnos_tables():
    levels = {"L": consts.ERROR_LEVEL_L, "M": consts.ERROR_LEVEL_M, "Q": consts.ERROR_LEVEL_Q,
              "H": consts.ERROR_LEVEL_H}
    for version in range(1, 41):
        layout = qr_encode._layout(version)
        assert len(layout.order) == qr_encode._raw_modules(version), version     # every module filled
        for name, level in levels.items():
            assert qr_encode._capacity(version, name) == consts.SYMBOL_CAPACITY[version][level]
            blocks = [block.num_data for block in consts.ECC[version][level] for _ in range(block.num_blocks)]
            count, ec = qr_encode._BLOCKS[name][version - 1], qr_encode._EC_PER_BLOCK[name][version - 1]
            assert len(blocks) == count and {b.num_total - b.num_data for b in consts.ECC[version][level]} == {ec}
        if version >= 2:
            assert tuple(qr_encode._alignment_centres(version)) == tuple(consts.ALIGNMENT_POS[version - 2])
        if version >= 7:
            assert qr_encode._bch(version, 0x1F25) == consts.VERSION_INFO[version - 7]
    for degree, generator in consts.GEN_POLY.items():
        assert qr_encode._generator(degree) == generator
    assert [qr_encode._bch(n, 0x537) ^ 0x5412 for n in range(32)] == list(consts.FORMAT_INFO)


def it_makes_a_closing_slides_qr_code_without_importing_segno():
    probe = ("import sys; from generator.plan.qr import qr_code; qr_code('https://example.org'); "
             "assert 'segno' not in sys.modules, 'segno was imported'")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
