"""Facts of the conclusions (``book/conclusions.md``): what the record of requests, responses
and defiance adds up to."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...measures import divisions, rates, requests, sensitivity
from .. import book
from .checks import Guard, check_all


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the conclusions rest on: the CSTO's row of the yardstick (``row``), its requests
    answered with troops (``deployed``), the acts of defiance (``defiance``) and the
    sensitivity table by coding (``sens``)."""
    outcomes = requests.request_outcomes(tables["requests"], tables["responses"])
    return SimpleNamespace(
        row=rates.yardstick(outcomes).set_index("organization").loc["CSTO"],
        deployed=outcomes[(outcomes["organization"] == "CSTO") & outcomes["deployed"]],
        defiance=divisions.defiance_events(tables["events"], tables["memberships"]),
        sens=sensitivity.by_coding(sensitivity.sensitivity_table(
            tables["requests"], tables["responses"], tables["memberships"], cutoff)),
    )


# Worded from the data: most requests drew something; troops never for an outside attack, under
# the main coding and (the alternatives only remove requests or lower levels) under all.
GUARDS = (
    Guard("answered_most_requests",
          "It answered most requests in some way",
          lambda v: v.row["any_action"] > v.row["requests"] / 2),
    Guard("never_for_an_attack_from_outside",
          "it sent troops ..., each time for unrest inside a member, and never for the threat "
          "its treaty names first: an attack on a member from outside",
          lambda v: "armed_attack" not in set(v.deployed["threat"])),
    Guard("troops_for_tajikistan_and_kazakhstan",
          "in Kazakhstan it moved troops within days (the deployments are Tajikistan 1993 and "
          "Kazakhstan 2022)",
          lambda v: v.deployed["request_id"].tolist() == ["CSTO-1993-TJK", "CSTO-2022-KAZ"]),
    Guard("most_answered_under_every_coding",
          "These conclusions hold under every coding choice the book tries",
          lambda v: (v.sens[("any_action_rate", "CSTO")] > 0.5).all()),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    row = v.row
    return {
        "cc_any": book.rate_text(int(row["any_action"]), int(row["requests"]),
                                 row["any_action_low"], row["any_action_high"]),
        "cc_deployed": book.rate_text(int(row["deployed"]), int(row["requests"]),
                                      row["deployed_low"], row["deployed_high"]),
        "cc_crises": int(row["crises"]),
        "cc_defiance": int(v.defiance["total"].sum()),
        "cc_requests": int(row["requests"]),
    }
