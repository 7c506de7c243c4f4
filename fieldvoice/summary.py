"""The plain-text run summary `make demo` prints, read back from the warehouse (no Dagster needed)."""

import duckdb

from fieldvoice.warehouse import table_exists


def ingest_summary(con: duckdb.DuckDBPyConnection) -> list[str]:
    if not table_exists(con, "raw.ingest_files"):
        return ["ingest: nothing ingested yet"]
    files, loaded, rejected, rows, unreadable = con.execute(
        "SELECT count(*), count(*) FILTER (status = 'loaded'), count(*) FILTER (status = 'rejected'), "
        "coalesce(sum(rows_loaded), 0), coalesce(sum(unreadable_rows), 0) FROM raw.ingest_files"
    ).fetchone() or (0, 0, 0, 0, 0)
    days = con.execute("SELECT count(DISTINCT partition_date) FROM raw.ingest_files").fetchone()
    lines = [
        f"ingest: {files} files read over {days[0] if days else 0} day(s): {loaded} loaded, {rejected} rejected; "
        f"{rows} rows loaded ({unreadable} unreadable records kept for quarantine)"
    ]
    for source_file, error in con.execute(
        "SELECT source_file, error FROM raw.ingest_files WHERE status = 'rejected' ORDER BY source_file LIMIT 20"
    ).fetchall():
        lines.append(f"  rejected {source_file}: {error}")
    return lines


def validation_summary(con: duckdb.DuckDBPyConnection) -> list[str]:
    if not table_exists(con, "quarantine.interviews"):
        return ["validation: not run yet"]
    raw = con.execute("SELECT count(*) FROM raw.interviews").fetchall()[0][0]
    valid = con.execute("SELECT count(*) FROM validated.interviews").fetchall()[0][0]
    kinds = dict(con.execute("SELECT kind, count(*) FROM quarantine.interviews GROUP BY 1").fetchall())
    lines = [
        f"validation: {raw} raw rows = {valid} validated + {kinds.get('invalid', 0)} quarantined as invalid "
        f"+ {kinds.get('duplicate', 0)} superseded re-exports"
    ]
    reasons = con.execute(
        "SELECT reason, count(*) AS n FROM (SELECT unnest(string_split(reason_codes, ' ')) AS reason "
        "FROM quarantine.interviews) GROUP BY 1 ORDER BY n DESC, reason LIMIT 12"
    ).fetchall()
    lines += [f"  {n:>6}  {reason}" for reason, n in reasons]
    return lines


def warehouse_summary(con: duckdb.DuckDBPyConnection) -> list[str]:
    if not table_exists(con, "marts.agg_scores_by_country"):
        return ["warehouse: marts not built yet"]
    lines = ["NPS by country (95% CI; a targeted sample, not a random one):"]
    for country, n, nps, low, high in con.execute(
        "SELECT country_code, n_interviews, nps, nps_ci_low, nps_ci_high FROM marts.agg_scores_by_country ORDER BY nps"
    ).fetchall():
        lines.append(f"  {country}  NPS {float(nps):>6.1f}  [{float(low):>6.1f}, {float(high):>6.1f}]  n={n}")
    coverage = con.execute(
        "SELECT coverage_date, active_collaborators_cumulative, roster_size, targets_reached_cumulative, "
        "targets_planned, localities_covered_cumulative, localities_total, countries_covered_cumulative, "
        "countries_total FROM marts.fct_programme_coverage ORDER BY coverage_date DESC LIMIT 1"
    ).fetchall()
    if coverage:
        day, collab, roster, reached, planned, loc, loc_total, ctry, ctry_total = coverage[0]
        lines.append(
            f"coverage to {day}: collaborators {collab}/{roster}, targeted customers {reached}/{planned}, "
            f"localities {loc}/{loc_total}, countries {ctry}/{ctry_total}"
        )
    return lines


def insights_summary(con: duckdb.DuckDBPyConnection) -> list[str]:
    if not table_exists(con, "insights.opportunities"):
        return ["insights: not run yet"]
    as_of = con.execute("SELECT max(partition_date) FROM insights.opportunities").fetchall()[0][0]
    lines = [f"insights as of {as_of}:", "  top themes (mentions):"]
    for theme, mentions in con.execute(
        "SELECT theme_id, sum(mentions) AS m FROM insights.journey_map WHERE partition_date = ? "
        "GROUP BY 1 ORDER BY m DESC LIMIT 5",
        [as_of],
    ).fetchall():
        lines.append(f"    {theme}: {int(mentions)}")
    emerging = con.execute(
        "SELECT theme_id, coalesce(country_code, 'all') FROM insights.emerging_themes "
        "WHERE partition_date = ? AND emerging ORDER BY q_value LIMIT 8",
        [as_of],
    ).fetchall()
    lines.append("  emerging: " + (", ".join(f"{t} ({c})" for t, c in emerging) or "none"))
    lines.append("  top opportunities:")
    for rank, theme, score in con.execute(
        "SELECT rank, theme_name, score FROM insights.opportunities WHERE partition_date = ? ORDER BY rank LIMIT 5",
        [as_of],
    ).fetchall():
        lines.append(f"    {rank}. {theme} (score {float(score):.3f})")
    return lines
