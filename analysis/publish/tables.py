"""How a reader's table is written: cells in words (codebook values as the reader's words,
dates short and on one line), numbered and captioned as MyST ``table`` directives. Chapters
reach these through :mod:`analysis.publish.book`, which re-exports them."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

#: Reader's words for codebook values that do not read as words once their underscores are
#: spaces ("eastern europe", "regional group"): regions and kinds of forces.
READABLE: dict[str, str] = {
    "eastern_europe": "Eastern Europe",
    "central_asia": "Central Asia",
    "caucasus": "Caucasus",
    "rapid_deployment": "rapid deployment force",
    "rapid_reaction": "rapid reaction force",
    "peacekeeping": "peacekeeping force",
    "regional_group": "regional group of forces",
    "air_defence": "air-defence system",
}

#: A day as a reader's table shows it: short, on one line (no-break spaces), no leading zero.
_TABLE_DAY = "{day}\u00a0{month}\u00a0{year}"
_DAY_TEXT = re.compile(r"^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})$")


def table_day(day: pd.Timestamp | str) -> str:
    """A date as a reader's table shows it: ``"1\u00a0Jan\u00a02017"`` (no-break spaces, so
    it never wraps onto three lines in a narrow column)."""
    stamp = pd.Timestamp(day)
    return _TABLE_DAY.format(day=stamp.day, month=f"{stamp:%b}", year=stamp.year)


def readable(value: object) -> object:
    """A cell of a reader's table in words: a codebook value as the reader's word
    (:data:`READABLE`: ``"eastern_europe"`` or ``"eastern europe"`` -> ``"Eastern Europe"``),
    any other code with underscores as words (``"not_verified"`` -> ``"not verified"``), a
    date, or a day written ``"01 Jan 2017"``, as :func:`table_day`; anything else as it is."""
    if isinstance(value, pd.Timestamp):
        return table_day(value)
    if not isinstance(value, str):
        return value
    key = value.strip().replace(" ", "_")
    if key in READABLE:
        return READABLE[key]
    day = _DAY_TEXT.match(value.strip())
    if day:
        return table_day(value.strip())
    if re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)+", value.strip()):
        return value.strip().replace("_", " ")
    return value


def reader_table(frame: pd.DataFrame, caption: str | None = None, name: str | None = None) -> str:
    """A DataFrame as a reader's table in Markdown: every cell :func:`readable`, no index.
    With a ``caption`` the table is numbered and captioned (a MyST ``table`` directive, which
    the page renders as "Table 3.1"), and ``name`` is its label for ``{numref}``."""
    shown = frame.apply(lambda column: column.map(readable))
    text = shown.to_markdown(index=False)
    if caption is None:
        return text
    return captioned(text, caption, name)


#: A Markdown pipe table: a run of lines that start with ``|``.
_PIPE_TABLE = re.compile(r"(?:^\|.*(?:\n|$))+", re.M)


def captioned(table: str, caption: str, name: str | None = None) -> str:
    """One Markdown pipe table numbered and captioned: a MyST ``table`` directive whose
    argument is the ``caption`` (the page renders it "Table 3.1 caption") and whose ``name``
    is the table's label for ``{numref}``."""
    label = f":name: {name}\n" if name else ""
    return f":::{{table}} {caption}\n{label}\n{table.strip()}\n:::\n"


def caption_tables(markdown: str, captions: Iterable[tuple[str, str]]) -> str:
    """Every pipe table of ``markdown``, in order, numbered and captioned with the next
    ``(caption, name)`` of ``captions`` (:func:`captioned`); the text around them is kept.
    There must be one caption per table: a table without one, or a caption without a table,
    raises ``ValueError``."""
    captions = list(captions)
    found = list(_PIPE_TABLE.finditer(markdown))
    if len(found) != len(captions):
        raise ValueError(f"{len(found)} tables but {len(captions)} captions")
    parts, last = [], 0
    for match, (caption, name) in zip(found, captions):
        before = markdown[last:match.start()]
        gap = "\n" if before and not before.endswith("\n\n") else ""
        parts += [before, gap, captioned(match.group(), caption, name), "\n"]
        last = match.end()
    parts.append(markdown[last:])
    return "".join(parts)
