"""A synthetic `raw.interviews` partition with known defects, for benchmarks and tests (numpy, vectorised).

Not the project's generator (fieldvoice/generator): this one only needs the shape and the defect mix of raw
text, fast at a million rows.
"""

from datetime import UTC, date, datetime

import numpy as np
import pandas as pd

from fieldvoice import contract as c
from fieldvoice.quality.tables import ReferenceData

_FRAGMENTS = (
    "Le réseau coupe tout le temps dans le quartier",
    "My data bundle finish too fast",
    "الشبكة ضعيفة جدا في الليل",
    "A rede cai sempre e o preço é caro",
    "Réseau bi dafa néew ci quartier bi",
    "L'agent Orange Money n'a pas de cash",
    "Customer care never answer the phone",
    "Le forfait expire avant la fin du mois",
    "Service rapide, merci beaucoup",
    "Internet lent le soir, impossible de regarder une vidéo",
)
_PII = (
    "appelez-moi au 77 123 45 67",
    "my name is Awa Ndiaye",
    "mail: client.test@gmail.com",
    "call Moussa on +221 76 111 22 33",
)


def synthetic_raw(
    rows: int, *, seed: int = 7, defect_rate: float = 0.03, day: date = date(2026, 11, 2)
) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    codes = np.array(list(c.COUNTRIES))
    country = codes[rng.integers(0, len(codes), rows)]
    centre = {k: ((b[0] + b[1]) / 2, (b[2] + b[3]) / 2) for k, b in ((k, v.bbox) for k, v in c.COUNTRIES.items())}
    lat = np.array([centre[k][0] for k in country])
    lon = np.array([centre[k][1] for k in country])
    start = pd.Timestamp(day, tz=UTC) + pd.to_timedelta(rng.integers(6 * 3600, 18 * 3600, rows), unit="s")
    end = start + pd.to_timedelta(rng.integers(5 * 60, 40 * 60, rows), unit="s")
    submitted = end + pd.to_timedelta(rng.integers(60, 6 * 3600, rows), unit="s")
    iso = lambda ts: pd.Series(ts).dt.strftime("%Y-%m-%dT%H:%M:%S+00:00")  # noqa: E731
    text = np.array(_FRAGMENTS)[rng.integers(0, len(_FRAGMENTS), rows)]
    pii = rng.random(rows) < 0.05
    text = np.where(pii, np.char.add(np.char.add(text, ", "), np.array(_PII)[rng.integers(0, len(_PII), rows)]), text)
    frame = pd.DataFrame(
        {
            "submission_id": [f"sub-{seed}-{i:08d}" for i in range(rows)],
            "submitted_at": iso(submitted),
            "interview_start": iso(start),
            "interview_end": iso(end),
            "collaborator_id": [f"EMP-{n:06d}" for n in rng.integers(100000, 110000, rows)],
            "country_code": country,
            "locality": np.char.add("Town-", country),
            "latitude": np.round(lat + rng.normal(0, 0.1, rows), 4).astype(str),
            "longitude": "nan",
            "customer_ref": np.char.add(np.char.add("CUS-", country), "-000001"),
            "customer_name": "Awa Ndiaye",
            "customer_msisdn": "+221771234567",
            "customer_segment": np.array(c.SEGMENTS)[rng.integers(0, len(c.SEGMENTS), rows)],
            "products": "mobile_voice mobile_data",
            "journey_stage": np.array(c.JOURNEY_STAGES)[rng.integers(0, len(c.JOURNEY_STAGES), rows)],
            "nps": rng.integers(0, 11, rows).astype(str),
            "csat": rng.integers(1, 6, rows).astype(str),
            "ces": rng.integers(1, 8, rows).astype(str),
            **{col: rng.integers(1, 6, rows).astype(str) for col in c.RATING_COLUMNS},
            "pain_points": "slow_data price",
            "verbatim": text,
            "suggestion": None,
            "language": "fr",
            "callback_requested": np.where(rng.random(rows) < 0.2, "yes", "no"),
            "consent": np.where(rng.random(rows) < 0.9, "yes", "no"),
            "app_version": "2.4.1",
            "device_id": "tab-01",
        }
    )
    frame["longitude"] = np.round(lon + rng.normal(0, 0.1, rows), 4).astype(str)
    _inject_defects(frame, rng, defect_rate)
    frame = frame.astype({col: "string" for col in c.CANONICAL_COLUMNS})
    frame["record_issue"] = pd.Series(pd.NA, index=frame.index, dtype="string")
    frame["extra_columns"] = "{}"
    frame["partition_date"] = day
    frame["source_file"] = "export.csv"
    frame["source_line"] = np.arange(2, rows + 2, dtype="int32")
    frame["file_sha256"] = "0" * 64
    frame["dialect"] = "canonical_csv"
    frame["ingested_at"] = pd.Timestamp(datetime(day.year, day.month, day.day, 23, tzinfo=UTC))
    return frame


def _inject_defects(frame: pd.DataFrame, rng: np.random.Generator, rate: float) -> None:
    """Each defect hits about rate/6 of the rows: bad scores, bad dates, re-exports, bad ids, bad boxes."""
    n = len(frame)
    pick = lambda: rng.random(n) < rate / 6  # noqa: E731
    frame.loc[pick(), "nps"] = "11"
    frame.loc[pick(), "csat"] = "ten"
    frame.loc[pick(), "submitted_at"] = "yesterday"
    frame.loc[pick(), "collaborator_id"] = "EMP-12"
    frame.loc[pick(), "latitude"] = "48.85"
    dup = np.flatnonzero(pick())
    frame.loc[dup, "submission_id"] = frame["submission_id"].iloc[np.maximum(dup - 1, 0)].to_numpy()


def synthetic_reference(raw: pd.DataFrame) -> ReferenceData:
    codes = list(c.COUNTRIES)
    return ReferenceData(
        collaborator_ids=frozenset(f"EMP-{n:06d}" for n in range(100000, 110000)),
        country_localities=frozenset(f"{k}|town-{k.lower()}" for k in codes),
        customer_refs=frozenset(f"CUS-{k}-000001" for k in codes),
    )
