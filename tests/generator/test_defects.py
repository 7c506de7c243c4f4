"""Defects: each kind is injected, reported, and visible in the data exactly where the report says."""

import re

import numpy as np
import pandas as pd

from fieldvoice.contract import COLLABORATOR_ID_PATTERN, COUNTRIES
from fieldvoice.generator import DEFECT_KINDS
from tests.generator.conftest import Run

_EASTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_INJECTION = re.compile(r"(?i:ignor)|SYSTEM|</verbatim>|Assistant|تجاهل|المساعد")


def _phone_or_email(text: str) -> bool:
    text = text.translate(_EASTERN)
    joined = re.sub(r"(?<=\d)[\s\-()]+(?=\d)", "", text)
    return "@" in text or re.search(r"\d{8,}", joined) is not None


def _utc(rows: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_datetime(rows[column], format="ISO8601", utc=True)


def detect(run: Run) -> dict[str, set[str]]:
    """Find every defect kind in the exported data alone, without the report's help."""
    rows = run.rows
    refs = {n: pd.read_csv(run.landing / "reference" / f"{n}.csv", dtype=str) for n in ("collaborators", "localities")}
    ids = rows["submission_id"]
    start, end, submitted = _utc(rows, "interview_start"), _utc(rows, "interview_end"), _utc(rows, "submitted_at")
    interview_day = rows["interview_start"].str[:10]
    submitted_day = rows["submitted_at"].str[:10]
    scores = {c: pd.to_numeric(rows[c], errors="coerce") for c in ("nps", "csat", "ces")}
    ratings = rows.filter(like="rating_").apply(pd.to_numeric, errors="coerce")
    out_of_range = (
        ~scores["nps"].between(0, 10)
        | ~scores["csat"].between(1, 5)
        | (scores["ces"].notna() & ~scores["ces"].between(1, 7))
        | (ratings.notna() & ((ratings < 1) | (ratings > 5))).any(axis=1)
    )
    well_formed = rows["collaborator_id"].str.fullmatch(COLLABORATOR_ID_PATTERN[1:-1])
    lat, lon = pd.to_numeric(rows["latitude"]), pd.to_numeric(rows["longitude"])
    bbox = np.array([COUNTRIES[c].bbox for c in rows["country_code"]])
    outside = lat.notna() & ~(lat.between(bbox[:, 0], bbox[:, 1]) & lon.between(bbox[:, 2], bbox[:, 3]))
    known = set(zip(refs["localities"]["country_code"], refs["localities"]["locality"], strict=True))
    texts = rows["verbatim"] + " " + rows["suggestion"]
    found = {
        "reexport": ids.duplicated(keep="first") & ids.duplicated(keep=False),
        # A re-export dropped in the next day's folder also holds an older interview: not a late sync.
        "late_sync": (interview_day < rows["_folder"])
        & (submitted_day == rows["_folder"])
        & ~ids.duplicated(keep=False),
        "late_file": submitted_day > rows["_folder"],
        "score_out_of_range": out_of_range,
        "unknown_collaborator": well_formed & ~rows["collaborator_id"].isin(refs["collaborators"]["collaborator_id"]),
        "malformed_collaborator": ~well_formed,
        "empty_verbatim": rows["verbatim"].str.strip().isin(["", ".", "-"]),
        "long_verbatim": rows["verbatim"].str.len() > 2000,
        "pii_in_text": texts.map(_phone_or_email),
        "prompt_injection": texts.str.contains(_INJECTION),
        "future_timestamp": start > submitted + pd.Timedelta(days=1),
        "end_before_start": end < start,
        "long_duration": (end - start) > pd.Timedelta(hours=3),
        "coords_outside_country": outside,
        "unknown_locality": [pair not in known for pair in zip(rows["country_code"], rows["locality"], strict=True)],
    }
    return {kind: set(ids[np.asarray(mask, bool)]) for kind, mask in found.items()}


def test_every_kind_is_injected_and_reported(defect_run: Run) -> None:
    counts = defect_run.report.defects
    assert set(counts) == set(DEFECT_KINDS)
    assert all(counts[k] > 0 for k in DEFECT_KINDS), counts
    # Equally likely kinds: 450 x 0.3 / 15 = 9 a day (late files: only on days with a later day).
    assert max(counts.values()) < 3 * min(counts.values()), counts
    assert {k: len(v) for k, v in defect_run.report.defect_ids.items()} == counts


def test_defects_show_in_the_data_where_reported(defect_run: Run) -> None:
    found = detect(defect_run)
    reported = {k: set(v) for k, v in defect_run.report.defect_ids.items()}
    for kind in DEFECT_KINDS:
        if kind == "pii_in_text":
            # A name alone ("Je m'appelle Awa Ndiaye") is PII too, and not a pattern: check the phones and emails.
            assert found[kind] <= reported[kind] and len(found[kind]) > len(reported[kind]) / 2, kind
        else:
            assert found[kind] == reported[kind], kind


def test_reexports_are_later_and_corrected(defect_run: Run) -> None:
    rows = defect_run.rows
    again = rows[rows["submission_id"].isin(defect_run.report.defect_ids["reexport"])]
    assert len(again) == 2 * defect_run.report.defects["reexport"]
    changed = 0
    for _, pair in again.groupby("submission_id"):
        first, second = pair.sort_values("submitted_at").to_dict("records")
        assert first["_file"] != second["_file"] and first["_folder"] <= second["_folder"]
        fields = ("nps", "csat", "callback_requested", "suggestion")
        changed += any(first[f] != second[f] for f in fields)
    assert changed == len(again) // 2
    odk_files = {
        defect_run.landing / f / n for f, n in zip(again["_folder"], again["_file"], strict=True) if n.startswith("odk")
    }
    odk = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in odk_files])
    odk = odk[odk["meta-instanceID"].str.removeprefix("uuid:").isin(again["submission_id"])]
    assert not odk.empty and set(odk.sort_values("SubmissionDate").groupby("KEY")["ReviewState"].last()) == {"edited"}


def test_a_clean_run_has_no_defect(clean_run: Run) -> None:
    assert set(clean_run.report.defects.values()) == {0}
    found = detect(clean_run)
    assert {kind: len(ids) for kind, ids in found.items() if ids} == {}


def test_text_defects_read_as_intended(defect_run: Run) -> None:
    rows = defect_run.rows.set_index("submission_id")
    ids = defect_run.report.defect_ids
    injected = rows.loc[ids["prompt_injection"], "verbatim"]
    assert injected.str.contains(_INJECTION).all()
    assert injected.str.contains("Ignore all previous instructions").any()
    pii = rows.loc[ids["pii_in_text"], ["verbatim", "suggestion"]].agg(" ".join, axis=1)
    assert pii.str.contains(r"\+\d{3} \d\d").any() and pii.str.contains("@").any()
    assert pii.str.contains(r"00\d{3}-\d\d-\d{3}-\d{3}").any()
    assert rows.loc[ids["long_verbatim"], "verbatim"].str.len().between(2000, 5000).all()
