"""The brief: what the LLM writes (`BriefDraft`, the structured-output schema) and what we publish (`Brief`).

`BriefDraft` has no numeric field on purpose: every number in a brief is injected from the Opportunity or the
marts, never taken from the model. No length limits in the schema either (minItems and friends are not
supported by every OpenAI-compatible server's strict mode): counts are enforced when the brief is assembled.
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ConstraintCategory = Literal["ussd_feature_phones", "offline", "kyc", "languages", "privacy", "other"]
MetricKind = Literal["leading", "lagging"]


class DraftProblem(BaseModel):
    model_config = ConfigDict(extra="forbid")
    who: str = Field(description="Which customers are affected (segment, situation, place). No names, no numbers.")
    touchpoint: str = Field(
        description="Where it happens: USSD menu, app, mobile-money agent, shop, call centre, SMS, network, bill…"
    )
    statement: str = Field(description="Two to four sentences: what goes wrong and why it matters. No statistics.")


class DraftQuote(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verbatim_id: str = Field(description='The "id" of the verbatim the excerpt is copied from.')
    text: str = Field(description="An exact excerpt of that verbatim, copied character for character, untranslated.")
    translation: str | None = Field(description="The excerpt in the brief language; null if already in it.")


class DraftConstraint(BaseModel):
    model_config = ConfigDict(extra="forbid")
    category: ConstraintCategory
    text: str = Field(description="What a solution must respect, specific to this problem.")


class DraftMetric(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: MetricKind = Field(description="leading: moves within weeks of a pilot; lagging: moves later (NPS, churn).")
    metric: str
    how_measured: str


class BriefDraft(BaseModel):
    """The fields of a brief the model writes. Everything else is injected or computed."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(description="A short, concrete title (max ~10 words), no numbers.")
    how_might_we: str = Field(description='One question starting with "How might we" (or "Comment pourrions-nous").')
    problem: DraftProblem
    quotes: list[DraftQuote] = Field(description="Three to five exact excerpts from different verbatims.")
    root_cause_hypotheses: list[str] = Field(description="Two to four plausible causes, each phrased as a hypothesis.")
    constraints: list[DraftConstraint]
    out_of_scope: list[str] = Field(description="Two to four things teams should not work on in this challenge.")
    success_metrics: list[DraftMetric] = Field(description="At least one leading and one lagging metric, no targets.")


class CountN(BaseModel):
    code: str
    label: str
    n: int


class WeekCount(BaseModel):
    week_start: str
    mentions: int


class Evidence(BaseModel):
    """Injected from the Opportunity, never written by the model."""

    mentions: int
    reach: float
    nps_mentioners: float
    nps_impact: float
    growth: float
    growth_p_value: float | None
    score: float
    severity: float
    pain_points: list[CountN]
    weekly_trend: list[WeekCount]


class Problem(BaseModel):
    who: str
    journey_stages: list[CountN]  # n = 0: the stages come from the Opportunity, not counted per stage
    touchpoint: str
    statement: str


class Quote(BaseModel):
    verbatim_id: str
    text: str  # an exact excerpt of the redacted verbatim
    translation: str | None
    language: str | None
    country_code: str | None
    source: Literal["model", "evidence"]  # evidence: topped up from the Opportunity's evidence verbatims


class Constraint(BaseModel):
    category: ConstraintCategory
    text: str


class Metric(BaseModel):
    kind: MetricKind
    metric: str
    how_measured: str
    baseline: str | None = None  # formatted from injected figures


class Provenance(BaseModel):
    generated_by: str  # "llm:<model>" or "offline"
    label: str  # what a reader sees, e.g. "generated offline (no LLM configured)"
    fallback_reason: str | None  # why an LLM brief fell back to the offline summariser
    taxonomy_version: str
    as_of: str
    input_hash: str
    prompt_version: str


class Verification(BaseModel):
    quotes_proposed: int
    quotes_verified: int
    quotes_dropped: int
    dropped_reasons: dict[str, int]
    quotes_topped_up: int
    figures_removed: int  # statistics the model wrote in prose, replaced because they were not injected


class Brief(BaseModel):
    brief_id: str
    rank: int
    theme_id: str
    theme_name: str
    discovered: bool
    language: str
    title: str
    how_might_we: str
    problem: Problem
    countries: list[CountN]
    segments: list[CountN]
    evidence: Evidence
    quotes: list[Quote]
    root_cause_hypotheses: list[str]
    constraints: list[Constraint]
    out_of_scope: list[str]
    success_metrics: list[Metric]
    data_available: list[str]
    limitations: list[str]
    provenance: Provenance
    verification: Verification
