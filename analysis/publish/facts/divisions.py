"""Facts of the chapter on divisions (``book/divisions.md``): the members' votes on Ukraine (the
book's one universe of them, :func:`.claims.ukraine_votes`), their stances on Moscow's causes,
their defiance of the alliance on an ordinal scale, their attendance at the Council's sessions,
and Armenia's path."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, alignment_grid, attendance_chart, defiance_scale_chart, vote_heatmap
from ...charts.votes import finding_title
from ...measures import defiance, divisions, votes
from ...measures.provenance import credit_lines
from ...measures.roll_calls import csto_groups
from ...measures.ukraine import UNIVERSE_GAP, ukraine_vote_counts
from .. import book
from .checks import Guard, check_all
from .claims import followed, sided_with_russia, ukraine_votes

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


def _levels_of(v: SimpleNamespace, state: str) -> pd.Series:
    own = v.levels[v.levels["state"] == state]
    return own.set_index("year")["level"]


def _highest_between(v: SimpleNamespace, first: int, last: int, leaving: bool) -> int:
    """The highest level any member reached in the years ``first``-``last``, leaving the level
    of leaving out when ``leaving`` is False."""
    span = v.levels[(v.levels["year"] >= first) & (v.levels["year"] <= last)]
    if not leaving:
        span = span[span["level"] < max(defiance.DEFIANCE_LEVELS)]
    return int(span["level"].max())


def _cast(v: SimpleNamespace) -> int:
    """Votes cast (yes, no or abstain) after the invasion by the members other than Russia and
    Belarus."""
    return int(v.after_cast.reindex(["yes", "no", "abstain"]).fillna(0).sum())


def _absences(v: SimpleNamespace) -> pd.DataFrame:
    cells = v.cells
    return cells[cells["attended"] == "absent"].merge(
        v.attendance[["date"]].reset_index(), on="session_id")


def _known(v: SimpleNamespace) -> pd.Series:
    return v.cells["attended"] != "unknown"


def _full_house(v: SimpleNamespace) -> int:
    """Sessions at which every member's head of state (or Armenia's prime minister) came."""
    by_session = v.cells.groupby("session_id")["attended"].apply(
        lambda a: bool((a == "head_of_state").all()))
    return int(by_session.sum())


def _armenia_away_since(v: SimpleNamespace) -> list[str]:
    """Armenia's attendance at every session from its first absence on, known sessions only."""
    arm = v.cells[v.cells["state"] == "ARM"].merge(v.attendance[["date"]].reset_index(),
                                                    on="session_id").sort_values("date")
    first = arm.loc[arm["attended"] == "absent", "date"].min()
    return arm.loc[(arm["date"] >= first) & (arm["attended"] != "unknown"),
                   "attended"].tolist()


GUARDS = (
    Guard("the_universe_in_words",
          "the 2014 resolution declaring the Crimean referendum invalid, and six on human rights "
          "in Crimea and its militarisation ... the nine resolutions of the Assembly's emergency "
          "session on the war, and the resolution of December 2025 on human rights in the "
          "occupied territories",
          lambda v: v.u_resolutions["record"].value_counts().to_dict()
          == {"hand-coded": 10, "roll calls": 6, "UN Digital Library": 1}
          and v.u_resolutions["resolution"].iloc[0] == "A/RES/68/262"
          and int(v.u_resolutions["resolution"].str.startswith("A/RES/ES-11/").sum()) == 9
          and v.u_resolutions["date"].iloc[-1] == pd.Timestamp("2025-12-18")),
    Guard("belarus_every_vote",
          "Belarus voted as Russia did on every one of them",
          lambda v: v.whole.loc["BLR", "same"] == len(v.u_resolutions)),
    Guard("armenia_with_russia_before",
          "Before the invasion Armenia voted as Russia did on all seven",
          lambda v: v.before.loc["ARM", "same"] == len(v.periods["before"])),
    Guard("central_asia_half_or_more_before",
          "Kazakhstan, Kyrgyzstan and Uzbekistan on ... each",
          lambda v: v.before.loc["KAZ", "same"] == v.before.loc["KGZ", "same"]
          == v.before.loc["UZB", "same"] > len(v.periods["before"]) / 2),
    Guard("georgia_never_with_russia",
          "Georgia never once voted as Russia did",
          lambda v: v.whole.loc["GEO", "same"] == 0),
    Guard("azerbaijan_away_after_2014",
          "Azerbaijan voted for the resolution of 2014 and has not cast a vote on Ukraine since",
          lambda v: v.whole.loc["AZE", "opposite"] == 1
          and v.whole.loc["AZE", "absent"] == len(v.u_resolutions) - 1),
    Guard("only_central_asia_once_after",
          "after it, only the four Central Asian members sided with Moscow, once, on the April "
          "2022 vote to suspend Russia from the Human Rights Council",
          lambda v: v.sided_after == {"A/RES/ES-11/3": CENTRAL_ASIA}),
    Guard("abstention_the_commonest_vote_after",
          "Their commonest vote after the invasion was an abstention: of the ... votes the "
          "members other than Russia and Belarus cast, ... were abstentions",
          lambda v: v.after_cast.idxmax() == "abstain" and v.after_cast["abstain"] > _cast(v) / 2),
    Guard("armenia_abstained_on_most_after",
          "on most of the Assembly's votes on Ukraine since the invasion it cast the same vote as "
          "the other members, an abstention",
          lambda v: v.after.loc["ARM", "one_abstained"] > len(v.periods["after"]) / 2
          and all(v.after.loc[s, "one_abstained"] > len(v.periods["after"]) / 2
                  for s in CENTRAL_ASIA)),
    Guard("kazakhstan_and_uzbekistan_against_the_annexations",
          "Of the Central Asian states only Kazakhstan and Uzbekistan stood openly against the "
          "annexations of 2022, while Kyrgyzstan and Tajikistan kept silent",
          lambda v: [s for s in CENTRAL_ASIA
                     if v.stances.at[s, "recognize_2022_annexations"] == -1] == ["KAZ", "UZB"]
          and [s for s in CENTRAL_ASIA
               if v.stances.at[s, "recognize_2022_annexations"] == 0] == ["KGZ", "TJK"]),
    Guard("tajikistan_sided_and_stayed_away_before",
          "Tajikistan sided with Moscow ... and stayed away from ... votes",
          lambda v: 0 < v.before.loc["TJK", "same"] < v.before.loc["KAZ", "same"]
          and v.before.loc["TJK", "absent"] > 0),
    Guard("armenia_one_yes",
          "Armenia ... voted yes once, on the amended American text of February 2025",
          lambda v: v.after.loc["ARM", "opposite"] == 1
          and v.u_votes.set_index(["resolution", "state"]).at[("A/RES/ES-11/8", "ARM"), "vote"]
          == "yes"),
    Guard("only_belarus_in_the_last_year",
          "In 2025 no member but Belarus cast a single vote as Russia did",
          lambda v: set(v.last.index[(v.last["same"] > 0)]) == {"RUS", "BLR"}),
    Guard("recognitions_none_but_russia",
          "No member but Russia recognised Abkhazia and South Ossetia, Donetsk and Luhansk or "
          "the four annexed regions; on Crimea only Belarus is aligned, by its president's words",
          lambda v: v.aligned == {"recognize_abkhazia_south_ossetia": [],
                                  "recognize_crimea_annexation": ["BLR"],
                                  "recognize_donetsk_luhansk_2022": [],
                                  "recognize_2022_annexations": []}),
    Guard("belarus_alone_backs_the_war",
          "Belarus alone among the others is aligned with Moscow on the war itself",
          lambda v: [s for s in v.stances.index if s != "RUS"
                     and v.stances.at[s, "support_invasion_ukraine"] == 1] == ["BLR"]),
    Guard("hedging_the_commonest_stance",
          "hedging is the commonest stance",
          lambda v: int((v.stances.drop(index="RUS") == 0).sum().sum())
          > max(int((v.stances.drop(index="RUS") == 1).sum().sum()),
                int((v.stances.drop(index="RUS") == -1).sum().sum()))),
    Guard("leaving_in_1999_and_2012",
          "The highest level, leaving, was reached in 1999 by Azerbaijan, Georgia and Uzbekistan "
          "and in 2012 by Uzbekistan",
          lambda v: sorted(map(tuple, v.levels.loc[v.levels["level"] == 5,
                                                   ["year", "state"]].values.tolist()))
          == [(1999, "AZE"), (1999, "GEO"), (1999, "UZB"), (2012, "UZB")]),
    Guard("nothing_beyond_staying_away_before_the_war",
          "Between 1999 and 2022, apart from Uzbekistan's exit, no member went beyond staying "
          "away",
          lambda v: _highest_between(v, 2000, WAR_YEAR - 1, leaving=False) <= 2),
    Guard("armenia_climbs_from_2022",
          "Armenia refused in 2022 and 2023, froze its participation in 2024, and has stayed "
          "at that level",
          lambda v: [int(_levels_of(v, "ARM").get(y, -1)) for y in range(WAR_YEAR, 2025)]
          == [3, 3, 4]
          and bool((_levels_of(v, "ARM").loc[2024:] == 4).all())),
    Guard("kyrgyzstan_refused_to_host",
          "Kyrgyzstan, which called off the exercise it was to host in October 2022",
          lambda v: int(_levels_of(v, "KGZ").get(WAR_YEAR, 0)) == 3),
    Guard("armenia_the_only_member_above_two_since_the_war",
          "Since 2022 only Armenia and Kyrgyzstan went beyond staying away, and only Armenia "
          "beyond refusing",
          lambda v: set(v.levels.loc[(v.levels["year"] >= WAR_YEAR) & (v.levels["level"] > 2),
                                     "state"]) == {"ARM", "KGZ"}
          and set(v.levels.loc[(v.levels["year"] >= WAR_YEAR) & (v.levels["level"] > 3),
                               "state"]) == {"ARM"}),
    Guard("absences_by_belarus_uzbekistan_armenia",
          "the leaders who stayed away were Lukashenko in 2009 and 2016, Karimov in 2010 and "
          "2011, and Armenia's prime minister from 2023",
          lambda v: sorted(map(tuple, _absences(v)[["state"]].assign(
              year=_absences(v)["date"].dt.year).values.tolist()))
          == [("ARM", 2023), ("ARM", 2024), ("ARM", 2025), ("BLR", 2009), ("BLR", 2016),
              ("UZB", 2010), ("UZB", 2011)]),
    Guard("armenia_away_from_every_known_session_since",
          "Armenia has not attended a session since",
          lambda v: set(_armenia_away_since(v)) == {"absent"}),
    Guard("moscow_2026_unknown",
          "who came to the Moscow session of November 2026 is not known",
          lambda v: set(v.cells.loc[v.cells["session_id"] == v.attendance.index[-1],
                                    "attended"]) == {"unknown"}
          and v.attendance["date"].iloc[-1].year == 2026),
    Guard("heads_of_state_came_mostly",
          "where the record is known, the head of state came in most cases",
          lambda v: (v.cells.loc[_known(v), "attended"] == "head_of_state").mean() > 0.9),
)


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
    arm = _levels_of(v, "ARM")
    return finding_title(f"Armenia climbed to level {int(arm.max())}, a freeze, in "
                         f"{int(arm.idxmax())}; between 1999 and {WAR_YEAR} no member but "
                         "Uzbekistan went beyond staying away", width=70)


def _attendance_title(v: SimpleNamespace) -> str:
    return finding_title(f"At {_full_house(v)} of {len(v.attendance)} Council sessions every "
                         "member's leader is known to have come; Armenia has stayed away since "
                         "2023")


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    names = book.state_names(tables["states"])
    dates = v.u_resolutions["date"].dt.year
    known = v.cells[_known(v)]
    absences = _absences(v)
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
        "dv_cast_after": _cast(v),
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
        "dv_full_house": _full_house(v),
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
