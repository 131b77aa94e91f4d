"""The curated tables of the codebook: sources, states, organizations, memberships, requests,
responses, the crisis universe (crisis candidates) and the comparators, events, exercises and the
officials' yearly counts of them, attendance at the Collective Security Council, bases, UN votes,
stances, capabilities and discrepancies, each hand-coded row by row with its source.
:mod:`analysis.data.codebook` assembles them with the external datasets
(:mod:`~analysis.data.codebook.external`) and the institutions.
"""

from __future__ import annotations

from .fields import NOTE, SOURCE, Field, Table, precision
from .literature import SCHOLARLY_FIELDS, SCHOLARSHIP_CHECKS
from .vocabulary import (
    ADDRESSEES,
    ALIGNMENTS,
    ATTENDANCE,
    BASE_KINDS,
    CANDIDATE_DECISIONS,
    CRISIS_CATEGORIES,
    COUNT_KINDS,
    COUNT_SCOPES,
    COUNT_STATUSES,
    END_REASONS,
    EVENT_TYPES,
    MEASURES,
    MEMBERSHIP_STATUSES,
    ORG_KINDS,
    QUANTITY_MEASURES,
    QUANTITY_QUALIFIERS,
    REGIONS,
    RESPONDERS,
    RESPONSE_LEVELS,
    SCHOLARLY_FORMS,
    SOURCE_KIND_MEANING,
    SOURCE_KINDS,
    STANCE_ISSUES,
    THREATS,
    THRESHOLDS,
    UN_TOPICS,
    UNITS,
    VOTES,
)

#: The tables this part of the codebook defines, in load order.
TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        "Sources",
        "Every publication a fact in the other tables comes from; the bibliography is built from "
        "it.",
        (
            Field("source_id", "id", "Short unique slug cited by other tables.", required=True,
                  pattern=r"^[a-z0-9][a-z0-9-]*$"),
            Field("title", "string", "Title of the page or publication.", required=True),
            Field("publisher", "string", "Who published it (outlet, organization, site).",
                  required=True),
            Field("url", "url", "Address where the fact was read; empty only for a publication "
                  "with no public address (the note then says where it is found). One record per "
                  "address.", unique=True),
            Field("published", "partial_date", "Publication date: YYYY, YYYY-MM or YYYY-MM-DD."),
            Field("accessed", "date", "Day the page was read.", required=True),
            Field("kind", "category", "What kind of publication it is (for a copy of another "
                  "text, the kind of the original): " + "; ".join(
                      f"`{kind}`, {meaning.rstrip('.')}" for kind, meaning in
                      SOURCE_KIND_MEANING.items()) + ".",
                  required=True, enum=SOURCE_KINDS),
            Field("form", "category", "For a work of scholarship: an article, a book or a "
                  "chapter in a book.", enum=SCHOLARLY_FORMS),
            *SCHOLARLY_FIELDS,
            NOTE,
        ),
        primary_key=("source_id",),
        required_if=(("form", "kind", "scholarship"), ("verified", "kind", "scholarship")),
        row_checks=SCHOLARSHIP_CHECKS,
    ),

    Table(
        "states",
        "States",
        "Every state any other table names, by ISO 3166-1 alpha-3 code.",
        (
            Field("iso3", "id", "ISO 3166-1 alpha-3 code.", required=True, pattern=r"^[A-Z]{3}$"),
            Field("name", "string", "Short English name.", required=True),
            Field("iso_numeric", "integer", "ISO 3166-1 numeric code, used to join map shapes.",
                  required=True),
            Field("region", "category", "Broad region, for grouping in charts.", required=True,
                  enum=REGIONS),
            SOURCE,
        ),
        primary_key=("iso3",),
    ),

    Table(
        "organizations",
        "Organizations",
        "Alliances and groupings whose memberships the book follows.",
        (
            Field("code", "id", "Short code (CST is the 1992 treaty, CSTO the 2002 organization).",
                  required=True, pattern=r"^[A-Z][A-Z_]*$"),
            Field("name", "string", "Full name.", required=True),
            Field("kind", "category", "What sort of grouping it is.", required=True,
                  enum=ORG_KINDS),
            Field("founded", "date", "Date of founding (signature of the founding treaty).",
                  required=True),
            precision("founded"),
            SOURCE,
        ),
        primary_key=("code",),
    ),

    Table(
        "memberships",
        "Memberships",
        "Who belonged to which organization, with what status, from when to when. Intervals start "
        "on `start` and end the day before `end` (the day the status changed); an empty `end` "
        "means the status holds today. One state's intervals in one organization never overlap.",
        (
            Field("state", "state", "Member state.", required=True, ref="states.iso3"),
            Field("organization", "id", "Organization code.", required=True,
                  ref="organizations.code"),
            Field("status", "category", "Status during the interval.", required=True,
                  enum=MEMBERSHIP_STATUSES),
            Field("start", "date", "First day of the status.", required=True),
            precision("start"),
            Field("end", "date", "Day the status ended (exclusive); empty if it still holds."),
            precision("end"),
            Field("end_reason", "category", "Why the interval ended; required when `end` is set.",
                  enum=END_REASONS),
            NOTE,
            SOURCE,
        ),
        primary_key=("state", "organization", "start"),
        intervals=(("start", "end"),),
        no_overlap=("state", "organization"),
        required_if=(("end_reason", "end", None),),
    ),

    Table(
        "requests",
        "Requests for help",
        "The crises of the universe (every included row of `crisis_candidates`) and the requests "
        "for help made outside it: one row per request a member made, to its alliance, to the "
        "patron or to another organization, and one row per included crisis in which it made "
        "none (`request_made` = no).",
        (
            Field("request_id", "id", "Key, e.g. CSTO-2010-KGZ or NATO-A4-2003-TUR.",
                  required=True,
                  pattern=r"^(CSTO|NATO)-[A-Z0-9-]+$"),
            Field("organization", "id", "The alliance the member belonged to (CSTO covers the "
                  "1992 treaty era too).", required=True, enum=("CSTO", "NATO"),
                  ref="organizations.code"),
            Field("crisis", "string", "Short name of the crisis.", required=True),
            Field("requester", "states",
                  "The member that asked, or that was attacked (for a clash "
                  "between two members, both, `;`-separated).", required=True, ref="states.iso3"),
            Field("date", "date",
                  "Date of the request (or of the crisis' start if none was made).",
                  required=True),
            precision("date"),
            Field("threat", "category", "Kind of crisis, coded by the rule in the dictionary (the "
                  "category of its row in `crisis_candidates`).", required=True, enum=THREATS),
            Field("instrument", "string", "Article or procedure invoked, or `none`. An appeal to "
                  "Russia alone begins `bilateral appeal to Russia`, one to the United States "
                  "alone `bilateral appeal to the United States`.", required=True),
            Field("request_made", "category", "Whether the member asked for help, from the "
                  "alliance, the patron or another organization (`addressed_to` says whom).",
                  required=True, enum=("yes", "no")),
            Field("addressed_to", "category", "Whom the request went to: the alliance, the patron "
                  "alone (Russia for the CSTO, the United States for NATO), both, another "
                  "organization, or `none` when no request was made.", required=True,
                  enum=ADDRESSEES),
            Field("ask", "string", "What was asked for, in our words; required when "
                  "`request_made` is yes."),
            Field("asked_level", "category", "The ask coded on the response scale: the highest "
                  "level asked (troops = deployment, arms or equipment = material_aid, "
                  "consultations = consultation, solidarity = statement) of the alliance, or, for "
                  "a request to the patron alone or to another organization, of that addressee; "
                  "required when `request_made` is yes.", enum=RESPONSE_LEVELS),
            Field("patron_asked_level", "category", "The ask to the patron on the same scale; "
                  "required when `addressed_to` is patron or both, empty otherwise.",
                  enum=RESPONSE_LEVELS),
            NOTE,
            SOURCE,
        ),
        primary_key=("request_id",),
        required_if=(("ask", "request_made", "yes"), ("asked_level", "request_made", "yes"),
                     ("patron_asked_level", "addressed_to", "patron"),
                     ("patron_asked_level", "addressed_to", "both")),
        extra_rules=("`addressed_to` is `none` exactly when `request_made` is no.",
                     "Every request is named by a row of `crisis_candidates`.",
                     "Every request has at least one response row of the alliance and, except a "
                     "crisis of the patron itself (Russia for the CSTO, the United States for "
                     "NATO), at least one of the patron, `none` included."),
    ),

    Table(
        "responses",
        "Responses",
        "What the alliance, the patron (Russia for a CSTO member, the United States for a NATO "
        "member) and any other organization asked did about each request or crisis, over time; "
        "one request may have several rows per responder.",
        (
            Field("response_id", "id", "Key: the request_id followed by -R1, -R2, ... (one "
                  "numbering for every responder).",
                  required=True, pattern=r"^(CSTO|NATO)-[A-Z0-9-]+-R\d+$"),
            Field("request_id", "id", "The request (or crisis) answered.", required=True,
                  ref="requests.request_id"),
            Field("responder", "category", "Who acted: the alliance, the patron bilaterally, or "
                  "the other organization a request went to.", required=True, enum=RESPONDERS),
            Field("date", "date", "Date of the response (decision, meeting, arrival). A `none` "
                  "row that records that nothing was found carries the request's date.",
                  required=True),
            precision("date"),
            Field("level", "category", "Response level on the ordinal scale (lowest first): "
                  + " < ".join(RESPONSE_LEVELS) + ".", required=True, enum=RESPONSE_LEVELS),
            Field("troops", "integer", "Troops deployed, where a source gives a number.",
                  unit="persons"),
            Field("end", "date", "End of the mission or deployment."),
            precision("end"),
            Field("description", "string", "What was done, in our words; for `none`, what was "
                  "looked for and not found.", required=True),
            SOURCE,
        ),
        primary_key=("response_id",),
        intervals=(("date", "end"),),
        extra_rules=("A response of the alliance or of another organization is never dated "
                     "before its request; the patron's may be, when it acted on the crisis before "
                     "the member asked (its description says so).",
                     "A crisis of the patron itself has no patron row."),
    ),

    Table(
        "crisis_candidates",
        "Crisis universe: candidates",
        "Every crisis considered for the universe the two alliances are compared on (15 May "
        "1992 to the data cut-off), one row per member and crisis, from an external frame "
        "(UCDP/PRIO ACD) or a named event list, with the threshold it meets, the decision and "
        "the reason. Included crises and requests outside the universe have a row in `requests`.",
        (
            Field("candidate_id", "id", "Key, CSTO-C-001 ... or NATO-C-001 ...", required=True,
                  pattern=r"^(CSTO|NATO)-C-\d{3}$"),
            Field("organization", "id", "The alliance the state belonged to.", required=True,
                  enum=("CSTO", "NATO"), ref="organizations.code"),
            Field("member", "states", "The member (or members, `;`-separated) on whose territory "
                  "the crisis happened.", required=True, ref="states.iso3"),
            Field("crisis", "string", "Short name of the crisis.", required=True),
            Field("date", "date", "Start of the crisis (for a campaign or a conflict episode, its "
                  "start or its first year in the window).", required=True),
            precision("date"),
            Field("category", "category", "Kind of crisis, by the rule in the dictionary.",
                  required=True, enum=CRISIS_CATEGORIES),
            Field("frame", "string", "Where the candidate comes from: `UCDP-ACD` or an event list "
                  "named in brackets.", required=True),
            Field("frame_id", "string", "The candidate's id in the frame (UCDP `conflict_id`), "
                  "where it has one."),
            Field("deaths", "integer", "Best death toll: all deaths the first source in "
                  "`deaths_note` counts (perpetrators included where it gives them; a lower bound "
                  "for `at least` or a range). Empty where no verified figure exists or only an "
                  "intensity band.", unit="persons", minimum=0),
            Field("deaths_note", "string", "Every figure read, with its source, and any "
                  "disagreement."),
            Field("threshold", "category", "The threshold met (T1 armed attack, T2 internal "
                  "armed conflict, T3 unrest, T4 terrorist attack) or `none`.", required=True,
                  enum=THRESHOLDS),
            Field("decision", "category", "What became of the candidate.", required=True,
                  enum=CANDIDATE_DECISIONS),
            Field("reason", "string", "Why, in one sentence.", required=True),
            Field("casus_foederis", "category", "Whether the crisis meets the treaty's trigger, "
                  "an armed attack on the member's territory (CST Art. 4, NATO Art. 5); required "
                  "for included crises.", enum=("yes", "no")),
            Field("covert", "category", "Whether the crisis is a covert operation "
                  "(assassination, poisoning, sabotage, arson, abduction), kept out of the "
                  "universe whatever its toll; a variant moves those with deaths into T1.",
                  required=True, enum=("yes", "no")),
            Field("request_id", "ids", "The row(s) of `requests` for this crisis, "
                  "`;`-separated; required for included crises and requests outside the "
                  "universe.", ref="requests.request_id"),
            NOTE,
            SOURCE,
        ),
        primary_key=("candidate_id",),
        required_if=(("request_id", "decision", "include"),
                     ("request_id", "decision", "request_outside_universe"),
                     ("casus_foederis", "decision", "include")),
    ),

    Table(
        "comparators",
        "Other alliances answering members' crises",
        "Hegemon-led or regional security organizations answering a member's crisis, coded on "
        "the same ladder as `requests` and `responses`.",
        (
            Field("comparator_id", "id", "Key, CMP-01 ...", required=True,
                  pattern=r"^CMP-\d{2}$"),
            Field("organization", "string", "The organization (and its force or operation).",
                  required=True),
            Field("hegemon", "state", "Its leading state (ISO3; SUN = the Soviet Union).",
                  required=True),
            Field("member", "state", "The member in crisis (ISO3; CSK = Czechoslovakia).",
                  required=True),
            Field("crisis", "string", "Short name of the crisis.", required=True),
            Field("date", "date", "Start of the intervention or of the treaty procedure.",
                  required=True),
            precision("date"),
            Field("requester", "string", "Who asked, in our words (`nobody` where no one of the "
                  "member's government did).", required=True),
            Field("instrument", "string", "Treaty article, decision or procedure used.",
                  required=True),
            Field("asked_level", "category", "What was asked, on the response scale.",
                  required=True, enum=RESPONSE_LEVELS),
            Field("response_level", "category", "What came, on the response scale.",
                  required=True, enum=RESPONSE_LEVELS),
            Field("troops", "integer", "Troops sent, the best figure read; the note gives every "
                  "figure.", unit="persons", minimum=0),
            Field("against_member_government", "category", "Whether the force acted against the "
                  "member's government in place (yes) or for it (no).", required=True,
                  enum=("yes", "no")),
            NOTE,
            SOURCE,
        ),
        primary_key=("comparator_id",),
    ),

    Table(
        "events",
        "Institutional events",
        "A dated timeline of the organizations' institutional moments.",
        (
            Field("event_id", "id", "Key, E001 ...", required=True, pattern=r"^E\d{3,}$"),
            Field("date", "date", "Date of the event.", required=True),
            precision("date"),
            Field("type", "category", "Kind of event.", required=True, enum=EVENT_TYPES),
            Field("organization", "id", "Organization concerned.", required=True,
                  ref="organizations.code"),
            Field("states", "states", "ISO3 codes of the states involved, `;`-separated.",
                  ref="states.iso3"),
            Field("description", "string", "What happened, in our words.", required=True),
            SOURCE,
        ),
        primary_key=("event_id",),
    ),

    Table(
        "exercises",
        "Military exercises",
        "Joint exercises held under the alliance's flag. A sample, not a census: officials state "
        "5 to 8 named exercises a year for 2018-2026 (`exercise_counts`), and the Joint Staff's "
        "yearly plans hold about 60 joint training activities besides; `python -m analysis check` "
        "prints how many of the roughly expected exercises the table holds for 2018-2025. A row "
        "may join exercises held together in one setting; its name then lists them with `/` "
        "(Interaction/Search/Echelon-2024), and each counts as one named exercise. A cancelled "
        "exercise says so in its name. `participants` is every state that sent forces, or empty "
        "when the sources read do not list them all (the note then says who is confirmed).",
        (
            Field("exercise_id", "id", "Key, X001 ...", required=True, pattern=r"^X\d{3,}$"),
            Field("name", "string", "Exercise name.", required=True),
            Field("start", "date", "First day.", required=True),
            precision("start"),
            Field("end", "date", "Last day, where known."),
            Field("host", "state", "Host state.", ref="states.iso3"),
            Field("participants", "states", "Participating states, `;`-separated: all of them, "
                  "or empty.", ref="states.iso3"),
            Field("troops", "integer", "Troops taking part, where known.", unit="persons"),
            Field("organization", "id", "Organization under which it was held.", required=True,
                  ref="organizations.code"),
            SOURCE,
            NOTE,
        ),
        primary_key=("exercise_id",),
        intervals=(("start", "end"),),
    ),

    Table(
        "exercise_counts",
        "Officials' yearly counts of exercises",
        "How many exercises (or joint training activities) CSTO officials said the alliance plans "
        "or held in a year, with who said it. Most figures are plans announced early in the year. "
        "They give the size of the universe the `exercises` table samples.",
        (
            Field("year", "integer", "Year the figure is for.", required=True, minimum=1992),
            Field("counted", "category", "What the figure counts: named exercises, or joint "
                  "training activities of every kind (consultations, staff talks, staff trainings, "
                  "reconnaissance of areas and the exercises themselves).", required=True,
                  enum=COUNT_KINDS),
            Field("scope", "category", "`all`: the figure covers the year's exercises as the "
                  "official framed them; `part`: only some (one range, one line of training).",
                  required=True, enum=COUNT_SCOPES),
            Field("status", "category", "`plan`: announced for the year; `outturn`: reported as "
                  "held; `usual`: the number held in a usual year.", required=True,
                  enum=COUNT_STATUSES),
            Field("count", "integer", "The figure stated.", required=True, minimum=0),
            Field("what_is_counted", "string", "What the official said is counted, in our "
                  "words.", required=True),
            Field("exercises_named", "string", "Exercises the statement names, where it does."),
            Field("stated_by", "string", "Who gave the figure, and when.", required=True),
            SOURCE,
            NOTE,
        ),
        primary_key=("year", "counted", "scope"),
    ),

    Table(
        "summit_attendance",
        "Attendance at the Collective Security Council",
        "Who represented each member state at each session of the Collective Security Council, "
        "the heads of state of the treaty (1992) and the organization (2002), including informal "
        "and extraordinary sessions and sessions held by video: one row per session and member or "
        "signatory on the session's date (the CST before 2003, the CSTO after; a suspended or "
        "frozen member keeps its row). A guest that is not a member (Uzbekistan's president in "
        "2006 and 2021) is named in the note, not given a row. `unknown` is never guessed from the "
        "other rows; the coding rule for each value is in the scales section.",
        (
            Field("session_id", "id", "Key of the session: CSC- and its date, with -informal, "
                  "-video or -extraordinary where it applies.", required=True,
                  pattern=r"^CSC-\d{4}-\d{2}-\d{2}(-[a-z]+)*$"),
            Field("date", "date", "Day of the session (the first day of a two-day session).",
                  required=True),
            precision("date"),
            Field("city", "string", "Where it met (`videoconference` for a session by video).",
                  required=True),
            Field("chair_state", "state", "State whose head chaired the session, where a source "
                  "names it; empty otherwise. The chair need not be the host (Armenia chaired the "
                  "Moscow session of December 2015).", ref="states.iso3"),
            Field("state", "state", "Member or signatory state.", required=True,
                  ref="states.iso3"),
            Field("attended", "category", "Who represented the state, on the scale "
                  + " > ".join(f"`{a}`" for a in ATTENDANCE[:-1]) + ", or `unknown`.",
                  required=True, enum=ATTENDANCE),
            Field("represented_by", "string", "Name (and office, where not the head of state) of "
                  "who came; required for `deputy` and `other_official`."),
            SOURCE,
            NOTE,
        ),
        primary_key=("session_id", "state"),
        required_if=(("represented_by", "attended", "deputy"),
                     ("represented_by", "attended", "other_official")),
        extra_rules=(
            "Every row of a session has the same `date`, `date_precision`, `city` and "
            "`chair_state`.",
            "`state` was a member or signatory of the treaty (CST) or the organization (CSTO) on "
            "the session's date, by `memberships` (statuses signatory, member, suspended or "
            "frozen; the day a status ends still counts, since a session can be the one that ends "
            "it; a date known only to the month or year needs membership on some day of it).",
        ),
    ),

    Table(
        "bases",
        "Foreign military installations",
        "Military installations a foreign state operates on a member's (or former member's) soil.",
        (
            Field("base_id", "id", "Key, B01 ...", required=True, pattern=r"^B\d{2,}$"),
            Field("host", "state", "State whose territory it is on.", required=True,
                  ref="states.iso3"),
            Field("operator", "state", "State operating it.", required=True, ref="states.iso3"),
            Field("name", "string", "Name of the installation.", required=True),
            Field("kind", "category", "Kind of installation.", required=True, enum=BASE_KINDS),
            Field("start", "date", "Start of operation by this operator; empty where no source "
                  "dates it (Soviet-era sites the operator inherited)."),
            precision("start"),
            Field("end", "date", "End of operation; empty if still operated."),
            precision("end"),
            Field("personnel", "integer", "Personnel stationed, where a source gives a figure.",
                  unit="persons"),
            Field("personnel_year", "integer", "Year the personnel figure refers to."),
            SOURCE,
        ),
        primary_key=("base_id",),
        intervals=(("start", "end"),),
    ),

    Table(
        "un_resolutions",
        "UN General Assembly resolutions",
        "Resolutions on Ukraine whose recorded votes the book compares.",
        (
            Field("resolution", "id", "UN symbol, e.g. A/RES/ES-11/1.", required=True,
                  pattern=r"^A/RES/[A-Z0-9/-]+$"),
            Field("date", "date", "Date of adoption.", required=True),
            Field("title", "string", "Short title, in our words.", required=True),
            Field("topic", "category", "What the resolution is about.", required=True,
                  enum=UN_TOPICS),
            Field("yes", "integer", "Votes in favour.", required=True, unit="states"),
            Field("no", "integer", "Votes against.", required=True, unit="states"),
            Field("abstain", "integer", "Abstentions.", required=True, unit="states"),
            Field("non_voting", "integer", "Members that did not vote.", unit="states"),
            SOURCE,
        ),
        primary_key=("resolution",),
    ),

    Table(
        "un_votes",
        "UN General Assembly votes",
        "How each state voted on each resolution in `un_resolutions`.",
        (
            Field("resolution", "id", "UN symbol.", required=True,
                  ref="un_resolutions.resolution"),
            Field("state", "state", "Voting state.", required=True, ref="states.iso3"),
            Field("vote", "category", "Recorded vote (`absent` = did not vote).", required=True,
                  enum=VOTES),
            SOURCE,
        ),
        primary_key=("resolution", "state"),
    ),

    Table(
        "un_vote_gaps",
        "UN General Assembly votes not on record",
        "A vote of a current or former CSTO member on an emergency-session (ES-11) resolution that "
        "`un_votes` does not hold, with the reason and what the sources suggest. Every such pair "
        "of state and resolution is either a row of `un_votes` or a row here.",
        (
            Field("resolution", "id", "UN symbol.", required=True,
                  ref="un_resolutions.resolution"),
            Field("state", "state", "State.", required=True, ref="states.iso3"),
            Field("reason", "string", "Why the vote is not on record: what was searched, what "
                  "was found.", required=True),
            Field("best_guess", "category", "The vote the evidence points to, if any (not used "
                  "in any count).", enum=VOTES),
            SOURCE,
        ),
        primary_key=("resolution", "state"),
        extra_rules=("For every ES-11 resolution in `un_resolutions` and every state that was "
                     "ever a signatory or member of the CST or the CSTO, exactly one of "
                     "`un_votes` and `un_vote_gaps` has a row.",),
    ),

    Table(
        "stances",
        "Stances that divide the members",
        "Each state's position on issues where Moscow's line is known, coded against it.",
        (
            Field("stance_id", "id", "Key, S001 ...", required=True, pattern=r"^S\d{3,}$"),
            Field("state", "state", "State.", required=True, ref="states.iso3"),
            Field("issue", "category", "The issue.", required=True, enum=STANCE_ISSUES),
            Field("position", "string", "The state's position, in short words.", required=True),
            Field("alignment", "category", "Coded against Russia's position: aligned, hedging "
                  "(neutral, silent or partial) or opposed.", required=True, enum=ALIGNMENTS),
            Field("date", "date", "Date the position was taken or observed.", required=True),
            precision("date"),
            NOTE,
            SOURCE,
        ),
        primary_key=("stance_id",),
    ),

    Table(
        "capabilities",
        "Capabilities and budgets",
        "Forces, defence spending and budget shares, long format: one measure per row.",
        (
            Field("state", "state", "State.", required=True, ref="states.iso3"),
            Field("year", "integer", "Year the figure refers to.", required=True),
            Field("measure", "category", "What is measured.", required=True, enum=MEASURES),
            Field("value", "number", "The figure, in `unit`.", required=True),
            Field("unit", "category", "Unit of `value`.", required=True, enum=UNITS),
            Field("edition", "string", "Edition of the source series (e.g. The Military Balance "
                  "2020).", required=True),
            SOURCE,
        ),
        primary_key=("state", "year", "measure"),
    ),

    Table(
        "discrepancies",
        "Where sources disagree",
        "Competing values for one fact, each with its source; `used` marks the value the tables "
        "hold.",
        (
            Field("table", "category", "Table of the fact.", required=True),
            Field("record_id", "string", "Primary key of the row concerned (several key columns "
                  "joined by `|`).", required=True),
            Field("field", "string", "Column concerned.", required=True),
            Field("value", "string", "The value this source gives.", required=True),
            SOURCE,
            NOTE,
            Field("used", "category", "Whether the table uses this value.", required=True,
                  enum=("yes", "no")),
        ),
        primary_key=("table", "record_id", "field", "value", "source"),
        extra_rules=("`record_id` names an existing row of `table`.",),
    ),

    Table(
        "quantities",
        "Reported numbers",
        "Numbers the chapters state that no other table holds (troops a state sent, deaths, "
        "observers, sums of money), each as one source or group of sources gives it; where "
        "sources disagree, one row per figure.",
        (
            Field("quantity_id", "id", "Key, Q001 ...", required=True, pattern=r"^Q\d{3,}$"),
            Field("subject", "string", "What is counted, in our words.", required=True),
            Field("measure", "category", "Kind of number.", required=True,
                  enum=QUANTITY_MEASURES),
            Field("value", "number", "The number the source gives (the low end of a range).",
                  required=True, minimum=0),
            Field("value_high", "number", "The high end, where the source gives a range.",
                  minimum=0),
            Field("qualifier", "category", "How the source qualifies the number.",
                  required=True, enum=QUANTITY_QUALIFIERS),
            Field("date", "date", "The day (or month, or year) the number refers to.",
                  required=True),
            precision("date"),
            Field("states", "states", "The state or states whose troops, people or money are "
                  "counted, `;`-separated.", ref="states.iso3"),
            Field("record_table", "category", "Table of the row the number belongs to, if any."),
            Field("record_id", "string", "Primary key of that row (several key columns joined "
                  "by `|`)."),
            Field("stated_by", "string", "Who gave the number, and when, where the source names "
                  "them."),
            SOURCE,
            NOTE,
        ),
        primary_key=("quantity_id",),
        required_if=(("value_high", "qualifier", "range"), ("record_id", "record_table", None),
                     ("record_table", "record_id", None)),
        extra_rules=("`record_id` names an existing row of `record_table`.",),
    ),
)
