"""Small helpers that turn frames and records into Dagster metadata the UI renders well."""

from typing import TYPE_CHECKING

import dagster as dg

if TYPE_CHECKING:  # pandas is heavy to import; the code location must load fast
    import pandas as pd


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
