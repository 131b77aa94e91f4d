"""How much the headline rates depend on the coding: the same rates for the CSTO and NATO under
the main coding and under each defensible alternative.

Every alternative changes one coding choice and nothing else, then selects the crises with the
one rule for both alliances (:func:`~analysis.measures.selection.select_crises`) and computes the
yardstick (:func:`~analysis.measures.rates.yardstick`, a joint request counted once):

``main``
    The tables as coded.
``bilateral_out``
    An appeal made to Russia bilaterally (``instrument`` starting with
    :data:`BILATERAL_PREFIX`) is not a request to the alliance: the
    crisis stays, as one in which no request reached it.
``soft_out``
    A soft request, a public call with no formal instrument (``instrument`` starting with
    ``none``, yet ``request_made`` yes), is not a request: the crisis stays, without one.
``pledges_not_aid``
    Aid pledged but not shown to be delivered (a ``material_aid`` response whose description
    speaks of a pledge, a promise or a programme endorsed: :data:`PLEDGE_PATTERN`) counts as a
    ``statement``.
``karabakh_out``
    The crises fought in Nagorno-Karabakh, outside Armenia's recognised territory and so outside
    the treaty's scope for Armenia (:data:`KARABAKH_OUTSIDE_SCOPE`), are left out.
``other_frameworks_out``
    Requests made under another organization's framework (the CIS collective peacekeeping force
    in Tajikistan: ``instrument`` naming the CIS) are left out, with their responses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from .rates import yardstick
from .requests import request_outcomes
from .selection import select_crises

#: The prefix of ``requests.instrument`` that marks an appeal made to Russia bilaterally.
BILATERAL_PREFIX = "bilateral appeal to Russia"

#: Each coding: its name and what it changes, main coding first.
CODINGS: dict[str, str] = {
    "main": "main coding (the tables as coded)",
    "bilateral_out": "bilateral appeals to Russia not counted as requests",
    "soft_out": "soft requests (a public call, no formal instrument) not counted",
    "pledges_not_aid": "aid pledged but not shown delivered counted as a statement",
    "karabakh_out": "crises fought in Nagorno-Karabakh left out",
    "other_frameworks_out": "requests under another organization's framework (CIS) left out",
}

#: A ``material_aid`` response whose description matches this is a pledge, not a delivery.
PLEDGE_PATTERN = r"\b(?:pledg\w*|promis\w*|endorsed)\b"

#: Crises of the Nagorno-Karabakh conflict fought in Nagorno-Karabakh, inside Azerbaijan's
#: recognised borders, coded for Armenia: outside the treaty's scope for Armenia (Armenia's
#: appeal of June 1992 over the offensive in Nagorno-Karabakh).
KARABAKH_OUTSIDE_SCOPE: tuple[str, ...] = ("CSTO-1992-ARM-2",)

#: Crises named after the Karabakh war that hit a member's recognised territory: inside the
#: treaty's scope, kept by ``karabakh_out`` (Azerbaijani attacks on Armenia proper in 1992 and in
#: the 2020 war, and the 1993-94 war coded for Azerbaijan, on whose territory it was fought).
KARABAKH_INSIDE_SCOPE: tuple[str, ...] = ("CSTO-1992-ARM", "CSTO-1993-ARM-AZE", "CSTO-2020-ARM-2")

#: The measures :func:`sensitivity_table` reports for each coding and alliance.
MEASURES: tuple[str, ...] = (
    "crises", "requests", "request_share", "any_action", "any_action_rate", "material",
    "material_rate", "deployed", "deployed_rate", "asked_coded", "short", "short_rate",
    "median_lag_first_days", "median_lag_highest_days",
)


def _starts(values: pd.Series, prefix: str) -> pd.Series:
    return pd.Series([isinstance(v, str) and v.startswith(prefix) for v in values.tolist()],
                     index=values.index, dtype=bool)


def _made(requests: pd.DataFrame) -> pd.Series:
    return requests["request_made"].eq("yes").fillna(False).astype(bool)


def is_bilateral(requests: pd.DataFrame) -> pd.Series:
    """Mask of the requests made to Russia bilaterally: ``request_made`` yes and ``instrument``
    starting with :data:`BILATERAL_PREFIX`."""
    return _made(requests) & _starts(requests["instrument"], BILATERAL_PREFIX)


def is_soft(requests: pd.DataFrame) -> pd.Series:
    """Mask of the soft requests: ``request_made`` yes, yet ``instrument`` starting with ``none``
    (a public call, no letter, article or session asked for)."""
    return _made(requests) & _starts(requests["instrument"], "none")


def is_pledge(responses: pd.DataFrame) -> pd.Series:
    """Mask of the ``material_aid`` responses whose ``description`` matches
    :data:`PLEDGE_PATTERN` (aid pledged or a programme endorsed, not shown delivered)."""
    found = re.compile(PLEDGE_PATTERN, re.IGNORECASE)
    return pd.Series([level == "material_aid" and isinstance(text,
                                                             str) and bool(found.search(text))
                      for level, text in zip(responses["level"].tolist(),
                                             responses["description"].tolist())],
                     index=responses.index, dtype=bool)


def is_karabakh(requests: pd.DataFrame) -> pd.Series:
    """Mask of the rows listed in :data:`KARABAKH_OUTSIDE_SCOPE`.

    Raises :class:`ValueError` naming the row when a crisis named after Nagorno-Karabakh is in
    neither :data:`KARABAKH_OUTSIDE_SCOPE` nor :data:`KARABAKH_INSIDE_SCOPE`, so that a new row
    gets a scope decision instead of slipping through.
    """
    ids, crises = requests["request_id"].tolist(), requests["crisis"].tolist()
    known = set(KARABAKH_OUTSIDE_SCOPE) | set(KARABAKH_INSIDE_SCOPE)
    for rid, crisis in zip(ids, crises):
        if isinstance(crisis, str) and "Nagorno-Karabakh" in crisis and rid not in known:
            raise ValueError(f"requests row {rid}: crisis {crisis!r} names Nagorno-Karabakh but "
                             "is in neither KARABAKH_OUTSIDE_SCOPE nor KARABAKH_INSIDE_SCOPE")
    return pd.Series([rid in KARABAKH_OUTSIDE_SCOPE for rid in ids], index=requests.index,
                     dtype=bool)


def is_other_framework(requests: pd.DataFrame) -> pd.Series:
    """Mask of the requests made under another organization's framework: ``request_made`` yes
    and ``instrument`` naming the CIS."""
    found = re.compile(r"\bCIS\b")
    return _made(requests) & pd.Series(
        [isinstance(v, str) and bool(found.search(v)) for v in requests["instrument"].tolist()],
        index=requests.index, dtype=bool)


def recode(
    requests: pd.DataFrame, responses: pd.DataFrame, coding: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``requests`` and ``responses`` as ``coding`` (a key of :data:`CODINGS`) reads them.

    Returns new frames (the inputs are not changed): requests no longer counted get
    ``request_made`` ``no``; pledges get level ``statement``; rows left out are dropped with
    their responses. Raises :class:`ValueError` for an unknown coding.
    """
    if coding not in CODINGS:
        raise ValueError(f"unknown coding {coding!r}; the codings are {list(CODINGS)}")
    req, resp = requests.copy(), responses.copy()
    if coding in ("bilateral_out", "soft_out"):
        mask = is_bilateral(req) if coding == "bilateral_out" else is_soft(req)
        req.loc[mask, "request_made"] = "no"
    elif coding == "pledges_not_aid":
        resp.loc[is_pledge(resp), "level"] = "statement"
    elif coding in ("karabakh_out", "other_frameworks_out"):
        mask = is_karabakh(req) if coding == "karabakh_out" else is_other_framework(req)
        dropped = set(req.loc[mask, "request_id"])
        req = req.loc[~mask]
        resp = resp.loc[~resp["request_id"].isin(dropped)]
    is_karabakh(req)  # every coding checks that Karabakh rows have a scope decision
    return req.reset_index(drop=True), resp.reset_index(drop=True)


def sensitivity_table(
    requests: pd.DataFrame,
    responses: pd.DataFrame,
    memberships: pd.DataFrame,
    end: str | pd.Timestamp,
    codings: Iterable[str] = tuple(CODINGS),
) -> pd.DataFrame:
    """The headline rates of both alliances under each coding: one row per coding and
    organization, in the order of ``codings`` then organization.

    For each coding, :func:`recode`, then :func:`~analysis.measures.selection.select_crises` up to
    ``end`` (the same rule for both alliances), then the yardstick. Columns: ``coding``,
    ``description`` (from :data:`CODINGS`), ``organization`` and :data:`MEASURES`: counts of
    crises and requests, ``request_share`` (requests / crises), the counts and shares of requests
    with any action, material aid or more, and troops; the ask-versus-outcome gap (``short`` of
    ``asked_coded`` requests, ``short_rate``); and the median lags in days. Shares are in [0, 1].
    """
    rows = []
    for coding in codings:
        req, resp = recode(requests, responses, coding)
        chosen = select_crises(req, memberships, end)
        req = req.loc[chosen["included"].to_numpy()]
        yard = yardstick(request_outcomes(req, resp))
        yard["request_share"] = yard["requests"] / yard["crises"]
        yard.insert(0, "description", CODINGS[coding])
        yard.insert(0, "coding", coding)
        rows.append(yard[["coding", "description", "organization", *MEASURES]])
    out = pd.concat(rows, ignore_index=True)
    for col in ("coding", "description", "organization"):
        out[col] = out[col].astype("string")
    return out


def spread(table: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The lowest and highest value of ``measure`` over the codings in ``table``
    (:func:`sensitivity_table`), per organization: columns ``organization``, ``low``, ``high``."""
    grouped = table.groupby("organization", sort=True)[measure]
    return grouped.agg(low="min", high="max").reset_index()


def by_coding(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (:func:`sensitivity_table`) wide: indexed by coding (in table order), one column
    per ``(measure, organization)``, so that a claim can be tested under every coding at once:
    ``(w[("any_action_rate", "CSTO")] < w[("any_action_rate", "NATO")]).all()``."""
    wide = table.pivot(index="coding", columns="organization", values=list(MEASURES))
    return wide.loc[list(table["coding"].drop_duplicates())]


__all__ = [
    "CODINGS",
    "KARABAKH_INSIDE_SCOPE",
    "KARABAKH_OUTSIDE_SCOPE",
    "MEASURES",
    "BILATERAL_PREFIX",
    "PLEDGE_PATTERN",
    "by_coding",
    "is_bilateral",
    "is_karabakh",
    "is_other_framework",
    "is_pledge",
    "is_soft",
    "recode",
    "sensitivity_table",
    "spread",
]
