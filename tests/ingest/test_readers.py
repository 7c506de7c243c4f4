"""Readers: each dialect and each kind of broken file, from small hand-made fixtures."""

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from fieldvoice.ingest.frames import canonical_frame, normalise
from fieldvoice.ingest.readers import FileRejected, read_export

HEADER = "submission_id,submitted_at,collaborator_id,country_code,locality,journey_stage,nps,csat,consent,verbatim"
ROW = "id-1,2026-11-02T10:00:00+00:00,EMP-100001,SN,Thiès,use_network,3,2,yes,"


def _frame(name: str, data: bytes) -> pd.DataFrame:
    (parsed,) = read_export(Path(name), data)
    return normalise(canonical_frame(parsed))


def test_semicolon_cp1252_with_decimal_commas() -> None:
    text = HEADER.replace(",", ";") + ";latitude\r\n" + ROW.replace(",", ";") + "Le forfait « 10 Go » coûte…;14,791\r\n"
    frame = _frame("x.csv", text.encode("cp1252"))
    assert frame.loc[0, "verbatim"] == "Le forfait « 10 Go » coûte…"
    assert frame.loc[0, "latitude"] == "14.791"


def test_mixed_encodings_are_decoded_line_by_line() -> None:
    data = (
        (HEADER + "\n").encode() + (ROW + "Réseau coupé\n").encode("utf-8") + (ROW + "Réseau coupé\n").encode("cp1252")
    )
    frame = _frame("x.csv", data)
    assert list(frame["verbatim"]) == ["Réseau coupé", "Réseau coupé"]


def test_utf16_export_from_excel_unicode_text() -> None:
    text = HEADER.replace(",", "\t") + "\n" + ROW.replace(",", "\t") + "الشبكة ضعيفة\n"
    assert _frame("x.txt", text.encode("utf-16"))["verbatim"].iat[0] == "الشبكة ضعيفة"


def test_odk_group_paths_and_uuid_prefix() -> None:
    header = "SubmissionDate,meta-instanceID,KEY,interviewer-collaborator_id,interviewer-country_code,"
    header += "interviewer-locality,customer-journey_stage,customer-nps,customer-csat,consent,location-Latitude"
    row = "2026-11-02T20:01:44.112Z,uuid:abc,uuid:abc,EMP-220871,LR,Monrovia,billing,5,3,yes,6.3156"
    frame = _frame("odk.csv", f"{header}\n{row}\n".encode())
    assert frame.loc[0, ["submission_id", "submitted_at", "latitude"]].tolist() == [
        "abc",
        "2026-11-02T20:01:44.112Z",
        "6.3156",
    ]
    assert json.loads(frame.loc[0, "extra_columns"]) == {"KEY": "uuid:abc"}


def test_kobo_submission_time_is_utc() -> None:
    header = (
        '"_uuid";"_submission_time";"collaborator_id";"country_code";"locality";"journey_stage";"nps";"csat";"consent"'
    )
    row = '"u1";"2026-11-02T18:20:11";"EMP-1";"SN";"Dakar";"discover";"1";"1";"yes"'
    assert _frame("k.csv", f"{header}\n{row}\n".encode())["submitted_at"].iat[0] == "2026-11-02T18:20:11+00:00"


def test_xlsx_with_two_sheets_loads_the_interview_sheet() -> None:
    buffer = io.BytesIO()
    rows = [dict(zip(HEADER.split(","), [*ROW.split(",")[:-1], "ok"], strict=True))]
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame(rows).to_excel(writer, sheet_name="Interviews", index=False)
        pd.DataFrame([{"note": "exported by the Dakar team"}]).to_excel(writer, sheet_name="Notes", index=False)
    parsed = read_export(Path("x.xlsx"), buffer.getvalue())
    assert [p.dialect for p in parsed] == ["xlsx:Interviews", "xlsx:Notes"]
    frame = normalise(canonical_frame(parsed[0]))
    assert frame.loc[0, ["nps", "verbatim"]].tolist() == ["3", "ok"] and frame.loc[0, "source_line"] == 2
    with pytest.raises(FileRejected, match="missing required column"):
        canonical_frame(parsed[1])


def test_jsonl_numbers_lists_and_booleans_become_text() -> None:
    line = {
        "submission_id": "j1",
        "submitted_at": "2026-11-02T10:00:00+02:00",
        "collaborator_id": "EMP-1",
        "country_code": "BW",
        "locality": "Maun",
        "journey_stage": "leave",
        "nps": 10,
        "csat": 5.0,
        "consent": True,
        "products": ["mobile_voice", "tv"],
        "latitude": -19.98,
    }
    frame = _frame("x.jsonl", (json.dumps(line) + "\n").encode())
    assert frame.loc[0, ["nps", "csat", "consent", "products", "latitude"]].tolist() == [
        "10",
        "5",
        "yes",
        "mobile_voice tv",
        "-19.98",
    ]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.csv", b"", "empty file"),
        ("blank.csv", b"  \n\n", "empty file"),
        ("junk.csv", b"\x89PNG\x00\x00\x1a\n" * 10, "binary content"),
        ("dup.csv", b"submission_id,nps,nps\nx,1,2\n", "duplicate column"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type"),
        ("all_bad.jsonl", b"{oops\nnot json either\n", "not JSON Lines"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "unreadable workbook"),
        ("undecodable.csv", b"submission_id\n\x81\x8d\x8f\x90\n", "undecodable"),
    ],
)
def test_unusable_files_are_rejected_with_a_reason(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(FileRejected) as caught:
        read_export(Path(name), data)
    assert caught.value.reason == reason


def test_header_only_file_yields_no_rows() -> None:
    assert len(_frame("x.csv", (HEADER + "\n").encode())) == 0


def test_wrong_field_count_is_kept_as_an_unreadable_record() -> None:
    frame = _frame("x.csv", f"{HEADER}\n{ROW}ok\n{ROW}ok,extra,cells\n".encode())
    assert frame["record_issue"].isna().tolist() == [True, False]
    assert frame.loc[1, "record_issue"] == "too many fields: 12 fields where the header has 10"
    assert pd.isna(frame.loc[1, "submission_id"]) and "_unparsed" in json.loads(frame.loc[1, "extra_columns"])


def test_a_stray_quote_mid_file_flags_that_record_and_the_next_ones_are_read() -> None:
    bad = ROW.replace(",yes,", ',yes,"he said "no network" again"').rstrip(",")
    frame = _frame("x.csv", f"{HEADER}\n{ROW}a\n{bad}\n{ROW}c\n{ROW}d\n".encode())
    assert frame["source_line"].tolist() == [2, 3, 4, 5]
    assert frame["record_issue"].notna().tolist() == [False, True, False, False]
    assert frame["verbatim"].tolist()[2:] == ["c", "d"]
    assert "no network" in json.loads(frame.loc[1, "extra_columns"])["_unparsed"]


def test_a_field_longer_than_the_csv_default_limit_is_read() -> None:
    long_text = "réseau\n" * 30_000  # 210,000 characters over many lines: beyond csv's default 131,072
    frame = _frame("x.csv", f'{HEADER}\n{ROW}"{long_text}"\n{ROW}next\n'.encode())
    assert frame["record_issue"].isna().all()
    assert len(frame.loc[0, "verbatim"]) == len(long_text.strip()) and frame.loc[1, "verbatim"] == "next"


def test_jsonl_lines_end_at_newline_only() -> None:
    record = dict(zip(HEADER.split(","), ROW.split(","), strict=True))
    lines = [record | {"verbatim": "one\u2028two"}, record | {"submission_id": "id-2", "verbatim": "a\u0085b\x0cc"}]
    data = "\r\n".join(json.dumps(r, ensure_ascii=False) for r in lines).encode()
    frame = _frame("x.jsonl", data)
    assert frame["verbatim"].tolist() == ["one\u2028two", "a\u0085b\x0cc"] and frame["source_line"].tolist() == [1, 2]


@pytest.mark.parametrize("separator", ["", "\n", "\n  "])
def test_a_json_array_is_rejected_as_a_file(separator: str) -> None:
    record = json.dumps(dict(zip(HEADER.split(","), ROW.split(","), strict=True)))
    data = f"[{separator}{record},{separator}{record}{separator}]\n".encode()
    with pytest.raises(FileRejected, match="JSON array") as caught:
        read_export(Path("x.json"), data)
    assert caught.value.reason == "not JSON Lines"


def test_submission_ids_are_lower_cased_so_re_exports_match() -> None:
    row = ROW.replace("id-1", "UUID:9E8D7C6B-5A49-4C3B-8A2D-1E0F9A8B7C61")
    assert _frame("x.csv", f"{HEADER}\n{row}\n".encode())["submission_id"].iat[0] == (
        "9e8d7c6b-5a49-4c3b-8a2d-1e0f9a8b7c61"
    )
