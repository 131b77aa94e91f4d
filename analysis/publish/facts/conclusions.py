"""Facts of the conclusions (``book/conclusions.md``): what the record of requests, responses
and defiance adds up to, and which comparisons with NATO hold under every coding the book tries."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...measures import divisions, verdicts
from ...measures.exact import ALPHA
from .. import book
from . import comparison as cm
from .checks import Guard, check_all

#: The comparisons the conclusions say hold under every combination of codings.
EVERYWHERE = ("requests_not_apart", "appeals_csto_more")


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the conclusions rest on: the comparison's shared values (:func:`.comparison.values`),
    the CSTO's requests to the alliance (``asked``: counted on the alliance channel) and those
    answered with troops (``deployed``), and the acts of defiance (``defiance``)."""
    v = cm.values(tables, cutoff)
    coded = v.coded
    asked = coded[(coded["organization"] == "CSTO") & coded["alliance"].astype(bool)]
    return SimpleNamespace(
        **vars(v), asked=asked,
        deployed=asked[asked["got_alliance"] == "deployment"],
        defiance=divisions.defiance_events(tables["events"], tables["memberships"]),
    )


def _acted(v: SimpleNamespace) -> int:
    return int((v.asked["got_alliance"] != "none").sum())


def _troops(v: SimpleNamespace) -> pd.Series:
    return v.tests["alliance"].loc["troops"]


GUARDS = (
    Guard("answered_most_requests",
          "It answered most of the requests its members made to it in some way",
          lambda v: _acted(v) * 2 > len(v.asked)),
    Guard("troops_once_for_unrest_never_for_an_attack",
          "it sent troops ... once, to a government facing unrest at home, and in no crisis "
          "coded as an armed attack on a member; only counting the CIS force of 1993 as the "
          "alliance's changes that",
          lambda v: v.deployed["request_id"].tolist() == ["CSTO-2022-KAZ"]
          and v.verdicts["csto_troops_never_for_attack"].main
          and v.verdicts["csto_troops_never_for_attack"].failing == ("other_organizations_in",)),
    Guard("not_told_apart_on_asking_and_honouring",
          "the two cannot be told apart on how often members asked their alliance, or on how "
          "often the alliance honoured an armed attack on a member",
          lambda v: v.share_tests.loc[("all", "alliance"), "p"] >= ALPHA
          and v.casus["p"].iloc[0] >= ALPHA),
    Guard("troop_gap_not_everywhere",
          "NATO met every request for troops made to it and the CSTO ...; a gap that holds "
          "under only ...",
          lambda v: _troops(v)["k2"] == _troops(v)["n2"] and _troops(v)["k1"] < _troops(v)["n1"]
          and v.verdicts["alliance_troops_lower"].label == verdicts.NOT),
    Guard("moscow_everywhere",
          "What holds under every one is that CSTO members turned to Moscow on their own far "
          "more often than NATO members turned to Washington",
          lambda v: all(v.verdicts[name].label == verdicts.EVERY for name in EVERYWHERE)),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    troops = _troops(v)
    made = v.requests[v.requests["made"].astype(bool)]
    return {
        "cc_any": book.share(_acted(v), len(v.asked)),
        "cc_troops_csto": cm.k_of_n(troops["k1"], troops["n1"]),
        "cc_troops_nato": cm.k_of_n(troops["k2"], troops["n2"]),
        "cc_troops_combinations": cm.combinations_text(v.verdicts["alliance_troops_lower"]),
        "cc_defiance": int(v.defiance["total"].sum()),
        "cc_requests": int((made["organization"] == "CSTO").sum()),
        "cc_requests_nato": int((made["organization"] == "NATO").sum()),
    }
