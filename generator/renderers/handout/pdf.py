"""The handout's HTML printed to PDF by WeasyPrint, confined, quiet, tagged and reproducible.

Every URL goes through `ConfinedFetcher`; WeasyPrint's log is gathered instead of printed; the
PDF is tagged (structure and language for screen readers); its dates come from the document's
`dcterms` metadata (the build time), and `SOURCE_DATE_EPOCH` is set to the same fixed default as
the PPTX's while WeasyPrint runs if the caller left it unset, so the same HTML gives the same bytes.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from generator.clock import source_date_epoch

# The Debian packages WeasyPrint loads at import (the Makefile's SYSTEM_BUILD lists them too).
SYSTEM_LIBRARIES = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0")


@dataclass
class Printed:
    """The PDF bytes, the URLs the fetcher refused, and what WeasyPrint warned about."""

    pdf: bytes
    refused: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    # Per page: its height and the box (left, top, right, bottom, CSS px from the top left corner)
    # of every element with an id, as WeasyPrint laid it out.
    anchors: list[tuple[float, dict[str, tuple[float, float, float, float]]]] = field(default_factory=list)


class _Gather(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def gathered_log():
    """WeasyPrint's warnings collected into a list rather than printed on stderr."""
    logger = logging.getLogger("weasyprint")
    handler, propagate = _Gather(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def print_pdf(html: str, *, base: Path, folders: Iterable[Path], fonts: dict[str, bytes] | None = None) -> Printed:
    """The PDF of `html`; relative URLs resolve in `base`, only files under `folders` may be read,
    and `font:` URLs are served from `fonts`."""
    from generator.machine import require_version

    require_version("weasyprint")
    try:
        from weasyprint import HTML  # the only place WeasyPrint (and Pango) is needed

        from generator.renderers.handout.fetcher import ConfinedFetcher
    except OSError:  # cffi cannot find Pango or HarfBuzz
        from generator.errors import MissingToolError

        from generator.machine import install_hint

        raise MissingToolError("the Pango library WeasyPrint draws text with (libpango-1.0-0)",
                               install_hint("pango")) from None

    fetcher = ConfinedFetcher(folders, fonts)
    with source_date_epoch(), gathered_log() as messages:
        document = HTML(string=html, base_url=base.resolve().as_uri() + "/", url_fetcher=fetcher,
                        media_type="print").render(pdf_tags=True)
        anchors = [(page.height, dict(page.anchors)) for page in document.pages]
        pdf = document.write_pdf(pdf_tags=True)
    return Printed(pdf, list(fetcher.refused), list(messages), anchors)
