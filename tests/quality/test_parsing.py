"""Parsing raw text into types: what each accepted format gives, and what is refused."""

import pandas as pd

from fieldvoice.quality.parsing import parse_timestamps


def test_day_first_dates_are_never_read_month_first() -> None:
    text = pd.Series(["02/11/2026 18:00", "2/11/2026 9:05:30", "11/25/2026 18:00", "31/11/2026 10:00"])
    values, unparsed = parse_timestamps(text, pd.Series(["TN"] * len(text)))
    assert values[:2].tolist() == [pd.Timestamp("2026-11-02T17:00Z"), pd.Timestamp("2026-11-02T08:05:30Z")]
    # A US month-first date is not silently swapped; an impossible date is not rolled over.
    assert values[2:].isna().all() and unparsed[2:].tolist() == ["11/25/2026 18:00", "31/11/2026 10:00"]
