"""The QR code of a closing slide's link: its modules as plain data (segno makes them), drawn
as SVG squares in HTML and PDF and as a picture in PPTX, always with the URL beside it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

QUIET = 4          # modules of white around the code, as the standard asks
LARGEST = 2331     # bytes of a URL the largest QR code (version 40) holds at error correction level M


@dataclass(frozen=True, slots=True)
class QrCode:
    """The dark (True) and light modules of a QR code, row by row, without the quiet zone."""

    url: str
    modules: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        return len(self.modules)


def _make(url: str):
    import segno   # imported only when a slide draws a QR code

    return segno.make(url, error="m", micro=False)


def too_long(url: str) -> str | None:
    """Why the URL cannot be a QR code (it holds too much), None when it can. A URL of at most
    `LARGEST` bytes always fits (segno's modes take no more room than bytes), so only a longer
    one is encoded to see."""
    if len(url.encode("utf-8")) <= LARGEST:
        return None
    import segno

    try:
        _make(url)
    except segno.DataOverflowError:
        size = len(url.encode("utf-8"))
        return (f"too long for a QR code: it has {size:,} bytes, and the largest QR code (version 40) "
                f"holds {LARGEST:,} at error correction level M")
    return None


@lru_cache(maxsize=64)
def qr_code(url: str) -> QrCode:
    """The URL's QR code: level M, raised to Q or H when its version has room (segno's boost).
    One object a URL: every closing slide that links there holds the same modules.

    A URL too long for any QR code stops the build with a RenderError naming it, not with an
    internal error (`check` reports it first, at its line)."""
    import segno

    try:
        code = _make(url)
    except segno.DataOverflowError:
        from generator.errors import RenderError

        shown = url if len(url) <= 60 else f"{url[:40]}…{url[-15:]}"
        raise RenderError(f"the link {shown!r} of a closing slide is {too_long(url)}; shorten it") from None
    return QrCode(url, tuple(tuple(bool(cell) for cell in row) for row in code.matrix))
