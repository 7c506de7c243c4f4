"""`orchestration.demo` runs each job in its own process, keeps going past a failed day, and stays Dagster-free."""

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import orchestration.demo as demo
from fieldvoice.generator import generate
from tests.conftest import PROJECT_ROOT


def test_the_launcher_never_imports_dagster() -> None:
    """The parent lives for the whole backfill: its memory adds to every run's."""
    code = "import sys, orchestration.demo; print(sorted(m for m in sys.modules if m.split('.')[0] == 'dagster'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT)
    assert result.stdout.strip() == "[]"


def test_one_child_per_run_in_day_order_and_a_failed_day_does_not_stop_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for day in ("2026-11-03", "2026-11-02", "not-a-day"):
        (tmp_path / "landing" / day).mkdir(parents=True)
    monkeypatch.setenv("FIELDVOICE_LANDING_DIR", str(tmp_path / "landing"))
    monkeypatch.setenv("FIELDVOICE_OUTPUT_DIR", str(tmp_path / "outputs"))
    commands: list[list[str]] = []

    def child(command: list[str], **kwargs: object) -> subprocess.CompletedProcess:
        commands.append(command)
        failing = command[-1] == "2026-11-02"
        return subprocess.CompletedProcess(command, 1 if failing else 0)

    monkeypatch.setattr(demo.subprocess, "run", child)
    monkeypatch.setattr(demo, "summary", lambda settings: ["summary"])
    assert demo.main([]) == 1
    prefix = [sys.executable, "-m", "orchestration.demo", "--run"]
    assert commands == [
        [*prefix, "reference_job"],
        [*prefix, "daily_job", "--partition", "2026-11-02"],
        [*prefix, "daily_job", "--partition", "2026-11-03"],
    ]
    out = capsys.readouterr().out
    assert "day 2026-11-02: FAILED" in out and "day 2026-11-03: ok" in out and out.rstrip().endswith("summary")


def test_a_failed_reference_run_stops_before_the_days(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "landing" / "2026-11-02").mkdir(parents=True)
    monkeypatch.setenv("FIELDVOICE_LANDING_DIR", str(tmp_path / "landing"))
    monkeypatch.setenv("FIELDVOICE_OUTPUT_DIR", str(tmp_path / "outputs"))
    commands: list[list[str]] = []

    def child(command: list[str], **kwargs: object) -> subprocess.CompletedProcess:
        commands.append(command)
        return subprocess.CompletedProcess(command, 1)

    monkeypatch.setattr(demo.subprocess, "run", child)
    assert demo.main([]) == 1
    assert [c[4] for c in commands] == ["reference_job"]


def test_a_child_runs_the_job_in_its_own_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real child: the run is recorded on DAGSTER_HOME's instance, by a process other than this one."""
    import dagster as dg

    from orchestration.recovery import _run_pid

    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(PROJECT_ROOT / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    generate(tmp_path / "landing", start=date(2026, 11, 2), days=1, interviews_per_day=50, seed=3)
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv("FIELDVOICE_LANDING_DIR", str(tmp_path / "landing"))
    monkeypatch.setenv("FIELDVOICE_DUCKDB_PATH", str(tmp_path / "warehouse.duckdb"))
    monkeypatch.setenv("FIELDVOICE_OUTPUT_DIR", str(tmp_path / "outputs"))
    monkeypatch.setenv("PYTHONPATH", str(PROJECT_ROOT))
    assert demo.launch("reference_job", log=tmp_path / "reference.log")
    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs()
        assert [(r.job_name, r.status) for r in runs] == [("reference_job", dg.DagsterRunStatus.SUCCESS)]
        assert _run_pid(instance, runs[0].run_id) not in (None, os.getpid())
