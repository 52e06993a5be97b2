"""Inline Markdown (emphasis, strong, code, links, backslash escapes) read with markdown-it-py,
as styled pieces every format draws the same way, and as escaped HTML.

Only inline text is read: no headings, lists or raw HTML (a `<b>` stays text). `*.txt and *.md`
stays as written, `\\*` is a literal star. A link keeps its address only when it is http, https,
mailto or relative (anything else is drawn as its text).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Piece:
    """A run of text and how it is set: any of "strong", "em", "code", and a link's address."""

    text: str
    styles: frozenset[str] = frozenset()
    href: Optional[str] = None

    @property
    def strong(self) -> bool:
        return "strong" in self.styles

    @property
    def em(self) -> bool:
        return "em" in self.styles

    @property
    def code(self) -> bool:
        return "code" in self.styles


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(["emphasis", "backticks", "link", "escape", "entity"])


@lru_cache(maxsize=8192)
def inline_pieces(text: str) -> tuple[Piece, ...]:
    """The styled pieces of one line of inline Markdown, neighbours of one style merged."""
    from generator.links import safe_url

    tokens = _parser().parseInline(text)[0].children or []
    styles: list[str] = []
    href: Optional[str] = None
    pieces: list[Piece] = []

    def add(content: str, extra: frozenset[str] = frozenset()) -> None:
        if not content:
            return
        piece = Piece(content, frozenset(styles) | extra, href)
        if pieces and pieces[-1].styles == piece.styles and pieces[-1].href == piece.href:
            pieces[-1] = Piece(pieces[-1].text + content, piece.styles, href)
        else:
            pieces.append(piece)

    for token in tokens:
        kind = token.type
        if kind in ("text", "html_inline"):
            add(token.content)
        elif kind in ("softbreak", "hardbreak"):
            add(" ")
        elif kind == "code_inline":
            add(token.content, frozenset({"code"}))
        elif kind.endswith("_open") and kind[:-5] in ("strong", "em"):
            styles.append(kind[:-5])
        elif kind.endswith("_close") and kind[:-6] in ("strong", "em"):
            if kind[:-6] in styles:
                styles.remove(kind[:-6])
        elif kind == "link_open":
            href = safe_url(str(token.attrs.get("href", "")))
        elif kind == "link_close":
            href = None
    return tuple(pieces)


def plain(text: str) -> str:
    """The text without its Markdown markers, as it reads aloud and as it is measured."""
    return "".join(piece.text for piece in inline_pieces(text))


def to_html(text: str) -> Markup:
    """One line of inline Markdown as HTML; every piece of text escaped."""
    out = []
    for piece in inline_pieces(text):
        html = escape(piece.text)
        if piece.code:
            html = Markup("<code>{}</code>").format(html)
        if piece.em:
            html = Markup("<em>{}</em>").format(html)
        if piece.strong:
            html = Markup("<strong>{}</strong>").format(html)
        if piece.href:
            html = Markup('<a href="{}">{}</a>').format(piece.href, html)
        out.append(html)
    return Markup("").join(out)


def paragraphs(text: str) -> tuple[str, ...]:
    """The paragraphs of notes: one per non-blank line."""
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())
