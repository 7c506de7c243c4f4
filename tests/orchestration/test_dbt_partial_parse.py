"""A run whose dbt profile differs from the saved parse's leaves its own parse for the next run (keep_partial_parse).

dagster-dbt starts each run from dbt_project/target's saved parse; these tests do the same with real dbt.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import orchestration.dbt_project as dbt_project
from orchestration.dbt_project import DBT_PROJECT_DIR, PARTIAL_PARSE, dbt_executable, keep_partial_parse

FULL_PARSE = "Unable to do partial parsing"


@pytest.fixture
def saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The saved parse's location, in a stand-in project folder (the real one is left alone)."""
    monkeypatch.setattr(dbt_project, "DBT_PROJECT_DIR", tmp_path / "project")
    monkeypatch.delenv("DBT_TARGET_PATH", raising=False)
    (tmp_path / "project" / "target").mkdir(parents=True)
    return tmp_path / "project" / "target" / PARTIAL_PARSE


def _run(target: Path, saved: Path, warehouse: Path) -> str:
    """`dbt parse` as a run does it: from a copy of the saved parse, into the run's own target folder."""
    target.mkdir()
    if saved.is_file():
        shutil.copy(saved, target / PARTIAL_PARSE)
    env = {**os.environ, "FIELDVOICE_DUCKDB_PATH": str(warehouse), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    folders = ["--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]
    command = [dbt_executable(), "parse", *folders, "--target-path", str(target), "--log-path", str(target)]
    result = subprocess.run(command, cwd=DBT_PROJECT_DIR, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    return (target / "dbt.log").read_text()


@pytest.mark.slow
def test_the_first_run_with_a_new_profile_parses_everything_the_next_ones_do_not(tmp_path: Path, saved: Path) -> None:
    _run(tmp_path / "manifest", saved, tmp_path / "a.duckdb")  # as `make manifest` leaves it
    assert keep_partial_parse(tmp_path / "manifest") and saved.is_file()

    first = _run(tmp_path / "run-1", saved, tmp_path / "b.duckdb")  # another warehouse path: another profile
    assert "profile has changed" in first
    assert keep_partial_parse(tmp_path / "run-1")
    assert FULL_PARSE not in _run(tmp_path / "run-2", saved, tmp_path / "b.duckdb")


def test_the_saved_parse_is_replaced_only_by_a_different_one(tmp_path: Path, saved: Path) -> None:
    run = tmp_path / "run"
    run.mkdir()
    assert not keep_partial_parse(run)  # the run wrote no parse: nothing to keep
    (run / PARTIAL_PARSE).write_bytes(b"parse of run 1")
    assert keep_partial_parse(run) and saved.read_bytes() == b"parse of run 1"
    assert not keep_partial_parse(run)  # the same bytes: left as is
    (run / PARTIAL_PARSE).write_bytes(b"parse of run 2")
    assert keep_partial_parse(run) and saved.read_bytes() == b"parse of run 2"
    assert [p.name for p in saved.parent.iterdir()] == [PARTIAL_PARSE]  # no staging file left behind


def test_a_read_only_project_folder_does_not_fail_the_run(tmp_path: Path, saved: Path) -> None:
    run = tmp_path / "run"
    run.mkdir()
    (run / PARTIAL_PARSE).write_bytes(b"parse of the run")
    saved.parent.chmod(0o500)
    try:
        if os.access(saved.parent, os.W_OK):  # root ignores permissions: make the target a file instead
            saved.parent.chmod(0o700)
            shutil.rmtree(saved.parent)
            saved.parent.write_text("not a folder")
        assert not keep_partial_parse(run)
    finally:
        if saved.parent.is_dir():
            saved.parent.chmod(0o700)
