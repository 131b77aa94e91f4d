"""Intervention history: every request, crisis, response, mission and deployment as one dated
timeline.

A response's ``kind`` is its level on :data:`analysis.data.codebook.vocabulary.RESPONSE_LEVELS`,
except that a ``none`` response (a dated non-answer) is called ``no_action``. Durations count the
days from the first to the last day given (``end`` minus ``start``); they exist only for missions
and deployments whose end is known.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from ..data.codebook.fields import split_list
from .levels import LEVEL_RANK
from .requests import request_outcomes, responses_of

#: Every kind of row in a timeline, in the order they are sorted on the same day.
TIMELINE_KINDS: tuple[str, ...] = (
    "event",
    "no_request",
    "request",
    "no_action",
    "statement",
    "consultation",
    "mission",
    "material_aid",
    "deployment",
)

#: Event types taken from ``events`` by default: the creation of the forces an intervention uses.
INTERVENTION_EVENT_TYPES: tuple[str, ...] = ("force_created",)

TIMELINE_COLUMNS: tuple[str, ...] = (
    "organization", "request_id", "crisis", "states", "kind", "start", "start_precision", "end",
    "end_precision", "duration_days", "troops", "label", "description",
)


def _response_label(level: str, troops: object) -> str:
    text = "no action" if level == "none" else level.replace("_", " ")
    if troops is not None and not pd.isna(troops):
        text += f", {int(troops):,} troops"
    return text


def intervention_timeline(
    requests: pd.DataFrame,
    responses: pd.DataFrame,
    events: pd.DataFrame | None = None,
    event_types: Iterable[str] = INTERVENTION_EVENT_TYPES,
    responder: str | Iterable[str] = "alliance",
) -> pd.DataFrame:
    """One row per dated action: each request (``request``), each crisis with no request
    (``no_request``), each response (kind = its level, ``no_action`` for ``none``) and, if
    ``events`` is given, each event of ``event_types`` (``event``).

    Columns: ``organization``, ``request_id`` and ``crisis`` (``<NA>`` for events), ``states``
    (the requester(s), or the event's states, ``;``-separated), ``kind``, ``start``,
    ``start_precision``, ``end``, ``end_precision`` (end of a mission or deployment; ``NaT``
    otherwise), ``duration_days`` (``Int64``: end minus start in days, for missions and deployments
    with an end), ``troops`` (persons, ``Int64``), ``label`` (short text for charts) and
    ``description``. Sorted by start, then by :data:`TIMELINE_KINDS`. Only the responses of
    ``responder`` are taken (:func:`~analysis.measures.requests.responses_of`; by default the
    alliance's).
    """
    responses = responses_of(responses, responder)
    made = requests["request_made"].eq("yes").fillna(False).astype(bool)
    asks = pd.DataFrame({
        "organization": requests["organization"],
        "request_id": requests["request_id"],
        "crisis": requests["crisis"],
        "states": requests["requester"],
        "kind": made.map({True: "request", False: "no_request"}),
        "start": requests["date"],
        "start_precision": requests["date_precision"],
        "label": requests["crisis"],
        "description": requests["ask"].where(made, requests["instrument"]),
    })

    about = requests.set_index("request_id")
    known = responses[responses["request_id"].isin(about.index)]
    kind = known["level"].replace({"none": "no_action"})
    answers = pd.DataFrame({
        "organization": known["request_id"].map(about["organization"]),
        "request_id": known["request_id"],
        "crisis": known["request_id"].map(about["crisis"]),
        "states": known["request_id"].map(about["requester"]),
        "kind": kind,
        "start": known["date"],
        "start_precision": known["date_precision"],
        "end": known["end"],
        "end_precision": known["end_precision"],
        "troops": known["troops"],
        "label": [_response_label(lv, t) for lv, t in zip(known["level"], known["troops"])],
        "description": known["description"],
    })
    lasting = answers["kind"].isin(["mission", "deployment"]) & answers["end"].notna()
    answers["duration_days"] = (answers["end"] - answers["start"]).dt.days.where(lasting)

    parts = [asks, answers]
    if events is not None:
        chosen = events[events["type"].isin(list(event_types))]
        parts.append(pd.DataFrame({
            "organization": chosen["organization"],
            "states": chosen["states"],
            "kind": "event",
            "start": chosen["date"],
            "start_precision": chosen["date_precision"],
            "label": chosen["description"],
            "description": chosen["description"],
        }))

    timeline = pd.concat([p for p in parts if len(p)], ignore_index=True)
    timeline = timeline.reindex(columns=list(TIMELINE_COLUMNS))
    for col in ("organization", "request_id", "crisis", "states", "kind", "start_precision",
                "end_precision", "label", "description"):
        timeline[col] = timeline[col].astype("string")
    for col in ("start", "end"):
        timeline[col] = pd.to_datetime(timeline[col]).astype("datetime64[ns]")
    for col in ("duration_days", "troops"):
        timeline[col] = pd.array(
            [None if pd.isna(v) else int(v) for v in timeline[col]], dtype="Int64")
    order = timeline["kind"].map({k: i for i, k in enumerate(TIMELINE_KINDS)})
    timeline = timeline.assign(_order=order).sort_values(
        ["start", "_order", "request_id"], kind="stable", na_position="first")
    return timeline.drop(columns="_order").reset_index(drop=True)


# --- calls for help by channel, and every deployment -------------------------------------------

#: The channels a call for help can take, with the ``requests.addressed_to`` values that use each:
#: a request to the alliance, an appeal to the patron bilaterally, a request to another
#: organization (for the CSTO's members, the CIS). A call addressed to both the alliance and the
#: patron goes through two channels. Each channel's answers are those of the responder of the same
#: name (``responses.responder``).
CHANNELS: dict[str, tuple[str, ...]] = {
    "alliance": ("alliance", "both"),
    "patron": ("patron", "both"),
    "other_organization": ("other_organization",),
}

CALL_COLUMNS: tuple[str, ...] = (
    "organization", "request_id", "crisis", "requester", "date", "date_precision", "threat",
    "instrument", "channel", "asked_level", "highest_level", "deployed", "first_response_date",
    "troops",
)


def calls_by_channel(requests: pd.DataFrame, responses: pd.DataFrame) -> pd.DataFrame:
    """One row per call for help and channel it went through (:data:`CHANNELS`): a request to
    the alliance, an appeal to the patron, a request to another organization; a call addressed to
    both the alliance and the patron has a row for each.

    Only the answers of the channel's own responder count: the alliance's for a request to it,
    the patron's for an appeal, the other organization's for a request to it. ``asked_level`` is
    what the call asked of that channel (``patron_asked_level`` for an appeal to the patron);
    ``highest_level``, ``deployed``, ``first_response_date`` and ``troops`` are as
    :func:`~analysis.measures.requests.request_outcomes` gives them for that responder. Sorted by
    organization, date and channel (in :data:`CHANNELS` order).
    """
    made = requests["request_made"].eq("yes").fillna(False).astype(bool).to_numpy()
    addressed = requests["addressed_to"].astype("string").fillna("none")
    parts = []
    for channel, values in CHANNELS.items():
        chosen = requests[made & addressed.isin(values).to_numpy(dtype=bool)]
        if chosen.empty:
            continue
        out = request_outcomes(chosen, responses, responder=channel)
        if channel == "patron":
            asked = chosen.set_index("request_id")["patron_asked_level"]
            out["asked_level"] = out["request_id"].map(asked)
        out["channel"] = channel
        parts.append(out)
    if not parts:
        return pd.DataFrame(columns=list(CALL_COLUMNS))
    calls = pd.concat(parts, ignore_index=True)
    calls["highest_level"] = calls["highest_level"].astype("string")
    calls["asked_level"] = calls["asked_level"].astype("string")
    order = {c: i for i, c in enumerate(CHANNELS)}
    calls = calls.assign(_order=calls["channel"].map(order)).sort_values(
        ["organization", "date", "_order", "request_id"], kind="stable")
    return calls[list(CALL_COLUMNS)].reset_index(drop=True)


DEPLOYMENT_COLUMNS: tuple[str, ...] = (
    "organization", "request_id", "crisis", "requester", "addressed_to", "responder",
    "response_id", "start", "start_precision", "end", "end_precision", "end_record",
    "attested_until", "attested_record", "troops", "duration_days",
)


def _event_dates(events: pd.DataFrame | None) -> dict[str, tuple[pd.Timestamp, str]]:
    if events is None:
        return {}
    return {e: (d, p) for e, d, p in zip(events["event_id"].tolist(), events["date"].tolist(),
                                        events["date_precision"].tolist())}


def deployments(
    requests: pd.DataFrame,
    responses: pd.DataFrame,
    events: pd.DataFrame | None = None,
    ends: Mapping[str, str] | None = None,
    attested: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Every deployment of troops on record for a crisis in ``requests``, whoever sent them: one
    row per request and responder (the alliance, the patron, another organization), its
    ``deployment`` responses folded into one (the first start, the last end known, the most
    troops).

    Where ``responses`` gives no end, ``ends`` may name an event that ended the deployment
    (``{response_id: event_id}``, e.g. the CIS decision that closed a peacekeeping operation);
    ``end_record`` says where the end comes from (``responses:<id>`` or ``events:<id>``, ``<NA>``
    when no source gives one). For a deployment whose end no source gives, ``attested`` may name
    the last event that shows the force still in place (``attested_until``, ``attested_record``).
    ``duration_days`` is end minus start where the end is known. Raises :class:`KeyError` for an
    event named in ``ends`` or ``attested`` that ``events`` lacks.
    """
    ends, attested = dict(ends or {}), dict(attested or {})
    dates = _event_dates(events)
    for event_id in [*ends.values(), *attested.values()]:
        if event_id not in dates:
            raise KeyError(f"event {event_id!r} named for a deployment is not in events")
    about = requests.set_index("request_id")
    chosen = responses[(responses["level"] == "deployment").to_numpy(dtype=bool)
                       & responses["request_id"].isin(about.index).to_numpy(dtype=bool)]
    rows = []
    for (request_id, responder), group in chosen.groupby(["request_id", "responder"], sort=False):
        group = group.sort_values("date", kind="stable")
        first = group.iloc[0]
        end, end_precision, end_record = pd.NaT, pd.NA, pd.NA
        known = group.dropna(subset=["end"])
        if len(known):
            last = known.sort_values("end").iloc[-1]
            end, end_precision = last["end"], last["end_precision"]
            end_record = f"responses:{last['response_id']}"
        else:
            for rid in group["response_id"]:
                if rid in ends:
                    end, end_precision = dates[ends[rid]]
                    end_record = f"events:{ends[rid]}"
        until, until_record = pd.NaT, pd.NA
        if pd.isna(end):
            for rid in group["response_id"]:
                if rid in attested:
                    until = dates[attested[rid]][0]
                    until_record = f"events:{attested[rid]}"
        troops = group["troops"].dropna()
        rows.append({
            "organization": about.at[request_id, "organization"],
            "request_id": request_id,
            "crisis": about.at[request_id, "crisis"],
            "requester": about.at[request_id, "requester"],
            "addressed_to": about.at[request_id, "addressed_to"],
            "responder": responder,
            "response_id": first["response_id"],
            "start": first["date"],
            "start_precision": first["date_precision"],
            "end": end,
            "end_precision": end_precision,
            "end_record": end_record,
            "attested_until": until,
            "attested_record": until_record,
            "troops": int(troops.max()) if len(troops) else pd.NA,
        })
    out = pd.DataFrame(rows, columns=[c for c in DEPLOYMENT_COLUMNS if c != "duration_days"])
    for col in ("start", "end", "attested_until"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    out["troops"] = pd.array([None if pd.isna(v) else int(v) for v in out["troops"]],
                             dtype="Int64")
    out["duration_days"] = pd.array(
        [None if pd.isna(e) else int((e - s).days) for s, e in zip(out["start"], out["end"])],
        dtype="Int64")
    for col in ("organization", "request_id", "crisis", "requester", "addressed_to", "responder",
                "response_id", "start_precision", "end_precision", "end_record",
                "attested_record"):
        out[col] = out[col].astype("string")
    return out.sort_values(["start", "request_id", "responder"], kind="stable").reset_index(
        drop=True)


def calls_per_year(requests: pd.DataFrame, organization: str = "CSTO") -> pd.DataFrame:
    """Crises of ``organization``'s members per calendar year: ``year``, ``with_call`` (a call for
    help was made, through any channel), ``without_call`` and ``crises``; every year from the
    first to the last crisis, zeros included."""
    rows = requests[requests["organization"] == organization]
    made = rows["request_made"].eq("yes").fillna(False).astype(bool)
    years = rows["date"].dt.year
    if rows.empty:
        return pd.DataFrame(columns=["year", "with_call", "without_call", "crises"])
    span = range(int(years.min()), int(years.max()) + 1)
    with_call = years[made].value_counts().reindex(span, fill_value=0)
    without = years[~made].value_counts().reindex(span, fill_value=0)
    out = pd.DataFrame({"year": list(span), "with_call": with_call.to_numpy(),
                        "without_call": without.to_numpy()})
    out["crises"] = out["with_call"] + out["without_call"]
    return out.astype("int64")


#: How a channel's lanes are named in charts and tables.
CHANNEL_LABELS: dict[str, str] = {
    "alliance": "Requests to the CSTO, and what the alliance did",
    "patron": "Appeals to Russia, and what Russia did on its own",
    "other_organization": "Requests to the CIS, and what the CIS did",
}

MARK_COLUMNS: tuple[str, ...] = (
    "channel", "lane", "lane_order", "request_id", "kind", "start", "end", "end_kind", "troops",
)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _lane_label(requester: object, day: pd.Timestamp, precision: object,
                names: Mapping[str, str], with_month: bool) -> str:
    who = " and ".join(names.get(s, s) for s in split_list(requester))
    if with_month and precision == "day" or with_month and precision == "month":
        return f"{who}, {_MONTHS[day.month - 1]} {day.year}"
    return f"{who} {day.year}"


def channel_marks(
    calls: pd.DataFrame,
    responses: pd.DataFrame,
    deployed: pd.DataFrame,
    names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """What a timeline of calls by channel draws: one lane per call and channel
    (:func:`calls_by_channel`), plus one lane for each deployment (:func:`deployments`) of a
    responder that no call through its channel asked for (the patron acting unasked), and one
    mark per thing on a lane.

    Marks: ``call`` (the day of the call), each response of the channel's responder above
    ``none`` (``kind`` = its level, ``start`` = its date), ``no_action`` at the call's date where
    the responder did nothing above ``none``, and a ``deployment_span`` per deployment, from its
    start to its end (``end_kind`` ``known``), or to the last day a record shows it in place
    (``attested``), or with no end at all (``unknown``).

    ``lane`` names the requester(s) (``names``: ISO3 -> name) and the year, with the month
    where a channel has two lanes of one state in one year; a lane for an unasked deployment says
    ``(unasked)``. ``lane_order`` counts lanes from 0 within each channel, oldest first.
    """
    names = dict(names or {})
    lanes: list[dict] = []
    for channel in CHANNELS:
        own = calls[calls["channel"] == channel]
        ids = set(own["request_id"])
        entries = [(r.date, r.date_precision, r.requester, r.request_id, False)
                   for r in own.itertuples(index=False)]
        for d in deployed[deployed["responder"] == channel].itertuples(index=False):
            if d.request_id not in ids:
                entries.append((d.start, d.start_precision, d.requester, d.request_id, True))
        entries.sort(key=lambda e: (e[0], e[3]))
        years: dict[tuple[str, int], int] = {}
        for day, _, requester, _, _ in entries:
            key = (str(requester), day.year)
            years[key] = years.get(key, 0) + 1
        for order, (day, precision, requester, request_id, unasked) in enumerate(entries):
            label = _lane_label(requester, day, precision, names,
                                years[(str(requester), day.year)] > 1)
            lanes.append({"channel": channel, "lane": label + (" (unasked)" if unasked else ""),
                          "lane_order": order, "request_id": request_id, "unasked": unasked,
                          "date": day})
    own_responses = responses[responses["level"] != "none"]
    marks: list[dict] = []
    for lane in lanes:
        base = {"channel": lane["channel"], "lane": lane["lane"],
                "lane_order": lane["lane_order"], "request_id": lane["request_id"]}
        if not lane["unasked"]:
            marks.append({**base, "kind": "call", "start": lane["date"]})
        answers = own_responses[(own_responses["request_id"] == lane["request_id"]).to_numpy(
            dtype=bool) & (own_responses["responder"] == lane["channel"]).to_numpy(dtype=bool)]
        for a in answers.itertuples(index=False):
            marks.append({**base, "kind": a.level, "start": a.date,
                          "troops": None if pd.isna(a.troops) else int(a.troops)})
        if answers.empty:
            marks.append({**base, "kind": "no_action", "start": lane["date"]})
        spans = deployed[(deployed["request_id"] == lane["request_id"]).to_numpy(dtype=bool)
                         & (deployed["responder"] == lane["channel"]).to_numpy(dtype=bool)]
        for d in spans.itertuples(index=False):
            if not pd.isna(d.end):
                end, kind = d.end, "known"
            elif not pd.isna(d.attested_until):
                end, kind = d.attested_until, "attested"
            else:
                end, kind = pd.NaT, "unknown"
            marks.append({**base, "kind": "deployment_span", "start": d.start, "end": end,
                          "end_kind": kind, "troops": None if pd.isna(d.troops)
                          else int(d.troops)})
    out = pd.DataFrame(marks, columns=list(MARK_COLUMNS))
    for col in ("start", "end"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    out["troops"] = pd.array([None if pd.isna(v) else int(v) for v in out["troops"]],
                             dtype="Int64")
    out["lane_order"] = out["lane_order"].astype("int64")
    for col in ("channel", "lane", "request_id", "kind", "end_kind"):
        out[col] = out[col].astype("string")
    return out


# --- dated records: spans and labelled points for case timelines --------------------------------

@dataclass(frozen=True)
class Span:
    """A presence drawn as a bar: its label and the records that date its start and end, each
    written ``"<table>:<key>:<column>"`` (e.g. ``"bases:B31:end"``; ``"<table>:<key>"`` reads
    the row's ``date``). ``start`` ``None``: in place before the timeline begins; ``end``
    ``None``: no source gives its end (``attested`` may name the last record that shows it in
    place), or, with ``ongoing``, still there at the cut-off."""

    label: str
    start: str | None
    end: str | None = None
    attested: str | None = None
    ongoing: bool = False


_KEYS: dict[str, str] = {"events": "event_id", "requests": "request_id",
                         "responses": "response_id", "bases": "base_id",
                         "exercises": "exercise_id", "crisis_candidates": "candidate_id"}


def record_date(tables: Mapping[str, pd.DataFrame], ref: str) -> tuple[pd.Timestamp, str]:
    """The date a record gives and its precision: ``ref`` is ``"<table>:<key>"`` (the row's
    ``date``) or ``"<table>:<key>:<column>"`` (e.g. ``"bases:B31:end"``). Raises
    :class:`KeyError` for an unknown table, row or empty date."""
    parts = ref.split(":")
    table, key = parts[0], parts[1]
    column = parts[2] if len(parts) > 2 else "date"
    frame = tables[table].set_index(_KEYS[table])
    if key not in frame.index:
        raise KeyError(f"no row {key!r} in {table}")
    value = frame.at[key, column]
    if pd.isna(value):
        raise KeyError(f"{ref} has no date")
    precision = frame.at[key, f"{column}_precision"] if f"{column}_precision" in frame else "day"
    return pd.Timestamp(value), ("day" if pd.isna(precision) else str(precision))


def record_spans(tables: Mapping[str, pd.DataFrame], spans: Iterable[Span],
                 cutoff: pd.Timestamp) -> pd.DataFrame:
    """One row per :class:`Span`, in the order given: ``label``, ``start`` (``NaT`` when in place
    before the timeline), ``end``, ``end_kind`` (``known``, ``ongoing`` (drawn to ``cutoff``),
    ``attested`` (drawn to the last record that shows it) or ``unknown``), ``start_record``,
    ``end_record``."""
    rows = []
    for span in spans:
        start = record_date(tables, span.start)[0] if span.start else pd.NaT
        if span.end:
            end, kind, end_record = record_date(tables, span.end)[0], "known", span.end
        elif span.ongoing:
            end, kind, end_record = cutoff, "ongoing", None
        elif span.attested:
            end, kind, end_record = record_date(tables, span.attested)[0], "attested", \
                span.attested
        else:
            end, kind, end_record = pd.NaT, "unknown", None
        rows.append({"label": span.label, "start": start, "end": end, "end_kind": kind,
                     "start_record": span.start, "end_record": end_record})
    out = pd.DataFrame(rows, columns=["label", "start", "end", "end_kind", "start_record",
                                      "end_record"])
    for col in ("start", "end"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    return out


def labelled_records(tables: Mapping[str, pd.DataFrame],
                     notes: Mapping[str, tuple[str, str]]) -> pd.DataFrame:
    """The records a timeline labels, one row each, by date: ``notes`` maps a record
    (``"<table>:<key>"``, as :func:`record_date` reads it) to ``(kind, label)``. Columns
    ``record``, ``date``, ``date_precision``, ``kind``, ``label``."""
    rows = []
    for ref, (kind, label) in notes.items():
        day, precision = record_date(tables, ref)
        rows.append({"record": ref, "date": day, "date_precision": precision, "kind": kind,
                     "label": label})
    out = pd.DataFrame(rows, columns=["record", "date", "date_precision", "kind", "label"])
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    return out.sort_values(["date", "record"], kind="stable").reset_index(drop=True)


def highest_of(levels: Iterable[str]) -> str:
    """The highest of response levels (``none`` for none)."""
    return max(levels, key=LEVEL_RANK.__getitem__, default="none")


__all__ = [
    "CALL_COLUMNS",
    "CHANNELS",
    "CHANNEL_LABELS",
    "DEPLOYMENT_COLUMNS",
    "INTERVENTION_EVENT_TYPES",
    "MARK_COLUMNS",
    "TIMELINE_KINDS",
    "Span",
    "calls_by_channel",
    "calls_per_year",
    "channel_marks",
    "deployments",
    "highest_of",
    "intervention_timeline",
    "labelled_records",
    "record_date",
    "record_spans",
]
