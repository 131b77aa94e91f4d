"""The exercise record: absent members and cancelled exercises."""

from __future__ import annotations

import pandas as pd

from analysis.measures import exercises
from tests.helpers.capabilities import exercise_rows, memberships


def test_exercise_record_names_absent_members_and_cancellations():
    table = memberships(("AAA", "CSTO", "member", "1999-01-01", None),
                        ("BBB", "CSTO", "member", "1999-01-01", None))
    ex = exercise_rows(("X1", "Drill-2001", "2001-05-01", "AAA", "AAA", 500),
                    ("X2", "Drill-2002 (cancelled by host)", "2002-05-01", "BBB", None, None),
                    ("X3", "Drill-2003", "2003-05-01", "AAA", None, 100))
    record = exercises.exercise_record(ex, table).set_index("exercise_id")
    assert record.loc["X1", "absent"] == "BBB"
    assert not record.loc["X2", "held"] and pd.isna(record.loc["X2", "absent"])
    assert pd.isna(record.loc["X3", "absent"])  # participants unknown: no one counted absent
    shows = exercises.no_shows(record.reset_index())
    assert shows[["exercise_id", "state"]].values.tolist() == [["X1", "BBB"]]


def test_series_names_split_joined_and_umbrella_rows_and_ignore_comments():
    assert exercises.series_names("Interaction/Search/Echelon-2024") == [
        "Interaction", "Search", "Echelon"]
    assert exercises.series_names(
        "Combat Brotherhood-2021 (Interaction/Search/Echelon-2021)") == [
        "Interaction", "Search", "Echelon"]
    assert exercises.series_names("Combat Brotherhood-2017") == ["Combat Brotherhood"]
    assert exercises.series_names("Interaction-2009 (CRRF exercise at Matybulak)") == [
        "Interaction"]
    assert exercises.series_names("CSTO strategic command-staff exercise 2025") == [
        "Strategic command-staff"]
    assert exercises.series_names("Indestructible Brotherhood/Barrier-2025") == [
        "Indestructible Brotherhood", "Barrier"]


def test_an_unknown_series_is_an_error_not_a_guess():
    import pytest

    with pytest.raises(ValueError):
        exercises.series_names("Zapad-2021")


def test_exercises_by_series_leave_out_cancelled_exercises():
    table = memberships(("AAA", "CSTO", "member", "1999-01-01", None))
    ex = exercise_rows(("X1", "Rubezh-2001", "2001-05-01", "AAA", "AAA", 500),
                       ("X2", "Interaction/Search-2001", "2001-06-01", "AAA", "AAA", None),
                       ("X3", "Rubezh-2002 (cancelled by host)", "2002-05-01", "AAA", None,
                        None))
    out = exercises.exercises_by_series(exercises.exercise_record(ex, table))
    assert out.values.tolist() == [[2001, "Rubezh", 1], [2001, "Interaction", 1],
                                   [2001, "Search", 1]]


def test_the_series_chart_reads_cleanly():
    from analysis.charts import exercise_series_chart
    from analysis.charts.layout import layout_problems
    from analysis.charts.style import use_house_style

    use_house_style()
    counts = pd.DataFrame({"year": [2001, 2001, 2003], "series": ["Rubezh", "Search", "Rubezh"],
                           "exercises": [1, 2, 1]})
    chart = exercise_series_chart(counts, exercises.SERIES, "A finding")
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert "2" in texts and "in all" in texts
    assert layout_problems(chart.figure) == []
