"""The curated tables of the codebook: sources, states, organizations, memberships, requests,
responses, events, exercises, bases, UN votes, stances, capabilities and discrepancies, each
hand-coded row by row with its source. :mod:`analysis.data.codebook` assembles them with the
external datasets (:mod:`~analysis.data.codebook.external`) and the institutions.
"""

from __future__ import annotations

from .fields import NOTE, SOURCE, Field, Table, precision
from .literature import SCHOLARLY_FIELDS, SCHOLARSHIP_CHECKS
from .vocabulary import (
    ALIGNMENTS,
    BASE_KINDS,
    END_REASONS,
    EVENT_TYPES,
    MEASURES,
    MEMBERSHIP_STATUSES,
    ORG_KINDS,
    REGIONS,
    RESPONSE_LEVELS,
    SCHOLARLY_FORMS,
    SOURCE_KIND_MEANING,
    SOURCE_KINDS,
    STANCE_ISSUES,
    THREATS,
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
        "Every request a member made to its alliance for help, and the crises in which a member "
        "was "
        "attacked or in turmoil but made no request (`request_made` = no).",
        (
            Field("request_id", "id", "Key, e.g. CSTO-2010-KGZ or NATO-A4-2003-TUR.",
                  required=True,
                  pattern=r"^(CSTO|NATO)-[A-Z0-9-]+$"),
            Field("organization", "id",
                  "The alliance asked (CSTO covers the 1992 treaty era too).",
                  required=True, enum=("CSTO", "NATO"), ref="organizations.code"),
            Field("crisis", "string", "Short name of the crisis.", required=True),
            Field("requester", "states",
                  "The member that asked, or that was attacked (for a clash "
                  "between two members, both, `;`-separated).", required=True, ref="states.iso3"),
            Field("date", "date",
                  "Date of the request (or of the crisis' start if none was made).",
                  required=True),
            precision("date"),
            Field("threat", "category", "Kind of threat, coded by the rule in the dictionary.",
                  required=True, enum=THREATS),
            Field("instrument", "string", "Article or procedure invoked, or `none`.",
                  required=True),
            Field("request_made", "category", "Whether a request reached the alliance.",
                  required=True, enum=("yes", "no")),
            Field("ask", "string", "What was asked for, in our words; required when "
                  "`request_made` is yes."),
            Field("asked_level", "category", "The ask coded on the response scale: the highest "
                  "level the request asked for (troops = deployment, arms or equipment = "
                  "material_aid, consultations = consultation, solidarity = statement); required "
                  "when `request_made` is yes.", enum=RESPONSE_LEVELS),
            NOTE,
            SOURCE,
        ),
        primary_key=("request_id",),
        required_if=(("ask", "request_made", "yes"), ("asked_level", "request_made", "yes")),
    ),

    Table(
        "responses",
        "Responses",
        "What the alliance did about each request, over time; one request may have several.",
        (
            Field("response_id", "id", "Key: the request_id followed by -R1, -R2, ...",
                  required=True, pattern=r"^(CSTO|NATO)-[A-Z0-9-]+-R\d+$"),
            Field("request_id", "id", "The request answered.", required=True,
                  ref="requests.request_id"),
            Field("date", "date", "Date of the response (decision, meeting, arrival).",
                  required=True),
            precision("date"),
            Field("level", "category", "Response level on the ordinal scale (lowest first): "
                  + " < ".join(RESPONSE_LEVELS) + ".", required=True, enum=RESPONSE_LEVELS),
            Field("troops", "integer", "Troops deployed, where a source gives a number.",
                  unit="persons"),
            Field("end", "date", "End of the mission or deployment."),
            precision("end"),
            Field("description", "string", "What was done, in our words.", required=True),
            SOURCE,
        ),
        primary_key=("response_id",),
        intervals=(("date", "end"),),
        extra_rules=("A response is never dated before its request.",),
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
        "Joint exercises held under the alliance's flag.",
        (
            Field("exercise_id", "id", "Key, X001 ...", required=True, pattern=r"^X\d{3,}$"),
            Field("name", "string", "Exercise name.", required=True),
            Field("start", "date", "First day.", required=True),
            precision("start"),
            Field("end", "date", "Last day, where known."),
            Field("host", "state", "Host state.", ref="states.iso3"),
            Field("participants", "states", "Participating states, `;`-separated.",
                  ref="states.iso3"),
            Field("troops", "integer", "Troops taking part, where known.", unit="persons"),
            Field("organization", "id", "Organization under which it was held.", required=True,
                  ref="organizations.code"),
            SOURCE,
        ),
        primary_key=("exercise_id",),
        intervals=(("start", "end"),),
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
)
