"""One-line summaries of a checked talk, as `deckgen check` prints them."""

from __future__ import annotations

from generator.content.talk import LoadedTalk


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def talk_counts(loaded: LoadedTalk) -> dict[str, int]:
    """The numbers a speaker checks first: slides, stacks, layers, comparisons, graphs, languages."""
    talk = loaded.talk
    return {
        "slides": len(talk.slides),
        "stacks": len(talk.stacks),
        "layers": sum(len(s.layers) for s in talk.stacks),
        "comparisons": len(talk.comparisons),
        "graphs": len(talk.graphs),
        "languages": len(talk.languages),
        "notes": sum(1 for s in talk.slides if s.notes),
    }


def summary_line(loaded: LoadedTalk, errors: int = 0) -> str:
    """`path: ok: 19 slides, 2 stacks, 11 layers, … ; languages fr (source), en`; with errors found
    after loading (a diagram that cannot fit), `path: 1 error: 19 slides, …`."""
    c = talk_counts(loaded)
    talk = loaded.talk
    parts = [
        _count(c["slides"], "slide"),
        _count(c["stacks"], "stack"),
        _count(c["layers"], "layer"),
        _count(c["comparisons"], "comparison"),
        _count(c["graphs"], "graph"),
        _count(c["languages"], "language"),
    ]
    langs = ", ".join([f"{talk.lang} (source)", *talk.translations])
    notes = f"speaker notes on {c['notes']} of {c['slides']} slides"
    warnings = f"; {_count(len(loaded.warnings), 'warning')}" if loaded.warnings else ""
    state = _count(errors, "error") if errors else "ok"
    return f"{loaded.path}: {state}: {', '.join(parts)} ({langs}); {notes}{warnings}"
