"""Bullets written as people write them: `- Term: explanation`.

YAML reads such a line as a mapping with one key. When its key and value are plain text, the
bullet is the text "Term: explanation" with the term in bold (`**Term**: explanation`, one
message in the catalogs); when the shape is really ambiguous (`- Term:` with nothing after it,
or a list or mapping after the colon), one error per bullet says what YAML did and how to quote.
"""

from __future__ import annotations

from generator.content.loader import Document
from generator.errors import Diagnostic

_MARKDOWN_SPECIAL = "\\`*_[]<>"


def escape_markdown(text: str) -> str:
    """Text that inline Markdown reads back as itself."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in text)


def normalize_bullets(data: dict, doc: Document, path: str) -> list[Diagnostic]:
    """Turn one-key mappings among the bullets of `data` into "**Term**: text" bullets, in place."""
    found: list[Diagnostic] = []
    slides = data.get("slides")
    if not isinstance(slides, list):
        return found
    for index, slide in enumerate(slides):
        if not isinstance(slide, dict):
            continue
        holders = [(slide, ("slides", index))] + [(slide[side], ("slides", index, side)) for side in ("left", "right")
                                                  if isinstance(slide.get(side), dict)]
        for holder, base in holders:
            _normalize_list(holder, base, doc, path, found)
    return found


def _normalize_list(holder: dict, base: tuple, doc: Document, path: str, found: list[Diagnostic]) -> None:
    if isinstance(holder.get("bullets"), list):
        for place, bullet in enumerate(holder["bullets"]):
            at = base + ("bullets", place)
            holder["bullets"][place] = _bullet(bullet, at, doc, path, found)
            if isinstance(bullet, dict) and isinstance(bullet.get("bullets"), list):
                subs = bullet["bullets"]
                for sub, item in enumerate(subs):
                    subs[sub] = _bullet(item, at + ("bullets", sub), doc, path, found)


def _bullet(bullet, at: tuple, doc: Document, path: str, found: list[Diagnostic]):
    if not isinstance(bullet, dict) or len(bullet) != 1:
        return bullet
    (term, value), = bullet.items()
    if term in ("text", "bullets") or not isinstance(term, str):
        return bullet
    if isinstance(value, str) and value.strip():
        return f"**{escape_markdown(term.strip())}**: {value}"
    what = ("nothing" if value is None or value == "" else
            "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else "a flag")
    found.append(Diagnostic(
        path, f"YAML read this bullet as the key '{term}' followed by {what}, not as text", "schema.bullet",
        doc.where(at), f'quote the whole bullet: - "{term}: …"; or, for sub-points, write '
        f"- text: {term} with bullets: […] under it"))
    return term
