"""On generated programme data with planted rushed and fabricating collaborators (ground truth in
`report.planted`): interview-level detection and the scorecard ranking, day after day with history."""

import pandas as pd

from fieldvoice.fieldqa import QaConfig, build_quality, collaborator_scorecard, flag_interviews, flagged_ids
from fieldvoice.fieldqa.flags import HISTORY_COLUMNS
from tests.fieldqa.conftest import PlantedRun

ACTING = ("exclude", "downweight")


def _daily(run: PlantedRun, config: QaConfig) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    out, history = [], None
    for frame in run.days.values():
        out.append((frame, flag_interviews(frame, run.localities, config, history=history)))
        history = frame if history is None else pd.concat([history, frame], ignore_index=True)
    return out


def test_the_generator_records_its_planted_collaborators(planted_run: PlantedRun) -> None:
    planted = planted_run.report.planted
    behaviours = [m.behaviour for m in planted.values()]
    assert behaviours.count("rushed") == 20 and behaviours.count("fabricator") == 20  # 1 % of ≈2,000 each
    rings: dict[int, set[tuple[str, str]]] = {}
    for member in planted.values():
        if member.ring is not None:
            rings.setdefault(member.ring, set()).add((member.country_code, member.device_id))
    assert len(rings) == 5 and all(len(places) == 1 for places in rings.values()), "one country, one tablet"
    all_ids = set().union(*(set(frame["submission_id"]) for frame in planted_run.days.values()))
    assert planted_run.report.planted_ids() <= all_ids
    assert len(planted_run.report.planted_ids("fabricator")) > 300


def test_detection_precision_and_recall_against_planted_interviews(planted_run: PlantedRun, config: QaConfig) -> None:
    truth = planted_run.report.planted_ids()
    for frame, flags in _daily(planted_run, config):
        planted = truth & set(frame["submission_id"])
        detected = flagged_ids(flags, ACTING, config)
        precision = len(detected & planted) / len(detected)
        recall = len(detected & planted) / len(planted)
        assert precision >= 0.9 and recall >= 0.8, (precision, recall)
        quality = build_quality(frame, flags, config)
        acted = set(quality.loc[quality["status"].isin(["excluded", "downweighted"]), "submission_id"])
        assert acted == detected, "the policy acts on exactly the interviews with acting flags"
        for behaviour in ("rushed", "fabricator"):
            ids = planted_run.report.planted_ids(behaviour) & planted
            assert len(detected & ids) / len(ids) >= 0.8, behaviour


def test_fabricated_copies_are_found_across_days(planted_run: PlantedRun, config: QaConfig) -> None:
    (_, second) = _daily(planted_run, config)[1]
    earlier = set(next(iter(planted_run.days.values()))["submission_id"])
    dups = second[second["flag"] == "near_duplicate_text"]
    assert dups["reason"].map(lambda r: r.split("(")[1].split(" ")[0] in earlier).any()


def test_planted_collaborators_top_the_scorecard(planted_run: PlantedRun, config: QaConfig) -> None:
    planted = planted_run.report.planted
    behaviour = {cid: member.behaviour for cid, member in planted.items()}
    for frame, flags in _daily(planted_run, config):
        card = collaborator_scorecard(frame, flags, config)
        busy = card[card["interviews"] >= config.scorecard.min_interviews]
        kind = busy["collaborator_id"].map(behaviour)
        fabricators = set(busy.loc[kind == "fabricator", "collaborator_id"])
        everyone = set(busy.loc[kind.notna(), "collaborator_id"])
        top = card["collaborator_id"].tolist()
        assert len(fabricators) >= 10
        assert set(top[: len(fabricators)]) == fabricators, "fabricators first"
        assert set(top[: len(everyone)]) == everyone, "then the rushed, before any honest collaborator"


def test_history_needs_only_its_columns(planted_run: PlantedRun, config: QaConfig) -> None:
    """field_quality reads earlier days with HISTORY_COLUMNS only: the flags are the same as with whole rows."""
    days = list(planted_run.days.values())
    today, earlier = days[-1], pd.concat(days[:-1], ignore_index=True)
    whole = flag_interviews(today, planted_run.localities, config, history=earlier)
    narrow = flag_interviews(today, planted_run.localities, config, history=earlier[list(HISTORY_COLUMNS)])
    assert set(whole["flag"]) >= {"near_duplicate_text", "target_twice"}  # the cross-day checks did fire
    pd.testing.assert_frame_equal(narrow, whole)
