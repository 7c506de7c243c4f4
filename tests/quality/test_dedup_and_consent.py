"""De-duplication of re-exports within a partition, consent = no, and the blocking schema level."""

import json

import pandas as pd
import pytest

from fieldvoice.quality import superseded, validate_interviews


def _ids(result):
    return sorted(zip(result.validated["source_file"], result.validated["source_line"], strict=True))


@pytest.mark.parametrize(
    "a,b,winner",
    [
        (("2026-11-02T20:00:00+00:00", "a.csv", 5), ("2026-11-02T21:00:00+00:00", "a.csv", 2), 1),  # later upload
        (("2026-11-02T21:00:00+02:00", "a.csv", 5), ("2026-11-02T20:00:00+00:00", "a.csv", 2), 1),  # instants
        (("2026-11-02T20:00:00+00:00", "b.csv", 2), ("2026-11-02T20:00:00+00:00", "a.csv", 9), 0),  # tie: file
        (("2026-11-02T20:00:00+00:00", "a.csv", 2), ("2026-11-02T20:00:00+00:00", "a.csv", 9), 1),  # tie: line
    ],
)
def test_latest_reexport_wins(copies, make_raw, reference, now, a, b, winner):
    rows = copies(2)
    for row, (submitted, source_file, line) in zip(rows, (a, b), strict=True):
        row.update(submission_id="same-id", submitted_at=submitted, source_file=source_file, source_line=line)
    result = validate_interviews(make_raw(rows), reference, now=now)
    expected = rows[winner]
    assert _ids(result) == [(expected["source_file"], expected["source_line"])]
    assert result.quarantine["kind"].tolist() == ["duplicate"]
    assert result.quarantine["reason_codes"].tolist() == ["superseded_reexport"]


def test_superseded_mask_rules():
    keys = [pd.Series(["x", "x", None, None, "y"])]
    order = [pd.Series(pd.to_datetime([None, "2026-01-01", "2026-01-01", None, None], utc=True))]
    # An unparseable submitted_at (NaT) never wins; null ids are never duplicates of each other.
    assert superseded(keys, order).tolist() == [True, False, False, False, False]


def test_invalid_winner_is_invalid_and_older_copy_duplicate(copies, make_raw, reference, now):
    rows = copies(2)
    rows[1].update(submission_id=rows[0]["submission_id"], submitted_at="2026-11-02T23:00:00+00:00", nps="42")
    result = validate_interviews(make_raw(rows), reference, now=now)
    assert len(result.validated) == 0
    assert sorted(result.quarantine["kind"]) == ["duplicate", "invalid"]


def test_consent_no_keeps_scores_and_drops_personal_data(kit_raw, reference, now):
    result = validate_interviews(kit_raw, reference, now=now)
    row = result.validated[result.validated["country_code"] == "BW"].iloc[0]
    assert row["consent"] is False or not row["consent"]
    assert (row["nps"], row["csat"], row["ces"], row["rating_network"]) == (8, 4, 2, 4)
    for col in ("customer_name", "customer_msisdn", "customer_ref", "verbatim", "suggestion", "language_detected"):
        assert pd.isna(row[col]), col
    consented = result.validated[result.validated["consent"]].set_index("submission_id")
    raw = kit_raw.set_index("submission_id").loc[consented.index]
    assert (consented["customer_name"].isna() == raw["customer_name"].isna()).all()
    assert consented["verbatim"].notna().all()


def test_consent_no_withholds_text_in_quarantine(copies, make_raw, reference, now):
    rows = copies(1)
    rows[0].update(consent="no", verbatim="Awa Ndiaye says " + "z" * 5001)
    result = validate_interviews(make_raw(rows), reference, now=now)
    reasons = json.loads(result.quarantine["reasons"].iat[0])
    assert reasons[0]["observed"] == "[withheld: no consent]"
    outcome = next(o for o in result.checks["row"].outcomes if o.reason == "text_too_long" and o.column == "verbatim")
    assert "Ndiaye" not in json.dumps(outcome.to_dict())


def test_verbatim_is_redacted_and_language_detected(kit_raw, reference, now):
    result = validate_interviews(kit_raw, reference, now=now)
    by_id = result.validated.set_index("submission_id")
    assert by_id.loc["3f1c2a4e-0b7d-4c1e-9a55-7d2e8f0a1b01", "language_detected"] == "wo"  # "Réseau bi dafa néew ci…"
    assert by_id.loc["7b0e9f2a-5c44-4f0e-8d1a-2f6c9e3d4a11", "language_detected"] == "en"
    assert by_id.loc["c2d9a7e1-1e2f-4b3a-9c8d-0a1b2c3d4e51", "language_detected"] == "fr"
    assert by_id["language_recorded"].tolist() == ["fr", "fr", "en", "fr", "fr", "en"]
    assert by_id["redactions"].notna().all()


def test_missing_column_blocks_and_quarantines_everything(kit_raw, reference, now):
    raw = kit_raw.drop(columns=["consent", "nps"])
    result = validate_interviews(raw, reference, now=now)
    assert not result.checks["schema"].success
    assert {o.column for o in result.checks["schema"].failing} == {"consent", "nps"}
    assert len(result.validated) == 0 and len(result.quarantine) == len(raw)
    assert set(result.quarantine["reason_codes"]) == {"missing_column"}
    assert all(o.success is None for o in result.checks["row"].outcomes)
