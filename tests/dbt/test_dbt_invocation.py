"""The arguments Dagster gives dbt: pure helpers of orchestration/dbt_project.py (importing it parses nothing)."""

import os
from pathlib import Path

import dagster as dg

from orchestration.dbt_project import dbt_build_args, dbt_env, dbt_environment, dbt_executable, dbt_project

DAILY = dg.DailyPartitionsDefinition(start_date="2026-01-01")


def test_partition_window_is_half_open_like_dagsters():
    # Regression guard: an inclusive max_date would make a daily run also re-derive the next day's arrivals.
    window = DAILY.time_window_for_partition_key("2026-03-01")
    assert dbt_env(window.start, window.end, Path("/w/fv.duckdb")) == {
        "FIELDVOICE_DBT_MIN_DATE": "2026-03-01",
        "FIELDVOICE_DBT_MAX_DATE": "2026-03-02",
        "FIELDVOICE_DUCKDB_PATH": "/w/fv.duckdb",
    }


def test_a_backfill_is_one_window():
    windows = [DAILY.time_window_for_partition_key(k) for k in ("2026-03-01", "2026-03-02", "2026-03-03")]
    env = dbt_env(windows[0].start, windows[-1].end, Path("/w/fv.duckdb"))
    assert (env["FIELDVOICE_DBT_MIN_DATE"], env["FIELDVOICE_DBT_MAX_DATE"]) == ("2026-03-01", "2026-03-04")


def test_the_window_reaches_dbt_through_the_environment_not_vars(monkeypatch):
    # --vars would make dbt re-parse the whole project on every partition (its partial parse keys on them)
    assert "--vars" not in dbt_build_args() and dbt_build_args("postgres")[-2:] == ["--target", "postgres"]
    monkeypatch.setenv("FIELDVOICE_DUCKDB_PATH", "/before.duckdb")
    monkeypatch.delenv("FIELDVOICE_DBT_MIN_DATE", raising=False)
    with dbt_environment({"FIELDVOICE_DBT_MIN_DATE": "2026-03-01", "FIELDVOICE_DUCKDB_PATH": "/w.duckdb"}):
        assert (
            os.environ["FIELDVOICE_DBT_MIN_DATE"] == "2026-03-01"
            and os.environ["FIELDVOICE_DUCKDB_PATH"] == "/w.duckdb"
        )
    assert "FIELDVOICE_DBT_MIN_DATE" not in os.environ and os.environ["FIELDVOICE_DUCKDB_PATH"] == "/before.duckdb"


def test_dbt_runs_from_the_venv_and_the_project_is_found():
    assert Path(dbt_executable()).is_file()
    assert (Path(dbt_project.project_dir) / "dbt_project.yml").is_file()
