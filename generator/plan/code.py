"""Code slides: the code cut into coloured tokens by Pygments, one size for every line, and
the lines each build step highlights. Lines are never wrapped: a line that does not fit the
body's width at the floor size is a `fit.code` problem, not a silent wrap."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# Pygments token families -> the theme's colour keys (code-<key>).
TOKEN_COLOURS = (("Comment", "comment"), ("Literal.String", "string"), ("Literal.Number", "number"),
                 ("Keyword", "keyword"), ("Name.Builtin", "name"), ("Name.Function", "name"),
                 ("Name.Class", "name"), ("Name.Tag", "keyword"), ("Name.Variable", "name"))
CODE_LINE_HEIGHT = 1.25


@dataclass(frozen=True, slots=True)
class CodeToken:
    text: str
    kind: str          # text, keyword, string, comment, number or name (the theme's code-<kind> colour)


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A code slide's body: its lines of tokens, the size they are set at, and per build step the
    (1-based) line numbers it highlights."""

    language: str
    lines: tuple[tuple[CodeToken, ...], ...]
    size: float
    line_height: float
    steps: tuple[frozenset[int], ...] = ()

    def text(self, number: int) -> str:
        return "".join(t.text for t in self.lines[number - 1])


def _kind(token_type) -> str:
    name = str(token_type).removeprefix("Token.")
    for family, kind in TOKEN_COLOURS:
        if name == family or name.startswith(family + "."):
            return kind
    return "text"


@lru_cache(maxsize=256)
def highlight(code: str, language: str) -> tuple[tuple[CodeToken, ...], ...]:
    """The code's lines as tokens (tabs as four spaces, trailing blank lines dropped)."""
    from pygments.lexers import get_lexer_by_name

    lexer = get_lexer_by_name(language, stripnl=False, ensurenl=False, tabsize=4)
    lines: list[list[CodeToken]] = [[]]
    for token_type, value in lexer.get_tokens(code.expandtabs(4).rstrip("\n")):
        kind = _kind(token_type)
        for index, part in enumerate(value.split("\n")):
            if index:
                lines.append([])
            if part:
                line = lines[-1]
                if line and line[-1].kind == kind:
                    line[-1] = CodeToken(line[-1].text + part, kind)
                else:
                    line.append(CodeToken(part, kind))
    return tuple(tuple(line) for line in lines)


def parse_steps(steps, count: int) -> tuple[frozenset[int], ...]:
    """`["1-2", "4"]` as the sets of line numbers each step highlights (ranges kept within the code)."""
    found = []
    for step in steps:
        lines: set[int] = set()
        for part in step.split(","):
            first, _, last = part.partition("-")
            lines.update(range(int(first), int(last or first) + 1))
        found.append(frozenset(n for n in lines if 1 <= n <= count))
    return tuple(found)


def language_known(language: str) -> bool:
    """Whether Pygments has a lexer of that name: its table of names first (checking a talk then
    loads no lexer), then the lexers plugins add."""
    from pygments.lexers._mapping import LEXERS

    wanted = language.lower()
    if any(wanted in aliases for _, _, aliases, _, _ in LEXERS.values()):
        return True
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        get_lexer_by_name(language)
    except ClassNotFound:
        return False
    return True


def language_names() -> list[str]:
    from pygments.lexers import get_all_lexers

    return sorted({alias for _, aliases, _, _ in get_all_lexers() for alias in aliases})
