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

THREATS: tuple[str, ...] = (
    "external_aggression",
    "border_clash",
    "internal_unrest",
    "terrorism_spillover",
    "other",
)

#: The coding rule for each threat category.
THREAT_MEANING: dict[str, str] = {
    "external_aggression": "An armed attack on the member's territory by another state.",
    "border_clash": "Armed clashes along a disputed or undemarcated border, short of invasion.",
    "internal_unrest": "Riots, uprisings, ethnic violence or a coup attempt inside the member.",
    "terrorism_spillover": "Terrorism, insurgency or instability spilling over from a neighbour.",
    "other": "Any other security request (air-space violations, political crises, ...).",
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
