"""The response scale as numbers: the rank of each level of
:data:`~analysis.data.codebook.vocabulary.RESPONSE_LEVELS` (``none`` = 0 ... ``deployment`` = 5)
and the conversions between levels and ranks that every measure and chart of responses uses.
"""

from __future__ import annotations

import pandas as pd

from ..data.codebook.vocabulary import RESPONSE_LEVELS

#: Rank of each response level: 0 (``none``) to 5 (``deployment``).
LEVEL_RANK: dict[str, int] = {level: rank for rank, level in enumerate(RESPONSE_LEVELS)}


def level_ranks(levels: pd.Series) -> pd.Series:
    """The rank (0 = ``none`` ... 5 = ``deployment``) of each response level, as ``Int64``.

    Raises :class:`ValueError` for a level not on the scale.
    """
    values = levels.tolist()
    unknown = sorted({v for v in values if not pd.isna(v)} - set(LEVEL_RANK))
    if unknown:
        raise ValueError(f"unknown response level(s) {unknown}; the scale is {RESPONSE_LEVELS}")
    ranks = [pd.NA if pd.isna(v) else LEVEL_RANK[v] for v in values]
    return pd.Series(pd.array(ranks, dtype="Int64"), index=levels.index, name=levels.name)


def levels_categorical(ranks: pd.Series) -> pd.Series:
    """Response ranks (0-5) as an ordered Categorical of level names (same index)."""
    names = [RESPONSE_LEVELS[int(r)] if pd.notna(r) else None for r in ranks]
    return pd.Series(pd.Categorical(names, categories=RESPONSE_LEVELS, ordered=True),
                     index=ranks.index)


__all__ = ["LEVEL_RANK", "level_ranks", "levels_categorical"]
