"""What came, given what was asked, on each channel: the alliance's answers to requests made
to it, and the patron's (Russia's for a CSTO member, the United States' for a NATO member) to
appeals made to it, from the coded request records of :mod:`~analysis.measures.universe`.

Each channel is compared between the alliances within each group of asks
(:func:`~analysis.measures.conditional.conditional_rates`), with Fisher's exact test per group
and the exact stratified test over the groups
(:func:`~analysis.measures.conditional.conditional_tests`).
"""

from __future__ import annotations

import pandas as pd

from .conditional import conditional_rates, conditional_tests

#: The two channels, in the order the book shows them.
CHANNELS: tuple[str, ...] = ("alliance", "patron")


#: The purpose of a request, derived from the crisis it is about (``crisis_candidates``): help
#: at home against unrest, an internal armed conflict or terrorism; help against an armed attack
#: on the member's territory that the universe includes; or help when no attack on the member's
#: territory had occurred (reassurance or deterrence, or a war beyond its borders).
PURPOSES: dict[str, str] = {
    "internal": "internal security",
    "attack": "an armed attack on the member",
    "no_attack": "no attack on the member",
}

#: Crisis categories whose requests are for internal security.
INTERNAL_CATEGORIES: frozenset[str] = frozenset(
    {"unrest", "internal_armed_conflict", "terrorist_attack"})


def request_purposes(coded: pd.DataFrame, candidates: pd.DataFrame) -> pd.Series:
    """The purpose (a key of :data:`PURPOSES`) of each coded request, by ``request_id``: from
    the category and decision of the candidate crisis that names it (the first such row).
    A request no candidate names is ``no_attack``."""
    crisis: dict[str, tuple[str, str]] = {}
    for ids, category, decision in zip(candidates["request_id"], candidates["category"],
                                       candidates["decision"]):
        if pd.isna(ids):
            continue
        for rid in str(ids).split(";"):
            crisis.setdefault(rid.strip(), (str(category), str(decision)))
    out = {}
    for value in coded["request_id"]:
        category, decision = crisis.get(str(value).split(";")[0], ("other", "none"))
        out[value] = ("internal" if category in INTERNAL_CATEGORIES
                      else "attack" if decision == "include" else "no_attack")
    return pd.Series(out, name="purpose")


def _check(channel: str) -> None:
    if channel not in CHANNELS:
        raise ValueError(f"channel must be one of {CHANNELS}, not {channel!r}")


def channel_requests(coded: pd.DataFrame, channel: str) -> pd.DataFrame:
    """The requests counted on ``channel`` (rows of
    :func:`~analysis.measures.alternatives.coded_requests` whose ``channel`` flag is set), with
    ``asked_level`` (the ask to that channel) and ``highest_level`` (the highest level that
    channel's responder reached): ``request_id``, ``organization``, ``requester``, ``crisis``,
    ``date``, ``asked_level``, ``highest_level``."""
    _check(channel)
    rows = coded[coded[channel].astype(bool)]
    out = rows[["request_id", "organization", "requester", "crisis", "date"]].copy()
    out["asked_level"] = rows[f"ask_{channel}"].astype("string")
    out["highest_level"] = rows[f"got_{channel}"].astype("string")
    return out.reset_index(drop=True)


def channel_rates(coded: pd.DataFrame, channel: str) -> pd.DataFrame:
    """:func:`~analysis.measures.conditional.conditional_rates` on ``channel``: per group of
    asks and alliance, ``n``, ``k`` (got what was asked), ``rate`` and the Wilson interval."""
    return conditional_rates(channel_requests(coded, channel))


def channel_tests(coded: pd.DataFrame, channel: str) -> pd.DataFrame:
    """:func:`~analysis.measures.conditional.conditional_tests` on ``channel``: Fisher's exact
    test per group of asks (CSTO against NATO) and the exact stratified test (``all asks``)."""
    return conditional_tests(channel_rates(coded, channel))


def channel_pairs(coded: pd.DataFrame) -> pd.DataFrame:
    """Every request counted on either channel, with what each channel gave, crisis by crisis:
    ``request_id``, ``organization``, ``requester``, ``crisis``, ``date``, ``addressed``
    (``alliance``, ``patron`` or ``both`` as coded), ``alliance_level`` and ``patron_level``
    (the highest level each reached, whomever the request went to; ``<NA>`` for the patron on
    its own crisis), sorted by alliance and date."""
    rows = coded[coded["alliance"].astype(bool) | coded["patron"].astype(bool)].copy()
    addressed = ["both" if a and p else "alliance" if a else "patron"
                 for a, p in zip(rows["alliance"].astype(bool), rows["patron"].astype(bool))]
    out = rows[["request_id", "organization", "requester", "crisis", "date"]].copy()
    out["addressed"] = pd.array(addressed, dtype="string")
    out["alliance_level"] = rows["level_alliance"].astype("string")
    patron = rows["got_patron"].astype("string").copy()
    patron[rows["patron_own"].astype(bool).to_numpy()] = pd.NA
    out["patron_level"] = patron
    return out.sort_values(["organization", "date", "request_id"],
                           kind="stable").reset_index(drop=True)


__all__ = [
    "CHANNELS",
    "INTERNAL_CATEGORIES",
    "PURPOSES",
    "channel_pairs",
    "channel_rates",
    "channel_requests",
    "channel_tests",
    "request_purposes",
]
