"""Which crises count, and how often they drew a request.

* :func:`select_crises`: the one rule that selects the rows of ``requests`` of either alliance by
  window, threat and membership (the first comparison's rule);
* :func:`request_shares`: in the crisis universe (:mod:`~analysis.measures.universe`), how many
  included crises of each alliance drew a request to the alliance, to the patron or to either,
  overall and by category, with Wilson intervals; :func:`share_tests` tests every difference
  between the alliances exactly;
* :func:`casus_foederis`: the crises that meet the treaty's trigger (an armed attack on a
  member's territory) and how many the alliance honoured, the literature's measure.
"""

from __future__ import annotations

import pandas as pd

from ..data.codebook.fields import split_list
from ..data.codebook.vocabulary import CRISIS_CATEGORIES, THREATS
from ..data.dates import latest_possible
from .exact import fisher
from .membership import Intervals, bodies
from .rates import wilson_interval
from .requests import precision_or_day, require

#: First day of the window both alliances' crises are selected from (the treaty's year).
WINDOW_START = pd.Timestamp("1992-01-01")


#: Statuses that make a state a party the alliance's promise covers on a day: members, and
#: states that signed the treaty before it entered into force, or whose seat is suspended or
#: frozen (:data:`~analysis.measures.membership.AFFILIATED`).
PARTY_STATUSES: tuple[str, ...] = ("member", "withdrawing", "suspended", "frozen", "signatory")


def select_crises(
    requests: pd.DataFrame,
    memberships: pd.DataFrame,
    end: str | pd.Timestamp,
    start: str | pd.Timestamp = WINDOW_START,
) -> pd.DataFrame:
    """The crises of either alliance, chosen by one rule for both: ``requests`` with the columns
    ``included`` (bool) and ``reason`` (why a row is left out; ``<NA>`` when included).

    A row (a request, or a crisis without one) is included when all three hold, whatever its
    ``organization``:

    * its date falls in the window: the latest day its date may stand for (a ``month`` or
      ``year`` precision date covers the whole period) is on or after ``start``, and its stored
      date is on or before ``end`` (the data's cut-off);
    * its threat is one of the codebook's categories (``THREATS`` in
      :mod:`analysis.data.codebook.vocabulary`: an armed attack, an internal armed conflict,
      unrest, a terrorist attack, a hybrid incident or another security crisis);
    * at least one of its requesters (``;``-separated) was a party to the alliance
      (:data:`PARTY_STATUSES` in any of :func:`~analysis.measures.membership.bodies`) on the
      stored date or on the latest day that date may stand for.

    Rows failing a test keep their place, with ``included`` False and the first failed test in
    ``reason`` (``before window``, ``after cut-off``, ``threat not coded`` or ``no requester was a
    party``): nothing is dropped unseen. Same row order as ``requests``.
    """
    require(requests, ("organization", "requester", "date", "date_precision", "threat"),
             "requests")
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    table = Intervals(memberships)
    dates = requests["date"]
    latest = latest_possible(dates, precision_or_day(requests["date_precision"], dates.index))
    reasons: list[object] = []
    for org, requester, day, late, threat in zip(
            requests["organization"].tolist(), requests["requester"].tolist(), dates.tolist(),
            latest.tolist(), requests["threat"].tolist()):
        if pd.isna(day) or late < first:
            reasons.append("before window")
            continue
        if day > last:
            reasons.append("after cut-off")
            continue
        if pd.isna(threat) or threat not in THREATS:
            reasons.append("threat not coded")
            continue
        wanted = set(split_list(requester))
        organizations = bodies(str(org)) if not pd.isna(org) else ()
        parties = {row[0] for on in (day, late)
                   for row in table.alliance_status(on, organizations)
                   if row[1] in PARTY_STATUSES}
        reasons.append(pd.NA if wanted & parties else "no requester was a party")
    out = requests.copy()
    out["reason"] = pd.array(reasons, dtype="string")
    out["included"] = out["reason"].isna().to_numpy(dtype=bool)
    return out


#: The channels a crisis can draw a request on, as :func:`request_shares` counts them.
SHARE_CHANNELS: tuple[str, ...] = ("alliance", "patron", "either")

#: The alliances compared, in the order of every table.
ORGANIZATIONS: tuple[str, str] = ("CSTO", "NATO")


def _with_interval(row: dict, k: int, n: int, name: str) -> None:
    low, high = wilson_interval(k, n)
    row.update({name: k, f"{name}_rate": k / n if n else float("nan"),
                f"{name}_low": low, f"{name}_high": high})


def request_shares(crises: pd.DataFrame, without_patron: bool = False) -> pd.DataFrame:
    """How many included crises drew a request, by alliance and category.

    ``crises`` are coded crisis records (:func:`~analysis.measures.alternatives.coded_crises`).
    Returns one row per ``(organization, category)``, category ``all`` first and then every
    crisis category (in the codebook's order), every combination present: ``n`` included
    crises; for each channel of :data:`SHARE_CHANNELS`, the count that drew a request on it, its
    share and 95% Wilson interval (``alliance``, ``alliance_rate``, ``alliance_low``,
    ``alliance_high``, and so on); and ``patron_n``, the crises of members other than the
    patron (the patron does not appeal to itself), the denominator of ``patron_rate``. With
    ``without_patron`` the patron's own crises are left out of every count.
    """
    frame = crises[crises["included"].astype(bool)]
    if without_patron:
        frame = frame[~frame["patron_own"].astype(bool)]
    rows = []
    for org in ORGANIZATIONS:
        mine = frame[frame["organization"] == org]
        for category in ("all", *CRISIS_CATEGORIES):
            part = mine if category == "all" else mine[mine["category"] == category]
            n = len(part)
            others = part[~part["patron_own"].astype(bool)]
            row: dict[str, object] = {"organization": org, "category": category, "n": n,
                                      "patron_n": len(others)}
            for channel in SHARE_CHANNELS:
                pool = others if channel == "patron" else part
                _with_interval(row, int(pool[channel].astype(bool).sum()), len(pool), channel)
            rows.append(row)
    return pd.DataFrame(rows)


def share_tests(shares: pd.DataFrame) -> pd.DataFrame:
    """Fisher's exact test of the CSTO's share against NATO's, per category and channel, on a
    :func:`request_shares` table: ``category``, ``channel``, ``k1``, ``n1`` (CSTO), ``k2``,
    ``n2`` (NATO), ``p`` (two-sided), ``p_less`` (the CSTO's share lower), ``p_greater``."""
    table = shares.set_index(["category", "organization"])
    rows = []
    for category in shares["category"].drop_duplicates():
        for channel in SHARE_CHANNELS:
            n = "patron_n" if channel == "patron" else "n"
            a, b = table.loc[(category, "CSTO")], table.loc[(category, "NATO")]
            k1, n1, k2, n2 = int(a[channel]), int(a[n]), int(b[channel]), int(b[n])
            test = fisher(k1, n1, k2, n2)
            rows.append({"category": category, "channel": channel, "k1": k1, "n1": n1,
                         "k2": k2, "n2": n2, "p": test.p, "p_less": test.p_less,
                         "p_greater": test.p_greater})
    return pd.DataFrame(rows)


def casus_foederis(crises: pd.DataFrame) -> pd.DataFrame:
    """The literature's measure: the included crises that meet the treaty's trigger (``casus``)
    and how many the alliance honoured (``honoured``: material aid or troops), per alliance.

    Returns one row per alliance: ``n`` (casus foederis crises), ``honoured`` with its share and
    Wilson interval (``honoured_rate``, ``honoured_low``, ``honoured_high``), ``asked`` (of the
    ``n``, those that drew a request to the alliance) and ``honoured_asked`` (honoured among
    them) with its share and interval over ``asked``; and ``p`` / ``p_asked``, Fisher's exact
    test of the CSTO's honoured share against NATO's (the same value on both rows).
    """
    frame = crises[crises["included"].astype(bool) & crises["casus"].astype(bool)]
    rows = []
    for org in ORGANIZATIONS:
        mine = frame[frame["organization"] == org]
        asked = mine[mine["alliance"].astype(bool)]
        row: dict[str, object] = {"organization": org, "n": len(mine), "asked": len(asked)}
        _with_interval(row, int(mine["honoured"].astype(bool).sum()), len(mine), "honoured")
        _with_interval(row, int(asked["honoured"].astype(bool).sum()), len(asked),
                       "honoured_asked")
        rows.append(row)
    out = pd.DataFrame(rows)
    a, b = out.iloc[0], out.iloc[1]
    out["p"] = fisher(int(a["honoured"]), int(a["n"]), int(b["honoured"]), int(b["n"])).p
    out["p_asked"] = fisher(int(a["honoured_asked"]), int(a["asked"]),
                            int(b["honoured_asked"]), int(b["asked"])).p
    return out


__all__ = [
    "ORGANIZATIONS",
    "PARTY_STATUSES",
    "SHARE_CHANNELS",
    "WINDOW_START",
    "casus_foederis",
    "request_shares",
    "select_crises",
    "share_tests",
]
