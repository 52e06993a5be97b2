"""A new talk from a working skeleton: one of each common slide kind, ready to edit."""

from __future__ import annotations

import re
from pathlib import Path

from generator.build.files import write_text_atomic
from generator.model.talk import ID_PATTERN, LANG_PATTERN

SKELETON = """\
# yaml-language-server: $schema=talk.schema.json
# {title}: the content of one talk. Check it with: deckgen check {folder}
# Every slide, stack, layer, comparison row and graph has an id (lower-case, digits, '-')
# that never changes when the text is edited: translations are keyed on it.
id: {talk_id}
title: {title}
subtitle: A subtitle that says what the audience will take home
author: Your Name
lang: {lang}
translations: []          # for example [fr, de]; each gets locales/<lang>.po
theme: default

legend:
  hardware: Hardware
  os: Operating system
  runtime: Runtime
  app: Application

stacks:                   # layered architectures, layers listed bottom to top
  - id: platform
    title: Our platform
    columns: [Web, Worker]
    layers:
      - id: infrastructure
        label: Infrastructure
        kind: hardware
        detail: A laptop, a server or a cloud instance
      - id: host-os
        label: Host operating system
        kind: os
      - id: runtime
        label: Runtime
        kind: runtime
      - id: apps
        label: "{{column}}"
        kind: app
        per_column: true

slides:
  - id: title
    kind: title
    notes: Welcome everyone and say who you are.
  - id: main-idea
    kind: statement
    text: One sentence the audience should remember.
    notes: Pause after this one.
  - id: platform
    kind: stack
    stack: platform
    build: bottom-up
    notes: Walk through the layers from the bottom up.
  - id: points
    kind: bullets
    title: Three points
    bullets:
      - The first point
      - The second point
      - text: The third point
        bullets: [with a detail]
    notes: Keep each point to one line.
  - id: figures
    kind: chart
    title: Two figures
    axis:
      unit: second           # a CLDR unit: millisecond, gigabyte, percent…; scale: log for values far apart
    categories:
      - id: before
        label: Before
      - id: after
        label: After
    series:
      - id: build-time
        label: Build time
        values: [40, 12]
    highlight: after
    source: Our own measures
    notes: Numbers in the content, written the way each language writes them.
  - id: thanks
    kind: closing
    text: Thank you!
    notes: Take questions.
"""


def _skeleton(talk_id: str, lang: str, title: str, shown: str) -> str:
    return SKELETON.format(talk_id=talk_id, lang=lang, title=title, folder=f"content/{talk_id}").replace(
        f"# {title}: the content", f"# {shown}: the content", 1)


def create_talk(base: Path, talk_id: str, *, lang: str = "en", title: str | None = None) -> Path:
    """Write `base/talk_id/talk.yaml`; refuses an invalid id or an existing talk."""
    if not re.match(ID_PATTERN, talk_id) or len(talk_id) > 64:
        raise ValueError(f"'{talk_id}' is not a valid talk id: use lower-case letters, digits and '-'")
    if not re.match(LANG_PATTERN, lang):
        raise ValueError(f"'{lang}' is not a BCP 47 language tag such as en, fr or pt-BR")
    import json

    title = title or talk_id.replace("-", " ").capitalize()
    shown = " ".join(title.split())          # the comment line: one line, whatever the title
    if any(ch in title for ch in ":#{}[]&*!|>'\"%@`\n\r\t\\") or title != title.strip():
        title = json.dumps(title, ensure_ascii=False)    # a YAML double-quoted string, escapes and all
    path = base / talk_id / "talk.yaml"
    if path.exists():
        raise FileExistsError(0, "exists", str(path))
    write_text_atomic(path, _skeleton(talk_id, lang, title, shown))
    # Editors with a YAML language server validate and complete the talk from this file.
    from generator.content.json_schema import talk_json_schema

    write_text_atomic(path.parent / "talk.schema.json", talk_json_schema())
    return path
