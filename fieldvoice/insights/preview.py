"""Markdown previews of the insights tables (for run logs, asset metadata and the README)."""

import json
import math
from datetime import date, datetime

import pandas as pd


def to_markdown_preview(
    frame: pd.DataFrame, max_rows: int = 15, columns: list[str] | None = None, max_chars: int = 60
) -> str:
    """A GitHub-flavoured Markdown table of the first `max_rows` rows: floats with 4 significant digits,
    long texts cut at `max_chars`, pipes escaped, and a "(n of N rows)" footer when cut."""
    shown = frame[columns] if columns else frame
    head = shown.head(max_rows)
    lines = ["| " + " | ".join(str(c) for c in head.columns) + " |", "|" + "---|" * len(head.columns)]
    for row in head.itertuples(index=False):
        lines.append("| " + " | ".join(_cell(v, max_chars) for v in row) + " |")
    if len(shown) > max_rows:
        lines.append(f"\n({max_rows} of {len(shown)} rows)")
    return "\n".join(lines)


def _cell(value: object, max_chars: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        text = ""
    elif isinstance(value, float):
        text = f"{value:.4g}"
    elif isinstance(value, datetime | date):
        text = value.isoformat()
    elif isinstance(value, list | tuple | dict):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = str(value)
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"
