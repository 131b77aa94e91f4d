"""What changed: snapshots of an edition's tables, and the comparison with the tables now."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from analysis.data.paths import ROOT
from analysis.publish import changelog
from analysis.publish.changelog import TableSpec
from analysis.publish.facts import changelog as changelog_facts

SPEC = TableSpec(("id",), ("source",))
LONG_A = "a" * 70
LONG_B = "a" * 69 + "b"


def _frame(rows: list[tuple], columns=("id", "value", "note", "source")) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns)).astype(str)


OLD = _frame([("a", "1", "short", "s1"), ("b", "2", LONG_A, "s2"), ("c", "3", "x", "s3")])
NEW = _frame([("d", "4", "y", "s4;s5"), ("a", "1", "short", "s1"), ("b", "2", LONG_B, "s2")])


def test_reduce_keeps_short_values_and_digests_long_texts():
    reduced = changelog.reduce(_frame([("b", "2", LONG_A, "s2"), ("a", "1", "ok", "s1")]), SPEC)
    assert list(reduced["id"]) == ["a", "b"]  # sorted by key
    assert reduced.loc[0, "note"] == "ok"
    assert reduced.loc[1, "note"] == changelog.digest(LONG_A)
    assert reduced.loc[1, "note"].startswith("sha256:") and len(reduced.loc[1, "note"]) == 19
    # The key and source columns are never digested, however long.
    long_key = changelog.reduce(_frame([(LONG_A, "1", "", LONG_B)]), SPEC)
    assert (long_key.loc[0, "id"], long_key.loc[0, "source"]) == (LONG_A, LONG_B)


def test_compare_table_finds_added_changed_and_removed_rows():
    old = changelog.reduce(OLD, SPEC)
    result = changelog.compare_table("t", old, NEW, SPEC)
    assert list(result.added["id"]) == ["d"]
    assert list(result.removed["id"]) == ["c"]
    assert result.changed == [(("b",), [("note", changelog.digest(LONG_A),
                                         changelog.digest(LONG_B))], "s2")]
    assert result.rows == 3 and not result.new_table and not result.empty


def test_compare_table_reports_columns_and_new_tables():
    old = changelog.reduce(OLD.drop(columns="note"), SPEC)
    result = changelog.compare_table("t", old, NEW.assign(extra="z").drop(columns="value"), SPEC)
    assert result.columns_added == ["note", "extra"]
    assert result.columns_removed == ["value"]
    new = changelog.compare_table("t", None, NEW, SPEC)
    assert new.new_table and new.rows == 3 and len(new.added) == 3 and len(new.removed) == 0


def test_an_unchanged_table_is_empty_and_a_duplicate_key_is_an_error():
    assert changelog.compare_table("t", changelog.reduce(OLD, SPEC), OLD, SPEC).empty
    doubled = pd.concat([OLD, OLD.iloc[[0]]])
    with pytest.raises(ValueError, match=r"t: key \('a',\) appears more than once"):
        changelog.compare_table("t", changelog.reduce(OLD, SPEC), doubled, SPEC)


def test_snapshot_and_compare_editions_round_trip(tmp_path: Path):
    meta = changelog.snapshot({"things": OLD, "gone": OLD}, tmp_path / "0.1.0", "0.1.0",
                              "abc1234", "2026-01-02")
    assert meta["tables"]["things"] == {"key": ["id"], "sources": []}  # not in the codebook
    assert yaml.safe_load((tmp_path / "0.1.0" / "edition.yml").read_text())["commit"] == "abc1234"
    # The snapshot's own key (the first column) and no source column, as recorded.
    results = {c.name: c for c in changelog.compare_editions(tmp_path / "0.1.0",
                                                             {"things": NEW, "fresh": NEW})}
    assert list(results["things"].added["id"]) == ["d"]
    assert results["fresh"].new_table
    assert results["gone"].rows == 0 and len(results["gone"].removed) == 3
    assert changelog.latest_edition(tmp_path) == tmp_path / "0.1.0"


def test_latest_edition_compares_version_numbers(tmp_path: Path):
    for version in ("0.9.0", "0.10.0", "0.2.0"):
        (tmp_path / version).mkdir()
        (tmp_path / version / "edition.yml").write_text("version: x\n")
    assert changelog.latest_edition(tmp_path).name == "0.10.0"
    with pytest.raises(FileNotFoundError):
        changelog.latest_edition(tmp_path / "none")


def test_changelog_markdown_lists_rows_with_their_sources():
    result = changelog.compare_table("t", changelog.reduce(OLD, SPEC), NEW, SPEC)
    text = changelog.changelog_markdown([result], {"s4": "https://example.org/4"})
    assert "### `t`" in text
    assert "Added (1):\n\n- `d`; source: [s4](https://example.org/4), `s5`" in text
    assert "Removed (1):\n\n- `c`; source: `s3`" in text
    assert "- `b`: note: (long text) → (long text); source: `s2`" in text
    summary = changelog.summary_frame([result])
    assert summary.to_dict("records") == [{"table": "t", "rows now": 3, "added": 1,
                                           "changed": 1, "removed": 1, "note": ""}]


def test_a_large_new_table_is_summarised_with_its_sources():
    big = changelog.compare_table("big", None, NEW, SPEC)
    text = changelog.changelog_markdown([big], {}, list_new_tables=2)
    assert "A new table of 3 rows; its sources: `s1`, `s2`, `s4`, `s5`." in text
    assert "- `d`" not in text
    vendored = changelog.compare_table("v", None, NEW.drop(columns="source"), TableSpec(("id",)))
    text = changelog.changelog_markdown([vendored], {"o1": "https://example.org/o"},
                                        table_sources={"v": "o1"})
    assert "its sources: [o1](https://example.org/o)." in text


def test_the_previous_editions_snapshot_is_kept_small_and_covers_its_tables():
    previous = changelog.latest_edition()
    meta = yaml.safe_load((previous / "edition.yml").read_text(encoding="utf-8"))
    from analysis.publish.citation import book_metadata

    assert meta["version"] != book_metadata().version, "the snapshot is of this very edition"
    size = sum(p.stat().st_size for p in previous.iterdir())
    assert size < 200_000, f"the snapshot in {previous} has grown to {size:,} bytes"
    for name, spec in meta["tables"].items():
        frame = changelog.read_csv_text((previous / f"{name}.csv").read_text(encoding="utf-8"))
        assert set(spec["key"]) <= set(frame.columns), name
    assert previous.relative_to(ROOT).parts[:2] == ("data", "editions")


def test_summary_markdown_links_each_table_to_its_section():
    summary = pd.DataFrame([{"table": "un_votes", "rows now": 1500, "added": 2, "changed": 0,
                             "removed": 1, "note": ""}])
    text = changelog.summary_markdown(summary)
    assert text.splitlines()[2] == (
        "| {ref}`un_votes <changes-un-votes>` | 1,500 | 2 | 0 | 1 |  |")
    result = changelog.compare_table("un_votes", None, NEW, SPEC)
    assert "(changes-un-votes)=\n### `un_votes`" in changelog.changelog_markdown([result], {})


def test_origin_sources_maps_each_table_to_its_origins_sources():
    origins = pd.DataFrame({"tables": ["a;b", "b", "c"], "source": ["s1", "s2", "s1"]})
    assert changelog_facts.origin_sources(origins) == {"a": "s1", "b": "s1;s2", "c": "s1"}


def test_a_long_list_shows_its_first_rows_and_points_to_the_rest():
    old = pd.DataFrame({"id": [], "source": []})
    new = pd.DataFrame({"id": [f"r{i}" for i in range(30)], "source": ["s1"] * 30})
    result = changelog.compare_table("t", old, new, TableSpec(key=("id",), sources=("source",)))
    text = changelog.changelog_markdown([result], {}, list_new_tables=100, most=5,
                                        full_list=" (every row: [all.csv](all.csv))")
    assert text.count("\n- `r") == 5 and "`r5`" not in text
    assert "- … and 25 more (every row: [all.csv](all.csv))" in text
    full = changelog_facts.changes_frame([result])
    assert len(full) == 30 and set(full["change"]) == {"added"}
