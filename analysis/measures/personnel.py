"""Military personnel: the Correlates of War series (COW National Material Capabilities) beside
the curated figures in ``capabilities``, each alliance's members year by year, and one year's
cross-section for the concentration measures.

Membership is taken year by year as for spending
(:func:`~analysis.measures.membership.inside_by_year`).
A missing value is never read as zero.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from .membership import inside_by_year
from .shares import largest_member, one_year_rows

#: The edition label of the personnel series of :func:`personnel_rows`.
PERSONNEL_EDITION = "Correlates of War, National Material Capabilities 7.0 (military personnel)"


def personnel_two_sources(
    nmc_milper: pd.DataFrame,
    capabilities: pd.DataFrame,
    states: Iterable[str],
    tolerance: float = 0.10,
) -> pd.DataFrame:
    """Active military personnel of ``states`` from COW (``nmc_milper``, thousands) and from the
    curated ``capabilities`` (``active_personnel``, persons), both in persons.

    One row per state: ``state``, ``cow_year`` and ``cow_persons`` (COW's latest year with a
    figure), ``curated_year``, ``curated_persons`` and ``curated_edition`` (the latest curated
    figure), ``cow_same_year_persons`` (COW's figure for ``curated_year``, where COW has one),
    ``difference`` (curated minus COW for that year, persons), ``difference_pct`` (of COW's figure)
    and ``verdict``: ``"agree"`` when the two differ by at most ``tolerance`` of COW's figure or
    by no more than COW's rounding (500 persons), ``"disagree"`` otherwise, ``"years differ"``
    when COW has no figure for the curated year, and ``"one source"`` when only one has data.
    """
    cow = nmc_milper[nmc_milper["milper_thousands"].notna()]
    cur = capabilities[(capabilities["measure"] == "active_personnel")
                       & capabilities["value"].notna()]
    if (cur["unit"] != "persons").any():
        raise ValueError("capabilities: active_personnel must be in persons")
    rows = []
    for state in states:
        c = cow[cow["state"] == state].sort_values("year")
        k = cur[cur["state"] == state].sort_values("year", kind="stable")
        row = {"state": state, "cow_year": pd.NA, "cow_persons": float("nan"),
               "curated_year": pd.NA, "curated_persons": float("nan"), "curated_edition": pd.NA,
               "cow_same_year_persons": float("nan"), "difference": float("nan"),
               "difference_pct": float("nan"), "verdict": "one source"}
        if len(c):
            row.update(cow_year=int(c["year"].iloc[-1]),
                       cow_persons=1000.0 * float(c["milper_thousands"].iloc[-1]))
        if len(k):
            last = k.iloc[-1]
            row.update(curated_year=int(last["year"]), curated_persons=float(last["value"]),
                       curated_edition=last["edition"])
        if len(c) and len(k):
            same = c[c["year"] == row["curated_year"]]
            if len(same):
                base = 1000.0 * float(same["milper_thousands"].iloc[0])
                diff = row["curated_persons"] - base
                pct = diff / base if base else float("nan")
                close = abs(diff) <= 500 or (base and abs(diff) <= tolerance * base)
                row.update(cow_same_year_persons=base, difference=diff, difference_pct=pct,
                           verdict="agree" if close else "disagree")
            else:
                row["verdict"] = "years differ"
        rows.append(row)
    out = pd.DataFrame(rows)
    for col in ("cow_year", "curated_year"):
        out[col] = out[col].astype("Int64")
    for col in ("state", "curated_edition", "verdict"):
        out[col] = out[col].astype("string")
    return out


def personnel_series(nmc_milper: pd.DataFrame, memberships: pd.DataFrame,
                     alliance: str, years: Iterable[int] = range(1992, 2023)) -> pd.DataFrame:
    """COW personnel of the members of ``alliance`` year by year, with coverage.

    Columns: ``organization``, ``year``, ``n_members``
    (:func:`~analysis.measures.membership.inside_by_year`),
    ``n_with_data``, ``missing`` (``;``-joined), ``total_persons`` (members with data),
    ``largest_state`` and ``largest_share`` (0-1 of that total).
    """
    members = inside_by_year(memberships, alliance, years)
    cow = nmc_milper[["state", "year", "milper_thousands"]].copy()
    cow["year"] = cow["year"].astype("int64")
    data = members.merge(cow, on=["state", "year"], how="left")
    rows = []
    for year, part in data.groupby("year", sort=True):
        present = part[part["milper_thousands"].notna()]
        persons = 1000.0 * present["milper_thousands"].to_numpy(dtype=float)
        top = largest_member(present["state"].tolist(), persons)
        rows.append({"organization": alliance, "year": int(year), "n_members": len(part),
                     "n_with_data": len(present),
                     "missing": ";".join(sorted(part.loc[part["milper_thousands"].isna(),
                                                         "state"])),
                     "total_persons": float(top["total"]) if top["states"] else np.nan,
                     "largest_state": top["states"][0] if top["states"] else pd.NA,
                     "largest_share": top["share"]})
    return pd.DataFrame(rows)


def personnel_rows(nmc_milper: pd.DataFrame, states: Iterable[str]) -> tuple[pd.DataFrame,
                                                                             int | None]:
    """Military personnel of ``states`` from one series and one year, as ``capabilities`` rows.

    ``nmc_milper`` is the vendored Correlates of War table (``state``, ``year``,
    ``milper_thousands``). The year is the latest in which the most of ``states`` have a figure
    (so all of them, when one year covers all). Returns the rows in the layout of
    ``capabilities`` (``state``, ``year``, ``measure`` = ``active_personnel``, ``value`` in
    persons, ``unit`` = ``persons``, ``edition`` = :data:`PERSONNEL_EDITION`) and the year
    (``None`` when no state has a figure).
    """
    return one_year_rows(nmc_milper, "milper_thousands", states, "active_personnel", "persons",
                         PERSONNEL_EDITION, 1000.0)


__all__ = ["PERSONNEL_EDITION", "personnel_rows", "personnel_series", "personnel_two_sources"]
