"""Our own reader of inline Markdown: the token stream of markdown-it-py's
`MarkdownIt("zero").enable(["emphasis", "backticks", "link", "escape", "entity"]).parseInline(text)`,
without importing markdown-it-py (about 35 ms at every start-up) or mdurl.

It is a port of markdown-it-py 4.x (and mdurl 0.1.2 for link addresses) restricted to what that
parser runs, in its order:

- core: `normalize` (CR LF and CR to LF, NUL to U+FFFD), one inline block, `text_join`
  (escaped characters and entities joined to the text around them);
- inline rules: `text`, `escape`, `backticks`, `emphasis`, `link`, `entity` (no `newline`:
  a line break stays text; no `image`, `autolink` or `html_inline`: `![a](b)` is a `!` then a
  link, `<https://x>` and `<b>` stay text);
- after them: `balance_pairs`, `emphasis`, `fragments_join`.

No option of the preset changes these rules (html, linkify and typographer are off) and there are
no reference definitions, so `[a][b]` and `[a]` stay text. Every function keeps markdown-it's
logic, however odd (the nesting limit of 20, a label's `[` counted only when it is plain text), so
that every input gives the same tokens: tests/test_markdown_parity.py compares them on a corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

__all__ = ("Token", "parse_inline")

_MAX_NESTING = 20  # markdown-it's "maxNesting" option of the zero preset

# Characters that end a run of plain text and may start a rule (markdown-it's terminators).
_TERMINATORS = frozenset("\n!#$%&*+-:<=>@[\\]^_`{}~")
_TERMINATOR_RE = re.compile(r"[\n!#$%&*+\-:<=>@\[\\\]^_`{}~]")
_NEWLINES_RE = re.compile(r"\r\n?")

# The characters a backslash escapes (any other backslash stays written).
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

# Markdown's ASCII punctuation, and its white space (Unicode Zs plus \t \n \v \f \r).
_ASCII_PUNCT = _ESCAPABLE
_WHITE_SPACE = frozenset("\t\n\x0b\x0c\r \xa0\u1680\u202f\u205f\u3000") | frozenset(
    chr(code) for code in range(0x2000, 0x200B))

# Patterns compiled on their first use, by _regex.
_DIGITAL = r"&#((?:x[a-f0-9]{1,6}|[0-9]{1,7}));"
_NAMED = r"&([a-z][a-z0-9]{1,31});"
_UNESCAPE_ALL = r'\\([!"#$%&\'()*+,\-.\/:;<=>?@[\\\]^_`{|}~])|&([a-z#][a-z0-9]{1,31});'
_DIGITAL_ENTITY_BASE10 = r"#([0-9]{1,8})"
_DIGITAL_ENTITY_BASE16 = r"#x([a-f0-9]{1,8})"

_BAD_PROTO = r"^(vbscript|javascript|file|data):"
_GOOD_DATA = r"^data:image\/(gif|png|jpeg|webp);"


@lru_cache(maxsize=None)
def _regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on its first use: entities and links are rare, and compiling all the
    patterns up front would double this module's import time."""
    return re.compile(pattern, flags)


class Token:
    """One inline token, as markdown-it names them: "text", "code_inline", "hardbreak",
    "em_open"/"em_close", "strong_open"/"strong_close", "link_open"/"link_close". A link's
    opening token carries its address (and title, if any) in `attrs`."""

    __slots__ = ("type", "content", "nesting", "attrs")

    def __init__(self, type_: str, nesting: int = 0, content: str = "") -> None:
        self.type = type_
        self.nesting = nesting
        self.content = content
        self.attrs: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.content!r}, {self.attrs!r})"


class _Delimiter:
    """A `*` or `_` of a run, waiting for `_balance_pairs` to pair it (markdown-it's Delimiter)."""

    __slots__ = ("marker", "length", "token", "end", "open", "close")

    def __init__(self, marker: str, length: int, token: int, can_open: bool, can_close: bool) -> None:
        self.marker = marker
        self.length = length
        self.token = token
        self.end = -1
        self.open = can_open
        self.close = can_close


class _State:
    """The inline parser's state (markdown-it's StateInline, without what no rule here reads)."""

    __slots__ = ("src", "pos", "pos_max", "level", "pending", "tokens", "delimiters",
                 "prev_delimiters", "all_delimiters", "cache", "backticks")

    def __init__(self, src: str) -> None:
        self.src = src
        self.pos = 0
        self.pos_max = len(src)
        self.level = 0
        self.pending: list[str] = []
        self.tokens: list[Token] = []
        self.delimiters: list[_Delimiter] = []
        self.prev_delimiters: list[list[_Delimiter]] = []
        # Every delimiter list (the top one, then one per opened link), for the passes after.
        self.all_delimiters: list[list[_Delimiter]] = [self.delimiters]
        self.cache: dict[int, int] = {}  # where skipping a token from a position ends
        self.backticks: Optional[dict[int, int]] = None  # run length -> its last start

    def push_pending(self) -> None:
        self.tokens.append(Token("text", 0, "".join(self.pending)))
        self.pending = []

    def push(self, type_: str, nesting: int) -> Token:
        """A new token after the pending text; an opening one starts its own delimiter list."""
        if self.pending:
            self.push_pending()
        token = Token(type_, nesting)
        if nesting < 0:
            self.level -= 1
            self.delimiters = self.prev_delimiters.pop()
        if nesting > 0:
            self.level += 1
            self.prev_delimiters.append(self.delimiters)
            self.delimiters = []
            self.all_delimiters.append(self.delimiters)
        self.tokens.append(token)
        return token


def parse_inline(text: str) -> list[Token]:
    """The inline tokens of `text`, as markdown-it's `parseInline(text)[0].children`."""
    src = _NEWLINES_RE.sub("\n", text).replace("\0", "\ufffd")
    state = _State(src)
    _tokenize(state)
    for delimiters in state.all_delimiters:
        _balance_pairs(delimiters)
    for delimiters in state.all_delimiters:
        _emphasis_post_process(state.tokens, delimiters)
    return _join_text(state.tokens)


# --- the rule chain ---------------------------------------------------------------------------

def _rule(state: _State, silent: bool) -> bool:
    """Run the rules in markdown-it's order. `text` takes any character that is not a
    terminator; every other rule answers one terminator only, so dispatching on the character
    runs exactly the rule that could match."""
    src, pos = state.src, state.pos
    char = src[pos]
    if char not in _TERMINATORS:
        end = _TERMINATOR_RE.search(src, pos)
        stop = end.start() if end else state.pos_max
        if not silent:
            state.pending.append(src[pos:stop])
        state.pos = stop
        return True
    if char == "\\":
        return _escape(state, silent)
    if char == "`":
        return _backticks(state, silent)
    if char == "*" or char == "_":
        return _emphasis(state, silent)
    if char == "[":
        return _link(state, silent)
    if char == "&":
        return _entity(state, silent)
    return False


def _tokenize(state: _State) -> None:
    """Tokens from `pos` to `pos_max` (markdown-it's ParserInline.tokenize)."""
    end = state.pos_max
    while state.pos < end:
        ok = state.level < _MAX_NESTING and _rule(state, False)
        if ok:
            if state.pos >= end:
                break
            continue
        state.pending.append(state.src[state.pos])
        state.pos += 1
    if state.pending:
        state.push_pending()


def _skip_token(state: _State) -> None:
    """Move past one token without making it (ParserInline.skipToken, used to find a label's end)."""
    pos = state.pos
    cache = state.cache
    if pos in cache:
        state.pos = cache[pos]
        return
    ok = False
    if state.level < _MAX_NESTING:
        state.level += 1
        ok = _rule(state, True)
        state.level -= 1
    else:
        # Too deep: skip to the end of the text (and one past it, as markdown-it does).
        state.pos = state.pos_max
    if not ok:
        state.pos += 1
    cache[pos] = state.pos


# --- rules ------------------------------------------------------------------------------------

def _escape(state: _State, silent: bool) -> bool:
    """`\\*` is a literal star; a backslash before a line break is a hard break."""
    src, pos, maximum = state.src, state.pos + 1, state.pos_max
    if pos >= maximum:
        return False
    char = src[pos]
    if char == "\n":
        if not silent:
            state.push("hardbreak", 0)
        pos += 1
        while pos < maximum and src[pos] in " \t":
            pos += 1
        state.pos = pos
        return True
    escaped = char
    code = ord(char)
    if 0xD800 <= code <= 0xDBFF and pos + 1 < maximum and 0xDC00 <= ord(src[pos + 1]) <= 0xDFFF:
        escaped += src[pos + 1]
        pos += 1
    if not silent:
        token = state.push("text_special", 0)
        token.content = escaped if char in _ESCAPABLE else "\\" + escaped
    state.pos = pos + 1
    return True


def _backticks(state: _State, silent: bool) -> bool:
    """A code span between two runs of as many backticks; an unmatched run stays text."""
    src, start, maximum = state.src, state.pos, state.pos_max
    pos = start + 1
    while pos < maximum and src[pos] == "`":
        pos += 1
    marker = src[start:pos]
    opener_length = len(marker)
    if state.backticks is None:
        # Where each run length last starts in the whole source, so a run with no later twin
        # is known at once (lookaheads visit runs out of order).
        runs: dict[int, int] = {}
        at = 0
        while (begin := src.find("`", at)) != -1:
            at = begin + 1
            while at < len(src) and src[at] == "`":
                at += 1
            runs[at - begin] = begin
        state.backticks = runs
    if state.backticks.get(opener_length, -1) >= pos:
        match_end = pos
        while (match_start := src.find("`", match_end)) != -1 and match_start < maximum:
            match_end = match_start + 1
            while match_end < len(src) and src[match_end] == "`":
                match_end += 1
            if match_end > maximum:
                break
            if match_end - match_start == opener_length:
                if not silent:
                    token = state.push("code_inline", 0)
                    content = src[pos:match_start].replace("\n", " ")
                    if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
                        content = content[1:-1]
                    token.content = content
                state.pos = match_end
                return True
    if not silent:
        state.pending.append(marker)
    state.pos = pos
    return True


def _is_punct(char: str) -> bool:
    """Markdown ASCII punctuation, or a Unicode punctuation or symbol (category P* or S*); the
    ASCII characters of those categories are exactly the ASCII punctuation."""
    if char < "\x80":
        return char in _ASCII_PUNCT
    import unicodedata  # a C module, cheap, and needed only beside non-ASCII text

    return unicodedata.category(char)[0] in "PS"


def _emphasis(state: _State, silent: bool) -> bool:
    """Each `*` or `_` becomes a text token and a delimiter, paired later by `_balance_pairs`."""
    if silent:
        return False
    src, start, maximum = state.src, state.pos, state.pos_max
    marker = src[start]
    pos = start
    while pos < maximum and src[pos] == marker:
        pos += 1
    count = pos - start
    last = src[start - 1] if start > 0 else " "  # the text's edges count as white space
    following = src[pos] if pos < maximum else " "
    last_punct, next_punct = _is_punct(last), _is_punct(following)
    last_white, next_white = last in _WHITE_SPACE, following in _WHITE_SPACE
    left_flanking = not (next_white or (next_punct and not (last_white or last_punct)))
    right_flanking = not (last_white or (last_punct and not (next_white or next_punct)))
    split_word = marker == "*"  # `_` cannot open or close inside a word
    can_open = left_flanking and (split_word or not right_flanking or last_punct)
    can_close = right_flanking and (split_word or not left_flanking or next_punct)
    for _ in range(count):
        token = state.push("text", 0)
        token.content = marker
        state.delimiters.append(_Delimiter(marker, count, len(state.tokens) - 1, can_open, can_close))
    state.pos += count
    return True


def _entity(state: _State, silent: bool) -> bool:
    """`&copy;`, `&#39;` and `&#x1F600;` as their characters; an unknown name stays text."""
    src, pos = state.src, state.pos
    if pos + 1 >= state.pos_max:
        return False
    if src[pos + 1] == "#":
        match = _regex(_DIGITAL, re.IGNORECASE).match(src, pos)
        if match:
            if not silent:
                digits = match.group(1)
                code = int(digits[1:], 16) if digits[0] in "xX" else int(digits, 10)
                token = state.push("text_special", 0)
                token.content = chr(code) if _valid_entity_code(code) else "\ufffd"
            state.pos += len(match.group(0))
            return True
    else:
        match = _regex(_NAMED, re.IGNORECASE).match(src, pos)
        if match and match.group(1) in _entities():
            if not silent:
                token = state.push("text_special", 0)
                token.content = _entities()[match.group(1)]
            state.pos += len(match.group(0))
            return True
    return False


def _link(state: _State, silent: bool) -> bool:
    """`[text](destination "title")`; with no reference definitions, any other `[` is text."""
    src, maximum = state.src, state.pos_max
    label_start = state.pos + 1
    label_end = _parse_link_label(state, state.pos, True)
    if label_end < 0:
        return False
    pos = label_end + 1
    if not (pos < maximum and src[pos] == "("):
        return False  # a reference link, and there are no references
    href = title = ""
    pos += 1
    while pos < maximum and src[pos] in " \t\n":
        pos += 1
    if pos >= maximum:
        return False
    ok, dest_end, dest = _parse_link_destination(src, pos, maximum)
    if ok:
        href = _normalize_link(dest)
        if _validate_link(href):
            pos = dest_end
        else:
            href = ""
        start = pos
        while pos < maximum and src[pos] in " \t\n":
            pos += 1
        title_ok, title_end, title_text = _parse_link_title(src, pos, maximum)
        if pos < maximum and start != pos and title_ok:
            title, pos = title_text, title_end
            while pos < maximum and src[pos] in " \t\n":
                pos += 1
    if pos >= maximum or src[pos] != ")":
        return False  # falls back to a reference link, and there are none
    pos += 1
    if not silent:
        state.pos = label_start
        state.pos_max = label_end
        token = state.push("link_open", 1)
        token.attrs["href"] = href
        if title:
            token.attrs["title"] = title
        _tokenize(state)
        state.push("link_close", -1)
    state.pos = pos
    state.pos_max = maximum
    return True


# --- link helpers -----------------------------------------------------------------------------

def _parse_link_label(state: _State, start: int, disable_nested: bool = False) -> int:
    """Where the label opened at `start` ends (its `]`), or -1; a link inside is refused."""
    old_pos = state.pos
    state.pos = start + 1
    level = 1
    found = False
    src = state.src
    while state.pos < state.pos_max:
        marker = src[state.pos]
        if marker == "]":
            level -= 1
            if level == 0:
                found = True
                break
        prev_pos = state.pos
        _skip_token(state)
        if marker == "[":
            if prev_pos == state.pos - 1:
                level += 1  # a `[` that is plain text, not the start of a token
            elif disable_nested:
                state.pos = old_pos
                return -1
    label_end = state.pos if found else -1
    state.pos = old_pos
    return label_end


def _parse_link_destination(src: str, pos: int, maximum: int) -> tuple[bool, int, str]:
    """`<…>` or a run without spaces and with balanced parentheses: (ok, end, unescaped)."""
    start = pos
    if src[pos] == "<":
        pos += 1
        while pos < maximum:
            char = src[pos]
            if char == "\n" or char == "<":
                return False, 0, ""
            if char == ">":
                return True, pos + 1, _unescape_all(src[start + 1:pos])
            if char == "\\" and pos + 1 < maximum:
                pos += 2
                continue
            pos += 1
        return False, 0, ""
    level = 0
    while pos < maximum:
        char = src[pos]
        if char == " " or char < " " or char == "\x7f":
            break
        if char == "\\" and pos + 1 < maximum:
            if src[pos + 1] == " ":
                break
            pos += 2
            continue
        if char == "(":
            level += 1
            if level > 32:
                return False, 0, ""
        if char == ")":
            if level == 0:
                break
            level -= 1
        pos += 1
    if start == pos or level != 0:
        return False, 0, ""
    return True, pos, _unescape_all(src[start:pos])


def _parse_link_title(src: str, pos: int, maximum: int) -> tuple[bool, int, str]:
    """`"…"`, `'…'` or `(…)`: (ok, end, unescaped)."""
    if pos >= maximum:
        return False, 0, ""
    marker = src[pos]
    if marker not in "\"'(":
        return False, 0, ""
    start = pos = pos + 1
    if marker == "(":
        marker = ")"
    while pos < maximum:
        char = src[pos]
        if char == marker:
            return True, pos + 1, _unescape_all(src[start:pos])
        if char == "(" and marker == ")":
            return False, 0, ""
        if char == "\\" and pos + 1 < maximum:
            pos += 1
        pos += 1
    return False, 0, ""


def _unescape_all(string: str) -> str:
    """Backslash escapes and entities of a destination or title replaced by their characters."""
    if "\\" not in string and "&" not in string:
        return string

    def replace(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1)
        name = match.group(2)
        if name in _entities():
            return _entities()[name]
        code = None
        if pat := _regex(_DIGITAL_ENTITY_BASE10).fullmatch(name):
            code = int(pat.group(1), 10)
        elif pat := _regex(_DIGITAL_ENTITY_BASE16, re.IGNORECASE).fullmatch(name):
            code = int(pat.group(1), 16)
        if code is not None and _valid_entity_code(code):
            return chr(code)
        return match.group()

    return _regex(_UNESCAPE_ALL, re.IGNORECASE).sub(replace, string)


def _validate_link(url: str) -> bool:
    """markdown-it refuses javascript:, vbscript:, file: and data: (but images) addresses."""
    url = url.strip().lower()
    return bool(_regex(_GOOD_DATA).search(url)) if _regex(_BAD_PROTO).search(url) else True


# --- entities ---------------------------------------------------------------------------------

_ENTITIES: Optional[dict[str, str]] = None


def _entities() -> dict[str, str]:
    """HTML5's named entities, without their `;` (markdown-it's table is built the same way from
    html.entities.html5); imported on the first entity only, as it costs about 2 ms."""
    global _ENTITIES
    if _ENTITIES is None:
        import html.entities

        _ENTITIES = {name.rstrip(";"): chars for name, chars in html.entities.html5.items()}
    return _ENTITIES


def _valid_entity_code(code: int) -> bool:
    """Whether a numeric entity names a character HTML allows (else it reads as U+FFFD)."""
    if 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF:
        return False
    if (code & 0xFFFF) in (0xFFFF, 0xFFFE):
        return False
    if 0x00 <= code <= 0x08 or code == 0x0B or 0x0E <= code <= 0x1F or 0x7F <= code <= 0x9F:
        return False
    return code <= 0x10FFFF


# --- after the rules --------------------------------------------------------------------------

def _balance_pairs(delimiters: list[_Delimiter]) -> None:
    """Pair each closing `*`/`_` with its opener, by CommonMark's rules (the rule of 3
    included), in linear time (markdown-it's processDelimiters)."""
    if not delimiters:
        return
    openers_bottom: dict[str, list[int]] = {}
    maximum = len(delimiters)
    header_idx = 0
    last_token_idx = -2
    jumps: list[int] = []
    closer_idx = 0
    while closer_idx < maximum:
        closer = delimiters[closer_idx]
        jumps.append(0)
        if delimiters[header_idx].marker != closer.marker or last_token_idx != closer.token - 1:
            header_idx = closer_idx
        last_token_idx = closer.token
        if not closer.close:
            closer_idx += 1
            continue
        bottoms = openers_bottom.setdefault(closer.marker, [-1, -1, -1, -1, -1, -1])
        min_opener_idx = bottoms[(3 if closer.open else 0) + closer.length % 3]
        opener_idx = header_idx - jumps[header_idx] - 1
        new_min_opener_idx = opener_idx
        while opener_idx > min_opener_idx:
            opener = delimiters[opener_idx]
            if opener.marker != closer.marker:
                opener_idx -= jumps[opener_idx] + 1
                continue
            if opener.open and opener.end < 0:
                odd_match = ((opener.close or closer.open)
                             and (opener.length + closer.length) % 3 == 0
                             and (opener.length % 3 != 0 or closer.length % 3 != 0))
                if not odd_match:
                    if opener_idx > 0 and not delimiters[opener_idx - 1].open:
                        last_jump = jumps[opener_idx - 1] + 1
                    else:
                        last_jump = 0
                    jumps[closer_idx] = closer_idx - opener_idx + last_jump
                    jumps[opener_idx] = last_jump
                    closer.open = False
                    opener.end = closer_idx
                    opener.close = False
                    new_min_opener_idx = -1
                    last_token_idx = -2
                    break
            opener_idx -= jumps[opener_idx] + 1
        if new_min_opener_idx != -1:
            bottoms[(3 if closer.open else 0) + closer.length % 3] = new_min_opener_idx
        closer_idx += 1


def _emphasis_post_process(tokens: list[Token], delimiters: list[_Delimiter]) -> None:
    """Turn paired markers into em/strong tokens; two adjacent pairs make one strong."""
    i = len(delimiters) - 1
    while i >= 0:
        start = delimiters[i]
        if start.end == -1:
            i -= 1
            continue
        end = delimiters[start.end]
        strong = (i > 0
                  and delimiters[i - 1].end == start.end + 1
                  and delimiters[i - 1].marker == start.marker
                  and delimiters[i - 1].token == start.token - 1
                  and delimiters[start.end + 1].token == end.token + 1)
        tag = "strong" if strong else "em"
        opening, closing = tokens[start.token], tokens[end.token]
        opening.type, opening.nesting, opening.content = tag + "_open", 1, ""
        closing.type, closing.nesting, closing.content = tag + "_close", -1, ""
        if strong:
            tokens[delimiters[i - 1].token].content = ""
            tokens[delimiters[start.end + 1].token].content = ""
            i -= 1
        i -= 1


def _join_text(tokens: list[Token]) -> list[Token]:
    """Adjacent text (leftover markers, escaped characters, entities) as one text token
    (markdown-it's fragments_join then text_join give the same)."""
    out: list[Token] = []
    for token in tokens:
        if token.type == "text_special":
            token.type = "text"
        if token.type == "text" and out and out[-1].type == "text":
            out[-1].content += token.content
        else:
            out.append(token)
    return out


# --- link addresses (markdown-it's normalizeLink, with the parts of mdurl it uses) ------------

def _normalize_link(url: str) -> str:
    """The address as markdown-it writes it: parsed as Node's url.parse did, the host
    punycoded, then percent-encoded where needed (already encoded `%XX` kept)."""
    protocol, slashes, auth, port, hostname, hash_, search, pathname = _url_parse(url)
    if hostname and (not protocol or protocol in ("http:", "https:", "mailto:")):
        try:
            hostname = _to_ascii(hostname)
        except Exception:  # markdown-it keeps the host as written when punycode fails
            pass
    parts = (protocol, slashes, auth, port, hostname, hash_, search, pathname)
    if not hostname or ":" not in hostname:
        return _url_encode(_url_format(parts))
    return _url_format((protocol and _url_encode(protocol), slashes, auth and _url_encode(auth),
                        port, _url_encode(hostname), hash_ and _url_encode(hash_),
                        search and _url_encode(search), pathname and _url_encode(pathname)))


_PROTOCOL = r"^([a-z0-9.+-]+:)"
_PORT = r":[0-9]*$"
_HOSTNAME_PART = r"^[+a-z0-9A-Z_-]{0,63}$"
_HOSTNAME_PART_START = r"^([+a-z0-9A-Z_-]{0,63})(.*)$"
_NON_HOST_CHARS = ("%", "/", "?", ";", "#", "'", "{", "}", "|", "\\", "^", "`",
                   "<", ">", '"', "`", " ", "\r", "\n", "\t")
_HOSTLESS = ("javascript", "javascript:")
_SLASHED = ("http", "https", "ftp", "gopher", "file", "http:", "https:", "ftp:", "gopher:", "file:")


def _url_parse(url: str) -> tuple:
    """mdurl.parse(url, slashes_denote_host=True): (protocol, slashes, auth, port, hostname,
    hash, search, pathname)."""
    protocol = auth = port = hostname = hash_ = search = pathname = None
    slashes_seen = False
    rest = url.strip()
    proto = ""
    match = _regex(_PROTOCOL, re.IGNORECASE).match(rest)
    if match:
        proto = match.group()
        protocol = proto
        rest = rest[len(proto):]
    lower_proto = proto.lower()
    slashes = rest.startswith("//")
    if slashes and proto not in _HOSTLESS:
        rest = rest[2:]
        slashes_seen = True
    if proto not in _HOSTLESS and (slashes or (proto and proto not in _SLASHED)):
        host_end = -1
        for char in ("/", "?", "#"):
            found = rest.find(char)
            if found != -1 and (host_end == -1 or found < host_end):
                host_end = found
        at_sign = rest.rfind("@") if host_end == -1 else rest.rfind("@", 0, host_end + 1)
        if at_sign != -1:
            auth = rest[:at_sign]
            rest = rest[at_sign + 1:]
        host_end = -1
        for char in _NON_HOST_CHARS:
            found = rest.find(char)
            if found != -1 and (host_end == -1 or found < host_end):
                host_end = found
        if host_end == -1:
            host_end = len(rest)
        if host_end > 0 and rest[host_end - 1] == ":":
            host_end -= 1
        host = rest[:host_end]
        rest = rest[host_end:]
        port_match = _regex(_PORT).search(host)
        if port_match:
            found = port_match.group()
            if found != ":":
                port = found[1:]
            host = host[:-len(found)]
        if host:
            hostname = host
        hostname = hostname or ""
        ipv6 = hostname.startswith("[") and hostname.endswith("]")
        if not ipv6:
            host_parts = hostname.split(".")
            for i, part in enumerate(host_parts):
                if not part or _regex(_HOSTNAME_PART).search(part):
                    continue
                ascii_part = "".join("x" if ord(char) > 127 else char for char in part)
                if not _regex(_HOSTNAME_PART).search(ascii_part):
                    valid_parts = host_parts[:i]
                    not_host = host_parts[i + 1:]
                    bit = _regex(_HOSTNAME_PART_START).search(part)
                    if bit:
                        valid_parts.append(bit.group(1))
                        not_host.insert(0, bit.group(2))
                    if not_host:
                        rest = ".".join(not_host) + rest
                    hostname = ".".join(valid_parts)
                    break
        if len(hostname) > 255:
            hostname = ""
        if ipv6:
            hostname = hostname[1:-1]
    found = rest.find("#")
    if found != -1:
        hash_ = rest[found:]
        rest = rest[:found]
    found = rest.find("?")
    if found != -1:
        search = rest[found:]
        rest = rest[:found]
    if rest:
        pathname = rest
    if lower_proto in _SLASHED and hostname and not pathname:
        pathname = ""
    return protocol, slashes_seen, auth, port, hostname, hash_, search, pathname


def _url_format(parts: tuple) -> str:
    """mdurl.format: the parsed parts written back (an IPv6 host in brackets)."""
    protocol, slashes, auth, port, hostname, hash_, search, pathname = parts
    host = "[" + hostname + "]" if hostname and ":" in hostname else (hostname or "")
    return "".join((protocol or "", "//" if slashes else "", auth + "@" if auth else "", host,
                    ":" + port if port else "", pathname or "", search or "", hash_ or ""))


_HOST_SEPARATORS = r"[\x2E\u3002\uFF0E\uFF61]"
_NON_ASCII = r"[^\0-\x7E]"


def _to_ascii(host: str) -> str:
    """markdown-it's punycode of a host (an e-mail's local part kept as written)."""
    prefix = ""
    parts = host.split("@")
    if len(parts) > 1:
        prefix = parts[0] + "@"
        host = parts[1]
    labels = _regex(_HOST_SEPARATORS).split(host)
    return prefix + ".".join(
        "xn--" + label.encode("punycode").decode() if _regex(_NON_ASCII).search(label) else label
        for label in labels)


_URL_KEEP = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                      ";/?:@&=+$,-_.!~*'()#")
_HEX = frozenset("0123456789abcdefABCDEF")


def _url_encode(string: str) -> str:
    """mdurl.encode: percent-encode all but letters, digits and ;/?:@&=+$,-_.!~*'()#, keeping
    a valid `%XX` as it is."""
    out = []
    i, size = 0, len(string)
    while i < size:
        char = string[i]
        code = ord(char)
        if char == "%" and i + 2 < size and string[i + 1] in _HEX and string[i + 2] in _HEX:
            out.append(string[i:i + 3])
            i += 3
            continue
        if code < 128:
            out.append(char if char in _URL_KEEP else "%%%02X" % code)
            i += 1
            continue
        if 0xD800 <= code <= 0xDFFF:
            if code <= 0xDBFF and i + 1 < size and 0xDC00 <= ord(string[i + 1]) <= 0xDFFF:
                out.append(_quote(string[i:i + 2]))
                i += 2
                continue
            out.append("%EF%BF%BD")
            i += 1
            continue
        out.append(_quote(char))
        i += 1
    return "".join(out)


def _quote(chars: str) -> str:
    """urllib.parse.quote of non-ASCII characters: their UTF-8 bytes percent-encoded."""
    return "".join("%%%02X" % byte for byte in chars.encode("utf-8"))
