"""Synthetic `validated.*` tables for dbt benchmarks, generated inside DuckDB with SQL (no fieldvoice import).

    python dbt_project/scripts/synth_validated.py PATH.duckdb --interviews 1000000 --days 67

From Python (the benchmark script):

    from dbt_project.scripts.synth_validated import synthesize   # or load this file with runpy/importlib
    synthesize("bench.duckdb", n_interviews=15_000, days=1)

The tables follow the exact schema the validation stage writes (VALIDATED_DDL). Shapes: 17 countries,
~120 localities, a 10,000-collaborator roster, 15,000 targets; about 70% of interviews are of targeted
customers, 2% of submissions are re-exported on the next day (a second version), 10% have no consent.
"""

import argparse
import re
import time
from datetime import date
from pathlib import Path

import duckdb

COUNTRIES = ("TN", "SN", "CI", "CM", "EG", "JO", "MA", "ML", "BF", "GN", "CD", "MG", "BW", "LR", "SL", "GW", "CF")

VALIDATED_DDL = """
create schema if not exists validated;
create or replace table validated.interviews (
    submission_id varchar, submitted_at timestamptz, interview_start timestamptz, interview_end timestamptz,
    collaborator_id varchar, country_code varchar, locality varchar, latitude double, longitude double,
    customer_ref varchar, customer_name varchar, customer_msisdn varchar, customer_segment varchar,
    products varchar, journey_stage varchar, nps integer, csat integer, ces integer,
    rating_network integer, rating_data integer, rating_price integer, rating_mobile_money integer,
    rating_customer_care integer, rating_shop integer, pain_points varchar, verbatim varchar, suggestion varchar,
    language_recorded varchar, language_detected varchar, callback_requested boolean, consent boolean,
    app_version varchar, device_id varchar, partition_date date, source_file varchar, source_line integer,
    file_sha256 varchar, ingested_at timestamptz
);
create or replace table validated.collaborators (
    collaborator_id varchar, "function" varchar, country_code varchar, home_locality varchar
);
create or replace table validated.targets (
    customer_ref varchar, country_code varchar, locality varchar, segment varchar, priority varchar
);
create or replace table validated.localities (
    locality varchar, country_code varchar, locality_type varchar, latitude double, longitude double
);
-- The field-work QA tables (written by the fieldqa assets), empty: every interview is "unassessed", weight 1.
create schema if not exists fieldqa;
create or replace table fieldqa.interview_quality (
    submission_id varchar, partition_date date, country_code varchar, weight double, status varchar,
    flags varchar, decided_by varchar
);
create or replace table fieldqa.interview_flags (
    submission_id varchar, collaborator_id varchar, country_code varchar, partition_date date, flag varchar,
    reason varchar, observed double, threshold double
);
"""


def create_validated_schema(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the empty validated.* tables."""
    con.execute(VALIDATED_DDL)


def _reference_sql(countries: str) -> str:
    # 7 localities per country (119), one roster of 10,000 and 15,000 targets spread over them.
    return f"""
    create or replace temp table _countries as
        select unnest([{countries}]) as country_code, generate_subscripts([{countries}], 1) as country_idx;

    insert into validated.localities
    select
        country_code || '-loc-' || l as locality,
        country_code,
        ['urban', 'peri_urban', 'rural'][1 + (l % 3)],
        5.0 + country_idx + l / 10.0,
        -5.0 + country_idx + l / 10.0
    from _countries, range(7) t(l);

    insert into validated.collaborators
    select
        'EMP-' || lpad(cast(i as varchar), 6, '0'),
        ['executive', 'sales', 'technician', 'care', 'finance', 'marketing'][1 + (i % 6)],
        c.country_code,
        c.country_code || '-loc-' || (i % 7)
    from range(10000) t(i)
    join _countries c on c.country_idx = 1 + (i % 17);

    insert into validated.targets
    select
        'CUS-' || c.country_code || '-' || lpad(cast(i as varchar), 6, '0'),
        c.country_code,
        c.country_code || '-loc-' || (i % 7),
        ['prepaid', 'postpaid', 'business', 'mobile_money_only'][1 + (i % 4)],
        ['high', 'medium', 'low'][1 + (i % 3)]
    from range(15000) t(i)
    join _countries c on c.country_idx = 1 + (i % 17);
    """


def _interviews_sql(n_interviews: int, days: int, start: date) -> str:
    # Deterministic pseudo-random columns from H(i, salt), a bounded hash; a second version of 2% of the
    # submissions lands the next day.
    sql = f"""
    create or replace temp table _base as
    select
        i,
        cast(floor(i * {days} / {n_interviews}) as integer) as day_idx,
        H(i, 'c') % 17 as c_idx,
        H(i, 'r') % 100 as r
    from range({n_interviews}) t(i);

    insert into validated.interviews
    with v as (
        select b.*, 1 as version from _base b
        union all
        select b.*, 2 as version from _base b where b.r < 2
    )
    select
        'sub-' || lpad(cast(i as varchar), 9, '0') as submission_id,
        ts + interval 20 minute + (version - 1) * interval 1 day as submitted_at,
        ts as interview_start,
        ts + interval 1 minute * (5 + H(i, 'd') % 40) as interview_end,
        'EMP-' || lpad(cast((H(i, 'e') % 10000) as varchar), 6, '0') as collaborator_id,
        c.country_code,
        c.country_code || '-loc-' || (H(i, 'l') % 7) as locality,
        null as latitude,
        null as longitude,
        case when r < 70 then 'CUS-' || c.country_code || '-' || lpad(cast(H(i, 't') % 15000 as varchar), 6, '0')
        end as customer_ref,
        case when r >= 10 then 'Customer ' || i end as customer_name,
        case when r >= 10 then '+2217' || lpad(cast(i as varchar), 8, '0') end as customer_msisdn,
        ['prepaid', 'postpaid', 'business', 'mobile_money_only'][1 + H(i, 's') % 4] as customer_segment,
        'mobile_voice mobile_data' as products,
        ['discover', 'buy_activate', 'use_network', 'recharge_bundles', 'mobile_money', 'billing', 'get_help',
         'leave'][1 + H(i, 'j') % 8] as journey_stage,
        cast(H(i, 'n', version) % 11 as integer) as nps,
        cast(1 + H(i, 'cs') % 5 as integer) as csat,
        case when H(i, 'ce') % 4 > 0 then cast(1 + H(i, 'ce') % 7 as integer) end as ces,
        cast(1 + H(i, 'r1') % 5 as integer) as rating_network,
        cast(1 + H(i, 'r2') % 5 as integer) as rating_data,
        cast(1 + H(i, 'r3') % 5 as integer) as rating_price,
        case when H(i, 'r4') % 2 = 0 then cast(1 + H(i, 'r4') % 5 as integer) end as rating_mobile_money,
        case when H(i, 'r5') % 3 = 0 then cast(1 + H(i, 'r5') % 5 as integer) end as rating_customer_care,
        case when H(i, 'r6') % 3 = 0 then cast(1 + H(i, 'r6') % 5 as integer) end as rating_shop,
        case H(i, 'p') % 4
            when 0 then null
            when 1 then 'slow_data'
            when 2 then 'call_drops price'
            else 'mm_fees care_wait billing_error'
        end as pain_points,
        case when r >= 10 then 'Le réseau coupe souvent, appelez-moi au [PHONE]' end as verbatim,
        case when r >= 10 and r % 2 = 0 then 'More coverage in rural areas' end as suggestion,
        'fr' as language_recorded,
        case when r % 3 = 0 then 'en' else 'fr' end as language_detected,
        H(i, 'cb') % 10 = 0 as callback_requested,
        r >= 10 as consent,
        '2.4.1' as app_version,
        'dev-' || (i % 5000) as device_id,
        cast(d + (version - 1) as date) as partition_date,
        'export_' || c.country_code || '.csv' as source_file,
        cast(i % 100000 as integer) as source_line,
        'sha' as file_sha256,
        cast(d + (version - 1) as timestamptz) + interval 23 hour as ingested_at
    from (
        select
            v.*,
            date '{start.isoformat()}' + day_idx as d,
            cast(date '{start.isoformat()}' + day_idx as timestamptz)
                + interval 1 minute * (420 + H(i, 'h') % 600) as ts
        from v
    ) x
    join _countries c on c.country_idx = 1 + x.c_idx;
    """
    # hash() is UBIGINT, which list indexing rejects: bound it and cast it to BIGINT.
    return re.sub(r"H\(([^()]*)\)", r"cast(hash(\1) % 1000003 as bigint)", sql)
    # hash() is UBIGINT, which list indexing and arithmetic with negatives reject: bound and cast it.
    return re.sub(r"H\(([^()]*)\)", r"cast(hash(\1) % 1000003 as bigint)", sql)


def synthesize(
    path: str | Path,
    n_interviews: int = 15_000,
    days: int = 1,
    start: date = date(2026, 3, 1),
) -> dict[str, int]:
    """Write validated.* with `n_interviews` interviews spread over `days` partitions; returns row counts."""
    con = duckdb.connect(str(path))
    try:
        con.execute("set TimeZone = 'UTC'")
        create_validated_schema(con)
        countries = ", ".join(f"'{c}'" for c in COUNTRIES)
        con.execute(_reference_sql(countries))
        con.execute(_interviews_sql(n_interviews, days, start))
        return {
            t: con.execute(f"select count(*) from validated.{t}").fetchone()[0]
            for t in ("interviews", "collaborators", "targets", "localities")
        }
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--interviews", type=int, default=15_000)
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2026, 3, 1))
    args = parser.parse_args()
    started = time.perf_counter()
    counts = synthesize(args.path, args.interviews, args.days, args.start)
    print(f"{counts} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
