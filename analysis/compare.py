"""The CSTO compared with NATO: growth, concentration of power, and use of the defence clause.

Both alliances are read from the same tables. The CSTO is followed back through the 1992
Collective Security Treaty (CST): before the CSTO Charter entered into force (the first day any
state was a ``member`` of the CSTO), the CST is the body that applies, and every table here says
which body a count refers to.

A state counts as *inside* an alliance when it is a ``member`` or when, after having been a member
of the same body, it is ``suspended``, ``frozen`` or ``withdrawing``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from .requests import LEVEL_RANK, request_outcomes

#: The two alliances compared, in the order of the comparison table's columns.
ALLIANCES: tuple[str, ...] = ("CSTO", "NATO")

#: Body that applied before an alliance's own founding act entered into force.
PREDECESSOR: dict[str, str] = {"CSTO": "CST"}

#: The default "today" of the comparison (the book's fixed as-of date).
AS_OF = "2026-11-23"

#: Statuses of a state that is inside but not a full member (counted only after membership).
NOT_FULL: tuple[str, ...] = ("suspended", "frozen", "withdrawing")

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
#: (NATO Article 4; for the CSTO, Article 2 of the treaty).
CLAUSE_PATTERNS: dict[tuple[str, str], str] = {
    ("CSTO", "collective_defence"): r"\bArticle\s+4\b",
    ("CSTO", "consultation"): r"\bArticle\s+2\b",
    ("NATO", "collective_defence"): r"\bArticle\s+5\b",
    ("NATO", "consultation"): r"\bArticle\s+4\b",
}

#: Short names of the clauses, for labels.
CLAUSE_LABEL: dict[tuple[str, str], str] = {
    ("CSTO", "collective_defence"): "CSTO Art. 4 (collective defence)",
    ("NATO", "collective_defence"): "NATO Art. 5 (collective defence)",
    ("CSTO", "consultation"): "CSTO Art. 2 (consultations)",
    ("NATO", "consultation"): "NATO Art. 4 (consultations)",
}

#: The ``capabilities`` measure holding each alliance's budget shares.
BUDGET_MEASURE: dict[str, str] = {"CSTO": "csto_budget_share", "NATO": "nato_common_budget_share"}



# --- membership -------------------------------------------------------------------------------


def _day(date: str | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(date).normalize()


def _bodies(alliance: str) -> tuple[str, ...]:
    """The organization codes that make up ``alliance`` over time, oldest first."""
    return tuple(code for code in (PREDECESSOR.get(alliance), alliance) if code)


def _charter_in_force(memberships: pd.DataFrame, alliance: str) -> pd.Timestamp | None:
    """First day any state was a ``member`` of ``alliance`` itself (not of its predecessor), or
    None when the alliance has no predecessor: the day its own body took over."""
    if alliance not in PREDECESSOR:
        return None
    rows = memberships[(memberships["organization"] == alliance)
                       & (memberships["status"] == "member")]
    return rows["start"].min() if len(rows) else None


def _body_on(alliance: str, day: pd.Timestamp, switch: pd.Timestamp | None) -> str:
    if switch is not None and day < switch:
        return PREDECESSOR[alliance]
    return alliance


def _inside_rows(memberships: pd.DataFrame, bodies: Iterable[str]) -> pd.DataFrame:
    """Rows of ``bodies`` that make a state inside: ``member`` rows, and ``suspended``, ``frozen``
    or ``withdrawing`` rows of a state that was a member of the same body before."""
    rows = memberships[memberships["organization"].isin(list(bodies))]
    full = rows[rows["status"] == "member"]
    first_member = full.groupby(["state", "organization"])["start"].min()
    rest = rows[rows["status"].isin(NOT_FULL)]
    since = pd.Series(
        [first_member.get((s, o)) for s, o in zip(rest["state"], rest["organization"])],
        index=rest.index, dtype="datetime64[ns]",
    )
    after_membership = rest[since.notna() & (since <= rest["start"])]
    return pd.concat([full, after_membership]).sort_values(["organization", "state", "start"])


def _covering(rows: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    """Rows whose interval holds on ``day`` (start inclusive, end exclusive)."""
    return rows[(rows["start"] <= day) & (rows["end"].isna() | (rows["end"] > day))]


def _counts_on(inside: pd.DataFrame, body: str, day: pd.Timestamp) -> dict[str, int]:
    now = _covering(inside[inside["organization"] == body], day)
    full = now.loc[now["status"] == "member", "state"].nunique()
    suspended_or_frozen = now.loc[now["status"].isin(["suspended", "frozen"]), "state"].nunique()
    return {"members": int(full), "suspended_or_frozen": int(suspended_or_frozen),
            "inside": int(now["state"].nunique())}


def membership_growth(
    memberships: pd.DataFrame,
    organizations: Iterable[str] = ALLIANCES,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp = AS_OF,
    freq: str = "YE",
    include_end: bool = True,
) -> pd.DataFrame:
    """Number of states in each alliance at each period end (by default each year end).

    Returns one row per alliance and date with columns ``date``, ``organization`` (the alliance,
    e.g. CSTO), ``body`` (the organization whose membership is counted on that date: the CST
    before the CSTO Charter entered into force), ``members`` (states with status ``member``),
    ``suspended_or_frozen`` (former members now ``suspended`` or ``frozen``) and ``inside``
    (members plus suspended, frozen or withdrawing former members); counts are numbers of
    states. Intervals include their start and exclude their end, so a state that joins on a
    date is counted on that date and one that leaves on it is not.

    Dates are ``pd.date_range(start, end, freq=freq)``; ``start`` defaults to the first day
    any state signed or joined one of the alliances' bodies, and an alliance has no rows before
    its own first such day. With ``include_end``, ``end`` is added as a last date when it is
    not a period end itself, so that the table ends "today".
    """
    alliances = list(organizations)
    all_bodies = [b for a in alliances for b in _bodies(a)]
    relevant = memberships[memberships["organization"].isin(all_bodies)]
    first = _day(start) if start is not None else relevant["start"].min()
    last = _day(end)
    dates = list(pd.date_range(first, last, freq=freq))
    if include_end and (not dates or dates[-1] != last):
        dates.append(last)
    rows = []
    for alliance in alliances:
        bodies = _bodies(alliance)
        opened = relevant.loc[relevant["organization"].isin(list(bodies)), "start"].min()
        switch = _charter_in_force(memberships, alliance)
        inside = _inside_rows(memberships, bodies)
        for day in dates:
            if pd.isna(opened) or day < opened:
                continue
            body = _body_on(alliance, day, switch)
            rows.append({"date": day, "organization": alliance, "body": body,
                         **_counts_on(inside, body, day)})
    columns = ["date", "organization", "body", "members", "suspended_or_frozen", "inside"]
    growth = pd.DataFrame(rows, columns=columns)
    for col in ("organization", "body"):
        growth[col] = growth[col].astype("string")
    for col in ("members", "suspended_or_frozen", "inside"):
        growth[col] = growth[col].astype("int64")
    growth["date"] = growth["date"].astype("datetime64[ns]")
    return growth.sort_values(["organization", "date"]).reset_index(drop=True)


def _change_points(memberships: pd.DataFrame, alliance: str) -> list[pd.Timestamp]:
    """Every day on which the membership of ``alliance`` (or of its predecessor) can change."""
    rows = memberships[memberships["organization"].isin(list(_bodies(alliance)))]
    days = set(rows["start"].dropna()) | set(rows["end"].dropna())
    switch = _charter_in_force(memberships, alliance)
    if switch is not None:
        days.add(switch)
    return sorted(pd.Timestamp(d) for d in days)


def largest_membership(memberships: pd.DataFrame, alliance: str) -> dict[str, object]:
    """The most states ever ``member`` of ``alliance`` at once (its predecessor included).

    Returns ``members`` (a count of states), ``since`` (first day that count was reached),
    ``until`` (the day it first dropped below it, or NaT if it still holds) and ``body``
    (the organization counted on ``since``).
    """
    switch = _charter_in_force(memberships, alliance)
    inside = _inside_rows(memberships, _bodies(alliance))
    series = [
        (day, _body_on(alliance, day, switch),
         _counts_on(inside, _body_on(alliance, day, switch), day)["members"])
        for day in _change_points(memberships, alliance)
    ]
    best = max(count for _, _, count in series)
    since_index = next(i for i, (_, _, count) in enumerate(series) if count == best)
    until = next((day for day, _, count in series[since_index:] if count < best), pd.NaT)
    day, body, _ = series[since_index]
    return {"members": best, "since": day, "until": until, "body": body}


def states_inside(
    memberships: pd.DataFrame, alliance: str, date: str | pd.Timestamp = AS_OF
) -> pd.DataFrame:
    """States inside ``alliance`` on ``date``: columns ``state`` and ``status`` (``member``, or
    ``suspended``/``frozen``/``withdrawing`` for former members), sorted by state."""
    day = _day(date)
    switch = _charter_in_force(memberships, alliance)
    body = _body_on(alliance, day, switch)
    now = _covering(_inside_rows(memberships, [body]), day)
    return now[["state", "status"]].sort_values("state").reset_index(drop=True)


def states_that_left(
    memberships: pd.DataFrame, alliance: str, date: str | pd.Timestamp = AS_OF
) -> pd.DataFrame:
    """States once ``member`` of ``alliance`` (or its predecessor) that are not inside it on
    ``date``: columns ``state`` and ``left`` (the last day their membership, or suspension,
    ended, i.e. the first day outside), sorted by state."""
    day = _day(date)
    bodies = _bodies(alliance)
    inside = _inside_rows(memberships, bodies)
    inside = inside[inside["start"] <= day]
    now = set(states_inside(memberships, alliance, day)["state"])
    gone = inside[~inside["state"].isin(now)]
    left = gone.groupby("state")["end"].max().reset_index().rename(columns={"end": "left"})
    return left.sort_values("state").reset_index(drop=True)


# --- requests ---------------------------------------------------------------------------------


def clause_invocations(requests: pd.DataFrame, responses: pd.DataFrame) -> pd.DataFrame:
    """Each occasion on which a member invoked its alliance's defence or consultation clause.

    A request counts when ``request_made`` is ``yes`` and its ``instrument`` names the clause
    (:data:`CLAUSE_PATTERNS`: CSTO Article 4 and NATO Article 5 for collective defence, NATO
    Article 4 and CSTO Article 2 for consultations); requests that name no article are not
    counted. Requests of several members about the same crisis on the same day (NATO's joint
    request of 24 February 2022) are one occasion.

    Returns one row per occasion: ``organization``, ``clause`` (``collective_defence`` or
    ``consultation``), ``label``, ``crisis``, ``date``, ``request_ids`` (``;``-separated),
    ``n_requests`` (requests merged) and ``outcome`` (the highest response level over those
    requests, ``none`` where no response is recorded), sorted by organization, clause, date.
    """
    made = requests[requests["request_made"] == "yes"]
    highest = request_outcomes(requests, responses).set_index("request_id")["highest_level"]
    rows = []
    for (org, clause), pattern in CLAUSE_PATTERNS.items():
        hits = made[(made["organization"] == org)
                    & made["instrument"].str.contains(pattern, regex=True).fillna(False)]
        for (crisis, date), group in hits.groupby(["crisis", "date"], sort=True):
            levels = [highest.get(r, "none") for r in group["request_id"]]
            outcome = max(levels, key=LEVEL_RANK.__getitem__)
            rows.append({
                "organization": org, "clause": clause, "label": CLAUSE_LABEL[(org, clause)],
                "crisis": crisis, "date": date,
                "request_ids": ";".join(sorted(group["request_id"])),
                "n_requests": len(group), "outcome": outcome,
            })
    columns = ["organization", "clause", "label", "crisis", "date", "request_ids", "n_requests",
               "outcome"]
    out = pd.DataFrame(rows, columns=columns)
    for col in ("organization", "clause", "label", "crisis", "request_ids", "outcome"):
        out[col] = out[col].astype("string")
    out["date"] = out["date"].astype("datetime64[ns]")
    out["n_requests"] = out["n_requests"].astype("int64")
    return out.sort_values(["organization", "clause", "date"]).reset_index(drop=True)


# --- capabilities -----------------------------------------------------------------------------


def concentration(
    capabilities: pd.DataFrame,
    measure: str,
    states: Iterable[str],
    year: int | None = None,
) -> pd.DataFrame:
    """How concentrated ``measure`` is among ``states``: one row.

    Shares are computed only over the states with data, and the row says how many there are
    (``n_with_data`` of ``n_states``). For a measure in persons or money a state's share is its
    value divided by the total of the states with data. For a measure in ``percent`` (a budget
    share) the value already is the state's share of the whole budget, so it is used as given;
    then the Herfindahl-Hirschman index is a lower bound when some states lack data.

    ``year`` picks one year. Without it, persons and money use each state's latest figure (years
    may differ: see ``year_min`` and ``year_max``), while percent measures use the latest year with
    any figure, because shares of different years' budgets cannot be combined.

    Returns ``measure``, ``unit``, ``n_states``, ``n_with_data``, ``year_min``, ``year_max``,
    ``editions`` (``; ``-separated), ``largest_state`` (``;``-joined when tied),
    ``largest_value`` (in ``unit``), ``largest_year`` and ``largest_edition`` (what the largest
    value refers to), ``largest_share`` (0-1), ``hhi`` (sum of squared shares,
    0-1; 1/n when n states with data are equal, 1 when one state holds everything) and
    ``share_basis`` (how shares were computed).
    """
    wanted = sorted(set(states))
    of_measure = capabilities[capabilities["measure"] == measure]
    units = of_measure["unit"].dropna().unique().tolist()
    if len(units) > 1:
        raise ValueError(f"{measure} comes in several units: {units}")
    unit = units[0] if units else pd.NA
    percent = bool(units) and unit == "percent"
    rows = of_measure[of_measure["state"].isin(wanted)]
    if year is not None:
        rows = rows[rows["year"] == year]
    elif percent and len(rows):
        rows = rows[rows["year"] == rows["year"].max()]
    elif len(rows):
        rows = rows.sort_values("year").groupby("state", as_index=False).tail(1)
    result: dict[str, object] = {
        "measure": measure, "unit": unit, "n_states": len(wanted), "n_with_data": len(rows),
        "year_min": pd.NA, "year_max": pd.NA, "editions": pd.NA, "largest_state": pd.NA,
        "largest_value": float("nan"), "largest_year": pd.NA, "largest_edition": pd.NA,
        "largest_share": float("nan"), "hhi": float("nan"),
        "share_basis": "reported share of the whole budget (HHI is a lower bound when data is "
        "partial)" if percent else "share of the total over states with data",
    }
    if len(rows):
        values = rows.set_index("state")["value"].astype("float64")
        shares = values / 100.0 if percent else values / values.sum()
        top = values.max()
        top_rows = rows[rows["value"] == top]
        result.update({
            "year_min": int(rows["year"].min()), "year_max": int(rows["year"].max()),
            "editions": "; ".join(sorted(rows["edition"].unique())),
            "largest_state": ";".join(sorted(values.index[values == top])),
            "largest_value": float(top),
            "largest_year": int(top_rows["year"].max()),
            "largest_edition": "; ".join(sorted(top_rows["edition"].unique())),
            "largest_share": float(shares.max()),
            "hhi": float((shares**2).sum()),
        })
    out = pd.DataFrame([result])
    for col in ("measure", "unit", "editions", "largest_state", "largest_edition", "share_basis"):
        out[col] = out[col].astype("string")
    for col in ("n_states", "n_with_data"):
        out[col] = out[col].astype("int64")
    for col in ("year_min", "year_max", "largest_year"):
        out[col] = out[col].astype("Int64")
    return out


def largest_member_shares(
    memberships: pd.DataFrame, capabilities: pd.DataFrame, date: str | pd.Timestamp = AS_OF
) -> pd.DataFrame:
    """Concentration of the common budget and of active forces in each alliance.

    For each alliance in :data:`ALLIANCES` and each panel (``budget``: the alliance's budget-share
    measure; ``forces``: ``active_personnel``), :func:`concentration` over the states inside the
    alliance on ``date`` (members and frozen or suspended members). Returns ``organization``,
    ``panel`` and the columns of :func:`concentration`.
    """
    frames = []
    for alliance in ALLIANCES:
        states = states_inside(memberships, alliance, date)["state"].tolist()
        panels = (("budget", BUDGET_MEASURE[alliance]), ("forces", "active_personnel"))
        for panel, measure in panels:
            row = concentration(capabilities, measure, states)
            row.insert(0, "panel", pd.array([panel], dtype="string"))
            row.insert(0, "organization", pd.array([alliance], dtype="string"))
            frames.append(row)
    return pd.concat(frames, ignore_index=True)


def _best_year(capabilities: pd.DataFrame, measure: str, states: list[str]) -> int | None:
    """The year in which most of ``states`` have a figure for ``measure`` (the latest if tied)."""
    rows = capabilities[(capabilities["measure"] == measure) & capabilities["state"].isin(states)]
    if rows.empty:
        return None
    coverage = rows.groupby("year")["state"].nunique().reset_index()
    coverage = coverage.sort_values(["state", "year"])
    return int(coverage["year"].iloc[-1])


def _spending_split(capabilities: pd.DataFrame, states: list[str]) -> dict[str, object]:
    """Defence spending of the biggest spender and of the other states with data, in the year with
    the best coverage."""
    year = _best_year(capabilities, "defence_spending", states)
    empty = {"year": pd.NA, "largest_state": pd.NA, "largest": pd.NA, "rest": pd.NA,
             "n_rest": 0, "n_states": len(states), "edition": pd.NA}
    if year is None:
        return empty
    rows = capabilities[(capabilities["measure"] == "defence_spending")
                        & capabilities["state"].isin(states) & (capabilities["year"] == year)]
    rows = rows.sort_values(["value", "state"], ascending=[False, True])
    top = rows.iloc[0]
    return {"year": year, "largest_state": top["state"], "largest": float(top["value"]),
            "rest": float(rows["value"].iloc[1:].sum()), "n_rest": len(rows) - 1,
            "n_states": len(states), "edition": "; ".join(sorted(rows["edition"].unique()))}


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
    as_of: str | pd.Timestamp = AS_OF,
) -> pd.DataFrame:
    """The CSTO and NATO side by side: one row per measure.

    Returns columns ``measure``, ``CSTO``, ``NATO`` (the values, which may be numbers or text;
    missing where the data has none), ``unit`` and ``note`` (what body, date, year, edition or
    coverage each value refers to, CSTO first). Membership is read on ``as_of``; capabilities use
    the latest figures, over the states inside each alliance on ``as_of``. Invocations count
    occasions as :func:`clause_invocations` does; "answered with troops" means the highest
    response level was ``deployment``.
    """
    day = _day(as_of)
    table: list[dict[str, object]] = []

    def add(measure: str, values: Mapping[str, object], unit: str, notes: Mapping[str, str]):
        table.append({"measure": measure, **{a: values.get(a, pd.NA) for a in ALLIANCES},
                      "unit": unit,
                      "note": " | ".join(f"{a}: {notes[a]}" for a in ALLIANCES if notes.get(a))})

    founded = organizations.set_index("code")["founded"]

    def founding_note(a: str) -> str:
        text = "; ".join(f"{b} founded {_fmt_day(founded[b])}" for b in _bodies(a))
        switch = _charter_in_force(memberships, a)
        return text + (f"; {a} membership from {_fmt_day(switch)}" if switch is not None else "")

    add("founding year",
        {a: int(founded[_bodies(a)[0]].year) for a in ALLIANCES}, "year",
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

    shares = largest_member_shares(memberships, capabilities, day).set_index(["organization",
                                                                              "panel"])

    def coverage(a: str, panel: str) -> str:
        row = shares.loc[(a, panel)]
        if row["n_with_data"] == 0:
            return f"no data for any of {row['n_states']} members"
        years = (f"{row['year_min']}" if row["year_min"] == row["year_max"]
                 else f"{row['year_min']}-{row['year_max']}")
        who = str(row["largest_state"]).replace(";", " and ") + (
            " (tied)" if ";" in str(row["largest_state"]) else "")
        return (f"{who}, {years}, {row['n_with_data']} of {row['n_states']} "
                f"members with data ({row['editions']})")

    add("largest member's share of the common budget",
        {a: _pct(shares.loc[(a, "budget"), "largest_share"]) for a in ALLIANCES}, "percent",
        {a: f"{BUDGET_MEASURE[a]}: " + coverage(a, "budget") for a in ALLIANCES})
    add("largest member's share of active personnel",
        {a: _pct(shares.loc[(a, "forces"), "largest_share"]) for a in ALLIANCES}, "percent",
        {a: "share of members with data; " + coverage(a, "forces") for a in ALLIANCES})
    def largest_note(a: str, panel: str) -> str:
        row = shares.loc[(a, panel)]
        if row["n_with_data"] == 0:
            return f"no data for any of {row['n_states']} members"
        return f"{row['largest_state']}, {row['largest_year']} ({row['largest_edition']})"

    add("active personnel of the largest member",
        {a: (pd.NA if pd.isna(v := shares.loc[(a, "forces"), "largest_value"]) else int(v))
         for a in ALLIANCES}, "persons",
        {a: largest_note(a, "forces") for a in ALLIANCES})

    spend = {a: _spending_split(capabilities, inside[a]["state"].tolist()) for a in ALLIANCES}

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
    "ALLIANCES",
    "BUDGET_MEASURE",
    "CLAUSE_PATTERNS",
    "COLLECTIVE_DEFENCE_CLAUSE",
    "clause_invocations",
    "concentration",
    "largest_member_shares",
    "largest_membership",
    "membership_growth",
    "side_by_side",
    "states_inside",
    "states_that_left",
]
