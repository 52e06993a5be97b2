"""Build targets: every talk × language × format rendered, then published atomically.

Nothing is published until every output of the build has been produced (each is kept
meanwhile in the build's spool, on disk: `spool.py`), so a failed build
(bad content, a stale translation under `--strict`, a renderer error) leaves the previous
outputs exactly as they were; then each talk and language folder is swapped in whole
(`publish.py`), so even a killed build leaves the old folder or the new one, never a mix. Builds
into one output folder render side by side but write one after the other (`lock.py`).

Every talk is loaded and checked and every language localized on each build. An output whose
inputs did not change since a previous build (the talk's text in that language, its pictures,
the theme's files and fonts, the options of its format, the tool itself: `inputs.py`) is taken
out of the cache (`cache.py`) with the warnings it had; so are the plan's diagnostics, and a
language with nothing left to render is not even planned. The other outputs, one unit per
format, are rendered by a pool of processes (`workers.py`), and stored in the cache only if
the files they were made from did not change meanwhile.
"""

from __future__ import annotations

import importlib
import json
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from generator.build import cache
from generator.content.talk import LoadedTalk, load_talk
from generator.errors import ContentError, Diagnostic, Position
from generator.build.publish import publish
from generator.i18n.localize import localize
from generator.build.jobs import Rendered, RenderJob
from generator.build.spool import Spool, Spooled
from generator.i18n.pseudo import PSEUDO_LANG
from generator.theme import load_theme

# Format name -> "module:function"; each renderer is imported only when its format is built.
RENDERERS: dict[str, str] = {
    "diagrams": "generator.renderers.diagrams.build:render_diagrams",
    "pptx": "generator.renderers.pptx.deck:render_pptx",
    "html": "generator.renderers.html.deck:render_html",
    "handout": "generator.renderers.handout.build:render_handouts",
    "pdf": "generator.renderers.pdf.deck:render_slides_pdf",
}
FORMATS = tuple(RENDERERS)


@dataclass
class BuildResult:
    """What a build wrote, per talk and language, what it reused and what it warned about."""

    written: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    sources: dict = field(default_factory=dict)
    rendered: list[str] = field(default_factory=list)    # units, as `talk/lang format`
    reused: list[str] = field(default_factory=list)
    stamp: object = None        # what a later identical build needs to answer at once (`stamp.py`)


def renderer(fmt: str) -> Callable[[RenderJob], Rendered]:
    module, _, name = RENDERERS[fmt].partition(":")
    return getattr(importlib.import_module(module), name)


def languages_of(loaded: LoadedTalk, asked: list[str] | None) -> list[str]:
    """The languages to build: those asked for (the pseudo-locale included), or all of the talk's."""
    talk = loaded.talk
    if not asked:
        return list(talk.languages)
    unknown = [lang for lang in asked if lang not in talk.languages and lang != PSEUDO_LANG]
    if unknown:
        from generator.content.paths import did_you_mean

        raise ContentError([Diagnostic(
            loaded.path, f"the talk has no language '{unknown[0]}'", "build.language", loaded.document.where(("lang",)),
            did_you_mean(unknown[0], [*talk.languages, PSEUDO_LANG], listing="languages of the talk"),
        )], loaded.sources)
    return asked


@dataclass
class _Options:
    formats: list[str]
    out: Path
    template: Path | None
    handouts: tuple[str, ...] | None
    per_page: int | None
    paper: str | None
    pdf_steps: bool
    mark_untranslated: bool = False
    print_theme: str | None = None

    def units(self, talk: str, lang: str):
        from generator.build.workers import Unit

        for fmt in self.formats:
            yield Unit(talk, lang, fmt)

    def of(self, unit, template: Path | None) -> tuple:
        """What a unit's bytes depend on beyond its language's inputs."""
        if unit.fmt == "handout":
            from generator.renderers.handout.options import HandoutOptions

            return (repr(HandoutOptions.of(self.handouts, self.per_page, self.paper, self.print_theme)),)
        if unit.fmt == "pdf":
            return (self.pdf_steps,)
        if unit.fmt == "pptx":
            from generator.build.inputs import file_digest

            return (str(template), file_digest(template))
        return ()


@dataclass
class Prepared:
    """A talk this process already loaded and planned (`deckgen watch`'s preview): a build takes
    it as it is rather than loading, localizing and planning it again. `files` is the digest of
    the theme's and the talk's files taken when it was loaded (what its outputs are stored
    under, and only if the files did not change since); `languages`: lang -> (localized, plan)."""

    loaded: LoadedTalk
    theme: object
    files: str
    languages: dict[str, tuple]


def files_key(directory: Path, theme, template: Path | None, out: Path) -> str:
    """The digest of the files a talk's outputs are made from: the theme's, the talk's (but
    `out`), the template's."""
    from generator.build.inputs import file_digest, talk_files_digest, theme_digest

    return cache.key(theme_digest(theme), talk_files_digest(directory, skip=(out.resolve(),)), file_digest(template))


@dataclass
class _Talk:
    """One talk of the build, loaded, and the digest of the files it is rendered from."""

    loaded: LoadedTalk
    theme: object
    template: Path | None
    files: str                 # digest of the theme's and the talk's files, checked again after rendering


def build(talk_dirs: list[Path], *, langs: list[str] | None, formats: list[str], out: Path,
          template: Path | None = None, strict: bool = False,
          progress: Callable[[str], None] | None = None, handouts: tuple[str, ...] | None = None,
          per_page: int | None = None, paper: str | None = None, pdf_steps: bool = False,
          use_cache: bool = True, jobs: int | None = None,
          warn: Callable[[list[Diagnostic], dict], None] | None = None,
          status: Callable[[int, int], None] | None = None, mark_untranslated: bool = False,
          wait: bool = True, waiting: Callable[[str], None] | None = None,
          print_theme: str | None = None, langs_of: dict[Path, list[str]] | None = None,
          prepared: dict[Path, Prepared] | None = None) -> BuildResult:
    """Render every asked output (or take it from the cache) into the spool, then publish them all;
    raises before writing on errors. `progress` gets a line as each output is done, `warn` the
    warnings as they are found (then none is left for the caller to print, unless `strict`).
    Without `use_cache` (or with `DECKGEN_NO_CACHE` set), nothing is read from the cache or
    written to it; `jobs` is the number of worker processes (default: `workers.default_jobs`);
    `status` gets the number of units rendered and to render, as it changes; `mark_untranslated`
    wraps every string that fell back to the source language in the untranslated marks. The
    files are written holding the lock of `out` (`lock.py`): while another build writes there,
    this one waits (`waiting` gets one line, by default printed on stderr), or without `wait`
    raises `lock.OutputBusy` having written nothing. `print_theme` is the colours handouts print
    slides in (`light`, the default, or `deck`); `langs_of`, the languages of each talk folder
    when they differ between talks (a shard of a library), overrides `langs`; `prepared`, talks
    this process has already loaded and planned, by folder."""
    from generator.build import stamp as stamps
    from generator.build import workers

    options = _Options(formats, out, template, handouts, per_page, paper, pdf_steps, mark_untranslated, print_theme)
    talks_before = stamps.snapshot([d.resolve() for d in talk_dirs], [], (out.resolve(),))
    with ExitStack() as stack:
        store = cache.active()
        if not use_cache or not store.enabled:
            store = stack.enter_context(cache.scratch())      # shared by this build's workers only
        stack.enter_context(cache.use(store))
        spool = stack.enter_context(Spool(out))      # the files made, until they are published
        run = _Run(options, langs, store, strict, progress, None if strict else warn, status, spool)
        for talk_dir in talk_dirs:
            run.add_talk(talk_dir, langs_of.get(talk_dir) if langs_of else None,
                         prepared.get(talk_dir) if prepared else None)
        run.check()
        workers.run(run.tasks, jobs if jobs is not None else workers.default_jobs(), run.finished, run.planning(),
                    spool=spool)
        run.check()
        run.store_new()
        result = run.result
        result.warnings = _distinct(result.warnings)
        if strict and result.warnings:
            raise ContentError([Diagnostic(w.path, w.message, w.code, w.position, w.hint, "error")
                                for w in result.warnings], result.sources)
        for line in run.summaries():
            result.summary.append(line)
            if progress:
                progress(line)
        result.written = publish(run.pending, out, wait=wait, waiting=waiting, outputs=run.outputs)
        spool.close()           # before the outputs' stats are taken: their links in the spool go
        if use_cache:
            result.stamp = run.stamp(talk_dirs, talks_before, result)
        if store.written:
            store.prune()
        return result


class _Run:
    """The state of one build: what is pending, what is left to render, what to store."""

    def __init__(self, options: _Options, langs: list[str] | None, store: cache.Cache, strict: bool,
                 progress: Callable[[str], None] | None, warn: Callable[[list[Diagnostic], dict], None] | None,
                 status: Callable[[int, int], None] | None, spool: Spool):
        self.options, self.langs, self.store, self.strict = options, langs, store, strict
        self.progress, self.warn, self.status, self.spool = progress, warn, status, spool
        self.result = BuildResult()
        self.pending: dict[Path, Spooled] = {}      # every output file, kept in the spool
        self.outputs: dict[Path, dict[str, list[Path]]] = {}    # folder -> output -> its files (the manifest)
        self.errors: list[Diagnostic] = []
        self.tasks: list = []
        self.talks: list[_Talk] = []
        self.keys: dict = {}            # unit -> (its talk, its output key)
        # what to store: a unit's output as its files in the spool (those `pending` holds), made
        # one cache entry only when stored, a piece at a time
        self.new: list[tuple[_Talk, str, str, bytes | Rendered]] = []
        self.seconds: dict[tuple[str, str], float] = {}
        self.counts: dict[tuple[str, str], list[int]] = {}     # (talk, lang) -> [rendered files, reused files]
        self.languages: dict[int, tuple[_Talk, str]] = {}       # a job to plan -> its talk, its language key
        self.prepared: dict[str, tuple] = {}    # of the talk being added: lang -> (localized, plan) made already
        self._seen: set = set()

    def add_talk(self, talk_dir: Path, langs: list[str] | None = None, prepared: Prepared | None = None) -> None:
        loaded = prepared.loaded if prepared else load_talk(talk_dir)
        self.result.sources.update(loaded.sources)
        self._warn(loaded.warnings)
        theme = prepared.theme if prepared else load_theme(loaded.talk.theme, loaded.directory.resolve())
        template = self.options.template
        if template is None and loaded.talk.template:
            template = loaded.directory / loaded.talk.template
        if prepared and template == (loaded.directory / loaded.talk.template if loaded.talk.template else None):
            files = prepared.files
        else:
            prepared, files = None, files_key(loaded.directory, theme, template, self.options.out)
        self.prepared = prepared.languages if prepared else {}
        talk = _Talk(loaded, theme, template, files)
        self.talks.append(talk)
        # every language looked up first, so that what planning waits on starts for all of them
        looked_up = [self._look_up(talk, lang) for lang in languages_of(loaded, langs or self.langs)]
        for found in looked_up:
            self._add_language(talk, *found)

    def _look_up(self, talk: _Talk, lang: str) -> tuple:
        """A language localized, and what the cache has of it: its outputs by unit (None where
        missing) and its diagnostics; when anything is missing, its planning is started ahead."""
        from generator.build.inputs import environment_key, tool_fingerprint

        loaded = talk.loaded
        started = time.perf_counter()
        known = self.prepared.get(lang) if not self.options.mark_untranslated else None
        localized = known[0] if known else localize(loaded, lang, mark_untranslated=self.options.mark_untranslated)
        self._warn(localized.warnings)
        source = "\n".join(loaded.document.source.lines) if loaded.document.source else ""
        language = cache.key("language", tool_fingerprint(), environment_key(), loaded.directory.resolve(),
                             loaded.path, source, localized.talk.model_dump_json(), lang, talk.files)
        outputs = {}
        for unit in self.options.units(loaded.talk.id, lang):
            entry = cache.key("output", language, unit.fmt, *self.options.of(unit, talk.template))
            self.keys[unit] = (talk, entry)
            outputs[unit] = _read_output(self.store.get("output", entry), self.spool)
        found = _read_diagnostics(self.store.get("diagnostics", language))
        if found is None or any(o is None for o in outputs.values()):
            from generator.plan.deck import plan_ahead

            plan_ahead(localized.talk, talk.theme, lang=lang)
        return lang, localized, language, outputs, found, time.perf_counter() - started

    def _add_language(self, talk: _Talk, lang: str, localized, language: str, outputs: dict,
                      found: list[Diagnostic] | None, seconds: float) -> None:
        loaded = talk.loaded
        self.seconds[(loaded.talk.id, lang)] = seconds
        self.counts[(loaded.talk.id, lang)] = [0, 0]
        job = None
        if found is None or any(o is None for o in outputs.values()):
            # planned later, here or in a worker (`workers.run`), and its diagnostics taken then;
            # or planned already by this process, for a localized talk that is this one
            known = self.prepared.get(lang)
            plan = known[1] if known and known[0] is localized else None
            job = RenderJob(loaded, localized, talk.theme, lang, talk.template, self.options.handouts,
                            self.options.per_page, self.options.paper, plan=plan, pdf_steps=self.options.pdf_steps,
                            print_theme=self.options.print_theme, plan_later=True)
            self.languages[id(job)] = (talk, language)
            if plan is not None:
                self._planned(job, _diagnose(job), 0.0)
        else:
            self._diagnosed(found)
        reused = []
        for unit, output in outputs.items():
            if output is None:
                from generator.build.workers import Task

                self.tasks.append(Task(unit, job))
                continue
            reused.append(unit)
            self.result.reused.append(unit.label)
            self._take(unit, *output)
            self.counts[(loaded.talk.id, lang)][1] += len(output[0])
        if reused and self.progress:
            files = sum(len(outputs[u][0]) for u in reused)
            self.progress(f"{loaded.talk.id}/{lang}: {_plural(files, 'file')} reused "
                          f"({', '.join(u.name for u in reused)})")
        if job is not None and not any(task.job is job for task in self.tasks):
            self.planning().planned(job, self.planning().diagnose(job), 0.0)    # diagnostics alone were missing

    def _diagnosed(self, found: list[Diagnostic]) -> None:
        self.errors.extend(d for d in found if d.severity == "error")
        self._warn([d for d in found if d.severity != "error"])

    def planning(self):
        """How `workers.run` plans the languages left to plan, and hands back their diagnostics."""
        from generator.build.workers import Planning

        return Planning(_diagnose, self._planned)

    def _planned(self, job: RenderJob, found: list[Diagnostic], seconds: float) -> bool:
        """A language planned (here or in a worker): its diagnostics taken and stored; False when
        it has errors."""
        talk, language = self.languages[id(job)]
        self.new.append((talk, "diagnostics", language, _diagnostics_bytes(found)))
        self.seconds[(job.loaded.talk.id, job.lang)] += seconds
        self._diagnosed(found)
        return not any(d.severity == "error" for d in found)

    def check(self) -> None:
        """Raise the content errors found, before anything is rendered."""
        if self.status and self.tasks and not self.errors:
            self.status(0, len(self.tasks))
        if self.errors:
            warnings = [w for w in _distinct(self.result.warnings) if w.code.startswith("fit.")]
            if self.warn is not None:
                warnings = []           # printed as they came
            raise ContentError(self.errors + warnings, self.result.sources)

    def finished(self, task, rendered: Rendered, seconds: float) -> None:
        """A unit rendered: its files pending, its warnings out, its line printed, its entry to store."""
        unit = task.unit
        spooled = self._take(unit, rendered.files, rendered.warnings)
        talk, entry = self.keys[unit]
        self.new.append((talk, "output", entry, Rendered(spooled, rendered.warnings)))
        self.seconds[(unit.talk, unit.lang)] += seconds
        self.counts[(unit.talk, unit.lang)][0] += len(rendered.files)
        self.result.rendered.append(unit.label)
        if self.progress:
            self.progress(f"{unit.label}: {_plural(len(rendered.files), 'file')} in {seconds:.2f} s")
        if self.status:
            self.status(len(self.result.rendered), len(self.tasks))

    def _take(self, unit, files: dict[str, bytes | Spooled], warnings: list[Diagnostic]) -> dict[str, Spooled]:
        """A unit's files pending (those given as bytes written to the spool, and let go), its
        warnings out; returns its files as the spool holds them."""
        folder = self.options.out / unit.talk / unit.lang
        # the handouts by the layouts asked: a build of one layout leaves the others' files alone
        output = unit.fmt if unit.fmt != "handout" or not self.options.handouts else \
            f"handout:{','.join(sorted(self.options.handouts))}"
        self.outputs.setdefault(folder, {}).setdefault(output, []).extend(Path(relative) for relative in files)
        spooled = {}
        for relative, data in files.items():
            spooled[relative] = self.pending[folder / relative] = \
                data if isinstance(data, Spooled) else self.spool.add(data)
        self._warn(warnings)
        return spooled

    def _warn(self, warnings: list[Diagnostic]) -> None:
        self.result.warnings.extend(warnings)
        fresh = []
        for warning in warnings:
            key = (warning.path, warning.position, warning.code, warning.message)
            if key not in self._seen:
                self._seen.add(key)
                fresh.append(warning)
        if fresh and self.warn is not None:
            self.warn(fresh, self.result.sources)

    def store_new(self) -> None:
        """Store what this build made, for each talk whose files did not change while it ran."""
        unchanged = {}
        for talk, kind, entry, payload in self.new:
            if id(talk) not in unchanged:
                now = files_key(talk.loaded.directory, talk.theme, talk.template, self.options.out)
                unchanged[id(talk)] = now == talk.files
            if unchanged[id(talk)]:
                self.store.put(kind, entry, _output_pieces(payload) if isinstance(payload, Rendered) else payload)

    def stamp(self, talk_dirs: list[Path], talks_before: list, result: BuildResult):
        """What this build depended on and said, as a later identical build replays it: the
        inputs' stats (the talks' as the build started), every output, the reuse lines; None
        when a talk changed while it ran."""
        from generator.build import stamp as stamps
        from generator.errors import format_report
        from generator.build.inputs import theme_font_files
        from generator.theme import TEMPLATES_DIR

        out = self.options.out.resolve()
        folders = [d.resolve() for d in talk_dirs]
        others = list(dict.fromkeys(p.resolve() for talk in self.talks
                                    for p in (*talk.theme.directories, TEMPLATES_DIR / "default")))
        files = list(dict.fromkeys(p.resolve() for talk in self.talks
                                   for p in (*theme_font_files(talk.theme), *([talk.template] if talk.template else []))))
        before = talks_before + stamps.snapshot(others, files, (out,))
        lines, summary = [], []
        for (talk, lang), (rendered, reused) in self.counts.items():
            names = [u.name for u in self.options.units(talk, lang)]
            count = _plural(rendered + reused, "file")
            lines.append(f"{talk}/{lang}: {count} reused ({', '.join(names)})")
            summary.append(f"{talk}/{lang}: {count} ({rendered + reused} reused) in {{seconds}} s")
        warnings = _distinct(result.warnings)
        stamp = stamps.Stamp([str(f) for f in (*folders, *others)], [str(f) for f in files], before,
                             [[str(p), stamps._stat(p)] for p in result.written], lines, summary,
                             format_report(warnings, result.sources) if warnings else "", len(warnings),
                             len(result.rendered) + len(result.reused))
        return stamp

    def summaries(self) -> list[str]:
        """One line per talk and language: files rendered and reused, and the time it took."""
        lines = []
        for (talk, lang), (rendered, reused) in self.counts.items():
            parts = [f"{rendered} rendered" if rendered else "", f"{reused} reused" if reused else ""]
            lines.append(f"{talk}/{lang}: {_plural(rendered + reused, 'file')} "
                         f"({', '.join(p for p in parts if p)}) in {self.seconds[(talk, lang)]:.2f} s")
        return lines


def _diagnose(job: RenderJob) -> list[Diagnostic]:
    """A job planned, and its plan's diagnostics."""
    from generator.commands.fit_report import plan_diagnostics

    return plan_diagnostics(job.loaded, job.make_plan(), job.theme)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _diagnostic_dict(d: Diagnostic) -> dict:
    return asdict(d)


def _diagnostic(data: dict) -> Diagnostic:
    position = data.get("position")
    return Diagnostic(data["path"], data["message"], data["code"], Position(**position) if position else None,
                      data.get("hint"), data.get("severity", "error"))


def _diagnostics_bytes(found: list[Diagnostic]) -> bytes:
    return json.dumps([_diagnostic_dict(d) for d in found], ensure_ascii=False).encode("utf-8")


def _read_diagnostics(payload: bytes | None) -> list[Diagnostic] | None:
    if payload is None:
        return None
    try:
        return [_diagnostic(d) for d in json.loads(payload.decode("utf-8"))]
    except (ValueError, KeyError, TypeError):
        return None


def _output_pieces(rendered: Rendered):
    """A unit's files (in the spool) and warnings as one cache entry, in pieces: a JSON header
    (names, sizes, warnings), then the files' bytes."""
    header = json.dumps({"files": [[name, len(data)] for name, data in rendered.files.items()],
                         "warnings": [_diagnostic_dict(d) for d in rendered.warnings]},
                        ensure_ascii=False).encode("utf-8")
    yield len(header).to_bytes(8, "big") + header
    for data in rendered.files.values():
        yield from data.chunks()


def _read_output(payload: bytes | None, spool: Spool) -> tuple[dict[str, Spooled], list[Diagnostic]] | None:
    """A unit's files, written from its cache entry to the spool, and its warnings; None when
    the entry is missing or not one `_output_pieces` made."""
    if payload is None:
        return None
    try:
        size = int.from_bytes(payload[:8], "big")
        header = json.loads(payload[8:8 + size].decode("utf-8"))
        names, offset = [], 8 + size
        for name, length in header["files"]:
            names.append((str(name), offset, offset + length))
            offset += length
        if offset != len(payload):
            return None
        warnings = [_diagnostic(d) for d in header["warnings"]]
    except (ValueError, KeyError, TypeError):
        return None
    view = memoryview(payload)
    return {name: spool.add(view[start:end]) for name, start, end in names}, warnings


def _distinct(warnings: list[Diagnostic]) -> list[Diagnostic]:
    """Each warning once: several formats drawing one plan report a problem of it once."""
    seen, out = set(), []
    for warning in warnings:
        key = (warning.path, warning.position, warning.code, warning.message)
        if key not in seen:
            seen.add(key)
            out.append(warning)
    return out
