"""The Bailey-Strezhnev-Voeten ideal points and agreement scores (June 2024 release) of the kept
states (``tools/imports/un_states.py``), sessions 47 (1992) onward, as ``data/un_agreement.csv``:
state, session, year, ideal_point, agree_russia, agree_usa.

The file carries ISO3 codes (``iso3c``); each kept state's Correlates of War code (``ccode``) is
cross-checked against ``data/country_codes.csv`` (iso3 -> cow_code; the ``KEEP`` table when that
file is absent). The raw file is read by ``tools/imports/unvotes.py``, which writes this table
with the roll calls; the copy used (repository, commit, hash) is recorded in ``data/origins.csv``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tools.imports.common import as_int
from tools.imports.un_states import KEEP

BSV_COMMIT = "98ab7b673cf2c6415f6e86ba2e63eee0b51f07ae"


BSV_FILE = "IdealpointestimatesAll_Jun2024.csv"


FIRST_SESSION = 47          # BSV sessions kept: 47 (opened Sept. 1992) onward


SESSION_YEAR_OFFSET = 1945  # session s opened in calendar year s + 1945


AGREEMENT_COLUMNS = ["state", "session", "year", "ideal_point", "agree_russia",
                     "agree_usa"]


def tidy_agreement(ideal_points: pd.DataFrame,
                   country_codes: pd.DataFrame | None = None) -> pd.DataFrame:
    """BSV ideal points -> un_agreement.  ``country_codes`` (data/country_codes.csv:
    iso3, cow_code, ...) supplies the expected COW code of each kept state; without
    it the COW codes in ``KEEP`` are used."""
    cow = {k: v[2] for k, v in KEEP.items()}
    if country_codes is not None:
        cc = dict(zip(country_codes["iso3"].astype(str), country_codes["cow_code"]))
        missing = [k for k in KEEP if k not in cc]
        if missing:
            raise ValueError(f"country_codes: kept state {missing[0]} has no row")
        cow = {k: int(cc[k]) for k in KEEP}
    d = ideal_points.copy()
    iso = d["iso3c"]
    bad = d[iso.isna() | ~iso.astype(str).str.fullmatch(r"[A-Z]{3}")]
    if len(bad):
        raise ValueError(f"ideal points: country {bad['Countryname'].iloc[0]!r} has no ISO3 "
                         f"({bad['iso3c'].iloc[0]!r})")
    d["session"] = as_int(d["session"], "session")
    d["ccode"] = as_int(d["ccode"], "ccode")
    d = d[d["iso3c"].isin(KEEP) & (d["session"] >= FIRST_SESSION)].copy()  # explicit filters
    wrong = d[d["ccode"] != d["iso3c"].map(cow)]
    if len(wrong):
        raise ValueError(f"ideal points: {wrong['iso3c'].iloc[0]} has COW code "
                         f"{wrong['ccode'].iloc[0]} (expected {cow[wrong['iso3c'].iloc[0]]})")
    dup = d[d.duplicated(["iso3c", "session"])]
    if len(dup):
        raise ValueError(f"ideal points: duplicate (state, session) {dup['iso3c'].iloc[0]}, "
                         f"{dup['session'].iloc[0]}")
    out = pd.DataFrame({
        "state": d["iso3c"].astype(str),
        "session": d["session"],
        "year": d["session"] + SESSION_YEAR_OFFSET,
        "ideal_point": pd.to_numeric(d["IdealPointAll"], errors="raise"),
        "agree_russia": pd.to_numeric(d["RUSSAgree"], errors="raise"),
        "agree_usa": pd.to_numeric(d["USAgree"], errors="raise"),
    })
    for col, lo, hi in (("ideal_point", -10, 10), ("agree_russia", 0, 1), ("agree_usa", 0, 1)):
        x = out[col]
        bad = out[x.notna() & ((x < lo) | (x > hi))]
        if len(bad):
            raise ValueError(f"ideal points: {col} out of range [{lo}, {hi}]: {bad[col].iloc[0]} "
                             f"({bad['state'].iloc[0]}, session {bad['session'].iloc[0]})")
    if out["ideal_point"].isna().any():
        r = out[out["ideal_point"].isna()].iloc[0]
        raise ValueError(f"ideal points: missing ideal point for {r['state']}, session "
                         f"{r['session']}")
    return out[AGREEMENT_COLUMNS].sort_values(["state", "session"]).reset_index(drop=True)


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------
def sig7(x: float | None) -> str:
    """Seven significant digits (the precision of the BSV csv), positional."""
    if pd.isna(x):
        return ""
    return np.format_float_positional(float(x), precision=7, unique=True,
                                      fractional=False, trim="-")


def formatted(agreement: pd.DataFrame) -> pd.DataFrame:
    """``un_agreement`` as written: the scores to seven significant digits (:func:`sig7`)."""
    out = agreement.copy()
    for col in ("ideal_point", "agree_russia", "agree_usa"):
        out[col] = out[col].map(sig7)
    return out


__all__ = ["AGREEMENT_COLUMNS", "BSV_COMMIT", "BSV_FILE", "FIRST_SESSION", "SESSION_YEAR_OFFSET",
           "formatted", "sig7", "tidy_agreement"]
