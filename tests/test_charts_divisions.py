"""The division charts: the alignment grid and acts of defiance (and every division chart on the
real tables)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.charts import (
    Chart,
    agreement_with_russia_lines,
    alignment_grid,
    attendance_chart,
    defiance_scale_chart,
    vote_heatmap,
)
from analysis.charts.layout import layout_problems
from analysis.measures import defiance, divisions
from analysis.measures import votes as vote_measures
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture
from tests.helpers.votes import (
    CSTO,
    as_strings,
    make_events,
    make_memberships,
    make_resolutions,
    make_stances,
    make_votes,
)


@pytest.fixture
def votes() -> pd.DataFrame:
    return make_votes([
        ("R1", "RUS", "no"), ("R1", "ARM", "no"), ("R1", "KAZ", "abstain"),
        ("R2", "RUS", "no"), ("R2", "ARM", "abstain"), ("R2", "KAZ", "abstain"),
        ("R3", "RUS", "no"), ("R3", "ARM", "absent"), ("R3", "KAZ", "no"),
        ("R4", "RUS", "no"), ("R4", "ARM", "abstain"),
    ])


@pytest.fixture
def resolutions() -> pd.DataFrame:
    # Deliberately not in date order.
    return make_resolutions([("R3", "2022-04-07"), ("R1", "2014-03-27"), ("R4", "2025-02-24"),
                             ("R2", "2022-03-02")])


@pytest.fixture
def stances() -> pd.DataFrame:
    return make_stances([
        ("S001", "RUS", "recognize_crimea_annexation", "aligned", "2014-03-18"),
        ("S002", "ARM", "recognize_crimea_annexation", "aligned", "2014-03-27"),
        ("S003", "ARM", "other", "aligned", "2022-11-23"),
        ("S004", "ARM", "other", "opposed", "2024-02-22"),
        ("S005", "KAZ", "recognize_crimea_annexation", "hedging", "2014-03-27"),
        ("S006", "KAZ", "sanctions_compliance", "hedging", "2023-09-28"),
        ("S007", "KAZ", "sanctions_compliance", "opposed", "2023-09-28"),
    ])


@pytest.fixture
def events() -> pd.DataFrame:
    return make_events([
        ("E001", "1992-05-15", "treaty_signed", "CSTO", "ARM;KAZ;RUS"),
        ("E002", "2022-11-23", "declaration_refused", "CSTO", "ARM;BLR"),
        ("E003", "2023-11-23", "summit_boycott", "CSTO", "ARM"),
        ("E004", "2024-02-22", "freeze", "CSTO", "ARM"),
        ("E005", "2024-06-01", "summit", "CSTO", "ARM"),
        ("E006", "2020-01-01", "summit_boycott", "GUAM", "AZE"),
    ])


@pytest.fixture
def memberships() -> pd.DataFrame:
    return make_memberships([
        ("ARM", "CSTO", "member", "2003-09-18", "2024-02-22", "status_changed"),
        ("ARM", "CSTO", "frozen", "2024-02-22", None, None),
        ("UZB", "CSTO", "suspended", "2012-06-28", "2012-12-19", "withdrew"),
        ("GEO", "CIS", "withdrawing", "2008-08-18", "2009-08-18", "withdrew"),
        ("ARM", "EU", "partner", "2009-05-07", None, None),
        ("ARM", "CST", "member", "1994-04-20", "2003-09-18", "superseded"),
    ])


@pytest.fixture
def states_table() -> pd.DataFrame:
    frame = pd.DataFrame({"iso3": ["RUS", "ARM", "KAZ", "BLR", "UZB"],
                          "name": ["Russia", "Armenia", "Kazakhstan", "Belarus", "Uzbekistan"]})
    frame["iso_numeric"] = pd.array([643, 51, 398, 112, 860], dtype="Int64")
    frame["region"] = "post_soviet"
    frame["source"] = "src"
    return as_strings(frame, ["iso3", "name", "region", "source"])


def test_alignment_grid_has_one_mark_per_cell(stances, states_table):
    chart = alignment_grid(divisions.alignment_matrix(stances), states_table)
    assert len(chart.data) == 3 * 3
    assert chart.data["alignment"].isna().sum() == 4  # 5 of the 9 cells have a stance


def test_alignment_grid_shows_readers_words_not_codes(stances, states_table):
    chart = alignment_grid(divisions.alignment_matrix(stances), states_table)
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert not any("_" in label for label in labels)
    assert any("Crimea" in label for label in labels)
    assert layout_problems(chart.figure) == []


def test_defiance_scale_chart_prints_each_level_and_greys_years_outside(
        events, memberships, states_table):
    attendance = pd.DataFrame(columns=["session_id", "date", "state", "attended", "city"])
    acts = defiance.defiance_scale_acts(events, memberships, attendance)
    levels = defiance.defiance_levels(acts, memberships, 2026)
    chart = defiance_scale_chart(levels, ["ARM", "UZB"], (2020, 2026), states_table,
                                 title="A finding")
    cells = chart.data.set_index(["state", "year"])["level"]
    assert cells[("ARM", 2022)] == 3 and cells[("ARM", 2025)] == 4
    assert pd.isna(cells[("UZB", 2020)])  # not a member that year
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert texts.count("4") == 3 and "3" in texts and "0" not in texts
    legend = [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]
    assert legend[:6] == [f"{level} {name}" for level, (name, _) in
                          sorted(defiance.DEFIANCE_LEVELS.items())]
    assert layout_problems(chart.figure) == []


def test_attendance_chart_letters_every_known_cell(states_table):
    rows = pd.DataFrame({
        "session_id": ["CSC-2009-06-14", "CSC-2009-06-14", "CSC-2022-01-10-video-extraordinary"],
        "date": pd.to_datetime(["2009-06-14", "2009-06-14", "2022-01-10"]),
        "city": ["Moscow", "Moscow", "videoconference"],
        "state": ["BLR", "ARM", "ARM"], "attended": ["absent", "unknown", "head_of_state"]})
    chart = attendance_chart(defiance.attendance_matrix(rows, ["ARM", "BLR"]), states_table,
                             title="A finding")
    letters = [t.get_text() for t in chart.figure.axes[0].texts]
    assert sorted(letters) == ["?", "A", "H"]  # Belarus in 2022: not a member here, no cell
    labels = chart.data.drop_duplicates("row")["label"].tolist()
    assert labels == ["2009-06 Moscow", "2022-01 by video (extraordinary)"]
    assert layout_problems(chart.figure) == []


def test_real_charts_return_their_data(tables):
    states = tables["states"]
    votes, resolutions = tables["un_votes"], tables["un_resolutions"]
    charts = [
        vote_heatmap(vote_measures.vote_matrix(votes, CSTO, resolutions), states),
        agreement_with_russia_lines(
            vote_measures.agreement_with_over_time(votes, resolutions, states=CSTO), states),
    ]
    for chart in charts:
        assert isinstance(chart, Chart)
        assert len(chart.data) > 0
        assert any(t.get_text().startswith("Source:") for t in chart.figure.texts)
