"""`write_site`: a static briefs site (index + one printable page per brief), with JSON and Markdown beside.

Plain HTML with inline CSS and inline SVG charts: it opens from a file share or a USB stick, offline, and
prints one brief per document. Every text goes through `html.escape`.
"""

import json
from collections.abc import Sequence
from html import escape as e
from pathlib import Path

from fieldvoice.briefs.figures import BriefFigures
from fieldvoice.briefs.labels import HEADINGS, constraint_label, country_name, stage_label
from fieldvoice.briefs.markdown import evidence_rows, render_markdown
from fieldvoice.briefs.model import Brief
from fieldvoice.briefs.svg import nps_chart, sparkline, trend_chart

BRIEFS_DIR = "briefs"
CSS = """
body{font:15px/1.5 system-ui,sans-serif;color:#1b1b1b;max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
.label{color:#555;font-style:italic}.hmw{font-size:1.2rem;font-weight:600;background:#f3f6fa;padding:.6rem .9rem}
blockquote{margin:.8rem 0;padding:.3rem .9rem;border-left:4px solid #0072B2;background:#fafafa}
blockquote footer,.small{font-size:.85rem;color:#555}table{border-collapse:collapse}
td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.cards{list-style:none;padding:0}.cards li{border:1px solid #ddd;border-radius:6px;padding:.7rem 1rem;margin:.7rem 0}
nav a,.downloads a{margin-right:1rem}
@media print{nav,.downloads{display:none}body{max-width:none;font-size:11pt}
a{color:inherit;text-decoration:none}h2,blockquote,table,svg{break-inside:avoid}}
"""


def write_site(briefs: Sequence[Brief], figures: BriefFigures, out_dir: Path) -> Path:
    """Write index.html, briefs/<id>.html|.json|.md and briefs.json under out_dir; return index.html's path."""
    out_dir = Path(out_dir)
    pages = out_dir / BRIEFS_DIR
    pages.mkdir(parents=True, exist_ok=True)
    written: set[str] = set()
    for brief in briefs:
        stem = brief.brief_id
        (pages / f"{stem}.json").write_text(brief.model_dump_json(indent=2), encoding="utf-8")
        (pages / f"{stem}.md").write_text(render_markdown(brief), encoding="utf-8")
        (pages / f"{stem}.html").write_text(_brief_page(brief), encoding="utf-8")
        written |= {f"{stem}.json", f"{stem}.md", f"{stem}.html"}
    # Briefs of themes that dropped out of the top since the last run would otherwise stay online.
    for stale in pages.iterdir():
        if stale.suffix in (".json", ".md", ".html") and stale.name not in written:
            stale.unlink()
    all_briefs = [json.loads(b.model_dump_json()) for b in briefs]
    (out_dir / "briefs.json").write_text(json.dumps(all_briefs, ensure_ascii=False, indent=2), encoding="utf-8")
    index = out_dir / "index.html"
    index.write_text(_index_page(briefs, figures), encoding="utf-8")
    return index


def _page(title: str, language: str, body: str) -> str:
    return (
        f'<!doctype html>\n<html lang="{e(language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>{CSS}</style></head><body>{body}</body></html>\n"
    )


def _index_page(briefs: Sequence[Brief], figures: BriefFigures) -> str:
    language = briefs[0].language if briefs else "en"
    h = HEADINGS[language]
    parts = [f"<h1>{e(h['briefs'])}</h1>"]
    parts.append(
        f"<p class='small'>{e(h['as_of'])} {e(figures.as_of.isoformat())} · taxonomy "
        f"{e(figures.taxonomy_version)} · <a href='briefs.json'>briefs.json</a></p>"
    )
    cards = []
    for b in briefs:
        countries = ", ".join(f"{c.label} ({c.n})" for c in b.countries[:3])
        cards.append(
            f"<li><a href='{BRIEFS_DIR}/{e(b.brief_id)}.html'><strong>{b.rank}. {e(b.title)}</strong></a>"
            f"<div>{e(b.how_might_we)}</div><div class='small'>{e(countries)}</div>"
            f"<div class='small label'>{e(b.provenance.label)}</div></li>"
        )
    parts.append("<ul class='cards'>" + "".join(cards) + "</ul>")
    if figures.nps_by_country:
        parts.append(f"<h2>{e(h['nps_country'])}</h2>")
        parts.append(nps_chart(figures.nps_by_country, lambda c: country_name(c, language), h["nps_country"]))
    if figures.nps_by_stage:
        parts.append(f"<h2>{e(h['nps_stage'])}</h2>")
        parts.append(nps_chart(figures.nps_by_stage, lambda s: stage_label(s, language), h["nps_stage"]))
    series = _theme_series(briefs, figures)
    if series:
        parts.append(f"<h2>{e(h['theme_trends'])}</h2>" + trend_chart(series, h["theme_trends"]))
    return _page(h["briefs"], language, "".join(parts))


def _theme_series(briefs: Sequence[Brief], figures: BriefFigures) -> list[tuple[str, list[tuple[str, int]]]]:
    """Weekly mentions per briefed theme: from the marts when given, else from the briefs' own evidence."""
    series = []
    for b in briefs:
        rows = [(r.week_start, r.mentions) for r in figures.theme_trends if r.theme_id == b.theme_id]
        rows = rows or [(w.week_start, w.mentions) for w in b.evidence.weekly_trend]
        if rows:
            series.append((f"{b.rank}. {b.theme_name}", rows))
    return series


def _list(items: Sequence[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def _brief_page(b: Brief) -> str:
    h, lang = HEADINGS[b.language], b.language
    stages = ", ".join(s.label for s in b.problem.journey_stages)
    parts = [f"<nav><a href='../index.html'>← {e(h['back'])}</a></nav>", f"<h1>{e(b.title)}</h1>"]
    parts.append(f"<p class='label'>{e(b.provenance.label)}</p>")
    parts.append(f"<h2>{e(h['hmw'])}</h2><p class='hmw'>{e(b.how_might_we)}</p>")
    parts.append(f"<h2>{e(h['problem'])}</h2><p>{e(b.problem.statement)}</p><table>")
    for label, value in (
        (h["who"], b.problem.who),
        (h["where"], stages),
        (h["touchpoint"], b.problem.touchpoint),
        (h["countries"], ", ".join(f"{c.label} ({c.n})" for c in b.countries)),
        (h["segments"], ", ".join(f"{s.label} ({s.n})" for s in b.segments)),
    ):
        parts.append(f"<tr><th>{e(label)}</th><td>{e(value)}</td></tr>")
    parts.append(f"</table><h2>{e(h['evidence'])}</h2><table>")
    parts += [f"<tr><th>{e(label)}</th><td>{e(value)}</td></tr>" for label, value in evidence_rows(b)]
    trend = [(w.week_start, w.mentions) for w in b.evidence.weekly_trend]
    parts.append(f"</table><p class='small'>{e(h['trend'])}</p>{sparkline(trend, h['trend'])}")
    parts.append(f"<h2>{e(h['quotes'])}</h2>")
    for q in b.quotes:
        meta = " · ".join(x for x in (q.verbatim_id, q.country_code or "", q.language or "") if x)
        if q.translation:
            extra = f"<div><em>{e(h['translation'])}:</em> {e(q.translation)}</div>"
        else:
            extra = f"<div class='small'>{e(h['untranslated'])}</div>" if q.language not in (None, lang) else ""
        parts.append(f"<blockquote><p>“{e(q.text)}”</p>{extra}<footer>{e(meta)}</footer></blockquote>")
    parts.append(f"<h2>{e(h['hypotheses'])}</h2>")
    parts.append(_list([f"<strong>{e(h['hypothesis'])}:</strong> {e(t)}" for t in b.root_cause_hypotheses], True))
    parts.append(f"<h2>{e(h['constraints'])}</h2>")
    parts.append(
        _list([f"<strong>{e(constraint_label(c.category, lang))}:</strong> {e(c.text)}" for c in b.constraints])
    )
    parts.append(f"<h2>{e(h['out_of_scope'])}</h2>" + _list([e(t) for t in b.out_of_scope]))
    metrics = [
        f"<strong>{e(h[m.kind])}:</strong> {e(m.metric)}"
        + (f" ({e(h['baseline'])}: {e(m.baseline)})" if m.baseline else "")
        + f" <span class='small'>{e(m.how_measured)}</span>"
        for m in b.success_metrics
    ]
    parts.append(f"<h2>{e(h['metrics'])}</h2>" + _list(metrics))
    parts.append(f"<h2>{e(h['data'])}</h2>" + _list([e(t) for t in b.data_available]))
    parts.append(f"<h2>{e(h['limitations'])}</h2>" + _list([e(t) for t in b.limitations]))
    p, v = b.provenance, b.verification
    parts.append(
        f"<h2>{e(h['provenance'])}</h2><p class='small'>{e(p.generated_by)} · taxonomy {e(p.taxonomy_version)} · "
        f"as of {e(p.as_of)} · {e(p.prompt_version)} · {e(p.input_hash)}<br>{e(h['verification'])}: "
        f"{v.quotes_verified}/{v.quotes_proposed} quotes verified, {v.quotes_dropped} dropped, "
        f"{v.quotes_topped_up} topped up, {v.figures_removed} figures removed</p>"
    )
    parts.append(
        f"<p class='downloads'>{e(h['download'])}: <a href='{e(b.brief_id)}.json'>JSON</a>"
        f"<a href='{e(b.brief_id)}.md'>Markdown</a></p>"
    )
    return _page(b.title, lang, "".join(parts))
