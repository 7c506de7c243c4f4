"""dbt end to end on a small hand-made warehouse.

Two landing days are built in turn, as Dagster does (`dbt build --vars {min_date, max_date}`), then the
second day is replaced without one of its versions and rebuilt, then fct_interviews is fully refreshed. The
marts are checked against values computed by hand: NPS and its confidence interval, coverage, the callbacks'
PII rule, the latest re-export winning, incremental == full refresh.

The day-1 interviews (all of 2026-03-01):
    s1  SN Dakar  EMP-000001  CUS-SN-000001  nps 10  consent
    s2  SN Dakar  EMP-000001  walk-in        nps  9  consent
    s3  SN Thies  EMP-000002  CUS-SN-000002  nps  3  consent, callback requested   (re-exported on day 2)
    s4  TN Tunis  EMP-000003  CUS-TN-000001  nps  7  no consent
    s5  SN Dakar  EMP-000002  walk-in        nps  5  no consent, callback requested
Day 2 (2026-03-02): re-exports of s3 (submitted later, nps corrected to 8) and of s1 (consent withdrawn, pain
points cleared: its text and pain-point rows must disappear), and
    s6  TN Tunis  EMP-000003  CUS-TN-000002  nps  0  consent
    s7  TN Tunis  EMP-999999  walk-in        nps 10  consent (interviewer missing from the roster)
Plan: roster of 4, 5 targets, 4 reference localities (TN Sfax never visited), 17 countries.
"""

import importlib.util
import json
import os
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from orchestration.dbt_project import dbt_executable

ROOT = Path(__file__).resolve().parents[2]
DBT_PROJECT = ROOT / "dbt_project"
DBT = Path(dbt_executable())

D = Decimal

COLUMNS_DEFAULTS = {
    "collaborator_id": "EMP-000001",
    "customer_segment": "prepaid",
    "products": "mobile_voice mobile_data",
    "journey_stage": "use_network",
    "csat": 4,
    "ces": 2,
    "rating_network": 4,
    "language_recorded": "fr",
    "callback_requested": False,
    "app_version": "2.4.1",
    "device_id": "dev-1",
    "source_line": 1,
    "file_sha256": "0" * 64,
}


def _synth_module():
    # dbt_project/ is not a Python package: load the DDL's single definition by path.
    path = DBT_PROJECT / "scripts" / "synth_validated.py"
    spec = importlib.util.spec_from_file_location("synth_validated", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def interview(submission_id: str, day: str, **values) -> dict:
    consent = values.pop("consent", True)
    row = {
        **COLUMNS_DEFAULTS,
        "submission_id": submission_id,
        "submitted_at": f"{day} 18:00:00+00",
        "interview_start": f"{day} 10:00:00+00",
        "interview_end": f"{day} 10:20:00+00",
        "partition_date": day,
        "source_file": f"{day}/export.csv",
        "ingested_at": f"{day} 23:00:00+00",
        "consent": consent,
        "customer_name": f"Customer {submission_id}" if consent else None,
        "customer_msisdn": "+221770000000" if consent else None,
        "verbatim": f"Verbatim of {submission_id} [PHONE]" if consent else None,
        "language_detected": "fr" if consent else None,
    }
    row.update(values)
    return row


DAY1, DAY2, DAY3 = "2026-03-01", "2026-03-02", "2026-03-03"
INCREMENTAL_TABLES = (
    "marts.fct_interviews",
    "intermediate.int_interview_scores_unpivoted",
    "intermediate.int_pain_points_exploded",
    "intermediate.int_verbatims",
    "marts.fct_verbatims",
    "marts.fct_callbacks",
)
S3_DAY1 = interview(
    "s3",
    DAY1,
    country_code="SN",
    locality="Thies",
    collaborator_id="EMP-000002",
    customer_ref="CUS-SN-000002",
    nps=3,
    callback_requested=True,
    pain_points="slow_data  call_drops",
    journey_stage="billing",
)
DAY1_ROWS = [
    interview(
        "s1", DAY1, country_code="SN", locality="Dakar", customer_ref="CUS-SN-000001", nps=10, pain_points="slow_data"
    ),
    interview("s2", DAY1, country_code="SN", locality="Dakar", customer_ref=None, nps=9),
    S3_DAY1,
    interview(
        "s4",
        DAY1,
        country_code="TN",
        locality="Tunis",
        collaborator_id="EMP-000003",
        customer_ref="CUS-TN-000001",
        nps=7,
        consent=False,
    ),
    interview(
        "s5",
        DAY1,
        country_code="SN",
        locality="Dakar",
        collaborator_id="EMP-000002",
        customer_ref=None,
        nps=5,
        consent=False,
        callback_requested=True,
    ),
]
# The re-export keeps the interview (same start) but was submitted later, with a corrected score.
S3_DAY2 = {
    **S3_DAY1,
    "submitted_at": f"{DAY2} 09:00:00+00",
    "nps": 8,
    "partition_date": DAY2,
    "source_file": f"{DAY2}/export.csv",
    "ingested_at": f"{DAY2} 23:00:00+00",
}
S1_DAY2 = {
    **DAY1_ROWS[0],
    "submitted_at": f"{DAY2} 09:30:00+00",
    "partition_date": DAY2,
    "ingested_at": f"{DAY2} 23:00:00+00",
    "consent": False,
    "customer_name": None,
    "customer_msisdn": None,
    "verbatim": None,
    "pain_points": None,
}
DAY2_ROWS = [
    S3_DAY2,
    S1_DAY2,
    interview(
        "s6",
        DAY2,
        country_code="TN",
        locality="Tunis",
        collaborator_id="EMP-000003",
        customer_ref="CUS-TN-000002",
        nps=0,
    ),
    interview("s7", DAY2, country_code="TN", locality="Tunis", collaborator_id="EMP-999999", customer_ref=None, nps=10),
]


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    columns = list(dict.fromkeys(column for row in rows for column in row))
    placeholders = ", ".join("?" for _ in columns)
    con.executemany(
        f"insert into {table} ({', '.join(columns)}) values ({placeholders})",
        [[row.get(c) for c in columns] for row in rows],
    )


class Warehouse:
    def __init__(self, tmp: Path):
        self.path = tmp / "warehouse.duckdb"
        self.target = tmp / "target"
        self.logs = tmp / "logs"

    def sql(self, query: str) -> list[tuple]:
        with duckdb.connect(str(self.path)) as con:
            return con.execute(query).fetchall()

    def write(self, statements: str = "", **tables: list[dict]) -> None:
        with duckdb.connect(str(self.path)) as con:
            if statements:
                con.execute(statements)
            for table, rows in tables.items():
                insert(con, f"validated.{table}", rows)

    def dbt(self, *args: str, window: tuple[str, str] | None = None) -> str:
        command = [
            str(DBT),
            *args,
            "--project-dir",
            str(DBT_PROJECT),
            "--profiles-dir",
            str(DBT_PROJECT),
            "--target-path",
            str(self.target),
            "--log-path",
            str(self.logs),
        ]
        if window:
            command += ["--vars", json.dumps({"min_date": window[0], "max_date": window[1]})]
        env = {**os.environ, "FIELDVOICE_DUCKDB_PATH": str(self.path), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
        result = subprocess.run(command, cwd=DBT_PROJECT, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}"
        return result.stdout

    def rows(self, relation: str, columns: str, order_by: str) -> list[tuple]:
        return self.sql(f"select {columns} from {relation} order by {order_by}")


slow = pytest.mark.slow


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> dict:
    """Builds the three steps and snapshots the marts after each (the dbt runs dominate the module's time)."""
    wh = Warehouse(tmp_path_factory.mktemp("dbt"))
    with duckdb.connect(str(wh.path)) as con:
        _synth_module().create_validated_schema(con)
    wh.write(
        localities=[
            {"locality": "Dakar", "country_code": "SN", "locality_type": "urban", "latitude": 14.7, "longitude": -17.4},
            {
                "locality": "Thies",
                "country_code": "SN",
                "locality_type": "peri_urban",
                "latitude": 14.8,
                "longitude": -16.9,
            },
            {"locality": "Tunis", "country_code": "TN", "locality_type": "urban", "latitude": 36.8, "longitude": 10.2},
            {"locality": "Sfax", "country_code": "TN", "locality_type": "urban", "latitude": 34.7, "longitude": 10.8},
        ],
        collaborators=[
            {"collaborator_id": f"EMP-00000{i}", "function": "sales", "country_code": cc, "home_locality": loc}
            for i, cc, loc in ((1, "SN", "Dakar"), (2, "SN", "Thies"), (3, "TN", "Tunis"), (4, "TN", "Sfax"))
        ],
        targets=[
            {"customer_ref": ref, "country_code": ref[4:6], "locality": "x", "segment": "prepaid", "priority": "high"}
            for ref in ("CUS-SN-000001", "CUS-SN-000002", "CUS-TN-000001", "CUS-TN-000002", "CUS-TN-000003")
        ],
        interviews=DAY1_ROWS,
    )
    snapshots = {}

    def snapshot(step: str) -> None:
        snapshots[step] = {
            "interviews": wh.rows(
                "marts.fct_interviews", "submission_id, nps, partition_date, version_count", "submission_id"
            ),
            "country": wh.rows(
                "marts.agg_scores_by_country",
                "country_code, n_interviews, n_promoters, n_passives, n_detractors, nps, nps_ci_low, nps_ci_high",
                "country_code",
            ),
            "callbacks": wh.rows(
                "marts.fct_callbacks",
                "submission_id, reason, priority, customer_name, customer_msisdn, verbatim",
                "submission_id",
            ),
        }

    # day 1 without the data tests, which the day-2 build runs: this module's time is mostly dbt's
    wh.dbt("build", "--exclude", "test_type:data", window=(DAY1, DAY2))
    snapshot("day1")

    wh.write(interviews=DAY2_ROWS)
    wh.dbt("build", window=(DAY2, DAY3))
    snapshot("day2")
    snapshots["day2"]["coverage"] = wh.rows("marts.fct_programme_coverage", "*", "coverage_date")
    snapshots["day2"]["pain_points"] = wh.rows(
        "marts.agg_pain_points",
        "pain_point, journey_stage, country_code, n_citing, n_interviews",
        "pain_point, journey_stage",
    )
    snapshots["day2"]["verbatims"] = wh.rows("marts.fct_verbatims", "verbatim_id, text", "verbatim_id")
    snapshots["day2"]["dims"] = (
        wh.rows("marts.dim_collaborator", "is_in_roster, n_interviews", "is_in_roster, n_interviews"),
        wh.rows("marts.dim_locality", "locality, is_in_reference, n_interviews", "locality"),
    )

    # Day 2 is re-ingested without s3's re-export (the validation stage replaces a partition atomically):
    # the day-1 version must win again, in the fact and in every per-interview table.
    wh.write(f"delete from validated.interviews where partition_date = '{DAY2}' and submission_id = 's3'")
    wh.dbt("run", "--select", "fct_interviews+", window=(DAY2, DAY3))
    snapshots["withdrawn"] = {table: wh.rows(table, "*", "all") for table in INCREMENTAL_TABLES}

    # the same vars as the previous run keep dbt's partial parse (vars changes force a full parse)
    wh.dbt("run", "--select", "fct_interviews+", "--full-refresh", window=(DAY2, DAY3))
    snapshots["full_refresh"] = {table: wh.rows(table, "*", "all") for table in INCREMENTAL_TABLES}
    snapshots["warehouse"] = wh
    return snapshots


@slow
def test_latest_reexport_wins_across_partitions(warehouse):
    assert warehouse["day1"]["interviews"][2] == ("s3", 3, _date(DAY1), 1)
    after = dict((row[0], row[1:]) for row in warehouse["day2"]["interviews"])
    assert len(after) == 7
    assert after["s3"] == (8, _date(DAY2), 2)
    assert after["s1"] == (10, _date(DAY2), 2)


@slow
def test_nps_and_confidence_interval_by_country(warehouse):
    # Day 1, SN: 10, 9, 3, 5 -> 2 promoters, 2 detractors, NPS 0; var = (0.5 + 0.5 - 0) / 4 = 0.25,
    # CI = 0 +/- 1.96 * 0.5 * 100 = +/- 98. TN: one passive -> NPS 0 with zero variance.
    assert warehouse["day1"]["country"] == [
        ("SN", 4, 2, 0, 2, D("0.00"), D("-98.00"), D("98.00")),
        ("TN", 1, 0, 1, 0, D("0.00"), D("0.00"), D("0.00")),
    ]
    # Day 2, SN: 10, 9, 8 (s3 corrected), 5 -> NPS 25; var = (0.5 + 0.25 - 0.25^2) / 4 = 0.171875,
    # 1.96 * sqrt(var) * 100 = 81.26 -> [-56.26, 106.26 clamped to 100].
    # TN: 7, 0, 10 -> NPS 0; var = (1/3 + 1/3) / 3 = 0.2222, 1.96 * 0.4714 * 100 = 92.40.
    assert warehouse["day2"]["country"] == [
        ("SN", 4, 2, 1, 1, D("25.00"), D("-56.26"), D("100.00")),
        ("TN", 3, 1, 1, 1, D("0.00"), D("-92.40"), D("92.40")),
    ]


@slow
def test_programme_coverage_daily_and_cumulative(warehouse):
    # coverage_date, interviews (day, cumulative), collaborators (day, cum, roster, share),
    # targets (day, cum, planned, share), localities (day, cum, total, share), countries (day, cum, total, share)
    assert warehouse["day2"]["coverage"] == [
        (_date(DAY1), 5, 5, 3, 3, 4, D("0.7500"), 3, 3, 5, D("0.6000"), 3, 3, 4, D("0.7500"), 2, 2, 17, D("0.1176")),
        # s7's interviewer is not in the roster: not counted as an active collaborator
        (_date(DAY2), 2, 7, 1, 3, 4, D("0.7500"), 1, 4, 5, D("0.8000"), 1, 3, 4, D("0.7500"), 1, 2, 17, D("0.1176")),
    ]


@slow
def test_callbacks_carry_pii_only_with_consent(warehouse):
    phone = "+221770000000"
    assert warehouse["day1"]["callbacks"] == [
        ("s3", "callback_request_detractor", "high", "Customer s3", phone, "Verbatim of s3 [PHONE]"),
        # a callback request without consent is kept for care, without contact details or text
        ("s5", "callback_request_detractor", "high", None, None, None),
    ]
    assert warehouse["day2"]["callbacks"] == [
        ("s3", "callback_request", "medium", "Customer s3", phone, "Verbatim of s3 [PHONE]"),  # no longer a detractor
        ("s5", "callback_request_detractor", "high", None, None, None),
        ("s6", "detractor", "medium", "Customer s6", phone, "Verbatim of s6 [PHONE]"),  # nps 0: medium
    ]


@slow
def test_pain_points_verbatims_and_dimensions(warehouse):
    # s1's re-export cleared its pain points: its slow_data row is gone
    assert warehouse["day2"]["pain_points"] == [
        ("call_drops", "billing", "SN", 1, 1),
        ("slow_data", "billing", "SN", 1, 1),
    ]
    # consenting interviews only (s1 withdrew consent in its re-export); no suggestion was given
    assert [row[0] for row in warehouse["day2"]["verbatims"]] == [
        "s2:verbatim",
        "s3:verbatim",
        "s6:verbatim",
        "s7:verbatim",
    ]
    collaborators, localities = warehouse["day2"]["dims"]
    assert collaborators == [(False, 1), (True, 0), (True, 2), (True, 2), (True, 2)]
    assert localities == [("Dakar", True, 3), ("Sfax", True, 0), ("Thies", True, 1), ("Tunis", True, 3)]


@slow
def test_withdrawn_version_and_full_refresh_agree(warehouse):
    s3 = next(row for row in warehouse["withdrawn"]["marts.fct_interviews"] if row[0] == "s3")
    wh = warehouse["warehouse"]
    columns = [
        c
        for (c,) in wh.sql(
            "select column_name from information_schema.columns "
            "where table_schema = 'marts' and table_name = 'fct_interviews' order by ordinal_position"
        )
    ]
    row = dict(zip(columns, s3, strict=True))
    assert (row["nps"], row["partition_date"], row["version_count"]) == (3, _date(DAY1), 1)
    callbacks = warehouse["withdrawn"]["marts.fct_callbacks"]
    assert [(row[0], row[5]) for row in callbacks] == [
        ("s3", "callback_request_detractor"),
        ("s5", "callback_request_detractor"),
        ("s6", "detractor"),
    ]
    for table in INCREMENTAL_TABLES:
        assert warehouse["withdrawn"][table] == warehouse["full_refresh"][table], table


@slow
def test_dbt_unit_tests_pass(warehouse):
    # Unit tests read column types from the built relations, hence after the builds above.
    output = warehouse["warehouse"].dbt("test", "--select", "test_type:unit", window=(DAY2, DAY3))
    passed = re.search(r"PASS=(\d+)", output)
    assert passed and int(passed.group(1)) >= 10 and "ERROR=0" in output


@slow
@pytest.mark.parametrize(
    "model",
    [
        "intermediate/int_interview_scores_unpivoted",
        "intermediate/int_pain_points_exploded",
        "intermediate/int_verbatims",
        "marts/fct_callbacks",
    ],
)
def test_per_interview_tables_join_fct_interviews_on_version_key(warehouse, model):
    # One equality on the version's key: PostgreSQL's estimate for the five-column natural key led it into a
    # nested loop. The fixture's last run compiled every model downstream of fct_interviews.
    compiled = (warehouse["warehouse"].target / "compiled" / "fieldvoice" / "models" / f"{model}.sql").read_text()
    compiled = " ".join(compiled.split())
    assert "on versions.version_key = current_versions.version_key" in compiled
    assert "current_versions.source_line" not in compiled


def test_countries_seed_matches_the_contract():
    from fieldvoice.contract import COUNTRIES

    lines = (DBT_PROJECT / "seeds" / "countries.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [line.split(",", 1)[0] for line in lines] == list(COUNTRIES)


def _date(iso: str):
    from datetime import date

    return date.fromisoformat(iso)


@slow
def test_dbt_duckdb_takes_the_pipelines_memory_cap(warehouse, monkeypatch: pytest.MonkeyPatch):
    """profiles.yml passes FIELDVOICE_DUCKDB_MEMORY_LIMIT to dbt's DuckDB (a large build otherwise takes 80 % of
    the RAM beside the run process); empty keeps DuckDB's default."""
    query = "select current_setting('memory_limit') as limit_now"
    monkeypatch.setenv("FIELDVOICE_DUCKDB_MEMORY_LIMIT", "300MB")
    assert "286.1 MiB" in warehouse["warehouse"].dbt("show", "--inline", query)
    monkeypatch.delenv("FIELDVOICE_DUCKDB_MEMORY_LIMIT")
    assert "953.6 MiB" in warehouse["warehouse"].dbt("show", "--inline", query)
