"""The CSTO compared with NATO: the defence clause, how it was used, and the two side by side.

Membership counts come from :mod:`~analysis.measures.membership` (who is inside on a day) and
:mod:`~analysis.measures.growth` (how each alliance grew, the CST standing in for the CSTO before
its Charter entered into force), the shares of the largest
member from :mod:`~analysis.measures.burden`; :func:`side_by_side` puts them beside the use of
each alliance's defence and consultation clauses (:func:`clause_invocations`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..data.dates import NAT, as_ns, from_ns, to_day
from .burden import BUDGET_MEASURE, largest_member_shares, spending_split
from .growth import ALLIANCES, largest_membership, states_that_left
from .levels import LEVEL_RANK
from .membership import bodies, charter_in_force, states_inside
from .requests import request_outcomes

#: The collective-defence clause of each alliance, as the comparison names it.
COLLECTIVE_DEFENCE_CLAUSE: dict[str, str] = {
    "CSTO": "Article 4 of the Collective Security Treaty (1992)",
    "NATO": "Article 5 of the North Atlantic Treaty (1949)",
}

#: Why the CSTO's clause is given as Article 4 although some of our seed texts say otherwise.
CLAUSE_NOTE: dict[str, str] = {
    "CSTO": "Some seed texts name Article 7; the mutual-assistance clause of the 1992 treaty, "
    "the one members invoked in 2022, is Article 4, and the comparison uses it.",
    "NATO": "An armed attack on one ally is an attack on all.",
}

#: Regular expressions that find each kind of request in ``requests.instrument``:
#: ``collective_defence`` is the mutual-defence clause, ``consultation`` the consultation clause
#: (NATO Article 4; for the CSTO, Article 2 of the treaty). The instrument must *be* the
#: article (it begins with it): an instrument that only mentions one ("not Article 4",
#: "reported ... as Article 4", Article 2 of a bilateral treaty) is not an invocation.
CLAUSE_PATTERNS: dict[tuple[str, str], str] = {
    ("CSTO", "collective_defence"): r"^Article\s+4\b",
    ("CSTO", "consultation"): r"^Article\s+2\b",
    ("NATO", "collective_defence"): r"^Article\s+5\b",
    ("NATO", "consultation"): r"^Article\s+4\b",
}

#: Whom a request must be addressed to for its clause to count: the alliance (alone or beside
#: the patron); an appeal to the patron alone invokes no clause of the alliance's treaty.
CLAUSE_ADDRESSEES: tuple[str, ...] = ("alliance", "both")

#: Short names of the clauses, for labels.
CLAUSE_LABEL: dict[tuple[str, str], str] = {
    ("CSTO", "collective_defence"): "CSTO Art. 4 (collective defence)",
    ("NATO", "collective_defence"): "NATO Art. 5 (collective defence)",
    ("CSTO", "consultation"): "CSTO Art. 2 (consultations)",
    ("NATO", "consultation"): "NATO Art. 4 (consultations)",
}


# --- requests ---------------------------------------------------------------------------------


def _is(value: object, wanted: str) -> bool:
    """``value == wanted``, False for a missing value."""
    return isinstance(value, str) and value == wanted


def clause_invocations(requests: pd.DataFrame, responses: pd.DataFrame) -> pd.DataFrame:
    """Each occasion on which a member invoked its alliance's defence or consultation clause.

    A request counts when ``request_made`` is ``yes``, it went to the alliance
    (:data:`CLAUSE_ADDRESSEES`, where ``requests`` has ``addressed_to``) and its ``instrument``
    is the clause (:data:`CLAUSE_PATTERNS`: CSTO Article 4 and NATO Article 5 for collective
    defence, NATO Article 4 and CSTO Article 2 for consultations); requests that name no
    article, or only mention one, are not counted. Requests of several members about the same
    crisis on the same day (NATO's joint request of 24 February 2022) are one occasion.

    Returns one row per occasion: ``organization``, ``clause`` (``collective_defence`` or
    ``consultation``), ``label``, ``crisis``, ``date``, ``request_ids`` (``;``-separated),
    ``n_requests`` (requests merged) and ``outcome`` (the highest response level over those
    requests, ``none`` where no response is recorded), sorted by organization, clause, date.
    """
    addressed = (requests["addressed_to"].tolist() if "addressed_to" in requests
                 else [CLAUSE_ADDRESSEES[0]] * len(requests))
    made = [i for i, (m, a) in enumerate(zip(requests["request_made"].tolist(), addressed))
            if _is(m, "yes") and isinstance(a, str) and a in CLAUSE_ADDRESSEES]
    outcomes = request_outcomes(requests, responses)
    highest = dict(zip(outcomes["request_id"].tolist(), outcomes["highest_level"].tolist()))
    request_id, organization = requests["request_id"].tolist(), requests["organization"].tolist()
    crisis, instrument = requests["crisis"].tolist(), requests["instrument"].tolist()
    dates = as_ns(requests["date"])
    columns: dict[str, list] = {c: [] for c in ("organization", "clause", "label", "crisis",
                                                "date", "request_ids", "n_requests", "outcome")}
    for (org, clause), pattern in CLAUSE_PATTERNS.items():
        found = re.compile(pattern)
        # Requests naming the clause by (crisis, date); a missing crisis or date joins none.
        occasions: dict[tuple[str, int], list[int]] = {}
        for i in made:
            if (_is(organization[i], org) and isinstance(instrument[i], str)
                    and found.search(instrument[i]) and isinstance(crisis[i], str)
                    and dates[i] != NAT):
                occasions.setdefault((crisis[i], int(dates[i])), []).append(i)
        for (crisis_name, day), group in sorted(occasions.items()):
            levels = [highest.get(request_id[i], "none") for i in group]
            columns["organization"].append(org)
            columns["clause"].append(clause)
            columns["label"].append(CLAUSE_LABEL[(org, clause)])
            columns["crisis"].append(crisis_name)
            columns["date"].append(day)
            columns["request_ids"].append(";".join(sorted(request_id[i] for i in group)))
            columns["n_requests"].append(len(group))
            columns["outcome"].append(max(levels, key=LEVEL_RANK.__getitem__))
    out = pd.DataFrame({
        col: (from_ns(values) if col == "date"
              else np.array(values, dtype=np.int64) if col == "n_requests"
              else pd.array(values, dtype="string"))
        for col, values in columns.items()
    })
    return out.sort_values(["organization", "clause", "date"]).reset_index(drop=True)



# --- the comparison table ---------------------------------------------------------------------


def _fmt_day(day: pd.Timestamp) -> str:
    return f"{day:%Y-%m-%d}"


def _pct(share: float) -> object:
    return pd.NA if pd.isna(share) else round(100.0 * share, 1)


def side_by_side(
    memberships: pd.DataFrame,
    organizations: pd.DataFrame,
    requests: pd.DataFrame,
    responses: pd.DataFrame,
    capabilities: pd.DataFrame,
    as_of: str | pd.Timestamp,
    personnel: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The CSTO and NATO side by side: one row per measure.

    Returns columns ``measure``, ``CSTO``, ``NATO`` (the values, which may be numbers or text;
    missing where the data has none), ``unit`` and ``note`` (what body, date, year, edition or
    coverage each value refers to, CSTO first). Membership is read on ``as_of``; capabilities use
    the latest figures, over the states inside each alliance on ``as_of``. Invocations count
    occasions as :func:`clause_invocations` does; "answered with troops" means the highest
    response level was ``deployment``. With ``personnel`` (the Correlates of War table
    ``nmc_milper``) the personnel rows use that one series and year
    (:func:`~analysis.measures.burden.largest_member_shares`).
    """
    day = to_day(as_of)
    table: list[dict[str, object]] = []

    def add(measure: str, values: Mapping[str, object], unit: str,
            notes: Mapping[str, str]) -> None:
        table.append({"measure": measure, **{a: values.get(a, pd.NA) for a in ALLIANCES},
                      "unit": unit,
                      "note": " | ".join(f"{a}: {notes[a]}" for a in ALLIANCES if notes.get(a))})

    founded = organizations.set_index("code")["founded"]

    def founding_note(a: str) -> str:
        text = "; ".join(f"{b} founded {_fmt_day(founded[b])}" for b in bodies(a))
        switch = charter_in_force(memberships, a)
        return text + (f"; {a} membership from {_fmt_day(switch)}" if switch is not None else "")

    add("founding year",
        {a: int(founded[bodies(a)[0]].year) for a in ALLIANCES}, "year",
        {a: founding_note(a) for a in ALLIANCES})

    inside = {a: states_inside(memberships, a, day) for a in ALLIANCES}
    add("members today", {a: int((inside[a]["status"] == "member").sum()) for a in ALLIANCES},
        "states", {a: f"status member on {_fmt_day(day)}" for a in ALLIANCES})
    add("states inside today (incl. suspended or frozen)",
        {a: len(inside[a]) for a in ALLIANCES}, "states",
        {a: ", ".join(f"{r.state} {r.status}" for r in inside[a].itertuples()
                      if r.status != "member") or "all full members" for a in ALLIANCES})

    largest = {a: largest_membership(memberships, a) for a in ALLIANCES}
    add("largest membership ever", {a: largest[a]["members"] for a in ALLIANCES}, "states",
        {a: f"{largest[a]['body']} from {_fmt_day(largest[a]['since'])} "
            + (f"to {_fmt_day(largest[a]['until'])}" if pd.notna(largest[a]["until"])
               else "to today") for a in ALLIANCES})

    left = {a: states_that_left(memberships, a, day) for a in ALLIANCES}
    add("states that left", {a: len(left[a]) for a in ALLIANCES}, "states",
        {a: ", ".join(f"{r.state} ({r.left:%Y})" for r in left[a].itertuples()) or "none"
         for a in ALLIANCES})

    add("collective-defence clause", COLLECTIVE_DEFENCE_CLAUSE, "article", CLAUSE_NOTE)

    uses = clause_invocations(requests, responses)
    defence = uses[uses["clause"] == "collective_defence"]
    consult = uses[uses["clause"] == "consultation"]

    def ids(frame: pd.DataFrame, a: str) -> str:
        return ", ".join(frame.loc[frame["organization"] == a, "request_ids"]) or "none"

    add("collective-defence clause invoked",
        {a: int((defence["organization"] == a).sum()) for a in ALLIANCES}, "occasions",
        {a: ids(defence, a) for a in ALLIANCES})
    troops = defence[defence["outcome"] == "deployment"]
    add("invocations answered with troops",
        {a: int((troops["organization"] == a).sum()) for a in ALLIANCES}, "occasions",
        {a: ids(troops, a) for a in ALLIANCES})
    add("consultation requests",
        {a: int((consult["organization"] == a).sum()) for a in ALLIANCES}, "occasions",
        {a: f"{CLAUSE_LABEL[(a, 'consultation')]}; "
            f"{int(consult.loc[consult['organization'] == a, 'n_requests'].sum())} requests, one "
            "per requesting state (a joint request of several members on one day is one occasion)"
         for a in ALLIANCES})

    by_panel = largest_member_shares(memberships, capabilities, day,
                                     personnel=personnel).set_index(["organization",
                                                                                "panel"])
    shares = {(a, panel): by_panel.loc[(a, panel)] for a in ALLIANCES
              for panel in ("budget", "forces")}

    def coverage(a: str, panel: str) -> str:
        row = shares[(a, panel)]
        if row["n_with_data"] == 0:
            return f"no data for any of {row['n_states']} members"
        years = (f"{row['year_min']}" if row["year_min"] == row["year_max"]
                 else f"{row['year_min']}-{row['year_max']}")
        who = str(row["largest_state"]).replace(";", " and ") + (
            " (tied)" if ";" in str(row["largest_state"]) else "")
        return (f"{who}, {years}, {row['n_with_data']} of {row['n_states']} "
                f"members with data ({row['editions']})")

    add("largest member's share of the common budget",
        {a: _pct(shares[(a, "budget")]["largest_share"]) for a in ALLIANCES}, "percent",
        {a: f"{BUDGET_MEASURE[a]}: " + coverage(a, "budget") for a in ALLIANCES})
    add("largest member's share of active personnel",
        {a: _pct(shares[(a, "forces")]["largest_share"]) for a in ALLIANCES}, "percent",
        {a: "share of members with data; " + coverage(a, "forces") for a in ALLIANCES})
    def largest_note(a: str, panel: str) -> str:
        row = shares[(a, panel)]
        if row["n_with_data"] == 0:
            return f"no data for any of {row['n_states']} members"
        return f"{row['largest_state']}, {row['largest_year']} ({row['largest_edition']})"

    add("active personnel of the largest member",
        {a: (pd.NA if pd.isna(v := shares[(a, "forces")]["largest_value"]) else int(v))
         for a in ALLIANCES}, "persons",
        {a: largest_note(a, "forces") for a in ALLIANCES})

    spend = {a: spending_split(capabilities, inside[a]["state"].tolist()) for a in ALLIANCES}

    def spend_note(a: str, what: str) -> str:
        s = spend[a]
        if pd.isna(s["year"]):
            return "no data"
        if what == "largest":
            return f"{s['largest_state']}, {s['year']} ({s['edition']})"
        return (f"sum over {s['n_rest']} of {s['n_states'] - 1} other members with data, "
                f"{s['year']}")

    add("defence spending of the largest member",
        {a: spend[a]["largest"] for a in ALLIANCES}, "usd_million_current",
        {a: spend_note(a, "largest") for a in ALLIANCES})
    add("defence spending of the other members (with data)",
        {a: spend[a]["rest"] for a in ALLIANCES}, "usd_million_current",
        {a: spend_note(a, "rest") for a in ALLIANCES})

    out = pd.DataFrame(table, columns=["measure", *ALLIANCES, "unit", "note"])
    for col in ("measure", "unit", "note"):
        out[col] = out[col].astype("string")
    for col in ALLIANCES:
        out[col] = out[col].astype("object")
    return out


__all__ = [
    "CLAUSE_ADDRESSEES",
    "CLAUSE_PATTERNS",
    "COLLECTIVE_DEFENCE_CLAUSE",
    "clause_invocations",
    "side_by_side",
]
