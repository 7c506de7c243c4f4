"""The plain-text run summary `make demo` prints, read back from the warehouse (no Dagster needed)."""

from collections import Counter

import duckdb

from fieldvoice.warehouse import Warehouse, as_warehouse


def ingest_summary(target: Warehouse | duckdb.DuckDBPyConnection) -> list[str]:
    wh = as_warehouse(target)
    if not wh.table_exists("raw.ingest_files"):
        return ["ingest: nothing ingested yet"]
    files, loaded, rejected, rows, unreadable, days = wh.rows(
        "SELECT count(*), count(*) FILTER (WHERE status = 'loaded'), count(*) FILTER (WHERE status = 'rejected'), "
        "coalesce(sum(rows_loaded), 0), coalesce(sum(unreadable_rows), 0), count(DISTINCT partition_date) "
        "FROM raw.ingest_files"
    )[0]
    lines = [
        f"ingest: {files} files read over {days} day(s): {loaded} loaded, {rejected} rejected; "
        f"{rows} rows loaded ({unreadable} unreadable records kept for quarantine)"
    ]
    for source_file, error in wh.rows(
        "SELECT source_file, error FROM raw.ingest_files WHERE status = 'rejected' ORDER BY source_file LIMIT 20"
    ):
        lines.append(f"  rejected {source_file}: {error}")
    return lines


def validation_summary(target: Warehouse | duckdb.DuckDBPyConnection) -> list[str]:
    wh = as_warehouse(target)
    if not wh.table_exists("quarantine.interviews"):
        return ["validation: not run yet"]
    raw = wh.scalar("SELECT count(*) FROM raw.interviews")
    valid = wh.scalar("SELECT count(*) FROM validated.interviews")
    kinds = dict(wh.rows("SELECT kind, count(*) FROM quarantine.interviews GROUP BY kind"))
    lines = [
        f"validation: {raw} raw rows = {valid} validated + {kinds.get('invalid', 0)} quarantined as invalid "
        f"+ {kinds.get('duplicate', 0)} superseded re-exports"
    ]
    reasons: Counter[str] = Counter()  # codes are space-separated; split here, the same on every engine
    for codes, n in wh.rows("SELECT reason_codes, count(*) FROM quarantine.interviews GROUP BY reason_codes"):
        for code in str(codes or "").split():
            reasons[code] += n
    lines += [f"  {n:>6}  {reason}" for reason, n in sorted(reasons.items(), key=lambda r: (-r[1], r[0]))[:12]]
    return lines


def warehouse_summary(target: Warehouse | duckdb.DuckDBPyConnection) -> list[str]:
    wh = as_warehouse(target)
    if not wh.table_exists("marts.agg_scores_by_country"):
        return ["warehouse: marts not built yet"]
    lines = ["NPS by country (95% CI; a targeted sample, not a random one):"]
    for country, n, nps, low, high in wh.rows(
        "SELECT country_code, n_interviews, nps, nps_ci_low, nps_ci_high FROM marts.agg_scores_by_country ORDER BY nps"
    ):
        lines.append(f"  {country}  NPS {float(nps):>6.1f}  [{float(low):>6.1f}, {float(high):>6.1f}]  n={n}")
    coverage = wh.rows(
        "SELECT coverage_date, active_collaborators_cumulative, roster_size, targets_reached_cumulative, "
        "targets_planned, localities_covered_cumulative, localities_total, countries_covered_cumulative, "
        "countries_total FROM marts.fct_programme_coverage ORDER BY coverage_date DESC LIMIT 1"
    )
    if coverage:
        day, collab, roster, reached, planned, loc, loc_total, ctry, ctry_total = coverage[0]
        lines.append(
            f"coverage to {day}: collaborators {collab}/{roster}, targeted customers {reached}/{planned}, "
            f"localities {loc}/{loc_total}, countries {ctry}/{ctry_total}"
        )
    return lines


def field_quality_summary(target: Warehouse | duckdb.DuckDBPyConnection) -> list[str]:
    """Field-work QA: interviews by final status and flag, the most flagged country teams, review decisions."""
    wh = as_warehouse(target)
    if not wh.table_exists("fieldqa.interview_quality"):
        return ["field-work QA: not run yet"]
    statuses = dict(wh.rows("SELECT status, count(*) FROM fieldqa.interview_quality GROUP BY status"))
    total = sum(statuses.values())
    order = ("ok", "reported", "downweighted", "excluded")
    lines = [
        f"field-work QA: {total} interviews assessed: "
        + ", ".join(f"{statuses.get(s, 0)} {s}" for s in order)
        + " (excluded ones are kept but left out of marts, insights and briefs)"
    ]
    flags = wh.rows(
        "SELECT flag, count(DISTINCT submission_id) AS n FROM fieldqa.interview_flags GROUP BY flag "
        "ORDER BY n DESC, flag"
    )
    lines += [f"  {n:>6}  {flag}" for flag, n in flags]
    teams = wh.rows(
        "SELECT country_code, count(*), sum(CASE WHEN weight < 1 THEN 1 ELSE 0 END) FROM fieldqa.interview_quality "
        "GROUP BY country_code ORDER BY 3 DESC, country_code LIMIT 3"
    )
    lines.append(
        "  most excluded/downweighted: " + ", ".join(f"{cc} {bad}/{n} ({bad / n:.1%})" for cc, n, bad in teams if n)
    )
    if wh.table_exists("fieldqa.review_audit"):
        reviewed = wh.scalar("SELECT count(*) FROM fieldqa.review_audit")
        lines.append(f"  supervisor decisions applied: {reviewed}")
    return lines


def insights_summary(target: Warehouse | duckdb.DuckDBPyConnection) -> list[str]:
    wh = as_warehouse(target)
    if not wh.table_exists("insights.opportunities"):
        return ["insights: not run yet"]
    as_of = wh.scalar("SELECT max(partition_date) FROM insights.opportunities")
    lines = [f"insights as of {as_of}:", "  top themes (mentions):"]
    for theme, mentions in wh.rows(
        "SELECT theme_id, sum(mentions) AS m FROM insights.journey_map WHERE partition_date = ? "
        "GROUP BY theme_id ORDER BY m DESC, theme_id LIMIT 5",
        [as_of],
    ):
        lines.append(f"    {theme}: {int(mentions)}")
    emerging = wh.rows(
        "SELECT theme_id, coalesce(country_code, 'all') FROM insights.emerging_themes "
        "WHERE partition_date = ? AND emerging ORDER BY q_value, theme_id LIMIT 8",
        [as_of],
    )
    lines.append("  emerging: " + (", ".join(f"{t} ({c})" for t, c in emerging) or "none"))
    lines.append("  top opportunities:")
    for rank, theme, score in wh.rows(
        "SELECT rank, theme_name, score FROM insights.opportunities WHERE partition_date = ? ORDER BY rank LIMIT 5",
        [as_of],
    ):
        lines.append(f"    {rank}. {theme} (score {float(score):.3f})")
    return lines
