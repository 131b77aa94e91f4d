"""Interactive figures, for where exploring beats reading: Vega-Lite specifications built with
Altair, in the house colours.

Each function returns a Vega-Lite specification (a dict, JSON-ready, its data inline) for a
figure the book also draws statically; a page offers it with
:func:`analysis.publish.interactive.offer`, and the reader's browser draws it only when asked to
(the static figure stays for readers without JavaScript and in the PDF). Colour is never the only
cue: every mark's tooltip names its category in words.

- :func:`membership_map_spec`: the alliance on the map, one turning point at a time, chosen with
  a slider that names each date;
- :func:`vote_strip_spec`: members' votes on UN General Assembly resolutions; hovering a mark
  shows the resolution, its date and every member's vote on it;
- :func:`spending_series_spec`: a yearly series per state (military spending), under a title
  that states what it shows (``series_finding``); hovering a point shows its value and
  source.

Every specification carries, in its ``usermeta``, what the page's script
(``book/_static/interactive.js``) needs to fit it to the reader's screen: ``fit_width`` (the
figure narrows to the column, by ``margin`` px less for its axes, keeping its aspect when asked)
and ``bind_labels`` (the text a slider shows for each of its values, instead of the number).
Text is at least 11 px (:data:`CONFIG`).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..measures.geometry import Shapes, clip_shapes
from ..measures.maps import MAP_CATEGORIES
from ..measures.ukraine import NOT_RECORDED
from .style import MAP_STYLE, NOT_RECORDED_STYLE, PALETTE, VOTE_STYLE
from .vega import (
    TITLE_CHARS,
    finish_spec,
    geojson_features,
    long_day,
    names_in_order,
    series_finding,
    title_lines,
)

#: Colour, letter and letter colour of each vote: the static vote charts' own
#: (:data:`~analysis.charts.style.VOTE_STYLE`), a vote not on record as
#: :data:`~analysis.charts.style.NOT_RECORDED_STYLE`.
VOTE_LOOK: dict[str, dict[str, str]] = {**VOTE_STYLE, NOT_RECORDED: NOT_RECORDED_STYLE}
#: The colour of each vote in the strip.
VOTE_COLOURS = {vote: look["color"] for vote, look in VOTE_LOOK.items()}
#: The letter in each cell of the vote strip (colour is never the only mark).
VOTE_LETTERS = {vote: look["letter"] for vote, look in VOTE_LOOK.items()}
def membership_map_spec(map_data: pd.DataFrame, shapes: Shapes,
                        labels: Mapping[str, str] | None = None,
                        window: tuple[float, float, float, float] = (10.0, 100.0, 30.0, 65.0),
                        width: int = 640) -> dict:
    """The alliance on the map at one turning point at a time, chosen with a slider.

    ``map_data`` is the static map grid's data (:func:`~analysis.charts.map_grid`: ``date``,
    ``iso_numeric``, ``iso3``, ``name`` and ``category``, one row per state and date); the
    slider (``step``, 1 for the first date) steps through its dates in order, starts at the
    last, and shows the date it stands on (``usermeta.bind_labels``). ``labels`` names what
    happened on each date (``"YYYY-MM-DD"`` -> text), shown above the map under the date. Each
    state's fill is its category in the static map's colours, and its tooltip names the state,
    the category and the date. The map is fitted to ``window`` (west, east, south, north) at
    ``width`` px, and narrows with its aspect kept on a narrower screen. Raises ValueError if a
    category has no colour."""
    import altair as alt

    unknown = set(map_data["category"]) - set(MAP_STYLE)
    if unknown:
        raise ValueError(f"map categories without a colour: {sorted(unknown)}")
    labels = labels or {}
    dates = sorted(pd.to_datetime(map_data["date"]).dt.strftime("%Y-%m-%d").unique())
    step_of = {d: i for i, d in enumerate(dates)}
    rows = map_data.assign(date=pd.to_datetime(map_data["date"]).dt.strftime("%Y-%m-%d"))
    rows = rows.assign(step=rows["date"].map(step_of) + 1,
                       status=rows["category"].map(lambda c: MAP_STYLE[c]["label"]),
                       day=rows["date"].map(long_day))
    rows = rows[["step", "date", "day", "iso_numeric", "iso3", "name", "category", "status"]]
    visible = clip_shapes(shapes, window)
    features = geojson_features(visible)
    drawn = {f["properties"]["iso_numeric"] for f in features}
    rows = rows[rows["iso_numeric"].astype(int).isin(drawn)]
    titles = pd.DataFrame({"step": range(1, len(dates) + 1), "date": dates,
                           "title": [long_day(d) + (f": {labels[d]}" if labels.get(d) else "")
                                     for d in dates],
                           "lines": [[long_day(d), labels[d]] if labels.get(d) else [long_day(d)]
                                     for d in dates]})
    present = [c for c in MAP_CATEGORIES if c in set(rows["category"])]
    step = alt.param(name="step", value=len(dates),
                     bind=alt.binding_range(min=1, max=len(dates), step=1, name="Date "))
    west, east, south, north = window
    # Equirectangular: the window's height in proportion to its width, and the projection
    # fitted to its four corners, so that the map keeps its window at any width.
    height = round(width * (north - south) / (east - west))
    corners = {"type": "Feature", "properties": {}, "geometry": {
        "type": "MultiPoint",
        "coordinates": [[west, south], [east, south], [east, north], [west, north]]}}
    projection = {"type": "equirectangular", "fit": corners}
    # The land underneath is background: hidden from screen readers (aria=False), which read
    # the states drawn over it, each labelled.
    land = alt.Chart(alt.Data(values=features)).mark_geoshape(
        fill=MAP_STYLE["other"]["color"], stroke="#333333", strokeWidth=0.4,
        clip=True, aria=False).project(**projection)
    geo = alt.Chart(alt.Data(values=rows.to_dict("records"))).transform_filter(
        alt.datum.step == step).transform_lookup(
        lookup="iso_numeric",
        from_=alt.LookupData(data=alt.Data(values=features), key="properties.iso_numeric",
                             fields=["geometry", "type"]),
    ).mark_geoshape(stroke="#333333", strokeWidth=0.4, clip=True).encode(
        color=alt.Color("category:N", title="Status",
                        scale=alt.Scale(domain=present,
                                        range=[MAP_STYLE[c]["color"] for c in present]),
                        legend=alt.Legend(labelExpr=_label_expr(present), orient="bottom",
                                          columns=2)),
        tooltip=[alt.Tooltip("name:N", title="State"), alt.Tooltip("status:N", title="Status"),
                 alt.Tooltip("day:N", title="On")],
    ).project(**projection)
    title = alt.Chart(alt.Data(values=titles.to_dict("records"))).transform_filter(
        alt.datum.step == step).mark_text(align="left", baseline="top", fontSize=13,
                                          fontWeight="bold", x=0, y=-40,
                                          lineHeight=17).encode(text="lines:N")
    chart = alt.layer(land, geo, title).add_params(step).properties(
        width=width, height=height,
        title=alt.TitleParams("The alliance at each turning point", anchor="start",
                              subtitle=["Move the slider to step through time;",
                                        "hover over or tap a state for its status."],
                              offset=46))
    return finish_spec(chart, {"fit_width": {"margin": 8, "keep_aspect": True},
                         "bind_labels": {"step": [long_day(d) for d in dates]}})


def _label_expr(categories: list[str]) -> str:
    """A Vega expression that shows each category's label instead of its code."""
    cases = " : ".join(f"datum.label === '{c}' ? '{MAP_STYLE[c]['label']}'" for c in categories)
    return f"{cases} : datum.label" if cases else "datum.label"


def vote_strip_spec(votes: pd.DataFrame, resolutions: pd.DataFrame, states: pd.DataFrame,
                    width: int = 520, order: list[str] | None = None) -> dict:
    """Members' votes on UN General Assembly resolutions as a strip: one column per resolution
    in date order, one row per state, each cell coloured by the vote and labelled with its
    first letter. Hovering a cell shows the resolution, its date and title, and every listed
    state's vote on it.

    ``votes`` has ``resolution``, ``state`` and ``vote``; ``resolutions`` has ``resolution``,
    ``date`` and ``title``; ``states`` maps ``iso3`` to ``name``; ``order`` lists the states'
    codes top to bottom (by name when not given). Raises ValueError naming a resolution that
    ``resolutions`` lacks, or a voting state that ``order`` leaves out."""
    import altair as alt

    missing = sorted(set(votes["resolution"]) - set(resolutions["resolution"]))
    if missing:
        raise ValueError(f"votes on resolutions not in the resolutions table: {missing}")
    names = dict(zip(states["iso3"], states["name"]))
    info = resolutions.set_index("resolution")
    rows = votes[["resolution", "state", "vote"]].copy()
    rows["date"] = [f"{pd.Timestamp(info.at[r, 'date']):%Y-%m-%d}" for r in rows["resolution"]]
    rows["title"] = [str(info.at[r, "title"]) for r in rows["resolution"]]
    rows["state_name"] = rows["state"].map(lambda s: names.get(s, s))
    unknown = sorted(set(rows["vote"]) - set(VOTE_LETTERS))
    if unknown:
        raise ValueError(f"votes the strip cannot show: {unknown}")
    rows["letter"] = rows["vote"].map(VOTE_LETTERS)
    everyone = (rows.sort_values("state_name").groupby("resolution")
                .apply(lambda g: "; ".join(f"{n}: {v}" for n,
                                           v in zip(g["state_name"], g["vote"])),
                       include_groups=False))
    rows["all_votes"] = rows["resolution"].map(everyone)
    rows = rows.sort_values(["date", "resolution", "state_name"]).reset_index(drop=True)
    columns = list(dict.fromkeys(rows["resolution"]))
    row_order = names_in_order(rows["state"], names, order, "voting")
    present = [v for v in VOTE_COLOURS if v in set(rows["vote"])]
    base = alt.Chart(alt.Data(values=rows.to_dict("records"))).encode(
        x=alt.X("resolution:N", sort=columns, title="Resolution (in date order)",
                axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("state_name:N", title="State", axis=alt.Axis(title=None), sort=row_order),
    )
    hover = alt.selection_point(name="hover", on="pointerover", fields=["resolution"],
                                empty=False, clear="pointerout")
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("vote:N", title="Vote",
                        scale=alt.Scale(domain=present, range=[VOTE_COLOURS[v] for v in present])),
        opacity=alt.condition(hover, alt.value(1.0), alt.value(0.85)),
        tooltip=[alt.Tooltip("resolution:N", title="Resolution"),
                 alt.Tooltip("date:N", title="Date"), alt.Tooltip("title:N", title="Title"),
                 alt.Tooltip("state_name:N", title="This state"),
                 alt.Tooltip("vote:N", title="Its vote"),
                 alt.Tooltip("all_votes:N", title="Every member's vote")],
    ).add_params(hover)
    letters = base.mark_text(fontSize=10).encode(
        text="letter:N",
        color=alt.Color("vote:N", legend=None,
                        scale=alt.Scale(domain=present,
                                        range=[VOTE_LOOK[v]["text"] for v in present])))
    chart = alt.layer(cells, letters).properties(
        width=width, title=alt.TitleParams(
            title_lines("Members' votes in the UN General Assembly", width=TITLE_CHARS),
            anchor="start",
            subtitle=title_lines("Letters give the vote: " + ", ".join(
                f"{VOTE_LETTERS[v]} {'no vote on record' if v == NOT_RECORDED else v}"
                for v in VOTE_LETTERS) + ".",
                "Hover for the resolution and every member's vote.")))
    return finish_spec(chart, {"fit_width": {"margin": 110, "keep_aspect": False}})


#: Colours of the spending series' lines, first to last state (no yellow: too pale on white).
SERIES_COLOURS = [PALETTE[c] for c in ("black", "blue", "vermillion", "green", "purple",
                                       "orange", "sky", "grey")] + ["#8c6d1f"]
#: Point shapes of the series, so colour is never the only cue.
SERIES_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down",
                 "triangle-left", "triangle-right",
                 # a five-pointed star (Vega takes an SVG path in a unit square)
                 "M0,-1L0.29,-0.4L0.95,-0.31L0.48,0.15L0.59,0.81L0,0.5L-0.59,0.81L-0.48,0.15"
                 "L-0.95,-0.31L-0.29,-0.4Z"]


def spending_series_spec(series: pd.DataFrame, states: pd.DataFrame, value_title: str,
                         credit: str, width: int = 560, height: int = 320,
                         log_scale: bool = False, order: list[str] | None = None,
                         title: str | None = None) -> dict:
    """A yearly series per state (``state``, ``year``, ``value``, ``source``): lines with a
    point each year; hovering a point shows the state, the year, the value and its source.
    ``value_title`` names the value and its unit; ``credit`` is the source line under the chart
    (SIPRI's data needs "Source: SIPRI Military Expenditure Database"); ``title`` states the
    finding (by default ``series_finding``, computed from the series). A year without a
    value breaks its state's line and has no point: a gap is drawn as a gap, neither as zero nor
    bridged by a straight line. ``log_scale`` draws the values on a logarithmic axis, so that
    small and large spenders both show; it needs every value above zero (ValueError
    otherwise). ``order`` lists the states' codes for the legend and colours (by name when
    not given); no more states than ``SERIES_COLOURS`` has colours. The legend sits under the
    plot, so the figure narrows to a phone's column."""
    import altair as alt

    names = dict(zip(states["iso3"], states["name"]))
    rows = series.copy()
    rows["state_name"] = rows["state"].map(lambda s: names.get(s, s))
    rows["year"] = rows["year"].astype(int)
    rows["value"] = rows["value"].astype(float)
    rows = rows[["state", "state_name", "year", "value", "source"]].sort_values(["state", "year"])
    known = rows["value"].notna()
    if log_scale and (rows.loc[known, "value"] <= 0).any():
        bad = rows[known & (rows["value"] <= 0)].iloc[0]
        raise ValueError(f"a logarithmic axis needs values above zero: {bad['state']} "
                         f"{bad['year']} is {bad['value']}")
    legend = names_in_order(rows["state"], names, order, "in the series")
    if len(legend) > len(SERIES_COLOURS):
        raise ValueError(f"{len(legend)} states: at most {len(SERIES_COLOURS)} can be told apart")
    heading = title if title is not None else series_finding(rows, names)
    records = [{k: (None if k == "value" and pd.isna(v) else v) for k, v in r.items()}
               for r in rows.to_dict("records")]
    key = alt.Legend(orient="bottom", columns=3, title=None)
    base = alt.Chart(alt.Data(values=records)).encode(
        x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d")),
        y=alt.Y("value:Q", title=value_title,
                scale=alt.Scale(type="log") if log_scale else alt.Undefined),
        color=alt.Color("state_name:N", title="State", sort=legend, legend=key,
                        scale=alt.Scale(domain=legend, range=SERIES_COLOURS[:len(legend)])),
    )
    lines = base.mark_line(strokeWidth=1.5, invalid="break-paths-filter-domains")
    points = base.transform_filter("isValid(datum.value)").mark_point(
        filled=True, size=30).encode(
        shape=alt.Shape("state_name:N", title="State", sort=legend, legend=key,
                        scale=alt.Scale(domain=legend, range=SERIES_SHAPES[:len(legend)])),
        tooltip=[alt.Tooltip("state_name:N", title="State"),
                 alt.Tooltip("year:Q", title="Year", format="d"),
                 alt.Tooltip("value:Q", title=value_title, format=",.1f"),
                 alt.Tooltip("source:N", title="Source")],
    )
    chart = alt.layer(lines, points).properties(
        width=width, height=height,
        title=alt.TitleParams(title_lines(heading, width=TITLE_CHARS), anchor="start",
                              subtitle=title_lines("Hover over a point for its value and source.",
                                              credit)),
    ).properties(usermeta={"credit": credit})
    return finish_spec(chart, {"fit_width": {"margin": 80, "keep_aspect": False}})
