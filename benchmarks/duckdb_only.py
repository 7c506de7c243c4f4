"""The hand-written baseline of benchmarks/e2e.py: one landing day through plain DuckDB, nothing else.

    python benchmarks/duckdb_only.py LANDING_DIR YYYY-MM-DD DATABASE

Same job as the pipeline's ingest, row checks and headline aggregates, the short way: every file of the day read
with DuckDB's readers (pandas only for XLSX and Windows-1252, which DuckDB cannot read here), header paths
mapped to the canonical columns, the contract's row rules as SQL, the latest re-export kept, valid and
quarantined rows written, then NPS/CSAT/CES by country, journey stage and segment. No lineage per line, no
redaction, language detection, reports, dbt tests, field-work QA, themes or briefs: the pipeline's extras.
Prints one JSON line of counts and timings.
"""

import json
import re
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fieldvoice import contract as c  # the contract's enums: data, not pipeline code

ALIASES = {"instanceid": "submission_id", "_uuid": "submission_id", "_submission_time": "submitted_at"}
ALIASES |= {"submissiondate": "submitted_at", "start": "interview_start", "end": "interview_end"}
ALIASES |= {"deviceid": "device_id", "_location_latitude": "latitude", "_location_longitude": "longitude"}


def canonical(header: str) -> str | None:
    name = header.strip().lstrip("\ufeff")
    last = re.split(r"[/-]", name)[-1].lower()
    for candidate in (name, last, ALIASES.get(last), ALIASES.get(name.lower())):
        if candidate in c.CANONICAL_COLUMNS:
            return candidate
    return None


def _load(con: duckdb.DuckDBPyConnection, path: Path, table: str, scratch: Path) -> None:
    """One file into a VARCHAR table with the source's own header."""
    if path.suffix == ".xlsx":
        sheets = pd.read_excel(path, sheet_name=None, dtype=str)
        frame = next((f for f in sheets.values() if any(canonical(h) == "submission_id" for h in f.columns)), None)
        con.register("sheet", frame if frame is not None else pd.DataFrame())
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM sheet")
        con.unregister("sheet")
    elif path.suffix == ".jsonl":
        keys = ", ".join(
            f"CASE WHEN json_type(j, '$.{k}') = 'ARRAY' THEN array_to_string(json_extract_string(j, '$.{k}[*]'), ' ') "
            f"ELSE json_extract_string(j, '$.{k}') END AS \"{k}\""
            for k in c.CANONICAL_COLUMNS
        )
        con.execute(
            f"CREATE TABLE {table} AS SELECT {keys} FROM (SELECT json AS j FROM read_json_objects(?, "
            "format='newline_delimited', ignore_errors=true))",
            [str(path)],
        )
    else:
        data = path.read_bytes()
        source = str(path)
        if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:  # no cp1252 reader in DuckDB here: transcode first
                source = str(scratch / (path.name + ".utf8"))
                Path(source).write_text(data.decode("cp1252", errors="replace"), encoding="utf-8")
        encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
        con.execute(
            f"CREATE TABLE {table} AS SELECT * FROM read_csv(?, all_varchar=true, encoding='{encoding}', "
            "ignore_errors=true, null_padding=true, parallel=false)",
            [source],
        )


def ingest(con: duckdb.DuckDBPyConnection, day_folder: Path, day: date, scratch: Path) -> tuple[int, int]:
    """All files of the day into `raw`; returns (files read, files rejected)."""
    columns = ", ".join(f'"{col}" VARCHAR' for col in c.CANONICAL_COLUMNS)
    con.execute(f"CREATE TABLE raw ({columns}, source_file VARCHAR, source_line BIGINT, partition_date DATE)")
    read = rejected = 0
    for index, path in enumerate(sorted(p for p in day_folder.iterdir() if p.suffix in (".csv", ".jsonl", ".xlsx"))):
        table = f"f{index}"
        try:
            _load(con, path, table, scratch)
        except (duckdb.Error, ValueError, OSError):
            rejected += 1
            continue
        mapped: dict[str, str] = {}
        for (name,) in con.execute(f"SELECT column_name FROM (DESCRIBE {table})").fetchall():
            target = canonical(name)
            if target and target not in mapped:
                mapped[target] = name
        select = ", ".join(f'"{mapped[col]}"' if col in mapped else "NULL" for col in c.CANONICAL_COLUMNS)
        # A KoboToolbox HXL row (#tags under the header) is not a record.
        hxl = f"""coalesce("{mapped["submission_id"]}", '') NOT LIKE '#%'""" if "submission_id" in mapped else "true"
        con.execute(
            f"INSERT INTO raw SELECT {select}, ?, row_number() OVER (), ? FROM {table} WHERE {hxl}",
            [path.name, day],
        )
        con.execute(f"DROP TABLE {table}")
        read += 1
    return read, rejected


REQUIRED = ("submission_id", "submitted_at", "collaborator_id", "country_code", "locality", "journey_stage")
REQUIRED += ("nps", "csat", "consent")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + ")"


def check(con: duckdb.DuckDBPyConnection, now: datetime) -> tuple[int, int]:
    """The contract's row rules and the latest re-export; writes `validated` and `quarantine`."""
    ints = ", ".join(f"TRY_CAST(replace(trim({col}), ',', '.') AS DOUBLE) AS {col}" for col in c.INTEGER_COLUMNS)
    decs = ", ".join(f"TRY_CAST(replace(trim({col}), ',', '.') AS DOUBLE) AS {col}" for col in c.DECIMAL_COLUMNS)
    times = ", ".join(
        f"""CASE WHEN regexp_full_match(trim({col}), '[0-9]{{13}}') THEN to_timestamp(trim({col})::BIGINT / 1000)
                 WHEN regexp_full_match(trim({col}), '[0-9]{{10}}') THEN to_timestamp(trim({col})::BIGINT)
                 ELSE TRY_CAST(trim({col}) AS TIMESTAMPTZ) END AS {col}"""
        for col in c.TIMESTAMP_COLUMNS
    )
    yes_no = (
        "CASE WHEN lower(trim({0})) IN ('yes','y','oui','o','sim','s','true','1','نعم','waaw') THEN 'yes' "
        "WHEN lower(trim({0})) IN ('no','n','non','não','nao','false','0','لا','déedéet') THEN 'no' END AS {0}"
    )
    boxes = ", ".join(f"('{k}', {', '.join(map(str, v.bbox))})" for k, v in c.COUNTRIES.items())
    scores = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)} | {col: (1, 5) for col in c.RATING_COLUMNS}
    rules = {
        "required_value_missing": " OR ".join(f"{col} IS NULL" for col in REQUIRED),
        "unparseable": " OR ".join(
            f"(raw_{col} IS NOT NULL AND {col} IS NULL)" for col in (*c.TIMESTAMP_COLUMNS, *scores, *c.DECIMAL_COLUMNS)
        ),
        "score_out_of_range": " OR ".join(
            f"{col} NOT BETWEEN {lo} AND {hi} OR {col} != round({col})" for col, (lo, hi) in scores.items()
        ),
        "unknown_country": f"country_code NOT IN {_in(tuple(c.COUNTRIES))}",
        "unknown_segment": f"customer_segment NOT IN {_in(c.SEGMENTS)}",
        "unknown_journey_stage": f"journey_stage NOT IN {_in(c.JOURNEY_STAGES)}",
        "invalid_yes_no": "consent IS NULL AND nullif(trim(raw_consent), '') IS NOT NULL",
        "unknown_code": f"NOT list_has_all({list(c.PRODUCTS)}, coalesce(string_split(products, ' '), [])) "
        f"OR NOT list_has_all({list(c.PAIN_POINTS)}, coalesce(string_split(pain_points, ' '), []))",
        "bad_ids": "NOT regexp_full_match(collaborator_id, 'EMP-[0-9]{6}') "
        "OR NOT regexp_full_match(coalesce(customer_ref, 'CUS-XX-000000'), 'CUS-[A-Z]{2}-[0-9]{6}') "
        "OR NOT regexp_full_match(upper(submission_id), '[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}')",
        "end_before_start": "interview_end < interview_start",
        "implausible_submission_lag": "submitted_at < interview_end - INTERVAL 15 MINUTE "
        "OR submitted_at > interview_end + INTERVAL 30 DAY",
        "timestamp_in_future": f"submitted_at > TIMESTAMPTZ '{now.isoformat()}' + INTERVAL 5 MINUTE",
        "implausible_duration": "interview_end - interview_start NOT BETWEEN INTERVAL 2 MINUTE AND INTERVAL 3 HOUR",
        "coordinates_outside_country": "(latitude IS NULL) != (longitude IS NULL) OR latitude NOT BETWEEN lat_min "
        "AND lat_max OR longitude NOT BETWEEN lon_min AND lon_max",
        "text_too_long": "length(verbatim) > 5000 OR length(suggestion) > 2000",
    }
    failed = ", ".join(f"CASE WHEN coalesce({sql}, false) THEN '{name}' END" for name, sql in rules.items())
    raw_copies = ", ".join(
        f"{col} AS raw_{col}" for col in (*c.TIMESTAMP_COLUMNS, *scores, *c.DECIMAL_COLUMNS, "consent")
    )
    con.execute(f"""
        CREATE TABLE checked AS
        WITH typed AS (
            SELECT nullif(regexp_replace(trim(submission_id), '^uuid:', ''), '') AS submission_id,
                upper(trim(collaborator_id)) AS collaborator_id,
                upper(trim(country_code)) AS country_code, nullif(trim(locality), '') AS locality,
                upper(nullif(trim(customer_ref), '')) AS customer_ref, customer_name, customer_msisdn,
                regexp_replace(lower(trim(customer_segment)), '[ -]+', '_', 'g') AS customer_segment,
                regexp_replace(lower(trim(journey_stage)), '[ -]+', '_', 'g') AS journey_stage,
                nullif(trim(regexp_replace(lower(products), '[ ,;]+', ' ', 'g')), '') AS products,
                nullif(trim(regexp_replace(lower(pain_points), '[ ,;]+', ' ', 'g')), '') AS pain_points,
                {times}, {ints}, {decs}, {yes_no.format("consent")}, {yes_no.format("callback_requested")},
                nullif(trim(verbatim), '') AS verbatim, nullif(trim(suggestion), '') AS suggestion,
                {raw_copies}, source_file, source_line, partition_date
            FROM raw),
        boxed AS (SELECT t.*, b.lat_min, b.lat_max, b.lon_min, b.lon_max FROM typed t
                  LEFT JOIN (VALUES {boxes}) b(code, lat_min, lat_max, lon_min, lon_max) ON b.code = t.country_code),
        ranked AS (SELECT *, row_number() OVER (PARTITION BY upper(submission_id)
                   ORDER BY submitted_at DESC NULLS LAST, source_file DESC, source_line DESC) AS version FROM boxed)
        SELECT *, list_filter([{failed}, CASE WHEN version > 1 THEN 'superseded_reexport' END],
                              lambda x: x IS NOT NULL) AS reasons
        FROM ranked""")
    con.execute("CREATE TABLE validated AS SELECT * EXCLUDE (reasons, version) FROM checked WHERE len(reasons) = 0")
    con.execute("CREATE TABLE quarantine AS SELECT * FROM checked WHERE len(reasons) > 0")
    return (
        con.execute("SELECT count(*) FROM validated").fetchall()[0][0],
        con.execute("SELECT count(*) FROM quarantine").fetchall()[0][0],
    )


def aggregate(con: duckdb.DuckDBPyConnection) -> None:
    """The day checks (shares found in the reference files) and the headline figures: NPS with its 95%
    interval, CSAT and CES, by country, journey stage and segment."""
    con.execute("""
        CREATE TABLE day_checks AS SELECT count(*) AS rows,
            avg((collaborator_id IN (SELECT upper(collaborator_id) FROM collaborators))::INT) AS in_roster,
            avg((customer_ref IN (SELECT upper(customer_ref) FROM targets))::INT) AS in_targets,
            avg((country_code || '|' || lower(locality) IN (
                SELECT upper(country_code) || '|' || lower(locality) FROM localities))::INT) AS known_locality,
            avg(nps) AS nps_mean
        FROM validated""")
    for key in ("country_code", "journey_stage", "customer_segment"):
        con.execute(f"""
            CREATE TABLE scores_by_{key} AS
            WITH counts AS (
                SELECT {key}, count(*) AS n, count(*) FILTER (nps >= 9) AS promoters,
                    count(*) FILTER (nps BETWEEN 7 AND 8) AS passives, count(*) FILTER (nps <= 6) AS detractors,
                    avg(csat) AS csat, avg(ces) AS ces, count(verbatim) AS verbatims
                FROM validated GROUP BY {key})
            SELECT *, 100.0 * (promoters - detractors) / n AS nps,
                196.0 * sqrt(((promoters + detractors) / n - ((promoters - detractors) / n) ^ 2) / n) AS nps_margin
            FROM counts""")


def run(landing: Path, day: date, database: Path) -> dict[str, object]:
    started = time.perf_counter()
    timings = {}
    with duckdb.connect(str(database)) as con:
        for name in ("collaborators", "targets", "localities"):
            path = landing / "reference" / f"{name}.csv"
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv(?, all_varchar=true)", [str(path)])
        with tempfile.TemporaryDirectory() as scratch:
            files, rejected = ingest(con, landing / day.isoformat(), day, Path(scratch))
        timings["ingest_s"] = round(time.perf_counter() - started, 3)
        valid, quarantined = check(con, datetime.now(UTC))
        timings["checks_s"] = round(time.perf_counter() - started - timings["ingest_s"], 3)
        aggregate(con)
        raw = con.execute("SELECT count(*) FROM raw").fetchall()[0][0]
    timings["total_s"] = round(time.perf_counter() - started, 3)
    counts = {"files": files, "rejected_files": rejected, "raw": raw, "validated": valid, "quarantined": quarantined}
    return {**counts, **timings}


if __name__ == "__main__":
    landing_dir, day_text, db = sys.argv[1:4]
    print(json.dumps(run(Path(landing_dir), date.fromisoformat(day_text), Path(db))))
