"""Defiance of the alliance on an ordinal scale, and attendance at the Collective Security
Council.

Every act by which a member set itself against the 1992 treaty or the CSTO is given one level of
:data:`DEFIANCE_LEVELS` by a stated rule (:func:`defiance_scale_acts`), from three tables
(``events``, ``memberships``, ``summit_attendance``), and each member gets its highest level in
each year it belonged (:func:`defiance_levels`). :func:`attendance_matrix` lays out who
represented each member at each session of the Council. The unweighted counts of acts, which the
scale replaces in the book, stay in :mod:`~analysis.measures.divisions`.

**The defiance scale.** Acts differ in what they cost the alliance, so they are ranked, not added
up. Each level names the kind of act and the rule that assigns it:

0. *None recorded.* The member belonged to the treaty or the organization that year and no act
   below is on record. (Absence of a record is not proof of loyalty: the events table is a
   selection of what was reported.)
1. *Dissent in words.* The member's leader or government publicly disputes the alliance, or an
   ally's conduct toward it, and changes nothing it does in the alliance: a complaint, a
   reservation, a threat to leave, a recalled ambassador. Rule: the event ids in
   :data:`STATEMENTS_OF_DISSENT`.
2. *Staying away.* The member's leader is absent from a session of the Collective Security
   Council (``summit_attendance`` value ``absent``, or an event ``summit_boycott``), or the member
   keeps its units away from an alliance exercise (``exercise_withdrawal``, unless it was to host
   it). Sending a deputy or a minister is not counted: no source read gives a protest as the
   reason (Nazarbayev's absence in 2016 was put down to illness).
3. *Refusing.* The member refuses what the alliance asks of it or offers it: to sign a document
   the others adopt (``declaration_refused``), to host an exercise it was to host, to take up its
   post, to pay its share, or help offered on the alliance's terms. Rule: the event type
   ``declaration_refused`` and the event ids in :data:`REFUSALS`.
4. *Freezing or suspending participation.* The member stops taking part but stays a member
   (event ``freeze`` or ``suspension``, membership status ``frozen`` or ``suspended``).
5. *Leaving.* The member does not renew the treaty or announces its withdrawal (event
   ``withdrawal``; membership ending ``not_renewed``, ``withdrew`` or ``expelled``; status
   ``withdrawing``; and the event ids in :data:`LEAVING`, whose type says less than the act:
   Uzbekistan's note of June 2012, which announced its withdrawal, after which the Council
   suspended its membership).

A member-year takes the highest level of its acts (:func:`defiance_levels`), and its acts are
listed beside it, so every level can be traced to the rows behind it. Acts after a state left
are not counted: the scale measures members. Only acts toward the 1992 treaty or the CSTO count
(``organization`` CST or CSTO); disputes inside other bodies, such as the Eurasian Economic Union,
do not.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..data.codebook.fields import split_list

#: The ordinal defiance scale: level -> (name, rule in brief). See the module docstring.
DEFIANCE_LEVELS: dict[int, tuple[str, str]] = {
    0: ("none recorded", "a member that year, no act on record"),
    1: ("dissent in words", "a public complaint, reservation, threat to leave or recalled "
                            "ambassador, with no change in what the member does"),
    2: ("staying away", "the leader absent from a Council session, or units kept away from an "
                        "exercise"),
    3: ("refusing", "refusing to sign, to host, to take up a post, to pay, or help offered"),
    4: ("freezing or suspending", "stopping participation while staying a member"),
    5: ("leaving", "not renewing the treaty or announcing withdrawal"),
}

#: Level of each event type that is an act of defiance by its type alone.
DEFIANCE_TYPE_LEVELS: dict[str, int] = {
    "summit_boycott": 2,
    "exercise_withdrawal": 2,
    "declaration_refused": 3,
    "suspension": 4,
    "freeze": 4,
    "withdrawal": 5,
}

#: Events that are dissent in words (level 1), by id: (the members whose act it is, the reason).
#: An event names every state it concerns; only the actors' acts are counted.
STATEMENTS_OF_DISSENT: dict[str, tuple[tuple[str, ...], str]] = {
    "E843": (("UZB", "AZE"), "Uzbekistan and Azerbaijan announce they will not prolong the "
                             "treaty (February 1999)"),
    "E019": (("UZB",), "Uzbekistan records reservations on the rapid reaction force "
                       "(February 2009)"),
    "E821": (("ARM",), "Armenia's president protests Russia's arms sales to Azerbaijan "
                       "(April 2016)"),
    "E036": (("ARM",), "Armenia's prime minister says Armenia will leave (June 2024)"),
    "E826": (("ARM", "BLR"), "Armenia and Belarus recall their ambassadors from each other "
                             "(June 2024)"),
    "E038": (("ARM",), "Armenia's prime minister says Armenia considers itself outside "
                       "(December 2024)"),
}

#: Events that are refusals (level 3) though their type says less, by id: (actors, reason).
REFUSALS: dict[str, tuple[tuple[str, ...], str]] = {
    "E602": (("KGZ",), "Kyrgyzstan cancels the exercise it was to host in October 2022"),
    "E504": (("ARM",), "Armenia declines the monitors offered on the alliance's terms "
                       "(November 2022)"),
    "E031": (("ARM",), "Armenia refuses to host the exercises planned on its soil in 2023"),
    "E032": (("ARM",), "Armenia gives up its post of Deputy Secretary-General (2023)"),
    "E856": (("ARM",), "Armenia has the reworked decision on assistance to it dropped from the "
                       "agenda (2023)"),
    "E035": (("ARM",), "Armenia will not join the budget decision nor pay its contributions "
                       "(2024)"),
}

#: Events that are leaving (level 5) though their type says less, by id: (actors, reason).
LEAVING: dict[str, tuple[tuple[str, ...], str]] = {
    "E026": (("UZB",), "Uzbekistan's note announcing its withdrawal (June 2012); the Council "
                       "suspended its membership on 19 December 2012"),
}

#: Membership statuses and endings that are acts of defiance, with their level.
STATUS_LEVELS: dict[str, int] = {"suspended": 4, "frozen": 4, "withdrawing": 5}
ENDING_LEVELS: dict[str, int] = {"not_renewed": 5, "withdrew": 5, "expelled": 5}

#: Membership statuses in which a state belongs to the treaty or the organization.
BELONGING: tuple[str, ...] = ("signatory", "member", "suspended", "frozen", "withdrawing")


def _event_level(event_id: str, kind: str, states: list[str]
                 ) -> tuple[int, str, list[str]] | None:
    """The level of one event, the rule that set it and the states whose act it is, or None if
    it is not an act of defiance."""
    for table, level in ((LEAVING, 5), (REFUSALS, 3), (STATEMENTS_OF_DISSENT, 1)):
        if event_id in table:
            actors, reason = table[event_id]
            return level, f"coded {event_id}: {reason}", list(actors)
    if kind in DEFIANCE_TYPE_LEVELS:
        return DEFIANCE_TYPE_LEVELS[kind], f"event type {kind}", states
    return None


def member_years(memberships: pd.DataFrame, last_year: int,
                 organizations: Iterable[str] = ("CST", "CSTO")) -> pd.DataFrame:
    """Every (state, year) in which the state belonged to one of ``organizations`` on some day
    (a status in :data:`BELONGING`), up to ``last_year``: columns ``state`` and ``year``."""
    rows = memberships[memberships["organization"].isin(list(organizations))
                       & memberships["status"].isin(list(BELONGING))]
    pairs = set()
    for state, start, end in zip(rows["state"], rows["start"], rows["end"]):
        stop = last_year if pd.isna(end) else min(int(end.year), last_year)
        pairs.update((str(state), y) for y in range(int(start.year), stop + 1))
    out = pd.DataFrame(sorted(pairs), columns=["state", "year"])
    return out.astype({"state": "string", "year": "int64"})


def _belonged(memberships: pd.DataFrame, organizations: list[str], state: str,
              day: pd.Timestamp) -> bool:
    rows = memberships[(memberships["state"] == state)
                       & memberships["organization"].isin(organizations)
                       & memberships["status"].isin(list(BELONGING))]
    return bool(((rows["start"] <= day) & (rows["end"].isna() | (rows["end"] >= day))).any())


def defiance_scale_acts(
    events: pd.DataFrame,
    memberships: pd.DataFrame,
    summit_attendance: pd.DataFrame,
    organizations: Iterable[str] = ("CST", "CSTO"),
) -> pd.DataFrame:
    """Every act of defiance toward ``organizations``, one row per state and act, with its level
    on the scale of the module docstring and the rule that set it.

    Acts come from three tables: ``events`` (by type, or by id where the type says too little;
    one act per state named), ``memberships`` (a status suspended, frozen or withdrawing, and an
    ending by non-renewal, withdrawal or expulsion, on their dates) and ``summit_attendance``
    (``absent``). The tables often record one act twice: an absence the events table records as a
    boycott on the same day is kept once, and a membership row is dropped when the events table
    has an act of that state at the same level or higher in the same year. Acts on days the state
    did not
    belong to the treaty or the organization are dropped. Columns: ``state``, ``date``, ``year``,
    ``level``, ``what`` (in words), ``rule``, ``table`` and ``record`` (the row's key), sorted by
    date, state and level.
    """
    orgs = list(organizations)
    rows = []
    chosen = events[events["organization"].isin(orgs)]
    for event_id, kind, states, day, what in zip(
            chosen["event_id"], chosen["type"], chosen["states"], chosen["date"],
            chosen["description"]):
        coded = _event_level(str(event_id), str(kind), split_list(states))
        if coded is None:
            continue
        for state in coded[2]:
            rows.append({"state": state, "date": day, "level": coded[0], "what": what,
                         "rule": coded[1], "table": "events", "record": event_id})
    for state, org, status, start, end, reason in zip(
            memberships["state"], memberships["organization"], memberships["status"],
            memberships["start"], memberships["end"], memberships["end_reason"]):
        if org not in orgs:
            continue
        if status in STATUS_LEVELS:
            rows.append({"state": state, "date": start, "level": STATUS_LEVELS[status],
                         "what": f"{org} membership becomes {status}",
                         "rule": f"membership status {status}", "table": "memberships",
                         "record": f"{state}|{org}|{start:%Y-%m-%d}"})
        if pd.notna(end) and isinstance(reason, str) and reason in ENDING_LEVELS:
            rows.append({"state": state, "date": end, "level": ENDING_LEVELS[reason],
                         "what": f"{org} membership ends ({reason})",
                         "rule": f"membership ending {reason}", "table": "memberships",
                         "record": f"{state}|{org}|{start:%Y-%m-%d}"})
    absent = summit_attendance[summit_attendance["attended"] == "absent"]
    for session, state, day in zip(absent["session_id"], absent["state"], absent["date"]):
        rows.append({"state": state, "date": day, "level": 2,
                     "what": f"leader absent from the Council session {session}",
                     "rule": "summit attendance absent", "table": "summit_attendance",
                     "record": f"{session}|{state}"})
    columns = ["state", "date", "year", "level", "what", "rule", "table", "record"]
    acts = pd.DataFrame(rows, columns=[c for c in columns if c != "year"])
    acts["date"] = pd.to_datetime(acts["date"]).astype("datetime64[ns]")
    # An absence from a session that the events table records (a boycott) is kept once.
    event_days = set(zip(acts.loc[acts["table"] == "events", "state"],
                         acts.loc[acts["table"] == "events", "date"]))
    again = [table == "summit_attendance" and (st, day) in event_days
             for table, st, day in zip(acts["table"], acts["state"], acts["date"])]
    acts = acts[~pd.Series(again, index=acts.index)]
    # A membership row restates an act the events table records: drop it when the events table
    # has an act of that state at the same level or higher in the same year.
    year = acts["date"].dt.year
    from_events = acts[acts["table"] == "events"].assign(year=year)
    highest = from_events.groupby(["state", "year"])["level"].max()
    restated = [table == "memberships" and highest.get((st, y), -1) >= level
                for table, st, y, level in zip(acts["table"], acts["state"], year, acts["level"])]
    acts = acts[~pd.Series(restated, index=acts.index)]
    # An ending is dated the day after the last day of membership at the latest: keep acts on
    # the last day and the day after it (a non-renewal takes effect as the term runs out).
    kept = [_belonged(memberships, orgs, st, day) or _belonged(
        memberships, orgs, st, day - pd.Timedelta(days=1))
        for st, day in zip(acts["state"], acts["date"])]
    acts = acts[kept].copy()
    acts.insert(2, "year", acts["date"].dt.year.astype("int64"))
    acts = acts.astype({"state": "string", "level": "int64", "what": "string", "rule": "string",
                        "table": "string", "record": "string"})
    return acts.sort_values(["date", "state", "level"], kind="stable").reset_index(drop=True)


def defiance_levels(acts: pd.DataFrame, memberships: pd.DataFrame, last_year: int,
                    organizations: Iterable[str] = ("CST", "CSTO")) -> pd.DataFrame:
    """Each member's level of defiance in each year it belonged (:func:`member_years`): the
    highest level of its acts that year (:func:`defiance_scale_acts`), 0 when none is on record.
    A suspension or freeze (or a notice of withdrawal) counts in every year it is in force, not
    only in the year it began: the member stays out of the alliance's work for as long as it
    lasts.

    Columns: ``state``, ``year``, ``level`` (0-5), ``name`` (the level's name), ``acts`` (number of
    acts that year, any level), ``in_force`` (the year's level comes from a status still in force,
    not from an act of that year) and ``records`` (the keys of the acts at that level, or of the
    status in force, ``;``-joined), sorted by state and year."""
    orgs = list(organizations)
    years = member_years(memberships, last_year, orgs)
    top = acts.groupby(["state", "year"]).agg(level=("level", "max"), acts=("level", "size"))
    out = years.merge(top.reset_index(), on=["state", "year"], how="left")
    out["level"] = out["level"].fillna(0).astype("int64")
    out["acts"] = out["acts"].fillna(0).astype("int64")
    records = {(s, y): ";".join(g.loc[g["level"] == g["level"].max(), "record"])
               for (s, y), g in acts.groupby(["state", "year"])}
    standing: dict[tuple[str, int], tuple[int, str]] = {}
    lasting = memberships[memberships["organization"].isin(orgs)
                          & memberships["status"].isin(list(STATUS_LEVELS))]
    for state, org, status, start, end in zip(lasting["state"], lasting["organization"],
                                              lasting["status"], lasting["start"],
                                              lasting["end"]):
        stop = last_year if pd.isna(end) else min(int(end.year), last_year)
        for y in range(int(start.year), stop + 1):
            standing[(str(state), y)] = (STATUS_LEVELS[status],
                                         f"{state}|{org}|{start:%Y-%m-%d} ({status})")
    in_force = []
    for i, (s, y, level) in enumerate(zip(out["state"], out["year"], out["level"])):
        held = standing.get((s, y))
        if held is not None and held[0] > level:
            out.at[i, "level"] = held[0]
            records[(s, y)] = held[1]
            in_force.append(True)
        else:
            in_force.append(False)
    out["in_force"] = in_force
    out["records"] = [records.get((s, y), "") for s, y in zip(out["state"], out["year"])]
    out["name"] = out["level"].map(lambda level: DEFIANCE_LEVELS[level][0])
    out = out[["state", "year", "level", "name", "acts", "in_force", "records"]]
    return out.astype({"state": "string", "name": "string", "records": "string"}).sort_values(
        ["state", "year"]).reset_index(drop=True)


# --- Summit attendance --------------------------------------------------------------------------


def attendance_matrix(summit_attendance: pd.DataFrame,
                      states: Iterable[str] | None = None) -> pd.DataFrame:
    """Who represented each state at each session of the Collective Security Council: one row
    per session in date order (index ``session_id``, with ``date`` and ``city`` columns first),
    one column per state (``states`` in that order, default every state in the table sorted),
    cells ``head_of_state``, ``deputy``, ``other_official``, ``absent``, ``unknown``, or
    ``<NA>`` where the state was not a member that day (it has no row)."""
    order = (sorted(summit_attendance["state"].unique().tolist()) if states is None
             else list(dict.fromkeys(states)))
    sessions = (summit_attendance[["session_id", "date", "city"]].drop_duplicates("session_id")
                .sort_values(["date", "session_id"]).set_index("session_id"))
    wide = summit_attendance.pivot(index="session_id", columns="state", values="attended")
    wide = wide.reindex(index=sessions.index, columns=order).astype("string")
    out = pd.concat([sessions, wide], axis=1)
    out.columns.name = None
    return out


__all__ = [
    "BELONGING",
    "DEFIANCE_LEVELS",
    "DEFIANCE_TYPE_LEVELS",
    "ENDING_LEVELS",
    "LEAVING",
    "REFUSALS",
    "STATEMENTS_OF_DISSENT",
    "STATUS_LEVELS",
    "attendance_matrix",
    "defiance_levels",
    "defiance_scale_acts",
    "member_years",
]
