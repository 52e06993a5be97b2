"""Light Markdown (`**bold**`, `*italic*`, `` `code` ``) turned into escaped HTML, nothing more."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`)")


def inline_pieces(text: str) -> list[tuple[str, str]]:
    """(text, style) pieces of one line, style being "", "strong", "em" or "code"."""
    pieces = []
    for part in _INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            pieces.append((part[2:-2], "strong"))
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            pieces.append((part[1:-1], "code"))
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            pieces.append((part[1:-1], "em"))
        else:
            pieces.append((part, ""))
    return pieces


def plain(text: str) -> str:
    """The text without its Markdown markers, as it reads aloud and as it is measured."""
    return "".join(piece for piece, _ in inline_pieces(text))


def to_html(text: str) -> Markup:
    """One line of light Markdown as HTML; every piece of text escaped."""
    out = []
    for piece, style in inline_pieces(text):
        out.append(Markup(f"<{style}>{{}}</{style}>").format(piece) if style else escape(piece))
    return Markup("").join(out)


def paragraphs(text: str) -> tuple[str, ...]:
    """The paragraphs of notes: one per non-blank line."""
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())
