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
