"""QR Code model 2 (ISO/IEC 18004) of a text: the modules segno 1.6.6 makes with
`segno.make(text, error="m", micro=False)`, without importing segno.

Importing segno costs about 27 ms in every build process (its writers pull in urllib through
xml.sax.saxutils), and a closing slide only needs the module matrix. So this module repeats
segno's choices exactly, including those the standard leaves open or that differ from it
(tests/plan/test_qr_encode.py compares the two matrices on thousands of texts):

- one segment in the first mode that holds all the text's bytes: numeric, alphanumeric, kanji
  (when the bytes are all Shift JIS double-byte codes), else byte;
- the bytes in ISO-8859-1, else Shift JIS, else UTF-8, without an ECI header;
- the smallest version that holds the data at level M, then the highest level (Q, H) that
  still holds it in that version;
- after the terminator, 8 zero padding bits when the data already ends on a byte boundary
  (a surplus zero codeword: pad codewords come after it, the symbol's capacity cuts it off);
- the mask with the lowest penalty, the first one on a tie, scored before the format and
  version information are written (their modules count as light), with segno's reading of
  the finder-like rule (N3).
"""

from __future__ import annotations

from functools import cache

__all__ = ["DataTooLong", "qr_modules"]


class DataTooLong(ValueError):
    """The text does not fit in a version 40 symbol at level M."""


# The two bits of each error correction level in the format information.
_LEVEL_BITS = {"L": 1, "M": 0, "Q": 3, "H": 2}

# ISO/IEC 18004 Table 9, one row per level, one column per version 1..40: the error correction
# codewords of each block, and the number of blocks. A version's blocks share its codewords
# as evenly as possible, the shorter ones first.
_EC_PER_BLOCK = {
    "L": (7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
          28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30),
    "M": (10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
          26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28),
    "Q": (13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
          28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30),
    "H": (17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
          30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30),
}
_BLOCKS = {
    "L": (1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
          8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25),
    "M": (1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
          17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49),
    "Q": (1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
          23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68),
    "H": (1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
          25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81),
}

# Modes: (name, indicator, bits of the character count in versions 1-9, 10-26, 27-40).
NUMERIC = ("numeric", 1, (10, 12, 14))
ALPHANUMERIC = ("alphanumeric", 2, (9, 11, 13))
BYTE = ("byte", 4, (8, 16, 16))
KANJI = ("kanji", 8, (8, 10, 12))
_ALPHANUMERIC = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

# The eight data masks (row i, column j); each repeats every 12 rows and every 12 columns.
_MASKS = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
)
_FINDER_LIKE = "1011101"                # N3: dark light dark dark dark light dark


def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of the text's QR code, row by row, dark as True, without the quiet zone.

    Raises DataTooLong when the text does not fit in version 40 at level M, and
    UnicodeEncodeError (a ValueError) for a text no encoding can hold (lone surrogates)."""
    mode, count, bits = _segment(text)
    version, level = _version_and_level(mode, len(bits))
    stream = f"{mode[1]:04b}{count:0{_count_bits(mode, version)}b}{bits}"
    message = _final_message(_data_codewords(stream, _capacity(version, level)), version, level)
    layout = _layout(version)
    mask, modules = _best_mask(_placed(layout, message), layout)
    return _with_format_and_version(modules, layout.size, version, level, mask)


def too_long(text: str) -> str | None:
    """Why the text cannot be a QR code (it holds too much), None when it can; the data is
    measured, no symbol is drawn."""
    mode, _, bits = _segment(text)
    try:
        _version_and_level(mode, len(bits))
    except DataTooLong as exc:
        return str(exc)
    return None


# --- Data -------------------------------------------------------------------------------------

def _encoded(text: str) -> bytes:
    """The text's bytes in ISO-8859-1, else Shift JIS, else UTF-8 (segno's default order)."""
    for encoding in ("iso-8859-1", "shift_jis"):
        try:
            return text.encode(encoding)
        except UnicodeEncodeError:
            pass
    return text.encode("utf-8")


def _segment(text: str) -> tuple[tuple, int, str]:
    """The mode, the character count and the data bits of the text, as one segment."""
    data = _encoded(text)
    if data.isdigit():
        groups = (data[i:i + 3] for i in range(0, len(data), 3))
        return NUMERIC, len(data), "".join(f"{int(g):0{len(g) * 3 + 1}b}" for g in groups)
    if data and not data.translate(None, _ALPHANUMERIC):
        value = _ALPHANUMERIC.index
        pairs = (data[i:i + 2] for i in range(0, len(data), 2))
        return ALPHANUMERIC, len(data), "".join(
            f"{value(p[0]) * 45 + value(p[1]):011b}" if len(p) == 2 else f"{value(p[0]):06b}" for p in pairs)
    codes = [data[i] << 8 | data[i + 1] for i in range(0, len(data), 2)] if len(data) % 2 == 0 else []
    if codes and all(0x8140 <= c <= 0x9FFC or 0xE040 <= c <= 0xEBBF for c in codes):
        diffs = (c - (0x8140 if c <= 0x9FFC else 0xC140) for c in codes)
        return KANJI, len(codes), "".join(f"{(d >> 8) * 0xC0 + (d & 0xFF):013b}" for d in diffs)
    return BYTE, len(data), f"{int.from_bytes(data, 'big'):0{len(data) * 8}b}" if data else ""


def _capacity(version: int, level: str) -> int:
    """The data bits a symbol holds: its codewords less the error correction ones."""
    index = version - 1
    return (_raw_modules(version) // 8 - _EC_PER_BLOCK[level][index] * _BLOCKS[level][index]) * 8


def _count_bits(mode: tuple, version: int) -> int:
    """The length of the character count indicator: it grows with the version."""
    return mode[2][0 if version < 10 else 1 if version < 27 else 2]


def _version_and_level(mode: tuple, data_bits: int) -> tuple[int, str]:
    """The smallest version holding the segment at level M, and the highest level that version
    still holds it at (segno's boost_error, on by default)."""
    for version in range(1, 41):
        needed = 4 + _count_bits(mode, version) + data_bits
        if _capacity(version, "M") >= needed:
            level = "M"
            for better in "QH":
                if _capacity(version, better) < needed:
                    break
                level = better
            return version, level
    raise DataTooLong(f"too long for a QR code: it needs {needed:,} bits in {mode[0]} mode, and the largest "
                      f"QR code (version 40) holds {_capacity(40, 'M'):,} at error correction level M "
                      f"(a URL of 2,331 bytes)")


def _data_codewords(stream: str, capacity: int) -> bytes:
    """The stream ended by the terminator, padded to a byte boundary (segno's way: a whole zero
    byte when it is already on one), then filled with the pad codewords 0xEC and 0x11 and cut
    to the capacity."""
    stream += "0" * min(capacity - len(stream), 4)
    stream += "0" * (8 - len(stream) % 8)
    pads = capacity // 8 - len(stream) // 8
    if pads > 0:
        stream += ("1110110000010001" * (pads // 2 + 1))[:pads * 8]
    return int(stream[:capacity], 2).to_bytes(capacity // 8, "big")


# --- Error correction -------------------------------------------------------------------------

def _galois_tables() -> tuple[list[int], list[int]]:
    """Exponents (twice over, so sums of two logarithms need no modulo) and logarithms of
    GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1."""
    exp, log, x = [0] * 510, [0] * 256, 1
    for i in range(255):
        exp[i] = exp[i + 255] = x
        log[x] = i
        x <<= 1
        if x & 0x100:
            x ^= 0x11D
    return exp, log


_EXP, _LOG = _galois_tables()


@cache
def _generator(degree: int) -> tuple[int, ...]:
    """The logarithms of the coefficients (leading 1 left out) of (x - a^0)(x - a^1)..."""
    poly = [1]
    for i in range(degree):
        poly = [a ^ (_EXP[_LOG[b] + i] if b else 0) for a, b in zip(poly + [0], [0] + poly)]
    return tuple(_LOG[c] for c in poly[1:])


def _ec_codewords(data: bytes, degree: int) -> list[int]:
    """The Reed-Solomon remainder of one block, by the shift register of polynomial division."""
    gen, exp, log = _generator(degree), _EXP, _LOG
    rest = [0] * degree
    for byte in data:
        coef = byte ^ rest[0]
        rest = rest[1:] + [0]
        if coef:
            lc = log[coef]
            rest = [r ^ exp[lc + g] for r, g in zip(rest, gen)]
    return rest


def _final_message(data: bytes, version: int, level: str) -> str:
    """The data and error correction codewords of every block, interleaved, as bits, with the
    remainder bits that fill the symbol."""
    count, ec = _BLOCKS[level][version - 1], _EC_PER_BLOCK[level][version - 1]
    total = _raw_modules(version) // 8
    short, long_blocks = total // count - ec, total % count
    blocks, start = [], 0
    for index in range(count):
        length = short + (index >= count - long_blocks)
        blocks.append(data[start:start + length])
        start += length
    checks = [_ec_codewords(block, ec) for block in blocks]
    order = [b[i] for i in range(short + 1) for b in blocks if i < len(b)]
    order += [c[i] for i in range(ec) for c in checks]
    return f"{int.from_bytes(bytes(order), 'big'):0{len(order) * 8}b}" + "0" * (_raw_modules(version) % 8)


def _raw_modules(version: int) -> int:
    """The modules left for codewords once the function patterns are drawn."""
    result = (16 * version + 128) * version + 64
    if version >= 2:
        count = version // 7 + 2
        result -= (25 * count - 10) * count - 55
        if version >= 7:
            result -= 36
    return result


# --- Matrix -----------------------------------------------------------------------------------

def _alignment_centres(version: int) -> list[int]:
    """Rows (and columns) of the alignment patterns' centres: 6, then evenly up to size - 7."""
    if version < 2:
        return []
    count, size = version // 7 + 2, version * 4 + 17
    step = 26 if version == 32 else (version * 4 + count * 2 + 1) // (count * 2 - 2) * 2
    return [6] + [size - 7 - i * step for i in range(count - 2, -1, -1)]


_FREE = 2                                                   # a module left for data
_TO_BITS = bytes.maketrans(b"\x00\x01", b"01")
_FREE_TO_BITS = bytes.maketrans(b"\x00\x01\x02", b"001")
_DARK_RUNS = str.maketrans(" ", "0")                         # lines apart: a space breaks a run
_LIGHT_RUNS = str.maketrans("01 ", "100")


class _Layout:
    """A version's function patterns (finders with their separators, timing, alignment), the
    format and version areas light for now, the modules left for data and the order data fills
    them in. The symbol is one int of bits, row after row, the top-left module highest: masks,
    penalties and placement then work on whole symbols at once."""

    __slots__ = ("size", "cells", "region", "order")

    def __init__(self, version: int):
        size = self.size = version * 4 + 17
        cells = [bytearray([_FREE]) * size for _ in range(size)]
        for i in range(9):                                 # format areas
            cells[i][8] = cells[8][i] = cells[-i][8] = cells[8][-i] = 0
        if version >= 7:                                   # version areas
            for i in range(6):
                for k in (9, 10, 11):
                    cells[i][-k] = cells[-k][i] = 0
        for i in range(8, size - 8):                       # timing patterns
            cells[i][6] = cells[6][i] = 1 - i % 2
        for top, left in ((0, 0), (0, size - 7), (size - 7, 0)):
            for r in range(max(-1, -top), min(8, size - top)):
                for c in range(max(-1, -left), min(8, size - left)):
                    ring = max(abs(r - 3), abs(c - 3))     # 0-1 eye, 2 light, 3 frame, 4 separator
                    cells[top + r][left + c] = ring in (0, 1, 3)
        centres = _alignment_centres(version)
        if centres:
            first, last = centres[0], centres[-1]
            for y in centres:
                for x in centres:
                    if (y, x) not in ((first, first), (first, last), (last, first)):
                        for r in range(-2, 3):
                            cells[y + r][x - 2:x + 3] = bytes(max(abs(r), abs(c)) != 1 for c in range(-2, 3))
        self.order = []                                    # flat indices, in placement order:
        for right in range(size - 1, 0, -2):               # two-module columns from the right,
            if right <= 6:                                 # skipping the vertical timing pattern,
                right -= 1                                 # alternately upwards and downwards
            upwards = (right & 2 == 0) != (right < 6)
            for i in range(size - 1, -1, -1) if upwards else range(size):
                self.order.extend(i * size + j for j in (right, right - 1) if cells[i][j] == _FREE)
        self.cells = b"".join(cells)
        self.region = int(self.cells.translate(_FREE_TO_BITS), 2)


@cache
def _layout(version: int) -> _Layout:
    return _Layout(version)


def _placed(layout: _Layout, message: str) -> int:
    """The symbol with the message in its data modules, unmasked."""
    cells = bytearray(layout.cells)
    for index, bit in zip(layout.order, message):
        cells[index] = bit == "1"
    return int(cells.translate(_TO_BITS), 2)


@cache
def _masks(size: int) -> tuple[int, ...]:
    """The eight masks over a whole symbol (set where a data module is inverted)."""
    def rows(mask) -> str:
        periods = ["".join("1" if mask(i, j) else "0" for j in range(12)) * (size // 12 + 1) for i in range(12)]
        return "".join(periods[i % 12][:size] for i in range(size))

    return tuple(int(rows(mask), 2) for mask in _MASKS)


def _best_mask(symbol: int, layout: _Layout) -> tuple[int, str]:
    """The number of the mask with the lowest penalty (the first on a tie) and the masked
    symbol's modules as a string of bits."""
    best = None
    for number, mask in enumerate(_masks(layout.size)):
        masked = symbol ^ (mask & layout.region)
        score = _penalty(masked, layout.size)
        if best is None or score < best[0]:
            best = score, number, masked
    return best[1], f"{best[2]:0{layout.size ** 2}b}"


@cache
def _block_corners(size: int) -> int:
    """The modules that close a 2x2 block with their neighbours above and to the left."""
    row = (1 << (size - 1)) - 1
    return sum(row << (size * k) for k in range(size - 1))


def _penalty(symbol: int, size: int) -> int:
    """ISO/IEC 18004 7.8.3.1 as segno scores it, rows and columns alike: N1 runs of five or
    more, N2 2x2 blocks, N3 finder-like patterns and N4 the distance of the dark share from one
    half. A finder-like pattern counts when the 4 modules before it, or the 4 after it, are
    light (fewer at the symbol's edge, none at it); the search goes on after a counted pattern,
    so one overlapping it is not counted, and 4 modules on after one that is not."""
    bits = f"{symbol:0{size * size}b}"
    text = " ".join([bits[k:k + size] for k in range(0, size * size, size)] +
                    [bits[k::size] for k in range(size)])
    score = 0
    for colour in (_DARK_RUNS, _LIGHT_RUNS):                # N1: a run of n scores n - 2, that is
        line = int(text.translate(colour), 2)              # its windows of 5 plus 2 for each run
        windows = line & line >> 1 & line >> 2 & line >> 3 & line >> 4
        score += windows.bit_count() + 2 * (windows & ~(windows >> 1)).bit_count()
    same = ~(symbol ^ symbol >> size)                      # N2: like the module above,
    score += 3 * (same & same >> 1 & ~(symbol ^ symbol >> 1) & _block_corners(size)).bit_count()
    width, find = size + 1, text.find                      # and the one to the left, and both like theirs
    at = find(_FINDER_LIKE)
    while at != -1:
        start = at - at % width
        if "1" not in text[max(at - 4, start):at] or "1" not in text[at + 7:min(at + 11, start + size)]:
            score += 40
            at = find(_FINDER_LIKE, at + 7)
        else:
            at = find(_FINDER_LIKE, at + 4)
    return score + 10 * int(abs(symbol.bit_count() / size ** 2 * 100 - 50) / 5)


def _bch(value: int, poly: int) -> int:
    """The value followed by its BCH remainder by the generator polynomial."""
    degree = poly.bit_length() - 1
    rest = value << degree
    while rest.bit_length() > degree:
        rest ^= poly << (rest.bit_length() - 1 - degree)
    return value << degree | rest


def _with_format_and_version(bits: str, size: int, version: int, level: str,
                             mask: int) -> tuple[tuple[bool, ...], ...]:
    """The modules as rows of booleans with the format information (level and mask, masked by
    0x5412), the dark module and, from version 7, the version information."""
    cells = [[c == "1" for c in bits[k:k + size]] for k in range(0, size * size, size)]
    info = _bch(_LEVEL_BITS[level] << 3 | mask, 0x537) ^ 0x5412
    for i in range(8):
        low, high = bool(info >> i & 1), bool(info >> (14 - i) & 1)
        skip = i >= 6                                     # past the timing pattern
        cells[i + skip][8] = cells[8][-1 - i] = low
        cells[8][i + skip] = cells[-1 - i][8] = high
    cells[-8][8] = True
    if version >= 7:
        info = _bch(version, 0x1F25)
        for i in range(18):
            cells[-11 + i % 3][i // 3] = cells[i // 3][-11 + i % 3] = bool(info >> i & 1)
    return tuple(map(tuple, cells))
