"""Themes, journey map, emerging issues and innovation opportunities from the verbatims mart.

    result = analyse(verbatims, interviews, as_of=date(2026, 11, 6))   # taxonomy/themes.yaml, offline embedder
    result.tables()          # warehouse table name -> DataFrame (the `insights` schema)
    result.opportunity_list  # list[Opportunity], best first
    to_markdown_preview(result.opportunities)

Modules: taxonomy (the editable YAML), normalise + vocabulary + matcher (multilingual theme matching),
assign (assignments table), match_cache (matches kept between runs), window (the analysis window read from
the warehouse, assignments joined there from the cache), stats (share, NPS impact), discover + embed (open
discovery), emerging (recent vs trailing test), opportunities (ranking), pipeline (analyse), preview, benchmark.
"""

from fieldvoice.insights import match_cache
from fieldvoice.insights.assign import ASSIGNMENT_COLUMNS, assign_themes, prepare_verbatims
from fieldvoice.insights.contracts import Embedder, Opportunity
from fieldvoice.insights.discover import DiscoveryConfig
from fieldvoice.insights.embed import FallbackEmbedder, OfflineEmbedder
from fieldvoice.insights.emerging import EMERGING_COLUMNS, EmergingConfig
from fieldvoice.insights.matcher import ThemeMatcher
from fieldvoice.insights.opportunities import (
    OpportunityConfig,
    opportunities_from_frame,
    rank_opportunities,
    score_opportunities,
)
from fieldvoice.insights.pipeline import TABLE_NAMES, InsightResult, analyse
from fieldvoice.insights.preview import to_markdown_preview
from fieldvoice.insights.stats import journey_matrix
from fieldvoice.insights.taxonomy import DEFAULT_TAXONOMY, Taxonomy, TaxonomyError, load_taxonomy

__all__ = [
    "ASSIGNMENT_COLUMNS",
    "DEFAULT_TAXONOMY",
    "EMERGING_COLUMNS",
    "TABLE_NAMES",
    "DiscoveryConfig",
    "Embedder",
    "EmergingConfig",
    "FallbackEmbedder",
    "InsightResult",
    "OfflineEmbedder",
    "Opportunity",
    "OpportunityConfig",
    "Taxonomy",
    "TaxonomyError",
    "ThemeMatcher",
    "analyse",
    "assign_themes",
    "journey_matrix",
    "load_taxonomy",
    "match_cache",
    "opportunities_from_frame",
    "prepare_verbatims",
    "rank_opportunities",
    "score_opportunities",
    "to_markdown_preview",
]
