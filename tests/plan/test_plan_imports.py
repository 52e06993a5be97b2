"""The plan package is light: importing it, or its geometry, loads no third-party module."""

from __future__ import annotations

import subprocess
import sys

PROBE = ("import sys; before = set(sys.modules); import {module}; "
         "new = {{m.split('.')[0] for m in set(sys.modules) - before}}; "
         "print(' '.join(sorted(m for m in new if m not in sys.stdlib_module_names and m != 'generator')))")


def _third_party_loaded_by(module: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(module=module)], capture_output=True, text=True,
                         check=True).stdout
    return out.split()


def it_loads_no_third_party_module_when_the_plan_package_is_imported():
    assert _third_party_loaded_by("generator.plan") == []
    assert _third_party_loaded_by("generator.plan.geometry") == []


def it_sees_a_third_party_module_when_one_is_loaded():
    """The probe itself can fail: the measuring module does load Pillow."""
    assert "PIL" in _third_party_loaded_by("generator.plan.measure")
