"""The sample talk, Autour de Docker: complete, in French, with the article's facts."""

from __future__ import annotations


def it_has_notes_on_every_slide(sample_talk):
    assert all(slide.notes and len(slide.notes.split()) >= 15 for slide in sample_talk.talk.slides)


def it_has_the_vm_stack_with_six_layers_and_the_container_stack_with_five(sample_talk):
    talk = sample_talk.talk
    assert [layer.kind for layer in talk.stack("vm").layers] == \
        ["hardware", "os", "virtualization", "os", "libraries", "app"]
    assert [layer.kind for layer in talk.stack("containers").layers] == \
        ["hardware", "os", "runtime", "libraries", "app"]
    guest = talk.stack("vm").layers[3]
    assert guest.per_column and guest.badge == "700 Mo"
    assert len(talk.stack("vm").columns) == 3


def it_shows_every_kind_of_diagram_the_talk_needs(sample_talk):
    kinds = [slide.kind for slide in sample_talk.talk.slides]
    for kind in ("title", "statement", "stack", "stacks", "comparison", "graph", "bullets", "closing"):
        assert kind in kinds
    side = next(s for s in sample_talk.talk.slides if s.kind == "stacks")
    assert set(side.highlight) == {"hypervisor", "docker-daemon"}


def it_carries_the_articles_facts(sample_talk):
    text = sample_talk.document.source.lines
    whole = "\n".join(text)
    for fact in ("2014", "50 millisecondes", "DigitalOcean", "Amazon EC2", "HyperKit", "Hyper-V", "KVM",
                 "VirtualBox", "VMware", "700 Mo", "2,1 Go", "libpq-dev", "gems", "Node.js",
                 "quelques millisecondes", "une minute", "hébergeur"):
        assert fact in whole, fact


def it_checks_clean(sample_talk):
    assert sample_talk.warnings == []
