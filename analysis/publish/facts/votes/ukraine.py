"""The votes chapter's votes on Ukraine (``book/votes.md``, "The votes on Ukraine"): the
roll calls of 2014-2019 and the emergency session from 2022."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, ukraine_vote_bars, vote_strip_spec
from ....measures import roll_calls as rc
from ....measures.ukraine import ukraine_agreement_by_year, ukraine_vote_counts, vote_record
from ... import book
from ..checks import Guard
from ..claims import sided_with_russia

#: The 2014 resolution on the territorial integrity of Ukraine (the Crimean referendum).
CRIMEA_2014 = "A/RES/68/262"
#: The Central Asian members.
CENTRAL_ASIA = ["KAZ", "KGZ", "TJK", "UZB"]
#: The panels of the figure: titles, before and after the full invasion.
BEFORE, AFTER = "2014-2019: 68/262 and six on Crimea", "2022-2025: ES-11/1 to ES-11/9"


def values(base: SimpleNamespace, tables: dict[str, pd.DataFrame]) -> SimpleNamespace:
    """The roll calls on Crimea since 2014 (``crimea``) and all votes before the invasion
    (``before``, with their votes ``b_votes`` and dates ``b_dated``), the figure's panels
    (``panels``: title -> counts under both abstention rules) and their counts by state
    (``pre``, ``post``, ``post_half``), the members that sided with Russia in the emergency
    session (``es_sided``) and the members' agreement on Ukraine by year (``by_year``)."""
    calls = base.calls
    crimea = calls[calls["short_title"].str.contains("Crimea", na=False)
                   & (calls["date"] >= "2014-01-01")]["resolution"].tolist()
    before = [CRIMEA_2014, *crimea]
    b_votes, b_dated = rc.roll_call_subset(calls, base.roll_votes, before, base.members)
    panels = {}
    for title, (votes, dated) in {BEFORE: (b_votes, b_dated),
                                  AFTER: (tables["un_votes"], base.es11)}.items():
        panels[title] = (ukraine_vote_counts(votes, dated, base.members),
                         ukraine_vote_counts(votes, dated, base.members, abstention="half"))
    return SimpleNamespace(
        crimea=crimea, before=before, b_votes=b_votes, b_dated=b_dated, panels=panels,
        pre=panels[BEFORE][0].set_index("state"), post=panels[AFTER][0].set_index("state"),
        post_half=panels[AFTER][1].set_index("state"),
        es_sided=sided_with_russia(tables["un_votes"], tables["memberships"],
                                   resolutions=base.es11["resolution"]),
        by_year=ukraine_agreement_by_year(tables["un_votes"], base.es11, base.members),
    )


def _last_year(v: SimpleNamespace) -> pd.DataFrame:
    by_year = v.by_year
    return by_year[(by_year["year"] == by_year["year"].max()) & by_year["state"].isin(v.others)]


def _kaz_2022(v: SimpleNamespace) -> tuple[float, float]:
    """Kazakhstan's agreement with Russia in 2022: on all votes, and on the votes on Ukraine."""
    everything = v.series.set_index(["state", "year"]).at[("KAZ", 2022), "share"]
    ukraine = v.by_year.set_index(["state", "year"]).at[("KAZ", 2022), "share"]
    return everything, ukraine


GUARDS = (
    Guard("six_on_crimea",
          "the 2014 resolution declaring the Crimean referendum invalid, and six on human rights "
          "in Crimea and its militarisation",
          lambda v: len(v.crimea) == 6),
    Guard("belarus_and_armenia_every_time_before",
          "Belarus and Armenia voted as Russia did every time",
          lambda v: v.pre.loc["BLR", "same"] == v.pre.loc["ARM", "same"] == len(v.before)),
    Guard("belarus_every_time_after",
          "On the nine emergency-session resolutions only Belarus voted with Russia each time",
          lambda v: v.post.loc["BLR", "same"] == len(v.es11)),
    Guard("others_at_most_once",
          "the other members mostly abstained, with at most one vote as Russia did",
          lambda v: bool((v.post.loc[v.others, "same"].drop("BLR") <= 1).all())),
    Guard("central_asia_once",
          "Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan sided with Moscow once",
          lambda v: bool((v.post.loc[CENTRAL_ASIA, "same"] == 1).all())),
    Guard("azerbaijan_for_then_away",
          "Azerbaijan voted for the 2014 resolution, then stayed away from all ... on Crimea",
          lambda v: v.pre.loc["AZE", "opposite"] == 1
          and v.pre.loc["AZE", "absent"] == len(v.crimea)),
    Guard("armenia_never_after",
          "Armenia ... did not once do so from 2022",
          lambda v: v.post.loc["ARM", "same"] == 0),
    Guard("georgia_always_against",
          "and Georgia against Russia on every one it voted on",
          lambda v: v.pre.loc["GEO", "opposite"] == v.pre.loc["GEO", "votes"]),
    Guard("central_asia_on_the_same_text",
          "and on the same text: the April 2022 vote to suspend Russia from the Human Rights "
          "Council",
          lambda v: v.es_sided == {"A/RES/ES-11/3": CENTRAL_ASIA}),
    Guard("only_belarus_in_the_last_year",
          "In ... no member but Belarus cast a single vote as Russia did",
          lambda v: set(_last_year(v).loc[_last_year(v)["same"] > 0, "state"]) == {"BLR"}),
    Guard("kazakhstan_hedges_on_ukraine",
          "Kazakhstan agreed with Russia on ... of all votes ..., but on only ... of that year's "
          "votes on Ukraine",
          lambda v: _kaz_2022(v)[1] < _kaz_2022(v)[0] / 2),
)


def facts(v: SimpleNamespace) -> dict[str, str | int]:
    """The Ukraine section's glued values (the guards checked)."""
    everything, ukraine = _kaz_2022(v)
    return {
        "vt_before": len(v.before),
        "vt_kaz_before": int(v.pre.loc["KAZ", "same"]),
        "vt_aze_absent": int(v.pre.loc["AZE", "absent"]),
        "vt_post_abstain": int(v.post.loc[v.others, "one_abstained"].sum()),
        "vt_post_cast": int(v.post.loc[v.others, "votes"].sum()),
        "vt_kaz_post": book.percent(v.post.loc["KAZ", "share"]),
        "vt_kaz_post_half": book.percent(v.post_half.loc["KAZ", "share"]),
        "vt_es_last_year": str(int(v.by_year["year"].max())),
        "vt_kaz_2022_all": book.percent(everything),
        "vt_kaz_2022_es": book.percent(ukraine),
    }


def figures(v: SimpleNamespace, states: pd.DataFrame) -> dict[str, Chart]:
    """How each member's votes on Ukraine met Russia's, before and after the invasion."""
    return {"fig-vt-ukraine": ukraine_vote_bars(v.panels, v.groups, states)}


def strip_spec(v: SimpleNamespace, tables: dict[str, pd.DataFrame]) -> dict:
    """The interactive companion of the bars: every member's vote on each resolution. The roll
    calls' short titles are terse; where the hand-coded table has the resolution, its title is
    the one readers see. Raises ValueError if a resolution is missing from the record."""
    un_votes = tables["un_votes"]
    es11_votes = un_votes[un_votes["resolution"].isin(v.es11["resolution"])]
    coded_titles = tables["un_resolutions"].set_index("resolution")["title"]
    titled = v.b_dated.assign(title=v.b_dated["resolution"].map(coded_titles)
                              .fillna(v.b_dated["title"]))
    votes, resolutions = vote_record([(v.b_votes, titled), (es11_votes, v.es11)], v.members)
    if len(resolutions) != len(v.before) + len(v.es11):
        raise ValueError("the vote strip lost or duplicated a resolution")
    return vote_strip_spec(votes, resolutions, tables["states"], order=v.members)
