"""The review loop: per-country files safe to open in a spreadsheet, decisions read back with precise errors,
applied over the policy with an audit trail."""

import csv
import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from fieldvoice.fieldqa import (
    AUDIT_COLUMNS,
    REVIEW_COLUMNS,
    QaConfig,
    ReviewFileError,
    apply_reviews,
    build_quality,
    flag_interviews,
    read_review_file,
    read_review_files,
    write_review_files,
)
from tests.fieldqa.conftest import DAY, LOCALITIES

Make = Callable[..., pd.DataFrame]
T0 = pd.Timestamp(f"{DAY}T10:00:00Z")


@pytest.fixture
def flagged(interviews: Make, config: QaConfig) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Three short interviews (excluded by policy), in Senegal and Tunisia; one collaborator id is hostile."""
    frame = interviews(
        4,
        country_code=["SN", "SN", "TN", "SN"],
        locality=["Dakar", "Dakar", "Tunis", "Dakar"],
        latitude=[14.70, 14.70, 36.80, 14.70],
        longitude=[-17.45, -17.45, 10.18, -17.45],
        collaborator_id=['=HYPERLINK("http://x")', "EMP-100001", "EMP-100002", "EMP-100003"],
        interview_end=[T0 + pd.Timedelta(minutes=m) for m in (2, 3, 3, 20)],
    )
    flags = flag_interviews(frame, LOCALITIES, config)
    return frame, flags, build_quality(frame, flags, config)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _fill(path: Path, decisions: dict[str, tuple[str, str]], delimiter: str = ",", encoding: str = "utf-8-sig") -> None:
    """What a supervisor does: fill decision and reviewer, save (possibly from a French-locale Excel)."""
    rows = _rows(path)
    for row in rows:
        if row["submission_id"] in decisions:
            row["decision"], row["reviewer"] = decisions[row["submission_id"]]
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


def test_one_file_per_country_with_decision_columns(flagged: tuple, tmp_path: Path) -> None:
    frame, flags, quality = flagged
    paths = write_review_files(flags, tmp_path, interviews=frame, quality=quality)
    assert [p.name for p in paths] == [f"review_SN_{DAY}.csv", f"review_TN_{DAY}.csv"]
    rows = _rows(paths[0])
    assert list(rows[0]) == list(REVIEW_COLUMNS)
    assert len(rows) == 2 and {r["decision"] for r in rows} == {""}
    assert rows[0]["status"] == "excluded" and rows[0]["interview_start"] == f"{DAY} 10:00 +0000"
    assert "interview lasted 2.0 min" in " ".join(r["reasons"] for r in rows)


def test_formula_cells_are_neutralised(flagged: tuple, tmp_path: Path) -> None:
    _, flags, _ = flagged
    path = write_review_files(flags, tmp_path)[0]
    cells = [cell for row in csv.reader(path.open(encoding="utf-8-sig")) for cell in row]
    assert '\'=HYPERLINK("http://x")' in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_round_trip_overrides_the_policy_with_an_audit_trail(flagged: tuple, tmp_path: Path) -> None:
    _, flags, quality = flagged
    path = write_review_files(flags, tmp_path)[0]
    ids = [r["submission_id"] for r in _rows(path)]
    _fill(path, {ids[0]: ("accept", "Awa Ndiaye"), ids[1]: ("reject", "Awa Ndiaye")}, delimiter=";", encoding="cp1252")
    os.utime(path, (1_790_000_000, 1_790_000_000))
    decisions = read_review_file(path)
    assert decisions["decision"].tolist() == ["accept", "reject"]
    assert decisions["submission_id"].iloc[0] == ids[0].lstrip("'"), "the ' guard is removed when read back"
    updated, audit = apply_reviews(quality, decisions)
    by_id = updated.set_index("submission_id")
    assert by_id.loc[decisions["submission_id"].iloc[0], ["status", "weight", "decided_by"]].tolist() == [
        "ok", 1.0, "review",
    ]  # fmt: skip
    assert by_id.loc[ids[1], "status"] == "excluded" and by_id.loc[ids[1], "decided_by"] == "review"
    assert len(updated) == len(quality), "nothing is deleted"
    assert list(audit.columns) == list(AUDIT_COLUMNS)
    first = audit.iloc[0]
    assert (first["old_status"], first["new_status"], first["reviewer"]) == ("excluded", "ok", "Awa Ndiaye")
    assert first["decided_at"] == pd.Timestamp(1_790_000_000, unit="s", tz="UTC"), "when: the file's mtime"
    assert first["source_file"] == str(path) and first["source_line"] == 2
    assert audit.iloc[1]["note"] == "no change"  # rejecting an excluded interview confirms the policy


def test_later_decisions_win_and_unknown_ids_are_audited(flagged: tuple, tmp_path: Path) -> None:
    _, _, quality = flagged
    sid = quality["submission_id"].iloc[1]
    path = tmp_path / "review_SN.csv"
    path.write_text(
        "submission_id,decision,reviewer,decided_at\n"
        f"{sid},reject,Awa,2026-03-05T09:00:00Z\n"
        "no-such-interview,accept,Awa,2026-03-05T09:00:00Z\n",
        encoding="utf-8",
    )
    second = tmp_path / "review_SN_again.csv"
    second.write_text(f"submission_id,decision,reviewer,decided_at\n{sid},accept,Moussa,2026-03-06 08:00\n")
    updated, audit = apply_reviews(quality, read_review_files([second, path]))
    assert updated.set_index("submission_id").loc[sid, "status"] == "ok"
    assert audit["reviewer"].tolist() == ["Awa", "Awa", "Moussa"]
    assert audit["note"].iloc[1].startswith("unknown submission_id")


def test_bad_files_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "review_SN.csv"
    path.write_text(
        "submission_id,decision,reviewer,comment\n"
        'a-1,accept,Awa,"a comment\non two lines"\n'
        "a-2,maybe,Awa,\n"
        "a-3,reject,,\n"
        "a-4,,,\n"
        "a-1,reject,Awa,\n"
    )
    with pytest.raises(ReviewFileError) as error:
        read_review_file(path)
    lines = str(error.value).splitlines()
    assert lines == [
        f"{path}:4: decision 'maybe' is not one of accept, reject",
        f"{path}:5: a decision needs the reviewer's name",
        f"{path}:7: a-1 was already decided 'accept' on line 2",
    ]
    missing = tmp_path / "other.csv"
    missing.write_text("submission_id,verdict\n")
    with pytest.raises(ReviewFileError, match=r"other\.csv:1: missing column"):
        read_review_file(missing)
