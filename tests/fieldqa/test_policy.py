"""The policy: flags -> one row per interview (kept, never deleted), escalation, summaries, config checks."""

from collections.abc import Callable

import pandas as pd
import pytest

from fieldvoice.fieldqa import (
    INTERVIEW_QUALITY_SCHEMA,
    ConfigError,
    QaConfig,
    build_quality,
    config_from_dict,
    describe_exclusions,
    flag_interviews,
    quality_summary,
)
from tests.fieldqa.conftest import DAY, LOCALITIES, RATINGS

Make = Callable[..., pd.DataFrame]
T0 = pd.Timestamp(f"{DAY}T10:00:00Z")


@pytest.fixture
def batch(interviews: Make) -> pd.DataFrame:
    """0 honest; 1 too short (exclude); 2 straight-lined (downweight); 3 straight-lined AND GPS far (escalated);
    4 target interviewed again (report only)."""
    frame = interviews(5, customer_ref=[f"CUS-SN-00000{k}" for k in range(4)] + ["CUS-SN-000000"])
    frame.loc[1, "interview_end"] = T0 + pd.Timedelta(minutes=2.5)
    for column in RATINGS:
        frame.loc[[2, 3], column] = 4
    frame.loc[3, ["latitude", "longitude"]] = [14.79, -16.94]
    frame.loc[4, ["interview_start", "interview_end"]] = [T0 + pd.Timedelta(hours=2), T0 + pd.Timedelta(hours=2.3)]
    return frame


def test_every_interview_gets_a_decision(batch: pd.DataFrame, config: QaConfig) -> None:
    flags = flag_interviews(batch, LOCALITIES, config)
    quality = build_quality(batch, flags, config)
    assert list(quality.columns) == list(INTERVIEW_QUALITY_SCHEMA)
    assert quality["submission_id"].tolist() == batch["submission_id"].tolist(), "flagged rows are kept"
    got = quality.set_index(quality.index)[["status", "weight", "flags"]].to_dict("records")
    assert got == [
        {"status": "ok", "weight": 1.0, "flags": ""},
        {"status": "excluded", "weight": 0.0, "flags": "duration_short"},
        {"status": "downweighted", "weight": 0.5, "flags": "straight_lining"},
        {"status": "excluded", "weight": 0.0, "flags": "gps_far straight_lining"},
        {"status": "reported", "weight": 1.0, "flags": "target_twice"},
    ]
    assert set(quality["decided_by"]) == {"policy"}


def test_policy_is_configurable(batch: pd.DataFrame, config: QaConfig) -> None:
    raw = {
        "flags": {
            name: {"threshold": rule.threshold, "policy": rule.policy} | rule.params
            for name, rule in config.flags.items()
        },
        "policy": {"downweight_weight": 0.25, "escalate_at": 0},
    }
    raw["flags"]["duration_short"]["policy"] = "report"
    custom = config_from_dict(raw)
    quality = build_quality(batch, flag_interviews(batch, LOCALITIES, custom), custom)
    assert quality["status"].tolist() == ["ok", "reported", "downweighted", "downweighted", "reported"]
    assert quality["weight"].tolist() == [1.0, 1.0, 0.25, 0.25, 1.0]


def test_summary_and_sentence_for_marts(batch: pd.DataFrame, config: QaConfig) -> None:
    quality = build_quality(batch, flag_interviews(batch, LOCALITIES, config), config)
    summary = quality_summary(quality)
    excluded = summary[(summary["status"] == "excluded") & (summary["flag"] == "(any)")]
    assert excluded["interviews"].tolist() == [2] and excluded["share"].tolist() == [0.4]
    by_flag = summary[summary["status"] == "excluded"].set_index("flag")["interviews"].to_dict()
    assert by_flag == {"(any)": 2, "duration_short": 1, "gps_far": 1, "straight_lining": 1}
    sentence = describe_exclusions(quality)
    assert sentence.startswith("Of 5 interviews, 2 excluded (") and "1 downweighted" in sentence
    assert sentence.endswith("1 flagged for review only.")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"flags": {"too_fast": {"threshold": 1}}}, "flags.too_fast: unknown flag"),
        ({"flags": {"gps_far": {"threshold": 25, "policy": "delete"}}}, "flags.gps_far.policy"),
        ({"flags": {"gps_far": {"policy": "report"}}}, "flags.gps_far.threshold"),
        ({"policy": {"downweight_weight": 1.5}}, "policy.downweight_weight"),
    ],
)
def test_config_errors_name_the_key(raw: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        config_from_dict(raw)


def test_shipped_config_documents_every_flag(config: QaConfig) -> None:
    from fieldvoice.fieldqa import FLAGS

    assert set(config.flags) == set(FLAGS)
    assert set(config.scorecard.weights) == set(FLAGS)
