"""The data dictionary is generated from the codebook: every table, column and value appears."""

from __future__ import annotations

from analysis.data.codebook import TABLES
from analysis.data.codebook.fields import Field, Table
from analysis.data.codebook.vocabulary import RESPONSE_LEVELS, THREATS
from analysis.data.dictionary import dictionary_markdown, scale_markdown, table_markdown


def test_every_table_column_and_allowed_value_is_listed():
    text = dictionary_markdown()
    for table in TABLES.values():
        assert f"(`{table.filename}`)" in text
        for f in table.fields:
            assert f"| `{f.name}` |" in text
            for value in f.enum or ():
                assert f"`{value}`" in text


def test_row_counts_and_download_links_come_from_the_tables():
    toy = Table("toy", "Toy", "A toy table.", (Field("toy_id", "id", "Key.", required=True),),
                primary_key=("toy_id",))
    text = table_markdown(toy, rows=1234, link_prefix="files/")
    assert "1,234 rows" in text
    assert "[toy.csv](files/toy.csv)" in text


def test_rules_are_spelled_out():
    text = table_markdown(TABLES["memberships"], rows=None, link_prefix="")
    assert "`end` is never before `start`." in text
    assert "never overlap" in text
    assert "`end_reason` is required when `end` is set." in text


def test_the_scale_lists_every_level_in_order_with_its_rank():
    text = scale_markdown()
    for rank, level in enumerate(RESPONSE_LEVELS):
        assert f"| `{level}` | {rank} |" in text
    for threat in THREATS:
        assert f"| `{threat}` |" in text


def test_every_value_of_the_crisis_vocabularies_has_its_coding_rule():
    from analysis.data.codebook import vocabulary as v

    text = scale_markdown()
    for values, meanings in ((v.THRESHOLDS, v.THRESHOLD_MEANING),
                             (v.CANDIDATE_DECISIONS, v.CANDIDATE_DECISION_MEANING),
                             (v.ADDRESSEES, v.ADDRESSEE_MEANING),
                             (v.RESPONDERS, v.RESPONDER_MEANING),
                             (v.THREATS, v.THREAT_MEANING)):
        assert tuple(meanings) == values
        for value in values:
            assert f"| `{value}` | {meanings[value].replace('|', chr(92) + '|')}" in text


def test_pipes_in_descriptions_do_not_break_the_table():
    toy = Table("toy", "Toy", "d", (Field("a", "string", "x | y"),), primary_key=("a",))
    assert "x \\| y" in table_markdown(toy, rows=None, link_prefix="")


def test_every_status_has_a_coding_rule_and_a_chart_style():
    from analysis.charts.style import STATUS_STYLE
    from analysis.data.codebook.vocabulary import (
        MEMBERSHIP_STATUS_MEANING,
        MEMBERSHIP_STATUSES,
    )

    assert tuple(MEMBERSHIP_STATUS_MEANING) == MEMBERSHIP_STATUSES
    assert set(STATUS_STYLE) == set(MEMBERSHIP_STATUSES)
