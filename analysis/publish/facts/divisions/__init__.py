"""Facts of the chapter on divisions (``book/divisions.md``): the members' votes on Ukraine (the
book's one universe of them, :func:`.claims.ukraine_votes`), their stances on Moscow's causes,
their defiance of the alliance on an ordinal scale, their attendance at the Council's sessions,
and Armenia's path. The record it reads is :mod:`~analysis.publish.facts.divisions.record`, the
sentences' guards :mod:`~analysis.publish.facts.divisions.guards`; this package glues the values
and draws the figures."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, alignment_grid, attendance_chart, defiance_scale_chart, vote_heatmap
from ....charts.votes import finding_title
from ....measures import votes
from ....measures.provenance import credit_lines
from ....measures.ukraine import UNIVERSE_GAP
from ... import book
from ..checks import check_all
from .guards import GUARDS
from .record import (
    CAUSES,
    CENTRAL_ASIA,
    RECOGNITIONS,
    WAR_YEAR,
    full_house,
    known_cells,
    levels_of,
    session_absences,
    values,
    votes_cast,
)

# The names chapters, tests and other facts modules read here, as before the split.
__all__ = ["CAUSES", "CENTRAL_ASIA", "GUARDS", "RECOGNITIONS", "WAR_YEAR", "facts", "figures",
           "values"]


def _credits(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    return credit_lines(tables["origins"])


def _vote_title(v: SimpleNamespace) -> str:
    n = len(v.u_resolutions)
    return finding_title(f"On {n} votes on Ukraine, only Belarus voted as Russia did every time; "
                         "after 2022 the others abstained or stayed away")


def _stance_title(v: SimpleNamespace) -> str:
    others = v.stances.drop(index="RUS")
    hedges, recorded = int((others == 0).sum().sum()), int(others.notna().sum().sum())
    return finding_title(f"No member but Russia recognised any annexation; {hedges} of the "
                         f"others' {recorded} recorded stances are hedges")


def _defiance_title(v: SimpleNamespace) -> str:
    arm = levels_of(v, "ARM")
    return finding_title(f"Armenia climbed to level {int(arm.max())}, a freeze, in "
                         f"{int(arm.idxmax())}; between 1999 and {WAR_YEAR} no member but "
                         "Uzbekistan went beyond staying away", width=70)


def _attendance_title(v: SimpleNamespace) -> str:
    return finding_title(f"At {full_house(v)} of {len(v.attendance)} Council sessions every "
                         "member's leader is known to have come; Armenia has stayed away since "
                         "2023")


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    names = book.state_names(tables["states"])
    dates = v.u_resolutions["date"].dt.year
    known = v.cells[known_cells(v)]
    absences = session_absences(v)
    hedges = int((v.stances.drop(index="RUS") == 0).sum().sum())
    return {
        "dv_n_res": len(v.u_resolutions),
        "dv_n_before": len(v.periods["before"]),
        "dv_n_after": len(v.periods["after"]),
        "dv_first_year": str(int(dates.min())),
        "dv_last_year": str(v.last_year),
        "dv_gap": f"{UNIVERSE_GAP[0]} to {UNIVERSE_GAP[1]}",
        "dv_kaz_before": int(v.before.loc["KAZ", "same"]),
        "dv_tjk_before": book.times(int(v.before.loc["TJK", "same"])),
        "dv_tjk_absent_before": int(v.before.loc["TJK", "absent"]),
        "dv_abstain_after": int(v.after_cast["abstain"]),
        "dv_absent_after": int(v.after_cast.get("absent", 0)),
        "dv_cast_after": votes_cast(v),
        "dv_geo_against": int(v.whole.loc["GEO", "opposite"]),
        "dv_aze_absent": int(v.whole.loc["AZE", "absent"]),
        "dv_hedges": hedges,
        "dv_stances": int(v.stances.drop(index="RUS").notna().sum().sum()),
        "dv_acts": len(v.acts),
        "dv_acts_arm": int((v.acts["state"] == "ARM").sum()),
        "dv_acts_arm_since": int(((v.acts["state"] == "ARM")
                                  & (v.acts["year"] >= WAR_YEAR)).sum()),
        "dv_sessions": len(v.attendance),
        "dv_first_session": str(int(v.attendance["date"].dt.year.min())),
        "dv_known": book.percent(len(known) / len(v.cells)),
        "dv_full_house": full_house(v),
        "dv_absences": len(absences),
        "dv_heads": book.percent((known["attended"] == "head_of_state").mean()),
        "dv_absent_states": book.and_list(
            names[s] for s in sorted(set(absences["state"]))),
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: the votes on Ukraine, the stances, the defiance scale and
    the attendance at the Council's sessions."""
    v = values(tables, cutoff)
    credits = _credits(tables)
    rows = v.u_resolutions.assign(title=v.u_resolutions["short"])
    matrix = votes.vote_matrix(v.u_votes, states=v.order, resolutions=rows)
    vote_source = (f"{credits['ds-voeten-unvotes-2020']} (2016-2019); "
                   f"{credits['undl-ga-votes-2025']} (December 2025); the other rows "
                   "data/un_votes.csv, from the UN record and the press")
    members = [s for s in v.order if s != "RUS"]
    first = int(v.levels["year"].min())
    return {
        "fig-dv-votes": vote_heatmap(matrix, tables["states"], title=_vote_title(v),
                                     source=vote_source),
        "fig-dv-stances": alignment_grid(v.stances, tables["states"], title=_stance_title(v)),
        "fig-dv-defiance": defiance_scale_chart(v.levels, members, (first, cutoff.year),
                                                tables["states"], title=_defiance_title(v)),
        "fig-dv-summits": attendance_chart(v.attendance, tables["states"],
                                           title=_attendance_title(v)),
    }
