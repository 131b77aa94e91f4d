"""Values kept between chapters' kernels (analysis.publish.kept): read back only under the same
key and the same code, never when keeping is off, and the comparison's values are read back
instead of computed again."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.data.edition import data_cutoff
from analysis.publish import kept
from analysis.publish.facts import comparison


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(kept, "_FOLDER", [None])
    kept.keep_in(tmp_path / "kept")
    return tmp_path / "kept"


def test_a_value_is_read_back_under_its_key_and_code_only(folder, monkeypatch):
    kept.keep("x", "key-1", {"a": 1})
    assert kept.recall("x", "key-1") == {"a": 1}
    assert kept.recall("x", "key-2") is None and kept.recall("y", "key-1") is None
    monkeypatch.setattr(kept, "_code_digest", lambda: "other code")
    assert kept.recall("x", "key-1") is None  # an edit to the package: computed afresh


def test_nothing_is_kept_or_read_when_keeping_is_off(folder):
    kept.keep("x", "key", 1)
    kept.keep_in(None)
    assert kept.recall("x", "key") is None
    kept.keep("x", "other", 2)
    assert len(list(folder.glob("*.pickle"))) == 1


def test_the_folder_keeps_the_newest_values_only(folder, monkeypatch):
    monkeypatch.setattr(kept, "KEEP", 3)
    for i in range(5):
        kept.keep("x", f"key-{i}", i)
    assert len(list(folder.glob("*.pickle"))) == 3
    assert kept.recall("x", "key-4") == 4


def test_a_second_kernel_reads_the_comparison_instead_of_computing_it(folder, monkeypatch,
                                                                      tables):
    cutoff = data_cutoff()
    monkeypatch.setattr(comparison, "_CACHE", type(comparison._CACHE)())
    first = comparison.values(tables, cutoff)
    monkeypatch.setattr(comparison, "_CACHE", type(comparison._CACHE)())  # a new kernel

    def computed(*args):
        raise AssertionError("computed again although another kernel kept the values")

    monkeypatch.setattr(comparison, "_values", computed)
    again = comparison.values(tables, cutoff)
    assert again is not first
    assert again.verdicts == first.verdicts
    assert again.coded.equals(first.coded)
    changed = {**tables, "reliability_benchmarks": tables["reliability_benchmarks"].iloc[:-1]}
    with pytest.raises(AssertionError, match="computed again"):
        comparison.values(changed, cutoff)  # other tables: not the kept values


def test_computed_keeps_what_it_computes_and_never_what_cannot_be_kept(folder, tables):
    cutoff = data_cutoff()
    calls = []

    def compute(t, day):
        calls.append(day)
        return {"rows": len(t["memberships"])}

    first = kept.computed("n", tables, cutoff, compute)
    assert kept.computed("n", tables, cutoff, compute) == first and len(calls) == 1
    fewer = {**tables, "memberships": tables["memberships"].iloc[1:]}
    assert kept.computed("n", fewer, cutoff, compute) == {"rows": first["rows"] - 1}
    assert len(calls) == 2
    unkeepable = kept.computed("f", tables, cutoff, lambda t, day: (lambda: 1))
    assert unkeepable() == 1 and kept.recall("f", kept.tables_key(tables, cutoff)) is None


def test_the_key_of_the_same_frames_is_remembered_and_of_other_frames_computed(tables):
    cutoff = data_cutoff()
    key = kept.tables_key(tables, cutoff)
    assert kept.tables_key(dict(tables), cutoff) == key  # the same frames, another dict
    copied = {name: frame.copy() for name, frame in tables.items()}
    assert kept.tables_key(copied, cutoff) == key  # equal content, computed again
    copied["memberships"] = copied["memberships"].iloc[1:]
    assert kept.tables_key(copied, cutoff) != key
    assert kept.tables_key(tables, cutoff + pd.Timedelta(days=1)) != key
