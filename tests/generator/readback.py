"""Read the generator's exports back into canonical columns with plain pandas (independent of fieldvoice.ingest).

Deliberately simple: it knows the six dialects the generator writes, not the whole world's.
"""

import io
import json
from pathlib import Path

import pandas as pd

from fieldvoice.contract import CANONICAL_COLUMNS

_TOOL_COLUMNS = {
    "_uuid": "submission_id",
    "_submission_time": "submitted_at",
    "start": "interview_start",
    "end": "interview_end",
    "deviceid": "device_id",
    "_location_latitude": "latitude",
    "_location_longitude": "longitude",
    "meta-instanceID": "submission_id",
    "SubmissionDate": "submitted_at",
    "DeviceID": "device_id",
    "location-Latitude": "latitude",
    "location-Longitude": "longitude",
}


def dialect_of(path: Path) -> str:
    if path.suffix == ".jsonl":
        return "jsonl"
    if path.suffix == ".xlsx":
        return "xlsx"
    raw = path.read_bytes()
    header = raw.split(b"\r\n", 1)[0]
    if header.startswith(b'"start";'):
        return "kobo"
    if header.startswith(b"SubmissionDate,"):
        return "odk"
    if raw.startswith(b"\xef\xbb\xbf"):
        return "csv_bom"
    return "csv_cp1252" if b";" in header else "unknown"


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, list):
        return " ".join(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_export(path: Path) -> pd.DataFrame:
    """One export file as canonical string columns, plus `_file` and `_dialect`."""
    dialect = dialect_of(path)
    if dialect == "jsonl":
        frame = pd.DataFrame([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
    elif dialect == "xlsx":
        frame = pd.read_excel(path, dtype=object)
    else:
        encoding = {"csv_cp1252": "cp1252", "csv_bom": "utf-8-sig"}.get(dialect, "utf-8")
        sep = ";" if dialect in ("kobo", "csv_cp1252") else ","
        text = path.read_bytes().decode(encoding)
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    if dialect == "kobo":
        frame = frame[~frame["_uuid"].str.startswith("#")]  # the HXL hashtag row
        frame = frame.drop(columns=[c for c in frame.columns if c.startswith(("pain_points/", "customer/products/"))])
        frame["_submission_time"] = frame["_submission_time"] + "+00:00"
        frame = frame.rename(columns=lambda c: _TOOL_COLUMNS.get(c, c.rsplit("/", 1)[-1]))
    elif dialect == "odk":
        frame = frame.rename(columns=lambda c: _TOOL_COLUMNS.get(c, c.split("-", 1)[-1] if "-" in c else c))
        frame["submission_id"] = frame["submission_id"].str.removeprefix("uuid:")
    if dialect in ("jsonl", "xlsx"):
        out = pd.DataFrame({c: [_text(v) for v in frame[c]] for c in CANONICAL_COLUMNS})
    else:
        out = frame.loc[:, list(CANONICAL_COLUMNS)].reset_index(drop=True)
    if dialect == "csv_cp1252":
        for column in ("latitude", "longitude"):
            out[column] = out[column].str.replace(",", ".", regex=False)
    out["_file"] = path.name
    out["_dialect"] = dialect
    return out


def read_folder(folder: Path) -> pd.DataFrame:
    files = sorted(p for p in folder.iterdir() if p.suffix in (".csv", ".jsonl", ".xlsx"))
    frame = pd.concat([read_export(p) for p in files], ignore_index=True)
    frame["_folder"] = folder.name
    return frame


def read_landing(landing: Path) -> pd.DataFrame:
    folders = sorted(p for p in landing.iterdir() if p.is_dir() and p.name != "reference")
    return pd.concat([read_folder(f) for f in folders], ignore_index=True)
