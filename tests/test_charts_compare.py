"""The comparison charts: growth with its annotated events, concentration panels, clause use."""

from __future__ import annotations

import pandas as pd
from matplotlib.colors import to_hex

from analysis.charts.compare import (
    GROWTH_EVENTS,
    clause_use_chart,
    concentration_panels,
    growth_chart,
)
from analysis.charts.language import chart_problems
from analysis.charts.style import ALLIANCE_STYLE
from analysis.measures import burden, compare
from analysis.measures import growth as growth_measures
from tests.helpers.alliances import (
    REQUESTS,
    RESPONSES,
    capabilities,
    memberships,
)
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture


def test_growth_chart_data_marks_each_annotated_event():
    m = memberships(("AAA", "CSTO", "member", "2003-09-18", None),
                    ("BBB", "CSTO", "member", "2003-09-18", "2012-12-19"))
    growth = growth_measures.membership_growth(m, "2013-12-31", ["CSTO"], "2011-01-01")
    event = {"organization": "CSTO", "date": "2012-12-19", "label": "BBB leaves",
             "offset": (0, 10)}
    chart = growth_chart(growth, events=[event])
    assert chart.data.loc[chart.data["event"].notna(), "date"].tolist() == [
        pd.Timestamp("2012-12-31")]
    assert chart.figure.axes[0].get_title(loc="left")
    assert chart_problems(chart.figure) == []


def test_concentration_panels_draw_one_bar_per_alliance_and_panel():
    m = memberships(("KAZ", "CSTO", "member", "2003-09-18", None),
                    ("USA", "NATO", "member", "1949-08-24", None))
    caps = capabilities(("KAZ", 2020, "active_personnel", 70, "persons"),
                        ("KAZ", 2025, "csto_budget_share", 30, "percent"))
    chart = concentration_panels(burden.largest_member_shares(m, caps, "2026-11-23"))
    assert len(chart.data) == 4
    assert chart.data["partial"].tolist() == [False, False, True, True]
    assert chart_problems(chart.figure) == []


def test_concentration_panels_name_each_alliance_in_its_colour():
    m = memberships(("KAZ", "CSTO", "member", "2003-09-18", None),
                    ("USA", "NATO", "member", "1949-08-24", None))
    caps = capabilities(("KAZ", 2020, "active_personnel", 70, "persons"),
                        ("USA", 2020, "active_personnel", 90, "persons"))
    chart = concentration_panels(burden.largest_member_shares(m, caps, "2026-11-23"))
    for ax in chart.figure.axes:
        named = {label.get_text().split("\n")[0]: to_hex(label.get_color())
                 for label in ax.get_xticklabels()}
        assert named == {org: to_hex(ALLIANCE_STYLE[org]["color"]) for org in ("CSTO", "NATO")}


def test_clause_use_chart_segments_add_up_to_the_occasions():
    uses = compare.clause_invocations(REQUESTS, RESPONSES)
    chart = clause_use_chart(uses)
    assert chart.data["occasions"].sum() == len(uses)
    assert chart_problems(chart.figure) == []


def test_growth_chart_events_are_dates_in_the_membership_table(tables):
    m = tables["memberships"]
    for event in GROWTH_EVENTS:
        bodies = ["CST", "CSTO"] if event["organization"] == "CSTO" else ["NATO"]
        rows = m[m["organization"].isin(bodies)]
        days = set(rows["start"]) | set(rows["end"].dropna())
        assert pd.Timestamp(event["date"]) in days, event["label"]
