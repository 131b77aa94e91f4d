"""Regression tests for the errors the review found in the chapters on divisions and on votes
(issue 25, items 19, 20 and 24; issue 24 for their captions): one rule of agreement, described
once and named in every caption; one universe of votes on Ukraine; no doubled word after a glued
value; the glossary's words for the members that left; no encyclopaedia as a source."""

from __future__ import annotations

import re

import pytest

from analysis.data.coverage import es11_pairs
from analysis.data.paths import ROOT
from analysis.measures.agreement import RULE_WORDS, describe
from analysis.publish.facts import divisions, votes
from analysis.publish.facts.claims import ukraine_votes

BOOK = ROOT / "book"
CHAPTERS = ("divisions", "votes")
#: Figures whose caption must name the agreement rule they use, with the rules they use.
RULES = {
    "fig-dv-votes": [("missing", "three_categories")],
    "fig-vt-strip": [("missing", "three_categories")],
    "fig-vt-check": [("missing", "three_categories")],
    "fig-vt-ukraine": [("missing", "three_categories"), ("missing", "half")],
}


def _text(chapter: str) -> str:
    return (BOOK / f"{chapter}.md").read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _caption(chapter: str, figure: str) -> str:
    match = re.search(r"^```\{glue:figure\} " + re.escape(figure) + r"\n(.*?)^```",
                      _text(chapter), re.S | re.M)
    assert match, figure
    return _flat("\n".join(line for line in match.group(1).splitlines()
                           if not line.startswith(":")))


@pytest.mark.parametrize("figure", sorted(RULES))
def test_every_caption_names_the_rule_its_figure_uses(figure):
    chapter = "divisions" if figure.startswith("fig-dv") else "votes"
    caption = _caption(chapter, figure)
    for rule in RULES[figure]:
        assert describe(*rule) in caption, (figure, rule)


def test_the_rule_is_described_once_and_never_contradicted():
    """Regression (review item 19): the chapter on votes describes the rule; no chapter of the
    two says that not voting counts as a vote of its own, which the rule they use does not do."""
    votes_text = _flat(_text("votes"))
    assert votes_text.count("## How agreement is counted") == 1
    assert "left out of its share: an absence is never scored as a disagreement" in votes_text
    for chapter in CHAPTERS:
        text = _flat(_text(chapter)).lower()
        assert "not voting counts as a vote of its own" not in text
        assert RULE_WORDS[("vote", "three_categories")] not in text
    assert "## How agreement is counted" not in _text("divisions")


def test_both_chapters_count_one_universe_of_votes_on_ukraine(tables, facts_of, values_of):
    """Regression (review item 20): ten resolutions in chapter 7 and sixteen in chapter 8 are now
    one universe of seventeen, taken once (claims.ukraine_votes) for both."""
    d = facts_of(divisions)
    v = facts_of(votes)
    _, universe = ukraine_votes(tables)
    assert d["dv_n_res"] == v["vt_before"] + v["vt_after"] == len(universe)
    assert d["dv_n_before"] == v["vt_before"] and d["dv_n_after"] == v["vt_after"]
    dv, vt = values_of(divisions), values_of(votes)
    assert dv.u_resolutions["resolution"].tolist() == vt.u_resolutions["resolution"].tolist()


def test_the_emergency_session_record_is_complete_for_every_member(tables):
    """The 2025 sentence rests on the complete ES-11 record: every vote of every current and
    former member is on record or its gap is named."""
    pairs = es11_pairs(tables["un_resolutions"], tables["un_votes"], tables["un_vote_gaps"],
                       tables["memberships"])
    assert set(pairs["status"]) <= {"recorded", "gap"}
    assert pairs["resolution"].nunique() == 9


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_word_is_doubled_after_a_glued_value(chapter, facts_of):
    """Regression (review item 24): "11 points points". A glued value that ends with a word is
    never followed by the same word in the prose."""
    values = facts_of(divisions if chapter == "divisions" else votes)
    text = _flat(_text(chapter))
    for name, after in re.findall(r"\{glue:text\}`([^`]+)`\s+([A-Za-z]+)", text):
        last = str(values[name]).split()[-1].lower()
        assert last != after.lower(), (name, values[name], after)


def test_the_doubled_word_check_can_fail():
    text = "by {glue:text}`x` points on average"
    found = re.findall(r"\{glue:text\}`([^`]+)`\s+([A-Za-z]+)", text)
    assert found == [("x", "points")] and "11 points".split()[-1] == found[0][1]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_glossary_words_for_members_that_left(chapter):
    """Uzbekistan announced its withdrawal in 2012 and the Council suspended its membership; the
    three states of 1999 did not renew the treaty; Armenia froze its participation."""
    text = _flat(_text(chapter)).lower()
    for wrong in ("left again in 2012", "uzbekistan left the csto", "armenia left",
                  "armenia has left", "left the treaty in 1999"):
        assert wrong not in text, wrong


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_encyclopaedia_is_cited(chapter, tables):
    cited = set()
    for keys in re.findall(r"\{cite:[tp]\}`([^`]+)`", _text(chapter)):
        cited |= {k.strip() for k in keys.split(",")}
    sources = tables["sources"].set_index("source_id")
    assert cited <= set(sources.index), sorted(cited - set(sources.index))
    publishers = sources.loc[sorted(cited), "publisher"].astype(str)
    assert not publishers.str.contains("Wikipedia", case=False).any(), \
        publishers[publishers.str.contains("Wikipedia", case=False)].to_dict()


def test_the_unverified_2026_resolution_is_named_but_not_counted(tables):
    text = _flat(_text("divisions"))
    assert "Support for lasting peace in Ukraine" in text
    assert "could not be checked against the UN's own record" in text
    _, universe = ukraine_votes(tables)
    assert universe["date"].max().year == 2025


def test_every_figure_of_the_two_chapters_states_a_finding_and_credits_its_data(figures_of,
                                                                                 tables):
    """Issue 24 for the charts of chapters 7 and 8: a title that states a finding with a
    computed number, and the credit line of every external dataset the figure draws on (from
    data/origins.csv). That they read cleanly is tests/facts/test_figures.py's check."""
    from analysis.measures.provenance import credit_lines

    credits = credit_lines(tables["origins"])
    external = {"fig-dv-votes": ["ds-voeten-unvotes-2020", "undl-ga-votes-2025"],
                "fig-vt-strip": ["ds-voeten-unvotes-2020", "ds-bsv-idealpoints-2024",
                                 "undl-ga-votes-2025"],
                "fig-vt-check": ["ds-voeten-unvotes-2020", "ds-bsv-idealpoints-2024"],
                "fig-vt-ukraine": ["ds-voeten-unvotes-2020", "undl-ga-votes-2025"]}
    figures = {**figures_of(divisions), **figures_of(votes)}
    assert set(figures) == {"fig-dv-votes", "fig-dv-stances", "fig-dv-defiance",
                            "fig-dv-summits", "fig-vt-strip", "fig-vt-check", "fig-vt-ukraine"}
    for name, chart in figures.items():
        title = chart.figure._suptitle.get_text() if chart.figure._suptitle else ""
        assert any(ch.isdigit() for ch in title), (name, title)
        source = " ".join(t.get_text() for t in chart.figure.texts
                          if t.get_text().startswith("Source:")).replace("\n", " ")
        for origin in external.get(name, []):
            assert credits[origin] in source, (name, origin)
