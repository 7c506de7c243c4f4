"""Turn a `BriefDraft` (from the model or the offline summariser) into a published `Brief`.

Here the model's text is redacted and checked, and the figures are injected: the evidence, the counts per
country and segment, and the metric baselines all come from the Opportunity and the marts.
"""

import re
from dataclasses import dataclass

from fieldvoice.briefs import defaults
from fieldvoice.briefs.figures import BriefFigures
from fieldvoice.briefs.inputs import SourceVerbatim, safe_text
from fieldvoice.briefs.labels import LANGUAGES, country_name, number, percent, segment_label, stage_label
from fieldvoice.briefs.model import (
    Brief,
    BriefDraft,
    Constraint,
    CountN,
    Evidence,
    Metric,
    Problem,
    Provenance,
    Verification,
    WeekCount,
)
from fieldvoice.briefs.verify import scrub_figures, top_up, verify_quotes
from fieldvoice.insights.contracts import Opportunity

MAX_ITEMS = 5  # hypotheses, out-of-scope items and model metrics kept per brief
REQUIRED_CONSTRAINTS = ("ussd_feature_phones", "offline", "kyc", "languages", "privacy")


@dataclass(frozen=True)
class Origin:
    generated_by: str  # "llm:<model>" or "offline"
    label: str
    fallback_reason: str | None
    input_hash: str
    prompt_version: str


def brief_id(opportunity: Opportunity) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", opportunity.theme_id.lower()).strip("-")[:60] or "theme"
    return f"{opportunity.rank:02d}-{slug}"


class _Prose:
    """Redacts every model-written string and, for model text, replaces invented statistics.

    The evidence customers' names are redacted too: the model never saw them, but a name the upstream redaction
    missed could otherwise travel through the model into the brief."""

    def __init__(self, language: str, from_model: bool, names: tuple[str, ...] = ()) -> None:
        self.language, self.from_model, self.names, self.removed = language, from_model, names, 0

    def __call__(self, text: str) -> str:
        clean = safe_text(" ".join(text.split()), self.names)
        if self.from_model:
            clean, n = scrub_figures(clean, self.language)
            self.removed += n
        return clean

    def items(self, texts: list[str], limit: int = MAX_ITEMS) -> list[str]:
        return [t for t in (self(text) for text in texts) if t][:limit]


def assemble_brief(
    draft: BriefDraft,
    opportunity: Opportunity,
    sources: list[SourceVerbatim],
    figures: BriefFigures,
    language: str,
    origin: Origin,
) -> Brief:
    from_model = origin.generated_by != "offline"
    prose = _Prose(language, from_model, tuple(name for s in sources for name in s.names))
    quotes, dropped = verify_quotes(draft.quotes, sources, language)
    quotes, topped_up = top_up(quotes, sources, language)
    constraints = [Constraint(category=c.category, text=prose(c.text)) for c in draft.constraints if c.text.strip()]
    present = {c.category for c in constraints}
    constraints += [
        Constraint(category=code, text=defaults.CONSTRAINTS[code][LANGUAGES.index(language)])  # type: ignore[arg-type]
        for code in REQUIRED_CONSTRAINTS
        if code not in present
    ]
    metrics = _baseline_metrics(opportunity, language) + [
        Metric(kind=m.kind, metric=prose(m.metric), how_measured=prose(m.how_measured))
        for m in draft.success_metrics[:MAX_ITEMS]
        if m.metric.strip()
    ]
    hypotheses = prose.items(draft.root_cause_hypotheses) or [
        defaults.HYPOTHESES[code][LANGUAGES.index(language)]
        for code, _ in opportunity.pain_points[:3]
        if code in defaults.HYPOTHESES
    ]
    as_of = figures.as_of.isoformat()
    return Brief(
        brief_id=brief_id(opportunity),
        rank=opportunity.rank,
        theme_id=opportunity.theme_id,
        theme_name=safe_text(opportunity.theme_name),
        discovered=opportunity.discovered,
        language=language,
        title=prose(draft.title),
        how_might_we=prose(draft.how_might_we),
        problem=Problem(
            who=prose(draft.problem.who),
            journey_stages=[CountN(code=s, label=stage_label(s, language), n=0) for s in opportunity.journey_stages],
            touchpoint=prose(draft.problem.touchpoint),
            statement=prose(draft.problem.statement),
        ),
        countries=[CountN(code=c, label=country_name(c, language), n=n) for c, n in opportunity.countries],
        segments=[CountN(code=s, label=segment_label(s, language), n=n) for s, n in opportunity.segments],
        evidence=_evidence(opportunity),
        quotes=quotes,
        root_cause_hypotheses=hypotheses,
        constraints=constraints,
        out_of_scope=prose.items(draft.out_of_scope) or list(defaults.OUT_OF_SCOPE[language]),
        success_metrics=metrics,
        data_available=defaults.data_available(
            language, opportunity.mentions, figures.taxonomy_version, figures.extra_datasets
        ),
        limitations=defaults.limitations(language, as_of, figures.interviews, from_model, figures.excluded_by_qa),
        provenance=Provenance(
            generated_by=origin.generated_by,
            label=origin.label,
            fallback_reason=origin.fallback_reason,
            taxonomy_version=figures.taxonomy_version,
            as_of=as_of,
            input_hash=origin.input_hash,
            prompt_version=origin.prompt_version,
        ),
        verification=Verification(
            quotes_proposed=len(draft.quotes),
            quotes_verified=len(quotes) - topped_up,
            quotes_dropped=sum(dropped.values()),
            dropped_reasons=dict(sorted(dropped.items())),
            quotes_topped_up=topped_up,
            figures_removed=prose.removed,
        ),
    )


def _evidence(o: Opportunity) -> Evidence:
    return Evidence(
        mentions=o.mentions,
        reach=o.reach,
        nps_mentioners=o.nps_mentioners,
        nps_impact=o.nps_impact,
        growth=o.growth,
        growth_p_value=o.growth_p_value,
        score=o.score,
        severity=o.severity,
        pain_points=[CountN(code=c, label=c.replace("_", " "), n=n) for c, n in o.pain_points],
        weekly_trend=[WeekCount(week_start=str(w), mentions=n) for w, n in o.weekly_trend],
    )


def _baseline_metrics(o: Opportunity, language: str) -> list[Metric]:
    if language == "fr":
        return [
            Metric(
                kind="leading",
                metric="Part des entretiens mentionnant le thème",
                how_measured="Entretiens terrain, par semaine (fieldvoice)",
                baseline=percent(o.reach, language),
            ),
            Metric(
                kind="lagging",
                metric="NPS des clients mentionnant le thème",
                how_measured="Entretiens terrain, par mois (fieldvoice)",
                baseline=number(o.nps_mentioners, language),
            ),
        ]
    return [
        Metric(
            kind="leading",
            metric="Share of interviews mentioning the theme",
            how_measured="Field interviews, weekly (fieldvoice)",
            baseline=percent(o.reach, language),
        ),
        Metric(
            kind="lagging",
            metric="NPS of customers mentioning the theme",
            how_measured="Field interviews, monthly (fieldvoice)",
            baseline=number(o.nps_mentioners, language),
        ),
    ]
