"""Facts of the chapter setting the CSTO among other alliances (``book/nato.md``): growth, the
defence clause in use, the literature's measure (casus foederis honoured) beside the published
base rates, the other hegemon-led or regional organizations on the same ladder, and how much each
alliance rests on its largest member."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, clause_use_chart, concentration_panels, growth_chart
from ...charts.style import LEVEL_STYLE
from ...measures import burden, compare, growth, verdicts
from ...measures.exact import ALPHA
from ...measures.universe import PLEDGED
from .. import book
from . import comparison as cm
from .checks import Guard, check_all

#: The published base rates the chapter quotes (``reliability_benchmarks.benchmark_id``).
BENCHMARKS = {"llm": "llm2000-all", "leeds": "leeds2003-all", "bf_all": "bf2018-all",
              "bf_post": "bf2018-all-1945-2003", "bf_defence": "bf2018-defence",
              "bf_defence_post": "bf2018-defence-1945-2003"}

#: The casus foederis crises the chapter names: honoured by each alliance, and those in which
#: the member attacked asked its alliance.
HONOURED = {"CSTO": {"CSTO-C-024"}, "NATO": {"NATO-C-011", "NATO-C-023"}}
ASKED = {"CSTO": {"CSTO-C-004", "CSTO-C-074", "CSTO-C-084"},
         "NATO": {"NATO-C-011", "NATO-C-023"}}

#: The comparators by how the chapter groups them.
NOBODY_ASKED = {"CMP-01", "CMP-02"}
GOVERNMENT_ASKED = {"CMP-03", "CMP-06", "CMP-07"}
OTHERS_INVOKED = {"CMP-04", "CMP-05"}

#: Troop numbers the chapter gives (comparator id -> troops).
TROOPS = {"CMP-03": 1500, "CMP-06": 7000, "CMP-07": 800}

#: The response ladder's levels in words, for the comparators table (an ask of ``none`` is no
#: ask at all).
LEVEL_WORDS = {level: style["label"] for level, style in LEVEL_STYLE.items()}
ASK_WORDS = {**LEVEL_WORDS, "none": "nothing asked"}

#: Names of the comparators' members missing from the states table.
MEMBER_NAMES = {"BHR": "Bahrain", "GMB": "the Gambia", "LSO": "Lesotho"}

#: Requests whose instrument mentions an article without invoking it (the chapter says so).
NOT_INVOCATIONS = {"CSTO-2020-ARM-2", "NATO-2015-TUR-2"}

#: The concentration figure's source line.
CONCENTRATION_SOURCE = ("SIPRI Military Expenditure Database (spending, constant 2023 US$); "
                        "Correlates of War NMC 7.0 (personnel)")


def _shares(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> pd.DataFrame:
    return burden.largest_member_shares(tables["memberships"], tables["capabilities"], cutoff,
                                        personnel=tables["nmc_milper"], spending=tables["milex"])


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the side-by-side measures (``side``, by measure and
    alliance), the collective-defence invocations by alliance (``defence``), and the largest
    member's shares by alliance and measure (``shares``)."""
    side = compare.side_by_side(tables["memberships"], tables["organizations"],
                                tables["requests"], tables["responses"], tables["capabilities"],
                                as_of=cutoff, personnel=tables["nmc_milper"])
    invocations = compare.clause_invocations(tables["requests"], tables["responses"])
    defence = invocations[invocations["clause"] == "collective_defence"]
    shared = cm.values(tables, cutoff)
    crises = shared.universe
    casus = crises[crises["included"].astype(bool) & crises["casus"].astype(bool)]
    memberships = tables["memberships"]
    return SimpleNamespace(
        side=side.set_index("measure"),
        defence=defence.set_index("organization"),
        shares=_shares(tables, cutoff).set_index(["organization", "measure"]),
        invoked={rid for ids in invocations["request_ids"] for rid in ids.split(";")},
        casus=shared.casus, casus_crises=casus, verdicts=shared.verdicts,
        benchmarks=shared.benchmarks, coded=shared.coded, pledged=set(PLEDGED),
        comparators=tables["comparators"].set_index("comparator_id"),
        left_1999=memberships[(memberships["end_reason"] == "not_renewed")
                              & (memberships["organization"] == "CST")
                              & (memberships["end"].dt.year == 1999)],
        frozen=memberships[(memberships["state"] == "ARM")
                           & (memberships["organization"] == "CSTO")
                           & (memberships["status"] == "frozen")],
        suspended=memberships[(memberships["state"] == "UZB")
                              & (memberships["organization"] == "CSTO")
                              & (memberships["status"] == "suspended")],
    )


def _honoured(v: SimpleNamespace, org: str, asked: bool = False) -> set[str]:
    rows = v.casus_crises[v.casus_crises["organization"] == org]
    if asked:
        rows = rows[rows["alliance"].astype(bool)]
    return set(rows.loc[rows["honoured"].astype(bool), "candidate_id"])


def _asked(v: SimpleNamespace, org: str) -> set[str]:
    rows = v.casus_crises[v.casus_crises["organization"] == org]
    return set(rows.loc[rows["alliance"].astype(bool), "candidate_id"])


def _rate(v: SimpleNamespace, key: str) -> float:
    return float(v.benchmarks.loc[BENCHMARKS[key], "rate"]) / 100


def _requester_starts(v: SimpleNamespace, *prefixes: str) -> set[str]:
    return {cid for cid, who in v.comparators["requester"].items()
            if any(str(who).startswith(p) for p in prefixes)}


def _deployed(v: SimpleNamespace) -> pd.DataFrame:
    return v.comparators[v.comparators["response_level"] == "deployment"]


def _csto_alliance_deployments(v: SimpleNamespace) -> set[str]:
    rows = v.coded[(v.coded["organization"] == "CSTO") & v.coded["alliance"].astype(bool)
                   & (v.coded["got_alliance"] == "deployment")]
    return set(rows["request_id"])


def _csto_defence(v: SimpleNamespace) -> pd.DataFrame:
    return v.defence.loc[["CSTO"]]


def _like_for_like(v: SimpleNamespace, measure: str) -> bool:
    """One series, one year, every member, and the CSTO's largest member's share the larger."""
    a, b = v.shares.loc[("CSTO", measure)], v.shares.loc[("NATO", measure)]
    return (a["n_with_data"] == a["n_states"] and b["n_with_data"] == b["n_states"]
            and a["year_min"] == a["year_max"] == b["year_min"] == b["year_max"]
            and a["editions"] == b["editions"] and a["largest_share"] > b["largest_share"])


GUARDS = (
    Guard("nato_only_grew",
          "NATO has only grown: it has ... members ..., its largest number ever, and no state has "
          "left",
          lambda v: v.side.loc["members today", "NATO"] == v.side.loc["largest membership ever",
                                                                      "NATO"]
          and v.side.loc["states that left", "NATO"] == 0),
    Guard("kazakhstan_the_invocation_answered_with_troops",
          "answered with troops ...: for unrest in Kazakhstan",
          lambda v: _csto_defence(v).loc[_csto_defence(v)["outcome"] == "deployment",
                                         "request_ids"].tolist() == ["CSTO-2022-KAZ"]),
    Guard("armenia_invoked_it_too",
          "not for the attack on Armenia",
          lambda v: "CSTO-2022-ARM" in _csto_defence(v)["request_ids"].tolist()),
    Guard("nato_article_5_once_in_2001",
          "NATO's Article 5 has been invoked ..., after the attacks of 11 September 2001",
          lambda v: v.defence.loc[["NATO"], "request_ids"].tolist() == ["NATO-A5-2001-USA"]),
    Guard("left_in_1999_and_the_freeze",
          "Azerbaijan, Georgia and Uzbekistan did not renew the treaty in 1999 ...; Uzbekistan "
          "... was suspended in 2012 ...; and Armenia, to which the alliance declined to send "
          "troops in 2022, froze its participation in 2024",
          lambda v: set(v.left_1999["state"]) == {"AZE", "GEO", "UZB"}
          and int(v.frozen["start"].dt.year.min()) == 2024
          and int(v.side.loc["states that left", "CSTO"]) == 3
          and set(v.suspended["start"].dt.year) == {2012}
          and v.coded.set_index("request_id").loc["CSTO-2022-ARM", "got_alliance"]
          != "deployment"),
    Guard("mentions_are_not_invocations",
          "an appeal to Moscow under Armenia's bilateral treaty with Russia, or a call for a "
          "council meeting expressly made outside Article 4, is not one",
          lambda v: not (NOT_INVOCATIONS & v.invoked)),
    Guard("casus_honoured_as_named",
          "The CSTO honoured ...: the arms ... Kyrgyzstan after ... Batken in 1999. NATO "
          "honoured ...: ... after 11 September 2001, and the Patriot batteries ... 2012",
          lambda v: all(_honoured(v, org) == HONOURED[org] for org in HONOURED)),
    Guard("batken_a_pledge_under_the_alternative",
          "what is shown to have arrived was Russian aid, so that the alternative counting "
          "pledges as statements takes it out",
          lambda v: {"CSTO-1999-KGZ-R1", "CSTO-1999-KGZ-R2"} <= v.pledged),
    Guard("casus_asked_as_named",
          "Counting only the crises in which the member attacked asked ..., the CSTO honoured "
          "... (Armenia asked in August 1992, in May 2021 and in September 2022) and NATO ...",
          lambda v: all(_asked(v, org) == ASKED[org] for org in ASKED)
          and not _honoured(v, "CSTO", asked=True)
          and _honoured(v, "NATO", asked=True) == ASKED["NATO"]),
    Guard("casus_not_told_apart",
          "Between the two, the exact test cannot tell the two apart ...; here too ...",
          lambda v: v.casus["p"].iloc[0] >= ALPHA and v.casus["p_asked"].iloc[0] >= ALPHA),
    Guard("casus_holds_under_most_not_all",
          "That the exact test cannot tell the alliances apart on this measure holds under ...; "
          "the smallest change that lets it do so: ...",
          lambda v: v.verdicts["casus_not_apart"].label == verdicts.MOST
          and bool(v.verdicts["casus_not_apart"].failing)),
    Guard("below_and_above_the_post_1945_defence_rate",
          "the CSTO's ... lies below even the post-1945 rate for defence pacts, and NATO's ... "
          "above it; ... both intervals are wide enough to take in that rate",
          lambda v: v.casus.loc["CSTO", "honoured_rate"] < _rate(v, "bf_defence_post")
          < v.casus.loc["NATO", "honoured_rate"]
          and v.casus.loc["CSTO", "honoured_high"] >= _rate(v, "bf_defence_post")
          >= v.casus.loc["NATO", "honoured_low"]),
    Guard("comparators_grouped_as_told",
          "In two of the seven cases, nobody in the member's government asked ... Both times "
          "the force acted against the member's government ... In three cases a government "
          "asked for troops ... and got them ... Two invocations of the Rio Treaty by members "
          "other than the one in crisis",
          lambda v: len(v.comparators) == 7
          and _requester_starts(v, "nobody") == NOBODY_ASKED
          and set(v.comparators.loc[sorted(NOBODY_ASKED), "against_member_government"])
          == {"yes"}
          and _requester_starts(v, "the member's") == GOVERNMENT_ASKED
          and set(v.comparators.loc[sorted(GOVERNMENT_ASKED), "response_level"])
          == {"deployment"}
          and _requester_starts(v, "another member", "other members") == OTHERS_INVOKED
          and set(v.comparators.loc[sorted(OTHERS_INVOKED), "response_level"])
          == {"consultation"}),
    Guard("comparator_troops",
          "about 1,500 ...; some 800 ...; about 7,000 ...",
          lambda v: {c: int(v.comparators.loc[c, "troops"]) for c in TROOPS} == TROOPS),
    Guard("kazakhstan_the_one_deployment_on_request",
          "The CSTO's one deployment at a member's request, Kazakhstan in January 2022 ... "
          "nothing in it resembles NATO's answers of 2001 and 2012",
          lambda v: _csto_alliance_deployments(v) == {"CSTO-2022-KAZ"}
          and not (v.casus_crises[v.casus_crises["organization"] == "CSTO"]["level"]
                   == "deployment").any()),
    Guard("spending_like_for_like",
          "For money and troops alike the book takes every member's figure from one series and "
          "one year ...; the CSTO leans far harder",
          lambda v: _like_for_like(v, "military_spending")),
    Guard("personnel_like_for_like",
          "For money and troops alike ... (troops); the CSTO leans far harder",
          lambda v: _like_for_like(v, "active_personnel")),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    side, shares = v.side, v.shares
    glued: dict[str, str | int] = {}
    for org in ("CSTO", "NATO"):
        key = org.lower()
        glued[f"cn_{key}_today"] = str(side.loc["members today", org])
        glued[f"cn_{key}_invoked"] = book.times(side.loc["collective-defence clause invoked", org])
        glued[f"cn_{key}_troops"] = book.times(side.loc["invocations answered with troops", org])
        glued[f"cn_{key}_consult"] = book.count_of(side.loc["consultation requests", org],
                                                   "request")
        for measure, short in (("military_spending", "spend"), ("active_personnel", "forces")):
            row = shares.loc[(org, measure)]
            glued[f"cn_{key}_{short}"] = book.percent(row["largest_share"])
        glued[f"cn_{key}_spend_n"] = int(shares.loc[(org, "military_spending"), "n_with_data"])
    glued["cn_csto_peak"] = str(side.loc["largest membership ever", "CSTO"])
    glued["cn_csto_left"] = str(side.loc["states that left", "CSTO"])
    glued["cn_spend_year"] = str(shares.loc[("CSTO", "military_spending"), "year_max"])
    glued["cn_forces_year"] = str(shares.loc[("CSTO", "active_personnel"), "year_max"])
    glued.update(_casus_facts(v))
    return glued


def _casus_facts(v: SimpleNamespace) -> dict[str, str | int]:
    casus = v.casus
    verdict = v.verdicts["casus_not_apart"]

    def rate(org: str, name: str, n: str) -> str:
        row = casus.loc[org]
        return book.rate_text(int(row[name]), int(row[n]), row[f"{name}_low"],
                              row[f"{name}_high"])

    post = v.benchmarks.loc[BENCHMARKS["bf_defence_post"]]
    deployed = _deployed(v)
    return {
        "cn_casus_csto_n": int(casus.loc["CSTO", "n"]),
        "cn_casus_nato_n": int(casus.loc["NATO", "n"]),
        "cn_casus_csto": rate("CSTO", "honoured", "n"),
        "cn_casus_nato": rate("NATO", "honoured", "n"),
        "cn_casus_test": cm.told_apart_text(casus["p"].iloc[0]),
        "cn_casus_asked_csto": rate("CSTO", "honoured_asked", "asked"),
        "cn_casus_asked_nato": rate("NATO", "honoured_asked", "asked"),
        "cn_casus_asked_test": cm.told_apart_text(casus["p_asked"].iloc[0]),
        "cn_casus_combinations": cm.combinations_text(verdict),
        "cn_casus_failing": cm.failing_text(verdict),
        "cn_casus_csto_rate": book.percent(casus.loc["CSTO", "honoured_rate"]),
        "cn_casus_nato_rate": book.percent(casus.loc["NATO", "honoured_rate"]),
        "cn_llm": book.percent(_rate(v, "llm"), 1),
        "cn_leeds": book.percent(_rate(v, "leeds")),
        "cn_bf_all": book.percent(_rate(v, "bf_all")),
        "cn_bf_post": book.percent(_rate(v, "bf_post")),
        "cn_bf_defence": book.percent(_rate(v, "bf_defence")),
        "cn_bf_defence_post": book.share(int(post["honoured"]), int(post["opportunities"])),
        "cn_cmp_n": len(v.comparators),
        "cn_cmp_deployed": len(deployed),
        "cn_cmp_against": int((deployed["against_member_government"] == "yes").sum()),
    }


def displays(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """The tables the chapter shows, as Markdown: the comparators on the response ladder,
    numbered and captioned."""
    v = values(tables, cutoff)
    names = {**book.state_names(tables["states"]), **MEMBER_NAMES}
    lines = ["| organization | member, year | who asked | asked for | what came | against the "
             "member's government |", "| --- | --- | --- | --- | --- | --- |"]
    for row in v.comparators.itertuples():
        who = str(row.requester).split("(")[0].split(";")[0].split(":")[0].strip()
        lines.append(f"| {row.organization} | {names[row.member]}, {row.date:%Y} | {who} | "
                     f"{ASK_WORDS[row.asked_level]} | {LEVEL_WORDS[row.response_level]} | "
                     f"{row.against_member_government} |")
    return {"comparators": book.captioned(
        "\n".join(lines), "Other alliances and regional organizations facing a crisis in a member: "
        "who asked, for what, and what came, on the response ladder used for the CSTO and "
        "NATO.", "tab-comparators")}


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: growth, the clauses in use, and concentration."""
    invocations = compare.clause_invocations(tables["requests"], tables["responses"])
    return {
        "fig-cn-growth": growth_chart(growth.membership_growth(tables["memberships"],
                                                               end=cutoff)),
        "fig-cn-clauses": clause_use_chart(invocations),
        "fig-cn-concentration": concentration_panels(_shares(tables, cutoff),
                                                     source=CONCENTRATION_SOURCE),
    }
