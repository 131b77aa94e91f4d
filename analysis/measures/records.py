"""Dated records for case timelines: the date a row of any table gives (:func:`record_date`),
presences drawn as bars from the records that date their start and end (:class:`Span`,
:func:`record_spans`), and the records a timeline labels (:func:`labelled_records`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Span:
    """A presence drawn as a bar: its label and the records that date its start and end, each
    written ``"<table>:<key>:<column>"`` (e.g. ``"bases:B31:end"``; ``"<table>:<key>"`` reads
    the row's ``date``). ``start`` ``None``: in place before the timeline begins; ``end``
    ``None``: no source gives its end (``attested`` may name the last record that shows it in
    place), or, with ``ongoing``, still there at the cut-off."""

    label: str
    start: str | None
    end: str | None = None
    attested: str | None = None
    ongoing: bool = False


_KEYS: dict[str, str] = {"events": "event_id", "requests": "request_id",
                         "responses": "response_id", "bases": "base_id",
                         "exercises": "exercise_id", "crisis_candidates": "candidate_id"}


def record_date(tables: Mapping[str, pd.DataFrame], ref: str) -> tuple[pd.Timestamp, str]:
    """The date a record gives and its precision: ``ref`` is ``"<table>:<key>"`` (the row's
    ``date``) or ``"<table>:<key>:<column>"`` (e.g. ``"bases:B31:end"``). Raises
    :class:`KeyError` for an unknown table, row or empty date."""
    parts = ref.split(":")
    table, key = parts[0], parts[1]
    column = parts[2] if len(parts) > 2 else "date"
    frame = tables[table].set_index(_KEYS[table])
    if key not in frame.index:
        raise KeyError(f"no row {key!r} in {table}")
    value = frame.at[key, column]
    if pd.isna(value):
        raise KeyError(f"{ref} has no date")
    precision = frame.at[key, f"{column}_precision"] if f"{column}_precision" in frame else "day"
    return pd.Timestamp(value), ("day" if pd.isna(precision) else str(precision))


def record_spans(tables: Mapping[str, pd.DataFrame], spans: Iterable[Span],
                 cutoff: pd.Timestamp) -> pd.DataFrame:
    """One row per :class:`Span`, in the order given: ``label``, ``start`` (``NaT`` when in place
    before the timeline), ``end``, ``end_kind`` (``known``, ``ongoing`` (drawn to ``cutoff``),
    ``attested`` (drawn to the last record that shows it) or ``unknown``), ``start_record``,
    ``end_record``."""
    rows = []
    for span in spans:
        start = record_date(tables, span.start)[0] if span.start else pd.NaT
        if span.end:
            end, kind, end_record = record_date(tables, span.end)[0], "known", span.end
        elif span.ongoing:
            end, kind, end_record = cutoff, "ongoing", None
        elif span.attested:
            end, kind, end_record = record_date(tables, span.attested)[0], "attested", \
                span.attested
        else:
            end, kind, end_record = pd.NaT, "unknown", None
        rows.append({"label": span.label, "start": start, "end": end, "end_kind": kind,
                     "start_record": span.start, "end_record": end_record})
    out = pd.DataFrame(rows, columns=["label", "start", "end", "end_kind", "start_record",
                                      "end_record"])
    for col in ("start", "end"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    return out


def labelled_records(tables: Mapping[str, pd.DataFrame],
                     notes: Mapping[str, tuple[str, str]]) -> pd.DataFrame:
    """The records a timeline labels, one row each, by date: ``notes`` maps a record
    (``"<table>:<key>"``, as :func:`record_date` reads it) to ``(kind, label)``. Columns
    ``record``, ``date``, ``date_precision``, ``kind``, ``label``."""
    rows = []
    for ref, (kind, label) in notes.items():
        day, precision = record_date(tables, ref)
        rows.append({"record": ref, "date": day, "date_precision": precision, "kind": kind,
                     "label": label})
    out = pd.DataFrame(rows, columns=["record", "date", "date_precision", "kind", "label"])
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    return out.sort_values(["date", "record"], kind="stable").reset_index(drop=True)


__all__ = ["Span", "labelled_records", "record_date", "record_spans"]
