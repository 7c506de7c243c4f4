"""The bad-input corpus: every file of `files/` through ingest and validation, against `expected.yaml`.

Each case lands alone in its own day folder of one temporary landing zone (a multi-file case: its files
together), is ingested with `ingest_day` into a temporary DuckDB and read back from `raw.interviews`. One
`validate_interviews` run then covers every partition: row rules are per row and de-duplication keys on
(partition_date, submission_id), so partitions cannot affect each other (`test_a_partition_validated_alone_
gives_the_same_outcome` checks it), and GX's fixed cost of ~2 s per run is paid once instead of 50 times.
The partition date of a case is only its isolation key: no rule compares it with the interview dates.
"""

import json
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
import yaml

from fieldvoice.contract import CANONICAL_COLUMNS, REFERENCE_FILES
from fieldvoice.ingest.day import DayIngestFailed, ingest_day
from fieldvoice.quality import ReferenceData, validate_interviews
from tests.corpus.make_corpus import build

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))["cases"]
NOW = datetime(2026, 11, 3, 6, tzinfo=UTC)  # the run's clock: the morning after the interviews
FIRST_DAY = date(2026, 11, 2)
# Reasons an unreadable record fails as a consequence (it has no values), not listed in expected.yaml.
IMPLIED = {"unreadable_record": {"required_value_missing"}}
LOADED = ("loaded", "quarantined")


@dataclass
class CaseRun:
    """What ingest and validation made of one case (one partition)."""

    day: date
    failure: str | None  # the DayIngestFailed message, when no file of the day was loaded
    files: pd.DataFrame  # raw.ingest_files
    errors: pd.DataFrame  # raw.ingest_errors
    raw: pd.DataFrame
    validated: pd.DataFrame
    quarantine: pd.DataFrame


def case_files(case: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """File name -> its expected outcome (a single-file case declares it at the top level)."""
    if "files" in case:
        return case["files"]
    keys = ("outcome", "records", "reason", "column", "line", "detail")
    return {case["name"]: {key: case[key] for key in keys if key in case}}


def _with_name(frame: pd.DataFrame, day: date) -> pd.DataFrame:
    """The rows of one partition, with `name` = the source file's name inside its day folder."""
    dates = pd.to_datetime(frame["partition_date"]).dt.date
    part = frame[dates == day].reset_index(drop=True)
    return part.assign(name=part["source_file"].astype(str).str.rsplit("/", n=1).str[-1])


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    frames = {
        name: pd.read_csv(HERE / "reference" / f"{name}.csv", dtype=str, keep_default_na=False)
        for name in REFERENCE_FILES
    }
    return ReferenceData.from_frames(**frames)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, reference: ReferenceData) -> dict[str, CaseRun]:
    root = tmp_path_factory.mktemp("corpus")
    landing = root / "landing"
    days: dict[str, date] = {}
    failures: dict[str, str] = {}
    with duckdb.connect(str(root / "warehouse.duckdb")) as con:
        for i, case in enumerate(CASES):
            day = days[case["name"]] = FIRST_DAY - timedelta(days=i)
            folder = landing / day.isoformat()
            folder.mkdir(parents=True)
            source = FILES / case["name"]
            for path in sorted(source.iterdir()) if source.is_dir() else [source]:
                shutil.copyfile(path, folder / path.name)
            try:
                ingest_day(con, landing, day, NOW)
            except DayIngestFailed as error:
                failures[case["name"]] = str(error)
        raw = con.execute("SELECT * FROM raw.interviews").df()
        files = con.execute("SELECT * FROM raw.ingest_files").df()
        errors = con.execute("SELECT * FROM raw.ingest_errors").df()
    result = validate_interviews(raw, reference, now=NOW)
    assert len(result.validated) + len(result.quarantine) == len(raw)
    return {
        name: CaseRun(
            day,
            failures.get(name),
            _with_name(files, day),
            _with_name(errors, day),
            _with_name(raw, day),
            _with_name(result.validated, day),
            _with_name(result.quarantine, day),
        )
        for name, day in days.items()
    }


def test_every_corpus_file_has_an_expected_outcome() -> None:
    on_disk = {p.name: sorted(q.name for q in p.iterdir()) if p.is_dir() else None for p in FILES.iterdir()}
    declared = {c["name"]: sorted(c["files"]) if "files" in c else None for c in CASES}
    assert on_disk == declared
    assert sum(len(files or [None]) for files in on_disk.values()) >= 30


def test_generated_files_are_what_make_corpus_writes() -> None:
    for name, data in build().items():
        assert (FILES / name).read_bytes() == data, f"{name} differs: run tests/corpus/make_corpus.py"


def _one(frame: pd.DataFrame, what: str) -> pd.Series:
    assert len(frame) == 1, f"expected exactly one {what}, found {len(frame)}"
    return frame.iloc[0]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_files_are_loaded_rejected_or_ignored(case: dict[str, Any], corpus: dict[str, CaseRun]) -> None:
    run = corpus[case["name"]]
    expected = case_files(case)
    for name, exp in expected.items():
        listed = run.files[run.files["name"] == name]
        if exp["outcome"] == "ignored":
            assert listed.empty, f"{name} must not be read"
            continue
        row = _one(listed, f"raw.ingest_files row for {name}")
        raw_rows = int((run.raw["name"] == name).sum())
        if exp["outcome"] == "rejected":
            assert row["status"] == "rejected" and raw_rows == 0
            error = _one(run.errors[(run.errors["name"] == name) & (run.errors["level"] == "file")], "file error")
            assert error["error"] == exp["reason"]
            if "column" in exp:
                assert error["column_name"] == exp["column"]
            if "line" in exp:
                assert error["line"] == exp["line"]
            assert exp.get("detail", "") in error["detail"]
            continue
        assert exp["outcome"] in LOADED
        assert row["status"] == "loaded", row["error"]
        assert row["rows_loaded"] == raw_rows == exp["records"]  # rows_in, counted by hand in expected.yaml
    if any(exp["outcome"] in LOADED for exp in expected.values()):
        assert run.failure is None
    else:  # a day without any loaded file fails its run, naming every file and its reason
        assert run.failure is not None
        rejected = {name: exp for name, exp in expected.items() if exp["outcome"] == "rejected"}
        assert rejected or "no export files" in run.failure
        for name, exp in rejected.items():
            assert f"{name}: {exp['reason']}" in run.failure


def _reasons(row: pd.Series) -> set[str]:
    codes = set(str(row["reason_codes"]).split())
    for reason, implied in IMPLIED.items():
        if reason in codes:
            codes -= implied
    return codes


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_rows_are_validated_or_quarantined_as_declared(case: dict[str, Any], corpus: dict[str, CaseRun]) -> None:
    run = corpus[case["name"]]
    for name, exp in case_files(case).items():
        if exp["outcome"] not in LOADED:
            continue
        validated = int((run.validated["name"] == name).sum())
        quarantined = int((run.quarantine["name"] == name).sum())
        assert exp["records"] == validated + quarantined, f"{name}: rows_in != validated + quarantined"
        if exp["outcome"] == "quarantined":
            assert validated == 0
    assert len(run.validated) == case.get("validated", 0)
    expected = {
        (q.get("file", case["name"]), q["line"]): (set(q["reasons"]), q.get("kind", "invalid"))
        for q in case.get("quarantined", [])
    }
    actual = {(r["name"], r["source_line"]): (_reasons(r), r["kind"]) for _, r in run.quarantine.iterrows()}
    assert actual == expected
    # Every unreadable record is also reported by ingest, at its line.
    unreadable = {key for key, (reasons, _) in expected.items() if "unreadable_record" in reasons}
    records = run.errors[run.errors["level"] == "record"]
    assert set(zip(records["name"], records["line"], strict=True)) == unreadable


def _raw_cell(run: CaseRun, check: dict[str, Any], default_file: str) -> Any:
    rows = run.raw[(run.raw["name"] == check.get("file", default_file)) & (run.raw["source_line"] == check["line"])]
    return _one(rows, f"raw record at line {check['line']}")[check["column"]]


@pytest.mark.parametrize("case", [c for c in CASES if "raw" in c], ids=[c["name"] for c in CASES if "raw" in c])
def test_raw_values(case: dict[str, Any], corpus: dict[str, CaseRun]) -> None:
    run = corpus[case["name"]]
    for check in case["raw"]:
        value = _raw_cell(run, check, case["name"])
        if "equals" in check:
            assert value == check["equals"], check
        if "length" in check:
            assert len(value) == check["length"], check
        if "keys" in check:
            assert list(json.loads(value)) == check["keys"], check


def _same(value: Any, expected: Any) -> bool:
    if isinstance(value, pd.Timestamp):
        return value == pd.Timestamp(expected)
    if isinstance(expected, bool):
        return bool(value) is expected
    return value == expected


@pytest.mark.parametrize(
    "case", [c for c in CASES if "validated_values" in c], ids=[c["name"] for c in CASES if "validated_values" in c]
)
def test_validated_values(case: dict[str, Any], corpus: dict[str, CaseRun]) -> None:
    run = corpus[case["name"]]
    for check in case["validated_values"]:
        row = _one(run.validated[run.validated["submission_id"] == check["id"]], f"validated row {check['id']}")
        value = row["name"] if check["column"] == "source_file" else row[check["column"]]
        if check.get("is_null"):
            assert pd.isna(value), check
        else:
            assert not pd.isna(value) and _same(value, check["equals"]), (check, value)


@pytest.mark.parametrize(
    "case", [c for c in CASES if "formulas" in c], ids=[c["name"] for c in CASES if "formulas" in c]
)
def test_formula_cells_are_stored_as_text_never_evaluated(case: dict[str, Any], corpus: dict[str, CaseRun]) -> None:
    run = corpus[case["name"]]
    for cell in case["formulas"]:
        assert _raw_cell(run, cell, case["name"]) == cell["text"]  # verbatim: not evaluated, not stripped
        line = cell["line"]
        validated = run.validated[run.validated["source_line"] == line]
        if len(validated):  # a text cell reaches the validated table unchanged too
            assert validated[cell["column"]].iat[0] == cell["text"]
        else:  # a formula in a score is an unparseable value, shown as written (not as 10)
            row = _one(run.quarantine[run.quarantine["source_line"] == line], f"quarantined line {line}")
            unparsed = f"{cell['column']}__unparsed"
            assert [r["observed"] for r in json.loads(row["reasons"]) if r["column"] == unparsed] == [cell["text"]]


def test_crlf_and_lf_exports_give_the_same_records(corpus: dict[str, CaseRun]) -> None:
    columns = [*CANONICAL_COLUMNS, "source_line", "record_issue", "extra_columns"]
    crlf, lf = corpus["crlf.csv"].raw[columns], corpus["lf.csv"].raw[columns]
    pd.testing.assert_frame_equal(crlf, lf)


def test_a_partition_validated_alone_gives_the_same_outcome(
    corpus: dict[str, CaseRun], reference: ReferenceData
) -> None:
    run = corpus["reexport_correction"]
    alone = validate_interviews(run.raw.drop(columns="name"), reference, now=NOW, partition_date=run.day)

    def outcome(validated: pd.DataFrame, quarantine: pd.DataFrame) -> tuple[list, list]:
        kept = sorted(zip(validated["source_file"], validated["source_line"], validated["nps"], strict=True))
        columns = ["source_file", "source_line", "kind", "reason_codes"]
        return kept, sorted(map(tuple, quarantine[columns].astype(str).to_numpy().tolist()))

    assert outcome(alone.validated, alone.quarantine) == outcome(run.validated, run.quarantine)
