"""The field's standard datasets in the codebook: UN roll calls, agreement scores, SIPRI spending
and arms transfers, ATOP alliances, COW personnel, UCDP armed conflicts, and the country-code
concordance that joins them.

Each is an extract made by a re-runnable script in ``tools/imports/`` from a public copy, and is
described by a row of ``origins`` (producer, version, citation, the copy and its commit, terms,
what was kept). Its rows carry no ``source`` column: the origin names the source of every row, and
the checks stop the build if a table has no origin.
"""

from __future__ import annotations

from .fields import Field, Table
from .policy import LICENCES

#: Non-state suppliers in the SIPRI register, written as slugs in ``arms_transfers.supplier``.
NONSTATE_SUPPLIERS: tuple[str, ...] = ("unknown", "nato", "european_union", "united_nations",
                                       "african_union", "osce", "libya_hor", "libya_gnc")
#: SIPRI's marks on a military-expenditure cell.
MILEX_FLAGS: tuple[str, ...] = ("estimate", "uncertain", "unavailable", "not_independent")
#: Issue codes of the UN roll calls (Voeten et al.), as slugs.
UN_ISSUES: tuple[str, ...] = ("palestinian_conflict", "nuclear_weapons", "arms_control",
                              "human_rights", "colonialism", "economic_development")
CONFLICT_TYPES = ("extrasystemic", "interstate", "intrastate", "internationalized_intrastate")
BINARY = ("0", "1")


def _state(name: str, description: str, **kw) -> Field:
    return Field(name, "state", description, ref="states.iso3", **kw)


def _obligations(subject: str) -> tuple[Field, ...]:
    """ATOP's five obligations, each a 0/1 column: ``subject`` begins each description."""
    return tuple(Field(name, "category", f"{subject} a {label} obligation.", required=True,
                       enum=BINARY)
                 for name, label in (("defense", "defence"), ("offense", "offence"),
                                     ("neutral", "neutrality"), ("nonagg", "non-aggression"),
                                     ("consul", "consultation")))


def _year(name: str = "year", description: str = "Calendar year.") -> Field:
    return Field(name, "integer", description, required=True, minimum=1815, maximum=2030)


#: The tables this part of the codebook defines, in load order.
TABLES: tuple[Table, ...] = (
    Table(
        "origins", "Origins of the external datasets",
        "One row per external dataset: who made it, which version, how to cite it, where our copy "
        "came from (repository and commit), its terms, what was kept, and the script that made "
        "the "
        "extract.",
        (
            Field("origin_id", "id", "Key.", required=True, pattern=r"^[a-z0-9][a-z0-9.-]*$"),
            Field("producer", "string", "Who produced the dataset.", required=True),
            Field("title", "string", "Title of the dataset.", required=True),
            Field("version", "string", "Version or release used.", required=True),
            Field("citation", "string", "How the producer asks to be cited.", required=True),
            Field("url_main", "url", "The producer's page for the dataset.", required=True),
            Field("copy_repository", "string",
                  "Public repository (owner/name) or package our copy "
                  "came from.", required=True),
            Field("copy_commit", "string", "Commit of that repository (empty for a registry "
                  "package).", pattern=r"^[0-9a-f]{40}$"),
            Field("copy_path", "string", "Path of the raw file in the copy.", required=True),
            Field("raw_sha256", "string", "SHA-256 of the raw file's bytes; for several files, "
                  "`file:hash` pairs separated by `;`.",
                  pattern=r"^([^:;]+:)?[0-9a-f]{64}(;([^:;]+:)?[0-9a-f]{64})*$"),
            Field("accessed", "date", "Day the copy was read.", required=True),
            Field("terms", "string", "Licence or terms of use, in short.", required=True),
            Field("licence", "category", "The terms the extract stays under, for the data "
                  "package: " + "; ".join(f"`{k}`, {v}" for k, v in LICENCES.items()) + ". "
                  "The book's CC BY 4.0 grant does not cover it.", required=True,
                  enum=tuple(LICENCES)),
            Field("licence_url", "url", "Where those terms are stated (the licence, or the "
                  "producer's page that asks for the citation).", required=True),
            Field("credit_line", "string", "Credit to print under every chart that uses it."),
            Field("kept", "string", "What the extract keeps.", required=True),
            Field("import_script", "string", "The script that makes the extract.", required=True),
            Field("tables", "string", "Tables made from it, `;`-separated.", required=True,
                  pattern=r"^[a-z_]+(;[a-z_]+)*$"),
            Field("source", "sources", "The dataset's record in `sources`.", required=True,
                  ref="sources.source_id"),
            Field("verified_by", "sources", "Pages the extract's figures were checked against "
                  "(publisher's figures, press reports, a second copy).", ref="sources.source_id"),
        ),
        primary_key=("origin_id",),
        extra_rules=("Every table without a `source` column is named in `tables` of an origin.",),
    ),
    Table(
        "country_codes", "Country codes",
        "Each state's codes in the Correlates of War (COW) and Gleditsch-Ward (GW) state lists, "
        "so "
        "that datasets coded in either join the ISO3 codes of every other table.",
        (
            _state("iso3", "ISO3 code.", required=True),
            Field("cow_code", "integer", "COW state number (ccode).", minimum=1, maximum=999),
            Field("cow_letter", "string", "COW state abbreviation.", pattern=r"^[A-Z]{3}$"),
            Field("gw_code", "integer", "Gleditsch-Ward state number (empty for microstates the "
                  "GW list leaves out).", minimum=1, maximum=999),
            Field("note", "string", "Where a code has a history (the USSR and Russia, Germany, "
                  "Yugoslavia and Serbia)."),
        ),
        primary_key=("iso3",),
    ),
    Table(
        "un_roll_calls", "UN General Assembly roll calls",
        "Every recorded vote of the General Assembly from 1992 to the end of the Voeten data "
        "(January 2020).",
        (
            Field("rcid", "integer", "Roll-call id in the Voeten data.", required=True, minimum=1),
            Field("session", "integer", "General Assembly session.", required=True, minimum=1,
                  maximum=99),
            Field("date", "date", "Day of the vote.", required=True),
            Field("resolution", "string",
                  "Resolution symbol, e.g. A/RES/68/262 (empty for votes on "
                  "amendments or paragraphs without one)."),
            Field("short_title", "string", "Short description, as the data gives it."),
            Field("important_vote", "category", "On the US State Department's list of important "
                  "votes.", enum=("yes", "no")),
            Field("issues", "string", "Issue codes, `;`-separated: " + ", ".join(UN_ISSUES) + ".",
                  pattern=r"^(" + "|".join(UN_ISSUES) + r")(;(" + "|".join(UN_ISSUES) + r"))*$"),
        ),
        primary_key=("rcid",),
    ),
    Table(
        "un_roll_call_votes", "UN General Assembly roll-call votes",
        "How each current and former member of the CSTO and NATO (and Ukraine, China, India) "
        "voted "
        "on each roll call. A state absent, not voting or not yet a member has no row.",
        (
            Field("rcid", "integer", "Roll call.", required=True, ref="un_roll_calls.rcid"),
            _state("state", "Voting state.", required=True),
            Field("vote", "category", "Recorded vote.", required=True,
                  enum=("yes", "no", "abstain")),
        ),
        primary_key=("rcid", "state"),
    ),
    Table(
        "undl_roll_calls", "UN General Assembly roll calls, 2025 (UN Digital Library)",
        "Every General Assembly voting record of 2025 in the scrape of the UN Digital Library "
        "that the project holds (24 February to 18 December 2025), with the record's own totals. "
        "The Voeten roll calls (`un_roll_calls`) end in January 2020; no public copy of the votes "
        "of 2020-2024 was found, so the years between are a gap.",
        (
            Field("undl_id", "integer", "UN Digital Library record number.", required=True,
                  minimum=1),
            Field("session", "integer", "General Assembly session.", required=True, minimum=1,
                  maximum=99),
            Field("date", "date", "Day of the vote.", required=True),
            Field("resolution", "string", "Symbol of the adopted text, e.g. A/RES/ES-11/7.",
                  required=True, pattern=r"^A/(RES|DEC)/[A-Z0-9/ -]+$"),
            Field("title", "string", "Title, as the record gives it.", required=True),
            Field("yes", "integer", "Votes in favour (the record's total).", required=True,
                  minimum=0, unit="states"),
            Field("no", "integer", "Votes against.", required=True, minimum=0, unit="states"),
            Field("abstain", "integer", "Abstentions.", required=True, minimum=0,
                  unit="states"),
            Field("non_voting", "integer", "Members that did not vote.", required=True,
                  minimum=0, unit="states"),
            Field("undl_link", "url", "The voting record.", required=True),
        ),
        primary_key=("undl_id",),
    ),
    Table(
        "undl_roll_call_votes", "UN General Assembly roll-call votes, 2025 (UN Digital Library)",
        "How each state of `states` voted on each roll call of `undl_roll_calls`. As in "
        "`un_roll_call_votes`, a state that did not vote has no row.",
        (
            Field("undl_id", "integer", "Roll call.", required=True,
                  ref="undl_roll_calls.undl_id"),
            _state("state", "Voting state.", required=True),
            Field("vote", "category", "Recorded vote.", required=True,
                  enum=("yes", "no", "abstain")),
        ),
        primary_key=("undl_id", "state"),
    ),
    Table(
        "un_agreement", "Agreement with Russia and the United States in the General Assembly",
        "Bailey-Strezhnev-Voeten ideal points and the share of votes cast as Russia and as the "
        "United "
        "States did, per state and session (yes, no and abstain as three categories).",
        (
            _state("state", "State.", required=True),
            Field("session", "integer", "General Assembly session.", required=True, minimum=1,
                  maximum=99),
            _year(description="Calendar year in which the session opened (session + 1945)."),
            Field("ideal_point", "number", "Ideal point on the US-led liberal order dimension.",
                  required=True, minimum=-5, maximum=5),
            Field("agree_russia", "number", "Share of roll calls voted as Russia did.",
                  required=True, minimum=0, maximum=1, unit="share"),
            Field("agree_usa", "number", "Share of roll calls voted as the United States did.",
                  required=True, minimum=0, maximum=1, unit="share"),
        ),
        primary_key=("state", "session"),
    ),
    Table(
        "milex", "Military expenditure (SIPRI)",
        "Military spending of every current and former member of the CSTO and NATO, 1992-2024: "
        "one "
        "row per state and year, missing values empty. Source: SIPRI Military Expenditure "
        "Database.",
        (
            _state("state", "State.", required=True),
            _year(),
            Field("milex_constant_2023_usd_million", "number", "Spending in constant 2023 US$.",
                  minimum=0, unit="usd_million_constant_2023"),
            Field("milex_flag", "category", "SIPRI's mark on the spending figure.",
                  enum=MILEX_FLAGS),
            Field("milex_share_of_gdp_percent", "number", "Spending as a share of GDP.",
                  minimum=0, maximum=100, unit="percent"),
            Field("share_flag", "category", "SIPRI's mark on the share.", enum=MILEX_FLAGS),
            Field("sipri_notes", "string", "SIPRI's footnote marks for the country."),
        ),
        primary_key=("state", "year"),
    ),
    Table(
        "arms_transfers", "Arms deliveries to CSTO members (SIPRI)",
        "Major arms delivered to each current and former CSTO member by each supplier and year, "
        "2000-2023, in SIPRI trend-indicator values (our sums of SIPRI's deal-year values). "
        "Source: "
        "SIPRI Arms Transfers Database.",
        (
            _state("recipient", "Receiving state.", required=True),
            Field("supplier", "state", "Supplying state (ISO3), or a non-state supplier: "
                  + ", ".join(NONSTATE_SUPPLIERS) + ".", required=True, ref="states.iso3",
                  pattern=r"^([A-Z]{3}|" + "|".join(NONSTATE_SUPPLIERS) + r")$",
                  ref_exempt=NONSTATE_SUPPLIERS),
            _year(),
            Field("tiv_million", "number", "Trend-indicator value delivered.", required=True,
                  minimum=0, unit="tiv_million"),
            Field("n_deals", "integer", "Deals with deliveries that year.", required=True,
                  minimum=1),
            Field("n_deals_estimated", "integer", "Of those, deals SIPRI marks as estimated.",
                  required=True, minimum=0),
        ),
        primary_key=("recipient", "supplier", "year"),
    ),
    Table(
        "atop_alliances", "Formal alliances of Russia and the United States (ATOP)",
        "Every ATOP alliance Russia or the United States belonged to from 1992 or that was in "
        "force "
        "then, with its obligations (ATOP v4.01, to 2016).",
        (
            Field("atopid", "integer", "ATOP alliance id.", required=True, minimum=1000,
                  maximum=9999),
            Field("name", "string", "Name, where the files give one."),
            Field("organization", "string", "The organization(s) in `organizations` it matches "
                  "(our link, by dates and members; `;`-separated), if any.",
                  pattern=r"^[A-Z_]+(;[A-Z_]+)*$"),
            Field("begin_date", "date", "Signature of the alliance."),
            Field("begin_year", "integer", "Year it began.", required=True, minimum=1815,
                  maximum=2030),
            Field("end_date", "date", "End, if it ended before the data's end."),
            Field("end_year", "integer", "Year it ended.", minimum=1815, maximum=2030),
            Field("bilateral", "category", "Two members only.", required=True, enum=BINARY),
            Field("phases", "integer", "Number of phases (changes of terms or members).",
                  minimum=0),
            *_obligations("The alliance carries"),
            Field("anchor_members", "string", "Which of Russia and the United States belong."),
            Field("n_members", "integer", "Number of member states.", required=True, minimum=2),
            Field("v51_consistent_2018", "category", "Its dyads still hold in ATOP v5.1 in 2018.",
                  enum=BINARY),
            Field("atop_version", "string", "ATOP version.", required=True),
        ),
        primary_key=("atopid",),
        intervals=(("begin_date", "end_date"),),
    ),
    Table(
        "atop_members", "Members of those alliances (ATOP)",
        "Each state's membership spell in each alliance of `atop_alliances`, with its "
        "obligations.",
        (
            Field("atopid", "integer", "Alliance.", required=True, ref="atop_alliances.atopid"),
            Field("phase", "integer", "Phase of the alliance.", required=True, minimum=0),
            _state("state", "Member state.", required=True),
            Field("cow_code", "integer", "Member's COW code, as ATOP gives it.", required=True,
                  minimum=1, maximum=999),
            Field("member_begin", "partial_date", "First day of membership (YYYY-MM where ATOP "
                  "gives only the month).", required=True),
            Field("member_end", "partial_date", "Last day, if it ended before the data's end."),
            *_obligations("This member takes on"),
        ),
        primary_key=("atopid", "phase", "cow_code", "member_begin"),
    ),
    Table(
        "nmc_milper", "Military personnel and spending (COW)",
        "Correlates of War National Material Capabilities (v7.0): military personnel and spending "
        "of "
        "every current and former member of the CSTO and NATO, 1992-2022.",
        (
            _state("state", "State.", required=True),
            _year(),
            Field("milper_thousands", "integer", "Military personnel (COW `milper`).", minimum=0,
                  unit="thousand_persons"),
            Field("milex_thousands_usd", "integer", "Military expenditure (COW `milex`), current "
                  "US$.", minimum=0, unit="usd_thousand_current"),
        ),
        primary_key=("state", "year"),
    ),
    Table(
        "ucdp_conflicts", "Armed conflicts involving CSTO or NATO members (UCDP/PRIO)",
        "Conflict-years from 1992 in which a current or former CSTO member, or a NATO member at "
        "the cut-off, is a primary party or the location (UCDP/PRIO Armed Conflict Dataset "
        "v25.1).",
        (
            Field("conflict_id", "integer", "UCDP conflict id.", required=True, minimum=1),
            _year(),
            Field("location", "string", "Where it was fought.", required=True),
            Field("side_a", "string", "Side A (a government).", required=True),
            Field("side_b", "string", "Side B.", required=True),
            Field("states", "states", "CSTO and NATO members among the primary parties or "
                  "locations.",
                  ref="states.iso3"),
            Field("states_secondary", "states", "CSTO and NATO members that sent troops to support "
                  "a side.",
                  ref="states.iso3"),
            Field("type_of_conflict", "category", "UCDP's conflict type.", required=True,
                  enum=CONFLICT_TYPES),
            Field("intensity_level", "category", "minor (25-999 battle deaths in the year) or war "
                  "(1,000 or more).", required=True, enum=("minor", "war")),
            Field("incompatibility", "category", "What was contested.", required=True,
                  enum=("territory", "government", "both")),
            Field("start_date", "date", "First day of the conflict.", required=True),
            Field("ep_end", "category", "The episode ended in the year.", required=True,
                  enum=BINARY),
            Field("ep_end_date", "date", "Day the episode ended."),
        ),
        primary_key=("conflict_id", "year"),
    ),
)
