"""Time laying out and writing (SVG + PNG) every stack diagram of the sample talk.

    .venv/bin/python bench/bench_diagrams.py [--talk content/autour-de-docker/talk.yaml]
                                             [--repeat 5] [--scale 2] [--out DIR]

The first pass is reported on its own (fonts read, caches empty); then each diagram's median
over `--repeat` passes. Files go to a temporary folder unless `--out` names one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from generator.content.loader import load_file
from generator.plan.measure import TextMeasure
from generator.plan.stack_diagram import layout_slide
from generator.model.talk import Talk
from generator.renderers.diagrams.png import emit_png
from generator.renderers.diagrams.stack_svg import emit_stack_svg
from generator.theme import load_theme

ROOT = Path(__file__).resolve().parent.parent


def stack_slides(talk: Talk):
    return [slide for slide in talk.slides if slide.kind in ("stack", "stacks")]


def one_pass(talk: Talk, theme, measure, out: Path, scale: float) -> dict[str, tuple[float, float, float]]:
    """Seconds spent on layout, SVG and PNG (each written to `out`) per diagram."""
    times = {}
    for slide in stack_slides(talk):
        start = time.perf_counter()
        diagram = layout_slide(talk, slide, theme, measure=measure)
        laid_out = time.perf_counter()
        svg = emit_stack_svg(diagram, theme)
        (out / f"{diagram.id}.svg").write_text(svg, encoding="utf-8")
        drawn = time.perf_counter()
        (out / f"{diagram.id}.png").write_bytes(emit_png(svg, theme, scale=scale, background="#FFFFFF"))
        done = time.perf_counter()
        times[diagram.id] = (laid_out - start, drawn - laid_out, done - drawn)
    return times


def report(title: str, times: dict[str, tuple[float, float, float]]) -> None:
    print(title)
    print(f"  {'diagram':<20}{'layout':>10}{'svg':>10}{'png':>10}{'total':>10}")
    for name, (layout, svg, png) in times.items():
        print(f"  {name:<20}{layout * 1e3:>8.1f}ms{svg * 1e3:>8.1f}ms{png * 1e3:>8.1f}ms"
              f"{(layout + svg + png) * 1e3:>8.1f}ms")
    totals = [sum(t[i] for t in times.values()) for i in range(3)]
    print(f"  {'all':<20}{totals[0] * 1e3:>8.1f}ms{totals[1] * 1e3:>8.1f}ms{totals[2] * 1e3:>8.1f}ms"
          f"{sum(totals) * 1e3:>8.1f}ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--talk", default=str(ROOT / "content" / "autour-de-docker" / "talk.yaml"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=float, default=2.0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    started = time.perf_counter()
    talk = Talk.model_validate(load_file(args.talk).data)
    theme = load_theme(talk.theme, Path(args.talk).parent)
    measure = TextMeasure.for_theme(theme)
    print(f"talk loaded, theme and fonts read in {(time.perf_counter() - started) * 1e3:.1f}ms")
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        report("first pass", one_pass(talk, theme, measure, out, args.scale))
        runs = [one_pass(talk, theme, measure, out, args.scale) for _ in range(max(1, args.repeat))]
        medians = {name: tuple(statistics.median(run[name][i] for run in runs) for i in range(3))
                   for name in runs[0]}
        report(f"median of {len(runs)} passes", medians)
        if args.out:
            print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
