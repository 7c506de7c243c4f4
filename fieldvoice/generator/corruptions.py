"""Defects that corrupt a row's content in place: scores, ids, texts, clocks, places (see defects.py)."""

from datetime import date

import numpy as np
import pandas as pd

from fieldvoice.contract import COUNTRIES, RATING_COLUMNS
from fieldvoice.generator.interviews import local_midnight_utc_ms
from fieldvoice.generator.people import email_for, national_numbers, person_names, typed_phone
from fieldvoice.generator.places import LOCALITIES, UNLISTED_PLACES
from fieldvoice.generator.reference import Reference
from fieldvoice.generator.text import injection_sentence, long_rant, pii_sentence

_HOUR = 3_600_000
_DAY = 24 * _HOUR
_BAD_SCORES = {"nps": (11, 12, 100, -1), "csat": (0, 6, 10), "ces": (0, 8, 9)}
_CENTRES = {(loc.country_code, loc.name): (loc.latitude, loc.longitude) for loc in LOCALITIES}
_LISTED = set(_CENTRES)


def _scores(frame: pd.DataFrame, idx: pd.Index, day: date, rng: np.random.Generator, ref: Reference) -> None:
    columns = ["nps", "csat", "ces", *RATING_COLUMNS]
    for row_id in idx:
        column = columns[int(rng.integers(0, len(columns)))]
        bad = _BAD_SCORES.get(column, (0, 6, 7, 9))
        frame.at[row_id, column] = bad[int(rng.integers(0, len(bad)))]


def _unknown_collaborator(
    frame: pd.DataFrame, idx: pd.Index, day: date, rng: np.random.Generator, ref: Reference
) -> None:
    roster = set(ref.collaborators["collaborator_id"])
    for row_id in idx:
        while True:
            candidate = f"EMP-{int(rng.integers(100_000, 1_000_000)):06d}"
            if candidate not in roster:
                break
        frame.at[row_id, "collaborator_id"] = candidate


def _malformed_collaborator(
    frame: pd.DataFrame, idx: pd.Index, day: date, rng: np.random.Generator, ref: Reference
) -> None:
    for row_id in idx:
        digits = frame.loc[row_id, "collaborator_id"][4:]
        variants = (
            f"EMP{digits}", f"emp-{digits}", f"EMP-{digits[:5]}", f"E-{digits}", digits, f"EMP_{digits}",
            f"EMP-{digits.replace('0', 'O', 1)}" if "0" in digits else f"EMP-{digits}0", f"EMP -{digits}",
        )  # fmt: skip
        frame.at[row_id, "collaborator_id"] = variants[int(rng.integers(0, len(variants)))]


def _empty_verbatim(frame: pd.DataFrame, idx: pd.Index, day: date, rng: np.random.Generator, ref: Reference) -> None:
    blanks = ("", "", "", " ", ".", "-")
    frame.loc[idx, "verbatim"] = [blanks[int(u * len(blanks))] for u in rng.random(len(idx))]


def _long_verbatim(frame: pd.DataFrame, idx: pd.Index, day: date, rng: np.random.Generator, ref: Reference) -> None:
    rows = frame.loc[idx]
    texts = [
        long_rant(cc, lang, loc, rng, int(rng.integers(2000, 4500)))
        for cc, lang, loc in zip(rows["country_code"], rows["_lang"], rows["locality"], strict=True)
    ]
    frame.loc[idx, "verbatim"] = texts


def _pii(frame: pd.DataFrame, idx: pd.Index, day: date, rng: np.random.Generator, ref: Reference) -> None:
    for row_id in idx:
        row = frame.loc[row_id]
        cc = row["country_code"]
        dial = COUNTRIES[cc].dial_code
        msisdn = row["customer_msisdn"]
        nsn = msisdn[len(dial) + 1 :] if msisdn else national_numbers(cc, 1, rng)[0]
        name = row["customer_name"] or person_names(cc, 1, rng)[0]
        phone = typed_phone(cc, nsn, int(rng.integers(0, 5)))
        sentence = pii_sentence(
            row["_lang"], phone, name.title(), email_for(name, float(rng.random())), float(rng.random())
        )
        column = "verbatim" if rng.random() < 0.75 else "suggestion"
        frame.at[row_id, column] = f"{row[column]} {sentence}".strip()


def _injection(frame: pd.DataFrame, idx: pd.Index, day: date, rng: np.random.Generator, ref: Reference) -> None:
    for row_id in idx:
        row = frame.loc[row_id]
        sentence = injection_sentence(row["country_code"], row["_lang"], float(rng.random()))
        replace = rng.random() < 0.4
        frame.at[row_id, "verbatim"] = sentence if replace else f"{row['verbatim']} {sentence}"


def _future(frame: pd.DataFrame, idx: pd.Index, day: date, rng: np.random.Generator, ref: Reference) -> None:
    shift = rng.integers(30, 401, len(idx)) * _DAY
    frame.loc[idx, "interview_start"] += shift
    frame.loc[idx, "interview_end"] += shift


def _end_before_start(frame: pd.DataFrame, idx: pd.Index, day: date, rng: np.random.Generator, ref: Reference) -> None:
    start = frame.loc[idx, "interview_start"].copy()
    frame.loc[idx, "interview_start"] = frame.loc[idx, "interview_end"]
    frame.loc[idx, "interview_end"] = start


def _long_duration(frame: pd.DataFrame, idx: pd.Index, day: date, rng: np.random.Generator, ref: Reference) -> None:
    # The form was left open: end 3.2-8 h after start but before 23:30 local, uploaded after that.
    for row_id in idx:
        row = frame.loc[row_id]
        midnight = local_midnight_utc_ms(row["country_code"], day)
        start = row["interview_start"]
        room = midnight + int(23.5 * _HOUR) - start
        if room < 3.2 * _HOUR:  # only planted evening fill-ins start this late: the form was opened earlier
            start = midnight + int(23.5 * _HOUR) - int(rng.uniform(3.2 * _HOUR, 4 * _HOUR))
            frame.at[row_id, "interview_start"] = start
            room = midnight + int(23.5 * _HOUR) - start
        end = start + int(rng.uniform(3.2 * _HOUR, min(8 * _HOUR, room)))
        frame.at[row_id, "interview_end"] = end
        frame.at[row_id, "submitted_at"] = max(row["submitted_at"], end + int(rng.integers(300_000, 1_500_000)))


def _outside(frame: pd.DataFrame, idx: pd.Index, day: date, rng: np.random.Generator, ref: Reference) -> None:
    for row_id in idx:
        row = frame.loc[row_id]
        cc = row["country_code"]
        lat, lon = row["latitude"], row["longitude"]
        if np.isnan(lat):  # no GPS fix: the bad reading replaces a missing one
            lat, lon = _CENTRES[(cc, row["locality"])]
        other = LOCALITIES[int(rng.integers(0, len(LOCALITIES)))]
        options = [(lon, lat), (lat, -lon), (-lat, lon), (other.latitude, other.longitude), (0.0, 0.0)]
        lat_min, lat_max, lon_min, lon_max = COUNTRIES[cc].bbox
        start = int(rng.integers(0, len(options)))
        for k in range(len(options)):
            new_lat, new_lon = options[(start + k) % len(options)]
            if not (lat_min <= new_lat <= lat_max and lon_min <= new_lon <= lon_max):
                break
        frame.loc[row_id, ["latitude", "longitude"]] = [new_lat, new_lon]


def _unknown_locality(frame: pd.DataFrame, idx: pd.Index, day: date, rng: np.random.Generator, ref: Reference) -> None:
    for row_id in idx:
        row = frame.loc[row_id]
        cc, name = row["country_code"], row["locality"]
        typo = name[:1] + name[2:] if len(name) > 4 else name
        if rng.random() < 0.6 or (cc, typo) in _LISTED or typo == name:
            places = UNLISTED_PLACES[cc]
            typo = places[int(rng.integers(0, len(places)))]
        frame.at[row_id, "locality"] = typo


CORRUPTIONS = {
    "score_out_of_range": _scores,
    "unknown_collaborator": _unknown_collaborator,
    "malformed_collaborator": _malformed_collaborator,
    "empty_verbatim": _empty_verbatim,
    "long_verbatim": _long_verbatim,
    "pii_in_text": _pii,
    "prompt_injection": _injection,
    "future_timestamp": _future,
    "end_before_start": _end_before_start,
    "long_duration": _long_duration,
    "coords_outside_country": _outside,
    "unknown_locality": _unknown_locality,
}
