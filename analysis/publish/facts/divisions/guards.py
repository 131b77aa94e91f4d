"""The guards of the chapter on divisions: each sentence its prose words from the data, with
the test that the data still supports it."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....measures import defiance
from ..checks import Guard
from .record import (
    CENTRAL_ASIA,
    WAR_YEAR,
    known_cells,
    levels_of,
    session_absences,
    votes_cast,
)


def _highest_between(v: SimpleNamespace, first: int, last: int, leaving: bool) -> int:
    """The highest level any member reached in the years ``first``-``last``, leaving the level
    of leaving out when ``leaving`` is False."""
    span = v.levels[(v.levels["year"] >= first) & (v.levels["year"] <= last)]
    if not leaving:
        span = span[span["level"] < max(defiance.DEFIANCE_LEVELS)]
    return int(span["level"].max())


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
          lambda v: v.after_cast.idxmax() == "abstain"
          and v.after_cast["abstain"] > votes_cast(v) / 2),
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
          lambda v: [int(levels_of(v, "ARM").get(y, -1)) for y in range(WAR_YEAR, 2025)]
          == [3, 3, 4]
          and bool((levels_of(v, "ARM").loc[2024:] == 4).all())),
    Guard("kyrgyzstan_refused_to_host",
          "Kyrgyzstan, which called off the exercise it was to host in October 2022",
          lambda v: int(levels_of(v, "KGZ").get(WAR_YEAR, 0)) == 3),
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
          lambda v: sorted(map(tuple, session_absences(v)[["state"]].assign(
              year=session_absences(v)["date"].dt.year).values.tolist()))
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
          lambda v: (v.cells.loc[known_cells(v), "attended"] == "head_of_state").mean() > 0.9),
)
