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
