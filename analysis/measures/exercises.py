"""The alliance's exercises: who took part in each, and which members stayed away."""

from __future__ import annotations

import re

import pandas as pd

from ..data.codebook.fields import split_list
from .membership import inside_by_year

#: How the name of an exercise that did not take place says so (the codebook has no status
#: column; the names of cancelled exercises in ``exercises.csv`` carry the word).
CANCELLED_MARK = "cancel"


def exercise_record(exercises: pd.DataFrame, memberships: pd.DataFrame,
                    alliance: str = "CSTO") -> pd.DataFrame:
    """Every exercise of ``alliance``, with who took part and which members stayed away.

    One row per exercise, by start date: ``exercise_id``, ``name``, ``year``, ``start``,
    ``host``, ``troops`` (persons, where known), ``held`` (False when the name says it was
    cancelled: :data:`CANCELLED_MARK`), ``participants`` (``;``-joined, empty when the sources
    give none), ``n_participants`` (``<NA>`` when unknown), ``members`` (states inside the
    alliance at the end of the exercise's year,
    :func:`~analysis.measures.membership.inside_by_year`) and ``absent`` (members not among the
    participants; ``<NA>`` when the participants are unknown or the exercise was not held).
    """
    data = exercises[exercises["organization"] == alliance].sort_values(
        ["start", "exercise_id"]).reset_index(drop=True)
    years = sorted({int(d.year) for d in data["start"]})
    inside = inside_by_year(memberships, alliance, years)
    members_of = {y: sorted(inside.loc[inside["year"] == y, "state"]) for y in years}
    rows = []
    for _, x in data.iterrows():
        year = int(x["start"].year)
        held = CANCELLED_MARK not in str(x["name"]).lower()
        who = sorted(split_list(x["participants"]))
        members = members_of.get(year, [])
        known = held and bool(who)
        rows.append({
            "exercise_id": x["exercise_id"], "name": x["name"], "year": year,
            "start": x["start"], "host": x["host"], "troops": x["troops"], "held": held,
            "participants": ";".join(who), "n_participants": len(who) if who else pd.NA,
            "members": ";".join(members),
            "absent": ";".join(s for s in members if s not in who) if known else pd.NA,
        })
    out = pd.DataFrame(rows)
    for col in ("exercise_id", "name", "host", "participants", "members", "absent"):
        out[col] = out[col].astype("string")
    out["troops"] = out["troops"].astype("Int64")
    out["n_participants"] = out["n_participants"].astype("Int64")
    return out


def no_shows(record: pd.DataFrame) -> pd.DataFrame:
    """The members that stayed away from a held exercise whose participants are known: one row
    per exercise and absent member (``exercise_id``, ``name``, ``year``, ``state``), from
    :func:`exercise_record`."""
    rows = [{"exercise_id": r["exercise_id"], "name": r["name"], "year": r["year"], "state": s}
            for _, r in record.iterrows() if not pd.isna(r["absent"])
            for s in split_list(r["absent"])]
    return pd.DataFrame(rows, columns=["exercise_id", "name", "year", "state"])


#: The exercise series, in the order the book lists them: each named exercise of the
#: ``exercises`` table belongs to one (a row that joins several names counts once for each).
SERIES: tuple[str, ...] = ("Rubezh", "Interaction", "Search", "Echelon",
                           "Indestructible Brotherhood", "Barrier", "Grom", "Cobalt", "Tsentr",
                           "Combat Brotherhood", "Strategic command-staff")

_YEAR = re.compile(r"[-\s]*\b(19|20)\d{2}\b")


def _series_of_part(part: str) -> str:
    """The series a name (without its year) belongs to: the longest series name it starts with,
    or, for a name that starts with none, the series whose name it contains."""
    text = _YEAR.sub("", part).strip().lower()
    for series in sorted(SERIES, key=len, reverse=True):
        if text.startswith(series.lower()):
            return series
    found = [s for s in SERIES if s.lower() in text]
    if not found:
        raise ValueError(f"no series for exercise name {part!r}")
    return found[0]


def series_names(name: str) -> list[str]:
    """The series a row of ``exercises`` stands for: ``"Interaction/Search/Echelon-2024"`` ->
    Interaction, Search, Echelon; an umbrella name with its parts in brackets
    (``"Combat Brotherhood-2021 (Interaction/Search/Echelon-2021)"``) counts its parts; any
    other bracket is a comment."""
    head, _, rest = name.partition("(")
    inside = rest.rsplit(")", 1)[0] if rest else ""
    if "/" in inside:
        parts = inside.split("/")
    else:
        parts = head.split("/")
    return list(dict.fromkeys(_series_of_part(p) for p in parts if p.strip()))


def exercises_by_series(record: pd.DataFrame) -> pd.DataFrame:
    """Named exercises held, by year and series, from :func:`exercise_record` (cancelled ones
    left out; a row joining several names counts once for each series it names).

    One row per year and series with at least one exercise: ``year``, ``series`` (a name of
    :data:`SERIES`) and ``exercises`` (a count), by year and the order of :data:`SERIES`."""
    held = record[record["held"]]
    rows = [{"year": int(r["year"]), "series": s} for _, r in held.iterrows()
            for s in series_names(str(r["name"]))]
    data = pd.DataFrame(rows, columns=["year", "series"])
    out = data.groupby(["year", "series"]).size().rename("exercises").reset_index()
    out["order"] = out["series"].map(SERIES.index)
    out = out.sort_values(["year", "order"]).drop(columns="order").reset_index(drop=True)
    out["exercises"] = out["exercises"].astype("int64")
    return out


__all__ = ["CANCELLED_MARK", "SERIES", "exercise_record", "exercises_by_series", "no_shows",
           "series_names"]
