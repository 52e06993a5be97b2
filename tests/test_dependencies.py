"""Every dependency pyproject.toml declares is used by the code, and the code imports nothing undeclared."""

from __future__ import annotations

import re
import sys
import tomllib

from tests.conftest import ROOT

# Distribution name -> the name the code imports it by.
IMPORT_NAMES = {"pyyaml": "yaml", "pillow": "PIL", "fonttools": "fontTools", "python-pptx": "pptx",
                "markupsafe": "markupsafe", "babel": "babel", "jinja2": "jinja2",
                "pygments": "pygments", "markdown-it-py": "markdown_it"}
# Used without an import: the icon files of `diagrams` are read from the installed distribution.
USED_BY_NAME = {"diagrams": 'distribution("diagrams")'}


def declared() -> list[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return [re.split(r"[<>=!\[ ;]", spec, maxsplit=1)[0].lower() for spec in data["project"]["dependencies"]]


def source() -> str:
    return "\n".join(path.read_text("utf-8") for path in (ROOT / "generator").rglob("*.py"))


def imported_roots(text: str) -> set[str]:
    """The top-level names of `from x… import` and `import x` statements (not of prose or of
    `raise … from None` lines that happen to start with those words)."""
    found = re.findall(r"^\s*(?:from ([A-Za-z_][A-Za-z0-9_]*)[\w.]* import\b|import ([A-Za-z_][A-Za-z0-9_]*))",
                       text, re.M)
    return {a or b for a, b in found}


def it_uses_every_declared_dependency():
    text, roots = source(), imported_roots(source())
    for name in declared():
        if name in USED_BY_NAME:
            assert USED_BY_NAME[name] in text, name
        else:
            assert IMPORT_NAMES.get(name, name) in roots, f"{name} is declared but nothing imports it"


def it_declares_every_third_party_package_it_imports():
    names = {IMPORT_NAMES.get(name, name) for name in declared()}
    third_party = {root for root in imported_roots(source())
                   if root not in sys.stdlib_module_names and root != "generator"}
    assert third_party <= names, third_party - names


def it_runs_on_the_libraries_not_on_copies_of_them():
    """pydantic, markdown-it-py and segno are run-time dependencies of the installed package, and
    the copies that once stood in for them are gone."""
    from importlib.metadata import requires

    needed = {re.split(r"[<>=!\[ ;]", spec, maxsplit=1)[0].lower() for spec in requires("deckgen-talks")
              if "extra ==" not in spec}
    assert {"pydantic", "markdown-it-py", "segno", "polib"} <= needed
    for gone in ("markdown_inline.py", "plan/qr_encode.py", "model/base.py", "model/validation.py",
                 "model/json_schema.py"):
        assert not (ROOT / "generator" / gone).exists(), gone
