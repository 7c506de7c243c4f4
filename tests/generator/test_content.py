"""Content realism: who, where, when, scores that agree with what is said, languages, the emerging issue."""

import re

import numpy as np
import pandas as pd

from fieldvoice.contract import (
    COLLABORATOR_ID_PATTERN,
    COUNTRIES,
    CUSTOMER_REF_PATTERN,
    JOURNEY_STAGES,
    PAIN_POINTS,
    PRODUCTS,
    SEGMENTS,
)
from tests.generator.conftest import Run

ARABIC = re.compile(r"[\u0600-\u06FF]")


def _num(rows: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(rows[column], errors="coerce")


def _roster(run: Run, name: str) -> pd.DataFrame:
    return pd.read_csv(run.landing / "reference" / f"{name}.csv", dtype=str, keep_default_na=False)


def test_all_countries_every_day_weighted_by_size(clean_run: Run) -> None:
    rows = clean_run.rows
    per_day = rows.groupby("_folder")["country_code"].nunique()
    assert (per_day == len(COUNTRIES)).all()
    counts = rows["country_code"].value_counts()
    assert counts["EG"] > 3 * counts["GW"] and counts["CD"] > 3 * counts["BW"]


def test_people_places_and_customers_are_plausible(clean_run: Run) -> None:
    rows = clean_run.rows
    collaborators = _roster(clean_run, "collaborators").set_index("collaborator_id")
    assert rows["collaborator_id"].str.fullmatch(COLLABORATOR_ID_PATTERN[1:-1]).all()
    assert rows["collaborator_id"].isin(collaborators.index).all()
    home = collaborators.loc[rows["collaborator_id"], "country_code"].to_numpy()
    assert (home == rows["country_code"].to_numpy()).mean() > 0.9, "interviewers work mostly in their country"

    targeted = rows["customer_ref"] != ""
    assert 0.6 < targeted.mean() < 0.8
    assert rows.loc[targeted, "customer_ref"].str.fullmatch(CUSTOMER_REF_PATTERN[1:-1]).all()
    assert (rows.loc[targeted, "customer_ref"].str[4:6] == rows.loc[targeted, "country_code"]).all()
    assert rows.loc[targeted, "customer_ref"].isin(_roster(clean_run, "targets")["customer_ref"]).all()
    phones = rows[rows["customer_msisdn"] != ""]
    dial = phones["country_code"].map(lambda c: "+" + COUNTRIES[c].dial_code)
    assert all(p.startswith(d) for p, d in zip(phones["customer_msisdn"], dial, strict=True))
    assert phones["customer_msisdn"].str.fullmatch(r"\+\d{10,13}").all()

    localities = _roster(clean_run, "localities")
    known = set(zip(localities["country_code"], localities["locality"], strict=True))
    assert all(pair in known for pair in zip(rows["country_code"], rows["locality"], strict=True))
    located = rows[rows["latitude"] != ""]
    assert 0.7 < len(located) / len(rows) < 0.9
    for cc, lat, lon in zip(
        located["country_code"], _num(located, "latitude"), _num(located, "longitude"), strict=True
    ):
        lat_min, lat_max, lon_min, lon_max = COUNTRIES[cc].bbox
        assert lat_min <= lat <= lat_max and lon_min <= lon <= lon_max


def test_enums_scores_and_clock_are_valid(clean_run: Run) -> None:
    rows = clean_run.rows
    assert set(rows["customer_segment"]) <= set(SEGMENTS)
    assert set(rows["journey_stage"]) == set(JOURNEY_STAGES)
    assert all(set(v.split()) <= set(PRODUCTS) and v for v in rows["products"])
    assert all(set(v.split()) <= set(PAIN_POINTS) for v in rows["pain_points"])
    assert _num(rows, "nps").between(0, 10).all() and _num(rows, "csat").between(1, 5).all()
    assert _num(rows, "ces").dropna().between(1, 7).all() and _num(rows, "ces").isna().mean() < 0.2
    start = pd.to_datetime(rows["interview_start"], format="ISO8601", utc=True)
    end = pd.to_datetime(rows["interview_end"], format="ISO8601", utc=True)
    submitted = pd.to_datetime(rows["submitted_at"], format="ISO8601", utc=True)
    assert (start < end).all() and (end <= submitted).all()
    assert ((end - start) < pd.Timedelta(hours=3)).all()
    local_day = rows["interview_start"].str[:10]
    assert (local_day == rows["_folder"]).all(), "clean interviews land in the folder of their local day"
    assert 0.01 < (rows["consent"] == "no").mean() < 0.06, "consent = no is normal, about 3%"


def test_scores_and_text_agree(clean_run: Run) -> None:
    rows = clean_run.rows
    nps, csat = _num(rows, "nps"), _num(rows, "csat")
    assert np.corrcoef(nps, csat)[0, 1] > 0.6
    has_pain = rows["pain_points"] != ""
    detractors, promoters = nps <= 6, nps >= 9
    assert has_pain[detractors].mean() > 2 * has_pain[promoters].mean()
    assert has_pain[detractors].mean() > 0.5
    network = rows["pain_points"].str.contains("network_coverage|call_drops")
    rating = _num(rows, "rating_network")
    assert rating[network].mean() < rating[~network].mean() - 1
    # Detractors complain: their French verbatims are longer and use complaint words more often.
    french = rows["language"] == "fr"
    complaint = rows["verbatim"].str.contains(r"pas|trop|jamais|coupe|lent|cher|attend", regex=True)
    assert complaint[french & detractors].mean() > complaint[french & promoters].mean() + 0.3
    suggestion_rate = (rows["suggestion"] != "").groupby(detractors).mean()
    assert suggestion_rate[True] > suggestion_rate[False]


def test_languages_and_local_flavour(clean_run: Run) -> None:
    rows = clean_run.rows
    text = rows["verbatim"]
    arabic = text.str.contains(ARABIC)
    assert rows.loc[arabic, "country_code"].isin(["TN", "MA", "EG", "JO"]).all()
    assert 0.1 < arabic.mean() < 0.35
    assert text.str.contains(r"\b(?:le|la|les|je|pas)\b", regex=True).mean() > 0.4, "French is the main language"
    assert text[rows["country_code"].isin(["LR", "SL", "BW"])].str.contains(r"\b(?:the|I|my)\b").mean() > 0.7
    assert text[rows["country_code"] == "GW"].str.contains(r"\b(?:não|muito|rede|obrigado|Obrigado)\b").mean() > 0.4
    senegal = text[rows["country_code"] == "SN"]
    assert senegal.str.contains(r"dafa|Jërëjëf|bi |Waaw|xaalis").mean() > 0.05, "Wolof code-mixing in Senegal"
    assert text[rows["country_code"] == "TN"].str.contains("برشا|باهي|يعيشك").any(), "Tunisian darija"
    odd = (rows["language"] == "") | ~rows["language"].isin(["fr", "en", "ar", "pt"])
    wrong = (rows["language"] == "fr") & arabic
    assert 0.04 < (odd | wrong).mean() < 0.2, "the recorded language is sometimes empty or wrong"
    assert (rows["language"] == "").mean() > 0.02


def test_emerging_scam_wave_rises_in_two_countries_only(clean_run: Run) -> None:
    issue = clean_run.report.emerging
    assert issue is not None and len(issue.countries) == 2
    assert issue.pain_point == "fraud_scam" and issue.journey_stage == "mobile_money"
    assert [d.isoformat() for d in issue.days] == sorted(clean_run.rows["_folder"].unique())[-4:]
    rows = clean_run.rows
    fraud = rows["pain_points"].str.contains("fraud_scam")
    share = fraud.groupby([rows["country_code"], rows["_folder"]]).mean().unstack("_folder")
    days = list(share.columns)
    for cc in issue.countries:
        series = share.loc[cc]
        assert series[days[:2]].max() < 0.03, "near zero before the wave"
        assert series[days[-1]] > 0.12 and series[days[-1]] > series[days[-3]] > series[days[0]]
    others = ~rows["country_code"].isin(issue.countries)
    by_day = fraud[others].groupby(rows.loc[others, "_folder"]).mean()
    assert by_day.max() < 0.015, "elsewhere fraud stays a rare complaint, with no wave"
    victims = rows[fraud & rows["country_code"].isin(issue.countries)]
    assert (victims["journey_stage"] == "mobile_money").mean() > 0.9
    assert _num(victims, "nps").mean() < _num(rows, "nps").mean() - 3
    mentions = victims["verbatim"].str.contains(r"PIN|code|SMS|arnaque|escroc|agent|scam|الكود|السري|نصب", regex=True)
    assert mentions.mean() > 0.7
    assert issue.description and all(cc in issue.description for cc in issue.countries)
