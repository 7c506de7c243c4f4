"""One day's QA as the pipeline runs it: decisions from any review file apply to that day's interviews only,
bad review files are reported without blocking the others, XLSX round trips, the sensor finds the days."""

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from fieldvoice.fieldqa import QaConfig, collect_decisions, review_files_in, write_review_files
from fieldvoice.fieldqa.day import REVIEW_AUDIT_SCHEMA, assess_day, scorecards, week_start
from fieldvoice.fieldqa.review import read_review_file, review_days
from tests.fieldqa.conftest import DAY, LOCALITIES

Make = Callable[..., pd.DataFrame]
T0 = pd.Timestamp(f"{DAY}T10:00:00Z")


@pytest.fixture
def day_frame(interviews: Make) -> pd.DataFrame:
    """Two 2-minute interviews (excluded by policy) among five honest ones."""
    return interviews(7, interview_end=[T0 + pd.Timedelta(minutes=m) for m in (2, 3, 15, 15, 15, 15, 15)])


def _decisions(tmp_path: Path, text: str, name: str = "review_SN.csv") -> pd.DataFrame:
    (tmp_path / name).write_text(text, encoding="utf-8")
    decisions, errors = collect_decisions(review_files_in(tmp_path))
    assert errors == []
    return decisions


def test_policy_then_decisions_for_this_day_only(day_frame: pd.DataFrame, config: QaConfig, tmp_path: Path) -> None:
    ids = day_frame["submission_id"].tolist()
    decisions = _decisions(
        tmp_path,
        "submission_id,decision,reviewer\n"
        f"{ids[0]},accept,Awa\n"  # excluded by policy -> accepted
        f"{ids[4]},reject,Awa\n"  # honest by policy -> rejected
        "another-day-interview,reject,Awa\n",
    )
    qa = assess_day(day_frame, LOCALITIES, config, partition_date=DAY, decisions=decisions)
    status = qa.quality.set_index("submission_id")["status"]
    assert status[ids[0]] == "ok" and status[ids[1]] == "excluded" and status[ids[4]] == "excluded"
    assert len(qa.quality) == 7 and set(qa.flags["submission_id"]) == {ids[0], ids[1]}
    assert list(qa.audit.columns) == list(REVIEW_AUDIT_SCHEMA)
    assert sorted(qa.audit["submission_id"]) == sorted([ids[0], ids[4]]), "other days' decisions are not ours"
    assert (qa.audit["partition_date"] == DAY).all()


def test_same_inputs_same_outputs(day_frame: pd.DataFrame, config: QaConfig) -> None:
    first = assess_day(day_frame, LOCALITIES, config, partition_date=DAY)
    second = assess_day(day_frame, LOCALITIES, config, partition_date=DAY)
    pd.testing.assert_frame_equal(first.quality, second.quality)
    pd.testing.assert_frame_equal(first.flags, second.flags)
    assert first.audit.empty


def test_a_bad_review_file_does_not_block_the_others(tmp_path: Path) -> None:
    (tmp_path / "review_SN.csv").write_text("submission_id,decision,reviewer\nx,maybe,Awa\n", encoding="utf-8")
    (tmp_path / "review_TN.csv").write_text("submission_id,decision,reviewer\ny,reject,Sami\n", encoding="utf-8")
    (tmp_path / "~$review_TN.csv").write_text("lock", encoding="utf-8")
    decisions, errors = collect_decisions(review_files_in(tmp_path))
    assert decisions["submission_id"].tolist() == ["y"]
    assert len(errors) == 1 and "review_SN.csv:2" in errors[0] and "'maybe'" in errors[0]


def test_xlsx_review_file_round_trip(day_frame: pd.DataFrame, config: QaConfig, tmp_path: Path) -> None:
    qa = assess_day(day_frame, LOCALITIES, config, partition_date=DAY)
    csv_path = write_review_files(qa.flags, tmp_path / "out", quality=qa.quality)[0]
    rows = pd.read_csv(csv_path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    rows.loc[0, ["decision", "reviewer"]] = ["accept", "Awa Ndiaye"]
    book = Workbook()
    sheet = book.active
    sheet.append(list(rows.columns))
    for record in rows.itertuples(index=False):
        sheet.append(list(record))
    path = tmp_path / "review_SN.xlsx"
    book.save(path)
    decisions = read_review_file(path)
    assert decisions[["submission_id", "decision", "reviewer"]].values.tolist() == [
        [rows.loc[0, "submission_id"], "accept", "Awa Ndiaye"]
    ]
    assert decisions["source_line"].tolist() == [2]
    assert review_days(path) == {DAY.isoformat()}


def test_review_days_from_column_else_file_name(tmp_path: Path) -> None:
    decided = tmp_path / "review_SN_2026-03-02.csv"
    decided.write_text(
        "submission_id,partition_date,decision,reviewer\na,2026-03-01,reject,Awa\nb,2026-03-04,,\n", encoding="utf-8"
    )
    assert review_days(decided) == {"2026-03-01"}, "only decided rows name a day"
    no_column = tmp_path / "review_TN_2026-03-02_2026-03-04.csv"
    no_column.write_text("submission_id,decision,reviewer\na,reject,Sami\n", encoding="utf-8")
    assert review_days(no_column) == {"2026-03-02", "2026-03-03", "2026-03-04"}
    junk = tmp_path / "notes.xlsx"
    junk.write_bytes(b"not a zip")
    assert review_days(junk) == set()


def test_scorecards_for_the_day_and_the_week(interviews: Make, config: QaConfig) -> None:
    tuesday = DAY + timedelta(days=1)  # DAY is a Monday: the week so far is two days
    monday = interviews(3, collaborator_id="EMP-100001")
    today = interviews(4, collaborator_id="EMP-100001", partition_date=tuesday)
    today["submission_id"] = today["submission_id"].str.replace("-8000-", "-9000-")
    frame = pd.concat([monday, today], ignore_index=True)
    qa = assess_day(frame, LOCALITIES, config, partition_date=tuesday)
    cards, teams = scorecards(frame, qa.flags, config, tuesday)
    periods = dict(zip(cards["period"], cards["interviews"], strict=True))
    assert week_start(tuesday) == DAY
    assert periods == {tuesday.isoformat(): 4, "2026-W10": 7}
    assert set(teams["country_code"]) == {"SN"} and (cards["partition_date"] == tuesday).all()
