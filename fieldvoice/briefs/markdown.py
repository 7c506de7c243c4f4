"""`render_markdown(brief)`: a brief as Markdown, for repositories, chat and e-mail.

Every piece of text is escaped, so a quote or a model-written line cannot become a link, an HTML tag or a
heading in a Markdown viewer.
"""

import re

from fieldvoice.briefs.labels import HEADINGS, p_value, percent, points, ratio, signed
from fieldvoice.briefs.model import Brief

# Enough to keep text inert: with [ and ] escaped no link or image can form, and every line starts with our
# own prefix, so characters that only matter at a line start (#, -, +, 1.) need nothing.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md(text: str) -> str:
    """Markdown-inert text: markup characters backslash-escaped, HTML brackets as entities."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def code(text: str) -> str:
    return "`" + text.replace("`", "'").replace("\n", " ") + "`"


def evidence_rows(brief: Brief) -> list[tuple[str, str]]:
    """(label, formatted value) of the injected evidence, shared by the Markdown and HTML renderings."""
    h, e, lang = HEADINGS[brief.language], brief.evidence, brief.language
    return [
        (h["mentions"], f"{e.mentions:,}".replace(",", "\u202f" if lang == "fr" else ",")),
        (h["reach"], percent(e.reach, lang)),
        (h["nps_mentioners"], signed(e.nps_mentioners, lang)),
        (h["nps_impact"], points(e.nps_impact, lang)),
        (h["growth"], ratio(e.growth, lang)),
        (h["p_value"], p_value(e.growth_p_value, lang)),
    ]


def render_markdown(brief: Brief) -> str:
    h = HEADINGS[brief.language]
    lines = [f"# {md(brief.title)}", "", f"*{md(brief.provenance.label)}*", ""]
    lines += [f"## {md(h['hmw'])}", "", md(brief.how_might_we), ""]
    stages = ", ".join(md(s.label) for s in brief.problem.journey_stages)
    lines += [f"## {md(h['problem'])}", "", md(brief.problem.statement), ""]
    lines += [f"- **{md(h['who'])}**: {md(brief.problem.who)}", f"- **{md(h['where'])}**: {stages}"]
    lines += [f"- **{md(h['touchpoint'])}**: {md(brief.problem.touchpoint)}"]
    lines += [f"- **{md(h['countries'])}**: " + ", ".join(f"{md(c.label)} ({c.n})" for c in brief.countries)]
    lines += [f"- **{md(h['segments'])}**: " + ", ".join(f"{md(s.label)} ({s.n})" for s in brief.segments), ""]
    lines += [f"## {md(h['evidence'])}", "", "| | |", "|---|---|"]
    lines += [f"| {md(label)} | {md(value)} |" for label, value in evidence_rows(brief)]
    trend = ", ".join(f"{md(w.week_start)}: {w.mentions}" for w in brief.evidence.weekly_trend)
    lines += ["", f"{md(h['trend'])}: {trend}" if trend else "", ""]
    lines += [f"## {md(h['quotes'])}", ""]
    for q in brief.quotes:
        where = " · ".join(md(x) for x in (q.verbatim_id, q.country_code or "", q.language or "") if x)
        lines += [f"> {md(q.text)}", ">", f"> — {where}"]
        if q.translation:
            lines += [">", f"> *{md(h['translation'])}*: {md(q.translation)}"]
        elif q.language and q.language != brief.language:
            lines += [">", f"> *{md(h['untranslated'])}*"]
        lines += [""]
    lines += [f"## {md(h['hypotheses'])}", ""]
    lines += [f"{i}. **{md(h['hypothesis'])}**: {md(t)}" for i, t in enumerate(brief.root_cause_hypotheses, 1)]
    lines += ["", f"## {md(h['constraints'])}", ""]
    lines += [f"- {md(c.text)}" for c in brief.constraints]
    lines += ["", f"## {md(h['out_of_scope'])}", ""]
    lines += [f"- {md(t)}" for t in brief.out_of_scope]
    lines += ["", f"## {md(h['metrics'])}", ""]
    for m in brief.success_metrics:
        baseline = f" ({md(h['baseline'])}: {md(m.baseline)})" if m.baseline else ""
        lines += [f"- **{md(h[m.kind])}**: {md(m.metric)}{baseline}; {md(m.how_measured)}"]
    lines += ["", f"## {md(h['data'])}", ""] + [f"- {md(t)}" for t in brief.data_available]
    lines += ["", f"## {md(h['limitations'])}", ""] + [f"- {md(t)}" for t in brief.limitations]
    p, v = brief.provenance, brief.verification
    lines += ["", f"## {md(h['provenance'])}", ""]
    lines += [
        f"- generated\\_by: {code(p.generated_by)}",
        f"- taxonomy: {code(p.taxonomy_version)} · as\\_of: {code(p.as_of)} · prompt: {code(p.prompt_version)}",
        f"- input\\_hash: {code(p.input_hash)}",
        f"- {md(h['verification'])}: {v.quotes_verified}/{v.quotes_proposed} quotes verified, "
        f"{v.quotes_dropped} dropped, {v.quotes_topped_up} topped up, {v.figures_removed} figures removed",
        "",
    ]
    return "\n".join(lines)
