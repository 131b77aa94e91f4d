"""Arms deliveries to the CSTO's members (SIPRI Arms Transfers Database): who supplied them,
period by period, and Russia's share of what the members received while they were inside.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .membership import inside_by_year

#: Delivery periods for arms transfers: five-year blocks as SIPRI reports them, the last one
#: cut at 2023, the last year of the vendored register.
ARMS_PERIODS: tuple[tuple[int, int], ...] = ((2000, 2004), (2005, 2009), (2010, 2014),
                                             (2015, 2019), (2020, 2023))


#: Suppliers drawn separately in the arms chart; every other supplier is "others".
MAIN_SUPPLIERS: tuple[str, ...] = ("RUS", "UKR", "BLR", "ISR", "TUR", "USA", "CHN", "IND")


def _period_label(period: tuple[int, int]) -> str:
    """``(2000, 2004)`` -> ``"2000-04"``."""
    first, last = period
    return f"{first}-{str(last)[-2:]}"


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
    inside the alliance on 31 December (:func:`~analysis.measures.membership.inside_by_year`).

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


def deliveries_by_year(
    arms: pd.DataFrame,
    recipients: Sequence[str],
    suppliers: Sequence[str],
    years: Sequence[int] | None = None,
) -> pd.DataFrame:
    """Arms each of ``suppliers`` delivered to each of ``recipients`` in each year (SIPRI
    trend-indicator values), a year without deliveries counted as zero.

    ``years`` defaults to every year of the register. One row per year, recipient and supplier,
    in that order: ``year``, ``recipient``, ``supplier``, ``tiv_million``.
    """
    if years is None:
        years = range(int(arms["year"].min()), int(arms["year"].max()) + 1)
    wanted = arms[arms["recipient"].isin(recipients) & arms["supplier"].isin(suppliers)]
    sums = wanted.groupby(["year", "recipient", "supplier"])["tiv_million"].sum()
    rows = [{"year": int(y), "recipient": r, "supplier": s,
             "tiv_million": float(sums.get((y, r, s), 0.0))}
            for y in years for r in recipients for s in suppliers]
    return pd.DataFrame(rows, columns=["year", "recipient", "supplier", "tiv_million"])


__all__ = ["ARMS_PERIODS", "MAIN_SUPPLIERS", "deliveries_by_year", "russia_share_of_deliveries",
           "supplier_shares"]
