"""What the conclusions rest on: the chapters they borrow from, the requests chapter's values
and the helpers their guards and facts read."""

from __future__ import annotations

from types import ModuleType, SimpleNamespace

import pandas as pd

from ....measures import verdicts
from ... import kept
from .. import (
    case_armenia,
    case_belarus,
    case_kyrgyz_tajik,
    case_loyalty,
    case_tajikistan,
    divisions,
    inaction,
    interventions,
    nato,
    readings,
)

#: The comparisons the conclusions say hold under every combination of codings: the patrons'
#: answers to appeals and the shares of armed attacks that drew a request, all of them "cannot
#: be told apart", and nothing that tells the two alliances apart.
EVERYWHERE = {"patron_troops_not_apart", "patron_all_asks_not_apart",
              "armed_attack_requests_not_apart"}

#: The chapters whose guarded sentences the conclusions repeat, by the name their values are
#: kept under in :func:`values`.
BORROWED: dict[str, ModuleType] = {
    "tajikistan": case_tajikistan, "interventions": interventions, "armenia": case_armenia,
    "belarus": case_belarus, "loyalty": case_loyalty, "central_asia": case_kyrgyz_tajik,
    "divisions": divisions, "nato": nato,
}

#: Requests and appeals at most this many on each side are "too few to prove a rule".
FEW = 30


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the conclusions rest on: the requests chapter's values (:func:`.inaction.values`:
    the comparison's shared results, the request-by-request pairs ranked, each alternative
    alone), the CSTO's requests to the alliance (``asked``) and those answered with troops
    (``deployed``), and the values of each chapter in
    :data:`~analysis.publish.facts.conclusions.record.BORROWED` under its key (the NATO
    chapter's hold the largest member's shares of spending and forces)."""
    v = inaction.values(tables, cutoff)
    coded = v.coded
    asked = coded[(coded["organization"] == "CSTO") & coded["alliance"].astype(bool)]
    # what a previous run of this chapter kept, when nothing it was computed from changed
    borrowed = {key: kept.computed(f"conclusions-{key}", tables, cutoff, module.values)
                for key, module in BORROWED.items()}
    return SimpleNamespace(
        **vars(v), asked=asked,
        deployed=asked[asked["got_alliance"] == "deployment"],
        **borrowed,
    )


def borrowed_holds(v: SimpleNamespace, key: str, *names: str) -> bool:
    """Whether the named guards of the chapter kept under ``key`` hold on its values."""
    guards = {g.name: g for g in BORROWED[key].GUARDS}
    return all(bool(guards[name].holds(getattr(v, key))) for name in names)


def requests_hold(v: SimpleNamespace, *names: str) -> bool:
    """Whether the named guards of the requests chapter hold on these values, which hold
    everything that chapter's values do."""
    guards = {g.name: g for g in inaction.GUARDS}
    return all(bool(guards[name].holds(v)) for name in names)


def acted(v: SimpleNamespace) -> int:
    """How many of the CSTO's requests to the alliance drew any answer at all."""
    return int((v.asked["got_alliance"] != "none").sum())


def exact_row(v: SimpleNamespace, channel: str, group: str) -> pd.Series:
    """The exact test of one kind of ask on one channel (``alliance`` or ``patron``), CSTO
    against NATO."""
    return v.tests[channel].loc[group]


def share_row(v: SimpleNamespace, channel: str, category: str = "all") -> pd.Series:
    """The exact test of the shares of crises that drew an ask on one channel, CSTO against NATO."""
    return v.share_tests.loc[(category, channel)]


def largest_share(v: SimpleNamespace, org: str, measure: str) -> float:
    """The largest member's share of an alliance's spending or forces."""
    return float(v.nato.shares.loc[(org, measure), "largest_share"])


def benchmark(v: SimpleNamespace) -> pd.Series:
    """The published rate for defence pacts after 1945 the readings chapter quotes."""
    return v.benchmarks.loc[readings.QUOTED["bf_defence_post"]]


def acts(v: SimpleNamespace, state: str | None = None, since: int = 0) -> int:
    """How many acts of defiance the divisions chapter counts (one member's, or every member's,
    since a year)."""
    acts = v.divisions.acts
    acts = acts[acts["year"] >= since]
    return len(acts) if state is None else int((acts["state"] == state).sum())


def terror_states(v: SimpleNamespace, org: str) -> list[str]:
    """The members struck by the terrorist attacks on an alliance's list of crises."""
    crises = v.universe
    return crises.loc[(crises["organization"] == org) & crises["included"].astype(bool)
                      & (crises["category"] == "terrorist_attack"), "member"].tolist()


def purpose_max_n(v: SimpleNamespace) -> int:
    """The most requests for troops in any one group of the purpose-stratified test."""
    return max(n for _, n in v.troop_purposes.values())


def verdict_of(v: SimpleNamespace, name: str) -> verdicts.Verdict:
    """How widely a comparison's claim holds across the combinations of codings."""
    return v.verdicts[name]


