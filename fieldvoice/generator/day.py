"""One day of exports: build the interviews, inject defects, split them into files per team tool, write them.

Files are named `<tool>_<CC>_<YYYYMMDD>_<NN>.<ext>` (tool: `export` for canonical CSV and XLSX, `kobo`, `odk`,
`fieldapp` for JSON Lines); NN counts the files of that country in that folder, so a file added later to an
older folder (late upload) gets the next number. A team's rows go to one or a few upload batches.
"""

import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from fieldvoice.generator.countries import PROFILES
from fieldvoice.generator.defects import DEFECT_KINDS, inject_defects
from fieldvoice.generator.dialects import EXTENSIONS, FILE_PREFIX, write_export
from fieldvoice.generator.interviews import build_interviews
from fieldvoice.generator.planted import PlantPlan, plan_planted, plant
from fieldvoice.generator.reference import Reference, generate_reference

ROWS_PER_FILE = 450
_TEXT_FIELDS = ["locality", "customer_name", "verbatim", "suggestion", "collaborator_id"]


@dataclass
class RunState:
    """What one day leaves for the next ones: files still to upload, and file counters per folder."""

    pending: dict[date, list[tuple[date, pd.DataFrame]]] = field(default_factory=dict)  # upload day -> work
    seq: Counter[tuple[date, str]] = field(default_factory=Counter)
    next_kobo_id: int = 881_000
    plan: PlantPlan | None = None  # planted collaborators of the run (see planted.py)
    planned: bool = False


@dataclass
class DayResult:
    day: date
    interviews: int
    files: list[Path]
    defects: dict[str, int]
    defect_ids: dict[str, list[str]]
    fraud_share: dict[str, float]  # share of the day's interviews with pain point fraud_scam, per country
    planted: dict[str, list[str]] = field(default_factory=dict)  # planted collaborator -> that day's interviews


def scaled_reference_sizes(interviews_per_day: int) -> tuple[int, int]:
    """≈10,000 collaborators and ≈15,000 targets at 15,000 interviews a day, proportionally fewer below."""
    scale = min(1.0, interviews_per_day / 15_000)
    return max(51, round(10_000 * scale)), max(51, round(15_000 * scale))


def _fallback_tool(cc: str) -> str:
    return next(t for t in PROFILES[cc].tools if t != "csv_cp1252")


def _fits_cp1252(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _route_cp1252(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows a Windows-1252 export cannot hold (Arabic, emoji, Wolof ŋ...) go through the team's other tool."""
    legacy = rows["_tool"].to_numpy() == "csv_cp1252"
    if not legacy.any():
        return rows
    texts = ("".join(values) for values in zip(*(rows[c].to_numpy()[legacy] for c in _TEXT_FIELDS), strict=True))
    stuck = np.zeros(len(rows), bool)
    stuck[np.flatnonzero(legacy)] = [not _fits_cp1252(t) for t in texts]
    if not stuck.any():
        return rows
    rows = rows.copy()
    rows.loc[stuck, "_tool"] = [_fallback_tool(c) for c in rows["country_code"].to_numpy()[stuck]]
    return rows


def write_rows(landing_dir: Path, folder_day: date, rows: pd.DataFrame, state: RunState, split: bool) -> list[Path]:
    folder = landing_dir / folder_day.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for (cc, tool), group in _route_cp1252(rows).groupby(["country_code", "_tool"], sort=True):
        batches = min(4, max(1, -(-len(group) // ROWS_PER_FILE))) if split else 1
        team = np.array([zlib.crc32(c.encode()) % batches for c in group["collaborator_id"]])
        for b in range(batches):
            part = group[team == b].sort_values("submitted_at", kind="stable")
            if part.empty:
                continue
            state.seq[(folder_day, cc)] += 1
            number = state.seq[(folder_day, cc)]
            name = f"{FILE_PREFIX[tool]}_{cc}_{folder_day:%Y%m%d}_{number:02d}.{EXTENSIONS[tool]}"
            # The HXL row is optional in Kobo exports: most teams keep it, some do not.
            hxl = zlib.crc32(name.encode()) % 10 < 7
            written.append(write_export(part, folder / name, str(tool), hxl=hxl, first_id=state.next_kobo_id))
            state.next_kobo_id += len(part)
    return written


def generate_day(
    landing_dir: Path,
    day: date,
    reference: Reference | None = None,
    interviews: int = 300,
    seed: int = 7,
    defect_rate: float = 0.02,
    scam_share: dict[str, float] | None = None,
    *,
    later_days: int = 0,
    state: RunState | None = None,
    rushed_share: float = 0.0,
    fabricator_share: float = 0.0,
) -> DayResult:
    """Write one day folder (and the reference files first if no reference is given).

    `later_days`: how many days the run still has after this one (late files and next-day re-exports need
    them); `state` carries pending uploads between the days of a run. `rushed_share` / `fabricator_share`:
    the roster shares of planted bad-practice collaborators (`planted.py`), drawn once per run (state).
    """
    landing_dir = Path(landing_dir)
    if reference is None:
        reference = generate_reference(landing_dir, seed, *scaled_reference_sizes(interviews))
    state = state if state is not None else RunState()
    rng = np.random.default_rng([seed, day.toordinal()])
    frame = build_interviews(reference, day, interviews, rng, scam_share or {})
    if not state.planned:
        state.plan, state.planned = plan_planted(reference, seed, rushed_share, fabricator_share), True
    # Own random stream, used only when someone is planted: a run without planting stays byte-identical.
    planted = (
        plant(frame, day, state.plan, reference, np.random.default_rng([seed, day.toordinal(), 2]))
        if state.plan
        else {}
    )
    defect_rng = np.random.default_rng([seed, day.toordinal(), 1])
    injected = inject_defects(frame, day, defect_rate, defect_rng, reference, later_days)

    files = write_rows(landing_dir, day, injected.frame, state, split=True)
    for rows in injected.extra_files:
        files += write_rows(landing_dir, day, rows, state, split=False)
    for delay, rows in injected.later:
        state.pending.setdefault(day + timedelta(days=delay), []).append((day, rows))
    for rows in injected.next_day:
        tomorrow = day + timedelta(days=1)
        state.pending.setdefault(tomorrow, []).append((tomorrow, rows))
    for folder_day, rows in state.pending.pop(day, []):
        files += write_rows(landing_dir, folder_day, rows, state, split=False)

    fraud = frame["pain_points"].str.contains("fraud_scam", regex=False)
    shares = {str(c): float(v) for c, v in fraud.groupby(frame["country_code"]).mean().items()}
    counts = {k: len(injected.ids[k]) for k in DEFECT_KINDS}
    return DayResult(day, len(frame), files, counts, injected.ids, shares, planted)
