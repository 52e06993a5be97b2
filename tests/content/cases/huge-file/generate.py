"""Writes a 10 MB talk.yaml: speaker notes pasted far beyond the size limit."""

with open("talk.yaml", "w", encoding="utf-8") as out:
    out.write("id: huge-file\ntitle: Un exposé\nlang: fr\nslides:\n  - id: title\n    kind: title\n    notes: |\n")
    line = "      " + "Des notes bien trop longues pour un seul exposé. " * 2 + "\n"
    out.write(line * (10 * 1024 * 1024 // len(line) + 1))
