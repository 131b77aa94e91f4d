"""The forces chapter's exercises (``book/forces.md``, "Exercises"): who turns up when the
alliance trains, and who stays away."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart
from ....charts import exercise_grid_chart
from ....measures.exercises import exercise_record
from ....measures.exercises import no_shows
from ... import book
from ..checks import Guard

#: The states of the exercise grid, in its order.
GRID_STATES = ["RUS", "ARM", "BLR", "KAZ", "KGZ", "TJK", "UZB"]


def values(tables: dict[str, pd.DataFrame]) -> SimpleNamespace:
    """Every exercise with its members and absences (``record``), those held (``held``),
    their troop numbers where known (``sized``), those with recorded participants (``known``),
    each member's no-shows (``absent``) and the exercises every member attended (``full``)."""
    record = exercise_record(tables["exercises"], tables["memberships"])
    held = record[record["held"]]
    known = held[held["n_participants"].notna()]
    return SimpleNamespace(record=record, held=held, sized=held["troops"].dropna(), known=known,
                           absent=no_shows(record), full=known[known["absent"] == ""])


def _biggest(v: SimpleNamespace) -> pd.DataFrame:
    return v.held[v.held["troops"] == v.sized.max()]


def _crdf_without_armenia_and_belarus(v: SimpleNamespace) -> bool:
    crdf = v.events.loc["E009"]
    return crdf["type"] == "force_created" and not {"ARM", "BLR"} & set(crdf["states"].split(";"))


def _armenia_away_since_2023(v: SimpleNamespace) -> bool:
    return bool((v.absent.loc[v.absent["year"] >= 2023, "state"] == "ARM").all()
                and v.known.loc[v.known["year"] >= 2023, "absent"].eq("ARM").all())


def _uzbekistan_away_in_its_years(v: SimpleNamespace) -> bool:
    mine = v.known[v.known["members"].str.contains("UZB")]
    return bool(mine["absent"].str.contains("UZB").all())


GUARDS = (
    Guard("armenia_and_kyrgyzstan_cancelled",
          "... were held and ... were not (Kyrgyzstan's of 2022 and Armenia's of 2023)",
          lambda v: sorted(v.record.loc[~v.record["held"], "host"]) == ["ARM", "KGZ"]),
    Guard("two_biggest_exercises_in_russia",
          "no more than ..., reached by ... and ..., both in Russia",
          lambda v: len(_biggest(v)) == 2 and bool((_biggest(v)["host"] == "RUS").all())),
    Guard("crdf_without_armenia_and_belarus",
          "the rapid deployment force set up for Central Asia in 2001, to which Armenia and "
          "Belarus did not contribute",
          _crdf_without_armenia_and_belarus),
    Guard("armenia_stayed_away_since_2023",
          "Armenia has since stayed away from all ... exercises with recorded participants",
          _armenia_away_since_2023),
    Guard("uzbekistan_missing_from_its_years",
          "Uzbekistan, in its second spell as a member, was missing from all ... exercises of "
          "its years",
          _uzbekistan_away_in_its_years),
    Guard("everyone_took_part_2012_2021",
          "From 2012-2021 every member took part in every exercise whose participants are "
          "recorded",
          lambda v: v.full["year"].min() == 2012 and v.full["year"].max() == 2021),
    Guard("noshow_and_cancellation_events",
          "Armenia said it would send no units ...; Kyrgyzstan cancelled ...",
          lambda v: v.events.loc["E602", "states"] == "KGZ"
          and v.events.loc["E601", "states"] == "ARM"),
)


def facts(v: SimpleNamespace) -> dict[str, str | int]:
    """The exercises section's glued values (the guards checked)."""
    record, sized = v.record, v.sized
    biggest = _biggest(v)["name"].str.split(" \\(").str[0].tolist()
    glued: dict[str, str | int] = {
        "fo_ex_n": len(record), "fo_ex_first": str(record["year"].min()),
        "fo_ex_last": str(record["year"].max()), "fo_ex_held": len(v.held),
        "fo_ex_cancelled": int((~record["held"]).sum()), "fo_ex_sized": len(sized),
        "fo_ex_troops_max": int(sized.max()), "fo_ex_troops_median": int(sized.median()),
        "fo_ex_biggest": book.and_list(biggest),
        "fo_arm_absent": int((v.known["year"] >= 2023).sum()),
        "fo_uzb_absent": int(v.known["members"].str.contains("UZB").sum()),
        "fo_ex_full": len(v.full),
        "fo_ex_full_span": f"{v.full['year'].min()}-{v.full['year'].max()}",
    }
    for eid in ("E601", "E602", "E031"):
        glued[f"fo_{eid.lower()}_date"] = book.day_text(v.events.loc[eid, "date"])
    return glued


def figures(v: SimpleNamespace, names: dict[str, str]) -> dict[str, Chart]:
    """Every exercise, who took part and who stayed away."""
    return {"fig-fo-exercises": exercise_grid_chart(v.record, GRID_STATES, names)}
