"""One talk kept built in memory for `deckgen watch`: rebuilt in-process, the last good deck kept.

A rebuild never raises: content errors (and any other failure) become the text the page shows
over the deck and the terminal prints, while the last deck that built stays served.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from generator.renderers.html.deck import Live


@dataclass(frozen=True)
class LiveState:
    """What the server serves: the build number, the last good page, the current error if any."""

    version: int = 0
    page: bytes | None = None
    error: str | None = None
    lang: str = "en"

    @property
    def key(self) -> tuple:
        return (self.version, self.error)


class LiveDeck:
    """The deck of one talk in one language, rebuilt on demand; threads wait for it to change."""

    def __init__(self, talk_dir: Path, lang: str | None = None, events: str | None = None,
                 out: Path | None = None):
        from generator.renderers.html.deck import LIVE_EVENTS

        self.talk_dir = Path(talk_dir)
        self.lang = lang
        self.events = events or LIVE_EVENTS      # where its page follows its builds
        self.out = out                           # where the outputs are written (not the talk's files)
        self.prepared = None                     # the last good build, loaded and planned, for the outputs
        self._read = None                        # talk.yaml and the theme as last read (LoadedTalk, Theme)
        self._made = None                        # the last good build's talk, theme, localized talk and plan
        self.state = LiveState()
        self.changed = threading.Condition()
        self.watched: tuple[Path, ...] = (self.talk_dir,)
        self._last_report = ""

    def rebuild(self, reload: bool = True, read: tuple | None = None) -> tuple[bool, str]:
        """Build again; returns whether it worked and the lines to print in the terminal. Without
        `reload` (only catalogs changed), talk.yaml and the theme are taken as last read; `read`,
        talk.yaml and the theme just read (`read_talk`) for another deck of the talk."""
        started = time.perf_counter()
        version = self.state.version + 1
        try:
            page, lang, warnings = self._render(version, reload, read)
        except Exception as exc:  # noqa: BLE001 - the server lives on whatever the content holds
            text = _error_text(exc, has_page=self.state.page is not None)
            with self.changed:
                self.state = LiveState(self.state.version, self.state.page, text, self.state.lang)
                self.changed.notify_all()
            return False, text
        with self.changed:
            self.state = LiveState(version, page, None, lang)
            self.changed.notify_all()
        took = time.perf_counter() - started
        if self.out is not None:        # for the outputs, once the page is out
            from generator.build.targets import Prepared, files_key

            loaded, theme, localized, plan = self._made
            template = loaded.directory / loaded.talk.template if loaded.talk.template else None
            self.prepared = Prepared(loaded, theme, files_key(loaded.directory, theme, template, self.out),
                                     {lang: (localized, plan)})
        report = "\n".join(warnings)
        # The same warnings as last time are not printed again.
        shown, self._last_report = (report if report != self._last_report else ""), report
        return True, "\n".join(filter(None, [shown, f"rebuilt {lang} (build {version}) in {took:.2f} s"]))

    def _render(self, version: int, reload: bool = True, read: tuple | None = None) -> tuple[bytes, str, list[str]]:
        from generator.build.targets import languages_of
        from generator.build.jobs import RenderJob
        from generator.errors import ContentError, format_report
        from generator.commands.fit_report import plan_diagnostics
        from generator.i18n.localize import localize
        from generator.renderers.html.deck import render_deck
        from generator.renderers.html.templates import template_dirs

        if reload or self._read is None:
            self._read = None
            self._read = read or read_talk(self.talk_dir)
        loaded, theme = self._read
        self.watched = tuple(dict.fromkeys((self.talk_dir.resolve(), *theme.directories, *template_dirs(theme))))
        lang = languages_of(loaded, [self.lang])[0] if self.lang else loaded.talk.lang
        localized = localize(loaded, lang)
        job = RenderJob(loaded, localized, theme, lang)
        planned = plan_diagnostics(loaded, job.plan, theme)
        if any(d.severity == "error" for d in planned):
            raise ContentError(planned, loaded.sources)
        html, warnings = render_deck(job, Live(version, self.events))
        self._made = (loaded, theme, localized, job.plan)
        found = [*loaded.warnings, *localized.warnings, *planned, *warnings]
        report = [format_report(found, loaded.sources)] if found else []
        return html.encode("utf-8"), lang, report

    def wait_for_change(self, seen: tuple | None, timeout: float) -> LiveState:
        """The state once it differs from `seen` (at once when it already does), or after `timeout`."""
        with self.changed:
            self.changed.wait_for(lambda: self.state.key != seen, timeout=timeout)
            return self.state

    def page(self) -> bytes:
        """The page to serve: the last good deck, or a page that shows the error until one builds."""
        state = self.state
        if state.page is not None:
            return state.page
        return error_page(state.error or "building…", state.version, self.lang or "en", self.events)


def read_talk(talk_dir: Path) -> tuple:
    """talk.yaml and its theme read again (theme.yaml too, rather than from the cache: it may have
    been edited): the LoadedTalk and the Theme."""
    from generator import theme as themes
    from generator.content.talk import load_talk

    clear = getattr(getattr(themes, "_load_theme_file", None), "cache_clear", None)
    if clear:
        clear()
    loaded = load_talk(talk_dir)
    return loaded, themes.load_theme(loaded.talk.theme, loaded.directory.resolve())


def _error_text(exc: Exception, has_page: bool) -> str:
    from generator.errors import ContentError, MissingToolError

    if isinstance(exc, ContentError):
        errors = sum(1 for d in exc.diagnostics if d.severity == "error")
        then = "still showing the last good build" if has_page else "the deck shows once they are fixed"
        return f"{exc.report()}\n{errors} error{'s' if errors != 1 else ''}; {then}"
    if isinstance(exc, MissingToolError):
        return f"error: {exc.tool} is not installed\n  hint: install it with: {exc.install}"
    try:
        from jinja2 import TemplateError, TemplateSyntaxError

        if isinstance(exc, TemplateSyntaxError):
            return f"{exc.filename}:{exc.lineno}: error: {exc.message} [template.syntax]"
        if isinstance(exc, TemplateError):
            return f"error: {exc} [template]"
    except ImportError:  # pragma: no cover - jinja2 is a dependency
        pass
    return f"error: {type(exc).__name__}: {exc}"


def error_page(text: str, version: int, lang: str, events: str | None = None) -> bytes:
    """A page holding only the error, which reloads itself once the talk builds."""
    from markupsafe import Markup

    from generator.renderers.html.csp import content_security_policy
    from generator.renderers.html.deck import LIVE_EVENTS
    from generator.renderers.html.strings import ui_strings
    from generator.renderers.html.templates import DEFAULT_HTML, environment
    from generator.theme.contrast import DEFAULT_COLORS

    css = (f":root {{ --color-letterbox: {DEFAULT_COLORS['text']}; --color-background: {DEFAULT_COLORS['background']}; "
           f"--color-letterbox-text: {DEFAULT_COLORS['background']}; }}\n"
           "body { margin: 0; font-family: sans-serif; }\n"
           + (DEFAULT_HTML / "deck.css").read_text(encoding="utf-8"))
    script = (DEFAULT_HTML / "live.js").read_text(encoding="utf-8")
    strings = {**ui_strings(lang), "error": ui_strings(lang)["error_first"]}
    data = {"deck": "error", "lang": lang, "strings": strings,
            "live": {"events": events or LIVE_EVENTS, "version": version}}
    html = environment().get_template("error.html.j2").render(
        lang=lang, strings=strings, data=data, error=text, css=Markup(css), script=Markup(script),
        csp=content_security_policy([script], [css], live=True))
    return html.encode("utf-8")
