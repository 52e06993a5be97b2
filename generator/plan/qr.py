"""The QR code of a closing slide's link: its modules as plain data (segno makes them), drawn
as SVG squares in HTML and PDF and as a picture in PPTX, always with the URL beside it."""

from __future__ import annotations

from dataclasses import dataclass

QUIET = 4          # modules of white around the code, as the standard asks


@dataclass(frozen=True)
class QrCode:
    """The dark (True) and light modules of a QR code, row by row, without the quiet zone."""

    url: str
    modules: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        return len(self.modules)


def qr_code(url: str) -> QrCode:
    import segno

    code = segno.make(url, error="m", micro=False)
    return QrCode(url, tuple(tuple(bool(cell) for cell in row) for row in code.matrix))
