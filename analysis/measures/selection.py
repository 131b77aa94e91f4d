"""Which crises count: the one rule that selects the crises of either alliance for the rates
(:func:`select_crises`), a coding choice like those :mod:`~analysis.measures.sensitivity` varies.
"""

from __future__ import annotations

import pandas as pd

from ..data.codebook.fields import split_list
from ..data.codebook.vocabulary import THREATS
from ..data.dates import latest_possible
from .membership import Intervals, bodies
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


__all__ = ["PARTY_STATUSES", "WINDOW_START", "select_crises"]
