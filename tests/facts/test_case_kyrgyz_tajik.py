"""The case of Central Asia after 2021: its guards hold on the data and fail when a sentence about
the Kyrgyz-Tajik clashes, the Afghan border programme, China or Uzbekistan would be false; its
figure reads cleanly and labels each record once."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.publish.facts import case_kyrgyz_tajik

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
    with_item,
)


def _cell(v, name, row, column, value):
    return altered(v, **{name: with_cell(getattr(v, name), row, column, value)})


def _arms(v, period, supplier, share):
    a = v.arms.copy()
    rows = (a["period"] == period) & (a["supplier"] == supplier)
    if rows.any():
        a.loc[rows, "share"] = share
    else:
        a = pd.concat([a, pd.DataFrame([{"period": period, "supplier": supplier,
                                          "tiv_million": 1.0, "share": share}])],
                      ignore_index=True)
    return altered(v, arms=a)


def _more_chinese_arms_for_kazakhstan(v):
    raw = v.arms_raw.copy()
    row = raw.index[(raw["supplier"] == "CHN") & (raw["recipient"] == "KAZ")][0]
    raw.loc[row, "tiv_million"] = 500.0
    return altered(v, arms_raw=raw)


BREAKS = {
    "neither_asked": lambda v: altered(v, between=with_cell(
        v.between, v.between.index[0], "request_made", "yes")),
    "nothing_but_words": lambda v: altered(v, answers=with_cell(
        v.answers, v.answers.index[0], "level", "mission")),
    "kyrgyzstan_called_off_the_exercise": lambda v: altered(v, cancelled=with_item(
        v.cancelled, "host", "TJK")),
    "the_csto_welcomed_the_treaty_the_same_day": lambda v: altered(v, records=with_cell(
        v.records, "events:E527", "kind", "summit")),
    "the_2022_war_was_deadlier": lambda v: _cell(v, "numbers", "Q052", "value", 40.0),
    "the_evacuation_counts_disagree": lambda v: _cell(v, "numbers", "Q058", "value", 120000.0),
    "the_sochi_decision_answered_a_tajik_request_and_little_arrived": lambda v: _cell(
        v, "responses", "CSTO-2013-TJK-R1", "description", "Aid delivered in full."),
    "the_2021_request_drew_a_visit_talks_and_a_programme": lambda v: _cell(
        v, "responses", "CSTO-2021-TJK-R1", "level", "deployment"),
    "russia_delivered_on_its_own": lambda v: _cell(
        v, "responses", "CSTO-2021-TJK-R6", "responder", "alliance"),
    "the_programme_took_more_than_a_decade": lambda v: _cell(
        v, "events", "E846", "date", pd.Timestamp("2020-01-01")),
    "tajikistan_the_only_member_bordering_afghanistan": lambda v: altered(
        v, members_at_c5=v.members_at_c5 | {"UZB"}),
    "the_programme_was_still_in_its_first_stage": lambda v: _cell(
        v, "events", "E903", "description", "Deliveries completed"),
    "a_chinese_post_in_murghab": lambda v: _cell(v, "bases", "B29", "operator", "RUS"),
    "ishkashim_base_paid_by_china": lambda v: _cell(
        v, "events", "E849", "description", "Tajikistan builds a base"),
    "russia_still_the_main_supplier": lambda v: _arms(v, "2020-23", "RUS", 0.3),
    "china_sent_nothing_in_the_last_period": lambda v: _arms(v, "2020-23", "CHN", 0.1),
    "three_members_signed_with_china": lambda v: altered(
        v, members_at_c5=v.members_at_c5 | {"UZB"}),
    "the_xian_summit_came_first": lambda v: _cell(
        v, "events", "E900", "date", pd.Timestamp("2025-07-01")),
    "uzbekistan_bars_blocs": lambda v: _cell(
        v, "events", "E851", "description", "A foreign-policy concept"),
    "uzbekistan_announced_then_suspended": lambda v: _cell(
        v, "events", "E027", "type", "withdrawal"),
    "uzbekistan_left_twice": lambda v: _cell(v, "events", "E008", "states", "AZE;GEO"),
    "deliveries_promised_for_the_following_year": lambda v: _cell(
        v, "sources", case_kyrgyz_tajik.SG_ON_DELIVERIES, "published", "2026-05-21"),
    "uzbekistan_keeps_out": lambda v: _cell(
        v, "events", "E854", "description", "A new doctrine"),
    "uzbekistan_took_the_largest_chinese_delivery": _more_chinese_arms_for_kazakhstan,
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(case_kyrgyz_tajik, BREAKS) == []


@pytest.mark.parametrize("guard", case_kyrgyz_tajik.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(case_kyrgyz_tajik))


@pytest.mark.parametrize("guard", case_kyrgyz_tajik.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(case_kyrgyz_tajik)))


def test_a_request_by_either_side_stops_the_case(tables, cutoff):
    requests = tables["requests"].copy()
    requests.loc[requests["request_id"] == "CSTO-2022-KGZ-2", "request_made"] = "yes"
    with raises_guard("neither_asked"):
        case_kyrgyz_tajik.facts({**tables, "requests": requests}, cutoff)


def test_every_named_day_is_a_record_of_the_case(values_of):
    records = set(values_of(case_kyrgyz_tajik).records.index)
    assert sorted(set(case_kyrgyz_tajik.DAYS.values()) - records) == []


def test_the_figure_labels_each_record_once(figures_of):
    chart = figures_of(case_kyrgyz_tajik)["fig-case-kyrgyz-tajik"]
    assert not chart.data["label"].duplicated().any()
    assert not chart.data["record"].duplicated().any()
