"""The running prose of a chapter, as a reader reads it: what the word counts and the prose rules
of tests/test_prose.py look at."""

from __future__ import annotations

import re
from pathlib import Path

#: A fenced block: code cells, figures, tables, admonitions (``` or :::, three or more).
_FENCE = re.compile(r"^(`{3,}|:{3,})")
#: Lines that are not running text: headings, table rows, comments, labels, directive options.
_NOT_PROSE = re.compile(r"^(#|\||<!--|\([\w-]+\)=$|:[\w-]+:)")
_CITE = re.compile(r"\{cite:[a-z]+\}`[^`]*`")
_ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_WORD = re.compile(r"[A-Za-z0-9À-ž][\w'’.%,–-]*")


def prose(text: str) -> str:
    """The running text of a MyST chapter: without front matter, fenced blocks (code cells,
    figures, tables, admonitions), headings, table rows, comments and labels; a citation is
    dropped, any other role (a glued number, a cross-reference) stands as one word, and a link
    keeps its text."""
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    kept, fence = [], None
    for line in text.splitlines():
        stripped = line.strip()
        opening = _FENCE.match(stripped)
        if fence:
            if opening and stripped.startswith(fence) and not stripped.strip("`:"):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        if stripped and not _NOT_PROSE.match(stripped):
            kept.append(stripped)
    body = " ".join(kept)
    body = _CITE.sub("", body)
    body = _ROLE.sub(" N ", body)
    return _LINK.sub(r"\1", body)


def word_count(path: Path) -> int:
    """Words of running prose in the chapter at ``path`` (see :func:`prose`)."""
    return len(_WORD.findall(prose(path.read_text(encoding="utf-8"))))
