"""One day of clean interviews as a frame: who, where, when, what was scored and what was said.

Timestamps are kept as UTC epoch milliseconds (`submitted_at`, `interview_start`, `interview_end`); the
dialect writers render them in each tool's own way. Internal columns start with `_`: `_tool` (the team's
export dialect), `_lang` (language actually spoken), `_scam` (emerging-issue row).
"""

import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from fieldvoice.contract import COUNTRIES, JOURNEY_STAGES, PAIN_POINTS, PRODUCTS, RATING_COLUMNS, SEGMENTS
from fieldvoice.generator.countries import PROFILES
from fieldvoice.generator.flavours import FLAVOURS
from fieldvoice.generator.opinions import draw_opinions
from fieldvoice.generator.people import e164, national_numbers, person_names
from fieldvoice.generator.reference import Reference, apportion, country_weights, locality_weights
from fieldvoice.generator.text import compose

WALK_IN_SEGMENT_SHARES = (0.68, 0.10, 0.07, 0.15)
TARGETED_SHARE = 0.7
CONSENT_NO_SHARE = 0.03  # normal, not a defect: scores are kept, PII and text must not be used
TEXT_UNIFORMS = 48
_LANGS = ("fr", "en", "ar", "pt")


def local_midnight_utc_ms(cc: str, day: date) -> int:
    """UTC epoch ms of local midnight; the offset is read at noon, when interviews happen (DST flips at night)."""
    noon = datetime.combine(day, time(12), tzinfo=ZoneInfo(COUNTRIES[cc].timezone))
    offset = noon.utcoffset()
    assert offset is not None
    epoch = (datetime.combine(day, time(0)) - datetime(1970, 1, 1)).total_seconds() - offset.total_seconds()
    return int(epoch * 1000)


def _uuid4s(rng: np.random.Generator, n: int) -> list[str]:
    raw = rng.integers(0, 256, (n, 16), dtype=np.uint8)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    return [str(uuid.UUID(bytes=row.tobytes())) for row in raw]


def _who_and_where(ref: Reference, cc: str, m: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Customers, localities and interviewers of one country's m interviews."""
    targets = ref.targets[ref.targets["country_code"].to_numpy() == cc]
    locs = ref.localities[ref.localities["country_code"].to_numpy() == cc]
    targeted = (rng.random(m) < TARGETED_SHARE) & (len(targets) > 0)
    t = targets.iloc[rng.integers(0, max(len(targets), 1), m) % max(len(targets), 1)] if len(targets) else None
    walk_loc = rng.choice(locs["locality"].to_numpy(), size=m, p=locality_weights(locs))
    walk_seg = rng.choice(len(SEGMENTS), size=m, p=WALK_IN_SEGMENT_SHARES)
    walk_named = rng.random(m) < 0.55
    walk_names = np.array(person_names(cc, m, rng), dtype=object)
    walk_phones = np.array([e164(cc, x) for x in national_numbers(cc, m, rng)], dtype=object)
    seg_index = {s: i for i, s in enumerate(SEGMENTS)}
    out = {
        "locality": walk_loc.astype(object),
        "segment": walk_seg,
        "customer_ref": np.full(m, "", dtype=object),
        "customer_name": np.where(walk_named, walk_names, ""),
        "customer_msisdn": np.where(walk_named, walk_phones, ""),
    }
    if t is not None:
        out["locality"] = np.where(targeted, t["locality"].to_numpy(), out["locality"])
        out["segment"] = np.where(targeted, t["segment"].map(seg_index).to_numpy(), walk_seg)
        out["customer_ref"] = np.where(targeted, t["customer_ref"].to_numpy(), "")
        out["customer_name"] = np.where(targeted, t["_name"].to_numpy(), out["customer_name"])
        out["customer_msisdn"] = np.where(targeted, t["_msisdn"].to_numpy(), out["customer_msisdn"])

    # Interviewers: mostly staff living in that locality, else in that country, a few visiting from abroad.
    collab = ref.collaborators
    in_country = np.flatnonzero(collab["country_code"].to_numpy() == cc)
    homes = collab["home_locality"].to_numpy()[in_country]
    pick = in_country[rng.integers(0, len(in_country), m)]
    local = rng.random(m) < 0.6
    for name in np.unique(out["locality"]):
        pool = in_country[homes == name]
        rows = np.flatnonzero(local & (out["locality"] == name))
        if len(pool) and len(rows):
            pick[rows] = pool[rng.integers(0, len(pool), len(rows))]
    visiting = rng.random(m) < 0.04
    pick[visiting] = rng.integers(0, len(collab), int(visiting.sum()))
    out["collaborator"] = pick
    return out


def _by_country(cc: np.ndarray, u: np.ndarray, shares: Callable[[str], dict[str, float]]) -> np.ndarray:
    """For each row, the option of its country's share table that the uniform u falls on."""
    out = np.empty(len(cc), dtype=object)
    for c in np.unique(cc):
        rows = np.flatnonzero(cc == c)
        table = shares(c)
        cum = np.cumsum(list(table.values()))
        out[rows] = np.array(list(table), dtype=object)[np.searchsorted(cum / cum[-1], u[rows]).clip(0, len(cum) - 1)]
    return out


def team_tools_and_devices(ref: Reference, k: np.ndarray, cc: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """The export tool and tablet id of roster rows `k` working in countries `cc`.

    A team uses one tool: the collaborator's own uniform picks it from the country's tool mix.
    """
    collab = ref.collaborators
    tools = _by_country(cc, collab["_tool_u"].to_numpy()[k], lambda c: PROFILES[c].tools)
    device_no = collab["_device_no"].to_numpy()[k]
    device = [
        f"odk-{c}-{d % 1000}" if t == "odk" else f"tab-{c}-{d:04d}"
        for c, t, d in zip(cc, tools, device_no, strict=True)
    ]
    return tools, device


def _recorded_language(cc: np.ndarray, lang: np.ndarray, flavoured: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The language code as typed: the local language now and then, empty or wrong about one time in ten."""
    n = len(cc)
    recorded = lang.copy()
    u = rng.random((n, 3))
    for i in np.flatnonzero(flavoured & (u[:, 0] < 0.3)):
        recorded[i] = FLAVOURS[(cc[i], lang[i])].record_as or recorded[i]
    recorded[u[:, 1] < 0.05] = ""
    wrong = np.flatnonzero((u[:, 1] >= 0.05) & (u[:, 1] < 0.10))
    for i in wrong:
        recorded[i] = _LANGS[(_LANGS.index(lang[i]) + 1 + int(u[i, 2] * 3)) % len(_LANGS)]
    return recorded


def _times(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Local seconds after midnight of start and end, and milliseconds of the upload."""
    hours = np.where(rng.random(n) < 0.6, rng.normal(10.5, 1.6, n), rng.normal(15.5, 1.6, n))
    # Fold the tails back into working hours (clipping would pile interviews up at 07:30:00 sharp).
    spill = rng.uniform(0, 2, n)
    hours = np.where(hours < 7.5, 7.5 + spill, np.where(hours > 19.5, 19.5 - spill, hours))
    start_s = np.rint(hours * 3600).astype(np.int64)
    end_s = start_s + np.rint(np.exp(rng.normal(np.log(13 * 60), 0.45, n))).clip(240, 75 * 60).astype(np.int64)
    # Uploads right after the interview, or with the evening batch sync.
    soon = end_s + rng.uniform(180, 90 * 60, n)
    evening = np.maximum(end_s + 300, rng.uniform(18.5, 22.5, n) * 3600)
    submit = np.where(rng.random(n) < 0.55, soon, evening).clip(max=23.9 * 3600)
    return start_s, end_s, np.rint(submit * 1000).astype(np.int64) + rng.integers(0, 1000, n)


def _coordinates(ref: Reference, cc: np.ndarray, locality: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Around the locality's centre when the tablet had a GPS fix (NaN otherwise), always inside the country."""
    n = len(cc)
    centres = ref.localities.set_index(["country_code", "locality"])[["latitude", "longitude"]]
    coords = centres.loc[list(zip(cc, locality, strict=True))].to_numpy() + rng.normal(0, 0.02, (n, 2))
    bbox = np.array([COUNTRIES[c].bbox for c in cc])
    coords[:, 0] = coords[:, 0].clip(bbox[:, 0] + 0.01, bbox[:, 1] - 0.01)
    coords[:, 1] = coords[:, 1].clip(bbox[:, 2] + 0.01, bbox[:, 3] - 0.01)
    return np.where((rng.random(n) < 0.8)[:, None], np.round(coords, 4), np.nan)


def build_interviews(
    ref: Reference, day: date, n: int, rng: np.random.Generator, scam_share: Mapping[str, float]
) -> pd.DataFrame:
    codes = list(COUNTRIES)
    counts = apportion(n, country_weights(), 2, rng)
    cc = np.repeat(np.array(codes, dtype=object), counts)
    parts = [_who_and_where(ref, c, int(m), rng) for c, m in zip(codes, counts, strict=True) if m]
    who = {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}

    collab = ref.collaborators
    k = who["collaborator"]
    tools, device = team_tools_and_devices(ref, k, cc)

    mood = np.array([PROFILES[c].satisfaction for c in cc])
    scam = rng.random(n) < np.array([scam_share.get(c, 0.0) for c in cc])
    op = draw_opinions(who["segment"], mood, scam, rng)

    lang = _by_country(cc, rng.random(n), lambda c: PROFILES[c].languages)
    flav_rate = [FLAVOURS[(c, g)].rate if (c, g) in FLAVOURS else 0.0 for c, g in zip(cc, lang, strict=True)]
    flavoured = rng.random(n) < np.array(flav_rate)
    recorded = _recorded_language(cc, lang, flavoured, rng)

    start_s, end_s, submit_ms = _times(n, rng)
    base = np.array([local_midnight_utc_ms(c, day) for c in codes], dtype=np.int64)[np.repeat(np.arange(17), counts)]
    coords = _coordinates(ref, cc, who["locality"], rng)

    band = np.select([op.nps <= 6, op.nps <= 8], [0, 1], 2)
    band[scam] = 0  # a scam victim talks about the scam whatever the score
    uniforms = rng.random((n, TEXT_UNIFORMS)).tolist()
    salience = op.salience.tolist()
    stages = [JOURNEY_STAGES[s] for s in op.stage]
    texts = [
        compose(
            cc[i],
            lang[i],
            bool(flavoured[i]),
            stages[i],
            [PAIN_POINTS[p] for p in salience[i] if p >= 0],
            int(band[i]),
            who["locality"][i],
            uniforms[i],
        )
        for i in range(n)
    ]

    return pd.DataFrame(
        {
            "submission_id": _uuid4s(rng, n),
            "submitted_at": base + submit_ms,
            "interview_start": base + start_s * 1000,
            "interview_end": base + end_s * 1000,
            "collaborator_id": collab["collaborator_id"].to_numpy()[k],
            "country_code": cc,
            "locality": who["locality"],
            "latitude": coords[:, 0],
            "longitude": coords[:, 1],
            "customer_ref": who["customer_ref"],
            "customer_name": who["customer_name"],
            "customer_msisdn": who["customer_msisdn"],
            "customer_segment": np.array(SEGMENTS, dtype=object)[who["segment"]],
            "products": _multi(op.products, PRODUCTS),
            "journey_stage": np.array(stages, dtype=object),
            "nps": op.nps,
            "csat": op.csat,
            "ces": op.ces,
            **{c: op.ratings[c] for c in RATING_COLUMNS},
            "pain_points": _multi(op.pains, PAIN_POINTS),
            "verbatim": [t[0] for t in texts],
            "suggestion": [t[1] for t in texts],
            "language": recorded,
            "callback_requested": np.where(op.callback, "yes", "no").astype(object),
            "consent": np.where(rng.random(n) < CONSENT_NO_SHARE, "no", "yes").astype(object),
            "app_version": collab["_app_version"].to_numpy()[k],
            "device_id": device,
            "_tool": tools,
            "_lang": lang,
            "_scam": scam,
        }
    )


def _multi(flags: np.ndarray, names: tuple[str, ...]) -> list[str]:
    """Space-separated multi-select codes, in the contract's option order."""
    labels = np.array(names, dtype=object)
    return [" ".join(labels[row]) for row in flags]
