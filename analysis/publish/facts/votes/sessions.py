"""The votes chapter's whole-agenda sections (``book/votes.md``, "Where the figures come from",
"Agreement session by session" and "Counting abstentions as half"): each member's agreement
with Russia, session by session, against the NATO median."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, agreement_strip
from ....measures import roll_calls as rc
from ... import book
from ..checks import Guard

#: The Central Asian members Uzbekistan is compared with.
CENTRAL = ["KAZ", "KGZ", "TJK"]


def values(base: SimpleNamespace, tables: dict[str, pd.DataFrame]) -> SimpleNamespace:
    """The NATO median by session (``nato``), the United States' agreement (``usa``), every
    state's share by session (``wide``, sessions as rows), the CST/CSTO membership spells
    (``spans``), and our count under both abstention rules side by side (``both``; ``mine``
    for the members other than Russia)."""
    rows = tables["memberships"]
    half = rc.agreement_by_period(base.calls, base.roll_votes, period="session",
                                  abstention="half")
    both = base.ours.merge(half, on=["state", "session"], suffixes=("", "_half"))
    series = base.series
    return SimpleNamespace(
        nato=rc.group_reference(series, rows).set_index("year"),
        usa=series[series["state"] == "USA"].set_index("year")["share"],
        wide=series.pivot(index="year", columns="state", values="share"),
        spans=rows[rows["organization"].isin(["CST", "CSTO"]) & (rows["status"] == "member")],
        both=both,
        mine=both[both["state"].isin(base.others)],
    )


def member_years(spans: pd.DataFrame, state: str) -> list[tuple[int, int]]:
    """A state's spells as a member of the treaty or the organization, as (first, last) years."""
    own = spans[spans["state"] == state]
    return sorted(zip(own["start"].dt.year, own["end"].dt.year))


def _below_nato(v: SimpleNamespace) -> pd.Series:
    """Sessions in which some current member fell below the NATO median."""
    current = v.wide[v.current]
    above = current.gt(v.nato["median"], axis=0) | current.isna()
    return (~above).any(axis=1)


def _gaps(v: SimpleNamespace) -> tuple[float, float]:
    """The current members' average distance above the NATO median, 1990s and from 2020."""
    median, current = v.nato["median"], v.wide[v.current]
    early = (current.loc[1992:1999].mean(axis=1) - median.loc[1992:1999]).mean()
    late = (current.loc[2020:].mean(axis=1) - median.loc[2020:]).mean()
    return early, late


def _mostly_natos_side(v: SimpleNamespace) -> bool:
    current, median = v.wide[v.current], v.nato["median"]
    members_drop = current.loc[1992:1999].mean().mean() - current.loc[2020:].mean().mean()
    nato_drop = median.loc[1992:1999].mean() - median.loc[2020:].mean()
    return nato_drop > 3 * members_drop


def _closest(v: SimpleNamespace) -> pd.Series:
    return v.wide[v.others].idxmax(axis=1)


def _uzb_ahead(v: SimpleNamespace) -> int:
    since = v.wide.loc[2005:]
    return int((since["UZB"] > since[CENTRAL].max(axis=1)).sum())


def _current_mean(v: SimpleNamespace) -> float:
    return v.wide[v.current].mean(axis=1).mean()


GUARDS = (
    Guard("roll_calls_end_with_session_74",
          "Our count from the roll calls, sessions opening 1992 to 2019",
          lambda v: int(v.ours["session"].max()) == rc.LAST_ROLL_CALL_SESSION),
    Guard("belarus_in_every_session",
          "Belarus is the steady ally (a figure in every session)",
          lambda v: bool(v.wide["BLR"].notna().all())),
    Guard("belarus_never_below_three_in_five",
          "It never voted with Russia on fewer than ... of the roll calls",
          lambda v: v.wide["BLR"].min() >= 0.6),
    Guard("belarus_closest_in_few_sessions",
          "in most years one of the others matched Moscow as often or more",
          lambda v: (_closest(v) == "BLR").sum() < len(v.wide.index) / 2),
    Guard("current_below_nato_only_before_1999",
          "Current members fell below the NATO median in only ... sessions, all of them before "
          "1999",
          lambda v: _below_nato(v)[_below_nato(v)].index.max() < 1999),
    Guard("the_gap_widened",
          "that band moved away from NATO over time",
          lambda v: _gaps(v)[1] > 2 * _gaps(v)[0] > 0),
    Guard("widening_mostly_from_natos_side",
          "The widening came mostly from NATO's side",
          _mostly_natos_side),
    Guard("united_states_never_more_than_half",
          "The United States never matched Russia on more than half its votes",
          lambda v: v.usa.max() < 0.5),
    Guard("uzbekistan_left_returned_left",
          "Uzbekistan left the treaty in 1999, came back in 2006 and left again in 2012",
          lambda v: member_years(v.spans, "UZB") == [(1994, 1999), (2006, 2012)]),
    Guard("azerbaijan_outside_since_1999",
          "Azerbaijan, outside since 1999",
          lambda v: member_years(v.spans, "AZE") == [(1994, 1999)]),
    Guard("azerbaijan_like_the_current_members",
          "votes much like the current members",
          lambda v: abs(v.wide["AZE"].mean() - _current_mean(v)) < 0.05),
    Guard("uzbekistan_ahead_in_most_sessions",
          "from 2005 it voted with Russia more often than Kazakhstan, Kyrgyzstan and Tajikistan "
          "in ... sessions (most of them)",
          lambda v: _uzb_ahead(v) > len(v.wide.loc[2005:]) / 2),
    Guard("uzbekistan_still_ahead",
          "and still did so ... in the last",
          lambda v: v.wide.loc[2005:, "UZB"].iloc[-1] > v.wide.loc[2005:, CENTRAL].iloc[-1].max()),
    Guard("georgia_lowest_in_the_last_session",
          "its ... was the lowest figure of any former or current member",
          lambda v: v.wide.loc[2008:, "GEO"].iloc[-1] == v.wide.loc[v.wide.index[-1],
                                                                    v.others].min()),
    Guard("half_credit_never_lowers",
          "Scoring those as half an agreement ... raises the members' shares",
          lambda v: bool((v.mine["share_half"] - v.mine["share"] >= 0).all())),
    Guard("ranking_barely_moves",
          "The ranking of the members barely moves",
          lambda v: v.mine["share"].rank().corr(v.mine["share_half"].rank()) > 0.9),
)


def facts(v: SimpleNamespace) -> dict[str, str | int]:
    """The whole-agenda sections' glued values (the guards checked)."""
    calls, wide, median = v.calls, v.wide, v.nato["median"]
    bsv_years = v.series.loc[v.series["source"] == "BSV", "year"]
    blr, years = wide["BLR"], wide.index
    early, late = _gaps(v)
    geo = wide.loc[2008:, "GEO"]
    shift = v.mine["share_half"] - v.mine["share"]
    rank_corr = v.mine["share"].rank().corr(v.mine["share_half"].rank())
    kaz = v.both.set_index(["state", "year"]).loc["KAZ"]
    return {
        "vt_roll_calls": len(calls),
        "vt_first_vote": f"{calls['date'].min():%B %Y}",
        "vt_last_vote": f"{calls['date'].max():%B %Y}",
        "vt_last_year": str(int(v.ours["session"].max()) + 1945),
        "vt_bsv_first": str(int(bsv_years.min())),
        "vt_bsv_last": str(int(bsv_years.max())),
        "vt_n_sessions": len(years),
        "vt_blr_min": book.percent(blr.min()),
        "vt_blr_min_year": str(int(blr.idxmin())),
        "vt_blr_max": book.percent(blr.max()),
        "vt_blr_closest": int((_closest(v) == "BLR").sum()),
        "vt_current_below": int(_below_nato(v).sum()),
        "vt_gap_early": book.count_of(round(early * 100), "point"),
        "vt_gap_late": book.count_of(round(late * 100), "point"),
        "vt_nato_early": book.percent(median.loc[1992:1999].mean()),
        "vt_nato_last": book.percent(median.iloc[-1]),
        "vt_usa_min": book.percent(v.usa.min()),
        "vt_aze_mean": book.percent(wide["AZE"].mean()),
        "vt_current_mean": book.percent(_current_mean(v)),
        "vt_uzb_ahead": _uzb_ahead(v),
        "vt_uzb_n": len(wide.loc[2005:]),
        "vt_uzb_last": book.percent(wide.loc[years[-1], "UZB"]),
        "vt_geo_below": int((geo < median.loc[2008:]).sum()),
        "vt_geo_n": len(geo),
        "vt_geo_last": book.percent(geo.iloc[-1]),
        "vt_last_session_year": str(int(years[-1])),
        "vt_half_shift": book.count_of(round(shift.mean() * 100), "point"),
        "vt_half_shift_max": str(round(shift.max() * 100)),
        "vt_rank_corr": f"{round(rank_corr, 2):.2f}",
        "vt_one_abstained": book.percent(v.mine["one_abstained"].sum() / v.mine["votes"].sum()),
        "vt_kaz_2019": book.percent(kaz.loc[2019, "share"]),
        "vt_kaz_2019_half": book.percent(kaz.loc[2019, "share_half"]),
    }


def figures(v: SimpleNamespace, states: pd.DataFrame) -> dict[str, Chart]:
    """Every member's agreement, session by session, beside the NATO median and the US."""
    return {"fig-vt-strip": agreement_strip(
        v.series, v.groups, {"NATO median": v.nato["median"], "United States": v.usa}, states)}
