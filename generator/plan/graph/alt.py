"""Alt text of a graph diagram: its description, then its nodes and edges as sentences.

An edge label is read as a verb phrase between its two ends ("Démon Docker" + "parle
directement au" + "SE hôte"); an edge without a label uses the language's linking phrase.
"""

from __future__ import annotations

from generator.model.talk import Graph
from generator.plan.graph.text import flatten

# lang -> (nodes sentence, unlabelled edge sentence, last list separator)
_PHRASES = {
    "en": ("Nodes: {nodes}.", "{source} is linked to {target}.", " and "),
    "fr": ("Éléments : {nodes}.", "{source} est relié à {target}.", " et "),
    "de": ("Elemente: {nodes}.", "{source} ist mit {target} verbunden.", " und "),
}


def _phrases(lang: str) -> tuple[str, str, str]:
    return _PHRASES.get(lang.split("-")[0].lower(), _PHRASES["en"])


def _join(items: list[str], last: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + last + items[-1]


def _sentence(text: str) -> str:
    text = flatten(text)
    return text if text[-1:] in ".!?…" else text + "."


def describe_graph(graph: Graph, lang: str = "en") -> str:
    """The alt text of a graph in the language `lang` (English phrases when it has none)."""
    nodes_phrase, edge_phrase, last = _phrases(lang)
    labels = {node.id: flatten(node.label) for node in graph.nodes}
    sentences = []
    if graph.description:
        sentences.append(_sentence(graph.description))
    sentences.append(nodes_phrase.format(nodes=_join([labels[n.id] for n in graph.nodes], last)))
    for edge in graph.edges:
        source, target = labels.get(edge.source, edge.source), labels.get(edge.target, edge.target)
        if edge.label:
            sentences.append(_sentence(f"{source} {flatten(edge.label)} {target}"))
        else:
            sentences.append(edge_phrase.format(source=source, target=target))
    return " ".join(sentences)
