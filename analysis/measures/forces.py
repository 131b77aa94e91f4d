"""Forces, money and arms: military spending of each alliance's members year by year, personnel
from two sources, arms deliveries to the CSTO's members by supplier, and the exercise record.

Membership is taken year by year from ``memberships``: a state counts for a year when it is
*inside* the alliance on 31 December (a ``member``, or a former member that is ``suspended``,
``frozen`` or ``withdrawing``; the CSTO is followed back through the 1992 treaty, see
:mod:`analysis.measures.growth`). A missing value is never read as zero: shares are taken over
the members with data, and every table says how many members that is and who is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..data.dates import as_ns
from ..data.codebook.fields import split_list
from .growth import _inside_positions
from .membership import Intervals, bodies

#: Delivery periods for arms transfers: five-year blocks as SIPRI reports them, the last one
#: cut at 2023, the last year of the vendored register.
ARMS_PERIODS: tuple[tuple[int, int], ...] = ((2000, 2004), (2005, 2009), (2010, 2014),
                                             (2015, 2019), (2020, 2023))

#: Suppliers drawn separately in the arms chart; every other supplier is "others".
MAIN_SUPPLIERS: tuple[str, ...] = ("RUS", "UKR", "BLR", "ISR", "TUR", "USA", "CHN", "IND")

#: How the name of an exercise that did not take place says so (the codebook has no status
#: column; the names of cancelled exercises in ``exercises.csv`` carry the word).
CANCELLED_MARK = "cancel"


def _period_label(period: tuple[int, int]) -> str:
    """``(2000, 2004)`` -> ``"2000-04"``."""
    first, last = period
    return f"{first}-{str(last)[-2:]}"


def inside_by_year(memberships: pd.DataFrame, alliance: str,
                   years: Iterable[int]) -> pd.DataFrame:
    """The states inside ``alliance`` on 31 December of each of ``years``.

    Inside means a ``member``, or a former member of the same body that is ``suspended``,
    ``frozen`` or ``withdrawing`` (the rows :func:`analysis.measures.growth.membership_growth`
    counts as ``inside``); the CSTO's years before 2003 are read from the 1992 treaty (CST).
    Returns ``organization``, ``year``, ``state`` and ``status`` (``member`` when the state holds
    that status on the day, otherwise the status it holds), sorted by year and state.
    """
    years = [int(y) for y in years]
    table = Intervals(memberships)
    rows = _inside_positions(table, bodies(alliance))
    days = as_ns([pd.Timestamp(year=y, month=12, day=31) for y in years])
    holds = table.covers(rows, days) if rows else np.zeros((0, len(years)), dtype=bool)
    found: dict[tuple[int, str], str] = {}
    for r, i in enumerate(rows):
        state = table.state[i]
        if not isinstance(state, str):
            continue
        for n, year in enumerate(years):
            if holds[r, n]:
                key = (year, state)
                if found.get(key) != "member":
                    found[key] = table.status[i]
    ordered = sorted(found)
    return pd.DataFrame({
        "organization": pd.array([alliance] * len(ordered), dtype="string"),
        "year": np.array([y for y, _ in ordered], dtype=np.int64),
        "state": pd.array([s for _, s in ordered], dtype="string"),
        "status": pd.array([found[k] for k in ordered], dtype="string"),
    })


def spending_by_member(
    milex: pd.DataFrame,
    memberships: pd.DataFrame,
    alliances: Sequence[str] = ("CSTO", "NATO"),
    years: Iterable[int] = range(1992, 2025),
) -> pd.DataFrame:
    """Military spending of each alliance's members, one row per alliance, year and member.

    Members are those of :func:`inside_by_year`. Columns: ``organization``, ``year``, ``state``,
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
        row = {"organization": org, "year": int(year), "n_members": len(part),
               "n_with_data": len(present),
               "missing": ";".join(sorted(part.loc[~part["present"], "state"].tolist())),
               "total_usd_million": float("nan"), "largest_state": pd.NA,
               "largest_share": float("nan")}
        if len(present):
            top = present.sort_values(["milex_constant_2023_usd_million", "state"],
                                      ascending=[False, True]).iloc[0]
            row.update(total_usd_million=float(present["milex_constant_2023_usd_million"].sum()),
                       largest_state=top["state"], largest_share=float(top["share_of_alliance"]))
        rows.append(row)
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
    ``alliances`` the state was inside on 31 December, :func:`inside_by_year`; empty when none).
    Years without a row in ``milex`` are present with empty values.
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


# --- personnel ----------------------------------------------------------------------------------


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

    Columns: ``organization``, ``year``, ``n_members`` (:func:`inside_by_year`),
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
        total = 1000.0 * float(present["milper_thousands"].sum()) if len(present) else np.nan
        top = (present.sort_values(["milper_thousands", "state"], ascending=[False, True])
               .iloc[0] if len(present) else None)
        rows.append({"organization": alliance, "year": int(year), "n_members": len(part),
                     "n_with_data": len(present),
                     "missing": ";".join(sorted(part.loc[part["milper_thousands"].isna(),
                                                         "state"])),
                     "total_persons": total,
                     "largest_state": pd.NA if top is None else top["state"],
                     "largest_share": (np.nan if top is None or not total
                                       else 1000.0 * float(top["milper_thousands"]) / total)})
    return pd.DataFrame(rows)


# --- arms deliveries ----------------------------------------------------------------------------


def _period_of(year: int, periods: Sequence[tuple[int, int]]) -> str | None:
    for period in periods:
        if period[0] <= year <= period[1]:
            return _period_label(period)
    return None


def supplier_shares(
    arms: pd.DataFrame,
    periods: Sequence[tuple[int, int]] = ARMS_PERIODS,
    suppliers: Sequence[str] = MAIN_SUPPLIERS,
) -> pd.DataFrame:
    """Arms delivered to each recipient by supplier and period, in SIPRI trend-indicator values
    (TIV: a volume index of military capability, not money).

    Suppliers outside ``suppliers`` (and non-state suppliers) are summed as ``"others"``. Years
    outside ``periods`` are left out. Columns: ``recipient``, ``period`` (e.g. ``"2000-04"``),
    ``supplier`` (a code of ``suppliers`` or ``"others"``), ``tiv_million`` and ``share`` (0-1
    of the recipient's deliveries in the period; the shares of one recipient-period sum to 1).
    """
    data = arms.copy()
    data["period"] = [_period_of(int(y), periods) for y in data["year"]]
    data = data[data["period"].notna()]
    wanted = set(suppliers)
    data["supplier"] = [s if s in wanted else "others" for s in data["supplier"]]
    out = (data.groupby(["recipient", "period", "supplier"], sort=True)["tiv_million"].sum()
           .reset_index())
    out["share"] = out["tiv_million"] / out.groupby(["recipient", "period"])[
        "tiv_million"].transform("sum")
    return out


def russia_share_of_deliveries(
    arms: pd.DataFrame,
    memberships: pd.DataFrame,
    periods: Sequence[tuple[int, int]] = ARMS_PERIODS,
    alliance: str = "CSTO",
    supplier: str = "RUS",
) -> pd.DataFrame:
    """``supplier``'s share of the arms delivered to the members of ``alliance`` (other than
    ``supplier`` itself), per period, counting a delivery only in a year its recipient was
    inside the alliance on 31 December (:func:`inside_by_year`).

    Columns: ``period``, ``tiv_million`` (all suppliers, TIV), ``supplier_tiv_million``,
    ``share`` (0-1; NaN when nothing was delivered), ``recipients`` (the members that received
    anything, ``;``-joined) and ``n_member_years`` (member-years in the period).
    """
    years = sorted({int(y) for p in periods for y in range(p[0], p[1] + 1)})
    inside = inside_by_year(memberships, alliance, years)
    inside = inside[inside["state"] != supplier]
    keys = set(zip(inside["state"], inside["year"]))
    data = arms[[(r, int(y)) in keys for r, y in zip(arms["recipient"], arms["year"])]].copy()
    data["period"] = [_period_of(int(y), periods) for y in data["year"]]
    inside["period"] = [_period_of(int(y), periods) for y in inside["year"]]
    rows = []
    for period in periods:
        label = _period_label(period)
        part = data[data["period"] == label]
        total = float(part["tiv_million"].sum())
        own = float(part.loc[part["supplier"] == supplier, "tiv_million"].sum())
        rows.append({"period": label, "tiv_million": total, "supplier_tiv_million": own,
                     "share": own / total if total else float("nan"),
                     "recipients": ";".join(sorted(set(part["recipient"]))),
                     "n_member_years": int((inside["period"] == label).sum())})
    return pd.DataFrame(rows)


# --- exercises ----------------------------------------------------------------------------------


def exercise_record(exercises: pd.DataFrame, memberships: pd.DataFrame,
                    alliance: str = "CSTO") -> pd.DataFrame:
    """Every exercise of ``alliance``, with who took part and which members stayed away.

    One row per exercise, by start date: ``exercise_id``, ``name``, ``year``, ``start``,
    ``host``, ``troops`` (persons, where known), ``held`` (False when the name says it was
    cancelled: :data:`CANCELLED_MARK`), ``participants`` (``;``-joined, empty when the sources
    give none), ``n_participants`` (``<NA>`` when unknown), ``members`` (states inside the
    alliance at the end of the exercise's year, :func:`inside_by_year`) and ``absent`` (members
    not among the participants; ``<NA>`` when the participants are unknown or the exercise was
    not held).
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


__all__ = [
    "ARMS_PERIODS",
    "CANCELLED_MARK",
    "MAIN_SUPPLIERS",
    "exercise_record",
    "inside_by_year",
    "largest_spenders",
    "no_shows",
    "personnel_series",
    "personnel_two_sources",
    "russia_share_of_deliveries",
    "spending_by_member",
    "spending_coverage",
    "spending_groups",
    "spending_panel",
    "supplier_shares",
]
