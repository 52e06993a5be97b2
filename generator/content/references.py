"""Checks across the talk: unique ids, references that resolve, kinds and icons the theme knows.

These run on the plain data, next to the schema check, so one `deckgen check` reports a
dangling reference and a misspelt key together. Shapes the schema rejects are skipped here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

from generator.content.loader import Document
from generator.content.paths import describe, did_you_mean
from generator.errors import Diagnostic

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _items(data: Any, key: str) -> Iterator[tuple[int, dict]]:
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


class _Checker:
    """Walks the talk once and collects every cross-reference problem."""

    def __init__(self, doc: Document, path: str, kinds: set[str] | None, icons: set[str] | None,
                 talk_dir: Path | None):
        self.doc = doc
        self.data = doc.data
        self.path = path
        self.kinds = kinds
        self.icons = icons
        self.talk_dir = talk_dir
        self.found: list[Diagnostic] = []

    def error(self, message: str, at: tuple, code: str, hint: str | None = None, *, key: bool = False,
              severity: str = "error") -> None:
        self.found.append(Diagnostic(self.path, message, code, self.doc.where(at, key=key), hint, severity))

    def ids(self, base: tuple, items: list[tuple[int, dict]], noun: str) -> dict[str, tuple]:
        """Ids of a list of items, with duplicates reported; maps each id to its item's path."""
        seen: dict[str, tuple] = {}
        for index, item in items:
            ident = _text(item.get("id"))
            if ident is None:
                continue
            here = base + (index,)
            if ident in seen:
                first = self.doc.where(seen[ident] + ("id",))
                line = f" (first used on line {first.line})" if first else ""
                self.error(f"duplicate {noun} id '{ident}'{line}", here + ("id",), "ref.duplicate-id",
                           f"ids are unique among {noun}s; rename one of them")
            else:
                seen[ident] = here
        return seen

    def reference(self, value: Any, at: tuple, known: dict[str, Any], noun: str, owner: str) -> None:
        if isinstance(value, str) and value not in known:
            hint = (did_you_mean(value, known, listing=f"{noun}s defined") if known
                    else f"no {noun} is defined; add one under '{noun}s:'")
            self.error(f"{owner} names {noun} '{value}', which does not exist", at, "ref.unknown", hint)

    def run(self) -> list[Diagnostic]:
        data = self.data
        if not isinstance(data, dict):
            return []
        stacks = self.ids(("stacks",), list(_items(data, "stacks")), "stack")
        comparisons = self.ids(("comparisons",), list(_items(data, "comparisons")), "comparison")
        graphs = self.ids(("graphs",), list(_items(data, "graphs")), "graph")
        self.ids(("slides",), list(_items(data, "slides")), "slide")
        layers = {sid: self.check_stack(path) for sid, path in stacks.items()}
        for index, comparison in _items(data, "comparisons"):
            self.check_comparison(("comparisons", index), comparison, stacks)
        for index, graph in _items(data, "graphs"):
            self.check_graph(("graphs", index), graph)
        used: set[tuple[str, str]] = set()
        for index, slide in _items(data, "slides"):
            self.check_slide(("slides", index), slide, stacks, layers, comparisons, graphs, used)
        if not any(d.code == "ref.unknown" for d in self.found):
            self.check_unused(stacks, "stack", used)
            self.check_unused(comparisons, "comparison", used)
            self.check_unused(graphs, "graph", used)
        self.check_languages()
        self.check_legend()
        template = _text(data.get("template"))
        if template and self.talk_dir is not None:
            if not self.inside(template, ("template",), "template"):
                pass
            elif not (self.talk_dir / template).is_file():
                self.error(f"template '{template}' not found next to talk.yaml", ("template",), "ref.file",
                           "give a path relative to the talk's folder")
        return self.found

    @staticmethod
    def text_max() -> int:
        """The schema's limit (a longer text is the schema's error already)."""
        from generator.content.limits import max_text

        return max_text()

    def check_code(self, slide: dict, path: tuple) -> None:
        """A code slide names a language Pygments knows, and steps within its lines."""
        from generator.plan.code import language_known, language_names

        language, code = _text(slide.get("language")), _text(slide.get("code"))
        if language and not language_known(language):
            self.error(f"unknown code language '{language}'", path + ("language",), "ref.language",
                       did_you_mean(language, language_names(), listing="languages such as"))
        if not code or not isinstance(slide.get("steps"), list):
            return
        count = len(code.rstrip("\n").split("\n"))
        for index, step in enumerate(slide["steps"]):
            numbers = [int(n) for n in re.findall(r"\d+", str(step))]
            if numbers and (max(numbers) > count or min(numbers) < 1):
                self.error(f"step '{step}' names a line the code does not have (it has {count})",
                           path + ("steps", index), "schema.steps", f"number lines from 1 to {count}")

    def check_links(self, slide: dict, path: tuple) -> None:
        """Every link of a closing slide fits in a QR code (the slide shows one beside it)."""
        from generator.plan.qr import too_long
        from generator.text.links import ascii_uri

        for index, link in _items(slide, "links"):
            url = _text(link.get("url"))
            why = too_long(ascii_uri(url)) if url else None
            if why:
                self.error(f"{describe(self.data, path + ('links', index))} is {why}",
                           path + ("links", index, "url"), "ref.qr",
                           "shorten it: link to a page that holds the long address")

    def inside(self, name: str, at: tuple, what: str) -> bool:
        """Whether a path the talk names stays, once links are followed, inside the talk's folder
        (reported when it does not: a talk may not pull in files from elsewhere on the disk)."""
        base = self.talk_dir.resolve()
        target = (self.talk_dir / name).resolve()
        if target == base or base in target.parents:
            return True
        self.error(f"{what} '{name}' is outside the talk's folder", at, "ref.outside",
                   f"copy the file into {self.talk_dir.name}/ and name it from there"
                   + (" (or pass --template on the command line)" if what == "template" else ""))
        return False

    def check_stack(self, path: tuple) -> set[str]:
        stack = self.doc.data["stacks"][path[1]]
        layer_items = list(_items(stack, "layers"))
        found = self.ids(path + ("layers",), layer_items, "layer")
        for index, layer in layer_items:
            here = path + ("layers", index)
            kind = _text(layer.get("kind"))
            if kind is not None and self.kinds is not None and kind not in self.kinds:
                self.error(f"unknown layer kind '{kind}' in {describe(self.data, here)}", here + ("kind",),
                           "ref.kind", did_you_mean(kind, self.kinds, listing="the theme's kinds"))
            label = _text(layer.get("label"))
            if label is None:
                continue
            for name in _PLACEHOLDER.findall(label):
                if name != "column":
                    self.error(f"unknown placeholder '{{{name}}}' in the label of {describe(self.data, here)}",
                               here + ("label",), "ref.placeholder", "the only placeholder is {column}")
                elif layer.get("per_column") is not True:
                    self.error(f"'{{column}}' in the label of {describe(self.data, here)}, which is not per column",
                               here + ("label",), "ref.placeholder",
                               "add 'per_column: true' or write the label out")
        return set(found)

    def check_comparison(self, path: tuple, comparison: dict, stacks: dict) -> None:
        owner = describe(self.data, path)
        subjects = comparison.get("subjects")
        names = [s for s in subjects if isinstance(s, str)] if isinstance(subjects, list) else []
        for index, subject in enumerate(names):
            self.reference(subject, path + ("subjects", index), stacks, "stack", owner)
        self.ids(path + ("rows",), list(_items(comparison, "rows")), "row")
        for index, row in _items(comparison, "rows"):
            here = path + ("rows", index)
            values = row.get("values")
            if isinstance(values, dict) and names:
                for subject in values:
                    if subject not in names:
                        self.error(f"value for unknown subject '{subject}' in {describe(self.data, here)}",
                                   here + ("values", subject), "ref.subject",
                                   did_you_mean(subject, names, listing="the comparison's subjects"), key=True)
                missing = [s for s in names if s not in values]
                if missing:
                    self.error(f"{describe(self.data, here)} has no value for {', '.join(repr(m) for m in missing)}",
                               here + ("values",), "ref.subject", "give one value per subject")
            favours = row.get("favours")
            if isinstance(favours, str) and names and favours not in names:
                self.error(f"{describe(self.data, here)} favours '{favours}', which is not a subject",
                           here + ("favours",), "ref.subject",
                           did_you_mean(favours, names, listing="the comparison's subjects"))

    def check_graph(self, path: tuple, graph: dict) -> None:
        from generator.content.limits import MAX_GRAPH_LABEL

        nodes = self.ids(path + ("nodes",), list(_items(graph, "nodes")), "node")
        labelled = [("nodes", index, item) for index, item in _items(graph, "nodes")]
        labelled += [("edges", index, item) for index, item in _items(graph, "edges")]
        for part, index, item in labelled:
            label = _text(item.get("label"))
            if label is not None and MAX_GRAPH_LABEL < len(label) <= self.text_max():
                self.error(f"the label of {describe(self.data, path + (part, index))} is {len(label):,} characters "
                           f"long, more than the {MAX_GRAPH_LABEL:,} a graph label may hold",
                           path + (part, index, "label"), "schema.value",
                           "shorten it; move long explanations to the speaker notes")
        for index, node in _items(graph, "nodes"):
            icon = _text(node.get("icon"))
            if icon is not None and self.icons is not None and icon not in self.icons:
                self.error(f"unknown icon '{icon}'", path + ("nodes", index, "icon"), "ref.icon",
                           did_you_mean(icon, self.icons, listing="icons"))
        for index, edge in _items(graph, "edges"):
            for end in ("from", "to"):
                self.reference(edge.get(end), path + ("edges", index, end), nodes, "node",
                               describe(self.data, path + ("edges", index)))

    def check_slide(self, path: tuple, slide: dict, stacks: dict, layers: dict, comparisons: dict,
                    graphs: dict, used: set) -> None:
        owner = describe(self.data, path)
        kind = slide.get("kind")
        shown: list[str] = []
        if kind == "stack":
            self.reference(slide.get("stack"), path + ("stack",), stacks, "stack", owner)
            if isinstance(slide.get("stack"), str):
                shown = [slide["stack"]]
        elif kind == "stacks" and isinstance(slide.get("stacks"), list):
            for index, ref in enumerate(slide["stacks"]):
                self.reference(ref, path + ("stacks", index), stacks, "stack", owner)
            shown = [s for s in slide["stacks"] if isinstance(s, str)]
        elif kind == "comparison":
            self.reference(slide.get("comparison"), path + ("comparison",), comparisons, "comparison", owner)
            if isinstance(slide.get("comparison"), str):
                used.add(("comparison", slide["comparison"]))
                comparison = comparisons.get(slide["comparison"])
                if comparison is not None:
                    subjects = self.data["comparisons"][comparison[1]].get("subjects")
                    if isinstance(subjects, list):
                        used.update(("stack", s) for s in subjects if isinstance(s, str))
        elif kind == "graph":
            self.reference(slide.get("graph"), path + ("graph",), graphs, "graph", owner)
            if isinstance(slide.get("graph"), str):
                used.add(("graph", slide["graph"]))
        elif kind == "image":
            src = _text(slide.get("src"))
            if src and self.talk_dir is not None and not self.inside(src, path + ("src",), "picture"):
                pass
            elif src and self.talk_dir is not None and not (self.talk_dir / src).is_file():
                self.error(f"image '{src}' not found in the talk's folder", path + ("src",), "ref.file",
                           "paths are relative to the folder that holds talk.yaml")
            elif src and self.talk_dir is not None:
                from generator.content.pictures import picture_problem

                problem = picture_problem(self.talk_dir / src)
                if problem is not None:
                    self.error(problem[0], path + ("src",), "ref.image", problem[1])
        elif kind == "chart":
            from generator.content.charts import check_chart

            check_chart(self, slide, path)
        elif kind == "code":
            self.check_code(slide, path)
        elif kind == "closing":
            self.check_links(slide, path)
        used.update(("stack", s) for s in shown)
        highlight = slide.get("highlight")
        if isinstance(highlight, list) and kind in ("stack", "stacks"):
            known = set().union(*(layers.get(s, set()) for s in shown)) if shown else set()
            for index, layer in enumerate(highlight):
                if isinstance(layer, str) and known and layer not in known:
                    self.error(f"{owner} highlights layer '{layer}', which is in none of its stacks",
                               path + ("highlight", index), "ref.unknown",
                               did_you_mean(layer, known, listing="layers shown"))

    def check_unused(self, ids: dict, noun: str, used: set) -> None:
        for ident, path in ids.items():
            if (noun, ident) not in used:
                self.error(f"{noun} '{ident}' is not shown on any slide", path + ("id",), "ref.unused",
                           f"add a slide that shows it, or remove the {noun}", severity="warning")

    def check_languages(self) -> None:
        lang = _text(self.data.get("lang"))
        translations = self.data.get("translations")
        if not isinstance(translations, list):
            return
        seen: set[str] = set()
        for index, tag in enumerate(translations):
            if not isinstance(tag, str):
                continue
            if tag == lang:
                self.error(f"translation '{tag}' is the language the talk is written in",
                           ("translations", index), "ref.language", "list only the other languages")
            elif tag in seen:
                self.error(f"translation '{tag}' is listed twice", ("translations", index), "ref.language",
                           "remove the second one")
            seen.add(tag)

    def check_legend(self) -> None:
        legend = self.data.get("legend")
        if isinstance(legend, dict) and self.kinds is not None:
            for kind in legend:
                if kind not in self.kinds:
                    self.error(f"legend names unknown layer kind '{kind}'", ("legend", kind), "ref.kind",
                               did_you_mean(kind, self.kinds, listing="the theme's kinds"), key=True)


def reference_diagnostics(doc: Document, path: str, *, kinds: set[str] | None = None,
                          icons: set[str] | None = None, talk_dir: Path | None = None) -> list[Diagnostic]:
    """Every cross-reference problem of a loaded talk (errors and warnings)."""
    return _Checker(doc, path, kinds, icons, talk_dir).run()
