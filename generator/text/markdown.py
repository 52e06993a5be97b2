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
    from generator.text.links import safe_url

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
    return pieces_html(inline_pieces(text))


def to_html_lines(text: str, lines: tuple[str, ...] = ()) -> Markup:
    """Inline Markdown as HTML broken where the plan broke it (`lines`, its plain lines): `<br>`
    between the lines, after the space the break replaced (a line's end drops it, so it is not
    drawn, but the text still reads with it); one line when `lines` says nothing or does not match."""
    return Markup("<br>").join(pieces_html(line) for line in split_pieces(inline_pieces(text), lines, True))


def pieces_html(pieces) -> Markup:
    """Styled pieces as HTML: code, emphasis, strong and links as their elements, text escaped."""
    out = []
    for piece in pieces:
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


_GLUE = " \t\n\r"


def line_pieces(text: str, lines: tuple[str, ...] = ()) -> tuple[tuple[Piece, ...], ...]:
    """The styled pieces of `text` line by line, broken where its plain text was broken into
    `lines` (as `TextMeasure.wrap` gives them: spaces at a break dropped, a hyphen added where a
    word was hyphenated). When the lines do not spell the text, one line of every piece."""
    return split_pieces(inline_pieces(text), lines)


def split_pieces(pieces: tuple[Piece, ...], lines: tuple[str, ...] = (),
                 keep_space: bool = False) -> tuple[tuple[Piece, ...], ...]:
    """Styled pieces line by line, as `line_pieces` breaks them; with `keep_space`, a line the
    break took a space from ends with one space."""
    if len(lines) < 2:
        return (pieces,)
    spans = _line_spans("".join(piece.text for piece in pieces), lines)
    if spans is None:
        return (pieces,)
    starts, offset = [], 0
    for piece in pieces:
        starts.append(offset)
        offset += len(piece.text)
    out = []
    for index, (start, end, hyphen) in enumerate(spans):
        line: list[Piece] = []
        for piece, at in zip(pieces, starts):
            low, high = max(start, at), min(end, at + len(piece.text))
            if low < high:
                line.append(Piece(piece.text[low - at:high - at], piece.styles, piece.href))
        spaced = keep_space and index + 1 < len(spans) and spans[index + 1][0] > end
        if (hyphen or spaced) and line:
            line[-1] = Piece(line[-1].text + ("-" if hyphen else " "), line[-1].styles, line[-1].href)
        out.append(tuple(line))
    return tuple(out)


def _line_spans(plain_text: str, lines: tuple[str, ...]) -> Optional[list[tuple[int, int, bool]]]:
    """Where each line lies in the plain text: (start, end, a hyphen was added); None if they do not match."""
    spans, pos, size = [], 0, len(plain_text)
    for line in lines:
        while pos < size and plain_text[pos] in _GLUE:
            pos += 1
        start, hyphen, index = pos, False, 0
        while index < len(line):
            char = line[index]
            if char == " " and pos < size and plain_text[pos] in _GLUE:
                while pos < size and plain_text[pos] in _GLUE:
                    pos += 1
            elif pos < size and plain_text[pos] == char:
                pos += 1
            elif char == "-" and index == len(line) - 1:
                hyphen = True
            else:
                return None
            index += 1
        end = pos
        while end > start and plain_text[end - 1] in _GLUE:
            end -= 1
        spans.append((start, end, hyphen))
    if plain_text[pos:].strip(_GLUE):
        return None
    return spans
