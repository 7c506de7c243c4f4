"""Planted bad-practice collaborators, the ground truth for fieldqa's high-frequency checks.

| behaviour  | how it shows in their interviews                                                        |
|------------|-----------------------------------------------------------------------------------------|
| rushed     | 10-18 interviews a day back to back: 2.2-3.8 minutes each (bursts of 10+ an hour), all  |
|            | six ratings answered with the same value (straight-lining), verbatims without their     |
|            | closing sentence, no suggestion; honest GPS (near the home locality they declare)       |
| fabricator | rings of up to 4 colleagues of one country filling 8-14 forms a day each on ONE tablet, |
|            | from one spot 40-90 km away from the localities they declare, in a 3-hour window (forms |
|            | overlap; a third of the rings work in the evening, some after 22:00); the ring pastes   |
|            | the same three verbatims with small edits (kept across days); each member gives         |
|            | identical scores to everyone; consent always "yes"                                      |

Planted collaborators are drawn once per run from the roster and work every day; they take over some of the
day's interviews of their country (at most `MAX_COUNTRY_SHARE` of them), so daily counts do not change.
"""

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from fieldvoice.contract import COUNTRIES, RATING_COLUMNS
from fieldvoice.generator.interviews import local_midnight_utc_ms, team_tools_and_devices
from fieldvoice.generator.planted_text import clipped, retouch
from fieldvoice.generator.reference import Reference

RUSHED_PER_DAY = (10, 18)
FABRICATED_PER_DAY = (8, 14)
RING_SIZE = 4
TEMPLATES = 3
MAX_COUNTRY_SHARE = 0.3
_MIN = 60_000
_HOUR = 3_600_000
_EARTH_KM = 6371.0


@dataclass
class PlantedCollaborator:
    collaborator_id: str
    behaviour: str  # "rushed" | "fabricator"
    country_code: str
    device_id: str  # fabricators: the ring's shared tablet
    ring: int | None = None  # fabricators of one ring share a tablet, a spot and pasted verbatims
    submission_ids: list[str] = field(default_factory=list)  # every interview they did, over the run


@dataclass
class PlantPlan:
    members: list[PlantedCollaborator]
    roster_rows: list[int]
    tools: list[str]
    home: list[str]
    scores: dict[str, np.ndarray]  # fabricator -> fixed nps, csat, ces, six ratings
    spots: dict[int, tuple[float, float]]  # ring -> where its forms are filled in
    templates: dict[int, list[tuple[str, str, str]]] = field(default_factory=dict)  # ring -> (text, lang, recorded)


def _count(share: float, roster: int) -> int:
    return 0 if share <= 0 else max(1, round(share * roster))


def plan_planted(ref: Reference, seed: int, rushed_share: float, fabricator_share: float) -> PlantPlan | None:
    """Who is planted, for the whole run (None when both shares are 0: the run is left untouched)."""
    n_collab = len(ref.collaborators)
    n_rushed, n_fab = _count(rushed_share, n_collab), _count(fabricator_share, n_collab)
    if n_rushed + n_fab == 0:
        return None
    if n_rushed + n_fab > n_collab // 2:
        raise ValueError("rushed_share + fabricator_share must leave most of the roster honest")
    rng = np.random.default_rng([seed, 0x9A17])
    collab = ref.collaborators
    country = collab["country_code"].to_numpy()
    free = np.ones(n_collab, bool)
    rows, behaviours, rings = [], [], []
    for i in rng.choice(n_collab, n_rushed, replace=False):
        rows.append(int(i))
        behaviours.append("rushed")
        rings.append(None)
        free[i] = False
    sizes = [RING_SIZE] * (n_fab // RING_SIZE) + ([n_fab % RING_SIZE] if n_fab % RING_SIZE else [])
    for ring, size in enumerate(sizes):
        leader = int(rng.choice(np.flatnonzero(free)))
        mates = np.flatnonzero(free & (country == country[leader]))
        mates = mates[mates != leader]
        chosen = [leader, *rng.choice(mates, min(size - 1, len(mates)), replace=False).tolist()]
        for i in chosen:
            rows.append(int(i))
            behaviours.append("fabricator")
            rings.append(ring)
            free[i] = False
    k = np.array(rows)
    tools, devices = team_tools_and_devices(ref, k, country[k])
    leader_of = {ring: pos for pos, ring in reversed(list(enumerate(rings))) if ring is not None}
    members, scores, spots = [], {}, {}
    homes = collab["home_locality"].to_numpy()[k]
    centres = ref.localities.set_index(["country_code", "locality"])[["latitude", "longitude"]]
    for pos, (i, behaviour, ring) in enumerate(zip(rows, behaviours, rings, strict=True)):
        lead = leader_of.get(ring, pos) if ring is not None else pos
        cid = str(collab["collaborator_id"].iat[i])
        members.append(PlantedCollaborator(cid, behaviour, str(country[i]), devices[lead], ring))
        if behaviour == "fabricator":
            base = int(rng.integers(3, 5))
            ratings = np.full(len(RATING_COLUMNS), base) + (rng.random(len(RATING_COLUMNS)) < 0.3)
            scores[cid] = np.array([rng.integers(7, 10), base, rng.integers(1, 4), *ratings])
        if ring is not None and ring not in spots:
            lat, lon = centres.loc[(country[i], homes[pos])].to_numpy()
            spots[ring] = _away(str(country[i]), lat, lon, rng)
    tools = [str(tools[leader_of.get(r, p)] if r is not None else tools[p]) for p, r in enumerate(rings)]
    return PlantPlan(members, rows, tools, list(homes), scores, spots)


def _away(cc: str, lat: float, lon: float, rng: np.random.Generator) -> tuple[float, float]:
    """A point 40-90 km from (lat, lon) in a random direction, kept inside the country's box."""
    km, bearing = rng.uniform(40, 90), rng.uniform(0, 2 * np.pi)
    lat2 = lat + np.degrees(km / _EARTH_KM) * np.cos(bearing)
    lon2 = lon + np.degrees(km / _EARTH_KM) * np.sin(bearing) / np.cos(np.radians(lat))
    lat_min, lat_max, lon_min, lon_max = COUNTRIES[cc].bbox
    return float(np.clip(lat2, lat_min + 0.05, lat_max - 0.05)), float(np.clip(lon2, lon_min + 0.05, lon_max - 0.05))


def km_between(lat1: np.ndarray, lon1: np.ndarray, lat2: float, lon2: float) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(a))


def plant(
    frame: pd.DataFrame, day: date, plan: PlantPlan, ref: Reference, rng: np.random.Generator
) -> dict[str, list[str]]:
    """Hand some of the day's interviews to the planted collaborators and reshape them; returns id -> rows' ids."""
    taken = np.zeros(len(frame), bool)
    country = frame["country_code"].to_numpy()
    collaborator = frame["collaborator_id"].to_numpy()
    per_country = pd.Series(country).value_counts()
    used: dict[str, int] = {}
    centres = ref.localities.set_index(["country_code", "locality"])[["latitude", "longitude"]]
    declared = centres.loc[list(zip(country, frame["locality"], strict=True))].to_numpy()
    out: dict[str, list[str]] = {}
    for pos, member in enumerate(plan.members):
        cc = member.country_code
        low, high = RUSHED_PER_DAY if member.behaviour == "rushed" else FABRICATED_PER_DAY
        room = int(MAX_COUNTRY_SHARE * per_country.get(cc, 0)) - used.get(cc, 0)
        want = min(int(rng.integers(low, high + 1)), room)
        # The interviews the day already gave them in their country are theirs too: all are done their way.
        own = np.flatnonzero((country == cc) & (collaborator == member.collaborator_id) & ~taken)
        candidates = np.flatnonzero((country == cc) & (collaborator != member.collaborator_id) & ~taken)
        want -= len(own)
        if member.ring is not None and want > 0:  # a fabricator claims far-away targets first (the spot stays)
            lat, lon = plan.spots[member.ring]
            far = km_between(declared[candidates, 0], declared[candidates, 1], lat, lon) > 35
            candidates = candidates[far] if far.sum() >= want else candidates
        extra = rng.choice(candidates, min(max(want, 0), len(candidates)), replace=False)
        rows = np.sort(np.concatenate([own, extra]).astype(np.int64))
        if not len(rows):
            continue
        taken[rows] = True
        used[cc] = used.get(cc, 0) + len(rows)
        idx = frame.index[rows]
        frame.loc[idx, "collaborator_id"] = member.collaborator_id
        frame.loc[idx, "device_id"] = member.device_id
        frame.loc[idx, "_tool"] = plan.tools[pos]
        frame.loc[idx, "app_version"] = ref.collaborators["_app_version"].iat[plan.roster_rows[pos]]
        midnight = local_midnight_utc_ms(cc, day)
        if member.behaviour == "rushed":
            _rush(frame, idx, midnight, plan.home[pos], centres.loc[(cc, plan.home[pos])].to_numpy(), rng)
        else:
            _fabricate(frame, idx, midnight, plan, member, rng)
        out[member.collaborator_id] = frame.loc[idx, "submission_id"].tolist()
        member.submission_ids += out[member.collaborator_id]
    return out


def _submit(end: np.ndarray, midnight: int, rng: np.random.Generator, minutes: tuple[float, float]) -> np.ndarray:
    soon = end + (rng.uniform(*minutes, len(end)) * _MIN).astype(np.int64)
    return np.minimum(soon, midnight + int(23.9 * _HOUR)).clip(min=end)


def _rush(
    frame: pd.DataFrame, idx: pd.Index, midnight: int, home: str, centre: np.ndarray, rng: np.random.Generator
) -> None:
    n = len(idx)
    durations = (rng.uniform(2.2, 3.8, n) * _MIN).astype(np.int64)
    gaps = (rng.uniform(0.3, 2.0, n) * _MIN).astype(np.int64)
    start = midnight + int(rng.uniform(8.0, 15.0) * _HOUR) + np.concatenate([[0], np.cumsum(durations + gaps)[:-1]])
    frame.loc[idx, "interview_start"] = start
    frame.loc[idx, "interview_end"] = start + durations
    frame.loc[idx, "submitted_at"] = _submit(start + durations, midnight, rng, (2, 20))
    has_fix = frame.loc[idx, "latitude"].notna().to_numpy()
    cc = frame.loc[idx, "country_code"].iat[0]
    lat_min, lat_max, lon_min, lon_max = COUNTRIES[cc].bbox
    coords = centre + rng.normal(0, 0.01, (n, 2))
    coords[:, 0] = coords[:, 0].clip(lat_min + 0.01, lat_max - 0.01)
    coords[:, 1] = coords[:, 1].clip(lon_min + 0.01, lon_max - 0.01)
    frame.loc[idx, "locality"] = home
    frame.loc[idx, "latitude"] = np.where(has_fix, np.round(coords[:, 0], 4), np.nan)
    frame.loc[idx, "longitude"] = np.where(has_fix, np.round(coords[:, 1], 4), np.nan)
    favourite = int(rng.integers(3, 6))
    values = np.where(rng.random(n) < 0.8, favourite, rng.integers(3, 6, n))
    for column in RATING_COLUMNS:
        frame.loc[idx, column] = values.astype(float)
    frame.loc[idx, "csat"] = values
    frame.loc[idx, "nps"] = rng.integers(6, 11, n)
    frame.loc[idx, "ces"] = rng.integers(1, 4, n).astype(float)
    frame.loc[idx, "verbatim"] = [clipped(t) for t in frame.loc[idx, "verbatim"]]
    frame.loc[idx, "suggestion"] = ""


def _fabricate(
    frame: pd.DataFrame,
    idx: pd.Index,
    midnight: int,
    plan: PlantPlan,
    member: PlantedCollaborator,
    rng: np.random.Generator,
) -> None:
    n, ring = len(idx), member.ring
    assert ring is not None, "a fabricator always belongs to a ring"
    if not plan.templates.get(ring):  # the ring's first day: three of today's texts become its stock
        rows = frame.loc[idx]
        usable = rows[rows["verbatim"].str.len() >= 60].head(TEMPLATES)
        plan.templates[ring] = list(zip(usable["verbatim"], usable["_lang"], usable["language"], strict=True))
    durations = (rng.uniform(9, 20, n) * _MIN).astype(np.int64)
    window = rng.uniform(9, 13) if rng.random() < 2 / 3 else rng.uniform(19.5, 20.5)
    start = midnight + ((window + rng.uniform(0, 3, n)) * _HOUR).astype(np.int64)
    start = np.minimum(start, midnight + int(23.5 * _HOUR) - durations)
    frame.loc[idx, "interview_start"] = start
    frame.loc[idx, "interview_end"] = start + durations
    frame.loc[idx, "submitted_at"] = _submit(start + durations, midnight, rng, (1, 15))
    lat, lon = plan.spots[ring]
    frame.loc[idx, "latitude"] = np.round(lat + rng.normal(0, 0.003, n), 4)
    frame.loc[idx, "longitude"] = np.round(lon + rng.normal(0, 0.003, n), 4)
    nps, csat, ces, *ratings = plan.scores[member.collaborator_id]
    frame.loc[idx, ["nps", "csat"]] = [int(nps), int(csat)]
    frame.loc[idx, ["ces", *RATING_COLUMNS]] = [float(ces), *map(float, ratings)]
    frame.loc[idx, "consent"] = "yes"
    stock = plan.templates[ring]
    if stock:
        picks = rng.integers(0, len(stock), n)
        frame.loc[idx, "verbatim"] = [retouch(stock[p][0], stock[p][1], rng) for p in picks]
        frame.loc[idx, "_lang"] = [stock[p][1] for p in picks]
        frame.loc[idx, "language"] = [stock[p][2] for p in picks]
    frame.loc[idx, "suggestion"] = ""
