"""The codebook's vocabularies: every scale and category the tables code against, with the
coding rule for each value, defined once. The tables of the codebook are built from them.
"""

from __future__ import annotations

#: Ordinal scale of what an alliance did in answer to a request, lowest first. The coding rule for
#: each level is in :data:`RESPONSE_LEVEL_MEANING`; a request's outcome is its highest level.
RESPONSE_LEVELS: tuple[str, ...] = (
    "none",
    "statement",
    "consultation",
    "mission",
    "material_aid",
    "deployment",
)

#: The coding rule for each response level.
RESPONSE_LEVEL_MEANING: dict[str, str] = {
    "none": "Nothing was done: the request was refused, ignored or left without a decision.",
    "statement": "A declaration or statement only (concern, condemnation, a call for calm).",
    "consultation": "A meeting or consultation of the members was held on the request.",
    "mission": "A monitoring, fact-finding or assessment mission was sent.",
    "material_aid": "Equipment, money or military-technical aid was provided, without troops.",
    "deployment": "Troops or military units were deployed for the requester.",
}

#: Categories of a crisis (and of the threat a request answered), one rule for both alliances.
#: They are the categories of the crisis universe (``crisis_candidates``); the coding rule for
#: each is in :data:`THREAT_MEANING`, the thresholds that admit a crisis in :data:`THRESHOLDS`.
CRISIS_CATEGORIES: tuple[str, ...] = (
    "armed_attack",
    "internal_armed_conflict",
    "unrest",
    "terrorist_attack",
    "hybrid",
    "other",
)

#: ``requests.threat`` codes against the crisis categories.
THREATS: tuple[str, ...] = CRISIS_CATEGORIES

#: The coding rule for each crisis category (and threat).
THREAT_MEANING: dict[str, str] = {
    "armed_attack": "Use of armed force on the member's recognised territory (airspace and "
                    "territorial sea included) by another state, or by an armed group based "
                    "abroad: an incursion, shelling, a cross-border raid or the seizure of "
                    "territory. Border fighting between two members counts for both.",
    "internal_armed_conflict": "An armed conflict on the member's territory in which its "
                               "government is a party (UCDP/PRIO: at least 25 battle deaths a "
                               "year).",
    "unrest": "Riots, an uprising, ethnic violence, a mutiny or a coup attempt inside the "
              "member, not fought as an armed conflict.",
    "terrorist_attack": "A single attack, or a coordinated set on one day, by a non-state "
                        "group against civilians or the state.",
    "hybrid": "Harm short of open armed force: airspace violations, drone incursions without "
              "deaths, sabotage, cable cuts, cyberattacks, instrumentalised migration and covert "
              "operations (assassinations, poisonings, arson), whatever their toll.",
    "other": "A security request about something that is none of the above: a threat "
             "not yet carried out, fighting outside the member's territory, an attack on its "
             "forces abroad.",
}

#: The thresholds that admit a crisis to the universe (``crisis_candidates.threshold``).
THRESHOLDS: tuple[str, ...] = ("T1", "T2", "T3", "T4", "none")

#: The rule of each threshold, applied the same way to both alliances.
THRESHOLD_MEANING: dict[str, str] = {
    "T1": "`armed_attack` causing at least one death, or seizing or occupying territory "
          "(any toll).",
    "T2": "`internal_armed_conflict` coded by UCDP/PRIO ACD (at least 25 battle deaths in a "
          "year) with the member's government a party and the fighting on its territory; an "
          "episode counts once, in the year it starts or in the member's first window-year.",
    "T3": "`unrest` with at least 10 deaths, or a nationwide state of emergency declared "
          "against unrest.",
    "T4": "`terrorist_attack` with at least 25 victims (the attackers not counted), in one "
          "attack or a coordinated set on one day; attacks on different days are separate "
          "candidates, even by one perpetrator.",
    "none": "No threshold met: the candidate is excluded, listed as a request outside the "
            "universe, or kept for the hybrid sensitivity variant.",
}

#: What became of each candidate crisis.
CANDIDATE_DECISIONS: tuple[str, ...] = (
    "include",
    "exclude",
    "request_outside_universe",
    "hybrid_sensitivity",
)

#: The rule of each decision.
CANDIDATE_DECISION_MEANING: dict[str, str] = {
    "include": "Meets a threshold while the state was a party: a crisis of the universe. It has "
               "a row in `requests`, with or without a request.",
    "exclude": "Outside the universe (below threshold, outside the member's territory or its "
               "membership, a continuation of a counted campaign); the reason says which.",
    "request_outside_universe": "Meets no threshold, but the member asked for help (from the "
                                "alliance, the patron or another organization): it has a row "
                                "in `requests` and counts in the rates conditional on a "
                                "request, not in the share of crises that drew one.",
    "hybrid_sensitivity": "A hybrid incident or a covert operation, outside the universe by "
                          "rule, kept for a sensitivity variant.",
}

#: Whom a request was addressed to (``requests.addressed_to``).
ADDRESSEES: tuple[str, ...] = ("alliance", "patron", "both", "other_organization", "none")

#: The rule of each addressee.
ADDRESSEE_MEANING: dict[str, str] = {
    "alliance": "The alliance or its organs (the CSTO or the treaty partners; NATO or its "
                "Council).",
    "patron": "The patron alone, bilaterally: Russia for a CSTO member, the United States for a "
              "NATO member.",
    "both": "The alliance and, separately, the patron.",
    "other_organization": "Another organization (the CIS for the CSTO's members in 1993-94, "
                          "the European Union under Article 42.7 for France in 2015).",
    "none": "No request was made: the row is a crisis of the universe without one.",
}

#: The patron of each alliance: its largest member, whose bilateral answers are coded beside
#: the alliance's. A crisis of the patron itself has no patron response.
PATRONS: dict[str, str] = {"CSTO": "RUS", "NATO": "USA"}

#: Who responded (``responses.responder``).
RESPONDERS: tuple[str, ...] = ("alliance", "patron", "other_organization")

#: The rule of each responder.
RESPONDER_MEANING: dict[str, str] = {
    "alliance": "The alliance as such: its organs, or its members acting together under its "
                "name.",
    "patron": "The patron bilaterally (Russia for a CSTO member, the United States for a NATO "
              "member), outside the alliance's organs.",
    "other_organization": "The other organization a request went to (the CIS, the European "
                          "Union's member states under Article 42.7).",
}

MEMBERSHIP_STATUSES: tuple[str, ...] = (
    "signatory",
    "member",
    "suspended",
    "frozen",
    "observer",
    "partner",
    "partner_suspended",
    "candidate",
    "applicant",
    "withdrawing",
)

#: The coding rule for each membership status.
MEMBERSHIP_STATUS_MEANING: dict[str, str] = {
    "signatory": "Signed the founding treaty or charter, which is not yet in force for it.",
    "member": "Full member, bound by the treaty.",
    "suspended": "A member whose membership is suspended (by itself or by the organization).",
    "frozen": "A member that has frozen its participation but not left.",
    "observer": "Observer status, no obligations.",
    "partner": "A partnership short of membership (NATO's Partnership for Peace, the EU's Eastern "
               "Partnership, the CIS's associate status).",
    "partner_suspended": "A partnership whose cooperation one side has suspended; not membership.",
    "candidate": "Officially recognised candidate for membership.",
    "applicant": "Has formally applied for membership.",
    "withdrawing": "Has given notice of withdrawal, not yet in effect.",
}

PRECISIONS = ("day", "month", "year")

ORG_KINDS = ("military_alliance", "political", "economic", "partnership")
END_REASONS = (
    "withdrew",
    "not_renewed",
    "superseded",
    "status_changed",
    "dissolved",
    "expelled",
)
REGIONS = ("post_soviet", "europe", "north_america", "asia", "middle_east", "other")
EVENT_TYPES = (
    "treaty_signed",
    "treaty_in_force",
    "treaty_renewed",
    "charter_signed",
    "charter_in_force",
    "force_created",
    "summit",
    "summit_boycott",
    "exercise_withdrawal",
    "declaration_refused",
    "suspension",
    "withdrawal",
    "freeze",
    "un_status",
    "cooperation_agreement",
    "decision",
    "statement",
    "other",
)
BASE_KINDS = (
    "army_base",
    "air_base",
    "radar",
    "naval_communications",
    "space_launch",
    "test_range",
    "other",
)
VOTES = ("yes", "no", "abstain", "absent")
UN_TOPICS = (
    "territorial_integrity",
    "aggression",
    "humanitarian",
    "human_rights_council",
    "annexation",
    "reparations",
    "peace",
    "other",
)
STANCE_ISSUES = (
    "recognize_abkhazia_south_ossetia",
    "recognize_crimea_annexation",
    "recognize_donetsk_luhansk_2022",
    "recognize_2022_annexations",
    "support_invasion_ukraine",
    "sanctions_compliance",
    "eu_integration",
    "other",
)
ALIGNMENTS = ("aligned", "hedging", "opposed")
MEASURES = ("active_personnel", "defence_spending", "csto_budget_share",
            "nato_common_budget_share")
UNITS = ("persons", "usd_million_current", "percent")

#: Who represented a member state at a session of the Collective Security Council, highest first.
ATTENDANCE: tuple[str, ...] = (
    "head_of_state",
    "deputy",
    "other_official",
    "absent",
    "unknown",
)

#: The coding rule for each attendance value.
ATTENDANCE_MEANING: dict[str, str] = {
    "head_of_state": "The state's leader took part, in person or by video: the president, an "
                     "acting president, or Armenia's prime minister (who has sat on the Council "
                     "since 2018). A source names the leader, or counts the leaders present "
                     "(\"the presidents of the six\"), or names every absentee.",
    "deputy": "The head of government stood in for the head of state.",
    "other_official": "A minister, envoy or delegation below the head of government represented "
                      "the state.",
    "absent": "A source says the state was not represented, or that its leader stayed away.",
    "unknown": "No source read says who came; never inferred from the other rows.",
}

#: Whether an official's count of exercises covers all of a year's exercises.
COUNT_SCOPES: tuple[str, ...] = ("all", "part")
#: What an official's yearly figure counts.
COUNT_KINDS: tuple[str, ...] = ("exercises", "training_activities")
#: Whether a yearly figure is a plan, the year's outturn, or the usual number in a year.
COUNT_STATUSES: tuple[str, ...] = ("plan", "outturn", "usual")
#: What a reported number counts (``quantities.measure``).
QUANTITY_MEASURES: tuple[str, ...] = (
    "troops", "deaths", "displaced", "observers", "vehicles", "weapons", "usd_million", "km",
)
#: How a source qualifies a reported number: exactly, about, at least, more than, up to, or a
#: range from ``value`` to ``value_high``.
QUANTITY_QUALIFIERS: tuple[str, ...] = ("exact", "about", "at_least", "more_than", "up_to",
                                        "range")
#: What kind of publication a source is. The bibliography groups its entries by kind, and a
#: source of kind ``scholarship`` must say who wrote it, where it appeared and how to find it.
SOURCE_KINDS: tuple[str, ...] = (
    "primary_document",
    "official_statement",
    "state_media",
    "independent_media",
    "news_agency",
    "scholarship",
    "think_tank",
    "dataset",
    "reference",
    "other",
)

#: The rule for each source kind (where a page copies another, the kind of the original text).
SOURCE_KIND_MEANING: dict[str, str] = {
    "primary_document": "The text of a treaty, charter, law, resolution, decision or official "
                        "record itself, or an official or legal-database copy of it.",
    "official_statement": "A government's, ministry's or organization's own page or statement "
                          "about its acts and positions.",
    "state_media": "A news outlet a state owns or controls (TASS, RIA and Sputnik, RT, BelTA, "
                   "Xinhua, ...) or that is aligned with one; cited as the voice of that state.",
    "independent_media": "A news outlet no state owns (public-service broadcasters with "
                         "statutory independence included); it says nothing of editorial line.",
    "news_agency": "A wire report by a news agency no state owns (Reuters, AP, AFP, Interfax, "
                   "...).",
    "scholarship": "A work of scholarship: a peer-reviewed article, a scholarly book or a chapter "
                   "in one, cited with its authors and its DOI or ISBN.",
    "think_tank": "A report, analysis or commentary by a research institute or think tank.",
    "dataset": "A published dataset, its documentation, or a copy of its files.",
    "reference": "A reference work or compilation: an encyclopedia, yearbook or database page.",
    "other": "Anything else: NGO and association pages, personal blogs, university news, "
             "aggregators.",
}

#: The form of a work of scholarship (its BibTeX entry type: article, book, incollection).
SCHOLARLY_FORMS: tuple[str, ...] = ("article", "book", "chapter")

#: What a published base rate of alliance reliability counts.
BENCHMARK_MEASURES: tuple[str, ...] = ("all_commitments", "defence_pacts")
