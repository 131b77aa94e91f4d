"""The forces chapter's exercises (``book/forces.md``, "Exercises"): who turns up when the
alliance trains, and who stays away."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, exercise_grid_chart, exercise_series_chart
from ....data.coverage import exercise_sample
from ....measures.exercises import SERIES, exercise_record, exercises_by_series, no_shows
from ... import book
from ..checks import Guard

#: Tsentr-2011, and the Combat Brotherhood series of 2017, whose parts were held in four states
#: (the table gives one host; ``discrepancies.csv`` records the four).
TSENTR_2011, COMBAT_BROTHERHOOD_2017 = "X005", "X011"
#: The states of the exercise grid, in its order.
GRID_STATES = ["RUS", "ARM", "BLR", "KAZ", "KGZ", "TJK", "UZB"]


def values(tables: dict[str, pd.DataFrame]) -> SimpleNamespace:
    """Every exercise with its members and absences (``record``), those held (``held``),
    their troop numbers where known (``sized``), those with recorded participants (``known``),
    each member's no-shows (``absent``), the exercises every member attended (``full``), the
    alliance-wide exercises (``wide``: the known ones but the Rubezh exercises of the Central
    Asian force, which Armenia and Belarus do not train with) and their no-shows
    (``absent_wide``), and how large a sample of the exercises held the table is (``sample``:
    :func:`~analysis.data.coverage.exercise_sample`), and the named exercises held by year and
    series (``series``: :func:`~analysis.measures.exercises.exercises_by_series`)."""
    record = exercise_record(tables["exercises"], tables["memberships"])
    held = record[record["held"]]
    known = held[held["n_participants"].notna()]
    absent = no_shows(record)
    central_asian = set(record.loc[record["name"].str.startswith("Rubezh"), "exercise_id"])
    return SimpleNamespace(
        record=record, held=held, sized=held["troops"].dropna(), known=known, absent=absent,
        full=known[known["absent"] == ""],
        wide=known[~known["exercise_id"].isin(central_asian)],
        absent_wide=absent[~absent["exercise_id"].isin(central_asian)],
        sample=exercise_sample(tables["exercises"], tables["exercise_counts"]),
        series=exercises_by_series(record),
        hosts_disputed=_disputed_hosts(tables["discrepancies"]))


def _disputed_hosts(discrepancies: pd.DataFrame) -> dict[str, str]:
    """Competing hosts recorded for exercises: exercise id -> ``;``-joined states."""
    rows = discrepancies[(discrepancies["table"] == "exercises")
                         & (discrepancies["field"] == "host")]
    return dict(zip(rows["record_id"], rows["value"]))


def _top_series(v: SimpleNamespace) -> str:
    """The series held in the most years of the sample (the first in the book's order on a
    tie)."""
    years = v.series.groupby("series")["year"].nunique()
    best = years.max()
    return next(s for s in SERIES if years.get(s, 0) == best)


def _top_series_years(v: SimpleNamespace) -> int:
    return int(v.series.loc[v.series["series"] == _top_series(v), "year"].nunique())


def _biggest(v: SimpleNamespace) -> pd.DataFrame:
    return v.held[v.held["troops"] == v.sized.max()]


def _tsentr_and_the_2017_series(v: SimpleNamespace) -> bool:
    biggest = _biggest(v).set_index("exercise_id")
    hosts = v.hosts_disputed.get(COMBAT_BROTHERHOOD_2017, "")
    return (sorted(biggest.index) == [TSENTR_2011, COMBAT_BROTHERHOOD_2017]
            and biggest.at[TSENTR_2011, "host"] == "RUS"
            and sorted(hosts.split(";")) == ["ARM", "KAZ", "RUS", "TJK"])


def _three_together_since_2021(v: SimpleNamespace) -> bool:
    years = range(2021, int(v.series["year"].max()) + 1)
    have = set(zip(v.series["year"], v.series["series"]))
    return len(years) > 0 and all((y, s) in have for y in years
                                  for s in ("Interaction", "Search", "Echelon"))


def _crdf_without_armenia_and_belarus(v: SimpleNamespace) -> bool:
    crdf = v.events.loc["E009"]
    return crdf["type"] == "force_created" and not {"ARM", "BLR"} & set(crdf["states"].split(";"))


def _armenia_away_since_2023(v: SimpleNamespace) -> bool:
    since = v.known.loc[v.known["year"] >= 2023, "absent"].str.split(";")
    return bool((v.absent_wide.loc[v.absent_wide["year"] >= 2023, "state"] == "ARM").all()
                and v.wide.loc[v.wide["year"] >= 2023, "absent"].eq("ARM").all()
                and since.map(lambda states: "ARM" in states).all())


def _uzbekistan_away_in_its_years(v: SimpleNamespace) -> bool:
    mine = v.known[v.known["members"].str.contains("UZB")]
    return bool(mine["absent"].str.contains("UZB").all())


GUARDS = (
    Guard("armenia_and_kyrgyzstan_cancelled",
          "... were held and ... were not (Kyrgyzstan's of 2022 and Armenia's of 2023)",
          lambda v: sorted(v.record.loc[~v.record["held"], "host"]) == ["ARM", "KGZ"]),
    Guard("two_biggest_tsentr_and_a_series",
          "no more than ..., reached by Tsentr-2011 in Russia and by the Combat Brotherhood "
          "series of 2017, spread over Armenia, Kazakhstan, Russia and Tajikistan",
          _tsentr_and_the_2017_series),
    Guard("crdf_without_armenia_and_belarus",
          "The Rubezh exercises train the rapid deployment force set up for Central Asia in "
          "2001, to which Armenia and Belarus do not contribute",
          _crdf_without_armenia_and_belarus),
    Guard("armenia_stayed_away_since_2023",
          "Armenia has since stayed away from all ... alliance-wide exercises with recorded "
          "participants",
          _armenia_away_since_2023),
    Guard("uzbekistan_missing_from_its_years",
          "Uzbekistan, in its second spell as a member, was missing from all ... exercises of "
          "its years",
          _uzbekistan_away_in_its_years),
    Guard("everyone_took_part_2012_2021",
          "From 2012-2021 every member took part in every alliance-wide exercise whose "
          "participants are recorded",
          lambda v: v.full["year"].min() == 2012 and v.full["year"].max() == 2021
          and bool(v.wide.loc[v.wide["year"].between(2012, 2021), "absent"].eq("").all())),
    Guard("interaction_search_echelon_every_year_since_2021",
          "Since 2021 the collective forces' exercises Interaction, Search and Echelon have been "
          "held together each year",
          _three_together_since_2021),
    Guard("exercises_a_sample",
          "The table is a sample, not a census ... the table holds ... of them",
          lambda v: v.sample["held_named"] < v.sample["expected_low"]),
    Guard("noshow_and_cancellation_events",
          "Armenia said it would send no units ...; Kyrgyzstan cancelled ...",
          lambda v: v.events.loc["E602", "states"] == "KGZ"
          and v.events.loc["E601", "states"] == "ARM"),
)


def facts(v: SimpleNamespace) -> dict[str, str | int]:
    """The exercises section's glued values (the guards checked)."""
    record, sized = v.record, v.sized
    glued: dict[str, str | int] = {
        "fo_ex_n": len(record), "fo_ex_first": str(record["year"].min()),
        "fo_ex_last": str(record["year"].max()), "fo_ex_held": len(v.held),
        "fo_ex_cancelled": int((~record["held"]).sum()), "fo_ex_sized": len(sized),
        "fo_ex_troops_max": int(sized.max()), "fo_ex_troops_median": int(sized.median()),
        "fo_ex_series_n": int(v.series["exercises"].sum()),
        "fo_ex_series_kinds": v.series["series"].nunique(),
        "fo_ex_top_series": _top_series(v),
        "fo_ex_top_series_years": _top_series_years(v),
        "fo_arm_absent": int((v.wide["year"] >= 2023).sum()),
        "fo_uzb_absent": int(v.known["members"].str.contains("UZB").sum()),
        "fo_ex_full": len(v.full),
        "fo_ex_full_span": f"{v.full['year'].min()}-{v.full['year'].max()}",
        "fo_ex_sample_years": f"{v.sample['first']}-{v.sample['last']}",
        "fo_ex_sample_named": v.sample["held_named"],
        "fo_ex_sample_expected": f"{v.sample['expected_low']}-{v.sample['expected_high']}",
        "fo_ex_sample_yearly": f"{v.sample['low']} to {v.sample['high']}",
    }
    for eid in ("E601", "E602", "E031"):
        glued[f"fo_{eid.lower()}_date"] = book.day_text(v.events.loc[eid, "date"])
    return glued


def figures(v: SimpleNamespace, names: dict[str, str]) -> dict[str, Chart]:
    """Every exercise, who took part and who stayed away."""
    held = v.held
    known = v.known
    return {
        "fig-fo-series": exercise_series_chart(
            v.series, SERIES,
            title=f"The sample holds {int(v.series['exercises'].sum())} named exercises in "
                  f"{v.series['year'].min()}-{v.series['year'].max()};\n"
                  f"{_top_series(v)} recurs most, in {_top_series_years(v)} of those years"),
        "fig-fo-exercises": exercise_grid_chart(
            v.record, GRID_STATES, names,
            title=f"Every member took part in every exercise recorded from "
                  f"{v.full['year'].min()} to {v.full['year'].max()};\nArmenia stayed away "
                  f"from all {int((v.wide['year'] >= 2023).sum())} since 2023"
            if len(held) and len(known) else "The CSTO's exercises"),
    }
