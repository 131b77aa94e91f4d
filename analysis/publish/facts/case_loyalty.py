"""Facts of the tests of loyalty (``book/case_loyalty.md``): Georgia 2008, Crimea 2014 and
Ukraine from 2022, scored from the members' stances and UN votes."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, case_timeline_chart
from ...measures import cases, votes
from .. import book
from .checks import Guard, check_all

#: The five members and Uzbekistan, a member until 2012, in the chapter's order.
MEMBERS = ["BLR", "ARM", "KAZ", "KGZ", "TJK", "UZB"]
#: The tests of loyalty the chapter scores, first Georgia's.
TESTS = ["recognize_abkhazia_south_ossetia", "recognize_crimea_annexation",
         "recognize_donetsk_luhansk_2022", "recognize_2022_annexations",
         "support_invasion_ukraine", "sanctions_compliance"]
#: The 2014 resolution on the Crimean referendum, and the 2022 one suspending Russia from the
#: Human Rights Council.
CRIMEA, HUMAN_RIGHTS_COUNCIL = "A/RES/68/262", "A/RES/ES-11/3"


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the scorecard by state (``card``), the members'
    stances on Georgia (``georgia``), their votes on the Crimean referendum (``crimea``, by
    state) and on Ukraine since 2022 (``later``), and how often each matched Russia since 2022
    (``share``: how many, of how many)."""
    stances = tables["stances"]
    agree = votes.agreement_with(tables["un_votes"], tables["un_resolutions"], "RUS", MEMBERS)
    later = agree[agree["date"] >= "2022-01-01"]
    return SimpleNamespace(
        card=cases.loyalty_scorecard(stances, TESTS, MEMBERS).set_index("state"),
        georgia=stances[(stances["issue"] == TESTS[0]) & stances["state"].isin(MEMBERS)],
        crimea=agree[agree["resolution"] == CRIMEA].set_index("state"),
        later=later,
        share=later.groupby("state")["agrees"].agg(["sum", "count"]),
    )


def _with_russia_on_crimea(v: SimpleNamespace) -> list[str]:
    return sorted(v.crimea.index[v.crimea["agrees"]])


def _on_the_council(v: SimpleNamespace) -> pd.DataFrame:
    """The members that voted as Russia did on suspending it from the Human Rights Council."""
    return v.later[(v.later["resolution"] == HUMAN_RIGHTS_COUNCIL) & v.later["agrees"]]


GUARDS = (
    Guard("no_member_recognised_abkhazia",
          "not one followed it in recognising the two regions",
          lambda v: v.georgia[v.georgia["alignment"] == "aligned"].empty),
    Guard("armenia_and_belarus_with_russia_on_crimea",
          "Armenia and Belarus were among the ... states voting against with Russia",
          lambda v: _with_russia_on_crimea(v) == ["ARM", "BLR"]),
    Guard("others_at_most_once",
          "No other member matched Russia more than once. That one time ...",
          lambda v: int(v.share.drop(index="BLR")["sum"].max()) == 1),
    Guard("armenia_stayed_away_on_the_council",
          "while Armenia stayed away",
          lambda v: "ARM" not in set(_on_the_council(v)["state"])),
    Guard("only_belarus_took_part_in_the_war",
          "Only Belarus took part in the war itself",
          lambda v: list(v.card.index[v.card["support_invasion_ukraine"] == "aligned"])
          == ["BLR"]),
    Guard("belarus_the_most_loyal",
          "Belarus was aligned on ... of them",
          lambda v: v.card["score"].idxmax() == "BLR"),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    stances, card = tables["stances"], v.card
    names = book.state_names(tables["states"])
    russia = stances[(stances["issue"] == TESTS[0]) & (stances["state"] == "RUS")]
    with_russia = _with_russia_on_crimea(v)
    resolutions = tables["un_resolutions"].set_index("resolution")
    council = _on_the_council(v)
    return {
        "ly_georgia_members": len(v.georgia),
        "ly_rus_recognised": f"{russia['date'].iloc[0]:%-d %B %Y}",
        "ly_crimea_no": int(resolutions.at[CRIMEA, "no"]),
        "ly_crimea_others": ", ".join(f"{names[s]} {v.crimea.at[s, 'vote']}"
                                      for s in v.crimea.index if s not in with_russia),
        "ly_ukr_n": int(v.later["resolution"].nunique()),
        "ly_blr_with": int(v.share.at["BLR", "sum"]),
        "ly_blr_n": int(v.share.at["BLR", "count"]),
        "ly_others_max": book.times(int(v.share.drop(index="BLR")["sum"].max())),
        "ly_hrc": ", ".join(sorted(names[s] for s in council["state"] if s != "BLR")),
        "ly_tests": len(TESTS),
        "ly_max_aligned": max(int((card[test] == "aligned").sum()) for test in TESTS),
        "ly_blr_aligned": int(card.at["BLR", "aligned"]),
        "ly_central_aligned": int(card.loc[["KAZ", "KGZ", "TJK", "UZB"], "aligned"].sum()),
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figure: every recorded stance on the tests, and every UN vote on Ukraine,
    of each member since 2008."""
    items = cases.case_timeline(MEMBERS, stances=tables["stances"], un_votes=tables["un_votes"],
                                un_resolutions=tables["un_resolutions"], start="2008-01-01",
                                end=cutoff)
    other_stance = (items["lane"] == "stances") & ~items["label"].str.split(":").str[0].isin(TESTS)
    return {"fig-case-loyalty": case_timeline_chart(
        items[~other_stance].reset_index(drop=True),
        "Stances and UN votes of the members on Russia's wars, 2008 onward",
        row_by="state", year_step=2,
        source="The CSTO Record, data/stances.csv, un_votes.csv, un_resolutions.csv")}
