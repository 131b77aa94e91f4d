"""The votes chapter's votes on Ukraine (``book/votes.md``, "The votes on Ukraine"): the book's
one universe of them (:func:`analysis.publish.facts.claims.ukraine_votes`), before the full
invasion and after it."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, ukraine_vote_bars, vote_strip_spec
from ....charts.votes import finding_title
from ....measures.ukraine import (
    UNIVERSE_RECORDS,
    ukraine_agreement_by_year,
    ukraine_vote_counts,
    vote_record,
)
from ... import book
from ..checks import Guard
from ..claims import sided_with_russia

#: The 2014 resolution on the territorial integrity of Ukraine (the Crimean referendum).
CRIMEA_2014 = "A/RES/68/262"
#: The Central Asian members.
CENTRAL_ASIA = ["KAZ", "KGZ", "TJK", "UZB"]
#: The symbols of the emergency session's resolutions begin so.
ES11 = "A/RES/ES-11/"


def _panel_title(resolutions: pd.DataFrame, words: str) -> str:
    years = resolutions["date"].dt.year
    return f"{words}: {len(resolutions)} votes, {int(years.min())}-{int(years.max())}"


def values(base: SimpleNamespace, tables: dict[str, pd.DataFrame]) -> SimpleNamespace:
    """The universe's resolutions before the invasion (``before``; among them the roll calls on
    Crimea, ``crimea``) and after it (``after``; among them the emergency session's, ``es11``),
    the figure's panels (``panels``: title -> counts under both abstention rules) and their
    counts by state (``pre``, ``post``, ``post_half``), the members that sided with Russia after
    the invasion (``es_sided``) and the members' agreement on Ukraine by year (``by_year``)."""
    votes, resolutions = base.u_votes, base.u_resolutions
    before = resolutions[resolutions["period"] == "before"]
    after = resolutions[resolutions["period"] == "after"]
    panels = {}
    for chosen, words in ((before, "Before the invasion"), (after, "Since the invasion")):
        panels[_panel_title(chosen, words)] = (
            ukraine_vote_counts(votes, chosen, base.members),
            ukraine_vote_counts(votes, chosen, base.members, abstention="half"))
    pre, post = (panels[k][0].set_index("state") for k in panels)
    return SimpleNamespace(
        before=before, after=after,
        crimea=before.loc[before["record"] == UNIVERSE_RECORDS[2], "resolution"].tolist(),
        es11=after[after["resolution"].str.startswith(ES11)],
        panels=panels, pre=pre, post=post,
        post_half=list(panels.values())[1][1].set_index("state"),
        es_sided=sided_with_russia(votes, tables["memberships"],
                                   resolutions=after["resolution"]),
        by_year=ukraine_agreement_by_year(votes, after, base.members),
    )


def _followers(v: SimpleNamespace) -> list[str]:
    """The members other than Russia and Belarus: "the other members" of the text."""
    return [s for s in v.others if s != "BLR"]


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
          lambda v: len(v.crimea) == 6 and v.before["resolution"].tolist()[0] == CRIMEA_2014
          and len(v.before) == 7),
    Guard("nine_of_the_emergency_session_and_one_more",
          "the nine resolutions of the emergency session and the resolution of December 2025 on "
          "the occupied territories",
          lambda v: len(v.es11) == 9 and len(v.after) == 10
          and v.after["date"].iloc[-1] == pd.Timestamp("2025-12-18")),
    Guard("belarus_and_armenia_every_time_before",
          "Belarus and Armenia voted as Russia did every time",
          lambda v: v.pre.loc["BLR", "same"] == v.pre.loc["ARM", "same"] == len(v.before)),
    Guard("belarus_every_time_after",
          "Since the invasion only Belarus has voted with Russia each time",
          lambda v: v.post.loc["BLR", "same"] == len(v.after)),
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
    Guard("abstention_most_of_the_others_votes",
          "Of the ... votes the other members cast, ... were abstentions",
          lambda v: v.post.loc[_followers(v), "one_abstained"].sum()
          > v.post.loc[_followers(v), "votes"].sum() / 2),
    Guard("kazakhstan_half_or_more_before",
          "Kazakhstan on ... of the seven",
          lambda v: v.pre.loc["KAZ", "same"] > len(v.before) / 2),
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
        "vt_after": len(v.after),
        "vt_kaz_before": int(v.pre.loc["KAZ", "same"]),
        "vt_aze_absent": int(v.pre.loc["AZE", "absent"]),
        "vt_post_abstain": int(v.post.loc[_followers(v), "one_abstained"].sum()),
        "vt_post_cast": int(v.post.loc[_followers(v), "votes"].sum()),
        "vt_kaz_post": book.percent(v.post.loc["KAZ", "share"]),
        "vt_kaz_post_half": book.percent(v.post_half.loc["KAZ", "share"]),
        "vt_es_last_year": str(int(v.by_year["year"].max())),
        "vt_kaz_2022_all": book.percent(everything),
        "vt_kaz_2022_es": book.percent(ukraine),
    }


def bars_title(v: SimpleNamespace) -> str:
    """The bars' title: the finding, with the numbers computed."""
    return finding_title(f"Armenia voted as Russia did on all {v.pre.loc['ARM', 'same']} votes "
                         "on Ukraine before the invasion and on none since; only Belarus "
                         "stayed with Moscow", width=66)


def figures(v: SimpleNamespace, states: pd.DataFrame,
            credits: dict[str, str]) -> dict[str, Chart]:
    """How each member's votes on Ukraine met Russia's, before and after the invasion."""
    source = (f"{credits['ds-voeten-unvotes-2020']} (2016-2019); "
              f"{credits['undl-ga-votes-2025']} (December 2025); the other votes "
              "data/un_votes.csv, from the UN record and the press")
    return {"fig-vt-ukraine": ukraine_vote_bars(v.panels, v.groups, states,
                                                title=bars_title(v), source=source)}


def strip_spec(v: SimpleNamespace, tables: dict[str, pd.DataFrame]) -> dict:
    """The interactive companion of the bars: every member's vote on each resolution of the
    universe, with its full title. Raises ValueError if a resolution is missing from the
    record."""
    votes, resolutions = vote_record([(v.u_votes, v.u_resolutions)], v.members)
    if len(resolutions) != len(v.u_resolutions):
        raise ValueError("the vote strip lost or duplicated a resolution")
    return vote_strip_spec(votes, resolutions, tables["states"], order=v.members)
