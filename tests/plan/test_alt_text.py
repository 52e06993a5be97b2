"""The alt text of stack diagrams: every layer named from bottom to top, counts, badges, highlights."""

from __future__ import annotations

from generator.plan.stack_diagram import layout_stacks
from generator.plan.alt_text import alt_description, alt_title


def positions(text, names):
    return [text.index(name) for name in names]


def test_the_description_names_each_layer_from_bottom_to_top(vm_stack):
    text = alt_description([vm_stack], (), "fr")
    names = ["Infrastructure", "Système d'exploitation hôte", "Hyperviseur", "Système invité",
             "Binaires et bibliothèques", "Appli Python"]
    assert text.startswith("Machines virtuelles")
    assert positions(text, names) == sorted(positions(text, names))


def test_per_column_layers_are_counted_and_badges_read(vm_stack):
    text = alt_description([vm_stack], (), "en")
    assert "Système invité (3 copies, one per column), 700 Mo each" in text
    assert "Appli Python, Appli Ruby, and Appli Node.js, one per column"   # CLDR's English list in text
    assert "{column}" not in text


def test_the_linking_words_follow_the_language(vm_stack):
    assert "de bas en haut" in alt_description([vm_stack], (), "fr")
    assert "de bas en haut" in alt_description([vm_stack], (), "fr-CA")
    assert "von unten nach oben" in alt_description([vm_stack], (), "de")
    assert "de baixo para cima" in alt_description([vm_stack], (), "pt")
    assert "下から上へ" in alt_description([vm_stack], (), "ja")
    assert "from bottom to top" in alt_description([vm_stack], (), "sw")     # no catalog: English


def test_side_by_side_names_both_stacks_and_the_highlights(vm_stack, containers_stack):
    text = alt_description([vm_stack, containers_stack], ("hypervisor", "docker-daemon"), "fr")
    assert text.startswith("Machines virtuelles et Conteneurs Docker côte à côte")
    assert text.index("Machines virtuelles, de bas en haut") < text.index("Conteneurs Docker, de bas en haut")
    assert text.endswith("Mis en évidence\u00a0: Hyperviseur et Démon Docker.")
    assert alt_title([vm_stack, containers_stack], "fr") == "Machines virtuelles et Conteneurs Docker"


def test_the_authors_description_comes_first(make_vm):
    stack = make_vm(description="Une pile de machine virtuelle.")
    assert alt_description([stack], (), "fr").startswith("Une pile de machine virtuelle. Machines virtuelles")


def test_the_diagram_carries_its_alt_text(vm_stack, theme):
    diagram = layout_stacks([vm_stack], theme, lang="fr")
    assert diagram.title == "Machines virtuelles"
    assert diagram.description == alt_description([vm_stack], (), "fr")
