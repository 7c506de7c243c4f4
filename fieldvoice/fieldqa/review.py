"""The supervisors' review loop: one CSV per country of flagged interviews, decisions read back, applied with an
audit trail.

Files are UTF-8 with a BOM (Excel shows Arabic and accents right) and every cell starting with = + - @ (or a
tab / carriage return) is prefixed with `'`, so that a verbatim or an id can never run as a spreadsheet formula
(CSV injection). Supervisors fill `decision` (accept | reject), `reviewer` and optionally `decided_at` and
`comment`; Excel may re-save the file with `;` and Windows-1252, which `read_review_file` also reads.
A decision overrides the automatic policy: reject -> excluded (weight 0), accept -> ok (weight 1).
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from fieldvoice.contract import COUNTRIES
from fieldvoice.fieldqa.config import FLAGS
from fieldvoice.fieldqa.frames import isin, on_distinct
from fieldvoice.fieldqa.policy import typed_quality

REVIEW_COLUMNS = (
    "submission_id", "partition_date", "country_code", "collaborator_id", "locality", "interview_start",
    "flags", "reasons", "status", "decision", "reviewer", "decided_at", "comment",
)  # fmt: skip
DECISIONS = ("accept", "reject")
REVIEW_SUFFIXES = (".csv", ".xlsx")
DECISION_COLUMNS = ("submission_id", "decision", "reviewer", "decided_at", "comment", "source_file", "source_line")
AUDIT_COLUMNS = (
    "submission_id", "decision", "reviewer", "decided_at", "source_file", "source_line",
    "old_status", "new_status", "old_weight", "new_weight", "note",
)  # fmt: skip
_UNSAFE = ("=", "+", "-", "@", "\t", "\r")


class ReviewFileError(ValueError):
    """A review file cannot be applied; the message lists every problem as `file:line: what`."""


def safe_cell(value: object) -> str:
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    return "'" + text if text.startswith(_UNSAFE) else text


def _unescape(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_UNSAFE) else text


def write_review_files(
    flags: pd.DataFrame,
    out_dir: Path,
    *,
    interviews: pd.DataFrame | None = None,
    quality: pd.DataFrame | None = None,
) -> list[Path]:
    """One `review_<CC>_<first day>[_<last day>].csv` per country; one row per flagged interview, collaborators
    with the most flagged interviews first. `interviews` adds locality and start time, `quality` the status."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    order = {flag: i for i, flag in enumerate(FLAGS)}
    ranked = flags.assign(_order=flags["flag"].map(order)).sort_values(["submission_id", "_order"], kind="stable")
    ranked = ranked[ranked["submission_id"].notna()]  # as groupby drops them
    rows = ranked.groupby("submission_id", sort=False)[["partition_date", "country_code", "collaborator_id"]].first()
    rows["flags"] = _join_runs(ranked["submission_id"], ranked["flag"], " ")
    rows["reasons"] = _join_runs(ranked["submission_id"], ranked["reason"], " | ")
    rows = rows.reset_index()
    # A warehouse may hand DATE columns back as timestamps: the file name and column show the day only.
    rows["partition_date"] = on_distinct(
        rows["partition_date"], lambda days: pd.to_datetime(days.astype("string")).dt.strftime("%Y-%m-%d")
    )
    if interviews is not None:
        extra = interviews[["submission_id", "locality", "country_code"]].drop_duplicates("submission_id")
        extra = extra.assign(interview_start=_local_times(interviews.loc[extra.index]))
        extra = extra.drop(columns="country_code")
        rows = rows.merge(extra, on="submission_id", how="left")
    if quality is not None:
        rows = rows.merge(quality[["submission_id", "status"]], on="submission_id", how="left")
    rows["_load"] = rows.groupby("collaborator_id")["submission_id"].transform("size")
    rows = rows.sort_values(["_load", "collaborator_id", "submission_id"], ascending=[False, True, True])
    written = []
    for cc, part in rows.groupby("country_code", sort=True):
        days = sorted({str(d) for d in part["partition_date"].unique()})
        span = days[0] if days[0] == days[-1] else f"{days[0]}_{days[-1]}"
        path = out_dir / f"review_{cc}_{span}.csv"
        cells = [_safe_cells(part[c]) if c in part else [""] * len(part) for c in REVIEW_COLUMNS]
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(REVIEW_COLUMNS)
            writer.writerows(zip(*cells, strict=True))
        written.append(path)
    return written


def _join_runs(keys: pd.Series, values: pd.Series, sep: str) -> list[str]:
    """`sep`.join of `values` per run of equal `keys` (sorted, no nulls), in run order: groupby.agg(sep.join)
    calls Python once per group through pandas, ~20x slower at 10^5 groups."""
    codes = pd.factorize(keys)[0]
    bounds = [*np.flatnonzero(codes[1:] != codes[:-1]) + 1, len(codes)]
    texts = values.tolist()
    return [sep.join(texts[a:b]) for a, b in zip([0, *bounds[:-1]], bounds, strict=True)] if len(codes) else []


def _safe_cells(values: pd.Series) -> list[str]:
    """`safe_cell` over a column; text columns with string methods (a Python call per cell costs seconds)."""
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        return [safe_cell(v) for v in values.tolist()]
    text = values.astype("string").fillna("")
    return text.mask(text.str.startswith(_UNSAFE), "'" + text).tolist()


def _local_times(interviews: pd.DataFrame) -> pd.Series:
    """interview_start as the supervisor reads it: local time of the country, with its UTC offset."""
    out = pd.Series("", index=interviews.index, dtype="string")
    for cc, part in interviews.groupby("country_code"):
        zone = COUNTRIES[str(cc)].timezone if cc in COUNTRIES else "UTC"
        out[part.index] = local_clock(part["interview_start"].dt.tz_convert(zone))
    return out


def local_clock(local: pd.Series) -> pd.Series:
    """`local.dt.strftime("%Y-%m-%d %H:%M %z")` (NA for NaT) for time-zone-aware times, built with numpy:
    strftime costs ~20 µs a row, 2-3 s for a day's interviews."""
    wall = local.dt.tz_localize(None)
    offset = (wall - local.dt.tz_convert("UTC").dt.tz_localize(None)) // pd.Timedelta(minutes=1)
    zones = {
        m: "{}{:02d}{:02d}".format("-" if m < 0 else "+", *divmod(abs(int(m)), 60)) for m in offset.dropna().unique()
    }
    clock = np.datetime_as_string(wall.to_numpy("datetime64[m]"), unit="m")  # 2026-11-02T09:05
    text = pd.Series(clock, index=local.index, dtype="string").str.replace("T", " ", regex=False)
    return (text + " " + offset.map(zones).astype("string")).mask(local.isna())


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:  # re-saved by Excel on a Windows laptop
        return data.decode("cp1252")


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, cells) of a CSV saved by our writer or re-saved by Excel."""
    text = _decode(path)
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    for cells in reader:
        first_line, line = line + 1, reader.line_num  # a quoted cell may span lines: cite where the row starts
        yield first_line, cells


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(sheet row, cells) of the first sheet of a review file a supervisor saved as a workbook."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a corrupt archive
        raise ReviewFileError(f"{path}:1: not a readable workbook ({type(error).__name__})") from error
    try:
        for number, values in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1):
            yield number, ["" if v is None else v.isoformat() if hasattr(v, "isoformat") else str(v) for v in values]
    finally:
        workbook.close()


def review_files_in(folder: Path) -> list[Path]:
    """The review files a supervisor dropped back (CSV or XLSX), in a stable order; temp and lock files skipped."""
    if not Path(folder).is_dir():
        return []
    return sorted(
        p
        for p in Path(folder).rglob("*")
        if p.is_file() and p.suffix.lower() in REVIEW_SUFFIXES and not p.name.startswith((".", "~$"))
    )


def read_review_file(path: Path) -> pd.DataFrame:
    """The decisions filled in a review file (rows left undecided are skipped); raises ReviewFileError."""
    path = Path(path)
    if path.suffix.lower() not in REVIEW_SUFFIXES:
        raise ReviewFileError(f"{path}:1: a review file is .csv or .xlsx")
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    header = [h.strip().lower() for h in next(rows, (1, []))[1]]
    missing = [c for c in ("submission_id", "decision", "reviewer") if c not in header]
    if missing:
        raise ReviewFileError(f"{path}:1: missing column(s) {', '.join(missing)}")
    mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    errors, records, seen = [], [], {}
    at = len(header) - 1 - header[::-1].index("decision")  # the cell dict(zip(header, cells)) keeps
    for first_line, cells in rows:
        if len(cells) <= at or not cells[at].strip():
            continue  # undecided (most rows of a day's file): skip before unescaping every cell
        row = dict(zip(header, (_unescape(c.strip()) for c in cells), strict=False))
        decision = row.get("decision", "").lower()
        if not decision:
            continue
        where = f"{path}:{first_line}"
        sid, reviewer = row.get("submission_id", ""), row.get("reviewer", "")
        if decision not in DECISIONS:
            errors.append(f"{where}: decision {row['decision']!r} is not one of {', '.join(DECISIONS)}")
        if not reviewer:
            errors.append(f"{where}: a decision needs the reviewer's name")
        if not sid:
            errors.append(f"{where}: submission_id is empty")
        elif sid in seen and seen[sid][0] != decision:
            errors.append(f"{where}: {sid} was already decided {seen[sid][0]!r} on line {seen[sid][1]}")
        decided_at = mtime
        if row.get("decided_at"):
            try:
                stamp = pd.Timestamp(row["decided_at"])
                decided_at = stamp.tz_localize(UTC) if stamp.tzinfo is None else stamp.tz_convert(UTC)
            except ValueError:
                errors.append(f"{where}: decided_at {row['decided_at']!r} is not a date-time (ISO 8601)")
        seen.setdefault(sid, (decision, first_line))
        records.append((sid, decision, reviewer, decided_at, row.get("comment", ""), str(path), first_line))
    if errors:
        raise ReviewFileError("\n".join(errors))
    return _decisions(records)


def _decisions(records: list[tuple[object, ...]]) -> pd.DataFrame:
    out = pd.DataFrame(records, columns=list(DECISION_COLUMNS))
    out["decided_at"] = pd.to_datetime(out["decided_at"], utc=True).astype("datetime64[us, UTC]")
    out["source_line"] = out["source_line"].astype("int64")
    return out


def read_review_files(paths: Iterable[Path]) -> pd.DataFrame:
    """Every file's decisions; the errors of all files together in one ReviewFileError."""
    decisions, errors = collect_decisions(paths)
    if errors:
        raise ReviewFileError("\n".join(errors))
    return decisions


def collect_decisions(paths: Iterable[Path]) -> tuple[pd.DataFrame, list[str]]:
    """The decisions of every readable file, and the errors of the others: one bad file (a typo in a decision)
    must not hold back the decisions of the other countries' supervisors."""
    frames, errors = [], []
    for path in paths:
        try:
            frames.append(read_review_file(path))
        except ReviewFileError as error:
            errors.append(str(error))
    frames = [f for f in frames if not f.empty]
    return (pd.concat(frames, ignore_index=True) if frames else _decisions([])), errors


def apply_reviews(quality: pd.DataFrame, decisions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Decisions override the policy (in decided_at order: the latest wins); returns (quality, audit).

    The audit has one row per decision applied: who, when, from which file and line, old -> new status.
    """
    named = isin(quality["submission_id"], decisions["submission_id"])  # only these can change: no dict of the day
    state = quality[named].set_index("submission_id")[["status", "weight", "decided_by"]].to_dict("index")
    audit = []
    ordered = decisions.sort_values(["decided_at", "source_file", "source_line"], kind="stable")
    for d in ordered.itertuples(index=False):
        before = state.get(d.submission_id)
        entry = [d.submission_id, d.decision, d.reviewer, d.decided_at, d.source_file, d.source_line]
        if before is None:
            audit.append([*entry, None, None, None, None, "unknown submission_id: not in interview_quality"])
            continue
        new_status, new_weight = ("excluded", 0.0) if d.decision == "reject" else ("ok", 1.0)
        changed = (before["status"], before["weight"]) != (new_status, new_weight)
        note = "" if changed else "no change"
        audit.append([*entry, before["status"], new_status, before["weight"], new_weight, note])
        state[d.submission_id] = {"status": new_status, "weight": new_weight, "decided_by": "review"}
    updated = quality.copy()
    if named.any():
        decided = pd.DataFrame.from_dict(state, orient="index").reindex(quality["submission_id"][named])
        for column in ("status", "weight", "decided_by"):
            updated.loc[named, column] = decided[column].to_numpy()
    audit_frame = pd.DataFrame(audit, columns=list(AUDIT_COLUMNS))
    return typed_quality(updated).reset_index(drop=True), audit_frame


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def review_days(path: Path) -> set[str]:
    """The partition days (YYYY-MM-DD) whose interviews a review file decides: its partition_date column on
    decided rows, else the days in its name (review_<CC>_<first>[_<last>]); an unreadable file names none."""
    path = Path(path)
    try:
        rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
        header = [h.strip().lower() for h in next(rows, (1, []))[1]]
        if "partition_date" in header and "decision" in header:
            at, decision = header.index("partition_date"), header.index("decision")
            days = {
                cells[at].strip()[:10]
                for _, cells in rows
                if len(cells) > max(at, decision) and cells[decision].strip() and _DAY.fullmatch(cells[at].strip()[:10])
            }
            if days:
                return days
    except (ReviewFileError, UnicodeDecodeError, csv.Error, OSError):
        return set()
    named = _DAY.findall(path.stem)
    if len(named) == 2:  # a span: every day of it
        first, last = (datetime.fromisoformat(d).date() for d in named)
        return {(first + timedelta(days=k)).isoformat() for k in range((last - first).days + 1)}
    return set(named)
