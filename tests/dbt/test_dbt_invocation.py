"""The arguments Dagster gives dbt: pure helpers of orchestration/dbt_project.py (importing it parses nothing)."""

import json
from pathlib import Path

import dagster as dg

from orchestration.dbt_project import dbt_build_args, dbt_executable, dbt_project, dbt_vars

DAILY = dg.DailyPartitionsDefinition(start_date="2026-01-01")


def test_partition_window_is_half_open_like_dagsters():
    # Regression guard: an inclusive max_date would make a daily run also re-derive the next day's arrivals.
    window = DAILY.time_window_for_partition_key("2026-03-01")
    assert dbt_vars(window.start, window.end, Path("/w/fv.duckdb")) == {
        "min_date": "2026-03-01",
        "max_date": "2026-03-02",
        "duckdb_path": "/w/fv.duckdb",
    }


def test_a_backfill_is_one_window():
    windows = [DAILY.time_window_for_partition_key(k) for k in ("2026-03-01", "2026-03-02", "2026-03-03")]
    args = dbt_build_args(windows[0].start, windows[-1].end, Path("/w/fv.duckdb"))
    assert args[:2] == ["build", "--vars"]
    assert json.loads(args[2]) == {"min_date": "2026-03-01", "max_date": "2026-03-04", "duckdb_path": "/w/fv.duckdb"}


def test_dbt_runs_from_the_venv_and_the_project_is_found():
    assert Path(dbt_executable()).is_file()
    assert (Path(dbt_project.project_dir) / "dbt_project.yml").is_file()
