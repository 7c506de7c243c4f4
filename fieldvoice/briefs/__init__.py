"""Hackathon briefs: one per top opportunity, LLM-written when configured (else offline), verified, rendered."""

from fieldvoice.briefs.build import BriefRun, build_briefs
from fieldvoice.briefs.figures import BriefFigures, NpsRow, TrendRow
from fieldvoice.briefs.markdown import render_markdown
from fieldvoice.briefs.model import Brief, BriefDraft
from fieldvoice.briefs.site import write_site

__all__ = [
    "Brief",
    "BriefDraft",
    "BriefFigures",
    "BriefRun",
    "NpsRow",
    "TrendRow",
    "build_briefs",
    "render_markdown",
    "write_site",
]
