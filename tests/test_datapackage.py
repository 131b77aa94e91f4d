"""data/datapackage.json is generated from the codebook and valid for standard tools."""

from __future__ import annotations

import json
import shutil

import frictionless

from analysis.data.datapackage import datapackage_json
from analysis.data.paths import data_dir
from analysis.data.schema import TABLES


def test_committed_descriptor_matches_the_codebook():
    committed = (data_dir() / "datapackage.json").read_text(encoding="utf-8")
    assert committed == datapackage_json(), "run: python -m analysis datapackage"


def test_every_table_is_a_resource_with_its_keys():
    descriptor = json.loads(datapackage_json())
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert set(resources) == set(TABLES)
    votes = resources["un_votes"]["schema"]
    assert votes["primaryKey"] == ["resolution", "state"]
    assert {"fields": "state", "reference": {"resource": "states", "fields": "iso3"}} in \
        votes["foreignKeys"]


def test_frictionless_validates_the_real_tables():
    report = frictionless.validate(str(data_dir() / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:10]


def test_frictionless_catches_a_broken_foreign_key(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    votes = target / "un_votes.csv"
    lines = votes.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",RUS,", ",ZZZ,", 1) if ",RUS," in lines[1] else \
        lines[1].split(",")[0] + ",ZZZ," + ",".join(lines[1].split(",")[2:])
    votes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = frictionless.validate(str(target / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {row[0] for row in report.flatten(["type"])}
