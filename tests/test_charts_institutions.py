"""The institutions' timeline chart."""

from __future__ import annotations

import pandas as pd

from analysis.charts import institutions_timeline
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture
from tests.helpers.institutions import forces_table, holder_rows


def test_the_timeline_chart_draws_one_mark_per_term_and_per_force():
    chart = institutions_timeline(holder_rows(), forces_table(), pd.DataFrame(), "2021-03-03")
    assert (chart.data["panel"] == "secretariat").sum() == 3
    assert chart.data.loc[chart.data["panel"] == "forces", "label"].tolist() == ["KAZ–RUS", "KSOR"]
    assert chart.data["end"].max() == pd.Timestamp("2021-03-03")
