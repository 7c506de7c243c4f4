"""The warehouse interface on DuckDB and PostgreSQL: bulk loads round-trip every value, replacements are
atomic and idempotent, and both engines return the same frames."""

import math
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta, timezone

import duckdb
import pandas as pd
import pytest

from fieldvoice.llm.cache import LlmCache
from fieldvoice.settings import PostgresSettings, warehouse_kind
from fieldvoice.warehouse import Warehouse, open_warehouse
from fieldvoice.warehouse.duck import DuckDBWarehouse
from orchestration.resources import WarehouseResource

DAY = date(2026, 11, 2)
TEXTS = [
    "",  # an empty string is not NULL
    None,
    'quote " and "" doubled',
    "line\nbreak and\r\nCRLF",
    "tab\there",
    "back\\slash \\N \\. and a trailing \\",
    "مرحبا، الشبكة ضعيفة",  # Arabic, right to left
    "שלום ‏mixed RTL‏ text",
    "émoji 📶 and accents: réseau à Thiès",
    "a,b;c|d",
    "NULL",
    "  padded  ",
    "100% sure? yes",
]
SCHEMA = {
    "partition_date": "DATE",
    "id": "INTEGER",
    "text": "VARCHAR",
    "big": "BIGINT",
    "score": "DOUBLE",
    "flag": "BOOLEAN",
    "seen_at": "TIMESTAMPTZ",
}


def _frame(day: date = DAY, n: int = len(TEXTS)) -> pd.DataFrame:
    plus_one = timezone(timedelta(hours=1))
    return pd.DataFrame(
        {
            "partition_date": [day] * n,
            "id": [str(i) for i in range(n)],  # text, cast by the table schema as on ingest
            "text": (TEXTS * (n // len(TEXTS) + 1))[:n],
            "big": pd.array([2**53 + 1 if i % 3 == 0 else None for i in range(n)], dtype="Int64"),
            "score": [[0.1, 1 / 3, None, 1e-300, -2.5e300, math.inf][i % 6] for i in range(n)],
            "flag": [[True, False, None][i % 3] for i in range(n)],
            "seen_at": [
                None if i % 4 == 3 else datetime(2026, 11, 2, 18, 30, 15, 123456 + i, tzinfo=plus_one) for i in range(n)
            ],
        }
    )


def _read(warehouse: Warehouse, table: str) -> pd.DataFrame:
    return warehouse.query(f"SELECT * FROM {table} ORDER BY partition_date, id")


def test_bulk_load_round_trips_every_value(warehouse: Warehouse, schema: str) -> None:
    table = f"{schema}.items"
    frame = _frame()
    warehouse.replace_partitions({table: (frame, SCHEMA)}, DAY)
    back = _read(warehouse, table)
    assert back["text"].tolist()[1] is not None and pd.isna(back["text"].tolist()[1])
    texts = [None if pd.isna(t) else t for t in back["text"]]
    assert texts == TEXTS
    assert back["id"].tolist() == list(range(len(TEXTS)))
    assert [None if pd.isna(v) else int(v) for v in back["big"]] == [
        2**53 + 1 if i % 3 == 0 else None for i in range(len(TEXTS))
    ]
    scores = frame["score"].tolist()
    assert [None if pd.isna(s) else s for s in back["score"]] == [None if pd.isna(s) else s for s in scores]
    assert [None if pd.isna(f) else bool(f) for f in back["flag"]] == frame["flag"].tolist()
    expected_at = [None if pd.isna(t) else pd.Timestamp(t).tz_convert(UTC) for t in frame["seen_at"]]
    assert [None if pd.isna(t) else t.tz_convert(UTC) for t in back["seen_at"]] == expected_at
    assert (back["partition_date"] == pd.Timestamp(DAY)).all()
    # Python values (rows) agree too: the timestamp is an aware instant, the date a date
    first = warehouse.rows(f"SELECT partition_date, seen_at, text FROM {table} WHERE id = ?", [2])[0]
    assert first == (DAY, datetime(2026, 11, 2, 17, 30, 15, 123458, tzinfo=UTC), TEXTS[2])


def test_query_dtypes_are_those_of_duckdb(warehouse: Warehouse, schema: str) -> None:
    table = f"{schema}.items"
    warehouse.replace_partitions({table: (_frame(), SCHEMA)}, DAY)
    dtypes = {c: str(t) for c, t in _read(warehouse, table).dtypes.items()}
    # numpy dtypes where no NULL occurs, pandas' nullable ones where one does
    assert dtypes["partition_date"] == "datetime64[us]" and dtypes["id"] == "int32" and dtypes["big"] == "Int64"
    assert dtypes["score"] == "float64" and dtypes["flag"] == "boolean" and dtypes["text"] == "str"
    assert dtypes["seen_at"].startswith("datetime64[us, ") and dtypes["seen_at"].endswith("UTC]")
    empty = warehouse.query(f"SELECT id, seen_at, text FROM {table} WHERE id < 0")
    assert empty.empty and str(empty["id"].dtype) == "int32" and empty["text"].dtype == object


def test_replacing_a_partition_is_idempotent_and_leaves_others_alone(warehouse: Warehouse, schema: str) -> None:
    table = f"{schema}.items"
    other = DAY + timedelta(days=1)
    warehouse.replace_partitions({table: (_frame(other, 5), SCHEMA)}, other)
    for _ in range(2):
        warehouse.replace_partitions({table: (_frame(DAY, 40), SCHEMA)}, DAY)
    counts = dict(warehouse.rows(f"SELECT partition_date, count(*) FROM {table} GROUP BY partition_date"))
    assert counts == {DAY: 40, other: 5}
    warehouse.replace_partitions({table: (_frame(DAY, 0), SCHEMA)}, DAY)  # an empty day empties the partition
    assert warehouse.scalar(f"SELECT count(*) FROM {table}") == 5


def test_a_failed_replacement_leaves_the_previous_version(warehouse: Warehouse, schema: str) -> None:
    first, second = f"{schema}.first", f"{schema}.second"
    warehouse.replace_partitions({first: (_frame(DAY, 3), SCHEMA), second: (_frame(DAY, 3), SCHEMA)}, DAY)
    bad = _frame(DAY, 4).assign(id=["1", "2", "3", "not a number"])
    with pytest.raises(Exception, match=r"(?i)conver|cast"):
        warehouse.replace_partitions({first: (_frame(DAY, 7), SCHEMA), second: (bad, SCHEMA)}, DAY)
    assert warehouse.scalar(f"SELECT count(*) FROM {first}") == 3  # the first table's new rows rolled back too
    assert warehouse.scalar(f"SELECT count(*) FROM {second}") == 3
    warehouse.replace_table(f"{schema}.whole", _frame(DAY, 2), SCHEMA)
    with pytest.raises(Exception, match=r"(?i)conver|cast"):
        warehouse.replace_table(f"{schema}.whole", bad, SCHEMA)
    assert warehouse.scalar(f"SELECT count(*) FROM {schema}.whole") == 2


def test_placeholders_and_percent_signs_are_portable(warehouse: Warehouse, schema: str) -> None:
    table = f"{schema}.items"
    warehouse.replace_partitions({table: (_frame(), SCHEMA)}, DAY)
    sql = f"SELECT id FROM {table} WHERE text LIKE '%sure?%' AND partition_date = ? AND id > ?"
    assert warehouse.rows(sql, [DAY, 0]) == [(12,)]
    assert warehouse.table_exists(table) and not warehouse.table_exists(f"{schema}.absent")


def test_llm_cache_upserts_on_both_engines(warehouse: Warehouse) -> None:
    cache = LlmCache(warehouse, table="insights.llm_cache_test")
    cache.put("k1", "m", '{"title": "a"}', 10, 5)
    cache.put("k1", "m", '{"title": "b"}', 11, 6)  # replaces: the key is the primary key
    cache.put("k2", "m", '{"title": "c"}', 1, 1)
    hit = cache.get("k1")
    assert hit is not None and hit.response_json.replace(" ", "") == '{"title":"b"}' and hit.tokens_in == 11
    assert len(cache) == 2 and cache.get("absent") is None
    assert LlmCache(warehouse, table="insights.llm_cache_test").get("k2") is not None  # a later run sees it


def _load_concurrently(settings: PostgresSettings, jobs: list[tuple[str, date]], rows: int) -> None:
    """Each job on its own connection and thread, all released at once."""
    start = threading.Barrier(len(jobs))

    def load(job: tuple[str, date]) -> None:
        table, day = job
        with open_warehouse("postgres", postgres=settings) as wh:
            start.wait()
            wh.replace_partitions({table: (_frame(day, rows), SCHEMA), f"{table}_files": (_frame(day, 3), SCHEMA)}, day)

    with ThreadPoolExecutor(len(jobs)) as pool:
        list(pool.map(load, jobs))  # re-raises the first error


def test_postgres_loads_different_partitions_concurrently(pg_database: PostgresSettings, schema: str) -> None:
    """Tables that do not exist yet: the first writers race on CREATE SCHEMA/TABLE, then on the same tables."""
    days = [DAY + timedelta(days=i) for i in range(6)]
    for _ in range(2):  # the rerun replaces each partition concurrently
        _load_concurrently(pg_database, [(f"{schema}.items", day) for day in days], rows=200)
    with open_warehouse("postgres", postgres=pg_database) as wh:
        counts = dict(wh.rows(f"SELECT partition_date, count(*) FROM {schema}.items GROUP BY partition_date"))
        assert counts == dict.fromkeys(days, 200)
        assert wh.scalar(f"SELECT count(*) FROM {schema}.items_files") == 3 * len(days)


def test_postgres_writers_of_the_same_partition_queue(pg_database: PostgresSettings, schema: str) -> None:
    """Without the partition lock both would delete nothing the other inserted, and the day would double."""
    _load_concurrently(pg_database, [(f"{schema}.items", DAY)] * 4, rows=100)
    with open_warehouse("postgres", postgres=pg_database) as wh:
        assert wh.scalar(f"SELECT count(*) FROM {schema}.items") == 100


def test_postgres_settings_keep_the_password_out_of_sight(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = PostgresSettings.from_env({"FIELDVOICE_PG_DSN": "postgresql://ana:s3cr%3Aet@db.internal:6543/fv"})
    assert (settings.host, settings.port, settings.user, settings.database) == ("db.internal", 6543, "ana", "fv")
    assert "s3cr" not in repr(settings) and "s3cr" not in settings.describe()
    assert settings.dbt_env()["FIELDVOICE_PG_PASSWORD"] == "s3cr:et"  # dbt's profile gets the parts
    assert "s3cr" in settings.conninfo()
    monkeypatch.setenv("FIELDVOICE_PG_PASSWORD", "hunter2-secret")
    resource = WarehouseResource(backend="postgres")
    assert "hunter2" not in repr(resource) and "hunter2" not in resource.describe()
    with pytest.raises(ValueError, match="FIELDVOICE_WAREHOUSE"):
        warehouse_kind({"FIELDVOICE_WAREHOUSE": "sqlite"})


def test_duckdb_reads_large_results_in_slices_into_the_frame_a_single_fetch_gives(tmp_path) -> None:
    from fieldvoice.warehouse.duck import DuckDBWarehouse

    wh = DuckDBWarehouse.open(tmp_path / "slices.duckdb")
    # Several slices; NULLs (an integer column becomes float) and a NULL-only text column in the last ones only.
    sql = (
        "SELECT i, CASE WHEN i > 240000 THEN NULL ELSE i END AS late_null, 'v' || i AS label, "
        "CASE WHEN i > 240000 THEN 'x' END AS mostly_null, i % 2 = 0 AS even, "
        "DATE '2026-01-01' + CAST(i % 30 AS INTEGER) AS day FROM range(250000) AS t(i) ORDER BY i"
    )
    pd.testing.assert_frame_equal(wh.query(sql), wh.con.execute(sql).df())
    empty = wh.query("SELECT 1 AS a, 'b' AS b WHERE false")
    assert empty.columns.tolist() == ["a", "b"] and empty.empty
    wh.close()


def test_postgres_loads_leave_fresh_planner_statistics(pg_database: PostgresSettings, schema: str) -> None:
    # dbt reads these tables seconds later; stale statistics once sent a model into a 28-minute nested loop.
    # (DuckDB keeps its statistics current as it writes.)
    from fieldvoice.warehouse.postgres import PostgresWarehouse

    warehouse = PostgresWarehouse.open(pg_database)
    try:
        warehouse.replace_partitions({f"{schema}.by_day": (_frame(n=500), SCHEMA)}, DAY)
        warehouse.replace_table(f"{schema}.whole", _frame(n=300), SCHEMA)
        counts = dict(
            warehouse.rows(
                "SELECT relname, reltuples FROM pg_class JOIN pg_namespace n ON n.oid = relnamespace WHERE nspname = ?",
                [schema],
            )
        )
    finally:
        warehouse.close()
    assert counts["by_day"] == 500 and counts["whole"] == 300


def test_duckdb_memory_is_capped_from_the_environment(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    def limit() -> str:
        with open_warehouse("duckdb", tmp_path / "capped.duckdb") as wh:
            return wh.scalar("SELECT current_setting('memory_limit')")

    monkeypatch.delenv("FIELDVOICE_DUCKDB_MEMORY_LIMIT", raising=False)
    assert limit() == "953.6 MiB"  # the default, 1GB (10^9 bytes), as DuckDB prints it
    monkeypatch.setenv("FIELDVOICE_DUCKDB_MEMORY_LIMIT", "300MB")
    assert limit() == "286.1 MiB"
    monkeypatch.setenv("FIELDVOICE_DUCKDB_MEMORY_LIMIT", "")  # DuckDB's own default: a share of the RAM
    with duckdb.connect() as reference:
        assert limit() == reference.execute("SELECT current_setting('memory_limit')").fetchone()[0]


def test_duckdb_gives_back_its_cached_blocks_and_keeps_its_limit(tmp_path) -> None:
    wh = DuckDBWarehouse.open(tmp_path / "cache.duckdb", memory_limit="500MB")
    try:
        wh.execute("CREATE TABLE t AS SELECT i, md5(i::VARCHAR) AS h FROM range(3000000) r(i)")
        wh.execute("CHECKPOINT")  # the rows now live in the file's blocks, which a scan loads and keeps

        def used() -> int:
            return wh.scalar("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")

        assert wh.scalar("SELECT count(DISTINCT h) FROM t") == 3_000_000
        before = used()
        wh.release_memory()
        assert before > 48 * 2**20 and used() <= 32 * 2**20
        assert wh.scalar("SELECT current_setting('memory_limit')") == "476.8 MiB"
        assert wh.scalar("SELECT count(*) FROM t") == 3_000_000
    finally:
        wh.close()


def test_duckdb_default_limit_survives_a_release(tmp_path) -> None:
    wh = DuckDBWarehouse.open(tmp_path / "default.duckdb")
    try:
        wh.release_memory()
        with duckdb.connect() as reference:
            default = reference.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert wh.scalar("SELECT current_setting('memory_limit')") == default
    finally:
        wh.close()
