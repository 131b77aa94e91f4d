"""The exercise grid chart."""

from __future__ import annotations

from analysis.charts import (
    exercise_grid_chart,
)
from analysis.measures import exercises
from tests.helpers.capabilities import exercise_rows, memberships
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture


def test_exercise_grid_marks_each_cell():
    table = memberships(("AAA", "CSTO", "member", "1999-01-01", None),
                        ("BBB", "CSTO", "member", "1999-01-01", None))
    ex = exercise_rows(("X1", "Drill-2001", "2001-05-01", "AAA", "AAA", 500),
                    ("X2", "Drill-2002 (cancelled)", "2002-05-01", "BBB", None, None))
    chart = exercise_grid_chart(exercises.exercise_record(ex, table), ["AAA", "BBB", "CCC"])
    marks = chart.data.set_index(["exercise_id", "state"])["mark"]
    assert marks[("X1", "AAA")] == "took part"
    assert marks[("X1", "BBB")] == "absent"
    assert marks[("X1", "CCC")] == "not a member"
    assert marks[("X2", "AAA")] == "member, not held"
