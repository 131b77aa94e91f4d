"""The votes chapter's whole-agenda sections (``book/votes.md``, "Where the figures come from",
"Agreement session by session" and "Counting abstentions as half"): each member's agreement
with Russia, session by session, against the NATO median."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, agreement_strip
from ....charts.votes import finding_title
from ....measures import roll_calls as rc
from ... import book
from ..checks import Guard

#: The Central Asian members Uzbekistan is compared with.
CENTRAL = ["KAZ", "KGZ", "TJK"]


def values(base: SimpleNamespace, tables: dict[str, pd.DataFrame]) -> SimpleNamespace:
    """The NATO median by session (``nato``), the United States' agreement (``usa``), every
    state's share by session (``wide``, sessions on record as rows; ``gap_years`` the sessions
    with no record, ``source_of`` each session's source), the CST/CSTO membership spells
    (``spans``), and our count under both abstention rules side by side (``both``; ``mine``
    for the members other than Russia)."""
    rows = tables["memberships"]
    half = rc.agreement_by_period(base.calls, base.roll_votes, period="session",
                                  abstention="half")
    both = base.ours.merge(half, on=["state", "session"], suffixes=("", "_half"))
    series = base.series
    recorded = series[series["source"] != rc.SERIES_SOURCES[3]]
    return SimpleNamespace(
        nato=rc.group_reference(recorded, rows).set_index("year"),
        usa=recorded[recorded["state"] == "USA"].set_index("year")["share"],
        wide=recorded.pivot(index="year", columns="state", values="share"),
        gap_years=sorted(series.loc[series["source"] == rc.SERIES_SOURCES[3], "year"].unique()),
        source_of=series.groupby("year")["source"].first(),
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


def _gap_in(v: SimpleNamespace, year: int) -> float:
    """The current members' average distance above the NATO median in one session."""
    return float(v.wide.loc[year, v.current].mean() - v.nato.loc[year, "median"])


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


def _later_years(v: SimpleNamespace) -> list[int]:
    return sorted(v.source_of.index[v.source_of == rc.SERIES_SOURCES[2]].tolist())


def _bsv_years(v: SimpleNamespace) -> list[int]:
    return sorted(v.source_of.index[v.source_of == rc.SERIES_SOURCES[1]].tolist())


GUARDS = (
    Guard("roll_calls_end_with_session_74",
          "Our count from the roll calls, sessions opening 1992 to 2019",
          lambda v: int(v.ours["session"].max()) == rc.LAST_ROLL_CALL_SESSION),
    Guard("one_gap_session_then_2025",
          "the session that opened in 2024 is a gap; the one that opened in 2025 is our count of "
          "the UN Digital Library's roll calls",
          lambda v: [int(y) for y in v.gap_years] == [2024] and _later_years(v) == [2025]
          and _bsv_years(v) == [2020, 2021, 2022, 2023]),
    Guard("gap_narrower_in_2025_than_2023",
          "the gap between the members and the NATO median narrowed, from ... points in 2023 to "
          "... in 2025",
          lambda v: 0 < _gap_in(v, 2025) < _gap_in(v, 2023)),
    Guard("nato_median_fell_to_2023",
          "its median member voted as Russia did on ... of roll calls in the 1990s and on ... in "
          "2023",
          lambda v: v.nato.loc[2023, "median"] < v.nato.loc[1992:1999, "median"].mean() / 1.5),
    Guard("armenia_a_little_below_the_others_in_2025",
          "Armenia matched Russia on ... in 2025, a few points below the other members",
          lambda v: 0 < v.wide.loc[2025, v.current].min() - v.wide.loc[2025, "ARM"] < 0.05),
    Guard("members_above_nato_in_2025",
          "In 2025 every current member again voted with Russia more often than the NATO median "
          "member did",
          lambda v: bool((v.wide.loc[2025, v.current] > v.nato.loc[2025, "median"]).all())),
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
          "Uzbekistan did not renew the treaty in 1999, rejoined the organization in 2006 and "
          "announced its withdrawal in 2012",
          lambda v: member_years(v.spans, "UZB") == [(1994, 1999), (2006, 2012)]),
    Guard("azerbaijan_outside_since_1999",
          "Azerbaijan, outside since 1999",
          lambda v: member_years(v.spans, "AZE") == [(1994, 1999)]),
    Guard("two_who_left_about_as_often",
          "the members vote with Russia ... about as often as two states that left the alliance",
          lambda v: abs(v.wide["AZE"].mean() - _current_mean(v)) < 0.05
          and abs(v.wide["UZB"].mean() - _current_mean(v)) < 0.05),
    Guard("azerbaijan_like_the_current_members",
          "votes much like the current members",
          lambda v: abs(v.wide["AZE"].mean() - _current_mean(v)) < 0.05),
    Guard("uzbekistan_ahead_in_most_sessions",
          "from 2005 it voted with Russia more often than Kazakhstan, Kyrgyzstan and Tajikistan "
          "in ... sessions (most of them)",
          lambda v: _uzb_ahead(v) > len(v.wide.loc[2005:]) / 2),
    Guard("uzbekistan_still_ahead",
          "and it was still ahead of them in the last session of our count of the roll calls",
          lambda v: v.wide.loc[rc.LAST_ROLL_CALL_SESSION + 1945, "UZB"]
          > v.wide.loc[rc.LAST_ROLL_CALL_SESSION + 1945, CENTRAL].max()),
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
    wide, median = v.wide, v.nato["median"]
    bsv_years = v.series.loc[v.series["source"] == "BSV", "year"]
    blr, years = wide["BLR"], wide.index
    early, late = _gaps(v)
    geo = wide.loc[2008:, "GEO"]
    shift = v.mine["share_half"] - v.mine["share"]
    rank_corr = v.mine["share"].rank().corr(v.mine["share_half"].rank())
    kaz = v.both.set_index(["state", "year"]).loc["KAZ"]
    return {
        "vt_last_year": str(int(v.ours["session"].max()) + 1945),
        "vt_undl_year": str(_later_years(v)[0]),
        "vt_gap_year": str(int(v.gap_years[0])),
        "vt_current_2025": book.percent(v.wide.loc[2025, v.current].mean()),
        "vt_nato_2025": book.percent(v.nato.loc[2025, "median"]),
        "vt_usa_2025": book.percent(v.usa.loc[2025]),
        "vt_usa_min": book.percent(v.usa.min()),
        "vt_usa_min_year": str(int(v.usa.idxmin())),
        "vt_arm_2023": book.percent(v.wide.loc[2023, "ARM"]),
        "vt_gap_2023": str(round(_gap_in(v, 2023) * 100)),
        "vt_gap_2025": str(round(_gap_in(v, 2025) * 100)),
        "vt_nato_2023": book.percent(v.nato.loc[2023, "median"]),
        "vt_arm_2025": book.percent(v.wide.loc[2025, "ARM"]),
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
        "vt_aze_mean": book.percent(wide["AZE"].mean()),
        "vt_current_mean": book.percent(_current_mean(v)),
        "vt_uzb_ahead": _uzb_ahead(v),
        "vt_uzb_n": len(wide.loc[2005:]),
        "vt_uzb_last": book.percent(wide.loc[rc.LAST_ROLL_CALL_SESSION + 1945, "UZB"]),
        "vt_geo_below": int((geo < median.loc[2008:]).sum()),
        "vt_geo_n": len(geo),
        "vt_geo_last": book.percent(geo.iloc[-1]),
        "vt_last_session_year": str(int(years[-1])),
        "vt_half_shift": book.count_of(round(shift.mean() * 100), "point"),
        "vt_geo_2023": book.percent(wide.loc[2023, "GEO"]),
        "vt_half_shift_max": str(round(shift.max() * 100)),
        "vt_rank_corr": f"{round(rank_corr, 2):.2f}",
        "vt_one_abstained": book.percent(v.mine["one_abstained"].sum() / v.mine["votes"].sum()),
        "vt_kaz_2019": book.percent(kaz.loc[2019, "share"]),
        "vt_kaz_2019_half": book.percent(kaz.loc[2019, "share_half"]),
    }


def strip_title(v: SimpleNamespace) -> str:
    """The strip's title: its finding, with the numbers computed."""
    early, late = _gaps(v)
    return finding_title(f"The members' votes and NATO's drifted apart: "
                         f"{book.count_of(round(early * 100), 'point')} above the NATO median in "
                         f"the 1990s, {book.count_of(round(late * 100), 'point')} from 2020",
                         width=64)


def figures(v: SimpleNamespace, states: pd.DataFrame,
            credits: dict[str, str]) -> dict[str, Chart]:
    """Every member's agreement, session by session, beside the NATO median and the US."""
    source = (f"{credits['ds-voeten-unvotes-2020']} (to 2019, our count); "
              f"{credits['ds-bsv-idealpoints-2024']} (2020-2023); "
              f"{credits['undl-ga-votes-2025']} (2025, our count)")
    return {"fig-vt-strip": agreement_strip(
        v.series, v.groups, {"NATO median": v.nato["median"], "United States": v.usa}, states,
        title=strip_title(v), source=source)}
