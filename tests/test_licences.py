"""Each publisher's terms kept (issue 23): every external table carries its own licence and
source in data/datapackage.json, generated from data/origins.csv; an external table without one
stops both the descriptor and the checks; the SIPRI credit lines use SIPRI's words; LICENSE keeps
the third-party extracts out of the book's CC BY grant."""

from __future__ import annotations

import json
import re

import pytest

from analysis.data.codebook import TABLES
from analysis.data.codebook.policy import LICENCES
from analysis.data.datapackage import OWN_TABLES, datapackage, datapackage_json, external_terms
from analysis.data.paths import data_dir
from analysis.measures.provenance import credit_lines
from tests.helpers.data_files import expect_problem, read_rows, set_cell

ROOT = data_dir().parent
EXTERNAL = sorted(t.name for t in TABLES.values()
                  if "source" not in t.field_names and t.name not in OWN_TABLES)


def test_the_external_tables_are_the_vendored_extracts():
    assert {"milex", "arms_transfers", "ucdp_conflicts", "atop_alliances", "atop_members",
            "nmc_milper", "un_roll_calls", "un_roll_call_votes", "un_agreement",
            "undl_roll_calls", "undl_roll_call_votes", "country_codes"} == set(EXTERNAL)


def test_every_external_table_has_its_own_licence_and_source():
    resources = {r["name"]: r for r in json.loads(datapackage_json())["resources"]}
    for name in EXTERNAL:
        assert resources[name]["licenses"], name
        assert all(lic["name"] in LICENCES and lic["path"].startswith("http")
                   for lic in resources[name]["licenses"]), name
        assert resources[name]["sources"] and all(s["path"].startswith("http")
                                                   for s in resources[name]["sources"]), name


def test_the_curated_tables_inherit_the_packages_cc_by():
    descriptor = json.loads(datapackage_json())
    assert [lic["name"] for lic in descriptor["licenses"]] == ["CC-BY-4.0"]
    for resource in descriptor["resources"]:
        if resource["name"] not in EXTERNAL:
            assert "licenses" not in resource, resource["name"]


@pytest.mark.parametrize(("table", "licence"), [
    ("milex", "SIPRI-terms"), ("arms_transfers", "SIPRI-terms"), ("un_roll_calls", "MIT"),
    ("un_agreement", "Dataverse-terms"), ("atop_members", "free-with-citation"),
    ("nmc_milper", "free-with-citation"), ("ucdp_conflicts", "CC-BY-4.0"),
    ("undl_roll_call_votes", "UN-DL-terms")])
def test_each_publishers_terms(table, licence):
    assert [lic["name"] for lic in external_terms()[table]["licenses"]] == [licence]


def test_an_external_table_that_no_origin_names_has_no_licence_and_fails(scratch_data):
    rows = read_rows(scratch_data / "origins.csv")
    column = rows[0].index("tables")
    line = next(i + 1 for i, row in enumerate(rows) if row[column] == "milex")
    set_cell(scratch_data, "origins", line, "tables", "arms_transfers")
    with pytest.raises(ValueError, match="without their own licence: \\['milex'\\]"):
        datapackage(scratch_data)
    expect_problem(scratch_data, "milex.csv", None, None, "no row of origins.csv names")


@pytest.mark.parametrize(("value", "words"), [("", "a value is required"),
                                              ("public-domain", "is not one of")])
def test_an_origin_without_a_known_licence_fails(scratch_data, value, words):
    set_cell(scratch_data, "origins", 2, "licence", value)
    expect_problem(scratch_data, "origins.csv", 2, "licence", words)


def test_the_sipri_credit_lines_use_sipris_words(tables):
    credits = credit_lines(tables["origins"])
    assert credits["sipri-arms-2024"].startswith(
        "Information from the SIPRI Arms Transfers Database, "
        "https://www.sipri.org/databases/armstransfers")
    assert credits["sipri-milex-2025"].startswith(
        "Information from the SIPRI Military Expenditure Database, "
        "https://www.sipri.org/databases/milex")
    for origin in ("sipri-arms-2024", "sipri-milex-2025"):
        assert "not SIPRI's" in credits[origin]


def test_the_dataset_papers_are_cited_by_their_origins(tables):
    origins = tables["origins"].set_index("origin_id")
    for origin, author in (("atop-4-01", "Leeds"), ("ucdp-prio-acd-25.1", "Gleditsch"),
                           ("ucdp-prio-acd-25.1", "Davies"), ("cow-nmc-7.0", "Singer"),
                           ("ds-voeten-unvotes-2020", "Voeten"),
                           ("ds-bsv-idealpoints-2024", "Bailey")):
        assert author in origins.at[origin, "citation"], origin


def test_license_keeps_every_external_table_out_of_the_cc_by_grant():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    third_party = text.split("3. Third-party data", 1)
    assert len(third_party) == 2, "LICENSE has no section on the third-party extracts"
    for name in EXTERNAL:
        assert re.search(rf"`{name}\.csv`", third_party[1]), name
    assert "does not cover" in third_party[0]


def test_the_page_footer_names_the_holder_and_the_licences():
    import yaml

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    footer = config["copyright"]
    for words in ("The CSTO Record contributors", "CC BY 4.0", "MIT", "SIPRI",
                  "their publishers' terms", "Sources and licences"):
        assert words in footer, words
