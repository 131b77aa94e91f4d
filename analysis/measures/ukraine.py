"""The votes on Ukraine: one universe of them, counted against Russia's, and one record of votes
across sources.

**The universe** (:func:`ukraine_universe`) is the one set of General Assembly votes on Ukraine
that every chapter uses: every recorded vote since the Crimean referendum of March 2014 on a
resolution that is either

* in the hand-coded table (``un_votes`` and ``un_resolutions``: A/RES/68/262 of 2014 and the
  resolutions of the eleventh emergency special session, ES-11/1 to ES-11/9, 2022-2025), or
* a roll call whose title names Crimea or Ukraine, in the Voeten roll calls (to January 2020:
  the resolutions on human rights in Crimea and on its militarisation, 2016-2019) or in the UN
  Digital Library's roll calls of 2025 (the resolution on the occupied territories of
  December 2025).

A resolution found in more than one table is taken once, from the first of: the hand-coded
table (read against the UN record and the press, with absences marked), the UN Digital Library,
the Voeten roll calls. The roll calls of sessions 75 to 79 (September 2020 to the summer of 2025)
are not in the book's tables, so that session's votes on Crimea are a named gap
(:data:`UNIVERSE_GAP`), not a zero. In the roll-call tables a state with no row did not vote
(``absent``); in the hand-coded table a state with no row has no recorded vote.

**The counts** (:func:`ukraine_vote_counts`, :func:`ukraine_agreement_by_year`) compare each
state with a reference, Russia by default, by the scorer and rule of
:mod:`~analysis.measures.agreement`: absences are not votes (``absent="missing"``), never
disagreements, and the abstention rule is a parameter. :func:`vote_record` joins several sources
of votes into one record for a chart of every vote.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .agreement import check_rules, paired_votes, summarise

#: The vote :func:`vote_record` gives a state with no row for a resolution.
NOT_RECORDED = "not recorded"

#: The first day of the universe: the vote on the Crimean referendum (A/RES/68/262).
UNIVERSE_START = pd.Timestamp("2014-03-27")

#: Words in a roll call's title that put it in the universe (case-insensitive).
UNIVERSE_WORDS = ("Crimea", "Ukrain")

#: The records of the universe, in order of precedence (see the module docstring).
UNIVERSE_RECORDS = ("hand-coded", "UN Digital Library", "roll calls")

#: The years whose votes on Ukraine no table of the book holds: the roll calls of sessions 75 to
#: 79, September 2020 to the summer of 2025, are not on record (the emergency-session votes of
#: 2022-2025 are, in the hand-coded table).
UNIVERSE_GAP = (2020, 2024)

#: What the Voeten roll calls append to a resolution's title, dropped from the universe's titles.
TITLE_TAIL = " : resolution / adopted by the General Assembly"

#: Short titles for the roll calls of the universe, by a phrase of their full title (the first
#: match wins); any other title is cut at its first semicolon or bracket.
SHORT_TITLES: tuple[tuple[str, str], ...] = (
    ("temporarily occupied territories", "Human rights in the occupied territories"),
    ("militarization of the Autonomous Republic of Crimea", "Militarisation of Crimea"),
    ("human rights in the Autonomous Republic of Crimea", "Human rights in Crimea"),
    ("Humanitarian consequences", "Humanitarian consequences of the war"),
    ("Suspension of Russia from the Human Rights Council", "Russia off the Human Rights Council"),
    ("Remedy and reparation", "Reparation for the aggression"),
    ("Charter principles", "Principles of a just and lasting peace"),
    ("Advancing a comprehensive", "A comprehensive, just and lasting peace"),
)


def short_title(title: str) -> str:
    """A resolution's title short enough to label a row: :data:`SHORT_TITLES`, else the title up
    to its first semicolon or opening bracket."""
    for phrase, short in SHORT_TITLES:
        if phrase.lower() in title.lower():
            return short
    return title.split(";")[0].split(" (")[0].strip()


#: The day Russia's full-scale invasion began: the universe's two periods part here.
INVASION = pd.Timestamp("2022-02-24")


def ukraine_vote_counts(
    un_votes: pd.DataFrame,
    un_resolutions: pd.DataFrame,
    states: Iterable[str],
    reference: str = "RUS",
    abstention: str = "three_categories",
) -> pd.DataFrame:
    """How each state voted on the hand-coded Ukraine resolutions, measured against ``reference``.

    One row per state of ``states`` (in that order). Counts over the resolutions in
    ``un_resolutions``: ``same`` (the reference's vote), ``one_abstained`` (one of the two
    abstained, the other did not), ``opposite`` (yes against no), ``absent`` (recorded as absent),
    ``not_recorded`` (no row in ``un_votes``) and ``resolutions`` (their total); then ``votes``
    (both cast a vote), ``agreement`` (sum of scores under ``abstention``) and ``share``
    (agreement / votes; ``NaN`` with no vote in common). Absences are not disagreements.
    """
    states = list(dict.fromkeys(states))
    wanted = un_resolutions["resolution"].tolist()
    votes = un_votes[un_votes["resolution"].isin(wanted)]
    paired = paired_votes(votes, reference, "resolution", states, absent="missing")
    summary = summarise(paired, ["state"], abstention).set_index("state")
    mine = votes[votes["state"].isin(states)]
    absent = mine[mine["vote"] == "absent"].groupby("state").size()
    recorded = mine.groupby("state").size()
    out = pd.DataFrame(index=pd.Index(states, name="state"))
    for column in ("same", "one_abstained", "opposite"):
        out[column] = summary[column].reindex(states).fillna(0).astype("int64")
    out["absent"] = absent.reindex(states).fillna(0).astype("int64")
    out["not_recorded"] = len(wanted) - recorded.reindex(states).fillna(0).astype("int64")
    # A cast vote on a resolution where the reference did not vote falls in no column above.
    out["reference_missing"] = (len(wanted) - out["not_recorded"] - out["absent"]
                                - out[["same", "one_abstained", "opposite"]].sum(axis=1))
    out["resolutions"] = len(wanted)
    out["votes"] = summary["votes"].reindex(states).fillna(0).astype("int64")
    out["agreement"] = summary["agreement"].reindex(states).fillna(0.0)
    out["share"] = summary["share"].reindex(states)
    out["abstention"] = abstention
    return out.reset_index().astype({"state": "string", "abstention": "string"})


def ukraine_agreement_by_year(
    un_votes: pd.DataFrame,
    un_resolutions: pd.DataFrame,
    states: Iterable[str] | None = None,
    reference: str = "RUS",
    abstention: str = "three_categories",
) -> pd.DataFrame:
    """Agreement with ``reference`` on the hand-coded Ukraine votes, per state and calendar year.

    The same columns as :func:`~analysis.measures.roll_calls.agreement_by_period` by year
    (``state``, ``reference``, ``year``,
    ``roll_calls`` = resolutions adopted that year, ``votes``, ``same``, ``one_abstained``,
    ``opposite``, ``agreement``, ``share``, ``abstention``); ``absent`` and missing rows are not
    counted as votes.
    """
    check_rules("missing", abstention)
    dated = un_resolutions[["resolution", "date"]].copy()
    dated["year"] = dated["date"].dt.year.astype("int64")
    held = dated.groupby("year").size().rename("roll_calls").reset_index()
    votes = un_votes[un_votes["resolution"].isin(dated["resolution"])]
    paired = paired_votes(votes, reference, "resolution", states, absent="missing")
    paired = paired.merge(dated[["resolution", "year"]], on="resolution")
    out = summarise(paired, ["state", "year"], abstention).merge(held, on="year")
    out.insert(1, "reference", reference)
    out["abstention"] = abstention
    columns = ["state", "reference", "year", "roll_calls", "votes", "same", "one_abstained",
               "opposite", "agreement", "share", "abstention"]
    out = out[columns].sort_values(["state", "year"]).reset_index(drop=True)
    return out.astype({"state": "string", "reference": "string", "abstention": "string"})


def vote_record(
    parts: Iterable[tuple[pd.DataFrame, pd.DataFrame]],
    states: Iterable[str],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One record of votes from several sources (say the roll calls before 2022 and the
    hand-coded emergency session after), for a chart of every vote.

    Each part is ``(votes, resolutions)``: ``votes`` with ``resolution``, ``state`` and
    ``vote``; ``resolutions`` with ``resolution``, ``date`` and ``title``. Returns the votes of
    ``states`` on every listed resolution and the resolutions, in date order. A state with no
    row for a resolution gets the vote :data:`NOT_RECORDED`, so a chart shows the gap rather
    than an empty cell; nothing is guessed. Raises ValueError when a resolution comes from two
    parts, or when a part votes on a resolution it does not list."""
    wanted = list(dict.fromkeys(states))
    all_votes, all_resolutions, seen = [], [], set()
    for number, (votes, resolutions) in enumerate(parts, start=1):
        listed = set(resolutions["resolution"])
        twice = sorted(listed & seen)
        if twice:
            raise ValueError(f"part {number}: resolutions already in an earlier part: {twice}")
        seen |= listed
        unlisted = sorted(set(votes["resolution"]) - listed)
        if unlisted:
            raise ValueError(f"part {number}: votes on resolutions it does not list: {unlisted}")
        chosen = votes[votes["state"].isin(wanted)].set_index(["resolution", "state"])["vote"]
        grid = pd.MultiIndex.from_product([list(resolutions["resolution"]), wanted],
                                          names=["resolution", "state"])
        filled = chosen.astype("string").reindex(grid).fillna(NOT_RECORDED).reset_index()
        all_votes.append(filled.astype("string"))
        all_resolutions.append(resolutions[["resolution", "date", "title"]])
    resolutions = (pd.concat(all_resolutions, ignore_index=True)
                   .sort_values(["date", "resolution"], kind="stable").reset_index(drop=True))
    votes = pd.concat(all_votes, ignore_index=True)
    return votes, resolutions


def _named(titles: pd.Series) -> pd.Series:
    pattern = "|".join(UNIVERSE_WORDS)
    return titles.astype("string").str.contains(pattern, case=False, regex=True).fillna(False)


def _roll_call_part(calls: pd.DataFrame, votes: pd.DataFrame, key: str, title: str,
                    states: list[str], record: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The universe's roll calls of one roll-call table: every state of ``states`` on each, with
    ``absent`` where the table has no row."""
    chosen = calls[(calls["date"] >= UNIVERSE_START) & _named(calls[title])
                   & calls["resolution"].notna()]
    titles = chosen[title].astype("string").str.replace(TITLE_TAIL, "", regex=False)
    listed = pd.DataFrame({"resolution": chosen["resolution"].astype("string"),
                           "date": chosen["date"], "title": titles,
                           "record": record, key: chosen[key]})
    grid = pd.MultiIndex.from_product([chosen[key].tolist(), states], names=[key, "state"])
    cast = votes.set_index([key, "state"])["vote"]
    filled = cast.reindex(grid).astype("string").fillna("absent").reset_index()
    filled = filled.merge(listed[[key, "resolution"]], on=key)[["resolution", "state", "vote"]]
    return filled, listed.drop(columns=[key])


def ukraine_universe(
    un_votes: pd.DataFrame,
    un_resolutions: pd.DataFrame,
    un_roll_calls: pd.DataFrame,
    un_roll_call_votes: pd.DataFrame,
    undl_roll_calls: pd.DataFrame,
    undl_roll_call_votes: pd.DataFrame,
    states: Iterable[str],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The book's one universe of General Assembly votes on Ukraine (see the module docstring).

    Returns ``(votes, resolutions)``. ``resolutions`` has one row per resolution in date order:
    ``resolution``, ``date``, ``title``, ``record`` (one of :data:`UNIVERSE_RECORDS`),
    ``period`` (``before`` or ``after`` the invasion of :data:`INVASION`) and ``short`` (a short
    title, :func:`short_title`). ``votes`` has
    ``resolution``, ``state`` and ``vote`` for the states of ``states``: from the roll-call
    tables every state has a row (``absent`` where it did not vote); from the hand-coded table
    only the recorded votes (a missing row stays missing). Both fit :func:`ukraine_vote_counts`
    and :func:`vote_record`.
    """
    states = list(dict.fromkeys(states))
    parts: list[tuple[pd.DataFrame, pd.DataFrame]] = []
    coded = un_resolutions[un_resolutions["date"] >= UNIVERSE_START]
    coded_votes = un_votes[un_votes["resolution"].isin(coded["resolution"])
                           & un_votes["state"].isin(states)]
    parts.append((coded_votes[["resolution", "state", "vote"]].astype("string"),
                  pd.DataFrame({"resolution": coded["resolution"].astype("string"),
                                "date": coded["date"], "title": coded["title"].astype("string"),
                                "record": UNIVERSE_RECORDS[0]})))
    parts.append(_roll_call_part(undl_roll_calls, undl_roll_call_votes, "undl_id", "title",
                                 states, UNIVERSE_RECORDS[1]))
    parts.append(_roll_call_part(un_roll_calls, un_roll_call_votes, "rcid", "short_title",
                                 states, UNIVERSE_RECORDS[2]))
    seen: set[str] = set()
    all_votes, all_resolutions = [], []
    for votes, listed in parts:
        listed = listed[~listed["resolution"].isin(seen)]
        seen |= set(listed["resolution"])
        all_resolutions.append(listed)
        all_votes.append(votes[votes["resolution"].isin(listed["resolution"])])
    resolutions = pd.concat(all_resolutions, ignore_index=True)
    resolutions["date"] = pd.to_datetime(resolutions["date"]).astype("datetime64[ns]")
    resolutions["period"] = ["before" if d < INVASION else "after" for d in resolutions["date"]]
    resolutions["short"] = [short_title(str(t)) for t in resolutions["title"]]
    resolutions = (resolutions.sort_values(["date", "resolution"], kind="stable")
                   .reset_index(drop=True)
                   .astype({"resolution": "string", "title": "string", "record": "string",
                            "period": "string", "short": "string"}))
    votes = pd.concat(all_votes, ignore_index=True).astype("string").reset_index(drop=True)
    return votes, resolutions


__all__ = [
    "INVASION",
    "NOT_RECORDED",
    "TITLE_TAIL",
    "UNIVERSE_GAP",
    "UNIVERSE_RECORDS",
    "UNIVERSE_START",
    "UNIVERSE_WORDS",
    "SHORT_TITLES",
    "short_title",
    "ukraine_agreement_by_year",
    "ukraine_universe",
    "ukraine_vote_counts",
    "vote_record",
]
