"""Facts of the methods appendix (``book/methods.md``): the crisis window, the selection, the
borderline examples of each rung, and the discrepancies on record."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...data import dictionary
from ...measures import requests, selection, sensitivity
from .checks import Guard, check_all

#: The borderline example of each rung the appendix describes: response id -> its level.
EXAMPLES = {"CSTO-2020-ARM-R1": "none", "CSTO-2021-TJK-R4": "statement",
            "CSTO-2020-BLR-R1": "statement", "CSTO-2010-KGZ-R1": "consultation",
            "NATO-A4-2014-POL-R2": "mission", "CSTO-2013-TJK-R1": "material_aid",
            "NATO-A5-2001-USA-R4": "deployment", "CSTO-1993-TJK-R1": "deployment"}


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the appendix's sentences rest on: the crisis selection (``chosen``), every
    request's outcome (``outcomes``, by request) and the responses (``responses``, by id)."""
    return SimpleNamespace(
        chosen=selection.select_crises(tables["requests"], tables["memberships"], cutoff),
        outcomes=requests.request_outcomes(tables["requests"], tables["responses"])
        .set_index("request_id"),
        responses=tables["responses"].set_index("response_id"),
    )


GUARDS = (
    Guard("borderline_examples_coded_as_described",
          "A borderline example for each rung, from the data (each checked against the row it "
          "describes)",
          lambda v: {r: v.responses.loc[r, "level"] for r in EXAMPLES} == EXAMPLES),
    Guard("armenia_2022_asked_for_deployment",
          "The borderline case is Armenia in September 2022: ... the ask is coded as a deployment",
          lambda v: v.outcomes.loc["CSTO-2022-ARM", "asked_level"] == "deployment"),
    Guard("kazakhstan_coded_as_unrest",
          "Kazakhstan's unrest of January 2022 is coded as internal unrest",
          lambda v: v.outcomes.loc["CSTO-2022-KAZ", "threat"] == "unrest"),
    Guard("kyrgyz_call_for_police_a_soft_request",
          "Kyrgyzstan's call for outside police in July 2010: it counts, and its instrument "
          "starts with \"none\"",
          lambda v: v.outcomes.loc["CSTO-2010-KGZ-2", "instrument"].startswith("none")),
    Guard("karabakh_crises_in_the_data",
          "The crises fought in Nagorno-Karabakh are listed in KARABAKH_OUTSIDE_SCOPE",
          lambda v: set(sensitivity.KARABAKH_OUTSIDE_SCOPE) <= set(v.outcomes.index)),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the appendix glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    discrepancies = tables["discrepancies"]
    return {
        "me_window": f"{selection.WINDOW_START:%Y}",
        "me_crises": int(v.chosen["included"].sum()),
        "me_left_out": int((~v.chosen["included"]).sum()),
        "me_disc": len(discrepancies),
        "me_disc_facts": len(discrepancies[["table", "record_id", "field"]].drop_duplicates()),
        "me_edges": ", ".join(str(e) for e in requests.PERIOD_EDGES),
    }


def displays(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """The tables the appendix shows, as Markdown: the response scale."""
    return {"scale": dictionary.scale_markdown()}
