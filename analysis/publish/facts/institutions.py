"""Facts of the chapter on how the CSTO works (``book/institutions.md``): the treaty and its
2010 amendment, how decisions are taken, the organs and who chairs and heads them, the
Secretaries-General, the forces, who pays and who trains the officers, and the observers."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, budget_shares_chart, institutions_timeline
from ...data.codebook.fields import split_list
from ...measures import institutions
from ...measures.membership import IN_ORGANIZATION, members_on
from .. import book
from .checks import Guard, check_all

#: The budgets whose scales the chapter draws, by the year the ``capabilities`` table gives
#: them, with what each is.
BUDGETS = {2025: "The organization's budget\n(scale stated in 2024)"}
#: The regular year-end sessions of the Council whose chairs the chapter names, in order.
REGULAR_SESSIONS = ("CSC-2022-11-23", "CSC-2023-11-23", "CSC-2024-11-28", "CSC-2025-11-27")
#: The session of the Council set for Moscow in November 2026, twelve days before the cut-off.
MOSCOW_2026 = "CSC-2026-11-11"
#: The capital in which each member hosts the Council.
CAPITALS = {"Yerevan": "ARM", "Minsk": "BLR", "Astana": "KAZ", "Bishkek": "KGZ",
            "Moscow": "RUS", "Dushanbe": "TJK"}


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the organs (``organs``), every spell in office
    (``spells``), the Secretaries-General's spells by name (``by_name``), the acting spells
    (``acting``), the states of the heads since rotation began (``rotated``), the forces
    (``forces``), the bilateral ones (``bilateral``), the multilateral ones in time order
    (``multilateral``), the parliamentary assembly's observers (``pa_observers``), the events
    the prose dates (``events``, by id), the Council's sessions (``sessions``: one row per
    session, with its chair and whether every member's attendance is unknown) and the budget
    scales (``budgets``)."""
    organs, holders, forces = tables["organs"], tables["office_holders"], tables["forces"]
    spells = institutions.terms(holders, cutoff)
    heads = spells[spells["office"] == "secretary_general"]
    bilateral = forces[forces["states"].map(lambda s: len(split_list(s)) == 2)]
    timeline = institutions.force_timeline(forces)
    events = tables["events"].set_index("event_id")
    attendance = tables["summit_attendance"]
    sessions = attendance.groupby("session_id").agg(
        date=("date", "first"), city=("city", "first"), chair=("chair_state", "first"),
        unknown=("attended", lambda a: bool((a == "unknown").all())),
        present=("attended", lambda a: int((a == "head_of_state").sum())))
    members = {year: members_on(tables["memberships"], pd.Timestamp(f"{year - 1}-12-31"), "CSTO",
                                statuses=IN_ORGANIZATION) for year in BUDGETS}
    return SimpleNamespace(
        organs=organs,
        spells=spells,
        by_name=heads.set_index("name"),
        acting=spells[spells["office"] == "acting_secretary_general"],
        rotated=heads["state"].tolist()[1:],
        forces=forces,
        bilateral=bilateral,
        multilateral=timeline[~timeline["force_id"].isin(bilateral["force_id"])],
        pa_observers=sorted(split_list(events.loc["E700", "states"])),
        events=events,
        sessions=sessions,
        budgets=institutions.budget_scales(tables["capabilities"], members, BUDGETS),
    )


def _served_longest(v: SimpleNamespace) -> bool:
    first = v.by_name.iloc[0]
    others = v.spells[v.spells["holder_id"] != first["holder_id"]]
    return first.name == "Nikolai Bordyuzha" and first["years"] > others["years"].sum()


def _says(v: SimpleNamespace, event: str, *words: str) -> bool:
    """Whether an event's description holds every one of ``words``."""
    text = str(v.events.loc[event, "description"])
    return all(w in text for w in words)


def _chairs(v: SimpleNamespace) -> pd.DataFrame:
    return v.sessions.loc[list(REGULAR_SESSIONS)]


def _chairs_host_their_year(v: SimpleNamespace) -> bool:
    chairs = _chairs(v)
    years = [d.year for d in chairs["date"]]
    return (bool((chairs["chair"] == chairs["city"].map(CAPITALS)).all())
            and years == sorted(set(years)) and len(set(chairs["chair"])) == len(chairs))


def _scale(v: SimpleNamespace, year: int) -> pd.Series:
    part = v.budgets[(v.budgets["year"] == year) & v.budgets["stated"]]
    return part.set_index("payers")["share"]


def _limited_format(v: SimpleNamespace) -> bool:
    minsk = split_list(v.events.loc["E045", "states"])
    return ("ARM" not in minsk and len(minsk) == 5
            and v.events.loc["E037", "type"] == "summit_boycott"
            and _says(v, "E037", "does not block")
            and _says(v, "E922", "limited format"))


def _deployed_first_in_kazakhstan(v: SimpleNamespace) -> bool:
    note = str(v.forces.set_index("force_id").at["F03", "note"])
    return ("first time in Kazakhstan in January 2022" in note
            and v.events.loc["E028", "states"] == "KAZ")


def _russian_years(v: SimpleNamespace) -> tuple[float, float]:
    """Years a Russian headed the Secretariat (acting spells included), and years in all."""
    return (float(v.spells.loc[v.spells["state"] == "RUS", "years"].sum()),
            float(v.spells["years"].sum()))


GUARDS = (
    Guard("consensus_rule_sourced_for_the_council_only",
          "For the Council the record is plain: ... consensus (the one organ whose consensus "
          "rule is sourced)",
          lambda v: v.organs.loc[v.organs["decides"] == "consensus", "organ_id"].tolist()
          == ["csc"]),
    Guard("staff_and_assembly_added_after_the_charter",
          "The Joint Staff, created ... 2003 ... The Parliamentary Assembly was added on 16 "
          "November 2006 (the bodies added after the Charter)",
          lambda v: sorted(v.organs.loc[v.organs["established"] > "2002-10-07", "organ_id"])
          == ["joint_staff", "parliamentary_assembly"]),
    Guard("one_russian_acting_head",
          "both times the same Russian deputy",
          lambda v: v.acting["name"].nunique() == 1 and set(v.acting["state"]) == {"RUS"}),
    Guard("bordyuzha_longer_than_all_successors",
          "The first holder, Nikolai Bordyuzha of Russia ... served longer than all his "
          "successors together",
          _served_longest),
    Guard("rotation_in_russian_alphabetical_order",
          "Since then it has gone to ..., in exactly that order",
          lambda v: institutions.follows_rotation(v.rotated)),
    Guard("masadykov_took_office_in_2026",
          "Taalatbek Masadykov of Kyrgyzstan ... took office on 1 January 2026 (no successor "
          "recorded)",
          lambda v: v.spells.iloc[-1]["name"] == "Taalatbek Masadykov"
          and v.spells.iloc[-1]["start"] == pd.Timestamp("2026-01-01")
          and bool(v.spells.iloc[-1]["open"])),
    Guard("bilateral_groupings_pair_a_member_with_russia",
          "The other ... are bilateral, and each pairs one member with Russia",
          lambda v: all("RUS" in split_list(s) for s in v.bilateral["states"])),
    Guard("multilateral_forces_in_order",
          "Three are multilateral: the Collective Rapid Deployment Forces, peacekeeping, the "
          "Collective Rapid Reaction Forces (in that order)",
          lambda v: v.multilateral["force_id"].tolist() == ["F02", "F03", "F04"]),
    Guard("assembly_observers_afghanistan_and_serbia",
          "in 2013 the parliaments of Serbia and Afghanistan ... became observers",
          lambda v: v.pa_observers == ["AFG", "SRB"]
          and v.events.loc["E700", "date"].year == 2013),
    Guard("protocols_of_2010_amend_treaty_and_charter",
          "the members signed two protocols, one amending the treaty and one the Charter ... "
          "security, stability, territorial integrity and sovereignty ... coalition forces",
          lambda v: _says(v, "E043", "Collective Security Treaty and the Charter", "stability",
                          "coalition")
          and v.events.loc["E043", "type"] == "treaty_signed"),
    Guard("protocols_in_force_2012",
          "Both protocols entered into force on ...",
          lambda v: v.events.loc["E044", "type"] == "treaty_in_force"
          and _says(v, "E044", "protocols")),
    Guard("opt_out_since_2010",
          "a member not interested in a decision may stay out of it ... without blocking it",
          lambda v: _says(v, "E043", "stay out of it without blocking it")),
    Guard("rules_of_procedure_2004",
          "the Council approved on ... the rules of procedure of the organization's bodies",
          lambda v: v.events.loc["E042", "type"] == "decision"
          and _says(v, "E042", "Rules of procedure", "suspending")),
    Guard("regulations_on_the_use_of_forces_2010",
          "new regulations on ... the use of the collective forces, which replaced those of "
          "May 2000, and regulations on crisis response",
          lambda v: _says(v, "E920", "replacing those of 24 May 2000", "crisis situations")
          and v.events.loc["E920", "date"] == v.events.loc["E043", "date"]),
    Guard("limited_format_without_armenia",
          "the other five met in Minsk without Armenia ...; Armenia did not block the Astana "
          "documents ... nor the budget adopted in a limited format",
          _limited_format),
    Guard("chairs_by_calendar_year",
          "Armenia chaired in 2022, Belarus in 2023 ... each hosting the session that closed "
          "its year",
          _chairs_host_their_year),
    Guard("russia_chairs_2026",
          "for 2026 the chair passed to Russia",
          lambda v: v.events.loc["E041", "states"] == "RUS"
          and v.events.loc["E041", "date"] == pd.Timestamp("2026-01-01")),
    Guard("moscow_session_unknown",
          "who came to the Moscow session of 11 November 2026 ... the sources the book could "
          "consult do not say",
          lambda v: bool(v.sessions.loc[MOSCOW_2026, "unknown"])),
    Guard("serdyukov_heads_the_joint_staff",
          "Since the Minsk session of November 2023 the Joint Staff has been headed by Colonel "
          "General Andrei Serdyukov ..., who succeeded Anatoly Sidorov; the latest source ... "
          "still names him",
          lambda v: _says(v, "E045", "Serdyukov", "Chief of the Joint Staff")
          and "Sidorov" in str(v.organs.set_index("organ_id").at["joint_staff", "note"])
          and _says(v, "E047", "Serdyukov")),
    Guard("kazakhstan_the_first_collective_deployment",
          "the force sent to Kazakhstan in January 2022, the first deployment of the CSTO's own "
          "collective forces",
          _deployed_first_in_kazakhstan),
    Guard("russia_pays_half",
          "Russia pays half of the organization's budget ..., Armenia ..., the other four share "
          "the rest",
          lambda v: _scale(v, 2025).get("RUS") == 50 and _scale(v, 2025).get("ARM") == 10
          and len(v.budgets[(v.budgets["year"] == 2025) & ~v.budgets["stated"]]) == 1),
    Guard("armenia_stopped_paying_2024",
          "In May 2024 Armenia said it would not pay its contribution for that year",
          lambda v: v.events.loc["E035", "states"] == "ARM"
          and v.events.loc["E922", "date"] == v.events.loc["E035", "date"]),
    Guard("officers_trained_in_russia",
          "an agreement of ... on training the members' officers at special faculties of Russian "
          "military schools, paid or on quotas Russia sets",
          lambda v: _says(v, "E921", "Russian military schools", "quotas Russia sets")),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    holders, organs, forces = tables["office_holders"], v.organs, v.forces
    names = book.state_names(tables["states"])
    strength = forces.set_index("force_id")
    acting_years = institutions.acting_days(holders, cutoff) / institutions.YEAR_DAYS
    chairs = _chairs(v)
    rest = v.budgets[(v.budgets["year"] == 2025) & ~v.budgets["stated"]].iloc[0]
    glued = {
        "n_organs": len(organs),
        "n_sg": len(institutions.secretaries_general(holders)),
        "n_acting": len(v.acting),
        "acting_name": ", ".join(dict.fromkeys(v.acting["name"])),
        "acting_years": f"{acting_years:.1f}",
        "bordyuzha_years": f"{v.by_name.loc['Nikolai Bordyuzha', 'years']:.1f}",
        "khachaturov_years": f"{v.by_name.loc['Yuri Khachaturov', 'years']:.1f}",
        "rotation_states": ", ".join(names[s] for s in v.rotated),
        "n_forces": len(forces),
        "n_bilateral": len(v.bilateral),
        "n_air_defence": int((forces["kind"] == "air_defence").sum()),
        "pa_observer_states": book.and_list(names[s] for s in reversed(v.pa_observers)),
        "protocols_signed": book.day_text(v.events.loc["E043", "date"]),
        "protocols_in_force": book.day_text(v.events.loc["E044", "date"]),
        "rules_day": book.day_text(v.events.loc["E042", "date"]),
        "chairs_text": book.and_list(f"{names[c]} in {d.year}"
                                     for c, d in zip(chairs["chair"], chairs["date"])),
        "serdyukov_latest": f"{v.events.loc['E047', 'date']:%B %Y}",
        "budget_rus": book.percent(_scale(v, 2025)["RUS"] / 100),
        "budget_arm": book.percent(_scale(v, 2025)["ARM"] / 100),
        "budget_rest": book.percent(rest["share"] / 100),
        "budget_rest_states": book.and_list(names[s] for s in split_list(rest["payers"])),
        "training_day": book.day_text(v.events.loc["E921", "date"]),
    }
    for key, force_id in (("ksor", "F04"), ("pk", "F03")):
        glued[f"{key}_strength"] = int(strength.loc[force_id, "strength"])
        glued[f"{key}_strength_year"] = str(int(strength.loc[force_id, "strength_year"]))
    return glued


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures: the heads of the Secretariat and the creation of each force, and
    the budget scales."""
    v = values(tables, cutoff)
    russian, total = _russian_years(v)
    names = book.state_names(tables["states"])
    rus = _scale(v, 2025)["RUS"]
    return {
        "fig-institutions": institutions_timeline(
            tables["office_holders"], tables["forces"], tables["states"], cutoff,
            title=f"A Russian headed the Secretariat for {russian:.0f} of its {total:.0f} years;"
                  f"\n{len(v.bilateral)} of the {len(v.forces)} forces pair one member with "
                  "Russia"),
        "fig-budget": budget_shares_chart(
            v.budgets, names,
            title=f"Russia pays {rus:.0f}% of the CSTO's budget",
            source="The CSTO Record, data/capabilities.csv (scales as Russia's envoy to the CSTO "
                   "stated them in 2024, and as the CSTO's headquarters stated them for the "
                   "rapid deployment forces in 2005)"),
    }


def displays(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """The tables the chapter shows, as Markdown: the organs, the office holders, the forces,
    each numbered and captioned, each cell in a reader's words and dates kept on one line
    (:func:`~analysis.publish.tables.reader_table`)."""
    return {
        "organs": book.reader_table(
            institutions.organs_overview(tables["organs"]),
            "The CSTO's statutory bodies: who sits in each, how it decides, and when it was set "
            "up.", "tab-organs"),
        "holders": book.reader_table(
            institutions.holders_overview(tables["office_holders"], tables["states"], cutoff),
            "The heads of the CSTO Secretariat, acting heads included, and their time in office.",
            "tab-holders"),
        "forces": book.reader_table(
            institutions.forces_overview(tables["forces"]),
            "The forces and groupings the members created, each dated by the decision or "
            "agreement that set it up.", "tab-forces"),
    }
