"""The `deckgen` command line: click commands wired to the library; no logic of their own.

Heavy libraries are imported inside the commands that use them, so `deckgen --help` and
`deckgen check` start quickly.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from generator.build.progress import Progress, Verbosity, escapes_forbidden
from generator.errors import ContentError, ExitCode, MissingToolError, RenderError, exit_code_table
from generator.theme import MissingFontError

CONTENT_DIR = Path("content")


def _talk_dirs(given: tuple[str, ...]) -> list[Path]:
    if given:
        return [Path(p) for p in given]
    if not CONTENT_DIR.is_dir():
        raise click.UsageError("no TALK_DIR given and no content/ folder here")
    found = sorted(p.parent for p in CONTENT_DIR.glob("*/talk.yaml"))
    if not found:
        raise click.UsageError("no talk found under content/ (create one with: deckgen new <talk-id>)")
    return found


def _print_diagnostics(exc_or_list, sources=None, errors_only: bool = False) -> None:
    """The diagnostics on standard error; `errors_only` (-q): the warnings left out."""
    from generator.errors import format_report

    if isinstance(exc_or_list, ContentError):
        found, sources = exc_or_list.diagnostics, exc_or_list.sources
    else:
        found = exc_or_list
    if errors_only:
        found = [d for d in found if d.severity == "error"]
    text = format_report(found, sources or {})
    if text:
        click.echo(text, err=True)


# -q/-v and --color/--no-color may be given before the command name (the group's options, for
# every command) or after it (the options of the commands that print progress). Each records what
# it asked in the context's `meta`, which the group's context and the command's share; click runs
# the callbacks in the order the options were given, the group's first, so the last one wins.
_LEVEL = "deckgen.verbosity"
_COLOR = "deckgen.color"
QUIET_HELP = "Print only errors and the failure summary: no progress, no warnings."
VERBOSE_HELP = "Print more detail (which, each command's --help says)."
COLOR_HELP = ("Send terminal escapes (colour, the status line rewritten in place) even to a file or pipe, "
              "or never. Default: only to a terminal, not with NO_COLOR set or TERM=dumb.")


def _remember_level(level: Verbosity):
    def callback(ctx: click.Context, param: click.Parameter, given: bool) -> None:
        if given:
            ctx.meta[_LEVEL] = level
    return callback


def _remember_color(ctx: click.Context, param: click.Parameter, value: bool | None) -> None:
    if value is not None:
        ctx.meta[_COLOR] = value
        ctx.color = value           # what click.echo strips or keeps


def _output_options(color: bool = False, quiet: str = QUIET_HELP, verbose: str = VERBOSE_HELP):
    """-q/--quiet and -v/--verbose (and `color`: --color/--no-color) on a command, with its help for each."""
    def decorate(command):
        if color:
            command = click.option("--color/--no-color", default=None, expose_value=False,
                                   callback=_remember_color, help=COLOR_HELP)(command)
        command = click.option("-v", "--verbose", is_flag=True, expose_value=False,
                               callback=_remember_level(Verbosity.VERBOSE), help=verbose)(command)
        return click.option("-q", "--quiet", is_flag=True, expose_value=False,
                            callback=_remember_level(Verbosity.QUIET), help=quiet)(command)
    return decorate


def _level() -> Verbosity:
    return click.get_current_context().meta.get(_LEVEL, Verbosity.NORMAL)


def _escapes() -> bool | None:
    """--color (True), --no-color (False), or None: decided by the stream and the environment."""
    return click.get_current_context().meta.get(_COLOR)


class _Main(click.Group):
    """The group that turns known failures into messages and exit codes instead of tracebacks."""

    def invoke(self, ctx: click.Context):
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except ContentError as exc:
            _print_diagnostics(exc, errors_only=ctx.meta.get(_LEVEL) == Verbosity.QUIET)
            errors = sum(1 for d in exc.diagnostics if d.severity == "error")
            click.echo(f"{errors} error{'s' if errors != 1 else ''}; nothing was written", err=True)
            ctx.exit(ExitCode.CONTENT)
        except MissingToolError as exc:
            click.echo(f"error: {exc.tool} is not installed\n  hint: install it with: {exc.install}", err=True)
            ctx.exit(ExitCode.MISSING_TOOL)
        except MissingFontError as exc:
            from generator.build.machine import font_hint

            click.echo(f"error: font file '{exc.file_name}' is not on this machine [machine.font]\n"
                       f"  hint: {font_hint(exc.theme_dir or 'the theme folder')}", err=True)
            ctx.exit(ExitCode.MISSING_TOOL)
        except RenderError as exc:
            if debug:
                raise
            click.echo(f"error: {exc}", err=True)
            ctx.exit(ExitCode.RENDER)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(ExitCode.INTERRUPTED)
        except BrokenPipeError:
            _quiet_stdout()
            ctx.exit(ExitCode.OK)
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            if debug:
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc}\n"
                       "  hint: run again with --debug for the traceback, and report it", err=True)
            ctx.exit(ExitCode.RENDER)


EPILOG = "Exit codes:\n\n\b\n" + exit_code_table()


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@_output_options(color=True)
@click.version_option(package_name="deckgen-talks", prog_name="deckgen")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Slides, diagrams and handouts from one structured talk, in every language it is translated into.

    Defaults for the options may be set in deckgen.toml (or [tool.deckgen] in pyproject.toml) in
    the current folder. Shell completion: eval "$(_DECKGEN_COMPLETE=bash_source deckgen)" (zsh_source,
    fish_source for the other shells).

    -q/--quiet prints only errors and the failure summary; -v/--verbose adds detail (timings, the
    cache, each file written). Both may be given before the command name, for every command, or
    after it, for check, build, new and i18n update; the last one given wins (schema, i18n status
    and watch print what they print either way). Terminal escapes (colour, build's status line
    rewritten in place) go only to a terminal, and not when NO_COLOR is set (to anything but
    nothing) or TERM is dumb; --color/--no-color, before the command or after build, decides instead.
    """
    from generator.commands.config import default_map

    if ctx.meta.get(_COLOR) is None and escapes_forbidden():
        ctx.color = False           # NO_COLOR or TERM=dumb: click.echo strips any style, even on a terminal
    ctx.default_map = default_map(Path.cwd())


@main.command()
@click.argument("talk_dirs", nargs=-1, type=click.Path(file_okay=True, dir_okay=True))
@click.option("--lang", "langs", metavar="LANGS",
              help="Languages to measure, comma-separated (default: all of the talk's; qps: pseudo).")
@click.option("--strict", is_flag=True, help="Treat warnings (stale translations, text that does not fit) as errors.")
@_output_options(quiet="Print nothing for a talk that passes; for one that fails, its errors (with --strict, "
                       "its warnings too) and its summary.",
                 verbose="Also print the time each talk's check took.")
def check(talk_dirs: tuple[str, ...], langs: str | None, strict: bool) -> None:
    """Validate talks; report their contents, translation status and text that does not fit.

    Writes nothing. Without TALK_DIR, every talk under content/ is checked.
    """
    from generator.commands.check import check_talk
    from generator.content.talk import load_talk
    from generator.i18n.pseudo import PSEUDO_LANG

    level = _level()
    errors_only = level == Verbosity.QUIET and not strict
    failed = missing = False
    for talk_dir in _talk_dirs(talk_dirs):
        started = time.perf_counter()
        try:
            loaded = load_talk(talk_dir)
        except ContentError as exc:
            _print_diagnostics(exc, errors_only=errors_only)
            errors = sum(1 for d in exc.diagnostics if d.severity == "error")
            click.echo(f"{exc.diagnostics[0].path}: {errors} error{'s' if errors != 1 else ''}", err=True)
            failed = True
            continue
        talk = loaded.talk
        languages = _split(langs) or list(talk.languages)
        unknown = [lang for lang in languages if lang not in talk.languages and lang != PSEUDO_LANG]
        if unknown:
            raise click.BadParameter(f"the talk has no language '{unknown[0]}' "
                                     f"(it has {', '.join(talk.languages)}; qps is the pseudo-locale)",
                                     param_hint="--lang")
        checked = check_talk(loaded, languages)
        _print_diagnostics(checked.diagnostics, loaded.sources, errors_only=errors_only)
        fails = bool(checked.errors) or (strict and (bool(checked.diagnostics) or not checked.complete))
        if level > Verbosity.QUIET or fails or checked.missing:
            for line in checked.summary:
                click.echo(line)
        if level == Verbosity.VERBOSE:
            click.echo(f"  checked in {time.perf_counter() - started:.2f} s")
        failed |= fails
        missing |= bool(checked.missing)
    if failed:
        sys.exit(ExitCode.CONTENT)
    if missing:
        sys.exit(ExitCode.MISSING_TOOL)


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


@main.command()
@click.argument("talk_dirs", nargs=-1, type=click.Path(file_okay=True, dir_okay=True))
@click.option("--lang", "langs", metavar="LANGS", help="Languages to build, comma-separated (default: all; qps: pseudo).")
@click.option("--format", "formats", metavar="FORMATS", help="Formats to build, comma-separated (default: all).")
@click.option("--out", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Output folder.")
@click.option("--template", type=click.Path(dir_okay=False, exists=True),
              help="A PPTX or POTX template to use instead of the theme's.")
@click.option("--strict", is_flag=True, help="Treat warnings (stale translations, text that does not fit) as errors.")
@click.option("--handout", "handouts", metavar="LAYOUTS",
              help="Handout layouts, comma-separated: notes, lines, grid (default: all).")
@click.option("--per-page", type=click.Choice(["1", "2", "4", "6", "9"]), default="6", show_default=True,
              help="Slides per page of the grid handout.")
@click.option("--paper", type=click.Choice(["a4", "letter"], case_sensitive=False), default="a4", show_default=True,
              help="Paper size of the handouts.")
@click.option("--print-theme", type=click.Choice(["light", "deck"], case_sensitive=False), default="light",
              show_default=True,
              help="The colours handouts print slides in: light (a dark theme's light print variant) or deck "
                   "(the deck's own).")
@click.option("--pdf-steps", is_flag=True, help="In the slides PDF, one page per build step (not per slide).")
@click.option("--no-cache", is_flag=True,
              help="Render everything again; read nothing from the cache ($XDG_CACHE_HOME/deckgen) nor write to it.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Worker processes rendering at once (default: the processors available, at most 4).")
@click.option("--mark-untranslated", is_flag=True,
              help="Wrap every string that fell back to the source language in ‹ › in every output, for review.")
@click.option("--no-wait", is_flag=True,
              help="When another build is writing into the output folder, fail at once (exit 1) instead of "
                   "waiting for it.")
@click.option("--shard", metavar="K/N", callback=lambda ctx, param, value: _shard(value),
              help="Build only shard K of N: every K-th of the talk × language units, sorted (for CI machines "
                   "building one library together; then `deckgen index` writes its page).")
@click.option("--base-url", metavar="URL",
              help="The library page (index.html, written when several talks are built) links to URL/<talk>/… "
                   "instead of relative addresses.")
@_output_options(color=True, quiet="Print only errors and the failure summary: nothing when the build succeeds.",
                 verbose="Also print the cache and the worker processes used, each file of the output folder "
                         "and the time the whole build took.")
def build(talk_dirs: tuple[str, ...], langs: str | None, formats: str | None, out: str, template: str | None,
          strict: bool, handouts: str | None, per_page: str, paper: str, print_theme: str, pdf_steps: bool,
          no_cache: bool, jobs: int | None, mark_untranslated: bool, no_wait: bool,
          shard: tuple[int, int] | None, base_url: str | None) -> None:
    """Build talks into output/<talk>/<lang>/.

    Without TALK_DIR, every talk under content/ is built, in every language and format. Outputs
    whose inputs did not change since an earlier build are taken from the cache. On a terminal, a
    status line counts the outputs still rendering (not with NO_COLOR, TERM=dumb or --no-color).
    A build of several talks (not a shard) also writes the library page, output/index.html.
    """
    level = _level()
    started = time.perf_counter()
    dirs = [Path(p) for p in _talk_dirs(talk_dirs)]
    library = len(dirs) > 1 and shard is None
    langs_of = None
    if shard is not None:
        from generator.build.library import shard_units
        from generator.content.talk import load_talk

        langs_of = shard_units([load_talk(d) for d in dirs], shard)
        if langs is not None:
            asked = set(_split(langs))
            langs_of = {d: [lang for lang in found if lang in asked] for d, found in langs_of.items()}
        dirs = [d for d in dirs if langs_of.get(d)]
        if not dirs:
            if level > Verbosity.QUIET:
                click.echo(f"shard {shard[0]}/{shard[1]}: nothing to build")
            return
    if level == Verbosity.VERBOSE:
        click.echo(_cache_line(no_cache))
    question = None
    if not no_cache:
        from generator.build import stamp as stamps

        question = stamps.question(dirs, Path(out), (langs, formats, template, strict, handouts, per_page,
                                                     paper.lower(), print_theme.lower(), pdf_steps,
                                                     mark_untranslated, shard, base_url if library else None))
        known = stamps.recall(question, Path(out))
        if library and not (Path(out) / "index.html").is_file():
            known = None            # the library page was removed: written again below
        if known is not None:
            if level > Verbosity.QUIET:
                _replay(known, out, time.perf_counter() - started, level)
            return
    from generator.build.targets import FORMATS, build as run_build
    from generator.renderers.handout.options import LAYOUTS

    chosen = _split(formats) or list(FORMATS)
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise click.BadParameter(f"unknown format '{unknown[0]}'; available: {', '.join(FORMATS)}",
                                 param_hint="--format")
    layouts = _split(handouts)
    unknown = [name for name in layouts if name not in LAYOUTS]
    if unknown:
        raise click.BadParameter(f"unknown handout layout '{unknown[0]}'; available: {', '.join(LAYOUTS)}",
                                 param_hint="--handout")
    if level == Verbosity.VERBOSE:
        from generator.build.workers import default_jobs

        click.echo(f"jobs: {jobs or default_jobs()} (worker processes rendering at once)")
    shown = Progress(terminal=_escapes(), quiet=level == Verbosity.QUIET)
    try:
        result = run_build(dirs, langs=_split(langs) or None, formats=chosen,
                           out=Path(out), template=Path(template) if template else None, strict=strict,
                           progress=shown.line, handouts=tuple(layouts) or None, per_page=int(per_page),
                           paper=paper.lower(), pdf_steps=pdf_steps, use_cache=not no_cache, jobs=jobs,
                           warn=shown.warnings, status=shown.status, mark_untranslated=mark_untranslated,
                           wait=not no_wait, print_theme=print_theme.lower(), langs_of=langs_of)
        if library:
            from generator.build.library import write_index
            from generator.content.talk import load_talk

            result.written.append(write_index(Path(out), [load_talk(d) for d in dirs], base_url=base_url))
    finally:
        shown.close()
    reused = f", {len(result.reused)} of {len(result.reused) + len(result.rendered)} outputs reused" \
        if result.reused else ""
    if level > Verbosity.QUIET:
        click.echo(_written_line(len(result.written), out, reused, len(result.warnings)))
    if level == Verbosity.VERBOSE:
        for path in result.written:
            click.echo(f"  {path}")
        click.echo(f"built in {time.perf_counter() - started:.2f} s")
    if question is not None and result.stamp is not None:
        from generator.build import stamp as stamps

        stamps.record(question, result.stamp, result.stamp.inputs, Path(out))


def _shard(value: str | None) -> tuple[int, int] | None:
    """`--shard K/N` as (K, N), 1 ≤ K ≤ N."""
    if value is None:
        return None
    number, _, count = value.partition("/")
    if not (number.isdigit() and count.isdigit() and 1 <= int(number) <= int(count)):
        raise click.BadParameter(f"'{value}' is not K/N with 1 ≤ K ≤ N, such as 2/3", param_hint="--shard")
    return int(number), int(count)


@main.command()
@click.argument("out", default="output", required=False, type=click.Path(file_okay=False))
@click.option("--base-url", metavar="URL", help="Link to URL/<talk>/… instead of relative addresses.")
def index(out: str, base_url: str | None) -> None:
    """Write OUT/index.html, the library page of every talk under content/.

    For a library built in shards (build --shard K/N) whose outputs were gathered in OUT: the page
    is the one a build of the whole library writes. Fails, naming them, when a talk's language
    has no outputs in OUT.
    """
    from generator.build.library import MissingOutputs, write_index
    from generator.content.talk import load_talk

    talks = [load_talk(d) for d in _talk_dirs(())]
    try:
        path = write_index(Path(out), talks, base_url=base_url, complete=True)
    except MissingOutputs as exc:
        click.echo(f"error: no outputs in {out}/ for {', '.join(exc.missing)} [index.missing]\n"
                   "  hint: build every shard (deckgen build --shard K/N) into this folder first", err=True)
        click.get_current_context().exit(ExitCode.CONTENT)
    if _level() > Verbosity.QUIET:
        click.echo(f"{path}: {len(talks)} talk{'s' if len(talks) != 1 else ''}")


def _written_line(files: int, out: str, reused: str, warnings: int) -> str:
    return (f"{files} file{'s' if files != 1 else ''} in {out}/{reused}"
            + (f"; {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""))


def _cache_line(no_cache: bool) -> str:
    """Which cache a build reads and writes, for -v."""
    from generator.build import cache

    if no_cache:
        return "cache: off (--no-cache)"
    if cache.disabled_by_environment():
        return "cache: off (DECKGEN_NO_CACHE is set)"
    return f"cache: {cache.cache_root()}"


def _replay(stamp, out: str, seconds: float, level: Verbosity) -> None:
    """What an identical build said, every output reused: nothing changed since it ran."""
    if level == Verbosity.VERBOSE:
        click.echo("nothing changed since the last identical build: its outputs stand, no talk was loaded")
    for line in stamp.lines:
        click.echo(line)
    if stamp.warnings:
        click.echo(stamp.warnings, err=True)
    for line in stamp.summary:
        click.echo(line.replace("{seconds}", f"{seconds:.2f}"))
    click.echo(_written_line(len(stamp.outputs), out, f", {stamp.units} of {stamp.units} outputs reused",
                             stamp.warning_count))
    if level == Verbosity.VERBOSE:
        for path, _ in stamp.outputs:
            click.echo(f"  {path}")
        click.echo(f"built in {seconds:.2f} s")


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to a file.")
def schema(output: str | None) -> None:
    """Print the JSON Schema of talk.yaml, for editors that complete and validate it."""
    from generator.content.json_schema import talk_json_schema

    text = talk_json_schema()
    if output:
        from generator.build.files import write_text_atomic

        write_text_atomic(Path(output), text)
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("talk_id")
@click.option("--dir", "base", default=str(CONTENT_DIR), show_default=True,
              type=click.Path(file_okay=False), help="Folder that holds the talks.")
@click.option("--lang", default="en", show_default=True, help="Language the talk is written in.")
@click.option("--title", default=None, help="The talk's title.")
@_output_options(quiet="Print nothing unless it fails.", verbose="Also name each file created.")
def new(talk_id: str, base: str, lang: str, title: str | None) -> None:
    """Create a new talk from a working skeleton: BASE/TALK_ID/talk.yaml."""
    from generator.content.skeleton import create_talk

    try:
        path = create_talk(Path(base), talk_id, lang=lang, title=title)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="TALK_ID") from None
    except FileExistsError as exc:
        raise click.UsageError(f"{exc.filename} already exists; choose another id or remove it") from None
    level = _level()
    if level == Verbosity.VERBOSE:
        for created in sorted(p for p in path.parent.rglob("*") if p.is_file()):
            click.echo(f"  {created}")
    if level > Verbosity.QUIET:
        click.echo(f"created {path}\nnext: deckgen check {path.parent}")


@main.group()
def i18n() -> None:
    """Translations: extract strings into PO catalogs, report their status."""


@i18n.command("update")
@click.argument("talk_dirs", nargs=-1, type=click.Path(file_okay=True, dir_okay=True))
@click.option("--add", "add", multiple=True, metavar="LANG", help="Start a catalog for a new language.")
@_output_options(quiet="Print nothing unless it fails.",
                 verbose="Also print each catalog's counts, as i18n status gives them.")
def i18n_update(talk_dirs: tuple[str, ...], add: tuple[str, ...]) -> None:
    """Extract every translatable string and merge it into locales/<lang>.po.

    An edited source string turns its translation fuzzy (stale) with the previous source kept;
    a removed one becomes obsolete; a new one is added empty.
    """
    import re

    from generator.content.talk import display_path, load_talk
    from generator.i18n.update import add_language_to_talk, update_catalogs
    from generator.model.talk import LANG_PATTERN

    level = _level()
    say = click.echo if level > Verbosity.QUIET else _silent

    for lang in add:
        if not re.match(LANG_PATTERN, lang):
            raise click.BadParameter(f"'{lang}' is not a BCP 47 language tag such as de or pt-BR", param_hint="--add")
    for talk_dir in _talk_dirs(talk_dirs):
        loaded = load_talk(talk_dir)
        languages = list(dict.fromkeys([*loaded.talk.translations, *add]))
        new = [lang for lang in add if lang not in loaded.talk.translations and lang != loaded.talk.lang]
        if loaded.talk.lang in add:
            raise click.BadParameter(f"'{loaded.talk.lang}' is the language the talk is written in",
                                     param_hint="--add")
        if not languages:
            say(f"{loaded.path}: no translations yet; start one with: deckgen i18n update "
                f"{display_path(loaded.directory)} --add <lang>")
        for path, state in update_catalogs(loaded, languages):
            say(f"{path}: {state}")
        for lang in new:
            if add_language_to_talk(loaded, lang):
                say(f"{loaded.path}: added '{lang}' to translations")
            else:
                say(f"{loaded.path}: add '{lang}' to 'translations:' to build it", err=True)
        if level == Verbosity.VERBOSE:
            _catalog_counts(loaded, languages)


def _silent(*args, **kwargs) -> None:
    """click.echo under -q: nothing."""


def _catalog_counts(loaded, languages: list[str]) -> None:
    """Each language's counts, the first line of `deckgen i18n status`, for `i18n update -v`."""
    from generator.content.talk import display_path
    from generator.i18n.catalog import catalog_path, load_translations
    from generator.i18n.status import format_status, language_status

    for lang in languages:
        path = catalog_path(loaded.directory, lang)
        status = language_status(loaded.talk, load_translations(path, lang, display_path(path)))
        click.echo("  " + format_status(status).splitlines()[0])


@i18n.command("status")
@click.argument("talk_dirs", nargs=-1, type=click.Path(file_okay=True, dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output, for CI.")
@click.option("--strict", is_flag=True, help="Exit 1 unless every string is translated and fresh.")
def i18n_status(talk_dirs: tuple[str, ...], as_json: bool, strict: bool) -> None:
    """Per language: total, translated, stale (fuzzy), missing and obsolete messages."""
    import json

    from generator.content.talk import display_path, load_talk
    from generator.i18n.catalog import catalog_path, load_translations
    from generator.i18n.status import format_status, language_status

    report = {}
    incomplete = False
    for talk_dir in _talk_dirs(talk_dirs):
        loaded = load_talk(talk_dir)
        statuses = []
        for lang in loaded.talk.translations:
            path = catalog_path(loaded.directory, lang)
            status = language_status(loaded.talk, load_translations(path, lang, display_path(path)))
            statuses.append(status)
            incomplete |= not status.complete
        report[loaded.talk.id] = [s.as_dict() for s in statuses]
        if not as_json:
            click.echo(f"{loaded.talk.id} ({loaded.talk.lang} source)")
            for status in statuses:
                click.echo("  " + format_status(status).replace("\n", "\n  "))
            if not statuses:
                click.echo("  no translations: add some with deckgen i18n update --add <lang>")
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    if strict and incomplete:
        sys.exit(ExitCode.CONTENT)


@main.command()
@click.argument("talk_dir", required=False, type=click.Path(file_okay=True, dir_okay=True))
@click.option("--lang", "langs", metavar="LANGS",
              help="Languages to preview and write, comma-separated (default: the talk's own).")
@click.option("--format", "formats", metavar="FORMATS",
              help="Formats written after each rebuild, comma-separated (default: all).")
@click.option("--out", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Output folder the formats are written to, as by build.")
@click.option("--preview-only", is_flag=True, help="Serve the preview only: write nothing.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0: any free port).")
def watch(talk_dir: str | None, langs: str | None, formats: str | None, out: str, preview_only: bool,
          port: int) -> None:
    """Serve the HTML decks on 127.0.0.1, rebuild them when the talk, a catalog or a template
    changes, then write every format of the changed languages into the output folder.

    The open page reloads on the same slide after each rebuild; a content error shows over the
    page and here, and the server keeps running. The first language is at /, each language at
    /<lang>/ (where the decks' language links lead). Each output is written as build writes it.
    """
    from generator.build.targets import FORMATS
    from generator.watch.loop import serve_and_watch

    dirs = _talk_dirs((talk_dir,) if talk_dir else ())
    if len(dirs) > 1:
        raise click.UsageError("watch previews one talk: give its TALK_DIR")
    chosen = _split(formats) or list(FORMATS)
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise click.BadParameter(f"unknown format '{unknown[0]}'; available: {', '.join(FORMATS)}",
                                 param_hint="--format")
    try:
        serve_and_watch(dirs[0], lang=_split(langs) or None, port=port, echo=click.echo,
                        formats=None if preview_only else chosen, out=Path(out))
    except OSError as exc:
        raise click.UsageError(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}; "
                               "choose another port with --port") from None


def _quiet_stdout() -> None:
    """The reader of our output went away (`deckgen … | head`): say nothing more, not even at exit."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


# Young objects are collected every 10,000 allocations instead of Python's 700: a build makes a
# few large structures (the talk, its plans, XML trees) that live until it ends, and scanning
# them over and over took 6 % of a cold build (190 collections in the build's own process, 100
# in each worker; 12 and 7 with this).
GC_THRESHOLD = (10_000, 10, 10)


def run() -> None:
    """The program: `deckgen` and `python -m generator`."""
    import gc

    gc.set_threshold(*GC_THRESHOLD)
    code: int | str | None = 0
    try:
        main(prog_name="deckgen")
    except SystemExit as exc:
        code = exc.code
    except BrokenPipeError:
        _quiet_stdout()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    # what is alive now lives until the process ends: frozen, it is spared the collection the
    # interpreter makes over every object as it shuts down (0.1 s after a build)
    gc.freeze()
    sys.exit(code)
