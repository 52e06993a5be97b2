"""Any stacks, any labels: every text fits its box at or above its floor, or the diagram is a
`fit.diagram` error. Never an overflow that ships."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model.talk import Layer, Stack
from generator.plan.stack_diagram import layout_stacks
from generator.plan.deck import plan_deck
from generator.model.talk import Talk
from tests.plan.invariants import assert_legible

WORDS = (
    "App", "Web", "Datenbank", "Gastbetriebssystem", "Containerlaufzeitumgebung", "Infrastruktur",
    "Bibliotheken", "Binärdateien", "und", "für", "Anwendungsserver", "Hypervisor", "Betriebssystem",
    "Donaudampfschifffahrtsgesellschaft", "Netzwerk", "Speicher", "Kern", "Laufzeit", "Dienst",
    "Virtualisierungsschicht", "Nachrichtenwarteschlange", "Zwischenspeicher", "OS", "API", "Node.js",
)
KINDS = ("hardware", "os", "virtualization", "runtime", "libraries", "app")

labels = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)


@st.composite
def stacks(draw, index: int):
    columns = draw(st.integers(1, 5))
    names = tuple(draw(labels) for _ in range(columns)) if columns > 1 else ()
    count = draw(st.integers(2, 8))
    layers = []
    for level in range(count):
        per_column = bool(names) and draw(st.booleans())
        label = draw(st.sampled_from(("{column}", "{column} Dienst"))) if per_column and draw(st.booleans()) \
            else draw(labels)
        layers.append(Layer(
            id=f"l{level}", label=label, kind=draw(st.sampled_from(KINDS)), per_column=per_column,
            detail=draw(st.one_of(st.none(), labels)),
            badge=draw(st.one_of(st.none(), st.sampled_from(("700 MB", "50 MB", "×2"))))))
    return Stack(id=f"s{index}", title=draw(labels), columns=names, layers=tuple(layers))


@st.composite
def stack_sets(draw):
    return [draw(stacks(i)) for i in range(draw(st.integers(1, 5)))]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stack_sets())
def it_lays_out_any_stacks_legibly_or_says_they_do_not_fit(theme, measure, generated):
    diagram = layout_stacks(generated, theme, width=864, height=380, lang="de")
    if not diagram.fits:
        (problem,) = diagram.overflows
        assert problem.reason == "too-dense" and diagram.boxes == ()
        return
    assert_legible(diagram, measure.for_lang("de"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stack_sets())
def it_makes_a_slide_that_does_not_fit_a_fit_diagram_error(theme, generated):
    talk = Talk(id="t", title="T", lang="de", stacks=tuple(generated), slides=(
        {"id": "s", "kind": "stacks" if len(generated) > 1 else "stack",
         **({"stacks": [s.id for s in generated]} if len(generated) > 1 else {"stack": generated[0].id})},))
    plan = plan_deck(talk, theme, lang="de")
    diagram = plan.slides[0].diagram
    assert [p.code for p in plan.errors] == ([] if diagram.fits else ["fit.diagram"])
