"""Calls for help by channel, dated: a member's request to the alliance, its appeal to the
patron, its request to another organization, each with the answers of the body it went to;
crises per year; and the marks a timeline of calls draws (:func:`channel_marks`)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..data.codebook.fields import split_list
from .requests import request_outcomes

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
    (:func:`calls_by_channel`), plus one lane for each deployment
    (:func:`~analysis.measures.interventions.deployments`) of a
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


__all__ = [
    "CALL_COLUMNS",
    "CHANNELS",
    "CHANNEL_LABELS",
    "MARK_COLUMNS",
    "calls_by_channel",
    "calls_per_year",
    "channel_marks",
]
