"""A static HTML validation report (GX Data Docs needs a file context; this page needs nothing).

`write_validation_report(result, out_dir)` writes `<suite>/<partition>.html` and a `<suite>/<partition>.json`
summary beside it, then rebuilds `index.html` from every summary in `out_dir`. Every value is escaped, and
failing-row samples are the redacted ones the result already carries.
"""

import json
from html import escape
from pathlib import Path
from typing import Any

from fieldvoice.quality.results import ExpectationOutcome, ValidationResult, _jsonable

_STYLE = """body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}.ok{color:#080}.fail{color:#b00}
.skip{color:#888}code{font-size:12px;white-space:pre-wrap}"""


def _page(title: str, body: str) -> str:
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)}</title>"
        f"<style>{_STYLE}</style></head><body>{body}</body></html>\n"
    )


def _status(success: bool | None) -> str:
    if success is None:
        return '<span class="skip">skipped</span>'
    return '<span class="ok">pass</span>' if success else '<span class="fail">FAIL</span>'


def _json(value: Any) -> str:
    value = _jsonable(value)
    if value is None or value == [] or value == {}:
        return ""
    return escape(json.dumps(value, ensure_ascii=False))


def _row(o: ExpectationOutcome) -> str:
    d = o.to_dict()
    counts = "" if o.unexpected_count is None else f"{o.unexpected_count} / {o.element_count}"
    sample = "".join(f"<div><code>{_json(s)}</code></div>" for s in d["sample"])
    return (
        f"<tr><td>{_status(o.success)}</td><td>{escape(o.expectation)}</td><td>{escape(o.column or '')}</td>"
        f"<td>{escape(o.reason)}</td><td><code>{_json(d['kwargs'])}</code></td><td>{counts}</td>"
        f"<td><code>{_json(d['observed_value'])}</code>{escape(o.error or '')}</td><td>{sample}</td></tr>"
    )


def render_result(result: ValidationResult) -> str:
    summary = result.to_dict()
    parts = [
        f"<h1>{escape(result.suite)} — {escape(result.partition or 'whole table')}</h1>",
        f"<p>Overall: {_status(result.success)} · rows: <code>{_json(summary['counts'])}</code></p>",
    ]
    for name, level in result.checks.items():
        parts.append(
            f"<h2>{escape(name)} level — {_status(level.success)}, success rate {level.success_rate:.1%}</h2>"
            "<table><tr><th>status</th><th>expectation</th><th>column</th><th>reason</th><th>arguments</th>"
            "<th>unexpected</th><th>observed</th><th>failing rows (redacted sample)</th></tr>"
            + "".join(_row(o) for o in level.outcomes)
            + "</table>"
        )
    if result.timings:
        parts.append(f"<p>Timings (s): <code>{_json(summary['timings'])}</code></p>")
    parts.append('<p><a href="../index.html">all reports</a></p>')
    return _page(f"{result.suite} {result.partition or ''}", "".join(parts))


def write_validation_report(result: ValidationResult, out_dir: Path) -> Path:
    """Write the page for one result and refresh the index; returns the page's path."""
    stem = (result.partition or "reference").replace(",", "_").replace("/", "_")
    suite_dir = Path(out_dir) / result.suite
    suite_dir.mkdir(parents=True, exist_ok=True)
    page = suite_dir / f"{stem}.html"
    page.write_text(render_result(result), encoding="utf-8")
    summary = result.to_dict()
    index_entry = {
        "suite": result.suite,
        "partition": result.partition,
        "success": result.success,
        "counts": summary["counts"],
        "page": f"{result.suite}/{stem}.html",
        "levels": {k: v["success_rate"] for k, v in summary["checks"].items()},
    }
    (suite_dir / f"{stem}.json").write_text(json.dumps(index_entry, ensure_ascii=False), encoding="utf-8")
    _write_index(Path(out_dir))
    return page


def _write_index(out_dir: Path) -> None:
    entries = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out_dir.glob("*/*.json"))]
    entries.sort(key=lambda e: (e["suite"], e["partition"] or ""), reverse=True)
    rows = "".join(
        f"<tr><td>{_status(e['success'])}</td><td>{escape(e['suite'])}</td>"
        f'<td><a href="{escape(e["page"])}">{escape(e["partition"] or "whole table")}</a></td>'
        f"<td><code>{_json(e['counts'])}</code></td><td><code>{_json(e['levels'])}</code></td></tr>"
        for e in entries
    )
    body = (
        "<h1>Validation reports</h1><table><tr><th>status</th><th>suite</th><th>partition</th>"
        f"<th>rows</th><th>success rate per level</th></tr>{rows}</table>"
    )
    (out_dir / "index.html").write_text(_page("Validation reports", body), encoding="utf-8")
