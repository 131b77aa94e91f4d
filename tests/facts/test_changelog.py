"""The changelog appendix's facts: the newest snapshot must be of an earlier edition, and the
counts it glues add up to the table of changes it shows."""

from __future__ import annotations

import shutil

import pytest
import yaml

from analysis.publish import changelog as publish_changelog
from analysis.publish.facts import changelog

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard

BREAKS = {
    "previous_edition_is_another": lambda v: altered(v, meta={**v.meta, "version": v.version}),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(changelog, BREAKS) == []


@pytest.mark.parametrize("guard", changelog.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(changelog))


@pytest.mark.parametrize("guard", changelog.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(changelog)))


def test_a_snapshot_of_this_very_edition_stops_the_appendix(tables, cutoff, tmp_path):
    snapshot = tmp_path / "snapshot"
    shutil.copytree(publish_changelog.latest_edition(), snapshot)
    meta = yaml.safe_load((snapshot / "edition.yml").read_text(encoding="utf-8"))
    meta["version"] = changelog.book_metadata().version
    (snapshot / "edition.yml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    with raises_guard("previous_edition_is_another"):
        changelog.GUARDS[0].check(changelog.values(tables, cutoff, previous=snapshot))



def test_the_page_lists_at_most_the_first_rows_and_writes_every_row(tables, cutoff, monkeypatch,
                                                                   tmp_path):
    from analysis.publish import book
    monkeypatch.setattr(book, "FIGURE_DATA", tmp_path)
    shown = changelog.displays(tables, cutoff)
    full = (tmp_path / f"{changelog.FULL_LIST}.csv").read_text(encoding="utf-8").splitlines()
    listed = [line for line in shown["rows"].splitlines() if line.startswith("- `")]
    assert len(full) - 1 > len(listed)
    assert f"[{changelog.FULL_LIST}.csv]" in shown["rows"]
