"""The record the chapter on divisions reads: its constants, :func:`values` and the helpers its
guards, facts and figures share."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....measures import defiance, divisions
from ....measures.roll_calls import csto_groups
from ....measures.ukraine import ukraine_vote_counts
from ..claims import followed, sided_with_russia, ukraine_votes

#: The recognitions the text says no member but Russia (and, for Crimea, Belarus) made.
RECOGNITIONS = ("recognize_abkhazia_south_ossetia", "recognize_crimea_annexation",
                "recognize_donetsk_luhansk_2022", "recognize_2022_annexations")
#: The issues of the stances grid: Moscow's causes (recognitions, the war, sanctions).
CAUSES = (*RECOGNITIONS, "support_invasion_ukraine", "sanctions_compliance")
#: The Central Asian members.
CENTRAL_ASIA = ["KAZ", "KGZ", "TJK", "UZB"]
#: The year Russia's full-scale war began, from which the text reads Armenia's defiance.
WAR_YEAR = 2022


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on.

    The votes on Ukraine: the universe (``u_votes``, ``u_resolutions``), its counts against
    Russia's vote over the whole universe and before and after the invasion (``whole``,
    ``before``, ``after``, by state), the members other than Russia and Belarus (``others``)
    and their recorded votes after the invasion by kind (``after_cast``), the members that sided
    with Russia (``sided``, by resolution; ``sided_after``) and the votes of 2025 (``last``).
    The stances (``stances``: state x issue codes; ``aligned``: who is aligned on each
    recognition). The defiance scale: acts (``acts``) and levels by member and year
    (``levels``). Attendance (``attendance``: the session x state matrix; ``cells``: its
    member-session cells, long)."""
    memberships = tables["memberships"]
    states = followed(memberships)
    others = [s for s in states[1:] if s != "BLR"]
    u_votes, u_resolutions = ukraine_votes(tables, states)
    periods = {p: u_resolutions[u_resolutions["period"] == p] for p in ("before", "after")}
    after_votes = u_votes[u_votes["resolution"].isin(periods["after"]["resolution"])]
    last_year = int(u_resolutions["date"].dt.year.max())
    last = u_resolutions[u_resolutions["date"].dt.year == last_year]
    order = csto_groups(memberships, cutoff)["state"].tolist()
    stances = divisions.alignment_matrix(tables["stances"], states=order, issues=CAUSES)
    acts = defiance.defiance_scale_acts(tables["events"], memberships,
                                         tables["summit_attendance"])
    attendance = defiance.attendance_matrix(tables["summit_attendance"], order)
    cells = (attendance.drop(columns=["date", "city"]).stack().dropna().rename("attended")
             .reset_index())
    cells.columns = ["session_id", "state", "attended"]
    return SimpleNamespace(
        states=states, others=others, order=order, u_votes=u_votes, u_resolutions=u_resolutions,
        periods=periods,
        whole=ukraine_vote_counts(u_votes, u_resolutions, states).set_index("state"),
        before=ukraine_vote_counts(u_votes, periods["before"], states).set_index("state"),
        after=ukraine_vote_counts(u_votes, periods["after"], states).set_index("state"),
        after_cast=after_votes[after_votes["state"].isin(others)]["vote"].value_counts(),
        sided=sided_with_russia(u_votes, memberships),
        sided_after=sided_with_russia(u_votes, memberships,
                                      resolutions=periods["after"]["resolution"]),
        last=ukraine_vote_counts(u_votes, last, states).set_index("state"),
        last_year=last_year,
        stances=stances,
        aligned={issue: sorted(s for s in stances.index
                               if s != "RUS" and stances[issue].eq(1).fillna(False)[s])
                 for issue in RECOGNITIONS},
        acts=acts,
        levels=defiance.defiance_levels(acts, memberships, cutoff.year),
        attendance=attendance,
        cells=cells,
    )


# --- what the guards, facts and figures read -----------------------------------------------------

def levels_of(v: SimpleNamespace, state: str) -> pd.Series:
    """A member's level on the defiance scale, by year."""
    own = v.levels[v.levels["state"] == state]
    return own.set_index("year")["level"]


def votes_cast(v: SimpleNamespace) -> int:
    """Votes cast (yes, no or abstain) after the invasion by the members other than Russia and
    Belarus."""
    return int(v.after_cast.reindex(["yes", "no", "abstain"]).fillna(0).sum())


def session_absences(v: SimpleNamespace) -> pd.DataFrame:
    """The member-session cells where a member's leader stayed away, with the session's date."""
    cells = v.cells
    return cells[cells["attended"] == "absent"].merge(
        v.attendance[["date"]].reset_index(), on="session_id")


def known_cells(v: SimpleNamespace) -> pd.Series:
    """Which member-session cells record who came."""
    return v.cells["attended"] != "unknown"


def full_house(v: SimpleNamespace) -> int:
    """Sessions at which every member's head of state (or Armenia's prime minister) came."""
    by_session = v.cells.groupby("session_id")["attended"].apply(
        lambda a: bool((a == "head_of_state").all()))
    return int(by_session.sum())
