"""The data dictionary, written from the codebook so it can never disagree with the checks."""

from __future__ import annotations

import pandas as pd

from .codebook import TABLES
from .codebook.fields import Field, Table
from .codebook.vocabulary import (
    ADDRESSEE_MEANING,
    CANDIDATE_DECISION_MEANING,
    ATTENDANCE_MEANING,
    MEMBERSHIP_STATUS_MEANING,
    RESPONDER_MEANING,
    RESPONSE_LEVEL_MEANING,
    THREAT_MEANING,
    THRESHOLD_MEANING,
)

_KIND_NAMES = {
    "string": "text",
    "id": "identifier",
    "date": "date (YYYY-MM-DD)",
    "partial_date": "date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "integer": "whole number",
    "number": "number",
    "category": "category",
    "state": "state (ISO3)",
    "states": "states (ISO3 list, `;`)",
    "sources": "source ids (list, `;`)",
    "ids": "keys (list, `;`)",
    "url": "web address",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _allowed(f: Field) -> str:
    parts = []
    if f.enum is not None:
        parts.append(", ".join(f"`{value}`" for value in f.enum))
    if f.ref:
        parts.append(f"key of `{f.ref}`")
    if f.unit:
        parts.append(f"unit: {f.unit}")
    return "; ".join(parts)


def table_markdown(table: Table, rows: int | None, link_prefix: str) -> str:
    """The dictionary section for one table: description, download link, key and fields."""
    lines = [f"### {table.title} (`{table.filename}`)", "", table.description, ""]
    count = f"{rows:,} rows; " if rows is not None else ""
    key = ", ".join(f"`{k}`" for k in table.primary_key)
    lines.append(f"{count}key: {key}. Download [{table.filename}]({link_prefix}{table.filename}).")
    rules = [f"`{e}` is never before `{s}`." for s, e in table.intervals]
    if table.no_overlap:
        rules.append("Intervals of one " + " and ".join(f"`{k}`" for k in table.no_overlap)
                     + " never overlap.")
    rules += [
        f"`{col}` is required when `{other}` " + ("is set." if value is None else f"is `{value}`.")
        for col, other, value in table.required_if
    ]
    rules += [f"{rc.message}." for rc in table.row_checks]
    rules += list(table.extra_rules)
    if rules:
        lines += ["", "Rules: " + " ".join(rules)]
    lines += ["", "| column | type | required | allowed values | meaning |",
              "| --- | --- | --- | --- | --- |"]
    for f in table.fields:
        lines.append(
            f"| `{f.name}` | {_KIND_NAMES[f.kind]} | {'yes' if f.required else ''} | "
            f"{_cell(_allowed(f))} | {_cell(f.description)} |"
        )
    return "\n".join(lines) + "\n"


def scale_markdown() -> str:
    """The response scale, the threat (crisis) categories, the universe's thresholds and decisions,
    the addressees of a request and the responders, the membership statuses and the attendance
    scale of the Collective Security Council, with the coding rule for each value."""
    lines = ["| level | rank | coding rule |", "| --- | --- | --- |"]
    lines += [f"| `{level}` | {rank} | {meaning} |"
              for rank, (level, meaning) in enumerate(RESPONSE_LEVEL_MEANING.items())]
    lines += ["", "| threat (crisis category) | coding rule |", "| --- | --- |"]
    lines += [f"| `{threat}` | {meaning} |" for threat, meaning in THREAT_MEANING.items()]
    for title, meanings in (("threshold", THRESHOLD_MEANING),
                            ("candidate decision", CANDIDATE_DECISION_MEANING),
                            ("addressed to", ADDRESSEE_MEANING), ("responder", RESPONDER_MEANING)):
        lines += ["", f"| {title} | coding rule |", "| --- | --- |"]
        lines += [f"| `{value}` | {_cell(meaning)} |" for value, meaning in meanings.items()]
    lines += ["", "| membership status | coding rule |", "| --- | --- |"]
    lines += [f"| `{status}` | {meaning} |" for status,
              meaning in MEMBERSHIP_STATUS_MEANING.items()]
    lines += ["", "| attendance at the Council | coding rule |", "| --- | --- |"]
    lines += [f"| `{value}` | {meaning} |" for value, meaning in ATTENDANCE_MEANING.items()]
    return "\n".join(lines) + "\n"


#: A caption for each table of :func:`scale_markdown`, in its order, and the short name each
#: table's label ends with (a page that shows them names them ``tab-<page>-<name>``).
SCALE_CAPTIONS: tuple[tuple[str, str], ...] = (
    ("The response scale: each level, its rank and the rule for coding it.", "levels"),
    ("The threat categories of a crisis and the rule for coding each.", "threats"),
    ("The thresholds a crisis must meet to enter the universe of crises.", "thresholds"),
    ("The decisions taken on a candidate crisis.", "decisions"),
    ("To whom a request for help was addressed.", "addressees"),
    ("Who answered a request.", "responders"),
    ("A state's status in an organization.", "statuses"),
    ("How a member was represented at a session of the Collective Security Council.",
     "attendance"),
)


def dictionary_markdown(tables: dict[str, pd.DataFrame] | None = None,
                        link_prefix: str = "../data/") -> str:
    """Every table's section, in load order; row counts come from ``tables`` when given."""
    sections = [
        table_markdown(t, len(tables[name]) if tables and name in tables else None, link_prefix)
        for name, t in TABLES.items()
    ]
    return "\n".join(sections)
