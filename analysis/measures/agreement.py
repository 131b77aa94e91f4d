"""Agreement between two states' votes: the one scorer every vote measure uses
(:mod:`~analysis.measures.votes`, :mod:`~analysis.measures.roll_calls`,
:mod:`~analysis.measures.ukraine` and :mod:`~analysis.measures.divisions`).

**The rule.** Two states' votes on the same resolution (or roll call) are compared only when both
have a vote that counts. A vote is ``yes``, ``no``, ``abstain`` or ``absent`` (a member present
in the Assembly's records as not voting); a state with no row has no recorded vote, which is
missing, never guessed, and the pair is left out. Two choices are explicit in every caller:

* ``absent``, what an absence is:

  - ``"vote"``: a fourth option of its own. Two absentees agree; an absentee and a voter do not.
    Staying away is how several Central Asian members avoided taking sides, so treating it as
    missing would hide exactly the hedging the book is about.
  - ``"missing"``: no vote; the pair is left out, never counted as disagreement. This is the
    rule of the roll-call data (Voeten et al.), whose files give no row for an absent state, and
    of Bailey, Strezhnev and Voeten's agreement scores.

* ``abstention``, how a pair scores:

  - ``"three_categories"``: the same vote scores 1, any other pair 0 (yes, no and abstain, and
    absent under ``absent="vote"``, are separate options). This is BSV's ``agree_russia``.
  - ``"half"``: Voeten's dyadic agreement index: the same vote 1, yes against no 0, and a pair in
    which exactly one side abstained 0.5. It is defined for cast votes only (``absent``
    ``"missing"``).

A share of agreement is the sum of the scores over the number of pairs compared. The relation of
a pair (:func:`relation`: ``same``, ``opposite`` for yes against no, ``between`` for anything
else) also gives a move's direction toward or away from a reference (:func:`direction`).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

#: What an absence is (see the module docstring).
ABSENT_RULES: tuple[str, ...] = ("vote", "missing")

#: The two ways of scoring an abstention (see the module docstring).
ABSTENTION_RULES: tuple[str, ...] = ("three_categories", "half")

#: The recorded votes that count as taking part.
CAST: tuple[str, ...] = ("yes", "no", "abstain")


def check_rules(absent: str = "missing", abstention: str = "three_categories") -> None:
    """Raise ValueError for an unknown rule, or for half credit with absences as votes."""
    if absent not in ABSENT_RULES:
        raise ValueError(f"absent must be one of {ABSENT_RULES}, not {absent!r}")
    if abstention not in ABSTENTION_RULES:
        raise ValueError(f"abstention must be one of {ABSTENTION_RULES}, not {abstention!r}")
    if abstention == "half" and absent != "missing":
        raise ValueError("half credit is defined for cast votes only: use absent='missing'")


#: Each rule in words, as a figure's caption states it: (absent, abstention) -> words.
RULE_WORDS: dict[tuple[str, str], str] = {
    ("missing", "three_categories"): "absences left out; yes, no and abstain count as three "
                                     "different votes",
    ("missing", "half"): "absences left out; an abstention against a yes or a no counts as half "
                         "an agreement",
    ("vote", "three_categories"): "an absence counts as a vote of its own; yes, no and abstain "
                                  "count as three different votes",
}


def describe(absent: str = "missing", abstention: str = "three_categories") -> str:
    """The rule in words (:data:`RULE_WORDS`), for the caption of a figure that uses it; raises
    ValueError for a rule :func:`check_rules` refuses."""
    check_rules(absent, abstention)
    return RULE_WORDS[(absent, abstention)]


def counts(vote: object, absent: str) -> bool:
    """Whether ``vote`` takes part in a comparison under the ``absent`` rule (a missing vote
    never does)."""
    if not isinstance(vote, str):
        return False
    return vote in CAST or (vote == "absent" and absent == "vote")


def relation(vote: str, reference_vote: str) -> str:
    """``same`` for the same vote, ``opposite`` for yes against no, ``between`` otherwise."""
    if vote == reference_vote:
        return "same"
    if {vote, reference_vote} == {"yes", "no"}:
        return "opposite"
    return "between"


def score(vote: str, reference_vote: str, abstention: str = "three_categories") -> float:
    """The agreement score of one pair of counted votes: 1, 0.5 or 0 (see the module
    docstring)."""
    kind = relation(vote, reference_vote)
    if kind == "same":
        return 1.0
    if abstention == "half" and kind == "between" and "abstain" in (vote, reference_vote):
        return 0.5
    return 0.0


def direction(vote: str, reference_vote: str) -> int:
    """+1 for the reference's vote, -1 for the opposite of a yes or no, 0 for anything
    between."""
    return {"same": 1, "opposite": -1, "between": 0}[relation(vote, reference_vote)]


def _relations(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised :func:`relation`: (same, opposite) as boolean arrays."""
    same = a == b
    opposite = ((a == "yes") & (b == "no")) | ((a == "no") & (b == "yes"))
    return same, opposite


def vote_scores(votes: pd.Series, reference_votes: pd.Series,
                abstention: str = "three_categories", absent: str = "missing") -> pd.Series:
    """:func:`score` of each pair of votes, aligned by position (float, indexed as ``votes``).

    Raises ValueError for a pair that does not count under the ``absent`` rule (a missing vote,
    or an absence under ``"missing"``): such pairs are left out before scoring.
    """
    check_rules(absent, abstention)
    a = pd.Series(votes, dtype="string").to_numpy(dtype=object, na_value=None)
    b = pd.Series(reference_votes, dtype="string").to_numpy(dtype=object, na_value=None)
    allowed = CAST + (("absent",) if absent == "vote" else ())
    bad = ~(np.isin(a, allowed) & np.isin(b, allowed))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(f"vote pair {i} ({a[i]!r}, {b[i]!r}) is not two of {allowed}")
    same, opposite = _relations(a, b)
    scores = same.astype("float64")
    if abstention == "half":
        scores = scores + 0.5 * (~same & ~opposite & ((a == "abstain") | (b == "abstain")))
    return pd.Series(scores, index=pd.Series(votes).index, dtype="float64")


def paired_votes(votes: pd.DataFrame, reference: str = "RUS", key: str = "rcid",
                 states: Iterable[str] | None = None, absent: str = "missing") -> pd.DataFrame:
    """Each state's vote beside ``reference``'s, for every ``key`` on which both have a vote that
    counts under the ``absent`` rule.

    ``votes`` has columns ``key``, ``state`` and ``vote``; a state voting twice on one ``key``
    raises ValueError. Returns ``key``, ``state``, ``vote`` and ``reference_vote``, sorted by key
    and state; the reference's own rows are kept (they always agree). ``states`` limits the
    states (default: all).
    """
    check_rules(absent)
    counted = votes["vote"].isin(list(CAST) + (["absent"] if absent == "vote" else []))
    cast = votes.loc[counted, [key, "state", "vote"]]
    if cast[[key, "state"]].duplicated().any():
        row = cast[cast[[key, "state"]].duplicated()].iloc[0]
        raise ValueError(f"two votes for {key}={row[key]}, state={row['state']}")
    ref = cast.loc[cast["state"] == reference, [key, "vote"]].rename(
        columns={"vote": "reference_vote"})
    if states is not None:
        cast = cast[cast["state"].isin(list(states))]
    out = cast.merge(ref, on=key, how="inner")
    return out.sort_values([key, "state"], kind="stable").reset_index(drop=True)


def summarise(paired: pd.DataFrame, groups: list[str], abstention: str,
              absent: str = "missing") -> pd.DataFrame:
    """Agreement of :func:`paired_votes` per group of ``groups``: ``votes`` (pairs compared),
    ``same``, ``opposite`` and ``one_abstained`` (counts by :func:`relation`; ``one_abstained``
    is every pair neither same nor opposite), ``agreement`` (the sum of scores under
    ``abstention``) and ``share`` (agreement / votes)."""
    paired = paired.copy()
    paired["score"] = vote_scores(paired["vote"], paired["reference_vote"], abstention,
                                  absent).to_numpy()
    same, opposite = _relations(paired["vote"].to_numpy(dtype=object),
                                paired["reference_vote"].to_numpy(dtype=object))
    paired["same"] = same.astype("int64")
    paired["opposite"] = opposite.astype("int64")
    out = paired.groupby(groups, as_index=False).agg(
        votes=("score", "size"), same=("same", "sum"), opposite=("opposite", "sum"),
        agreement=("score", "sum"))
    out["one_abstained"] = out["votes"] - out["same"] - out["opposite"]
    out["share"] = out["agreement"] / out["votes"]
    return out


__all__ = [
    "ABSENT_RULES",
    "ABSTENTION_RULES",
    "CAST",
    "RULE_WORDS",
    "check_rules",
    "counts",
    "describe",
    "direction",
    "paired_votes",
    "relation",
    "score",
    "summarise",
    "vote_scores",
]
