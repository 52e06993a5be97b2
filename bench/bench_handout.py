"""Time `deckgen build --format handout` on a 60-slide talk; report its peak memory.

    .venv/bin/python bench/bench_handout.py [--slides 60] [--lang fr] [--repeat 3]

The talk is the sample's slides repeated (ids and titles varied) up to `--slides`, written to a
temporary folder. Cold: a fresh `deckgen build` process making all three handouts, with the
child's peak resident memory. Warm: each layout again in this process (median of `--repeat`),
then one pass under tracemalloc for the peak of Python allocations (HarfBuzz's own memory is
counted only in the resident figure).
"""

from __future__ import annotations

import argparse
import copy
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "content" / "autour-de-docker"


def synthetic_talk(folder: Path, count: int) -> Path:
    """A copy of the sample talk with `count` slides, in the sample's language only."""
    data = yaml.safe_load((SAMPLE / "talk.yaml").read_text(encoding="utf-8"))
    data.pop("translations", None)
    source = data["slides"]
    slides = []
    for index in range(count):
        slide = copy.deepcopy(source[index % len(source)])   # no shared values: no YAML aliases
        round_ = index // len(source)
        if round_:
            slide["id"] = f"{slide['id']}-{round_ + 1}"
            for key in ("title", "text"):
                if isinstance(slide.get(key), str):
                    slide[key] = f"{slide[key]} ({round_ + 1})"
        slides.append(slide)
    data["slides"] = slides
    talk = folder / data["id"]
    talk.mkdir(parents=True)
    (talk / "talk.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120),
                                    encoding="utf-8")
    return talk


def cold(talk: Path, lang: str, out: Path) -> tuple[float, float]:
    """Seconds for a fresh `deckgen build --format handout` process, and its peak RSS in MiB."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build", str(talk), "--format", "handout", "--lang", lang,
                    "--out", str(out)], check=True, cwd=ROOT, capture_output=True)
    seconds = time.perf_counter() - started
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def job_for(talk: Path, lang: str, layout: str):
    from generator.build.jobs import RenderJob
    from generator.content.talk import load_talk
    from generator.i18n.localize import localize
    from generator.theme import load_theme

    loaded = load_talk(talk)
    theme = load_theme(loaded.talk.theme, loaded.directory.resolve())
    return RenderJob(loaded, localize(loaded, lang), theme, lang, handouts=(layout,))


def warm(talk: Path, lang: str, layout: str) -> tuple[float, int]:
    """Seconds to render one layout in this process, and its size in bytes."""
    from generator.renderers.handout.build import render_handouts

    job = job_for(talk, lang, layout)
    started = time.perf_counter()
    rendered = render_handouts(job)
    seconds = time.perf_counter() - started
    return seconds, len(next(iter(rendered.files.values())))


def pdf_seconds(talk: Path, lang: str) -> float:
    """The slides PDF of the talk, rendered in this process (after the warm-up)."""
    from generator.content.talk import load_talk
    from generator.i18n.localize import localize
    from generator.build.jobs import RenderJob
    from generator.renderers.pdf.deck import render_slides_pdf
    from generator.theme import load_theme

    loaded = load_talk(talk)
    job = RenderJob(loaded, localize(loaded, lang), load_theme(loaded.talk.theme, loaded.directory), lang)
    started = time.perf_counter()
    render_slides_pdf(job)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slides", type=int, default=60)
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        talk = synthetic_talk(Path(scratch) / "content", args.slides)
        seconds, rss = cold(talk, args.lang, Path(scratch) / "out")
        sizes = {p.name.rsplit("-", 1)[-1][:-4]: p.stat().st_size for p in (Path(scratch) / "out").rglob("*.pdf")}
        print(f"cold: deckgen build --format handout --lang {args.lang}, {args.slides} slides, 3 layouts: "
              f"{seconds:.2f} s, peak RSS {rss:.0f} MiB; "
              + ", ".join(f"{name} {size / 1024:.0f} KiB" for name, size in sorted(sizes.items())))
        warm(talk, args.lang, "grid")   # imports, font subsets, graph layout
        for layout in ("notes", "lines", "grid"):
            runs = [warm(talk, args.lang, layout) for _ in range(max(1, args.repeat))]
            median = statistics.median(run[0] for run in runs)
            print(f"warm {layout:5}: median of {len(runs)} {median:.2f} s "
                  f"({median / args.slides * 1e3:.0f} ms a slide), {runs[-1][1] / 1024:.0f} KiB")
        slides_pdf = [pdf_seconds(talk, args.lang) for _ in range(max(1, args.repeat))]
        print(f"warm slides PDF (--format pdf): median of {len(slides_pdf)} {statistics.median(slides_pdf):.2f} s "
              f"({statistics.median(slides_pdf) / args.slides * 1e3:.0f} ms a slide)")
        tracemalloc.start()
        warm(talk, args.lang, "notes")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak Python allocations while rendering the notes handout: {peak / 2**20:.1f} MiB; "
              f"this process's peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
