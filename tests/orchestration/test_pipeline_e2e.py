"""The whole daily pipeline through Dagster on generated data, two partitions: ingest → validation → dbt →
insights → briefs, checked against figures computed by hand from the validated rows."""

import re
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from dagster_duckdb import DuckDBResource

from orchestration.dbt_project import dbt_resource
from orchestration.definitions import defs
from orchestration.resources import FieldvoicePaths, LlmResource

DAYS = [date(2026, 11, 19), date(2026, 11, 20)]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from fieldvoice.generator import generate

    root = tmp_path_factory.mktemp("e2e")
    generate(root / "landing", start=DAYS[0], days=len(DAYS), interviews_per_day=600, seed=3, defect_rate=0.05)
    database = root / "wh.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", "FIELDVOICE_EMBEDDINGS_MODEL"):
            mp.delenv(name, raising=False)
        mp.setenv("FIELDVOICE_DUCKDB_PATH", str(database))  # dbt's profile reads the same variable
        resources = {
            "duckdb": DuckDBResource(database=str(database)),
            "paths": FieldvoicePaths(landing_dir=str(root / "landing"), output_dir=str(root / "out")),
            "llm": LlmResource(brief_count=3),
            "dbt": dbt_resource(),
        }
        reference = defs.resolve_job_def("reference_job").asset_layer.selected_asset_keys
        daily = defs.resolve_job_def("daily_job").asset_layer.selected_asset_keys
        assets = [a for a in defs.assets if any(k in reference | daily for k in a.keys)]  # type: ignore[union-attr]
        assert dg.materialize(assets, resources=resources, selection=list(reference)).success
        for day in DAYS:
            result = dg.materialize(assets, resources=resources, partition_key=day.isoformat(), selection=list(daily))
            assert result.success, day
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
    with duckdb.connect(str(pipeline / "wh.duckdb"), read_only=True) as con:
        latest = con.execute(
            "SELECT * FROM validated.interviews QUALIFY row_number() OVER ("
            "PARTITION BY submission_id ORDER BY submitted_at DESC, ingested_at DESC) = 1"
        ).df()
        marts = {
            r[0]: (r[1], float(r[2]))
            for r in con.execute("SELECT country_code, n_interviews, nps FROM marts.agg_scores_by_country").fetchall()
        }
        assert con.execute("SELECT count(*) FROM marts.fct_interviews").fetchall()[0][0] == len(latest)
    for country, group in latest.groupby("country_code"):
        promoters, detractors = (group["nps"] >= 9).sum(), (group["nps"] <= 6).sum()
        expected = round(100 * (promoters - detractors) / len(group), 2)
        assert marts[country] == (len(group), pytest.approx(expected, abs=0.01)), country


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
