"""The moments a case chapter tells, for an annotated timeline: each dated record (an event, a
call for help, a crisis, an answer, a stance or a UN vote) in the column of whoever acted.

Where :func:`analysis.measures.cases.case_timeline` gathers every row a state has in the tables,
:func:`case_moments` takes the few a chapter names, with a short label each, keeps them in the
chapter's reading order and checks what a reader relies on: that no label repeats, that each
answer sits in its responder's column (the alliance's answers and Russia's are never drawn in one
column) and that the moments run in date order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

#: The column of a response by its ``responder``: the alliance's answers and the patron's
#: (Russia's) each have their own.
ANSWER_COLUMNS: dict[str, str] = {"alliance": "CSTO", "patron": "Russia"}

#: Columns of :func:`case_moments`.
MOMENT_COLUMNS: tuple[str, ...] = ("date", "date_precision", "column", "kind", "level", "label",
                                   "record", "source")

#: Where a moment's record is kept, by its prefix: (table, key column, kind); a request's kind
#: is ``request`` or, when no request was made, ``crisis``.
RECORD_TABLES: dict[str, tuple[str, str, str]] = {
    "events": ("events", "event_id", "event"),
    "requests": ("requests", "request_id", ""),
    "responses": ("responses", "response_id", "response"),
    "candidates": ("crisis_candidates", "candidate_id", "crisis"),
    "stances": ("stances", "stance_id", "event"),
    "votes": ("un_resolutions", "resolution", "event"),
}

_PERIOD = {"day": "D", "month": "M", "year": "Y"}


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) \
        else str(value)


def latest_day(date: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The last day a date known only to ``precision`` (day, month or year) can be."""
    return pd.Period(date, _PERIOD.get(precision, "D")).end_time.normalize()


def _moment(record: str, tables: Mapping[str, pd.DataFrame | None]) -> dict:
    """Date, precision, kind, level, responder and source of one record (``table:key``)."""
    prefix, _, key = record.partition(":")
    if prefix not in RECORD_TABLES:
        raise ValueError(f"{record}: a moment's record starts with one of "
                         f"{sorted(RECORD_TABLES)}")
    name, id_column, kind = RECORD_TABLES[prefix]
    frame = tables.get(name)
    if frame is None:
        raise ValueError(f"{record}: pass the {name} table")
    match = frame[frame[id_column] == key]
    if match.empty:
        raise KeyError(f"{record} is not a row of {name}")
    r = match.iloc[0]
    if prefix == "requests":
        kind = "request" if _text(r["request_made"]) == "yes" else "crisis"
    return {"date": pd.Timestamp(r["date"]),
            "date_precision": _text(r.get("date_precision")) or "day", "kind": kind,
            "level": _text(r["level"]) if kind == "response" else "",
            "responder": _text(r.get("responder")), "source": _text(r.get("source"))}


def case_moments(
    marks: Sequence[tuple[str, str, str]],
    *,
    events: pd.DataFrame | None = None,
    requests: pd.DataFrame | None = None,
    responses: pd.DataFrame | None = None,
    crisis_candidates: pd.DataFrame | None = None,
    stances: pd.DataFrame | None = None,
    un_resolutions: pd.DataFrame | None = None,
    answer_columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The moments a case chapter tells, in its reading order: one row per ``(record, column,
    label)`` of ``marks``.

    A record is ``events:E501``, ``requests:<id>``, ``responses:<id>``, ``candidates:<id>`` (a
    row of ``crisis_candidates``), ``stances:<id>`` or ``votes:<resolution>`` (dated by
    ``un_resolutions``); ``column`` names who acted. A response must sit in the column of its
    responder (``answer_columns``, by default :data:`ANSWER_COLUMNS`).

    Columns :data:`MOMENT_COLUMNS`: ``kind`` is ``event``, ``request`` (a call for help),
    ``crisis`` (a crisis in which none was made) or ``response``; ``level`` is a response's
    level on the response scale (empty otherwise).

    Raises :class:`KeyError` for a record not in its table and :class:`ValueError` for a label
    used twice, a response outside its responder's column, or a moment out of date order (its
    latest possible day, given its precision, before the day of the moment above it).
    """
    columns = dict(ANSWER_COLUMNS if answer_columns is None else answer_columns)
    tables = {"events": events, "requests": requests, "responses": responses,
              "crisis_candidates": crisis_candidates, "stances": stances,
              "un_resolutions": un_resolutions}
    labels = [label for _, _, label in marks]
    repeated = sorted({label for label in labels if labels.count(label) > 1})
    if repeated:
        raise ValueError(f"labels used twice: {repeated}")
    rows = []
    for record, column, label in marks:
        found = _moment(record, tables)
        if found["kind"] == "response" and columns.get(found["responder"]) != column:
            raise ValueError(f"{record}: an answer of the {found['responder'] or 'unnamed'} "
                             f"responder belongs in column {columns.get(found['responder'])!r}, "
                             f"not {column!r}")
        rows.append({**found, "column": column, "label": label, "record": record})
    for before, after in zip(rows, rows[1:]):
        if latest_day(after["date"], after["date_precision"]) < before["date"]:
            raise ValueError(f"{after['record']} ({after['date']:%Y-%m-%d}) is out of date order "
                             f"after {before['record']} ({before['date']:%Y-%m-%d})")
    return pd.DataFrame(rows, columns=list(MOMENT_COLUMNS))


def record_dates(records: Sequence[str], **tables: pd.DataFrame | None) -> pd.DataFrame:
    """The date of each record (``table:key`` as in :func:`case_moments`; ``tables`` by their
    names: ``events``, ``requests``, ``responses``, ``crisis_candidates``, ``stances``,
    ``un_resolutions``): one row per record, indexed by it, with ``date`` and
    ``date_precision``. Raises :class:`KeyError` for a record not in its table."""
    rows = {record: _moment(record, tables) for record in records}
    return pd.DataFrame({"date": [r["date"] for r in rows.values()],
                         "date_precision": [r["date_precision"] for r in rows.values()]},
                        index=pd.Index(list(rows), name="record"))


__all__ = ["ANSWER_COLUMNS", "MOMENT_COLUMNS", "RECORD_TABLES", "case_moments", "latest_day",
           "record_dates"]
