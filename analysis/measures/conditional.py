"""What came, given what was asked: response rates within each level of the ask, for two
alliances, with exact tests of every difference.

Members of the two alliances asked for different things (CSTO members mostly for troops, NATO
members mostly for consultations), and a council meeting answers a request for consultations by
construction. So the book never compares the alliances' overall rates of "got what was asked";
it compares them *within* each group of asks (:data:`ASK_GROUPS`), and pools the groups only
through the exact stratified test (:func:`~analysis.measures.exact.stratified`), which holds the
mix of asks fixed.

A request *got what it asked* when the highest response of the responder in question reached
the level asked (rank of the response >= rank of the ask on
:data:`~analysis.data.codebook.vocabulary.RESPONSE_LEVELS`).
"""

from __future__ import annotations

import pandas as pd

from ..data.codebook.vocabulary import RESPONSE_LEVELS
from .exact import ExactTest, Stratum, fisher, stratified
from .rates import wilson_interval

#: The groups of asks the comparison holds apart, from the level asked.
ASK_GROUPS: dict[str, str] = {
    "deployment": "troops",
    "material_aid": "material aid",
    "mission": "material aid",
    "consultation": "consultation",
    "statement": "consultation",
}

#: The groups in the order the book shows them (the most demanding ask first).
GROUP_ORDER: tuple[str, ...] = ("troops", "material aid", "consultation")

_RANK = {level: rank for rank, level in enumerate(RESPONSE_LEVELS)}


def ask_group(levels: pd.Series) -> pd.Series:
    """The group (:data:`ASK_GROUPS`) of each asked level, as strings; ``<NA>`` where the ask is
    not coded. Raises :class:`ValueError` naming a level that is on no group."""
    values = levels.astype("object").tolist()
    unknown = sorted({v for v in values if not pd.isna(v)} - set(ASK_GROUPS))
    if unknown:
        raise ValueError(f"asked level(s) {unknown} belong to no group of ASK_GROUPS")
    return pd.Series(pd.array([pd.NA if pd.isna(v) else ASK_GROUPS[v] for v in values],
                              dtype="string"), index=levels.index, name="ask_group")


def got_what_was_asked(asked: pd.Series, highest: pd.Series) -> pd.Series:
    """Whether the highest response reached the level asked (bool; False where nothing came).
    ``<NA>`` where the ask is not coded."""
    out = []
    for a, h in zip(asked.astype("object").tolist(), highest.astype("object").tolist()):
        if pd.isna(a):
            out.append(pd.NA)
        else:
            out.append(_RANK["none" if pd.isna(h) else h] >= _RANK[a])
    return pd.Series(pd.array(out, dtype="boolean"), index=asked.index, name="got")


def conditional_rates(
    requests: pd.DataFrame,
    highest: str = "highest_level",
    asked: str = "asked_level",
    organizations: tuple[str, str] = ("CSTO", "NATO"),
) -> pd.DataFrame:
    """Within each group of asks, how many requests of each alliance got what they asked.

    ``requests`` holds one row per request made (a joint request once), with ``organization``,
    the level asked (column ``asked``) and the highest level of the response counted (column
    ``highest``: the alliance's, or the patron's for the bilateral channel). Rows whose ask is
    not coded are left out (they cannot be scored).

    Returns one row per ``(ask_group, organization)``, groups in :data:`GROUP_ORDER` and
    organizations in ``organizations`` order, every combination present (``n`` may be 0):
    ``n`` requests, ``k`` that got what they asked, ``rate`` = k/n (NaN when n is 0) and the
    95% Wilson interval ``low``, ``high``.
    """
    frame = requests[requests["organization"].isin(organizations)]
    frame = frame[frame[asked].notna()]
    groups = ask_group(frame[asked])
    got = got_what_was_asked(frame[asked], frame[highest])
    rows = []
    for group in GROUP_ORDER:
        for org in organizations:
            mask = (groups == group).fillna(False).to_numpy() & (
                frame["organization"] == org).to_numpy()
            n, k = int(mask.sum()), int(got[mask].sum())
            low, high = wilson_interval(k, n)
            rows.append({"ask_group": group, "organization": org, "n": n, "k": k,
                         "rate": k / n if n else float("nan"), "low": low, "high": high})
    return pd.DataFrame(rows)


def _strata(rates: pd.DataFrame, first: str, second: str) -> dict[str, Stratum]:
    out = {}
    for group, part in rates.groupby("ask_group", sort=False):
        a = part[part["organization"] == first].iloc[0]
        b = part[part["organization"] == second].iloc[0]
        out[str(group)] = Stratum(int(a["k"]), int(a["n"]), int(b["k"]), int(b["n"]))
    return out


def conditional_tests(rates: pd.DataFrame, first: str = "CSTO",
                      second: str = "NATO") -> pd.DataFrame:
    """Exact tests of ``first`` against ``second`` on :func:`conditional_rates`' table: one row
    per ask group (Fisher's exact test) and a last row ``all asks`` (the exact stratified test,
    holding the mix of asks fixed).

    Columns: ``ask_group``; ``k1``, ``n1``, ``k2``, ``n2``; ``p`` (two-sided), ``p_less``
    (``first`` got what it asked less often), ``p_greater``; ``testable`` (the stratum, or for
    the last row at least one stratum, carries information: both alliances present and the
    outcome varies).
    """
    strata = _strata(rates, first, second)
    rows = []
    for group, s in strata.items():
        rows.append(_row(group, s.k1, s.n1, s.k2, s.n2, fisher(s.k1, s.n1, s.k2, s.n2)))
    total = [sum(getattr(s, f) for s in strata.values()) for f in ("k1", "n1", "k2", "n2")]
    rows.append(_row("all asks", *total, stratified(strata.values())))
    return pd.DataFrame(rows)


def _row(group: str, k1: int, n1: int, k2: int, n2: int, test: ExactTest) -> dict:
    return {"ask_group": group, "k1": k1, "n1": n1, "k2": k2, "n2": n2, "p": test.p,
            "p_less": test.p_less, "p_greater": test.p_greater,
            "testable": test.informative > 0}


__all__ = [
    "ASK_GROUPS",
    "GROUP_ORDER",
    "ask_group",
    "conditional_rates",
    "conditional_tests",
    "got_what_was_asked",
]
