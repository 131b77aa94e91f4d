"""Division charts: stances on Moscow's causes, the defiance scale and attendance at the
Council's sessions. Every chart encodes its categories twice: a colour and a second cue (a marker
shape, a letter or a printed level), so it reads in grey print and for colour-blind readers.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from ..data.codebook.vocabulary import ATTENDANCE
from ..measures.defiance import DEFIANCE_LEVELS
from ..measures.divisions import ALIGNMENT_CODES
from .base import Chart, state_names
from .style import NOT_RECORDED_STYLE, PALETTE, RUSSIA_SIDE, VOTE_STYLE
from .votes import TEXT_PT, figure_title, source_line

#: Marker, colour and fill of each stance alignment in the grid.
ALIGNMENT_STYLE: dict[str, dict[str, str]] = {
    "aligned": {"marker": "o", "color": RUSSIA_SIDE["with"], "fill": "full"},
    "hedging": {"marker": "D", "color": PALETTE["orange"], "fill": "none"},
    "opposed": {"marker": "X", "color": RUSSIA_SIDE["against"], "fill": "full"},
}

#: Readers' wording of each stance issue (Moscow's line in brackets where the issue is a cause).
ISSUE_WORDS: dict[str, str] = {
    "recognize_abkhazia_south_ossetia": "Recognise Abkhazia and South Ossetia (2008)",
    "recognize_crimea_annexation": "Recognise Crimea as Russian (2014)",
    "recognize_donetsk_luhansk_2022": "Recognise Donetsk and Luhansk (February 2022)",
    "recognize_2022_annexations": "Recognise the four annexed regions (September 2022)",
    "support_invasion_ukraine": "Back the invasion of Ukraine (2022)",
    "sanctions_compliance": "Help Russia around Western sanctions",
    "eu_integration": "Turn away from integration with the EU",
    "other": "Other stances",
}
#: Legend wording of each stance alignment.
ALIGNMENT_WORDS = {"aligned": "aligned with Moscow", "hedging": "hedging",
                   "opposed": "opposed to Moscow"}


def alignment_grid(
    matrix: pd.DataFrame,
    states_table: pd.DataFrame | None = None,
    title: str = "Where each state stands on Moscow's causes",
    source: str = "The CSTO Record, data/stances.csv (latest stance per state and issue)",
) -> Chart:
    """An issue x state grid of stances, from :func:`analysis.measures.divisions.alignment_matrix`
    (states as its rows, issues as its columns; the chart turns it so that the issues, in the
    readers' words of ``ISSUE_WORDS``, run down the side).

    Each recorded stance is a symbol whose shape and colour both give the alignment (filled
    circle aligned, hollow diamond hedging, cross opposed); a cell with no recorded stance shows a
    small grey dot. The data returned has one row per cell: ``state``, ``name``, ``issue``,
    ``label`` (the issue in words), ``code`` (1, 0, -1 or ``<NA>``), ``alignment`` (word,
    ``<NA>`` when not recorded), ``row`` (the issue's) and ``column`` (the state's).
    """
    names = state_names(states_table)
    words = {code: word for word, code in ALIGNMENT_CODES.items()}
    states = [str(s) for s in matrix.index]
    issues = [str(i) for i in matrix.columns]
    cells = []
    for i, state in enumerate(states):
        for j, issue in enumerate(issues):
            code = matrix.iat[i, j]
            known = not pd.isna(code)
            cells.append({"state": state, "name": names.get(state, state), "issue": issue,
                          "label": ISSUE_WORDS.get(issue, issue.replace("_", " ")),
                          "code": int(code) if known else pd.NA,
                          "alignment": words[int(code)] if known else pd.NA,
                          "row": j, "column": i})
    data = pd.DataFrame(cells, columns=["state", "name", "issue", "label", "code", "alignment",
                                        "row", "column"])
    data = data.astype({"state": "string", "name": "string", "issue": "string",
                        "label": "string", "code": "Int64", "alignment": "string",
                        "row": "int64", "column": "int64"})

    fig, ax = plt.subplots(figsize=(2.9 + 0.42 * len(states), 2.4 + 0.45 * len(issues)))
    missing = data[data["alignment"].isna()]
    ax.scatter(missing["column"], missing["row"], marker=".", s=20, color=PALETTE["grey"])
    for word, style in ALIGNMENT_STYLE.items():
        cells_of = data[data["alignment"] == word]
        hollow = style["fill"] == "none"
        ax.scatter(cells_of["column"], cells_of["row"], marker=style["marker"], s=90,
                   facecolors="none" if hollow else style["color"], edgecolors=style["color"],
                   linewidths=2 if hollow else 0.8, zorder=3)
    ax.set_xlim(-0.5, len(states) - 0.5)
    ax.set_ylim(len(issues) - 0.5, -0.5)
    ax.set_yticks(range(len(issues)),
                  [textwrap.fill(ISSUE_WORDS.get(i, i.replace("_", " ")), 26) for i in issues],
                  fontsize=TEXT_PT)
    ax.set_xticks(range(len(states)), [names.get(s, s) for s in states], rotation=90,
                  ha="center", va="bottom", fontsize=9)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.grid(True, axis="both")
    figure_title(fig, title)
    handles = [
        Line2D([], [], linestyle="none", marker=s["marker"], markersize=8,
               markerfacecolor="none" if s["fill"] == "none" else s["color"],
               markeredgecolor=s["color"], markeredgewidth=2 if s["fill"] == "none" else 0.8,
               label=ALIGNMENT_WORDS[word])
        for word, s in ALIGNMENT_STYLE.items()
    ]
    handles.append(Line2D([], [], linestyle="none", marker=".", color=PALETTE["grey"],
                          label="no stance recorded"))
    ax.legend(handles=handles, loc="upper right", bbox_to_anchor=(1, -0.02), ncols=2,
              fontsize=TEXT_PT)
    source_line(fig, source, width=90)
    return Chart(fig, data)


#: The defiance scale's colours: from white (level 0) to the colour of a stance against Russia
#: (level 5), one step per level; the level is printed in every cell as well.
DEFIANCE_CMAP = LinearSegmentedColormap.from_list("defiance", ["#FFFFFF",
                                                               RUSSIA_SIDE["against"]])

#: How a year in which a state did not belong to the treaty or the organization looks.
OUTSIDE = {"color": "#E6E6E6", "label": "not a member that year"}


def defiance_scale_chart(
    levels: pd.DataFrame,
    states: list[str],
    years: tuple[int, int],
    states_table: pd.DataFrame | None = None,
    title: str = "Defiance of the alliance, member by member and year by year",
    source: str = ("The CSTO Record, data/events.csv, data/memberships.csv and "
                   "data/summit_attendance.csv; levels by the rules of "
                   "analysis.measures.divisions"),
) -> Chart:
    """A state x year grid of the defiance scale, from
    :func:`analysis.measures.defiance.defiance_levels`: each cell of a year the state belonged
    is shaded by its level and, from level 1, prints it; a year outside is plain grey.

    ``states`` sets the rows, top to bottom; ``years`` the first and last column. The legend
    names every level (:data:`~analysis.measures.defiance.DEFIANCE_LEVELS`). The data returned
    has one row per cell: ``state``, ``name``, ``year``, ``level`` (``<NA>`` outside), ``row``
    and ``column``.
    """
    names = state_names(states_table)
    first, last = years
    by_cell = levels.set_index(["state", "year"])["level"]
    rows = []
    for i, state in enumerate(states):
        for j, year in enumerate(range(first, last + 1)):
            level = by_cell.get((state, year), pd.NA)
            rows.append({"state": state, "name": names.get(state, state), "year": year,
                         "level": level, "row": i, "column": j})
    data = pd.DataFrame(rows, columns=["state", "name", "year", "level", "row", "column"])
    data = data.astype({"state": "string", "name": "string", "year": "int64", "level": "Int64",
                        "row": "int64", "column": "int64"})
    top = max(DEFIANCE_LEVELS)
    n_years = last - first + 1
    fig, ax = plt.subplots(figsize=(1.3 + 0.16 * max(n_years, 20), 3.2 + 0.32 * len(states)))
    for cell in data.itertuples():
        outside = pd.isna(cell.level)
        colour = OUTSIDE["color"] if outside else DEFIANCE_CMAP(int(cell.level) / top)
        ax.add_patch(Rectangle((cell.column - 0.5, cell.row - 0.5), 1, 1, facecolor=colour,
                               edgecolor="white", linewidth=0.8))
        if not outside and int(cell.level) > 0:
            ax.text(cell.column, cell.row, str(int(cell.level)), ha="center", va="center",
                    fontsize=TEXT_PT, fontweight="bold",
                    color="white" if int(cell.level) >= 3 else "black")
    ax.set_xlim(-0.5, n_years - 0.5)
    ax.set_ylim(len(states) - 0.5, -0.5)
    ticks = [j for j in range(n_years) if (first + j) % 2 == 0]
    ax.set_xticks(ticks, [str(first + j) for j in ticks], rotation=90, fontsize=TEXT_PT)
    ax.set_yticks(range(len(states)), [names.get(s, s) for s in states], fontsize=9)
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    figure_title(fig, title)
    handles = [Patch(facecolor=DEFIANCE_CMAP(level / top), edgecolor="#999999",
                     label=f"{level} {DEFIANCE_LEVELS[level][0]}")
               for level in sorted(DEFIANCE_LEVELS)]
    handles.append(Patch(facecolor=OUTSIDE["color"], edgecolor="#999999",
                         label=OUTSIDE["label"]))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.45, -0.18), ncols=3,
              fontsize=TEXT_PT, handlelength=1.2, columnspacing=1.0)
    source_line(fig, source, width=95)
    return Chart(fig, data)


#: Colour, letter and letter colour of each attendance value, in the attendance matrix.
ATTENDANCE_STYLE: dict[str, dict[str, str | None]] = {
    "head_of_state": {"color": PALETTE["green"], "letter": "H", "text": "black", "hatch": None,
                      "label": "head of state (or Armenia's prime minister)"},
    "deputy": {"color": PALETTE["yellow"], "letter": "D", "text": "black", "hatch": None,
               "label": "head of government instead"},
    "other_official": {"color": PALETTE["orange"], "letter": "O", "text": "black",
                       "hatch": None, "label": "a lower official"},
    "absent": {"color": VOTE_STYLE["absent"]["color"], "letter": "A", "text": "black",
               "hatch": None, "label": "absent"},
    "unknown": {"color": NOT_RECORDED_STYLE["color"], "letter": "?", "text": "black",
                "hatch": NOT_RECORDED_STYLE["hatch"], "label": "not known"},
}


def _session_label(session_id: str, date: pd.Timestamp, city: str) -> str:
    kinds = [k for k in ("informal", "extraordinary") if k in session_id]
    place = "by video" if "video" in session_id or city == "videoconference" else city
    return f"{date:%Y-%m} {place}" + (f" ({', '.join(kinds)})" if kinds else "")


def attendance_chart(
    matrix: pd.DataFrame,
    states_table: pd.DataFrame | None = None,
    title: str = "Who came to the Collective Security Council",
    source: str = "The CSTO Record, data/summit_attendance.csv",
) -> Chart:
    """A session x state grid of attendance at the Collective Security Council, from
    :func:`analysis.measures.defiance.attendance_matrix`: each cell has a colour and a letter
    (H head of state, D head of government instead, O a lower official, A absent, ? not known);
    a state that was not a member that day has no cell. The data returned has one row per cell:
    ``session_id``, ``label``, ``state``, ``name``, ``attended`` (``<NA>`` when not a member),
    ``row`` and ``column``.
    """
    names = state_names(states_table)
    states = [c for c in matrix.columns if c not in ("date", "city")]
    rows = []
    for i, (session, record) in enumerate(matrix.iterrows()):
        label = _session_label(str(session), record["date"], str(record["city"]))
        for j, state in enumerate(states):
            value = record[state]
            rows.append({"session_id": session, "label": label, "state": state,
                         "name": names.get(state, state),
                         "attended": pd.NA if pd.isna(value) else value, "row": i,
                         "column": j})
    data = pd.DataFrame(rows, columns=["session_id", "label", "state", "name", "attended",
                                       "row", "column"])
    data = data.astype({"session_id": "string", "label": "string", "state": "string",
                        "name": "string", "attended": "string", "row": "int64",
                        "column": "int64"})
    n = len(matrix)
    fig, ax = plt.subplots(figsize=(2.9 + 0.42 * len(states), 2.4 + 0.21 * n))
    for cell in data.itertuples():
        if pd.isna(cell.attended):
            continue
        style = ATTENDANCE_STYLE[cell.attended]
        ax.add_patch(Rectangle((cell.column - 0.5, cell.row - 0.5), 1, 1,
                               facecolor=style["color"],
                               edgecolor="#BBBBBB" if style["hatch"] else "white", linewidth=1,
                               hatch=style["hatch"]))
        ax.text(cell.column, cell.row, style["letter"], ha="center", va="center",
                fontsize=TEXT_PT, fontweight="bold", color=style["text"])
    ax.set_xlim(-0.5, len(states) - 0.5)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xticks(range(len(states)), [names.get(s, s) for s in states], rotation=90,
                  ha="center", va="bottom", fontsize=9)
    ax.xaxis.tick_top()
    labels = data.drop_duplicates("row").sort_values("row")["label"].tolist()
    ax.set_yticks(range(n), labels, fontsize=TEXT_PT)
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    figure_title(fig, title)
    shown = [a for a in ATTENDANCE if a in set(data["attended"].dropna())]
    handles = [Patch(facecolor=ATTENDANCE_STYLE[a]["color"], edgecolor="#999999",
                     hatch=ATTENDANCE_STYLE[a]["hatch"],
                     label=f"{ATTENDANCE_STYLE[a]['letter']} {ATTENDANCE_STYLE[a]['label']}")
               for a in shown]
    ax.legend(handles=handles, loc="upper right", bbox_to_anchor=(1, 0), ncols=2,
              fontsize=TEXT_PT, handlelength=1.2)
    source_line(fig, source, width=90)
    return Chart(fig, data)


__all__ = [
    "ALIGNMENT_STYLE",
    "ATTENDANCE_STYLE",
    "DEFIANCE_CMAP",
    "ISSUE_WORDS",
    "alignment_grid",
    "attendance_chart",
    "defiance_scale_chart",
]
