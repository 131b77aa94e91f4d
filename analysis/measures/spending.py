"""Military spending (SIPRI): each alliance's members year by year, how many have a figure, the
largest spenders, the series of single states, and one year's cross-section for the
concentration measures.

Membership is taken year by year: a state counts for a year when it is inside the alliance on
31 December (:func:`~analysis.measures.membership.inside_by_year`; the CSTO is followed back
through the 1992 treaty). A missing value is never read as zero: shares are taken over the
members with data, and every table says how many members that is and who is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from .membership import inside_by_year
from .shares import largest_member, one_year_rows

#: The edition written on the spending rows taken from SIPRI (constant 2023 US$).
SPENDING_EDITION = "SIPRI Military Expenditure Database 2025 (constant 2023 US$)"


#: What a point's source line adds for each of SIPRI's marks on a spending figure.
FLAG_NOTES: dict[str, str] = {"estimate": "; SIPRI estimate", "uncertain": "; SIPRI: uncertain",
                              "unavailable": "; SIPRI: no figure",
                              "not_independent": "; SIPRI: not independent"}


def spending_by_member(
    milex: pd.DataFrame,
    memberships: pd.DataFrame,
    alliances: Sequence[str] = ("CSTO", "NATO"),
    years: Iterable[int] = range(1992, 2025),
) -> pd.DataFrame:
    """Military spending of each alliance's members, one row per alliance, year and member.

    Members are those of :func:`~analysis.measures.membership.inside_by_year`. Columns:
    ``organization``, ``year``, ``state``,
    ``status``, ``milex_constant_2023_usd_million`` and ``milex_share_of_gdp_percent`` (as in
    ``milex``; NaN where SIPRI has no figure or the state-year is not in the table),
    ``milex_flag``, ``present`` (True when the constant-dollar figure exists) and
    ``share_of_alliance`` (0-1: the member's spending over the total of the members with data
    that year; NaN for a member without data, which is never counted as zero). A figure of 0 that
    SIPRI gives (Iceland, which has no armed forces) is present and counts as 0.
    """
    years = list(years)
    members = pd.concat([inside_by_year(memberships, a, years) for a in alliances],
                        ignore_index=True)
    cols = ["state", "year", "milex_constant_2023_usd_million", "milex_share_of_gdp_percent",
            "milex_flag"]
    figures = milex[cols].copy()
    figures["year"] = figures["year"].astype("int64")
    if figures.duplicated(["state", "year"]).any():
        raise ValueError("milex: more than one row for a state and year")
    out = members.merge(figures, on=["state", "year"], how="left")
    out["present"] = out["milex_constant_2023_usd_million"].notna()
    totals = out.groupby(["organization", "year"])["milex_constant_2023_usd_million"].transform(
        lambda s: s.sum(min_count=1))
    with np.errstate(all="ignore"):
        out["share_of_alliance"] = out["milex_constant_2023_usd_million"] / totals
    return out.sort_values(["organization", "year", "state"]).reset_index(drop=True)


def spending_coverage(spending: pd.DataFrame) -> pd.DataFrame:
    """Per alliance and year: how many members there were, how many have a spending figure, who
    is missing, the total of the figures present and the largest member's share of it.

    ``spending`` is :func:`spending_by_member`. Columns: ``organization``, ``year``,
    ``n_members``, ``n_with_data``, ``missing`` (ISO3 codes, ``;``-joined, empty when none),
    ``total_usd_million`` (constant 2023 US$, members with data only; NaN when none has data),
    ``largest_state``, ``largest_share`` (0-1 of that total) and ``complete`` (True when every
    member has a figure).
    """
    rows = []
    for (org, year), part in spending.groupby(["organization", "year"], sort=True):
        present = part[part["present"]]
        top = largest_member(present["state"].tolist(),
                             present["milex_constant_2023_usd_million"].to_numpy(dtype=float))
        rows.append({"organization": org, "year": int(year), "n_members": len(part),
                     "n_with_data": len(present),
                     "missing": ";".join(sorted(part.loc[~part["present"], "state"].tolist())),
                     "total_usd_million": float(top["total"]) if top["states"] else float("nan"),
                     "largest_state": top["states"][0] if top["states"] else pd.NA,
                     "largest_share": top["share"]})
    out = pd.DataFrame(rows)
    out["complete"] = out["n_with_data"] == out["n_members"]
    for col in ("organization", "missing", "largest_state"):
        out[col] = out[col].astype("string")
    return out


def spending_groups(spending: pd.DataFrame, named: dict[str, Sequence[str]]) -> pd.DataFrame:
    """Each alliance's spending split into the members ``named`` for it and all other members
    with data, per year: the stacked shares of the burden chart.

    ``spending`` is :func:`spending_by_member`; ``named`` maps an alliance to the members drawn
    on their own (others become ``"other members"``). Columns: ``organization``, ``year``,
    ``group``, ``usd_million`` (constant 2023 US$) and ``share`` (0-1 of the year's total over
    members with data; the shares of one alliance-year sum to 1). A named state that is not a
    member in a year, or has no figure, has no row that year.
    """
    data = spending[spending["present"]].copy()
    data["group"] = [s if s in set(named.get(o, ())) else "other members"
                     for o, s in zip(data["organization"], data["state"])]
    out = (data.groupby(["organization", "year", "group"], sort=True)
           ["milex_constant_2023_usd_million"].sum().rename("usd_million").reset_index())
    out["share"] = out["usd_million"] / out.groupby(["organization", "year"])[
        "usd_million"].transform("sum")
    return out


def largest_spenders(spending: pd.DataFrame, organization: str, n: int) -> list[str]:
    """The ``n`` members of ``organization`` with the highest total spending (constant 2023
    US$) over the years in ``spending`` (:func:`spending_by_member`), largest first."""
    part = spending[(spending["organization"] == organization) & spending["present"]]
    totals = part.groupby("state")["milex_constant_2023_usd_million"].sum()
    return totals.sort_values(ascending=False, kind="stable").index[:n].tolist()


def spending_panel(milex: pd.DataFrame, memberships: pd.DataFrame, states: Iterable[str],
                   alliances: Sequence[str] = ("CSTO", "NATO"),
                   years: Iterable[int] = range(1992, 2025)) -> pd.DataFrame:
    """Every year of ``milex`` for ``states``, with the alliance each was inside that year.

    Columns: ``state``, ``year``, ``milex_constant_2023_usd_million``,
    ``milex_share_of_gdp_percent``, ``milex_flag``, ``share_flag`` and ``alliance`` (the one of
    ``alliances`` the state was inside on 31 December,
    :func:`~analysis.measures.membership.inside_by_year`; empty when none). Years without a row in
    ``milex`` are present with empty values.
    """
    years = list(years)
    states = list(states)
    grid = pd.DataFrame([(s, y) for s in states for y in years], columns=["state", "year"])
    grid["state"] = grid["state"].astype("string")
    figures = milex[["state", "year", "milex_constant_2023_usd_million",
                     "milex_share_of_gdp_percent", "milex_flag", "share_flag"]].copy()
    figures["year"] = figures["year"].astype("int64")
    out = grid.merge(figures, on=["state", "year"], how="left")
    inside = pd.concat([inside_by_year(memberships, a, years) for a in alliances],
                       ignore_index=True)
    if inside.duplicated(["state", "year"]).any():
        raise ValueError("a state is inside two of the alliances in the same year")
    out = out.merge(inside[["state", "year", "organization"]], on=["state", "year"], how="left")
    return out.rename(columns={"organization": "alliance"})


def spending_rows(milex: pd.DataFrame, states: Iterable[str]) -> tuple[pd.DataFrame, int | None]:
    """Military spending of ``states`` from SIPRI in one year, as ``capabilities`` rows: as
    :func:`~analysis.measures.personnel.personnel_rows`, from ``milex_constant_2023_usd_million``
    (``measure`` =
    ``military_spending``, ``unit`` = ``usd_million_constant_2023``)."""
    return one_year_rows(milex, "milex_constant_2023_usd_million", states, "military_spending",
                         "usd_million_constant_2023", SPENDING_EDITION, 1.0)


def spending_series(milex: pd.DataFrame, states: Iterable[str],
                    edition: str = SPENDING_EDITION) -> pd.DataFrame:
    """Each of ``states``' yearly military spending from SIPRI, for a chart that shows its
    source on every point: ``state``, ``year``, ``value`` (constant 2023 US$ m., missing where
    SIPRI has no figure) and ``source`` (``edition``, and SIPRI's mark where the figure is an
    estimate or uncertain). Raises ValueError naming a state that ``milex`` lacks."""
    wanted = list(dict.fromkeys(states))
    missing = sorted(set(wanted) - set(milex["state"]))
    if missing:
        raise ValueError(f"milex has no rows for {missing}")
    rows = milex[milex["state"].isin(wanted)].sort_values(["state", "year"])
    flags = rows["milex_flag"].astype("string")
    marks = flags.map(FLAG_NOTES)
    source = edition + marks.fillna("").astype(str)
    return pd.DataFrame({
        "state": rows["state"].astype("string").to_numpy(),
        "year": rows["year"].astype(int).to_numpy(),
        "value": rows["milex_constant_2023_usd_million"].astype(float).to_numpy(),
        "source": source.to_numpy(),
    })


__all__ = [
    "FLAG_NOTES",
    "SPENDING_EDITION",
    "largest_spenders",
    "spending_by_member",
    "spending_coverage",
    "spending_groups",
    "spending_panel",
    "spending_rows",
    "spending_series",
]
