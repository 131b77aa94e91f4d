"""The institutions in the codebook: the CSTO's organs, the heads of its Secretariat, and its
collective forces and regional groupings.

Three curated tables, each row tied to its sources like every curated table; loaded after the
external datasets.
"""

from __future__ import annotations

from .fields import NOTE, SOURCE, Field, Table, precision

#: What sort of organ it is: the supreme council, the councils of ministers, the coordinating
#: council of envoys, permanent working bodies, and the parliamentary assembly.
ORGAN_KINDS: tuple[str, ...] = ("supreme", "executive_council", "coordinating", "working_body",
                                "parliamentary")
#: How an organ decides: ``consensus`` where a source says so; ``prepares_only`` for bodies that
#: prepare and carry out decisions taken elsewhere; ``not_verified`` where no source read for the
#: book states the rule.
DECISION_RULES: tuple[str, ...] = ("consensus", "prepares_only", "not_verified")
OFFICES: tuple[str, ...] = ("secretary_general", "acting_secretary_general")
#: Why a holder left office.
TERM_ENDS: tuple[str, ...] = ("term_ended", "recalled", "successor_appointed", "resigned")
#: The kinds of collective force or grouping.
FORCE_KINDS: tuple[str, ...] = ("rapid_deployment", "rapid_reaction", "peacekeeping",
                                "regional_group", "air_defence")
#: The CSTO's three regions of collective security, or ``all`` for forces drawn from every member.
SECURITY_REGIONS: tuple[str, ...] = ("eastern_europe", "caucasus", "central_asia", "all")

#: The tables this part of the codebook defines, in load order.
TABLES: tuple[Table, ...] = (
    Table(
        "organs", "Organs of the CSTO",
        "The organization's statutory bodies: who sits on them, how they decide, when they were "
        "set "
        "up and what they do, in our words.",
        (
            Field("organ_id", "id", "Key, a slug.", required=True, pattern=r"^[a-z][a-z_]*$"),
            Field("name", "string", "English name.", required=True),
            Field("kind", "category", "What sort of organ it is.", required=True,
                  enum=ORGAN_KINDS),
            Field("composition", "string", "Who sits on it.", required=True),
            Field("decides", "category", "How it decides: " + ", ".join(DECISION_RULES) + ".",
                  required=True, enum=DECISION_RULES),
            Field("established", "date",
                  "Date it was set up (for bodies the 2002 Charter lists, the "
                  "Charter's signature).", required=True),
            precision("established"),
            Field("basis", "string", "The treaty article, charter or decision that set it up.",
                  required=True),
            Field("role", "string", "What it does, in our words.", required=True),
            SOURCE,
            NOTE,
        ),
        primary_key=("organ_id",),
    ),
    Table(
        "office_holders", "Heads of the CSTO Secretariat",
        "Every Secretary General and acting Secretary General, with the dates of office. Terms "
        "start "
        "on `start` and end the day before `end` (the successor's first day); an empty `end` "
        "means "
        "the holder is in office at the data's cut-off date. Terms never overlap.",
        (
            Field("holder_id", "id", "Key, SG01 ...", required=True, pattern=r"^SG\d{2,}$"),
            Field("organ", "id", "The organ the office heads.", required=True,
                  ref="organs.organ_id"),
            Field("office", "category", "Full or acting Secretary General.", required=True,
                  enum=OFFICES),
            Field("name", "string", "Name of the holder.", required=True),
            Field("state", "state",
                  "State that put the holder forward (the holder's citizenship).",
                  required=True, ref="states.iso3"),
            Field("start", "date", "First day in office.", required=True),
            precision("start"),
            Field("end", "date", "Day the successor took over (exclusive); empty if in office."),
            precision("end"),
            Field("end_reason", "category", "Why the term ended; required when `end` is set.",
                  enum=TERM_ENDS),
            SOURCE,
            NOTE,
        ),
        primary_key=("holder_id",),
        intervals=(("start", "end"),),
        no_overlap=("organ",),
        required_if=(("end_reason", "end", None),),
    ),
    Table(
        "forces", "Collective forces and regional groupings",
        "The CSTO's collective forces and the bilateral groupings and joint air-defence systems "
        "it "
        "counts as parts of its regional security, each dated by the decision or agreement that "
        "created it.",
        (
            Field("force_id", "id", "Key, F01 ...", required=True, pattern=r"^F\d{2,}$"),
            Field("name", "string", "Name of the force or system.", required=True),
            Field("kind", "category", "What sort of force it is.", required=True,
                  enum=FORCE_KINDS),
            Field("region", "category", "Region of collective security it serves.", required=True,
                  enum=SECURITY_REGIONS),
            Field("states", "states", "States contributing, `;`-separated.", required=True,
                  ref="states.iso3"),
            Field("created", "date", "Date of the decision or agreement that created it.",
                  required=True),
            precision("created"),
            Field("instrument", "string", "The decision or agreement, in short.", required=True),
            Field("strength", "integer", "Personnel, where a source gives a figure.",
                  unit="persons",
                  minimum=0),
            Field("strength_year", "integer", "Year the strength figure refers to.", minimum=1990,
                  maximum=2030),
            SOURCE,
            NOTE,
        ),
        primary_key=("force_id",),
        required_if=(("strength_year", "strength", None),),
    ),
)
