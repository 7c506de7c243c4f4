"""Export files: every dialect of the spec, in the byte style of the contract kit."""

import csv
import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pandas as pd

from fieldvoice.contract import CANONICAL_COLUMNS, COUNTRIES
from tests.conftest import CONTRACT_KIT
from tests.generator.conftest import Run
from tests.generator.readback import dialect_of

KIT = CONTRACT_KIT
DIALECTS = {"csv_cp1252", "csv_bom", "kobo", "odk", "jsonl", "xlsx"}


def _exports(run: Run) -> list[Path]:
    return sorted(p for p in run.landing.glob("20*/*") if p.suffix in (".csv", ".jsonl", ".xlsx"))


def _by_dialect(run: Run) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {}
    for path in _exports(run):
        out.setdefault(dialect_of(path), []).append(path)
    return out


def _header(path: Path, encoding: str, delimiter: str) -> list[str]:
    with path.open(encoding=encoding, newline="") as handle:
        return next(csv.reader(handle, delimiter=delimiter))


def test_every_dialect_is_present_and_countries_mix_them(clean_run: Run) -> None:
    files = _by_dialect(clean_run)
    assert set(files) == DIALECTS
    assert not list(clean_run.landing.rglob("*.part")), "no half-written file is left behind"
    tools = clean_run.rows.groupby("country_code")["_dialect"].nunique()
    assert (tools >= 2).all(), tools
    per_day = clean_run.rows.groupby(["_folder", "country_code"])["_file"].nunique()
    assert per_day.median() >= 2


def test_headers_match_the_contract_kit(clean_run: Run) -> None:
    files = _by_dialect(clean_run)
    assert _header(files["csv_cp1252"][0], "cp1252", ";") == list(CANONICAL_COLUMNS)
    assert _header(files["csv_bom"][0], "utf-8-sig", ",") == list(CANONICAL_COLUMNS)
    assert _header(files["odk"][0], "utf-8", ",") == _header(KIT / "odk_lr.csv", "utf-8", ",")
    ours = _header(files["kobo"][0], "utf-8", ";")
    kit = _header(KIT / "kobo_sn.csv", "utf-8", ";")
    assert [c for c in ours if c in kit] == kit, "the kit's Kobo columns, in the kit's order"
    assert all(c.startswith(("pain_points/", "customer/products/")) for c in ours if c not in kit)
    first = json.loads(files["jsonl"][0].read_text(encoding="utf-8").splitlines()[0])
    assert list(first) == list(CANONICAL_COLUMNS)
    sheet = openpyxl.load_workbook(files["xlsx"][0], read_only=True).active
    assert [c.value for c in next(sheet.iter_rows(max_row=1))] == list(CANONICAL_COLUMNS)


def test_bytes_look_like_the_kit(clean_run: Run) -> None:
    files = _by_dialect(clean_run)
    for dialect in ("csv_cp1252", "csv_bom", "kobo", "odk"):
        raw = files[dialect][0].read_bytes()
        assert raw.count(b"\r\n") >= 2 and raw.endswith(b"\r\n"), dialect
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in files["csv_bom"])
    cp1252 = b"".join(p.read_bytes() for p in files["csv_cp1252"])
    assert re.search(rb";-?\d{1,2},\d+;-?\d{1,3},\d+;", cp1252), "decimal commas in coordinates"
    assert "’".encode("cp1252") in cp1252 and "é".encode("cp1252") in cp1252
    kobo = files["kobo"][0].read_bytes()
    assert kobo.startswith(b'"start";"end";') and b";;" not in kobo and b'"";""' in kobo, "every cell quoted"
    hxl = [p for p in files["kobo"] if b'"#country+code"' in p.read_bytes().split(b"\r\n")[1]]
    assert 0 < len(hxl) < len(files["kobo"]), "the HXL row is optional: most files have it, not all"
    odk = pd.read_csv(files["odk"][0], dtype=str, keep_default_na=False)
    assert odk["meta-instanceID"].str.startswith("uuid:").all() and (odk["KEY"] == odk["meta-instanceID"]).all()
    assert odk["SubmissionDate"].str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z").all()
    kobo_frame = pd.read_csv(files["kobo"][0], sep=";", dtype=str, keep_default_na=False)
    kobo_frame = kobo_frame[~kobo_frame["_uuid"].str.startswith("#")]
    assert kobo_frame["_submission_time"].str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d").all()
    assert kobo_frame["start"].str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d").all()
    line = files["jsonl"][0].read_text(encoding="utf-8").splitlines()[0]
    assert '", "' in line and '": ' in line, "json.dumps default separators, like the kit"


def test_kobo_option_columns_agree_with_the_multi_select(clean_run: Run) -> None:
    path = _by_dialect(clean_run)["kobo"][0]
    frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    frame = frame[~frame["_uuid"].str.startswith("#")]
    for option in ("slow_data", "network_coverage", "mm_agent_cash"):
        ticked = frame["pain_points"].str.split().apply(lambda codes, o=option: o in codes)
        assert ((frame[f"pain_points/{option}"] == "1") == ticked).all()


def test_timestamps_carry_the_country_offset(clean_run: Run) -> None:
    rows = clean_run.rows[clean_run.rows["_dialect"] != "kobo"].sample(300, random_state=1)
    for cc, stamp in zip(rows["country_code"], rows["interview_start"], strict=True):
        moment = datetime.fromisoformat(stamp)
        expected = moment.astimezone(ZoneInfo(COUNTRIES[cc].timezone)).utcoffset()
        assert moment.utcoffset() == expected, (cc, stamp)


def test_every_interview_reads_back_once(clean_run: Run) -> None:
    rows = clean_run.rows
    assert rows["submission_id"].is_unique
    assert (
        rows["submission_id"]
        .str.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
        .all()
    )
    per_folder = rows.groupby("_folder").size()
    assert per_folder.to_dict() == {d.isoformat(): n for d, n in clean_run.report.interviews_per_day.items()}
    assert rows["verbatim"].str.contains("\n").any(), "a few texts carry a newline the CSV must quote"
