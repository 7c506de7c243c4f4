"""Collaborator scorecards: volume, shares by reason, anomalies, ranking, team summaries, pseudonyms."""

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from fieldvoice.fieldqa import (
    QaConfig,
    collaborator_scorecard,
    flag_interviews,
    pseudonym,
    pseudonymise,
    team_summary,
)
from tests.fieldqa.conftest import DAY, LOCALITIES

Make = Callable[..., pd.DataFrame]
T0 = pd.Timestamp(f"{DAY}T08:00:00Z")
SALT = "a-long-secret-salt-for-tests"
WORDS = ("réseau", "coupe", "soir", "quartier", "crédit", "forfait", "agence", "attente", "facture", "internet", "lent")


def _text(k: int) -> str:
    """An honest, different verbatim of about 80 characters (no two colleagues say the same)."""
    rng = np.random.default_rng(k)
    return " ".join(rng.choice(WORDS, 12))


@pytest.fixture
def team(interviews: Make) -> pd.DataFrame:
    """EMP-900001 does 6 short interviews with identical answers and 2-word texts; 12 colleagues do 1-2 each."""
    n = 20
    who = ["EMP-900001"] * 6 + [f"EMP-8000{k:02d}" for k in range(12)] + ["EMP-800000", "EMP-800001"]
    starts = [T0 + pd.Timedelta(minutes=20 * k) for k in range(n)]
    frame = interviews(
        n,
        collaborator_id=who,
        interview_start=starts,
        interview_end=[s + pd.Timedelta(minutes=m) for s, m in zip(starts, [3] * 6 + [15] * 14, strict=True)],
        nps=[9] * 6 + [3 + k % 8 for k in range(14)],
        verbatim=["Tout va."] * 6 + [_text(k) for k in range(14)],
    )
    return frame


def test_the_odd_one_out_tops_the_ranking(team: pd.DataFrame, config: QaConfig) -> None:
    flags = flag_interviews(team, LOCALITIES, config)
    card = collaborator_scorecard(team, flags, config)
    top = card.iloc[0]
    assert top["collaborator_id"] == "EMP-900001" and top["rank"] == 1 and top["rank_in_country"] == 1
    assert top["interviews"] == 6 and top["share_duration_short"] == 1.0 and top["flagged_share"] == 1.0
    assert top["anomalies"] == "nps_flat same_scores short_texts"
    assert top["nps_std"] == 0 and top["same_scores_share"] == 1.0 and top["text_len_ratio"] < 0.5
    assert card["suspicion"].iloc[1] < top["suspicion"] / 3
    assert card["rank"].tolist() == list(range(1, len(card) + 1))
    assert card.loc[card["collaborator_id"] == "EMP-800000", "interviews"].item() == 2


def test_weekly_period_and_team_summary(team: pd.DataFrame, config: QaConfig) -> None:
    flags = flag_interviews(team, LOCALITIES, config)
    week = collaborator_scorecard(team, flags, config, period="week")
    assert set(week["period"]) == {"2026-W10"}
    teams = team_summary(week, config)
    row = teams.iloc[0]
    assert (row["country_code"], row["collaborators"], row["interviews"], row["suspects"]) == ("SN", 13, 20, 1)
    with pytest.raises(ValueError, match="period"):
        collaborator_scorecard(team, flags, config, period="month")


def test_pseudonyms_are_stable_salted_and_hide_the_id(team: pd.DataFrame, config: QaConfig) -> None:
    card = collaborator_scorecard(team, flag_interviews(team, LOCALITIES, config), config)
    outside = pseudonymise(card, config, salt=SALT)
    assert "collaborator_id" not in outside.columns
    assert outside["collaborator_pseudonym"].iloc[0] == pseudonym("EMP-900001", SALT)
    assert pseudonym("EMP-900001", SALT) == pseudonym("EMP-900001", SALT) != pseudonym("EMP-900001", SALT + "x")
    assert outside["collaborator_pseudonym"].str.fullmatch(r"C-[0-9a-f]{12}").all()
    assert not outside.astype(str).apply(lambda col: col.str.contains("EMP-")).any().any()
    with pytest.raises(ValueError, match="FIELDQA_PSEUDONYM_SALT"):
        pseudonymise(card, config, salt="short")
