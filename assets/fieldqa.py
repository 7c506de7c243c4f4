"""Field-work quality (high-frequency checks) on each day's validated interviews: flags, the policy decision per
interview with supervisors' review decisions applied, collaborator scorecards and per-country review files.

The plain logic is fieldvoice.fieldqa; thresholds and policies are config/fieldqa.yaml. Flagged interviews are
never deleted: `fieldqa.interview_quality` tells the marts (and so insights and briefs) how much each counts.
"""

from datetime import date, timedelta
from typing import TYPE_CHECKING

import dagster as dg

from assets.metadata import markdown_table
from fieldvoice.settings import warehouse_kind
from orchestration.partitions import daily_partitions
from orchestration.resources import FieldvoicePaths, WarehouseResource, writer_pool

if TYPE_CHECKING:
    import pandas as pd


FLAGS_KEY = dg.AssetKey(["fieldqa", "interview_flags"])
QUALITY_KEY = dg.AssetKey(["fieldqa", "interview_quality"])
AUDIT_KEY = dg.AssetKey(["fieldqa", "review_audit"])
SCORECARD_KEY = dg.AssetKey(["fieldqa", "collaborator_scorecard"])
REVIEW_FILES_KEY = dg.AssetKey(["fieldqa", "review_files"])
# A country whose flagged share of the day passes this gets a warning: a team problem, not one person.
FLAG_RATE_WARN = 0.25
_COMMON: dict = {"group_name": "fieldqa", "kinds": {warehouse_kind(), "python"}, "owners": ["team:data"]}


@dg.multi_asset(
    name="field_quality",
    partitions_def=daily_partitions,
    specs=[
        dg.AssetSpec(
            FLAGS_KEY,
            **_COMMON,
            deps=[["validated", "interviews"], ["validated", "localities"]],
            description="One row per (interview, flag): too short/long, GPS far from the locality, straight-lining, "
            "near-duplicate verbatims, overlaps, bursts, shared devices, a target interviewed twice, odd hours; "
            "with the reason, the observed value and the threshold (config/fieldqa.yaml).",
        ),
        dg.AssetSpec(
            QUALITY_KEY,
            **_COMMON,
            deps=[FLAGS_KEY],
            description="One row per validated interview: weight (0 excluded, <1 downweighted, 1 counted), status, "
            "flags and who decided (policy or a supervisor's review). The marts join it.",
        ),
        dg.AssetSpec(
            AUDIT_KEY,
            **_COMMON,
            deps=[QUALITY_KEY],
            description="Every supervisor decision applied to the day's interviews: who, when, file and line, "
            "old -> new status and weight.",
        ),
    ],
    check_specs=[
        dg.AssetCheckSpec(
            "every_interview_assessed",
            asset=QUALITY_KEY,
            blocking=True,
            description="Exactly one quality row per validated interview of the day (the marts rely on it).",
        ),
        dg.AssetCheckSpec(
            "country_flag_rate",
            asset=QUALITY_KEY,
            description=f"No country team has more than {FLAG_RATE_WARN:.0%} of the day's interviews excluded or "
            "downweighted.",
        ),
    ],
    pool=writer_pool(),
)
def field_quality(context: dg.AssetExecutionContext, warehouse: WarehouseResource, paths: FieldvoicePaths):
    from fieldvoice.fieldqa import collect_decisions, load_config, review_files_in
    from fieldvoice.fieldqa.day import REVIEW_AUDIT_SCHEMA, assess_day
    from fieldvoice.fieldqa.flags import FLAGS_SCHEMA, HISTORY_COLUMNS, QA_COLUMNS
    from fieldvoice.fieldqa.policy import INTERVIEW_QUALITY_SCHEMA, describe_exclusions
    from fieldvoice.landing import reviews_folder

    day = date.fromisoformat(context.partition_key)
    config = load_config()
    decisions, review_errors = collect_decisions(review_files_in(reviews_folder(paths.landing)))
    for error in review_errors:
        context.log.warning(f"review file not applied: {error}")
    with warehouse.connect() as wh:
        columns = ", ".join(QA_COLUMNS)  # not SELECT *: converting the unused text columns doubles the time
        interviews = wh.query(f"SELECT {columns} FROM validated.interviews WHERE partition_date = ?", [day])
        # The rows bounded_history keeps, selected here, so that it uses this frame as it is instead of a copy
        # (0.25 GB less at the peak on day 8 of the 1,000,000 backfill). Ordered: the near-duplicate check's
        # candidates depend on row order, and the anti-join does not keep the table's.
        history = wh.query(
            f"SELECT {', '.join(HISTORY_COLUMNS)} FROM validated.interviews "
            "WHERE partition_date >= ? AND partition_date < ? AND submission_id NOT IN "
            "(SELECT submission_id FROM validated.interviews WHERE partition_date = ?) "
            "ORDER BY partition_date, submission_id",
            [day - timedelta(days=config.history_days), day, day],
        )
        localities = wh.query("SELECT * FROM validated.localities")
        wh.release_memory()  # the inputs are read: DuckDB's cached blocks would sit under the checks' arrays
        qa = assess_day(interviews, localities, config, partition_date=day, history=history, decisions=decisions)
        wh.replace_partitions(
            {
                "fieldqa.interview_flags": (qa.flags, FLAGS_SCHEMA),
                "fieldqa.interview_quality": (qa.quality, INTERVIEW_QUALITY_SCHEMA),
                "fieldqa.review_audit": (qa.audit, REVIEW_AUDIT_SCHEMA),
            },
            day,
        )
        stored = wh.rows(
            "SELECT count(*), count(DISTINCT submission_id) FROM fieldqa.interview_quality WHERE partition_date = ?",
            [day],
        )[0]
        expected = wh.rows(
            "SELECT count(DISTINCT submission_id) FROM validated.interviews WHERE partition_date = ?", [day]
        )[0]
    quality = qa.quality
    summary = describe_exclusions(quality)
    context.log.info(f"{day}: {summary}")
    yield dg.MaterializeResult(
        asset_key=FLAGS_KEY,
        metadata={
            "dagster/row_count": len(qa.flags),
            "interviews_flagged": int(qa.flags["submission_id"].nunique()),
            "by_flag": markdown_table(_by_flag(qa.flags), limit=20),
            "timings_s": {k: round(v, 3) for k, v in qa.timings.items()},
        },
    )
    yield dg.MaterializeResult(
        asset_key=QUALITY_KEY,
        metadata={
            "dagster/row_count": len(quality),
            **{f"interviews_{s}": int((quality["status"] == s).sum()) for s in ("ok", "reported", "downweighted")},
            "interviews_excluded": int((quality["status"] == "excluded").sum()),
            "decided_by_review": int((quality["decided_by"] == "review").sum()),
            "exclusions": dg.MetadataValue.md(summary),
            "flag_rates_by_country": markdown_table(_rates_by_country(quality), limit=20),
        },
    )
    yield dg.MaterializeResult(
        asset_key=AUDIT_KEY,
        metadata={
            "dagster/row_count": len(qa.audit),
            "review_files_with_errors": len(review_errors),
            "errors": dg.MetadataValue.md("\n".join(f"- {e}" for e in review_errors) or "_none_"),
        },
    )
    rows, ids = stored or (0, 0)
    yield dg.AssetCheckResult(
        check_name="every_interview_assessed",
        asset_key=QUALITY_KEY,
        passed=rows == ids == (expected[0] if expected else 0),
        metadata={"quality_rows": rows, "distinct_interviews": ids, "validated_interviews": expected[0]},
    )
    rates = _rates_by_country(quality)
    high = rates[rates["counted_less_share"] > FLAG_RATE_WARN] if len(rates) else rates
    yield dg.AssetCheckResult(
        check_name="country_flag_rate",
        asset_key=QUALITY_KEY,
        passed=high.empty,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"countries_over": markdown_table(high, limit=20), "threshold": FLAG_RATE_WARN},
    )


@dg.asset(
    key=SCORECARD_KEY,
    deps=[QUALITY_KEY],
    **_COMMON,
    partitions_def=daily_partitions,
    description="Collaborator scorecards for the day and its ISO week so far: volume, share flagged by reason, "
    "answer-pattern anomalies (flat NPS, same scores, short texts) and a suspicion score to rank by; the "
    "country-team summary in fieldqa.team_summary. A pseudonymised copy is written for readers outside the "
    "data team when FIELDQA_PSEUDONYM_SALT is set.",
    pool=writer_pool(),
)
def collaborator_scorecard(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, paths: FieldvoicePaths
) -> dg.MaterializeResult:
    from fieldvoice.fieldqa import load_config, pseudonymise
    from fieldvoice.fieldqa.day import scorecards, week_start
    from fieldvoice.fieldqa.scorecard import FLAG_COLUMNS, INTERVIEW_COLUMNS
    from fieldvoice.warehouse import infer_schema

    day = date.fromisoformat(context.partition_key)
    config = load_config()
    with warehouse.connect() as wh:
        window = [week_start(day), day]
        # Only the columns used: converting the others (reasons, unused texts) took longer than the scorecards.
        interviews = wh.query(
            f"SELECT {', '.join(INTERVIEW_COLUMNS)} FROM validated.interviews "
            "WHERE partition_date >= ? AND partition_date <= ?",
            window,
        )
        flags = wh.query(
            f"SELECT {', '.join(FLAG_COLUMNS)} FROM fieldqa.interview_flags "
            "WHERE partition_date >= ? AND partition_date <= ?",
            window,
        )
        cards, teams = scorecards(interviews, flags, config, day)
        wh.replace_partitions(
            {
                "fieldqa.collaborator_scorecard": (cards, infer_schema(cards)),
                "fieldqa.team_summary": (teams, infer_schema(teams)),
            },
            day,
        )
    metadata = {
        "dagster/row_count": len(cards),
        "top_collaborators_today": markdown_table(_top(cards, day.isoformat()), limit=15),
        "teams_today": markdown_table(_teams(teams, day.isoformat()), limit=20),
    }
    try:
        shared = pseudonymise(cards, config)
    except ValueError as missing_salt:
        context.log.warning(f"pseudonymised scorecard not written: {missing_salt}")
    else:
        out = paths.outputs / "fieldqa" / day.isoformat()
        out.mkdir(parents=True, exist_ok=True)
        path = out / "collaborator_scorecard_pseudonymised.csv"
        shared.drop(columns=["partition_date"]).to_csv(path, index=False, encoding="utf-8")
        metadata["pseudonymised_scorecard"] = dg.MetadataValue.path(str(path))
    return dg.MaterializeResult(metadata=metadata)


@dg.asset(
    key=REVIEW_FILES_KEY,
    deps=[QUALITY_KEY],
    group_name="fieldqa",
    owners=["team:data"],
    partitions_def=daily_partitions,
    description="One review file per country of the day's flagged interviews (CSV, UTF-8 with BOM, formula "
    "cells neutralised), most-flagged collaborators first. Supervisors fill decision (accept | reject) and "
    "reviewer and drop the file into <landing>/reviews/: the review sensor applies it.",
    kinds={"csv"},
    pool=writer_pool(),
)
def review_files(context: dg.AssetExecutionContext, warehouse: WarehouseResource, paths: FieldvoicePaths):
    from fieldvoice.fieldqa import write_review_files

    day = date.fromisoformat(context.partition_key)
    with warehouse.connect() as wh:  # the columns the files show, no more (converting the rest costs seconds)
        flags = wh.query(
            "SELECT submission_id, partition_date, country_code, collaborator_id, flag, reason "
            "FROM fieldqa.interview_flags WHERE partition_date = ?",
            [day],
        )
        interviews = wh.query(
            "SELECT submission_id, country_code, locality, interview_start FROM validated.interviews "
            "WHERE partition_date = ?",
            [day],
        )
        quality = wh.query(
            "SELECT submission_id, status FROM fieldqa.interview_quality WHERE partition_date = ?", [day]
        )
    out = paths.outputs / "reviews" / day.isoformat()
    for stale in out.glob("review_*.csv"):  # a rerun with fewer flagged countries must not leave old files
        stale.unlink()
    written = write_review_files(flags, out, interviews=interviews, quality=quality) if len(flags) else []
    return dg.MaterializeResult(
        metadata={
            "files": len(written),
            "folder": dg.MetadataValue.path(str(out)),
            "interviews_to_review": int(flags["submission_id"].nunique()) if len(flags) else 0,
        }
    )


def _by_flag(flags: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    if flags.empty:
        return pd.DataFrame()
    table = flags.groupby("flag").agg(interviews=("submission_id", "nunique"), countries=("country_code", "nunique"))
    return table.sort_values("interviews", ascending=False).reset_index()


def _rates_by_country(quality: "pd.DataFrame") -> "pd.DataFrame":
    if quality.empty:
        return quality.iloc[:0]
    grouped = quality.assign(
        flagged=quality["flags"].fillna("") != "", counted_less=quality["weight"].astype(float) < 1
    ).groupby("country_code")
    table = grouped.agg(
        interviews=("submission_id", "size"), flagged=("flagged", "sum"), counted_less=("counted_less", "sum")
    )
    table["flagged_share"] = (table["flagged"] / table["interviews"]).round(3)
    table["counted_less_share"] = (table["counted_less"] / table["interviews"]).round(3)
    return table.sort_values("counted_less_share", ascending=False).reset_index()


def _top(cards: "pd.DataFrame", day: str) -> "pd.DataFrame":
    today = cards[cards["period"] == day]
    columns = ["rank", "collaborator_id", "country_code", "interviews", "flagged_share", "anomalies", "suspicion"]
    return today.sort_values("rank")[columns]


def _teams(teams: "pd.DataFrame", day: str) -> "pd.DataFrame":
    columns = ["country_code", "collaborators", "interviews", "flagged_share", "suspects", "max_suspicion"]
    return teams[teams["period"] == day][columns].round(3)


field_quality_assets = [field_quality, collaborator_scorecard, review_files]
