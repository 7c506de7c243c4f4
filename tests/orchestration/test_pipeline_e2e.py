"""The whole daily pipeline through Dagster on generated data, two partitions: ingest → validation → dbt →
insights → briefs, checked against figures computed by hand from the validated rows."""

import re
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.dbt_project import dbt_resource
from orchestration.definitions import defs
from orchestration.resources import FieldvoicePaths, LlmResource, WarehouseResource
from tests.orchestration.pipeline import materialise_days

DAYS = [date(2026, 11, 19), date(2026, 11, 20)]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from fieldvoice.generator import generate

    root = tmp_path_factory.mktemp("e2e")
    generate(root / "landing", start=DAYS[0], days=len(DAYS), interviews_per_day=600, seed=3, defect_rate=0.05)
    database = root / "wh.duckdb"
    warehouse = WarehouseResource(duckdb_path=str(database))
    # dbt's profile reads the same variable as the warehouse resource
    materialise_days(root / "landing", root / "out", warehouse, DAYS, {"FIELDVOICE_DUCKDB_PATH": str(database)})
    return root


def test_every_partition_accounts_for_every_row(pipeline: Path) -> None:
    with duckdb.connect(str(pipeline / "wh.duckdb"), read_only=True) as con:
        for day in DAYS:
            raw, valid, quarantined = (
                con.execute(f"SELECT count(*) FROM {t}.interviews WHERE partition_date = ?", [day]).fetchall()[0][0]
                for t in ("raw", "validated", "quarantine")
            )
            assert raw > 0 and raw == valid + quarantined


def test_marts_match_figures_computed_by_hand(pipeline: Path) -> None:
    """NPS by country from the validated rows: latest version of each submission, field-work QA applied by hand
    (weight 0 left out, the rest weighted), against the mart."""
    with duckdb.connect(str(pipeline / "wh.duckdb"), read_only=True) as con:
        latest = con.execute(
            "SELECT v.*, q.weight FROM validated.interviews v JOIN fieldqa.interview_quality q "
            "USING (submission_id, partition_date) QUALIFY row_number() OVER ("
            "PARTITION BY submission_id ORDER BY submitted_at DESC, ingested_at DESC) = 1"
        ).df()
        marts = {
            r[0]: (r[1], float(r[2]))
            for r in con.execute("SELECT country_code, n_interviews, nps FROM marts.agg_scores_by_country").fetchall()
        }
        assert con.execute("SELECT count(*) FROM marts.fct_interviews").fetchall()[0][0] == len(latest)
    assert (latest["weight"] == 0).any() and ((latest["weight"] > 0) & (latest["weight"] < 1)).any()
    counted = latest[latest["weight"] > 0]
    for country, group in counted.groupby("country_code"):
        w = group["weight"]
        promoters, detractors = w[group["nps"] >= 9].sum(), w[group["nps"] <= 6].sum()
        expected = round(100 * (promoters - detractors) / w.sum(), 2)
        assert marts[country] == (len(group), pytest.approx(expected, abs=0.01)), country


def test_field_quality_is_stated_in_the_marts(pipeline: Path) -> None:
    with duckdb.connect(str(pipeline / "wh.duckdb"), read_only=True) as con:
        by_status = dict(
            con.execute("SELECT qa_status, sum(n_interviews) FROM marts.agg_field_quality GROUP BY 1").fetchall()
        )
        in_fct = dict(con.execute("SELECT qa_status, count(*) FROM marts.fct_interviews GROUP BY 1").fetchall())
        excluded_text = con.execute(
            "SELECT count(*) FROM marts.fct_verbatims WHERE submission_id IN "
            "(SELECT submission_id FROM marts.fct_interviews WHERE qa_weight = 0)"
        ).fetchall()[0][0]
        flags = con.execute("SELECT count(*) FROM marts.agg_field_quality_flags").fetchall()[0][0]
    assert by_status == in_fct and by_status.get("excluded", 0) > 0
    assert excluded_text == 0 and flags > 0


def test_briefs_site_is_written_offline_without_pii(pipeline: Path) -> None:
    site = pipeline / "out" / "briefs" / DAYS[-1].isoformat()
    assert (site / "index.html").is_file()
    pages = sorted((site / "briefs").glob("*.md"))
    assert len(pages) == 3
    text = "\n".join(p.read_text(encoding="utf-8") for p in [*pages, *(site / "briefs").glob("*.html")])
    assert "generated offline" in text
    with duckdb.connect(str(pipeline / "wh.duckdb"), read_only=True) as con:
        names, phones = zip(
            *con.execute(
                "SELECT customer_name, customer_msisdn FROM raw.interviews WHERE customer_name IS NOT NULL"
            ).fetchall(),
            strict=True,
        )
    assert not [n for n in names if len(n) > 6 and n in text]
    digits = set(re.findall(r"\d{8,}", re.sub(r"[\s-]", "", text)))
    assert not digits & {re.sub(r"\D", "", p) for p in phones if p}


def test_insights_and_checks_are_recorded(pipeline: Path) -> None:
    with duckdb.connect(str(pipeline / "wh.duckdb"), read_only=True) as con:
        days = {r[0] for r in con.execute("SELECT DISTINCT partition_date FROM insights.opportunities").fetchall()}
        assert days == set(DAYS)
        assert con.execute("SELECT count(*) FROM insights.theme_assignments").fetchall()[0][0] > 0


def test_each_distinct_text_is_theme_matched_once_across_days(pipeline: Path) -> None:
    """The second day's run reuses the first day's matches (its window holds both days) and matches only the
    texts the first day had not seen: every text of the marts is in the cache exactly once."""
    with duckdb.connect(str(pipeline / "wh.duckdb"), read_only=True) as con:
        per_day = dict(
            con.execute(
                "SELECT partition_date, count(DISTINCT text_hash) FROM insights.theme_match_cache GROUP BY 1"
            ).fetchall()
        )
        twice = con.execute(
            "SELECT count(*) FROM (SELECT text_hash FROM insights.theme_match_cache "
            "GROUP BY text_hash HAVING count(DISTINCT partition_date) > 1)"
        ).fetchall()[0][0]
        missing = con.execute(
            "SELECT count(DISTINCT md5(text)) FROM marts.fct_verbatims WHERE md5(text) NOT IN "
            "(SELECT text_hash FROM insights.theme_match_cache)"
        ).fetchall()[0][0]
        second_day_texts = con.execute(
            "SELECT count(DISTINCT text) FROM marts.fct_verbatims WHERE interview_date <= ?", [DAYS[1]]
        ).fetchall()[0][0]
    assert set(per_day) == set(DAYS) and twice == 0 and missing == 0
    assert 0 < per_day[DAYS[1]] < second_day_texts


def test_review_round_trip_overrides_the_policy_with_an_audit(pipeline: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A supervisor fills the review file of a country and drops it into <landing>/reviews/: the sensor asks for
    review_job on that day, whose run applies the decisions, audits them and carries them into the marts.
    Runs last in this module: it changes the warehouse."""
    import csv

    from orchestration.sensors import review_sensor

    day = DAYS[-1]
    files = sorted((pipeline / "out" / "reviews" / day.isoformat()).glob("review_*.csv"))
    assert files, "the review_files asset wrote no file"
    assert all(re.fullmatch(rf"review_[A-Z]{{2}}_{day}\.csv", f.name) for f in files), [f.name for f in files]

    def read(path: Path) -> list[dict[str, str]]:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))

    def has_both(rows: list[dict[str, str]]) -> bool:
        statuses = {r["status"] for r in rows}
        return "excluded" in statuses and bool(statuses & {"reported", "downweighted"})

    chosen = next(f for f in files if has_both(read(f)))
    rows = read(chosen)
    excluded = next(r for r in rows if r["status"] == "excluded")
    counted = next(r for r in rows if r["status"] in ("reported", "downweighted"))
    excluded.update(decision="accept", reviewer="Awa Supervisor", comment="called the customer back")
    counted.update(decision="reject", reviewer="Awa Supervisor", decided_at="2026-11-21T09:00:00Z")
    dropped = pipeline / "landing" / "reviews" / chosen.name
    dropped.parent.mkdir(parents=True, exist_ok=True)
    with dropped.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)

    monkeypatch.setenv("FIELDVOICE_SETTLE_SECONDS", "0")
    paths = FieldvoicePaths(landing_dir=str(pipeline / "landing"), output_dir=str(pipeline / "out"))
    tick = review_sensor(dg.build_sensor_context(resources={"paths": paths}))
    assert [(r.job_name, r.partition_key) for r in tick.run_requests] == [("review_job", day.isoformat())]
    again = review_sensor(dg.build_sensor_context(cursor=tick.cursor, resources={"paths": paths}))
    assert again.run_requests == []  # unchanged file: no second run

    database = pipeline / "wh.duckdb"
    monkeypatch.setenv("FIELDVOICE_DUCKDB_PATH", str(database))
    resources = {
        "warehouse": WarehouseResource(duckdb_path=str(database)),
        "paths": paths,
        "llm": LlmResource(brief_count=3),
    }
    job = defs.resolve_job_def("review_job")
    selected = job.asset_layer.selected_asset_keys
    assert dg.AssetKey(["marts", "fct_interviews"]) in selected and dg.AssetKey(["raw", "interviews"]) not in selected
    assets = [a for a in defs.assets if any(k in selected for k in a.keys)]  # type: ignore[union-attr]
    result = dg.materialize(
        assets, resources={**resources, "dbt": dbt_resource()}, partition_key=day.isoformat(), selection=list(selected)
    )
    assert result.success

    ids = [excluded["submission_id"], counted["submission_id"]]
    with duckdb.connect(str(database), read_only=True) as con:
        quality = dict(
            con.execute(
                "SELECT submission_id, status || '/' || decided_by FROM fieldqa.interview_quality "
                "WHERE partition_date = ? AND list_contains(?, submission_id)",
                [day, ids],
            ).fetchall()
        )
        audit = con.execute(
            "SELECT submission_id, reviewer, old_status, new_status FROM fieldqa.review_audit "
            "WHERE partition_date = ? ORDER BY decided_at",
            [day],
        ).fetchall()
        marts = dict(
            con.execute(
                "SELECT submission_id, qa_status FROM marts.fct_interviews WHERE list_contains(?, submission_id)", [ids]
            ).fetchall()
        )
        reviewed = con.execute(
            "SELECT sum(n_interviews) FROM marts.agg_field_quality WHERE qa_decided_by = 'review'"
        ).fetchall()[0][0]
    assert quality == {ids[0]: "ok/review", ids[1]: "excluded/review"}
    assert sorted((a[0], a[1], a[3]) for a in audit) == sorted(
        [(ids[0], "Awa Supervisor", "ok"), (ids[1], "Awa Supervisor", "excluded")]
    )
    assert {a[0]: a[2] for a in audit} == {ids[0]: "excluded", ids[1]: counted["status"]}
    assert marts == {ids[0]: "ok", ids[1]: "excluded"} and reviewed == 2
