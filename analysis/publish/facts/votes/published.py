"""The votes chapter's check of our count against the published scores (``book/votes.md``,
"Checking our count against the published scores")."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, bsv_difference_chart
from ....charts.votes import finding_title
from ....measures import roll_calls as rc
from ... import book
from ..checks import Guard


def values(base: SimpleNamespace, tables: dict[str, pd.DataFrame]) -> SimpleNamespace:
    """Our count beside the published scores, state by session (``check``), the published
    scores by state and session (``by_cell``), and the NATO median without Turkey
    (``without_turkey``, by year)."""
    series = base.series
    without = rc.group_reference(series[series["state"] != "TUR"], tables["memberships"])
    return SimpleNamespace(
        check=rc.bsv_comparison(base.ours, base.bsv),
        by_cell=base.bsv.set_index(["state", "session"]),
        without_turkey=without.set_index("year"),
    )


def _gap(v: SimpleNamespace) -> pd.Series:
    return v.check["difference"].abs()


GUARDS = (
    Guard("differences_small",
          "the median difference is ... points (small)",
          lambda v: _gap(v).median() < 0.02),
    Guard("turkey_2023_looks_wrong",
          "for the session that opened in 2023 the scores give Turkey full agreement with Russia "
          "and none with the United States",
          lambda v: v.by_cell.loc[("TUR", 78), "agree_russia"] == 1
          and v.by_cell.loc[("TUR", 78), "agree_usa"] == 0),
    Guard("turkey_lower_the_session_before",
          "after ... agreement with Russia the session before",
          lambda v: v.by_cell.loc[("TUR", 77), "agree_russia"] < 0.7),
    Guard("turkey_moves_the_median_less_than_a_point",
          "leaving it out moves the median by less than a point",
          lambda v: abs(v.nato.loc[2023, "median"] - v.without_turkey.loc[2023, "median"]) < 0.01),
)


def facts(v: SimpleNamespace, names: dict[str, str]) -> dict[str, str | int]:
    """The check's glued values (the guards checked)."""
    check, gap = v.check, _gap(v)
    exact = check.groupby("session")["difference"].apply(lambda d: d.abs().max() < 1e-6)
    worst = check.loc[gap.idxmax()]
    mine = check.loc[check["state"].isin(v.others), "difference"].abs()
    return {
        "vt_check_n": len(check),
        "vt_check_median": f"{round(gap.median() * 100, 1):.1f}",
        "vt_check_within2": book.percent((gap <= 0.02).mean()),
        "vt_check_exact": int(exact.sum()),
        "vt_check_sessions": len(exact),
        "vt_check_worst": f"{names[worst['state']]} in {int(worst['year'])}",
        "vt_check_worst_pts": str(round(abs(worst["difference"]) * 100)),
        "vt_check_csto_max": str(round(mine.max() * 100)),
        "vt_tur_before": book.percent(v.by_cell.loc[("TUR", 77), "agree_russia"]),
        "vt_nato_2023_n": int(v.nato.loc[2023, "members"]),
    }


def check_title(v: SimpleNamespace) -> str:
    """The check's title: its finding, with the numbers computed."""
    gap = _gap(v)
    return finding_title(f"Our count agrees with the published scores within two points for "
                         f"{book.percent((gap <= 0.02).mean())} of {len(v.check):,} "
                         "state-sessions", width=64)


def figures(v: SimpleNamespace, credits: dict[str, str]) -> dict[str, Chart]:
    """Our share minus the published one, state by session."""
    source = (f"{credits['ds-voeten-unvotes-2020']} (our count); "
              f"{credits['ds-bsv-idealpoints-2024']}")
    return {"fig-vt-check": bsv_difference_chart(v.check, v.others, title=check_title(v),
                                                 source=source)}
