"""How the CSTO works, in numbers: the terms of the heads of its Secretariat, the order in which
the post rotates, and the timeline of its collective forces.

Functions take the ``office_holders``, ``organs`` and ``forces`` tables
(:mod:`analysis.data.codebook.institutions`) and return DataFrames; an open term is measured to the
data's cut-off date, passed in as ``until``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd

from ..data.codebook.fields import split_list
from ..data.dates import to_day

#: Days in a year, for terms stated in years.
YEAR_DAYS = 365.25
#: The members in Russian alphabetical order (Армения, Беларусь, Казахстан, Кыргызстан, Россия,
#: Таджикистан): since 2015 the post of Secretary General rotates in this order.
RUSSIAN_ALPHABETICAL: tuple[str, ...] = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")

#: How each decision rule of :data:`analysis.data.codebook.institutions.DECISION_RULES` reads in a
#: table.
DECISION_TEXT = {
    "consensus": "by consensus",
    "prepares_only": "prepares and carries out decisions",
    "not_verified": "not stated in the sources read",
}


def terms(holders: pd.DataFrame, until: str | pd.Timestamp) -> pd.DataFrame:
    """One row per term of office, in order, with ``end`` filled with ``until`` for the holder in
    office (``open`` is True), ``days`` in office (``end`` exclusive) and ``years``
    (``days`` / 365.25)."""
    out = holders.sort_values("start", kind="stable").reset_index(drop=True)
    out = out[["holder_id", "office", "name", "state", "start", "end"]].copy()
    out["open"] = out["end"].isna()
    out["end"] = out["end"].fillna(to_day(until))
    out["days"] = (out["end"] - out["start"]).dt.days.astype(int)
    out["years"] = out["days"] / YEAR_DAYS
    return out


def secretaries_general(holders: pd.DataFrame) -> list[str]:
    """Names of the full (not acting) Secretaries General, in the order they took office, each
    once."""
    full = holders[holders["office"] == "secretary_general"].sort_values("start", kind="stable")
    return list(dict.fromkeys(full["name"]))


def acting_days(holders: pd.DataFrame, until: str | pd.Timestamp) -> int:
    """Days the Secretariat was headed by an acting Secretary General, all spells together."""
    spells = terms(holders, until)
    return int(spells.loc[spells["office"] == "acting_secretary_general", "days"].sum())


def follows_rotation(states: Sequence[str], order: Sequence[str] = RUSSIAN_ALPHABETICAL) -> bool:
    """Whether each state in ``states`` is the next after the one before it in the cyclic
    ``order`` (a state absent from ``order`` breaks the rotation). Fewer than two states follow
    any order."""
    position = {state: i for i, state in enumerate(order)}
    for before, after in zip(states, states[1:]):
        if before not in position or after not in position:
            return False
        if position[after] != (position[before] + 1) % len(order):
            return False
    return True


def organs_overview(organs: pd.DataFrame) -> pd.DataFrame:
    """The organs as a reader's table: organ, who sits on it, how it decides (in words), the year
    it was set up and what it does, in the table's order."""
    return pd.DataFrame({
        "Organ": organs["name"].astype(str),
        "Members": organs["composition"].astype(str),
        "Decides": organs["decides"].map(DECISION_TEXT),
        "Set up": organs["established"].dt.year.astype(int),
        "What it does": organs["role"].astype(str),
    }).reset_index(drop=True)


def holders_overview(holders: pd.DataFrame, states: pd.DataFrame,
                     until: str | pd.Timestamp) -> pd.DataFrame:
    """The heads of the Secretariat as a reader's table: name, state, full or acting, first day,
    last day (the day before the successor's first; "in office" for an open term) and years in
    office to one decimal."""
    spells = terms(holders, until)
    names = states.set_index("iso3")["name"]
    last = (spells["end"] - pd.Timedelta(days=1)).dt.strftime("%d %b %Y")
    return pd.DataFrame({
        "Holder": spells["name"].astype(str),
        "State": spells["state"].map(names).astype(str),
        "Office": spells["office"].map({"secretary_general": "Secretary General",
                                        "acting_secretary_general": "acting"}),
        "From": spells["start"].dt.strftime("%d %b %Y"),
        "To": last.where(~spells["open"], "in office"),
        "Years": spells["years"].round(1),
    })


def short_label(name: str, states: str) -> str:
    """A force's short name: the abbreviation in brackets if the name has one ("Collective Rapid
    Reaction Forces (KSOR)" -> "KSOR"); else, for a bilateral grouping, its two states joined by
    a dash ("BLR;RUS" -> "BLR–RUS"); else the name itself."""
    found = re.search(r"\(([^)]+)\)\s*$", name)
    if found:
        return found.group(1)
    parts = split_list(states)
    return "–".join(parts) if len(parts) == 2 else name


def force_timeline(forces: pd.DataFrame) -> pd.DataFrame:
    """The forces in order of creation: ``force_id``, ``name``, ``label`` (:func:`short_label`),
    ``kind``,
    ``region``, ``created``, ``year``, ``strength`` and ``strength_year``."""
    out = forces.sort_values(["created", "force_id"], kind="stable").reset_index(drop=True)
    return pd.DataFrame({
        "force_id": out["force_id"].astype(str),
        "name": out["name"].astype(str),
        "label": [short_label(n, st) for n, st in zip(out["name"].astype(str),
                                                      out["states"].astype(str))],
        "kind": out["kind"].astype(str),
        "region": out["region"].astype(str),
        "created": out["created"],
        "year": out["created"].dt.year.astype(int),
        "strength": out["strength"],
        "strength_year": out["strength_year"],
    })


def forces_overview(forces: pd.DataFrame) -> pd.DataFrame:
    """The forces as a reader's table, in order of creation: name, kind and region in words, the
    date created, and personnel with the year of the figure (empty where no source gives one)."""
    timeline = force_timeline(forces)
    has = timeline["strength"].notna()
    return pd.DataFrame({
        "Force": timeline["name"],
        "Kind": timeline["kind"].str.replace("_", " "),
        "Region": timeline["region"].str.replace("_", " "),
        "Created": timeline["created"].dt.strftime("%d %b %Y"),
        "Personnel": [f"{int(v):,} ({int(y)})" if h else "" for v, y, h in
                      zip(timeline["strength"].fillna(0), timeline["strength_year"].fillna(0),
                          has)],
    })


#: The ``capabilities`` measure that holds the CSTO's budget scales.
BUDGET_SHARE = "csto_budget_share"


def budget_scales(capabilities: pd.DataFrame, members: Mapping[int, Sequence[str]],
                  labels: Mapping[int, str]) -> pd.DataFrame:
    """The CSTO's budget scales as the sources state them, one budget per year of ``labels``
    (year -> what the budget is), each member's share in percent.

    Where the shares stated for a year fall short of 100, the rest is one row for the other
    ``members`` of that year together (the sources give no split among them). One row per
    share, each budget's largest first: ``year``, ``budget`` (the year, as text),
    ``budget_label``, ``payers`` (ISO3 codes, ``;``-joined), ``share`` (percent), ``stated``
    (False for a remainder the book computes) and ``source``.
    """
    rows = []
    stated = capabilities[capabilities["measure"] == BUDGET_SHARE]
    for year, label in labels.items():
        part = stated[stated["year"] == year].sort_values("value", ascending=False, kind="stable")
        if part.empty:
            raise ValueError(f"no budget scale for {year}")
        for _, r in part.iterrows():
            rows.append({"year": year, "budget": str(year), "budget_label": label,
                         "payers": r["state"], "share": float(r["value"]), "stated": True,
                         "source": r["source"]})
        rest = 100.0 - float(part["value"].sum())
        others = sorted(set(members[year]) - set(part["state"]))
        if rest > 0.5:
            if not others:
                raise ValueError(f"the {year} scale sums to {100 - rest:g}% and no member is left")
            rows.append({"year": year, "budget": str(year), "budget_label": label,
                         "payers": ";".join(others), "share": rest, "stated": False,
                         "source": ";".join(dict.fromkeys(part["source"]))})
    return pd.DataFrame(rows, columns=["year", "budget", "budget_label", "payers", "share",
                                       "stated", "source"])


def as_markdown(frame: pd.DataFrame) -> str:
    """A DataFrame as a Markdown pipe table, without the index, for a chapter to display."""
    return frame.to_markdown(index=False)
