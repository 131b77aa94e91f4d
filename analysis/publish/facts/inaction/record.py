"""What the requests chapter rests on: the requests it names, the comparison's values with the
chapter's own additions, and the helpers its guards and facts read."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from ....data.codebook.fields import split_list
from ....measures import exact, exact_arrays, verdicts
from ....measures.alternatives import BY_NAME
from ....measures.channels import request_purposes
from ....measures.conditional import ASK_GROUPS
from ....measures.levels import LEVEL_RANK
from .. import comparison as cm

#: The requests the chapter names for each channel, ask and alliance (ids as in requests.csv).
NAMED = {
    ("alliance", "CSTO"): {"CSTO-1992-ARM", "CSTO-1992-ARM-2", "CSTO-2022-KAZ",
                           "CSTO-2022-ARM"},
    ("alliance", "NATO"): {"NATO-A5-2001-USA", "NATO-A4-2003-TUR", "NATO-AD-2012-TUR",
                           "NATO-A4-2014-POL", "NATO-2014-EST"},
    ("patron", "CSTO"): {"CSTO-2010-KGZ", "CSTO-2020-BLR", "CSTO-2021-ARM", "CSTO-2021-ARM-2",
                         "CSTO-2022-ARM"},
    ("patron", "NATO"): {"NATO-A4-2014-POL", "NATO-2014-LTU", "NATO-2016-TUR-2",
                         "NATO-A4-2020-TUR"},
}

#: What the chapter says the patron did for each troop appeal it names.
PATRON_ANSWERS = {"CSTO-2010-KGZ": "statement", "CSTO-2020-BLR": "material_aid",
                  "CSTO-2021-ARM": "deployment", "CSTO-2021-ARM-2": "consultation",
                  "CSTO-2022-ARM": "consultation", "NATO-A4-2014-POL": "deployment",
                  "NATO-2014-LTU": "deployment", "NATO-2016-TUR-2": "deployment",
                  "NATO-A4-2020-TUR": "statement"}

#: Armenia's requests and appeals over the attacks of 2020-2022, as the last section counts them.
ARMENIA_2020S = ("CSTO-2020-ARM-2", "CSTO-2021-ARM", "CSTO-2021-ARM-2", "CSTO-2022-ARM")

#: The claims the sensitivity section says hold under every combination, and no other.
EVERYWHERE = ("patron_troops_not_apart", "patron_all_asks_not_apart",
              "armed_attack_requests_not_apart")

#: The one crisis of NATO's universe that drew an appeal to the United States (Kilis, 2016).
KILIS = "NATO-2016-TUR-2"

#: The alternatives that, each alone, leave the troop gap untold (the chapter names them).
NARROWING = {"treaty_in_force", "other_organizations_in", "soft_calls_out", "nato_2014_mission",
             "nato_2001_statement", "nato_patron_appeals_in", "in_universe_only"}

#: The alternatives that widen it (the chapter names them).
WIDENING = {"csto_patron_appeals_in"}

#: Where the universe chart's frame comes from (its credit line in data/origins.csv).
FRAME_ORIGIN = "ucdp-prio-acd-25.1"


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """The comparison's shared values (:func:`.comparison.values`) and what this chapter adds:
    the requests counted on each channel by alliance and group (``on``: (channel, org, group) ->
    the rows), the request-by-request pairs with how the patron ranked against the alliance
    (``pairs``), the troop counts and p-value under each alternative alone (``alone``) and the
    crisis counts by member (``by_member``)."""
    v = cm.values(tables, cutoff)
    coded = v.coded
    on = {}
    for channel in ("alliance", "patron"):
        rows = coded[coded[channel].astype(bool)]
        for org in ("CSTO", "NATO"):
            mine = rows[rows["organization"] == org]
            groups = mine[f"ask_{channel}"].map(ASK_GROUPS)
            for group, short in (("troops", "troops"), ("material aid", "aid"),
                                 ("consultation", "consultation")):
                on[(channel, org, short)] = mine[(groups == group).to_numpy()]
    pairs = v.pairs.copy()
    known = pairs["patron_level"].notna()
    alliance = pairs["alliance_level"].map(LEVEL_RANK)
    patron = pairs["patron_level"].map(LEVEL_RANK)
    pairs["patron_vs_alliance"] = np.where(~known, "own", np.where(
        patron > alliance, "above", np.where(patron < alliance, "below", "equal")))
    g = v.grid
    alone = []
    for j, name in enumerate(g.alternatives):
        counts = [int(g.column(f"cond|alliance|{org}|troops|{x}")[j + 1])
                  for org in ("CSTO", "NATO") for x in ("k", "n")]
        alone.append({"alternative": name, "side": BY_NAME[name].side,
                      "description": BY_NAME[name].description, "csto": counts[:2],
                      "nato": counts[2:],
                      "p": float(exact_arrays.fisher_p(*[np.array([c]) for c in counts])[0])})
    included = v.universe[v.universe["included"].astype(bool)]
    purpose = request_purposes(coded, v.candidates)
    troops = {}
    for org in ("CSTO", "NATO"):
        rows = on[("alliance", org, "troops")]
        got = rows["got_alliance"].map(LEVEL_RANK) >= rows["ask_alliance"].map(LEVEL_RANK)
        for key in ("internal", "attack", "no_attack"):
            mask = (rows["request_id"].map(purpose) == key).to_numpy()
            troops[(org, key)] = (int(got[mask].sum()), int(mask.sum()))
    strata = [exact.Stratum(*troops[("CSTO", k)], *troops[("NATO", k)])
              for k in ("internal", "attack", "no_attack")]
    return SimpleNamespace(
        purpose=purpose, troop_purposes=troops,
        troop_purpose_test=exact.stratified(strata),
        **vars(v), on=on, pairs_ranked=pairs,
        alone=pd.DataFrame(alone).set_index("alternative"),
        included=included,
        by_member=included.groupby(["organization", "member"]).size(),
        made=v.requests[v.requests["made"].astype(bool)],
    )


def ids_in(frame: pd.DataFrame) -> set[str]:
    """The request ids of a frame's rows (a joint request counted once per id)."""
    return {rid for value in frame["request_id"] for rid in split_list(value)}


def got_ids(v: SimpleNamespace, channel: str, org: str, group: str) -> set[str]:
    """The requests of one channel, alliance and ask that got at least what they asked."""
    rows = v.on[(channel, org, group)]
    got = rows[rows[f"got_{channel}"].map(LEVEL_RANK) >= rows[f"ask_{channel}"].map(LEVEL_RANK)]
    return ids_in(got)


def p_value(v: SimpleNamespace, channel: str, group: str = "troops") -> float:
    """The exact test's two-sided p for one kind of ask on one channel."""
    return float(v.tests[channel].loc[group, "p"])


def share_row(v: SimpleNamespace, org: str, category: str, channel: str) -> pd.Series:
    """How often an alliance's crises of one category drew an ask."""
    return v.shares.loc[(org, category)]


def crises_of(v: SimpleNamespace, member: str) -> pd.DataFrame:
    """The crises of the universe that struck one member."""
    return v.included[v.included["member"] == member]


def pair_count(v: SimpleNamespace, org: str, relation: str) -> int:
    """How many of an alliance's requests and appeals the patron's answer ranked ``relation``."""
    pairs = v.pairs_ranked
    return int(((pairs["organization"] == org) & (pairs["patron_vs_alliance"] == relation)).sum())


def armenia_pairs(v: SimpleNamespace) -> pd.DataFrame:
    """The alliance-against-patron pairs of Armenia's requests and appeals of 2020-2022."""
    pairs = v.pairs_ranked
    return pairs[pairs["request_id"].isin(ARMENIA_2020S)]


def outside_count(v: SimpleNamespace, org: str) -> int:
    """How many of an alliance's requests concern crises outside the universe."""
    outside = v.candidates[v.candidates["decision"] == "request_outside_universe"]
    ids = {rid for value in outside["request_id"] for rid in split_list(value)}
    made = v.made[v.made["organization"] == org]
    return int(sum(bool(set(split_list(r)) & ids) for r in made["request_id"]))


def verdict_of(v: SimpleNamespace, name: str) -> verdicts.Verdict:
    """How widely a comparison's claim holds across the combinations of codings."""
    return v.verdicts[name]


def nato_appeals_outside(v: SimpleNamespace) -> set[str]:
    """NATO allies' appeals to the United States."""
    made = v.made[(v.made["organization"] == "NATO")
                  & v.made["addressed"].isin(("patron", "both"))]
    return ids_in(made)


def narrowing_alternatives(v: SimpleNamespace) -> set[str]:
    """The alternatives that, each alone, leave the troop gap untold."""
    by_alt = v.by_alt["alliance_troops_lower"]
    return {a for a in by_alt.index if a != "main" and not by_alt.loc[a, "holds"]}


