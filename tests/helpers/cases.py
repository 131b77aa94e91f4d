"""Test helpers shared by the tests split out of test_cases.py."""

from __future__ import annotations

import pandas as pd

D = pd.Timestamp
