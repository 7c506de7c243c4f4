"""fieldqa settings: one rule per flag (threshold, policy, extra parameters), the policy and scorecard knobs.

Everything lives in `config/fieldqa.yaml` (documented there); `load_config()` reads and checks it, so a typo in
a flag name or a policy fails when the run starts instead of silently disabling a check.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "config" / "fieldqa.yaml"
POLICIES = ("exclude", "downweight", "report")
# Every flag the checks can raise, in the order reviewers read them (interview-level evidence first).
FLAGS = (
    "duration_short",
    "duration_long",
    "gps_far",
    "straight_lining",
    "score_contradiction",
    "near_duplicate_text",
    "overlap",
    "burst_collaborator",
    "burst_device",
    "shared_device",
    "target_twice",
    "odd_hours",
)


@dataclass(frozen=True)
class FlagRule:
    threshold: float
    policy: str = "report"  # exclude | downweight | report
    weight: float | None = None  # downweight only: the interview's weight (policy.downweight_weight if None)
    params: dict[str, Any] = field(default_factory=dict)  # rule-specific extras (see the YAML)
    enabled: bool = True


@dataclass(frozen=True)
class ScorecardConfig:
    weights: dict[str, float]  # flag -> weight of its share in the suspicion score
    anomaly_weights: dict[str, float]  # nps_flat | same_scores | short_texts -> points
    min_interviews: int = 5  # below this, distribution anomalies are not judged
    nps_std_max: float = 0.5
    same_scores_share: float = 0.8
    text_length_ratio: float = 0.5
    volume_prior: float = 3.0  # score x n / (n + prior): one odd interview does not top the ranking
    suspect_score: float = 1.5  # team summaries count collaborators at or above this score


@dataclass(frozen=True)
class QaConfig:
    flags: dict[str, FlagRule]
    history_days: int = 14
    downweight_weight: float = 0.5
    escalate_at: int = 2  # this many distinct downweight flags on one interview exclude it (0: never)
    scorecard: ScorecardConfig = field(default_factory=lambda: ScorecardConfig({}, {}))
    pseudonym_salt_env: str = "FIELDQA_PSEUDONYM_SALT"

    def rule(self, flag: str) -> FlagRule | None:
        """The flag's rule, or None when it is disabled (or not configured)."""
        rule = self.flags.get(flag)
        return rule if rule is not None and rule.enabled else None

    def weight_of(self, flag: str) -> float:
        rule = self.flags[flag]
        if rule.policy == "exclude":
            return 0.0
        if rule.policy == "downweight":
            return self.downweight_weight if rule.weight is None else rule.weight
        return 1.0


class ConfigError(ValueError):
    """config/fieldqa.yaml is invalid: the message names the key."""


def _flag_rule(name: str, raw: dict[str, Any]) -> FlagRule:
    if name not in FLAGS:
        raise ConfigError(f"flags.{name}: unknown flag (known: {', '.join(FLAGS)})")
    values = dict(raw)
    try:
        threshold = float(values.pop("threshold"))
    except (KeyError, TypeError, ValueError) as error:
        raise ConfigError(f"flags.{name}.threshold: a number is required") from error
    policy = str(values.pop("policy", "report"))
    if policy not in POLICIES:
        raise ConfigError(f"flags.{name}.policy: {policy!r} is not one of {', '.join(POLICIES)}")
    weight = values.pop("weight", None)
    if weight is not None and not 0 < float(weight) <= 1:
        raise ConfigError(f"flags.{name}.weight: must be in (0, 1]")
    enabled = bool(values.pop("enabled", True))
    values.pop("why", None)  # documentation only
    return FlagRule(threshold, policy, None if weight is None else float(weight), values, enabled)


def config_from_dict(raw: dict[str, Any]) -> QaConfig:
    flags = {name: _flag_rule(name, rule or {}) for name, rule in (raw.get("flags") or {}).items()}
    policy = raw.get("policy") or {}
    card = raw.get("scorecard") or {}
    unknown = set(card.get("weights") or {}) - set(FLAGS)
    if unknown:
        raise ConfigError(f"scorecard.weights: unknown flag(s) {', '.join(sorted(unknown))}")
    scorecard = ScorecardConfig(
        weights={k: float(v) for k, v in (card.get("weights") or {}).items()},
        anomaly_weights={k: float(v) for k, v in (card.get("anomaly_weights") or {}).items()},
        **{k: card[k] for k in ScorecardConfig.__dataclass_fields__ if k in card and "weights" not in k},
    )
    downweight = float(policy.get("downweight_weight", 0.5))
    if not 0 < downweight < 1:
        raise ConfigError("policy.downweight_weight: must be strictly between 0 and 1")
    return QaConfig(
        flags=flags,
        history_days=int(raw.get("history_days", 14)),
        downweight_weight=downweight,
        escalate_at=int(policy.get("escalate_at", 2)),
        scorecard=scorecard,
        pseudonym_salt_env=str((raw.get("pseudonym") or {}).get("salt_env", "FIELDQA_PSEUDONYM_SALT")),
    )


def load_config(path: Path | str | None = None) -> QaConfig:
    """Read config/fieldqa.yaml (or `path`)."""
    with Path(path or DEFAULT_PATH).open(encoding="utf-8") as handle:
        return config_from_dict(yaml.safe_load(handle) or {})
