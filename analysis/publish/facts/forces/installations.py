"""The forces chapter's Russian installations (``book/forces.md``, "Russia's own forces on the
members' soil"): what Russia keeps on the territory of the CSTO's members and former members at
the cut-off, with personnel where a source gives it."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, installations_chart
from ....measures.installations import installations_on
from ... import book
from ..checks import Guard

#: The installations the section names: the 201st base in Tajikistan, the 102nd at Gyumri and
#: the nuclear weapons storage in Belarus.
BASE_201, GYUMRI, NUCLEAR = "B03", "B01", "B24"
#: Lukashenko's statement that the Oreshnik system is on combat duty in Belarus.
ORESHNIK = "E525"


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """Russia's installations in use at the cut-off (``sites``, by id), those with a personnel
    figure (``sized_sites``) and the events the section dates (``events``, by id)."""
    russian = installations_on(tables["bases"], cutoff, operator="RUS")
    return SimpleNamespace(
        sites=russian.set_index("base_id", drop=False),
        sized_sites=russian[russian["personnel"].notna()],
        events=tables["events"].set_index("event_id"),
    )


GUARDS = (
    Guard("largest_known_garrison_in_tajikistan",
          "the largest garrison whose size a source gives is the 201st base in Tajikistan",
          lambda v: v.sized_sites.sort_values("personnel").iloc[-1]["base_id"] == BASE_201),
    Guard("gyumri_among_the_known",
          "the 102nd base at Gyumri, about ... in ...",
          lambda v: GYUMRI in set(v.sized_sites["base_id"])),
    Guard("most_sizes_unknown",
          "for most of them no source the book found gives a size",
          lambda v: len(v.sized_sites) < len(v.sites) / 2),
    Guard("nuclear_storage_open",
          "Russian non-strategic nuclear weapons stored in Belarus under Russian control",
          lambda v: NUCLEAR in v.sites.index and v.sites.at[NUCLEAR, "host"] == "BLR"),
    Guard("oreshnik_on_combat_duty",
          "Lukashenko said in December 2025 that Russia's Oreshnik missile system was on combat "
          "duty in Belarus",
          lambda v: "Oreshnik" in v.events.loc[ORESHNIK, "description"]
          and v.events.loc[ORESHNIK, "date"].year == 2025),
)


def facts(v: SimpleNamespace) -> dict[str, str | int]:
    """The section's glued values (the guards checked)."""
    known = v.sized_sites.set_index("base_id")
    return {
        "fo_inst_n": len(v.sites),
        "fo_inst_known": len(v.sized_sites),
        "fo_inst_sum": int(v.sized_sites["personnel"].sum()),
        "fo_inst_201": int(known.at[BASE_201, "personnel"]),
        "fo_inst_201_year": str(int(known.at[BASE_201, "personnel_year"])),
        "fo_inst_gyumri": int(known.at[GYUMRI, "personnel"]),
        "fo_inst_gyumri_year": str(int(known.at[GYUMRI, "personnel_year"])),
        "fo_oreshnik_day": book.day_text(v.events.loc[ORESHNIK, "date"]),
    }


def figures(v: SimpleNamespace, names: dict[str, str]) -> dict[str, Chart]:
    """Russia's installations at the cut-off, with personnel where known."""
    title = (f"Russia keeps {len(v.sites)} installations on members' and former members' "
             f"soil;\nsources give the size of {len(v.sized_sites)}, "
             f"{int(v.sized_sites['personnel'].sum()):,} personnel in all")
    return {"fig-fo-installations": installations_chart(v.sites.reset_index(drop=True), names,
                                                        title)}
