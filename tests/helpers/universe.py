"""A hand-worked crisis universe for the tests of universe, channels, selection and robustness.

Requests (alliance channel unless said):

* C1  CSTO ARM 1992-08-09, troops asked, nothing came (before the treaty was in force);
* C2  CSTO KAZ 2022-01-05, troops asked, troops came;
* C3  CSTO ARM 2021-11-16, troops asked of the patron only; the patron mediated (consultation);
* C4  CSTO KGZ 2010-07-21, a soft public call for troops; nothing came;
* CSTO-2013-TJK  CSTO TJK 2013, material aid asked; a pledge that is in ``PLEDGED``;
* C6  CSTO TJK 1993-09-24, troops asked of another organization (the CIS), which sent them;
* C7  CSTO RUS 2024, a terrorist attack without a request (the patron's own crisis);
* N1  NATO USA 2001, troops asked, troops came (the patron's own crisis);
* N2  NATO TUR 2012, consultation asked, consultation came;
* N3  NATO LTU 2014, troops asked of the patron only; the patron and the alliance sent troops;
* N4, N5  NATO BGR and EST 2022, one joint request for consultation; troops came.

Candidates: C1, C2, C3, C4, C6, C7, N1, N2 included; CSTO-2013-TJK, N3 and the joint
request outside the universe; a deadly continuing clash excluded (CSTO-C-008); a covert killing
with a death kept for the hybrid variant (NATO-C-006).
"""

from __future__ import annotations

import pandas as pd

from tests.helpers.requests import make_requests, make_responses, typed_table


def requests() -> pd.DataFrame:
    """The fixture's requests table."""
    return make_requests(
        {"request_id": "C1", "requester": "ARM", "date": "1992-08-09", "asked_level": "deployment",
         "threat": "armed_attack"},
        {"request_id": "C2", "requester": "KAZ", "date": "2022-01-05",
         "asked_level": "deployment"},
        {"request_id": "C3", "requester": "ARM", "date": "2021-11-16", "asked_level": "deployment",
         "addressed_to": "patron", "patron_asked_level": "deployment",
         "instrument": "bilateral appeal to Russia", "threat": "armed_attack"},
        {"request_id": "C4", "requester": "KGZ", "date": "2010-07-21", "asked_level": "deployment",
         "instrument": "none (public call)"},
        {"request_id": "CSTO-2013-TJK", "requester": "TJK", "date": "2013-01-01",
         "asked_level": "material_aid", "threat": "other"},
        {"request_id": "C6", "requester": "TJK", "date": "1993-09-24", "asked_level": "deployment",
         "addressed_to": "other_organization", "instrument": "CIS peacekeeping"},
        {"request_id": "C7", "requester": "RUS", "date": "2024-03-22", "request_made": "no",
         "threat": "terrorist_attack"},
        {"request_id": "N1", "organization": "NATO", "requester": "USA", "date": "2001-10-04",
         "asked_level": "deployment", "threat": "armed_attack"},
        {"request_id": "N2", "organization": "NATO", "requester": "TUR", "date": "2012-06-24",
         "threat": "armed_attack"},
        {"request_id": "N3", "organization": "NATO", "requester": "LTU", "date": "2014-03-19",
         "asked_level": "deployment", "addressed_to": "patron",
         "patron_asked_level": "deployment", "threat": "other"},
        {"request_id": "N4", "organization": "NATO", "requester": "BGR", "date": "2022-02-24",
         "crisis": "Invasion", "threat": "other"},
        {"request_id": "N5", "organization": "NATO", "requester": "EST", "date": "2022-02-24",
         "crisis": "Invasion", "threat": "other"},
    )


def responses() -> pd.DataFrame:
    """The fixture's responses table."""
    return make_responses(
        {"request_id": "C1", "date": "1992-08-20", "level": "none"},
        {"request_id": "C2", "date": "2022-01-06", "level": "deployment"},
        {"request_id": "C3", "date": "2021-11-16", "level": "none"},
        {"request_id": "C3", "responder": "patron", "date": "2021-11-16",
         "level": "consultation"},
        {"request_id": "C4", "date": "2010-07-22", "level": "none"},
        {"request_id": "CSTO-2013-TJK", "date": "2013-09-23", "level": "material_aid",
         "description": "Aid pledged at a summit"},
        {"request_id": "C6", "date": "1993-09-24", "level": "none"},
        {"request_id": "C6", "responder": "other_organization", "date": "1993-09-24",
         "level": "deployment"},
        {"request_id": "C7", "date": "2024-03-22", "level": "statement"},
        {"request_id": "N1", "date": "2001-10-09", "level": "deployment"},
        {"request_id": "N2", "date": "2012-06-26", "level": "consultation"},
        {"request_id": "N3", "date": "2014-04-01", "level": "deployment"},
        {"request_id": "N3", "responder": "patron", "date": "2014-03-20", "level": "deployment"},
        {"request_id": "N4", "date": "2022-02-24", "level": "consultation"},
        {"request_id": "N5", "date": "2022-02-25", "level": "deployment"},
    )


def _candidate(cid: str, org: str, member: str, date: str, category: str, decision: str,
               request_id: str | None, casus: str | None = "no", threshold: str = "T1",
               deaths: int | None = None, reason: str = "Meets the threshold.",
               covert: str = "no") -> dict:
    return {"candidate_id": cid, "organization": org, "member": member, "crisis": f"Crisis {cid}",
            "date": date, "date_precision": "day", "category": category, "frame": "event-list",
            "frame_id": None, "deaths": deaths, "deaths_note": None, "threshold": threshold,
            "decision": decision, "reason": reason, "casus_foederis": casus, "covert": covert,
            "request_id": request_id, "note": None, "source": "s1"}


def candidates() -> pd.DataFrame:
    """The fixture's crisis_candidates table."""
    rows = [
        _candidate("CSTO-C-001", "CSTO", "ARM", "1992-08-01", "armed_attack", "include", "C1",
                   casus="yes"),
        _candidate("CSTO-C-002", "CSTO", "KAZ", "2022-01-02", "unrest", "include", "C2",
                   threshold="T3"),
        _candidate("CSTO-C-003", "CSTO", "ARM", "2021-11-16", "armed_attack", "include", "C3",
                   casus="yes"),
        _candidate("CSTO-C-004", "CSTO", "KGZ", "2010-06-01", "unrest", "include", "C4",
                   threshold="T3"),
        _candidate("CSTO-C-005", "CSTO", "TJK", "2013-01-01", "other", "request_outside_universe",
                   "CSTO-2013-TJK", threshold="none"),
        _candidate("CSTO-C-006", "CSTO", "TJK", "1993-07-13", "armed_attack", "include", "C6",
                   casus="yes"),
        _candidate("CSTO-C-007", "CSTO", "RUS", "2024-03-22", "terrorist_attack", "include", "C7",
                   threshold="T4"),
        _candidate("CSTO-C-008", "CSTO", "ARM", "2023-04-11", "armed_attack", "exclude", None,
                   casus=None, threshold="none", deaths=4,
                   reason="Part of the continuing campaign; no seizure of territory."),
        _candidate("NATO-C-001", "NATO", "USA", "2001-09-11", "armed_attack", "include", "N1",
                   casus="yes"),
        _candidate("NATO-C-002", "NATO", "TUR", "2012-06-22", "armed_attack", "include", "N2",
                   casus="yes"),
        _candidate("NATO-C-003", "NATO", "LTU", "2014-03-19", "other", "request_outside_universe",
                   "N3", threshold="none"),
        _candidate("NATO-C-004", "NATO", "BGR;EST", "2022-02-24", "other",
                   "request_outside_universe", "N4;N5", threshold="none"),
        _candidate("NATO-C-006", "NATO", "GBR", "2018-03-04", "hybrid", "hybrid_sensitivity", None,
                   casus=None, threshold="none", deaths=1, covert="yes"),
    ]
    return typed_table(rows, "crisis_candidates")


def conflicts() -> pd.DataFrame:
    """A UCDP extract with one internal conflict in Russia in 2024 (the year of C7)."""
    return pd.DataFrame([{
        "conflict_id": 13588, "year": 2024, "location": "Russia (Soviet Union)",
        "side_a": "Government of Russia (Soviet Union)", "side_b": "IS", "states": "RUS",
        "states_secondary": "", "type_of_conflict": "intrastate", "intensity_level": "minor",
        "incompatibility": "territory", "start_date": "2015-03-21", "ep_end": 0,
        "ep_end_date": ""}])
