"""Alt text of a graph diagram: its description, then its nodes and edges as sentences.

An edge label is read as a verb phrase between its two ends ("Démon Docker" + "parle
directement au" + "SE hôte"); an edge without a label uses the language's linking phrase
(`alt/graph-edge` in the tool's catalogs, English for a language without one).
"""

from __future__ import annotations

from generator.i18n.tool_words import join_names, word
from generator.model.talk import Graph
from generator.plan.graph.text import flatten

_SENTENCE_ENDS = ".!?…。！？؟"


def _sentence(text: str) -> str:
    text = flatten(text)
    return text if text[-1:] in _SENTENCE_ENDS else text + "."


def describe_graph(graph: Graph, lang: str = "en") -> str:
    """The alt text of a graph in the language `lang`."""
    labels = {node.id: flatten(node.label) for node in graph.nodes}
    sentences = []
    if graph.description:
        sentences.append(_sentence(graph.description))
    sentences.append(word(lang, "alt/graph-nodes", nodes=join_names([labels[n.id] for n in graph.nodes], lang)))
    for edge in graph.edges:
        source, target = labels.get(edge.source, edge.source), labels.get(edge.target, edge.target)
        if edge.label:
            sentences.append(_sentence(f"{source} {flatten(edge.label)} {target}"))
        else:
            sentences.append(word(lang, "alt/graph-edge", source=source, target=target))
    return " ".join(sentences)
