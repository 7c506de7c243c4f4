"""The offline summariser: a deterministic `BriefDraft` from the Opportunity and its evidence verbatims.

The default when no LLM is configured, and the fallback for a brief whose LLM call failed. It fills the same
schema as the model, so assembly, verification and rendering are one path for both.
"""

from fieldvoice.briefs import defaults
from fieldvoice.briefs.inputs import SourceVerbatim, safe_text
from fieldvoice.briefs.labels import LANGUAGES, country_name, segment_label, stage_label
from fieldvoice.briefs.model import BriefDraft, DraftConstraint, DraftMetric, DraftProblem, DraftQuote
from fieldvoice.briefs.verify import MAX_QUOTES, TOP_UP_WORDS, normalise
from fieldvoice.insights.contracts import Opportunity

OFFLINE_LABEL = {"en": "generated offline (no LLM configured)", "fr": "généré hors ligne (aucun LLM configuré)"}
FALLBACK_LABEL = {
    "en": "generated offline (LLM call failed: {reason})",
    "fr": "généré hors ligne (échec de l'appel au LLM : {reason})",
}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[LANGUAGES.index(language)]


def _join(items: list[str], language: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    word = " and " if language == "en" else " et "
    return ", ".join(items[:-1]) + word + items[-1]


def offline_draft(opportunity: Opportunity, sources: list[SourceVerbatim], language: str) -> BriefDraft:
    theme = safe_text(opportunity.theme_name)
    stages = [stage_label(s, language) for s in opportunity.journey_stages] or ["—"]
    stage = opportunity.journey_stages[0] if opportunity.journey_stages else ""
    countries = [country_name(code, language) for code, _ in opportunity.countries[:3]]
    segments = [segment_label(code, language).lower() for code, _ in opportunity.segments[:2]]
    if language == "fr":
        title = f"{theme} : {_join(countries, language)}" if countries else theme
        hmw = f"Comment pourrions-nous réduire « {theme} » pour les clients à l'étape « {stages[0]} » ?"
        where = f" ({_join(countries, language)})" if countries else ""
        who = f"Clients des segments {_join(segments, language)}{where}"
        statement = (
            f"Les clients interrogés décrivent « {theme} » à l'étape « {_join(stages, language)} ». "
            f"{safe_text(opportunity.description)}"
        )
    else:
        title = f"{theme}: {_join(countries, language)}" if countries else theme
        hmw = f"How might we reduce “{theme}” for customers at the “{stages[0]}” stage?"
        who = f"{_join(segments, language).capitalize()} customers" + (
            f" in {_join(countries, language)}" if countries else ""
        )
        statement = (
            f"Interviewed customers describe “{theme}” at the “{_join(stages, language)}” stage. "
            f"{safe_text(opportunity.description)}"
        )
    touchpoint = _pick(defaults.TOUCHPOINTS[stage], language) if stage in defaults.TOUCHPOINTS else stages[0]
    hypotheses = [
        _pick(defaults.HYPOTHESES[code], language) for code, _ in opportunity.pain_points if code in defaults.HYPOTHESES
    ][:3]
    quotes = [
        DraftQuote(
            verbatim_id=s.verbatim_id, text=" ".join(normalise(s.text).split(" ")[:TOP_UP_WORDS]), translation=None
        )
        for s in sources[:MAX_QUOTES]
    ]
    return BriefDraft(
        title=title.strip(),
        how_might_we=hmw,
        problem=DraftProblem(who=who, touchpoint=touchpoint, statement=statement.strip()),
        quotes=quotes,
        root_cause_hypotheses=hypotheses,
        constraints=[
            DraftConstraint(category=code, text=_pick(text, language))  # type: ignore[arg-type]
            for code, text in defaults.CONSTRAINTS.items()
        ],
        out_of_scope=list(defaults.OUT_OF_SCOPE[language]),
        success_metrics=_metrics(language),
    )


def _metrics(language: str) -> list[DraftMetric]:
    if language == "fr":
        return [
            DraftMetric(
                kind="leading",
                metric="Taux de réussite du parcours concerné pendant le pilote",
                how_measured="Journaux du service ou du prototype, par semaine",
            )
        ]
    return [
        DraftMetric(
            kind="leading",
            metric="Completion rate of the affected journey during the pilot",
            how_measured="Service or prototype logs, weekly",
        )
    ]
