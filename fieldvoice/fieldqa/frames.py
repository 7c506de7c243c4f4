"""pandas helpers for the day-sized frames of the checks: `on_distinct` runs an element-wise conversion once per
distinct value (10^5 interviews share a partition date, and strftime / to_datetime / isocalendar cost
microseconds a row); `isin` avoids pandas 3's str-dtype `isin`, which builds one pyarrow scalar per element of
the values looked for (~1 s for a day's ids)."""

from collections.abc import Callable
from typing import TypeVar

import numpy as np
import pandas as pd

Out = TypeVar("Out", pd.Series, pd.DataFrame)


def on_distinct(values: pd.Series, convert: Callable[[pd.Series], Out]) -> Out:
    """`convert(values)` for an element-wise `convert`, computed on the distinct values and spread back (same
    index as `values`). Missing values (None, NaN, NaT, NA) are converted as one missing value."""
    codes, uniques = pd.factorize(values)
    distinct = pd.Series(uniques, name=values.name).reindex(range(len(uniques) + 1))  # code -1 picks the last
    return convert(distinct).iloc[codes].set_axis(values.index)


def isin(values: pd.Series, lookup: pd.Series) -> np.ndarray:
    """`values.isin(lookup).to_numpy()`, hashing plain object arrays."""
    return pd.Series(values.to_numpy(dtype=object), dtype=object).isin(lookup.to_numpy(dtype=object)).to_numpy()
