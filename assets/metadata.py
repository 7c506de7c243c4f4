"""Small helpers that turn frames and records into Dagster metadata the UI renders well."""

from typing import TYPE_CHECKING

import dagster as dg

if TYPE_CHECKING:  # pandas is heavy to import; the code location must load fast
    from pathlib import Path

    import pandas as pd

    from fieldvoice.quality import LevelResult


def markdown_table(rows: "pd.DataFrame | list[dict]", limit: int = 10) -> dg.MetadataValue:
    """A Markdown table of the first rows (a DataFrame or a list of dicts)."""
    records = rows.head(limit).to_dict("records") if hasattr(rows, "head") else list(rows)[:limit]
    if not records:
        return dg.MetadataValue.md("_no rows_")
    columns = list(records[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for record in records:
        cells = (str(record[c]).replace("|", "\\|").replace("\n", " ") for c in columns)
        lines.append("| " + " | ".join(cells) + " |")
    return dg.MetadataValue.md("\n".join(lines))


def check_results(
    asset_key: list[str], prefix: str, checks: "dict[str, LevelResult]", report: "Path"
) -> list[dg.AssetCheckResult]:
    """Asset check results of one validation: schema failures are errors, row/day failures warnings."""
    results = []
    for level in ("schema", "row", "day"):
        result = checks.get(level)
        if result is None:
            continue
        summary = result.summary()
        failing = summary["failing"]
        samples = [{"expectation": o.name, **row} for o in result.failing for row in o.sample[:3]]
        results.append(
            dg.AssetCheckResult(
                check_name=f"{prefix}_{'rows' if level == 'row' else level}",
                asset_key=asset_key,
                passed=bool(result.success),
                severity=dg.AssetCheckSeverity.ERROR if level == "schema" else dg.AssetCheckSeverity.WARN,
                metadata={
                    "success_rate": summary["success_rate"],
                    "expectations_evaluated": summary["evaluated"],
                    "failing_expectations": markdown_table(
                        [{"expectation": k, **v} for k, v in failing.items()], limit=50
                    ),
                    "failing_rows_sample (redacted)": markdown_table(samples, limit=15),
                    "report": dg.MetadataValue.path(str(report)),
                },
            )
        )
    return results
