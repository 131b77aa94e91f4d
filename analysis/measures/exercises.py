"""The alliance's exercises: who took part in each, and which members stayed away."""

from __future__ import annotations

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


__all__ = ["CANCELLED_MARK", "exercise_record", "no_shows"]
