"""The votes chapter's facts: every guard (the whole agenda, the published scores, Ukraine)
holds on the data and fails when its sentence would be false."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.publish.facts import votes
from analysis.publish.facts.votes.sessions import member_years

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
    with_item,
)


def _wide(v, year, state, value):
    return altered(v, wide=with_cell(v.wide, year, state, value))


def _wide_block(v, years, states, value):
    wide = v.wide.copy()
    wide.loc[years, states] = value
    return altered(v, wide=wide)


def _frame(v, name, row, column, value):
    return altered(v, **{name: with_cell(getattr(v, name), row, column, value)})


def _row_where(frame, **where):
    mask = np.ones(len(frame), dtype=bool)
    for column, value in where.items():
        mask &= (frame[column] == value).to_numpy()
    return frame.index[mask][0]


def _late_nato_median_high(v):
    nato = v.nato.copy()
    nato.loc[2020:, "median"] = 1.0
    return altered(v, nato=nato)


def _azerbaijan_member_until_2005(v):
    row = _row_where(v.spans, state="AZE")
    return _frame(v, "spans", row, "end", pd.Timestamp("2005-01-01"))


def _source(v, year, source):
    return altered(v, source_of=with_item(v.source_of, year, source))


BREAKS = {
    "roll_calls_end_with_session_74": lambda v: altered(v, ours=v.ours.assign(
        session=v.ours["session"] + 1)),
    "one_gap_session_then_2025": lambda v: _source(v, 2023, "UN Digital Library"),
    "gap_narrower_in_2025_than_2023": lambda v: _frame(v, "nato", 2025, "median", 0.3),
    "nato_median_fell_to_2023": lambda v: _frame(v, "nato", 2023, "median", 0.6),
    "armenia_a_little_below_the_others_in_2025": lambda v: _wide(v, 2025, "ARM", 0.5),
    "members_above_nato_in_2025": lambda v: _wide(v, 2025, "KAZ", 0.5),
    "two_who_left_about_as_often": lambda v: _wide_block(v, slice(None), "UZB", 1.0),
    "belarus_in_every_session": lambda v: _wide(v, 1992, "BLR", np.nan),
    "belarus_never_below_three_in_five": lambda v: _wide(v, 1995, "BLR", 0.5),
    "belarus_closest_in_few_sessions": lambda v: _wide_block(v, slice(None), "BLR", 1.0),
    "current_below_nato_only_before_1999": lambda v: _wide(v, 2010, "KAZ", 0.0),
    "the_gap_widened": _late_nato_median_high,
    "widening_mostly_from_natos_side": lambda v: _wide_block(v, slice(2020, None), v.current,
                                                             0.0),
    "united_states_never_more_than_half": lambda v: altered(v, usa=with_item(v.usa, 2000, 0.6)),
    "uzbekistan_left_returned_left": lambda v: altered(v, spans=v.spans.drop(
        _row_where(v.spans, state="UZB"))),
    "azerbaijan_outside_since_1999": _azerbaijan_member_until_2005,
    "azerbaijan_like_the_current_members": lambda v: _wide_block(v, slice(None), "AZE", 0.0),
    "uzbekistan_ahead_in_most_sessions": lambda v: _wide_block(v, slice(2005, None), "UZB", 0.0),
    "uzbekistan_still_ahead": lambda v: _wide(v, 2019, "UZB", 0.0),
    "georgia_lowest_in_the_last_session": lambda v: _wide(v, v.wide.index[-1], "GEO", 1.0),
    "half_credit_never_lowers": lambda v: _frame(v, "mine", v.mine.index[0], "share_half", -1.0),
    "ranking_barely_moves": lambda v: altered(v, mine=v.mine.assign(share_half=-v.mine["share"])),
    "differences_small": lambda v: altered(v, check=v.check.assign(difference=0.5)),
    "turkey_2023_looks_wrong": lambda v: _frame(v, "by_cell", ("TUR", 78), "agree_usa", 0.3),
    "turkey_lower_the_session_before": lambda v: _frame(v, "by_cell", ("TUR", 77),
                                                        "agree_russia", 0.9),
    "turkey_moves_the_median_less_than_a_point": lambda v: _frame(
        v, "without_turkey", 2023, "median", v.nato.loc[2023, "median"] + 0.05),
    "six_on_crimea": lambda v: altered(v, crimea=v.crimea[:-1]),
    "belarus_and_armenia_every_time_before": lambda v: _frame(v, "pre", "ARM", "same", 6),
    "belarus_every_time_after": lambda v: _frame(v, "post", "BLR", "same", 9),
    "nine_of_the_emergency_session_and_one_more": lambda v: altered(v, after=v.after.iloc[:-1]),
    "abstention_most_of_the_others_votes": lambda v: _frame(v, "post", "KAZ", "votes", 100),
    "kazakhstan_half_or_more_before": lambda v: _frame(v, "pre", "KAZ", "same", 3),
    "others_at_most_once": lambda v: _frame(v, "post", "KAZ", "same", 2),
    "central_asia_once": lambda v: _frame(v, "post", "TJK", "same", 0),
    "azerbaijan_for_then_away": lambda v: _frame(v, "pre", "AZE", "absent", 3),
    "armenia_never_after": lambda v: _frame(v, "post", "ARM", "same", 1),
    "georgia_always_against": lambda v: _frame(v, "pre", "GEO", "opposite",
                                               v.pre.loc["GEO", "votes"] - 1),
    "central_asia_on_the_same_text": lambda v: altered(v, es_sided={
        **v.es_sided, "A/RES/ES-11/4": ["KAZ"]}),
    "only_belarus_in_the_last_year": lambda v: _frame(
        v, "by_year", _row_where(v.by_year, state="KAZ", year=v.by_year["year"].max()), "same",
        1),
    "kazakhstan_hedges_on_ukraine": lambda v: _frame(
        v, "by_year", _row_where(v.by_year, state="KAZ", year=2022), "share", 0.9),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(votes, BREAKS) == []


@pytest.mark.parametrize("guard", votes.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(votes))


@pytest.mark.parametrize("guard", votes.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(votes)))


def test_a_central_asian_vote_with_russia_on_another_text_stops_the_chapter(tables, cutoff):
    un_votes = tables["un_votes"].copy()
    row = (un_votes["resolution"] == "A/RES/ES-11/1") & (un_votes["state"] == "KGZ")
    un_votes.loc[row, "vote"] = "no"
    with raises_guard("others_at_most_once"):
        votes.facts({**tables, "un_votes": un_votes}, cutoff)


def test_member_years_by_hand():
    spans = pd.DataFrame({"state": ["UZB", "UZB", "ARM"],
                          "start": pd.to_datetime(["2006-08-16", "1994-04-20", "1994-04-20"]),
                          "end": pd.to_datetime(["2012-12-20", "1999-04-02", "2003-09-18"])})
    assert member_years(spans, "UZB") == [(1994, 1999), (2006, 2012)]
    assert member_years(spans, "KAZ") == []
