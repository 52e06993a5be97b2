"""The QR code of a closing slide's link: its modules as plain data (generator.plan.qr_encode
makes them), drawn as SVG squares in HTML and PDF and as a picture in PPTX, always with the URL
beside it."""

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
    """The URL's QR code: level M, raised to Q or H when its version has room, as segno does.

    A URL too long for any QR code stops the build with a RenderError naming it, not with an
    internal error: the content is valid, but this output cannot be made from it."""
    from generator.plan.qr_encode import DataTooLong, qr_modules

    try:
        return QrCode(url, qr_modules(url))
    except DataTooLong as exc:
        from generator.errors import RenderError

        shown = url if len(url) <= 60 else f"{url[:40]}…{url[-15:]}"
        raise RenderError(f"the link {shown!r} of a closing slide is {exc}; shorten it") from None
