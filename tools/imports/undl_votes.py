"""Import the 2025 UN General Assembly roll calls of the UN Digital Library (UN Dag Hammarskjöld
Library voting records) from the per-country scrape in github.com/HZloto/unga-2025.

Raw input (read straight from the fetched git mirror, or from a file given with ``--raw``):

* ``data/un_votes_2025_processed.csv`` at commit 46fa27efae8b05d522b89bbdcdcd564a96e49cef of
  HZloto/unga-2025 (deleted from the repository at 9ec3d47; take it from that commit). One row
  per UN Digital Library voting record of 2025 (General Assembly and Security Council): the
  record's link and number (``token``), symbol, title, date, the record's totals (``YES COUNT``,
  ``NO COUNT``, ``ABSTAIN COUNT``, ``NO-VOTE COUNT``, ``TOTAL VOTES``) and one column per member
  state (ISO3) holding ``YES``, ``NO``, ``ABSTAIN`` or nothing (non-voting).

Outputs (LF, UTF-8, fixed column order, sorted rows):

* ``undl_roll_calls.csv``: undl_id, session, date, resolution, title, yes, no, abstain,
  non_voting, undl_link -- every General Assembly record in the file.
* ``undl_roll_call_votes.csv``: undl_id, state, vote -- the states of ``data/states.csv`` that
  have a column, vote yes / no / abstain. As in ``un_roll_call_votes`` (the Voeten roll calls),
  a state that did not vote has no row.

Checks (any failure stops the import, nothing is repaired): the symbols are unique and well
formed; every vote cell is one of the three codes or empty; for every record the per-country
columns add up to the record's own yes / no / abstain totals, and the empty cells plus the
members the scrape has no column for add up to its non-voting total; the session taken from the
symbol (A/RES/79/..., A/DEC/80/...) agrees with the date (a session opens in September); a
state of ``data/states.csv`` missing from the columns is listed, never dropped silently.

Run from the repository root::

    python -m tools.imports.undl_votes --out data/
    python -m tools.imports.undl_votes --raw path/to/un_votes_2025_processed.csv --out data/
"""
from __future__ import annotations

import hashlib
import io
import os
import re
from pathlib import Path

import pandas as pd

from tools.imports.common import git_show, source_parser, write_csv

COMMIT = "46fa27efae8b05d522b89bbdcdcd564a96e49cef"
PATH_IN_REPO = "data/un_votes_2025_processed.csv"
MEMBERS = 193           # UN member states in 2025
GA = "General Assembly"
VOTE_CODES = {"YES": "yes", "NO": "no", "ABSTAIN": "abstain"}
TOTALS = {"yes": "YES COUNT", "no": "NO COUNT", "abstain": "ABSTAIN COUNT",
          "non_voting": "NO-VOTE COUNT"}
META = ["Link", "token", "Scrape_Year", "Title", "Council", "Resolution", "country",
        "subregion", "continent", "Date", "YES COUNT", "NO COUNT", "ABSTAIN COUNT",
        "NO-VOTE COUNT", "TOTAL VOTES", "tags"]
SYMBOL = re.compile(r"^A/(RES|DEC)/(ES-\d+/\d+|\d+/\d+( [A-Z])?)$")
_TITLE_TAIL = re.compile(r"\s*:\s*resolution\s*/\s*adopted by the General Assembly\.?\s*$")

ROLL_CALL_COLUMNS = ["undl_id", "session", "date", "resolution", "title", "yes", "no",
                     "abstain", "non_voting", "undl_link"]
VOTE_COLUMNS = ["undl_id", "state", "vote"]


def read_raw(raw: str | None = None, mirror: str | None = None, commit: str = COMMIT) -> dict:
    """{'frame': the file as text cells, 'sha256': hex digest of its bytes}: from the file
    ``raw``, or from ``PATH_IN_REPO`` at ``commit`` of the git directory ``mirror`` (a copy of
    HZloto/unga-2025 brought onto the machine)."""
    if not raw and not mirror:
        raise ValueError("read_raw needs the file (raw) or a git copy of HZloto/unga-2025 (mirror)")
    blob = Path(raw).read_bytes() if raw else git_show(mirror, commit, PATH_IN_REPO)
    frame = pd.read_csv(io.BytesIO(blob), dtype=str, keep_default_na=False)
    return {"frame": frame, "sha256": hashlib.sha256(blob).hexdigest()}


def session_of(symbol: str, date: str) -> int:
    """The General Assembly session of a vote: from the symbol (A/RES/79/284 -> 79) when it
    carries one, else from the date (a session opens in September: 2025-02-24 -> 79,
    2025-12-03 -> 80). Raises ValueError when the two disagree, or when a vote without a
    session in its symbol falls in September (the month a session closes and the next opens)."""
    year, month = int(date[:4]), int(date[5:7])
    possible = {9: (year - 1946, year - 1945)}.get(
        month, (year - 1945 if month > 9 else year - 1946,))
    m = re.match(r"^A/(?:RES|DEC)/(\d+)/", symbol)
    if m:
        if int(m.group(1)) not in possible:
            raise ValueError(f"{symbol}: session {m.group(1)} but dated {date}")
        return int(m.group(1))
    if len(possible) > 1:
        raise ValueError(f"{symbol}: dated {date}, session not known from the date alone")
    return possible[0]


def _title(title: str) -> str:
    return _TITLE_TAIL.sub("", " ".join(title.split()))


def tidy(frame: pd.DataFrame, states: list[str], members: int = MEMBERS) -> dict:
    """The raw frame -> {'undl_roll_calls', 'undl_roll_call_votes', 'missing_states'}.

    ``states``: the ISO3 codes to keep (data/states.csv); those without a column are returned
    in ``missing_states``. ``members``: the UN's membership; the members without a column count
    as non-voting when the record's totals are checked."""
    missing_meta = [c for c in META if c not in frame.columns]
    if missing_meta:
        raise ValueError(f"columns missing: {missing_meta}")
    country_cols = [c for c in frame.columns if c not in META]
    bad = [c for c in country_cols if not re.fullmatch(r"[A-Z]{3}", c)]
    if bad:
        raise ValueError(f"unexpected columns: {bad}")
    ga = frame[frame["Council"] == GA].copy()
    if ga.empty:
        raise ValueError("no General Assembly rows")
    ga["Resolution"] = ga["Resolution"].str.strip()
    wrong = ga.loc[~ga["Resolution"].str.fullmatch(SYMBOL), "Resolution"]
    if len(wrong):
        raise ValueError(f"unexpected symbol {wrong.iloc[0]!r}")
    for col in ("Resolution", "token"):
        dup = ga.loc[ga[col].duplicated(), col]
        if len(dup):
            raise ValueError(f"duplicate {col} {dup.iloc[0]!r}")
    link = "https://digitallibrary.un.org/record/" + ga["token"]
    if (link != ga["Link"]).any():
        wrong = ga.loc[link != ga["Link"], "Link"].iloc[0]
        raise ValueError(f"link and record number disagree: {wrong}")
    if not pd.to_datetime(ga["Date"], format="%Y-%m-%d", errors="coerce").notna().all():
        raise ValueError("unreadable date")

    cells = ga[country_cols]
    odd = set(cells.stack().unique()) - set(VOTE_CODES) - {""}
    if odd:
        raise ValueError(f"vote value out of range: {sorted(odd)[0]!r}")
    unlisted = members - len(country_cols)
    for i, row in ga.iterrows():
        counts = {v: int((cells.loc[i] == k).sum()) for k, v in VOTE_CODES.items()}
        counts["non_voting"] = int((cells.loc[i] == "").sum()) + unlisted
        for key, col in TOTALS.items():
            if counts[key] != int(row[col]):
                raise ValueError(f"{row['Resolution']}: {key} {counts[key]} in the columns, "
                                 f"{int(row[col])} in the record's totals")
        if int(row["TOTAL VOTES"]) != members:
            raise ValueError(f"{row['Resolution']}: total {row['TOTAL VOTES']}, not {members}")

    calls = pd.DataFrame({
        "undl_id": ga["token"].astype(int),
        "session": [session_of(s, d) for s, d in zip(ga["Resolution"], ga["Date"])],
        "date": ga["Date"],
        "resolution": ga["Resolution"],
        "title": ga["Title"].map(_title),
        **{key: ga[col].astype(int) for key, col in TOTALS.items()},
        "undl_link": ga["Link"],
    })[ROLL_CALL_COLUMNS].sort_values("undl_id").reset_index(drop=True)

    kept = [s for s in states if s in country_cols]                 # explicit state filter
    long = (ga.set_index("token")[kept].stack().rename("code").reset_index()
            .rename(columns={"token": "undl_id", "level_1": "state"}))
    long = long[long["code"] != ""]
    votes = pd.DataFrame({"undl_id": long["undl_id"].astype(int), "state": long["state"],
                          "vote": long["code"].map(VOTE_CODES)})
    votes = votes[VOTE_COLUMNS].sort_values(["undl_id", "state"]).reset_index(drop=True)
    return {"undl_roll_calls": calls, "undl_roll_call_votes": votes,
            "missing_states": sorted(set(states) - set(country_cols))}


def main(argv: list[str] | None = None) -> None:
    """Read the scrape (``--raw`` file or ``--mirror`` git copy), write the two tables."""
    ap = source_parser(__doc__, raw_help="the csv file itself",
                       mirror_help="git dir of a copy of HZloto/unga-2025", commit=COMMIT)
    ap.add_argument("--states", default="data/states.csv")
    ap.add_argument("--out", default="data/")
    a = ap.parse_args(argv)
    raw = read_raw(a.raw, a.mirror, a.commit)
    print(f"sha256 {raw['sha256']}  {Path(PATH_IN_REPO).name}")
    states = pd.read_csv(a.states, dtype=str, keep_default_na=False)["iso3"].tolist()
    tables = tidy(raw["frame"], states)
    print(f"states of {a.states} without a column (not UN members, or not in the scrape): "
          + ", ".join(tables.pop("missing_states")))
    os.makedirs(a.out, exist_ok=True)
    for name, df in tables.items():
        write_csv(df, os.path.join(a.out, f"{name}.csv"))
        print(f"{name}: {len(df)} rows")


if __name__ == "__main__":
    main()
