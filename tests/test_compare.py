"""The CSTO compared with NATO: growth counts, concentration, and counting clause invocations."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures import burden, compare
from analysis.measures import growth as growth_measures
from analysis.charts.compare import (
    GROWTH_EVENTS,
    clause_use_chart,
    concentration_panels,
    growth_chart,
)
from analysis.measures.membership import members_on, status_on
from analysis.charts.style import use_house_style

# --- fixtures built like the loaded tables ---------------------------------------------------


def _frame(rows: list[dict], dates: tuple[str, ...], ints: tuple[str, ...] = (),
           floats: tuple[str, ...] = ()) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for col in frame.columns:
        if col in dates:
            frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
        elif col in ints:
            frame[col] = frame[col].astype("Int64")
        elif col in floats:
            frame[col] = frame[col].astype("float64")
        else:
            frame[col] = frame[col].astype("string")
    return frame


def memberships(*rows: tuple) -> pd.DataFrame:
    """Rows of (state, organization, status, start, end or None)."""
    return _frame(
        [{"state": s, "organization": o, "status": st_, "start": a, "end": b,
          "end_reason": None if b is None else "status_changed", "source": "x"}
         for s, o, st_, a, b in rows],
        dates=("start", "end"),
    )


def capabilities(*rows: tuple) -> pd.DataFrame:
    """Rows of (state, year, measure, value, unit)."""
    return _frame(
        [{"state": s, "year": y, "measure": m, "value": v, "unit": u, "edition": f"Ed {y}",
          "source": "x"} for s, y, m, v, u in rows],
        dates=(), ints=("year",), floats=("value",),
    )


def requests(*rows: tuple) -> pd.DataFrame:
    """Rows of (request_id, organization, crisis, requester, date, instrument, request_made)."""
    return _frame(
        [{"request_id": r, "organization": o, "crisis": c, "requester": q, "date": d,
          "date_precision": "day", "threat": "other", "instrument": i, "request_made": m,
          "ask": "help" if m == "yes" else None,
          "asked_level": "deployment" if m == "yes" else None, "source": "x"}
         for r, o, c, q, d, i, m in rows],
        dates=("date",),
    )


def responses(*rows: tuple) -> pd.DataFrame:
    """Rows of (request_id, n, level)."""
    return _frame(
        [{"response_id": f"{r}-R{n}", "request_id": r, "date": "2030-01-01", "level": lvl,
          "date_precision": "day", "troops": None, "description": "d", "source": "x"}
         for r, n, lvl in rows],
        dates=("date",), ints=("troops",),
    )


ORGANIZATIONS = _frame(
    [{"code": "CST", "name": "treaty", "kind": "military_alliance", "founded": "1992-05-15"},
     {"code": "CSTO", "name": "org", "kind": "military_alliance", "founded": "2002-10-07"},
     {"code": "NATO", "name": "nato", "kind": "military_alliance", "founded": "1949-04-04"}],
    dates=("founded",),
)


def _counts(growth: pd.DataFrame, org: str, day: str) -> pd.Series:
    return growth[(growth["organization"] == org) & (growth["date"] == day)].iloc[0]


# --- membership growth -----------------------------------------------------------------------


def test_a_state_joining_on_a_year_end_is_counted_that_year():
    m = memberships(("AAA", "NATO", "member", "1999-06-01", None),
                    ("BBB", "NATO", "member", "2000-12-31", None))
    growth = growth_measures.membership_growth(m, ["NATO"], "1999-01-01", "2000-12-31")
    # 1999-12-31: AAA only; 2000-12-31: AAA and BBB (BBB's first day counts).
    assert growth["members"].tolist() == [1, 2]


def test_a_state_leaving_on_a_year_end_is_not_counted_that_year():
    m = memberships(("AAA", "NATO", "member", "1999-06-01", None),
                    ("CCC", "NATO", "member", "1999-06-01", "2000-12-31"))
    growth = growth_measures.membership_growth(m, ["NATO"], "1999-01-01", "2000-12-31")
    # 1999-12-31: AAA and CCC; 2000-12-31: CCC's end day is already outside.
    assert growth["members"].tolist() == [2, 1]


def test_the_end_date_is_added_when_it_is_not_a_year_end():
    m = memberships(("AAA", "NATO", "member", "1999-06-01", None))
    growth = growth_measures.membership_growth(m, ["NATO"], "1999-01-01", "2000-11-23")
    assert growth["date"].dt.strftime("%Y-%m-%d").tolist() == ["1999-12-31", "2000-11-23"]


def test_the_treaty_counts_for_the_csto_before_the_charter_entered_into_force():
    m = memberships(("AAA", "CST", "member", "1994-04-20", "2003-09-18"),
                    ("BBB", "CST", "member", "1994-04-20", "2003-09-18"),
                    ("AAA", "CSTO", "signatory", "2002-10-07", "2003-09-18"),
                    ("AAA", "CSTO", "member", "2003-09-18", None))
    growth = growth_measures.membership_growth(m, ["CSTO"], "2002-01-01", "2003-12-31")
    # End 2002: the treaty applies (two members; the charter only signed). End 2003: the CSTO.
    assert growth["body"].tolist() == ["CST", "CSTO"]
    assert growth["members"].tolist() == [2, 1]


def test_a_frozen_member_is_counted_apart_from_full_members():
    m = memberships(("AAA", "CSTO", "member", "2003-09-18", "2024-02-22"),
                    ("AAA", "CSTO", "frozen", "2024-02-22", None),
                    ("BBB", "CSTO", "member", "2003-09-18", None))
    row = _counts(growth_measures.membership_growth(m, ["CSTO"], "2024-01-01", "2024-12-31"),
                  "CSTO", "2024-12-31")
    assert (row["members"], row["suspended_or_frozen"], row["inside"]) == (1, 1, 2)


def test_a_suspended_partnership_is_not_counted_as_membership():
    m = memberships(("AAA", "NATO", "member", "1949-08-24", None),
                    ("RRR", "NATO", "partner", "1994-06-22", "2014-04-01"),
                    ("RRR", "NATO", "suspended", "2014-04-01", None))
    row = _counts(growth_measures.membership_growth(m, ["NATO"], "2014-01-01", "2014-12-31"),
                  "NATO", "2014-12-31")
    assert (row["members"], row["suspended_or_frozen"], row["inside"]) == (1, 0, 1)


def test_largest_membership_reports_when_it_was_reached_and_lost():
    m = memberships(("AAA", "CST", "member", "1994-04-20", "2003-09-18"),
                    ("BBB", "CST", "member", "1994-04-20", "1999-04-20"),
                    ("AAA", "CSTO", "member", "2003-09-18", None))
    best = growth_measures.largest_membership(m, "CSTO")
    assert best == {"members": 2, "since": pd.Timestamp("1994-04-20"),
                    "until": pd.Timestamp("1999-04-20"), "body": "CST"}


def test_states_that_left_are_former_members_not_inside_today():
    m = memberships(("AAA", "CST", "member", "1994-04-20", "2003-09-18"),
                    ("BBB", "CST", "member", "1994-04-20", "1999-04-20"),
                    ("AAA", "CSTO", "member", "2003-09-18", None),
                    ("CCC", "CSTO", "member", "2006-08-16", "2012-06-28"),
                    ("CCC", "CSTO", "suspended", "2012-06-28", "2012-12-19"))
    left = growth_measures.states_that_left(m, "CSTO", "2026-11-23")
    assert left["state"].tolist() == ["BBB", "CCC"]
    assert left["left"].dt.strftime("%Y-%m-%d").tolist() == ["1999-04-20", "2012-12-19"]


# --- concentration ---------------------------------------------------------------------------


def test_concentration_of_50_30_20_gives_half_and_hhi_038():
    caps = capabilities(("AAA", 2020, "active_personnel", 50, "persons"),
                        ("BBB", 2020, "active_personnel", 30, "persons"),
                        ("CCC", 2020, "active_personnel", 20, "persons"))
    row = burden.concentration(caps, "active_personnel", ["AAA", "BBB", "CCC"]).iloc[0]
    # 0.5^2 + 0.3^2 + 0.2^2 = 0.25 + 0.09 + 0.04
    assert row["largest_state"] == "AAA"
    assert row["largest_share"] == pytest.approx(0.5)
    assert row["hhi"] == pytest.approx(0.38)


def test_concentration_is_computed_over_states_with_data_only():
    caps = capabilities(("AAA", 2020, "active_personnel", 60, "persons"),
                        ("BBB", 2020, "active_personnel", 40, "persons"))
    row = burden.concentration(caps, "active_personnel", ["AAA", "BBB", "CCC", "DDD"]).iloc[0]
    assert (row["n_with_data"], row["n_states"]) == (2, 4)
    assert row["largest_share"] == pytest.approx(0.6)


def test_budget_shares_in_percent_are_taken_as_shares_of_the_whole_budget():
    caps = capabilities(("AAA", 2025, "csto_budget_share", 50, "percent"),
                        ("BBB", 2025, "csto_budget_share", 10, "percent"))
    row = burden.concentration(caps, "csto_budget_share", ["AAA", "BBB", "CCC"]).iloc[0]
    # 50% of the whole budget, not 50 / (50 + 10); HHI over the known shares: 0.25 + 0.01.
    assert row["largest_share"] == pytest.approx(0.5)
    assert row["hhi"] == pytest.approx(0.26)


def test_budget_shares_of_different_years_are_not_mixed():
    caps = capabilities(("AAA", 2006, "csto_budget_share", 50, "percent"),
                        ("BBB", 2006, "csto_budget_share", 30, "percent"),
                        ("AAA", 2025, "csto_budget_share", 40, "percent"))
    row = burden.concentration(caps, "csto_budget_share", ["AAA", "BBB"]).iloc[0]
    assert (row["year_min"], row["year_max"], row["n_with_data"]) == (2025, 2025, 1)


def test_without_a_year_each_state_contributes_its_latest_figure():
    caps = capabilities(("AAA", 2018, "active_personnel", 10, "persons"),
                        ("AAA", 2020, "active_personnel", 30, "persons"),
                        ("BBB", 2019, "active_personnel", 10, "persons"))
    row = burden.concentration(caps, "active_personnel", ["AAA", "BBB"]).iloc[0]
    # AAA 30 (2020) and BBB 10 (2019): AAA holds 30 / 40.
    assert row["largest_share"] == pytest.approx(0.75)
    assert (row["year_min"], row["year_max"]) == (2019, 2020)


def test_a_given_year_selects_that_year_only():
    caps = capabilities(("AAA", 2018, "active_personnel", 10, "persons"),
                        ("AAA", 2020, "active_personnel", 30, "persons"),
                        ("BBB", 2018, "active_personnel", 30, "persons"))
    row = burden.concentration(caps, "active_personnel", ["AAA", "BBB"], year=2018).iloc[0]
    assert row["largest_state"] == "BBB"
    assert row["largest_share"] == pytest.approx(0.75)


def test_concentration_without_data_says_so():
    caps = capabilities(("AAA", 2020, "active_personnel", 10, "persons"))
    row = burden.concentration(caps, "active_personnel", ["XXX", "YYY"]).iloc[0]
    assert (row["n_with_data"], row["n_states"]) == (0, 2)
    assert math.isnan(row["largest_share"]) and math.isnan(row["hhi"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=1, max_value=1e6, allow_nan=False), min_size=1, max_size=12))
def test_hhi_lies_between_one_over_n_and_one(values):
    states = [f"S{i:02d}" for i in range(len(values))]
    caps = capabilities(*[(s, 2020, "active_personnel", v, "persons")
                          for s, v in zip(states, values)])
    row = burden.concentration(caps, "active_personnel", states).iloc[0]
    n = len(values)
    assert 1 / n - 1e-9 <= row["hhi"] <= 1 + 1e-9
    assert row["largest_share"] >= 1 / n - 1e-9


# --- clause invocations and the side-by-side table --------------------------------------------

REQUESTS = requests(
    ("CSTO-1", "CSTO", "unrest", "KAZ", "2022-01-05", "Article 4", "yes"),
    ("CSTO-2", "CSTO", "attack", "ARM", "2022-09-13", "Article 4", "yes"),
    ("CSTO-3", "CSTO", "clash", "ARM", "2021-05-13", "Article 2 consultations", "yes"),
    ("CSTO-4", "CSTO", "riots", "KGZ", "2020-10-05", "none", "no"),
    ("NATO-1", "NATO", "9/11", "USA", "2001-09-12", "Article 5", "yes"),
    ("NATO-2", "NATO", "invasion", "POL", "2022-02-24", "Article 4", "yes"),
    ("NATO-3", "NATO", "invasion", "EST", "2022-02-24", "Article 4", "yes"),
    ("NATO-4", "NATO", "missile", "POL", "2022-11-15", "none (Article 4 considered, not invoked)",
     "no"),
)
RESPONSES = responses(
    ("CSTO-1", 1, "deployment"), ("CSTO-1", 2, "consultation"),
    ("CSTO-2", 1, "consultation"), ("CSTO-2", 2, "mission"),
    ("CSTO-3", 1, "statement"),
    ("NATO-1", 1, "consultation"), ("NATO-1", 2, "deployment"),
    ("NATO-2", 1, "consultation"), ("NATO-3", 1, "consultation"), ("NATO-3", 2, "deployment"),
)


def test_a_joint_request_of_several_members_is_one_occasion():
    uses = compare.clause_invocations(REQUESTS, RESPONSES)
    nato = uses[(uses["organization"] == "NATO") & (uses["clause"] == "consultation")]
    assert nato["request_ids"].tolist() == ["NATO-2;NATO-3"]
    assert nato["n_requests"].tolist() == [2]


def test_an_occasion_takes_the_highest_response_over_its_requests():
    uses = compare.clause_invocations(REQUESTS, RESPONSES)
    joint = uses[uses["request_ids"] == "NATO-2;NATO-3"]
    # NATO-2 got consultation only, NATO-3 a deployment: the occasion drew a deployment.
    assert joint["outcome"].tolist() == ["deployment"]


def test_a_clause_considered_but_not_invoked_is_not_counted():
    uses = compare.clause_invocations(REQUESTS, RESPONSES)
    assert "NATO-4" not in ";".join(uses["request_ids"])


def _fixture_table() -> pd.DataFrame:
    m = memberships(("KAZ", "CSTO", "member", "2003-09-18", None),
                    ("ARM", "CSTO", "member", "2003-09-18", None),
                    ("USA", "NATO", "member", "1949-08-24", None))
    caps = capabilities(("KAZ", 2020, "active_personnel", 70, "persons"))
    return compare.side_by_side(m, ORGANIZATIONS, REQUESTS, RESPONSES, caps).set_index("measure")


def test_side_by_side_counts_collective_defence_invocations():
    table = _fixture_table()
    # CSTO: Article 4 in January and September 2022; NATO: Article 5 once (Article 4 is
    # consultation for NATO and is not counted here).
    assert table.loc["collective-defence clause invoked", ["CSTO", "NATO"]].tolist() == [2, 1]


def test_side_by_side_counts_invocations_answered_with_troops():
    table = _fixture_table()
    # CSTO-1 drew a deployment, CSTO-2 at most a mission; NATO-1 a deployment.
    assert table.loc["invocations answered with troops", ["CSTO", "NATO"]].tolist() == [1, 1]


def test_side_by_side_counts_consultation_requests_by_occasion():
    table = _fixture_table()
    # CSTO: one Article 2 request; NATO: the joint Article 4 request of two allies, once.
    assert table.loc["consultation requests", ["CSTO", "NATO"]].tolist() == [1, 1]


def test_side_by_side_keeps_a_unit_and_a_note_for_every_measure():
    table = _fixture_table()
    assert list(table.columns) == ["CSTO", "NATO", "unit", "note"]
    assert table["unit"].notna().all()
    assert "1 of 2 members with data" in table.loc["largest member's share of active personnel",
                                                   "note"]


# --- charts ----------------------------------------------------------------------------------


@pytest.fixture
def house_style():
    use_house_style()
    yield
    plt.close("all")


def test_growth_chart_data_marks_each_annotated_event(house_style):
    m = memberships(("AAA", "CSTO", "member", "2003-09-18", None),
                    ("BBB", "CSTO", "member", "2003-09-18", "2012-12-19"))
    growth = growth_measures.membership_growth(m, ["CSTO"], "2011-01-01", "2013-12-31")
    event = {"organization": "CSTO", "date": "2012-12-19", "label": "BBB leaves",
             "offset": (0, 10)}
    chart = growth_chart(growth, events=[event])
    assert chart.data.loc[chart.data["event"].notna(), "date"].tolist() == [
        pd.Timestamp("2012-12-31")]
    assert chart.figure.axes[0].get_title(loc="left")


def test_concentration_panels_draw_one_bar_per_alliance_and_panel(house_style):
    m = memberships(("KAZ", "CSTO", "member", "2003-09-18", None),
                    ("USA", "NATO", "member", "1949-08-24", None))
    caps = capabilities(("KAZ", 2020, "active_personnel", 70, "persons"),
                        ("KAZ", 2025, "csto_budget_share", 30, "percent"))
    chart = concentration_panels(burden.largest_member_shares(m, caps))
    assert len(chart.data) == 4
    assert chart.data["partial"].tolist() == [False, False, True, True]


def test_clause_use_chart_segments_add_up_to_the_occasions(house_style):
    uses = compare.clause_invocations(REQUESTS, RESPONSES)
    chart = clause_use_chart(uses)
    assert chart.data["occasions"].sum() == len(uses)


# --- real data -------------------------------------------------------------------------------

AS_OF = "2026-11-23"


def test_real_nato_members_today_match_the_membership_table(tables):
    m = tables["memberships"]
    table = compare.side_by_side(m, tables["organizations"], tables["requests"],
                                 tables["responses"], tables["capabilities"], AS_OF)
    members_today = table.set_index("measure").loc["members today", "NATO"]
    assert members_today == len(members_on(m, AS_OF, "NATO")) == 32


def test_real_csto_has_five_members_and_frozen_armenia(tables):
    m = tables["memberships"]
    inside = growth_measures.states_inside(m, "CSTO", AS_OF)
    now = status_on(m, AS_OF)
    csto = now[(now["organization"] == "CSTO") & (now["status"].isin(["member", "frozen"]))]
    assert sorted(inside["state"]) == sorted(csto["state"])
    assert len(inside) == 6
    assert inside.loc[inside["status"] != "member", "state"].tolist() == ["ARM"]


def test_real_growth_has_one_row_per_alliance_and_date(tables):
    growth = growth_measures.membership_growth(tables["memberships"])
    assert not growth.duplicated(["organization", "date"]).any()
    assert (growth["members"] <= growth["inside"]).all()


def test_real_requests_fall_in_at_most_one_occasion_per_clause(tables):
    uses = compare.clause_invocations(tables["requests"], tables["responses"])
    ids = [r for cell in uses["request_ids"] for r in cell.split(";")]
    assert len(ids) == len(set(ids))
    assert set(ids) <= set(tables["requests"]["request_id"])


def test_growth_chart_events_are_dates_in_the_membership_table(tables):
    m = tables["memberships"]
    for event in GROWTH_EVENTS:
        bodies = ["CST", "CSTO"] if event["organization"] == "CSTO" else ["NATO"]
        rows = m[m["organization"].isin(bodies)]
        days = set(rows["start"]) | set(rows["end"].dropna())
        assert pd.Timestamp(event["date"]) in days, event["label"]
