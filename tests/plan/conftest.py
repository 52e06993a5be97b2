"""Stacks shaped like the sample talk's, a theme and a measurer, shared by the layout tests."""

from __future__ import annotations

import pytest

from generator.plan.measure import TextMeasure
from generator.model.talk import Layer, Stack
from generator.theme import load_theme

APPS = ("Appli Python", "Appli Ruby", "Appli Node.js")


def make_vm_stack(**changes) -> Stack:
    layers = (
        Layer(id="infrastructure", label="Infrastructure", kind="hardware",
              detail="Portable, serveur dédié, VPS dans le cloud (DigitalOcean, Amazon EC2)"),
        Layer(id="host-os", label="Système d'exploitation hôte", kind="os"),
        Layer(id="hypervisor", label="Hyperviseur", kind="virtualization",
              detail="Type 1 : HyperKit, Hyper-V, KVM · type 2 : VirtualBox, VMware"),
        Layer(id="guest-os", label="Système invité", kind="os", per_column=True, badge="700 Mo",
              detail="Son propre processeur et sa propre mémoire"),
        Layer(id="libraries", label="Binaires et bibliothèques", kind="libraries", per_column=True),
        Layer(id="apps", label="{column}", kind="app", per_column=True),
    )
    fields = dict(id="vm", title="Machines virtuelles", columns=APPS, layers=layers)
    fields.update(changes)
    return Stack(**fields)


def make_containers_stack(**changes) -> Stack:
    layers = (
        Layer(id="infrastructure", label="Infrastructure", kind="hardware"),
        Layer(id="host-os", label="Système d'exploitation hôte", kind="os"),
        Layer(id="docker-daemon", label="Démon Docker", kind="runtime",
              detail="Service d'arrière-plan qui lance et gère les conteneurs"),
        Layer(id="libraries", label="Binaires et bibliothèques", kind="libraries", per_column=True),
        Layer(id="apps", label="{column}", kind="app", per_column=True),
    )
    fields = dict(id="containers", title="Conteneurs Docker", columns=APPS, layers=layers)
    fields.update(changes)
    return Stack(**fields)


LEGEND = {"hardware": "Matériel", "os": "Système d'exploitation", "virtualization": "Virtualisation",
          "runtime": "Environnement d'exécution", "libraries": "Bibliothèques", "app": "Application"}


@pytest.fixture(scope="session")
def theme():
    return load_theme("default")


@pytest.fixture(scope="session")
def measure(theme):
    return TextMeasure.for_theme(theme)


@pytest.fixture
def vm_stack():
    return make_vm_stack()


@pytest.fixture
def containers_stack():
    return make_containers_stack()


@pytest.fixture
def make_vm():
    """A VM stack with some fields changed: `make_vm(columns=())`."""
    return make_vm_stack


@pytest.fixture
def make_containers():
    return make_containers_stack


@pytest.fixture
def legend():
    return dict(LEGEND)
