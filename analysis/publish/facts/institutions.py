"""Facts of the chapter on how the CSTO works (``book/institutions.md``): its organs, its
Secretaries-General, its forces and its observers."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, institutions_timeline
from ...data.codebook.fields import split_list
from ...measures import institutions
from .. import book
from .checks import Guard, check_all


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the organs (``organs``), every spell in office
    (``spells``), the Secretaries-General's spells by name (``by_name``), the acting spells
    (``acting``), the states of the heads since rotation began (``rotated``), the forces
    (``forces``), the bilateral ones (``bilateral``), the multilateral ones in time order
    (``multilateral``) and the parliamentary assembly's observers (``pa_observers``)."""
    organs, holders, forces = tables["organs"], tables["office_holders"], tables["forces"]
    spells = institutions.terms(holders, cutoff)
    heads = spells[spells["office"] == "secretary_general"]
    bilateral = forces[forces["states"].map(lambda s: len(split_list(s)) == 2)]
    timeline = institutions.force_timeline(forces)
    observers = tables["events"].set_index("event_id").loc["E700", "states"]
    return SimpleNamespace(
        organs=organs,
        spells=spells,
        by_name=heads.set_index("name"),
        acting=spells[spells["office"] == "acting_secretary_general"],
        rotated=heads["state"].tolist()[1:],
        forces=forces,
        bilateral=bilateral,
        multilateral=timeline[~timeline["force_id"].isin(bilateral["force_id"])],
        pa_observers=sorted(split_list(observers)),
    )


def _served_longest(v: SimpleNamespace) -> bool:
    first = v.by_name.iloc[0]
    others = v.spells[v.spells["holder_id"] != first["holder_id"]]
    return first.name == "Nikolai Bordyuzha" and first["years"] > others["years"].sum()


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
    Guard("masadykov_in_office",
          "Taalatbek Masadykov of Kyrgyzstan ... is in office at the data's cut-off date",
          lambda v: v.spells.iloc[-1]["name"] == "Taalatbek Masadykov"
          and bool(v.spells.iloc[-1]["open"])),
    Guard("bilateral_groupings_pair_a_member_with_russia",
          "The other ... are bilateral, and each pairs one member with Russia",
          lambda v: all("RUS" in split_list(s) for s in v.bilateral["states"])),
    Guard("multilateral_forces_in_order",
          "Three are multilateral: the Collective Rapid Deployment Forces, peacekeeping, the "
          "Collective Rapid Reaction Forces (in that order)",
          lambda v: v.multilateral["force_id"].tolist() == ["F02", "F03", "F04"]),
    Guard("assembly_observers_afghanistan_and_serbia",
          "since 2013 the parliaments of Serbia and Afghanistan ... have sat in it as observers",
          lambda v: v.pa_observers == ["AFG", "SRB"]),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    holders, organs, forces = tables["office_holders"], v.organs, v.forces
    names = book.state_names(tables["states"])
    strength = forces.set_index("force_id")
    acting_years = institutions.acting_days(holders, cutoff) / institutions.YEAR_DAYS
    glued = {
        "n_organs": len(organs),
        "n_unverified": int((organs["decides"] == "not_verified").sum()),
        "n_working": int((organs["decides"] == "prepares_only").sum()),
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
    }
    for key, force_id in (("ksor", "F04"), ("crdf", "F02"), ("pk", "F03")):
        glued[f"{key}_strength"] = int(strength.loc[force_id, "strength"])
        glued[f"{key}_strength_year"] = str(int(strength.loc[force_id, "strength_year"]))
    return glued


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figure: the heads of the Secretariat and the creation of each force."""
    return {"fig-institutions": institutions_timeline(tables["office_holders"], tables["forces"],
                                                      tables["states"], cutoff)}


def displays(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """The tables the chapter shows, as Markdown: the organs, the office holders, the forces,
    each cell in a reader's words and dates kept on one line
    (:func:`~analysis.publish.book.reader_table`)."""
    return {
        "organs": book.reader_table(institutions.organs_overview(tables["organs"])),
        "holders": book.reader_table(institutions.holders_overview(
            tables["office_holders"], tables["states"], cutoff)),
        "forces": book.reader_table(institutions.forces_overview(tables["forces"])),
    }
