"""What a strict PowerPoint client checks in a deck: unique shape ids, animation targets that
exist, relationship targets inside the package, and parts valid against the OOXML schemas."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

NS = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "r": "http://schemas.openxmlformats.org/package/2006/relationships"}
SHAPE_TREES = re.compile(r"ppt/(slides|slideLayouts|slideMasters)/[^/]+\.xml$")


def problems(path: Path) -> list[str]:
    """Everything wrong with the package at `path`, as sentences; empty when it is sound."""
    found = []
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        for name in sorted(names):
            if SHAPE_TREES.match(name):
                root = etree.fromstring(package.read(name))
                ids = [e.get("id") for e in root.iterfind(".//p:cSld//p:cNvPr", NS)]
                for shape_id, count in Counter(ids).items():
                    if count > 1:
                        found.append(f"{name}: {count} shapes have id {shape_id}")
                for target in root.iterfind(".//p:timing//p:spTgt", NS):
                    if target.get("spid") not in ids:
                        found.append(f"{name}: a build step points at shape {target.get('spid')}, which is not there")
            if name.endswith(".rels"):
                folder = posixpath.dirname(posixpath.dirname(name))
                for rel in etree.fromstring(package.read(name)).iterfind("r:Relationship", NS):
                    if rel.get("TargetMode") == "External":
                        continue
                    target = rel.get("Target")
                    resolved = target.lstrip("/") if target.startswith("/") else \
                        posixpath.normpath(posixpath.join(folder, target))
                    if resolved not in names:
                        found.append(f"{name}: relationship {rel.get('Id')} points at {resolved}, not in the package")
    from openxml_audit import OpenXmlValidator

    result = OpenXmlValidator(max_errors=50).validate(str(path))
    found.extend(f"schema: {error}" for error in result.errors)
    return found
