"""The talk library page (`index.html`): each talk with its first slide drawn small from the plan,
its date, and a link with its size to every output of every language."""

from __future__ import annotations

import collections
import datetime

from markupsafe import Markup, escape

from generator.plan import geometry as g

KINDS = ("html", "pptx", "pdf", "handout-notes", "handout-lines", "handout-grid", "diagrams")


def page_language(entries) -> str:
    """The language the page's own words are in: the one most talks are written in (the first
    in alphabetical order on a tie), English for an empty library."""
    counted = collections.Counter(entry.loaded.talk.lang for entry in entries)
    if not counted:
        return "en"
    most = max(counted.values())
    return sorted(lang for lang, n in counted.items() if n == most)[0]


def render_library(entries, base_url: str | None = None) -> bytes:
    """The page's bytes: the same for the same talks and outputs, however they were built."""
    from generator.i18n.scripts import is_rtl
    from generator.i18n.tool_words import word
    from generator.renderers.html.templates import environment

    lang = page_language(entries)
    base = (base_url.rstrip("/") + "/") if base_url else ""
    talks = []
    for entry in entries:
        talk = entry.loaded.talk
        languages = [dict(lang=language.lang, name=language_name(language.lang, lang), rtl=is_rtl(language.lang),
                          outputs=[dict(label=_label(output.kind, lang), href=base + _quoted(output.href),
                                        size=size_text(output.size, lang)) for output in language.outputs])
                     for language in entry.languages]
        talks.append(dict(id=talk.id, title=talk.title, subtitle=talk.subtitle, author=talk.author, lang=talk.lang,
                          rtl=is_rtl(talk.lang), date=_date(talk.date, lang), iso_date=talk.date or "",
                          thumbnail=thumbnail_svg(entry.cover, entry.theme, talk.lang), languages=languages))
    html = environment().get_template("library.html.j2").render(
        lang=lang, rtl=is_rtl(lang), title=word(lang, "library/title"), talks=talks)
    return html.encode("utf-8")


def _label(kind: str, lang: str) -> str:
    from generator.i18n.tool_words import word

    return {"html": "HTML", "pptx": "PowerPoint", "pdf": "PDF"}.get(kind) or word(lang, f"library/{kind}")


def _quoted(href: str) -> str:
    from urllib.parse import quote

    return quote(href, safe="/")


def _date(day: str | None, lang: str) -> str:
    from generator.i18n.dates import long_date

    return long_date(datetime.date.fromisoformat(day), lang) if day else ""


def language_name(code: str, lang: str) -> str:
    """A language's own name ("français", "日本語"), its code where Babel does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code
    return locale.get_display_name(locale) or code


def size_text(size: int, lang: str) -> str:
    """"1.2 MB", "1,2 MB", "340 kB": a size in the page language's numbers."""
    from babel.numbers import format_decimal

    locale = lang.replace("-", "_")
    value, unit = (size / 1e6, "MB") if size >= 1e6 else (max(size / 1e3, 0.1), "kB")
    pattern = "#,##0.0" if value < 10 else "#,##0"
    try:
        number = format_decimal(value, pattern, locale=locale)
    except Exception:  # noqa: BLE001 - a language Babel does not know
        number = format_decimal(value, pattern, locale="en")
    return f"{number}\u00a0{unit}"


def thumbnail_svg(cover, theme, lang: str) -> Markup:
    """The first slide as its plan places it: the colour field, the title's and subtitle's lines,
    the speaker and the event, drawn at the slide's own coordinates (the page scales it)."""
    from generator.i18n.scripts import is_rtl
    from generator.plan.measure import TextMeasure

    colors = theme.colors
    rtl = is_rtl(lang)
    pitch = TextMeasure.for_theme(theme, lang).pitch     # as the plan set the cover's lines
    parts = [f'<rect width="{_n(g.SLIDE_W)}" height="{_n(g.SLIDE_H)}" fill="{escape(colors.get("background", "#FFFFFF"))}"/>']
    if cover.field is not None:
        f = cover.field
        parts.append(f'<rect x="{_n(f.x)}" y="{_n(f.y)}" width="{_n(f.w)}" height="{_n(f.h)}" '
                     f'fill="{escape(colors.get("cover", "#1E3A8A"))}"/>')
    on_field = cover.field is not None
    texts = ((cover.heading, "cover-text" if on_field else "text", True),
             (cover.subtitle, "cover-muted" if on_field else "muted", False),
             (cover.byline, "text", True), (cover.event, "muted", False))
    family = escape(theme.heading.family)
    for sized, color, bold in texts:
        if sized is None or sized.rect is None:
            continue
        x = sized.rect.x + sized.rect.w if rtl else sized.rect.x
        anchor = ' text-anchor="end"' if rtl else ""
        for index, line in enumerate(sized.lines or (sized.text,)):
            baseline = sized.rect.y + (index + 0.78) * sized.size * pitch
            weight = ' font-weight="bold"' if bold else ""
            parts.append(f'<text x="{_n(x)}" y="{_n(baseline)}" font-size="{_n(sized.size)}"{anchor}{weight} '
                         f'fill="{escape(colors.get(color, "#111827"))}">{escape(line)}</text>')
    direction = ' direction="rtl"' if rtl else ""
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(g.SLIDE_W)} {_n(g.SLIDE_H)}" '
                  f'class="thumbnail" aria-hidden="true" font-family="{family}, sans-serif"{direction} '
                  f'lang="{escape(lang)}">{"".join(parts)}</svg>')


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
