"""The Unicode Bidirectional Algorithm's embedding levels of a paragraph, by GNU FriBidi.

FriBidi is the library Pango (and so librsvg, which draws the PNG diagrams) sets bidi text with;
it is reached here through ctypes. python-bidi, the package for this in Python, gives only a
line's characters reordered for display (`get_display`), not each character's level, which the
PDF needs to shape each run in its own direction with its own styles and links. FriBidi passes
every case of Unicode's BidiCharacterTest.txt (a test runs the file installed with the system's
`unicode-data` package).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache
from typing import Optional

from generator.errors import MissingToolError

# FriBidiParType values (fribidi-bidi-types.h): left to right, right to left, first strong
_LTR, _RTL, _ON = 0x00000110, 0x00000111, 0x00000040


@lru_cache(maxsize=1)
def _library():
    name = ctypes.util.find_library("fribidi") or "libfribidi.so.0"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        raise MissingToolError("fribidi", "sudo apt-get install libfribidi0 (brew install fribidi)") from None
    chars, types = ctypes.POINTER(ctypes.c_uint32), ctypes.POINTER(ctypes.c_uint32)
    lib.fribidi_get_bidi_types.argtypes = [chars, ctypes.c_int, types]
    lib.fribidi_get_bidi_types.restype = None
    lib.fribidi_get_bracket_types.argtypes = [chars, ctypes.c_int, types, types]
    lib.fribidi_get_bracket_types.restype = None
    lib.fribidi_get_par_embedding_levels_ex.argtypes = [types, types, ctypes.c_int, ctypes.POINTER(ctypes.c_uint32),
                                                        ctypes.POINTER(ctypes.c_int8)]
    lib.fribidi_get_par_embedding_levels_ex.restype = ctypes.c_int8
    return lib


def embedding_levels(text: str, rtl: Optional[bool] = None) -> list[int]:
    """The level of each character of one paragraph of `text` (even: left to right), the
    paragraph right to left, left to right, or (None) as its first strong character says."""
    if not text:
        return []
    lib = _library()
    size = len(text)
    chars = (ctypes.c_uint32 * size)(*map(ord, text))
    types, brackets = (ctypes.c_uint32 * size)(), (ctypes.c_uint32 * size)()
    levels = (ctypes.c_int8 * size)()
    lib.fribidi_get_bidi_types(chars, size, types)
    lib.fribidi_get_bracket_types(chars, size, types, brackets)
    direction = ctypes.c_uint32(_ON if rtl is None else _RTL if rtl else _LTR)
    if not lib.fribidi_get_par_embedding_levels_ex(types, brackets, size, ctypes.byref(direction), levels):
        raise MemoryError("FriBidi could not resolve the levels of a paragraph")
    return list(levels)


def visual_order(levels: list[int]) -> list[int]:
    """The indices of the items at `levels`, left to right: rule L2, every run at a level or
    above reversed, from the highest level down to the lowest odd one."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min(level for level in levels) | 1
    for level in range(max(levels), lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if levels[order[index]] >= level:
                end = index
                while end < len(order) and levels[order[end]] >= level:
                    end += 1
                order[index:end] = order[index:end][::-1]
                index = end
            else:
                index += 1
    return order
