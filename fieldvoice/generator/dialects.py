"""Writers for the six export dialects of the spec, byte-for-byte in the style of the contract kit.

| dialect      | delimiter | encoding          | names                       | specifics                              |
|--------------|-----------|-------------------|-----------------------------|----------------------------------------|
| csv_cp1252   | `;`       | Windows-1252      | canonical                   | decimal commas in coordinates          |
| csv_bom      | `,`       | UTF-8 with BOM    | canonical                   | quoted newlines when a text has one    |
| kobo         | `;`       | UTF-8             | group paths `customer/nps`  | all cells quoted, HXL row, option 0/1s |
| odk          | `,`       | UTF-8             | group paths `customer-nps`  | `uuid:` ids, `SubmissionDate` in Z     |
| jsonl        | -         | UTF-8             | canonical keys              | lists for multi-selects, real numbers  |
| xlsx         | -         | -                 | canonical, one sheet        | numbers as numbers, timestamps as text |

CSV files end lines with CRLF like the kit's; every file is written to `<name>.part` and renamed when complete.
"""

import csv
import io
import json
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from fieldvoice.contract import CANONICAL_COLUMNS, PAIN_POINTS, PRODUCTS, RATING_COLUMNS
from fieldvoice.generator.cells import canonical_cells, iso_local, iso_utc, typed_records

EXTENSIONS = {"csv_cp1252": "csv", "csv_bom": "csv", "kobo": "csv", "odk": "csv", "jsonl": "jsonl", "xlsx": "xlsx"}
FILE_PREFIX = {"csv_cp1252": "export", "csv_bom": "export", "kobo": "kobo", "odk": "odk", "jsonl": "fieldapp"}
FILE_PREFIX["xlsx"] = "export"
_FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # xlsx members carry a date: keep it constant for identical bytes
_FORM_VERSION = {"2.3.9": "2026090101", "2.4.0": "2026100101", "2.4.1": "2026110101", "2.4.2": "2026111501"}
_KOBO_GROUP = {
    **dict.fromkeys(("collaborator_id", "country_code", "locality"), "interviewer"),
    **dict.fromkeys(
        ("customer_ref", "customer_name", "customer_msisdn", "customer_segment", "products", "journey_stage"),
        "customer",
    ),
    **dict.fromkeys(("nps", "csat", "ces"), "customer"),
    **dict.fromkeys(RATING_COLUMNS, "scores"),
    **dict.fromkeys(("verbatim", "suggestion", "language", "callback_requested"), "feedback"),
}
_HXL = {"interviewer/country_code": "#country+code", "customer/nps": "#indicator+nps", "_uuid": "#meta+id"}


def _atomic(path: Path, write: Callable[[Path], None]) -> Path:
    part = path.with_name(path.name + ".part")
    write(part)
    part.replace(path)
    return path


def _write_csv(
    path: Path, header: list[str], rows: list[list[str]], encoding: str, delimiter: str, quote_all: bool = False
) -> None:
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_canonical_csv(rows: pd.DataFrame, path: Path, cp1252: bool) -> Path:
    cells = canonical_cells(rows, comma=cp1252)
    table = [list(r) for r in zip(*cells.values(), strict=True)]
    encoding, delimiter = ("cp1252", ";") if cp1252 else ("utf-8-sig", ",")
    header = list(CANONICAL_COLUMNS)
    return _atomic(path, lambda p: _write_csv(p, header, table, encoding, delimiter))


def write_kobo(rows: pd.DataFrame, path: Path, hxl: bool, first_id: int) -> Path:
    cells = canonical_cells(rows)
    cc = rows["country_code"].tolist()
    n = len(rows)
    out: dict[str, list[str]] = {
        "start": iso_local(rows["interview_start"], cc, millis=True),
        "end": iso_local(rows["interview_end"], cc, millis=True),
        "deviceid": cells["device_id"],
        "consent": cells["consent"],
    }
    for column in ("collaborator_id", "country_code", "locality", "customer_ref", "customer_name", "customer_msisdn"):
        out[f"{_KOBO_GROUP[column]}/{column}"] = cells[column]
    out["customer/customer_segment"] = cells["customer_segment"]
    out["customer/products"] = cells["products"]
    for option in PRODUCTS:
        out[f"customer/products/{option}"] = [str(int(option in v.split())) for v in cells["products"]]
    for column in ("journey_stage", "nps", "csat", "ces", *RATING_COLUMNS):
        out[f"{_KOBO_GROUP[column]}/{column}"] = cells[column]
    out["pain_points"] = cells["pain_points"]
    for option in PAIN_POINTS:
        out[f"pain_points/{option}"] = [str(int(option in v.split())) for v in cells["pain_points"]]
    for column in ("verbatim", "suggestion", "language", "callback_requested"):
        out[f"feedback/{column}"] = cells[column]
    out["app_version"] = cells["app_version"]
    out["_location_latitude"] = cells["latitude"]
    out["_location_longitude"] = cells["longitude"]
    out["_id"] = [str(first_id + i) for i in range(n)]
    out["_uuid"] = cells["submission_id"]
    out["_submission_time"] = iso_utc(rows["submitted_at"], millis=False, suffix="")
    out["_validation_status"] = ["validation_status_approved" if e else "" for e in rows["_edited"]]
    out["_notes"] = [""] * n
    out["_status"] = ["submitted_via_web"] * n
    out["_submitted_by"] = [f"{c.lower()}_field_team" for c in cc]
    out["_tags"] = [""] * n
    out["_index"] = [str(i + 1) for i in range(n)]
    header = list(out)
    table = [list(r) for r in zip(*out.values(), strict=True)]
    if hxl:
        table.insert(0, [_HXL.get(h, "") for h in header])
    return _atomic(path, lambda p: _write_csv(p, header, table, "utf-8", ";", quote_all=True))


def write_odk(rows: pd.DataFrame, path: Path) -> Path:
    cells = canonical_cells(rows)
    n = len(rows)
    ids = [f"uuid:{s}" for s in cells["submission_id"]]
    edited = rows["_edited"].tolist()
    out: dict[str, list[str]] = {
        "SubmissionDate": iso_utc(rows["submitted_at"], millis=True, suffix="Z"),
        "start": cells["interview_start"],
        "end": cells["interview_end"],
        "consent": cells["consent"],
    }
    order = ("collaborator_id", "country_code", "locality", "customer_ref", "customer_name", "customer_msisdn")
    order += ("customer_segment", "journey_stage", "nps", "csat", "ces", "products", *RATING_COLUMNS)
    for column in order:
        out[f"{_KOBO_GROUP[column]}-{column}"] = cells[column]
    out["pain_points"] = cells["pain_points"]
    for column in ("verbatim", "suggestion", "language", "callback_requested"):
        out[f"feedback-{column}"] = cells[column]
    has_fix = [bool(v) for v in cells["latitude"]]
    # Altitude and accuracy come from the GPS fix; derive them from the id so that they are stable.
    out["location-Latitude"] = cells["latitude"]
    out["location-Longitude"] = cells["longitude"]
    out["location-Altitude"] = [
        str(int(s[:4], 16) % 900 + 5) if f else "" for s, f in zip(cells["submission_id"], has_fix, strict=True)
    ]
    out["location-Accuracy"] = [
        str((int(s[9:13], 16) % 250) / 10 + 3) if f else ""
        for s, f in zip(cells["submission_id"], has_fix, strict=True)
    ]
    out["app_version"] = cells["app_version"]
    out["meta-instanceID"] = ids
    out["KEY"] = ids
    device_no = [int(d.rsplit("-", 1)[1]) for d in cells["device_id"]]
    out["SubmitterID"] = [str(d % 97 + 1) for d in device_no]
    teams = zip(rows["country_code"], device_no, strict=True)
    out["SubmitterName"] = [f"{c.lower()}-team-{d % 9 + 1}" for c, d in teams]
    out["AttachmentsPresent"] = ["0"] * n
    out["AttachmentsExpected"] = ["0"] * n
    out["Status"] = [""] * n
    out["ReviewState"] = [
        "edited" if e else ("approved" if int(s[24:26], 16) < 100 else "")
        for e, s in zip(edited, cells["submission_id"], strict=True)
    ]
    out["DeviceID"] = cells["device_id"]
    out["Edits"] = ["1" if e else "0" for e in edited]
    out["FormVersion"] = [_FORM_VERSION.get(v, "2026110101") for v in cells["app_version"]]
    header = list(out)
    table = [list(r) for r in zip(*out.values(), strict=True)]
    return _atomic(path, lambda p: _write_csv(p, header, table, "utf-8", ","))


def write_jsonl(rows: pd.DataFrame, path: Path) -> Path:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in typed_records(rows))
    return _atomic(path, lambda p: p.write_text(lines, encoding="utf-8", newline=""))


def write_xlsx(rows: pd.DataFrame, path: Path) -> Path:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("export")
    sheet.append(list(CANONICAL_COLUMNS))
    for record in typed_records(rows):
        sheet.append([" ".join(v) if isinstance(v, list) else (None if v == "" else v) for v in record.values()])
    fixed = datetime(2020, 1, 1)
    workbook.properties.created = fixed
    workbook.properties.modified = fixed
    workbook.properties.creator = "fieldvoice"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    # openpyxl stamps zip members with the wall clock: re-pack them with a fixed date.
    stable = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return _atomic(path, lambda p: p.write_bytes(stable.getvalue()))


def write_export(rows: pd.DataFrame, path: Path, tool: str, hxl: bool = True, first_id: int = 1) -> Path:
    if tool in ("csv_cp1252", "csv_bom"):
        return write_canonical_csv(rows, path, cp1252=tool == "csv_cp1252")
    if tool == "kobo":
        return write_kobo(rows, path, hxl, first_id)
    if tool == "odk":
        return write_odk(rows, path)
    if tool == "jsonl":
        return write_jsonl(rows, path)
    if tool == "xlsx":
        return write_xlsx(rows, path)
    raise ValueError(f"unknown export dialect {tool!r}")
