"""Provenance of the external datasets has one home: data/origins.csv and data/sources.csv. The
import scripts and their origins name each other, and no copy of the origin or source rows (nor
a run log) is kept beside the scripts."""

from __future__ import annotations

from analysis.data.codebook.fields import split_list
from analysis.data.paths import ROOT

IMPORTS = ROOT / "tools" / "imports"
#: Modules of tools/imports that are not an import of one dataset.
HELPERS = {"__init__.py", "common.py", "un_states.py", "bsv.py", "atop_audit.py"}


def test_every_import_script_is_named_by_an_origin_and_every_origin_by_a_script(tables):
    named = set(tables["origins"]["import_script"])
    scripts = {f"tools/imports/{p.name}" for p in IMPORTS.glob("*.py") if p.name not in HELPERS}
    assert scripts == named
    assert all((ROOT / script).is_file() for script in named)


def test_every_origin_names_its_tables_and_its_dataset_record(tables):
    sources = set(tables["sources"]["source_id"])
    for origin in tables["origins"].itertuples():
        assert set(split_list(origin.tables)) <= set(tables)
        assert origin.source in sources
        assert set(split_list(origin.verified_by)) <= sources


def test_no_copy_of_the_provenance_or_run_log_beside_the_scripts():
    copies = sorted(p.name for pattern in ("*.origin.csv", "*.sources.csv", "*.REPORT.md")
                    for p in IMPORTS.glob(pattern))
    assert copies == []


def test_no_import_script_defaults_to_a_local_folder():
    local = sorted(p.name for p in IMPORTS.glob("*.py") if "/work/" in p.read_text() or
                   "/home/" in p.read_text() or "/tmp/" in p.read_text())
    assert local == []
