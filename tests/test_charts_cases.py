"""The case-timeline chart."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis.charts import Chart, annotated_timeline_chart, case_timeline_chart
from analysis.charts.layout import layout_problems
from analysis.charts.style import LEVEL_STYLE
from analysis.measures import cases, moments
from tests.helpers.cases import D
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    events = pd.DataFrame({
        "event_id": ["E1", "E2", "E3"],
        "date": [D("2020-11-10"), D("2024-02-22"), D("2023-05-25")],
        "date_precision": ["day", "day", "day"],
        "type": ["other", "freeze", "cooperation_agreement"],
        "states": ["ARM;RUS", "ARM", "BLR"],
        "description": ["ceasefire", "freeze", "nuclear deal"],
        "source": ["s1", "s2", "s3"],
    })
    requests = pd.DataFrame({
        "request_id": ["Q1", "Q2"], "date": [D("2022-09-13"), D("2021-04-29")],
        "date_precision": ["day", "day"], "crisis": ["attack", "clash"],
        "requester": ["ARM", "KGZ;TJK"], "request_made": ["yes", "no"], "source": ["s4", "s5"],
    })
    responses = pd.DataFrame({
        "response_id": ["Q1-R1", "Q2-R1"], "request_id": ["Q1", "Q2"],
        "date": [D("2022-09-15"), D("2021-04-30")], "date_precision": ["day", "day"],
        "level": ["mission", "statement"], "description": ["mission sent", "call for calm"],
        "source": ["s6", "s7"],
    })
    memberships = pd.DataFrame({
        "state": ["ARM", "ARM", "BLR"], "organization": ["CSTO", "CSTO", "CSTO"],
        "status": ["member", "frozen", "member"],
        "start": [D("2003-09-18"), D("2024-02-22"), D("2003-09-18")],
        "start_precision": ["day", "day", "day"], "source": ["s8", "s9", "s8"],
    })
    stances = pd.DataFrame({
        "stance_id": ["S1", "S2", "S3", "S4"], "state": ["ARM", "ARM", "KAZ", "KAZ"],
        "issue": ["a", "a", "a", "b"], "position": ["abstained", "froze", "abstained", "no"],
        "alignment": ["hedging", "opposed", "hedging", "opposed"],
        "date": [D("2022-03-02"), D("2024-02-22"), D("2022-03-02"), D("2022-06-17")],
        "date_precision": ["day"] * 4, "source": ["s10"] * 4,
    })
    un_votes = pd.DataFrame({"resolution": ["R1", "R2"], "state": ["ARM", "ARM"],
                             "vote": ["no", "abstain"], "source": ["s11", "s12"]})
    un_resolutions = pd.DataFrame({"resolution": ["R1", "R2"],
                                   "date": [D("2014-03-27"), D("2022-03-02")],
                                   "title": ["Crimea", "Aggression"]})
    bases = pd.DataFrame({
        "base_id": ["B1", "B2"], "host": ["ARM", "KGZ"], "operator": ["RUS", "USA"],
        "name": ["Gyumri", "Manas"], "start": [D("1994-09-01"), D("2001-12-16")],
        "start_precision": ["day", "day"], "end": [pd.NaT, D("2014-06-03")],
        "end_precision": [pd.NA, "day"], "source": ["s13", "s14"],
    })
    return {"events": events, "requests": requests, "responses": responses,
            "memberships": memberships, "stances": stances, "un_votes": un_votes,
            "un_resolutions": un_resolutions, "bases": bases}


def test_chart_rows_and_notes(tables):
    timeline = cases.case_timeline("ARM", **tables)
    chart = case_timeline_chart(timeline, "Armenia", notes={"events:E2": "freeze"})
    assert isinstance(chart, Chart)
    # seven lanes, requests at the top (y = 6) and bases at the bottom (y = 0)
    rows = chart.data.drop_duplicates("lane").set_index("lane")["y"]
    assert rows["requests"] == 6 and rows["bases"] == 0
    assert list(chart.data.loc[chart.data["note"] != "", "record"]) == ["events:E2"]
    plt.close(chart.figure)
    by_state = case_timeline_chart(cases.case_timeline(["ARM", "KAZ"], stances=tables["stances"]),
                                   "Stances", row_by="state")
    assert by_state.data.drop_duplicates("state").set_index("state")["y"].to_dict() == \
        {"ARM": 1, "KAZ": 0}
    plt.close(by_state.figure)
    with pytest.raises(KeyError, match="E9"):
        case_timeline_chart(timeline, "x", notes={"events:E9": "?"})


@pytest.fixture
def marked(tables) -> pd.DataFrame:
    responses = tables["responses"].assign(responder=["alliance", "patron"])
    return moments.case_moments([
        ("requests:Q2", "What happened", "Clash on the border"),
        ("responses:Q2-R1", "Russia", "Call for calm"),
        ("events:E1", "Russia", "Ceasefire brokered by Moscow, with a long label that wraps"),
        ("requests:Q1", "What happened", "Attack: asks for help"),
        ("responses:Q1-R1", "CSTO", "Mission sent"),
        ("events:E2", "What happened", "Freeze"),
    ], events=tables["events"].assign(date=[D("2021-06-10"), D("2024-02-22"), D("2023-05-25")]),
        requests=tables["requests"], responses=responses)


def test_annotated_timeline_draws_each_moment_in_its_column(marked):
    chart = annotated_timeline_chart(marked, "Armenia asked; the alliance sent a mission",
                                     ["What happened", "CSTO", "Russia"])
    data = chart.data
    assert list(data["label"]) == list(marked["label"])
    # Columns run left to right in the order given.
    x = data.groupby("column")["x"].first()
    assert x["What happened"] < x["CSTO"] < x["Russia"]
    # Moments run down the page in reading order; those of one day share a line.
    assert data["y"].is_monotonic_increasing
    assert data["line"].tolist() == [0, 1, 2, 3, 4, 5]
    assert "\n" in data.loc[2, "text"]
    assert layout_problems(chart.figure) == []
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert "answer: mission" in texts and "answer: statement" in texts
    assert "call for help" in texts and "what happened" in texts
    assert "answer: deployment" not in texts


def test_annotated_timeline_keys_only_what_it_draws_and_refuses_unknown_columns(marked):
    chart = annotated_timeline_chart(marked.iloc[[0, 5]], "Two moments", ["What happened"])
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert "what happened" in texts and not any(t.startswith("answer") for t in texts)
    with pytest.raises(ValueError, match="Russia"):
        annotated_timeline_chart(marked, "x", ["What happened", "CSTO"])


def test_annotated_timeline_answer_colours_come_from_the_level_style(marked):
    chart = annotated_timeline_chart(marked, "Colours", ["What happened", "CSTO", "Russia"])
    colours = {to_hex(line.get_markerfacecolor()) for line in chart.figure.axes[0].lines
               if line.get_marker() == LEVEL_STYLE["mission"]["marker"]}
    assert to_hex(LEVEL_STYLE["mission"]["color"]) in colours
