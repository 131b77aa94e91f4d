"""The charts of the hand-coded votes: the vote heatmap and agreement lines."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.charts import (
    Chart,
    agreement_with_russia_lines,
    vote_heatmap,
)
from analysis.measures import votes as vote_measures
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture
from tests.helpers.votes import (
    as_strings,
    make_resolutions,
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
def states_table() -> pd.DataFrame:
    frame = pd.DataFrame({"iso3": ["RUS", "ARM", "KAZ", "BLR", "UZB"],
                          "name": ["Russia", "Armenia", "Kazakhstan", "Belarus", "Uzbekistan"]})
    frame["iso_numeric"] = pd.array([643, 51, 398, 112, 860], dtype="Int64")
    frame["region"] = "post_soviet"
    frame["source"] = "src"
    return as_strings(frame, ["iso3", "name", "region", "source"])


def test_vote_heatmap_writes_a_letter_in_every_cell(votes, resolutions, states_table):
    chart = vote_heatmap(vote_measures.vote_matrix(votes, ["RUS", "ARM", "KAZ"], resolutions),
                         states_table)
    assert isinstance(chart, Chart)
    assert len(chart.data) == 12
    cell = chart.data.set_index(["resolution", "state"])
    assert cell.loc[("R3", "ARM"), "letter"] == "–"
    assert cell.loc[("R4", "KAZ"), "letter"] == "n/r"
    assert pd.isna(cell.loc[("R4", "KAZ"), "vote"])
    drawn = [t.get_text() for t in chart.figure.axes[0].texts]
    assert drawn.count("n/r") == 1 and drawn.count("N") == 6


def test_vote_heatmap_labels_rows_with_date_and_title(votes, resolutions, states_table):
    chart = vote_heatmap(vote_measures.vote_matrix(votes, ["RUS"], resolutions), states_table)
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert labels[0] == "Mar 2014  Title of R1"


def test_vote_heatmap_reads_cleanly_and_credits_its_source(votes, resolutions, states_table):
    from analysis.charts.layout import layout_problems

    chart = vote_heatmap(vote_measures.vote_matrix(votes, ["RUS", "ARM", "KAZ"], resolutions),
                         states_table, title="A finding", source="Credit: a publisher")
    assert layout_problems(chart.figure) == []
    assert chart.figure._suptitle.get_text() == "A finding"
    assert any(t.get_text() == "Source: Credit: a publisher" for t in chart.figure.texts)


def test_agreement_lines_leave_out_the_reference_and_label_each_line(
        votes, resolutions, states_table):
    over_time = vote_measures.agreement_with_over_time(votes, resolutions, "RUS")
    chart = agreement_with_russia_lines(over_time, states_table)
    assert set(chart.data["state"]) == {"ARM", "KAZ"}
    texts = {t.get_text() for t in chart.figure.axes[0].texts}
    assert {"Armenia", "Kazakhstan"} <= texts
    assert all(line.get_marker() not in (None, "None", "") for line in chart.figure.axes[0].lines)
