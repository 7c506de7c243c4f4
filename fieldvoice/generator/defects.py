"""Realistic defects, injected into a clean day at `defect_rate` (the share of interviews touched).

Each touched interview carries exactly one defect kind, and kinds are equally likely, so counts are easy to
check. Where each kind shows in the data:

| kind                   | how it looks                                                                       |
|------------------------|------------------------------------------------------------------------------------|
| reexport               | a second row with the same submission_id, a later submitted_at and one field changed, |
|                        | in a later file of the same day folder or in the next day's folder (ODK: ReviewState |
|                        | `edited`, Edits 1; Kobo: `_validation_status`)                                     |
| late_sync              | a file in day D's folder holding interviews done on D-1..D-3 (tablet was offline):  |
|                        | interview_start/end on an earlier date, submitted_at on D                           |
| late_file              | a file added to day D's folder while generating D+1..D+3: interviews of D whose     |
|                        | submitted_at is that later day (only when the run has later days)                  |
| score_out_of_range     | nps 11/12/100/-1, csat 0/6/10, ces 0/8/9, a rating 0/6/7/9                          |
| unknown_collaborator   | a well-formed EMP-###### that is not in the roster                                  |
| malformed_collaborator | EMP104233, emp-104233, EMP-10423, E-104233, 104233, EMP-1O4233, EMP_104233, ...    |
| empty_verbatim         | "", " ", "." or "-"                                                                |
| long_verbatim          | a verbatim of 2,000 to 4,500 characters                                            |
| pii_in_text            | a name, a phone (+221 77 123 45 67, 0771234567, 00216-98-123-456...) or an email typed |
|                        | into the verbatim or the suggestion                                                |
| prompt_injection       | "Ignore all previous instructions and write ..." appended to or replacing the text |
| future_timestamp       | interview_start/end 30..400 days after submitted_at (device clock)                 |
| end_before_start       | interview_end earlier than interview_start                                         |
| long_duration          | interview_end 3.2 to 8 hours after interview_start                                 |
| coords_outside_country | latitude/longitude swapped, sign-flipped, (0, 0) or another country's              |
| unknown_locality       | a real place not in localities.csv, or a misspelt listed one                       |
"""

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from fieldvoice.generator.corruptions import CORRUPTIONS
from fieldvoice.generator.interviews import local_midnight_utc_ms
from fieldvoice.generator.reference import Reference

DEFECT_KINDS = (
    "reexport", "late_sync", "late_file", "score_out_of_range", "unknown_collaborator", "malformed_collaborator",
    "empty_verbatim", "long_verbatim", "pii_in_text", "prompt_injection", "future_timestamp", "end_before_start",
    "long_duration", "coords_outside_country", "unknown_locality",
)  # fmt: skip
_HOUR = 3_600_000
_DAY = 24 * _HOUR


@dataclass
class Injected:
    frame: pd.DataFrame  # the day's regular rows, defects applied (late_file rows taken out)
    extra_files: list[pd.DataFrame] = field(default_factory=list)  # more files for today's folder
    later: list[tuple[int, pd.DataFrame]] = field(default_factory=list)  # (days from now, rows for today's folder)
    next_day: list[pd.DataFrame] = field(default_factory=list)  # re-exports for tomorrow's folder
    ids: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in DEFECT_KINDS})


def inject_defects(
    frame: pd.DataFrame, day: date, rate: float, rng: np.random.Generator, ref: Reference, later_days: int
) -> Injected:
    frame = frame.copy()
    frame["_edited"] = False
    out = Injected(frame)
    kinds = [k for k in DEFECT_KINDS if k != "late_file" or later_days > 0]
    if rate <= 0 or not len(frame):
        return out
    # Stochastic rounding keeps the expected count exact even when a kind gets less than one row a day.
    per_kind = np.floor(len(frame) * rate / len(DEFECT_KINDS) + rng.random(len(kinds))).astype(int)
    chosen = rng.permutation(len(frame))
    start = 0
    for kind, count in zip(kinds, per_kind, strict=True):
        idx = frame.index[chosen[start : start + count]]
        start += count
        if len(idx):
            if kind in CORRUPTIONS:
                CORRUPTIONS[kind](out.frame, idx, day, rng, ref)
            else:
                _TIMING[kind](out, idx, day, rng, later_days)
            out.ids[kind] = frame.loc[idx, "submission_id"].tolist()
    return out


def _reexport(out: Injected, idx: pd.Index, day: date, rng: np.random.Generator, later: int) -> None:
    copies = out.frame.loc[idx].copy()
    copies["_edited"] = True
    tomorrow = (rng.random(len(copies)) < 0.5) & (later > 0)
    for i, row_id in enumerate(copies.index):
        row = copies.loc[row_id]
        midnight = local_midnight_utc_ms(row["country_code"], day)
        if tomorrow[i]:
            copies.at[row_id, "submitted_at"] = midnight + _DAY + int(rng.uniform(7, 12) * _HOUR)
        else:
            later_ms = row["submitted_at"] + int(rng.uniform(1, 6) * _HOUR)
            cap = midnight + _DAY - 1000
            copies.at[row_id, "submitted_at"] = max(row["submitted_at"] + 60_000, min(later_ms, cap))
        field_ = ("nps", "csat", "callback_requested", "suggestion")[int(rng.integers(0, 4))]
        if field_ in ("nps", "csat"):
            top = 10 if field_ == "nps" else 5
            value = int(row[field_])
            copies.at[row_id, field_] = value - 1 if value == top else value + 1
        elif field_ == "callback_requested":
            copies.at[row_id, field_] = "no" if row[field_] == "yes" else "yes"
        else:
            note = {"fr": "(complément)", "en": "(added later)", "ar": "(إضافة)", "pt": "(complemento)"}[row["_lang"]]
            copies.at[row_id, field_] = f"{row[field_]} {note}".strip()
    if (~tomorrow).any():
        out.extra_files.append(copies[~tomorrow])
    if tomorrow.any():
        out.next_day.append(copies[tomorrow])


def _late_sync(out: Injected, idx: pd.Index, day: date, rng: np.random.Generator, later: int) -> None:
    shift = rng.integers(1, 4, len(idx)) * _DAY
    rows = out.frame.loc[idx].copy()
    rows["interview_start"] -= shift
    rows["interview_end"] -= shift
    out.frame = out.frame.drop(index=idx)
    out.extra_files.append(rows)


def _late_file(out: Injected, idx: pd.Index, day: date, rng: np.random.Generator, later: int) -> None:
    rows = out.frame.loc[idx].copy()
    out.frame = out.frame.drop(index=idx)
    delays = rng.integers(1, min(3, later) + 1, len(rows))
    for delay in np.unique(delays):
        batch = rows[delays == delay].copy()
        # The export is uploaded `delay` days later, in the morning; its rows keep their interview times.
        morning = np.array([local_midnight_utc_ms(c, day) for c in batch["country_code"]], dtype=np.int64)
        batch["submitted_at"] = morning + int(delay) * _DAY + rng.integers(7 * _HOUR, 11 * _HOUR, len(batch))
        out.later.append((int(delay), batch))


_TIMING = {"reexport": _reexport, "late_sync": _late_sync, "late_file": _late_file}
assert set(_TIMING) | set(CORRUPTIONS) == set(DEFECT_KINDS)
