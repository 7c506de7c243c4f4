"""The emerging issue hidden in the data: a mobile-money scam wave in two countries over the last days.

Fake agents call or text customers (phishing SMS, "your account will be blocked", "you won...") and ask for the
mobile money PIN. Before the wave, fraud_scam is a rare pain point everywhere (a small stage weight); during
the last min(4, days) days, a growing share of the two countries' interviews are scam victims: journey stage
`mobile_money`, pain point `fraud_scam` (sometimes with `mm_transaction_failed`), a much lower latent
satisfaction (so NPS drops) and verbatims about fake agents, PIN requests and phishing SMS.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

THEME = "mobile_money_scam"
PAIN_POINT = "fraud_scam"
JOURNEY_STAGE = "mobile_money"
PEAK_SHARE = 0.22  # share of the country's interviews on the wave's last day
WINDOW_DAYS = 4
# Francophone markets where mobile money is big enough for a scam wave to matter.
CANDIDATES = ("CI", "CM", "SN", "ML", "BF", "GN", "CD", "MG")


@dataclass(frozen=True)
class EmergingIssue:
    theme: str
    pain_point: str
    journey_stage: str
    countries: tuple[str, ...]
    days: tuple[date, ...]
    planned_share: dict[date, float]  # share of each country's interviews that are scam victims, per day
    observed_share: dict[str, dict[date, float]] = field(default_factory=dict)  # filled as days are written

    @property
    def description(self) -> str:
        first, last = self.days[0], self.days[-1]
        shares = ", ".join(f"{d:%m-%d} {self.planned_share[d]:.0%}" for d in self.days)
        return (
            f"Mobile-money scam wave (fake agents and phishing SMS asking for the PIN): pain point "
            f"{self.pain_point}, journey stage {self.journey_stage}, in {' and '.join(self.countries)} "
            f"from {first} to {last}, rising share of interviews ({shares}), with low NPS."
        )

    def share_on(self, day: date) -> dict[str, float]:
        share = self.planned_share.get(day, 0.0)
        return dict.fromkeys(self.countries, share) if share else {}


def plan_emerging(start: date, days: int, seed: int, countries: tuple[str, ...] | None = None) -> EmergingIssue:
    """The wave over the run's last min(4, days) days, in two countries chosen by the seed unless given."""
    if countries is None:
        rng = np.random.default_rng([seed, 0xE4E5])
        countries = tuple(sorted(rng.choice(CANDIDATES, size=2, replace=False).tolist()))
    width = min(WINDOW_DAYS, days)
    window = tuple(start + timedelta(days=days - width + i) for i in range(width))
    # Quadratic growth: barely visible on the first day, unmistakable on the last.
    planned = {d: round(PEAK_SHARE * ((i + 1) / width) ** 2, 4) for i, d in enumerate(window)}
    return EmergingIssue(THEME, PAIN_POINT, JOURNEY_STAGE, countries, window, planned)
