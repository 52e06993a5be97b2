"""Time `deckgen build --format html` for one language of the sample talk, cold and warm.

    .venv/bin/python bench/bench_html.py [--talk content/autour-de-docker] [--lang fr] [--repeat 5]

Cold: a fresh `deckgen build` process (imports, font subsetting, graphviz). Warm: the same
build again in one process, as `deckgen watch` rebuilds after an edit (median of `--repeat`),
with the time split between loading, planning and emitting. Files go to a temporary folder.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def cold(talk: Path, lang: str, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build", str(talk), "--format", "html", "--lang", lang,
                    "--out", str(out)], check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - started


def warm_pass(talk: Path, lang: str) -> tuple[float, float, float, int]:
    """Seconds to load and localize, to plan, to emit the whole file; and its size in bytes."""
    from generator.build.jobs import RenderJob
    from generator.content.talk import load_talk
    from generator.i18n.localize import localize
    from generator.plan.measure import TextMeasure
    from generator.i18n.dates import byline
    from generator.renderers.html.deck import render_deck
    from generator.plan.deck import plan_deck
    from generator.theme import load_theme

    started = time.perf_counter()
    loaded = load_talk(talk)
    theme = load_theme(loaded.talk.theme, loaded.directory.resolve())
    job = RenderJob(loaded, localize(loaded, lang), theme, lang)
    loaded_at = time.perf_counter()
    plan_deck(job.talk, theme, TextMeasure.for_theme(theme), lang=lang, byline=byline(job.talk, lang))
    planned_at = time.perf_counter()
    html, _ = render_deck(job)
    done = time.perf_counter()
    return loaded_at - started, planned_at - loaded_at, done - planned_at, len(html.encode("utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--talk", type=Path, default=ROOT / "content" / "autour-de-docker")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        seconds = cold(args.talk, args.lang, Path(scratch))
        built = next(Path(scratch).rglob("*.html"))
        print(f"cold: deckgen build --format html --lang {args.lang}: {seconds:.2f} s "
              f"({built.stat().st_size / 1024:.0f} KiB)")
    first = warm_pass(args.talk, args.lang)
    print(f"first pass in process: {sum(first[:3]) * 1e3:.0f} ms (fonts subset, graph laid out)")
    runs = [warm_pass(args.talk, args.lang) for _ in range(max(1, args.repeat))]
    load, plan, emit = (statistics.median(run[i] for run in runs) for i in range(3))
    print(f"warm, median of {len(runs)}: load {load * 1e3:.1f} ms, plan {plan * 1e3:.1f} ms, "
          f"emit (plan included) {emit * 1e3:.1f} ms, total {(load + emit) * 1e3:.1f} ms; "
          f"{runs[-1][3] / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
