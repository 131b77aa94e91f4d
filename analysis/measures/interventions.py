"""Intervention history: every request, crisis, response, mission and deployment as one dated
timeline.

A response's ``kind`` is its level on :data:`analysis.data.codebook.vocabulary.RESPONSE_LEVELS`,
except that a ``none`` response (a dated non-answer) is called ``no_action``. Durations count the
days from the first to the last day given (``end`` minus ``start``); they exist only for missions
and deployments whose end is known.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from .requests import responses_of

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


# --- every deployment, whoever sent it ------------------------------------------------------------

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


__all__ = [
    "DEPLOYMENT_COLUMNS",
    "INTERVENTION_EVENT_TYPES",
    "TIMELINE_KINDS",
    "deployments",
    "intervention_timeline",
]
