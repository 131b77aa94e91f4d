"""The divisions chapter's facts: its guards hold on the data and fail when a sentence about
votes, recognitions, defiance or attendance would be false."""

from __future__ import annotations

import pytest

from analysis.publish.facts import divisions
from analysis.publish.facts.claims import followed

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
    with_item,
)


def _counts(v, name, state, column, value):
    return altered(v, **{name: with_cell(getattr(v, name), state, column, value)})


def _level(v, state, year, level):
    row = v.levels.index[(v.levels["state"] == state) & (v.levels["year"] == year)][0]
    return altered(v, levels=with_cell(v.levels, row, "level", level))


def _seat(v, session_year, state, attended):
    dates = v.attendance["date"]
    session = dates.index[dates.dt.year == session_year][-1]
    row = v.cells.index[(v.cells["session_id"] == session) & (v.cells["state"] == state)][0]
    return altered(v, cells=with_cell(v.cells, row, "attended", attended))


def _last_session_seat(v, state, attended):
    row = v.cells.index[(v.cells["session_id"] == v.attendance.index[-1])
                        & (v.cells["state"] == state)][0]
    return altered(v, cells=with_cell(v.cells, row, "attended", attended))


BREAKS = {
    "the_universe_in_words": lambda v: altered(v, u_resolutions=v.u_resolutions.iloc[1:]),
    "belarus_every_vote": lambda v: _counts(v, "whole", "BLR", "same",
                                            len(v.u_resolutions) - 1),
    "armenia_with_russia_before": lambda v: _counts(v, "before", "ARM", "same", 6),
    "central_asia_half_or_more_before": lambda v: _counts(v, "before", "KGZ", "same", 3),
    "georgia_never_with_russia": lambda v: _counts(v, "whole", "GEO", "same", 1),
    "azerbaijan_away_after_2014": lambda v: _counts(v, "whole", "AZE", "absent", 10),
    "only_central_asia_once_after": lambda v: altered(v, sided_after={
        **v.sided_after, "A/RES/ES-11/4": ["ARM"]}),
    "abstention_the_commonest_vote_after": lambda v: altered(
        v, after_cast=with_item(v.after_cast, "yes", 10_000)),
    "armenia_abstained_on_most_after": lambda v: _counts(v, "after", "ARM", "one_abstained", 2),
    "kazakhstan_and_uzbekistan_against_the_annexations": lambda v: altered(
        v, stances=with_cell(v.stances, "KGZ", "recognize_2022_annexations", -1)),
    "tajikistan_sided_and_stayed_away_before": lambda v: _counts(v, "before", "TJK", "absent",
                                                                 0),
    "armenia_one_yes": lambda v: _counts(v, "after", "ARM", "opposite", 2),
    "only_belarus_in_the_last_year": lambda v: _counts(v, "last", "KAZ", "same", 1),
    "recognitions_none_but_russia": lambda v: altered(v, aligned={
        **v.aligned, "recognize_2022_annexations": ["BLR"]}),
    "belarus_alone_backs_the_war": lambda v: altered(
        v, stances=with_cell(v.stances, "KAZ", "support_invasion_ukraine", 1)),
    "hedging_the_commonest_stance": lambda v: altered(v, stances=v.stances.where(
        v.stances.isna(), 1)),
    "leaving_in_1999_and_2012": lambda v: _level(v, "KAZ", 2000, 5),
    "nothing_beyond_staying_away_before_the_war": lambda v: _level(v, "BLR", 2009, 3),
    "armenia_climbs_from_2022": lambda v: _level(v, "ARM", 2025, 3),
    "kyrgyzstan_refused_to_host": lambda v: _level(v, "KGZ", 2022, 2),
    "armenia_the_only_member_above_two_since_the_war": lambda v: _level(v, "TJK", 2023, 3),
    "absences_by_belarus_uzbekistan_armenia": lambda v: _seat(v, 2015, "KAZ", "absent"),
    "armenia_away_from_every_known_session_since": lambda v: _seat(v, 2024, "ARM",
                                                                   "head_of_state"),
    "moscow_2026_unknown": lambda v: _last_session_seat(v, "RUS", "head_of_state"),
    "heads_of_state_came_mostly": lambda v: altered(v, cells=v.cells.assign(attended="deputy")),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(divisions, BREAKS) == []


@pytest.mark.parametrize("guard", divisions.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(divisions))


@pytest.mark.parametrize("guard", divisions.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(divisions)))


def test_a_recognition_by_tajikistan_stops_the_chapter(tables, cutoff):
    stances = tables["stances"].copy()
    row = stances.index[(stances["state"] == "TJK")
                        & (stances["issue"] == "recognize_abkhazia_south_ossetia")][0]
    stances.loc[row, "alignment"] = "aligned"
    with raises_guard("recognitions_none_but_russia"):
        divisions.facts({**tables, "stances": stances}, cutoff)


def test_a_2025_vote_with_russia_by_a_member_stops_the_chapter(tables, cutoff):
    """Regression: "In 2025 no member but Belarus cast a single vote as Russia did" rests on the
    complete record of 2025; one such vote in the data stops the build."""
    un_votes = tables["un_votes"].copy()
    row = (un_votes["resolution"] == "A/RES/ES-11/9") & (un_votes["state"] == "KAZ")
    un_votes.loc[row, "vote"] = "no"
    v = divisions.values({**tables, "un_votes": un_votes}, cutoff)
    guard = next(g for g in divisions.GUARDS if g.name == "only_belarus_in_the_last_year")
    with raises_guard(guard):
        guard.check(v)


def test_a_new_absence_from_a_summit_stops_the_chapter(tables, cutoff):
    attendance = tables["summit_attendance"].copy()
    row = (attendance["session_id"] == "CSC-2019-11-28") & (attendance["state"] == "KAZ")
    attendance.loc[row, "attended"] = "absent"
    with raises_guard("absences_by_belarus_uzbekistan_armenia"):
        divisions.facts({**tables, "summit_attendance": attendance}, cutoff)


def test_followed_puts_russia_first(tables):
    states = followed(tables["memberships"])
    assert states[0] == "RUS" and states[1:] == sorted(states[1:])
