"""The institutions' timeline chart."""

from __future__ import annotations

import pandas as pd

from analysis.charts import budget_shares_chart, institutions_timeline
from analysis.charts.layout import layout_problems
from analysis.measures import institutions
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture
from tests.helpers.institutions import forces_table, holder_rows


def test_the_timeline_chart_draws_one_mark_per_term_and_per_force():
    chart = institutions_timeline(holder_rows(), forces_table(), pd.DataFrame(), "2021-03-03")
    assert (chart.data["panel"] == "secretariat").sum() == 3
    assert chart.data.loc[chart.data["panel"] == "forces", "label"].tolist() == ["KAZ–RUS", "KSOR"]
    assert chart.data["end"].max() == pd.Timestamp("2021-03-03")


def test_the_timeline_chart_reads_cleanly_and_names_each_force():
    chart = institutions_timeline(holder_rows(), forces_table(), pd.DataFrame(
        {"iso3": ["KAZ", "RUS"], "name": ["Kazakhstan", "Russia"]}), "2021-03-03",
        title="A finding")
    labels = [t.get_text() for t in chart.figure.axes[1].get_yticklabels()]
    assert labels == ["Kazakhstan–Russia air-defence system, 2001",
                      "Rapid reaction forces (KSOR), 2009"]
    assert chart.figure.get_suptitle() == "A finding"
    assert layout_problems(chart.figure) == []


def test_the_budget_chart_draws_every_share_and_names_the_rest():
    capabilities = pd.DataFrame({
        "state": ["RUS", "ARM"], "year": [2025, 2025], "measure": ["csto_budget_share"] * 2,
        "value": [50.0, 10.0], "unit": ["percent"] * 2, "edition": ["x", "x"],
        "source": ["s1", "s1"]})
    scales = institutions.budget_scales(capabilities, {2025: ["ARM", "BLR", "KAZ", "RUS"]},
                                        {2025: "The budget"})
    assert scales[["payers", "share", "stated"]].values.tolist() == [
        ["RUS", 50.0, True], ["ARM", 10.0, True], ["BLR;KAZ", 40.0, False]]
    chart = budget_shares_chart(scales, {"RUS": "Russia", "ARM": "Armenia", "BLR": "Belarus",
                                         "KAZ": "Kazakhstan"}, "Russia pays half", "a source")
    assert chart.data["label"].tolist() == ["Russia 50%", "Armenia 10%",
                                            "Belarus and Kazakhstan together 40%"]
    assert layout_problems(chart.figure) == []
