"""Reference files of the landing zone (roster, targeted customers, localities) and their in-memory twin.

The in-memory `Reference` also carries what is not published in the reference files but must stay consistent
from one interview to the next: each collaborator's tablet, app version and team tool, and each targeted
customer's name and phone number.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from fieldvoice.contract import COUNTRIES, REFERENCE_FILES, SEGMENTS
from fieldvoice.generator.countries import APP_VERSION_WEIGHTS, APP_VERSIONS, PROFILES
from fieldvoice.generator.people import FUNCTIONS, e164, national_numbers, person_names
from fieldvoice.generator.places import LOCALITIES

TARGET_SEGMENT_SHARES = (0.66, 0.12, 0.08, 0.14)  # contract.SEGMENTS order
PRIORITIES = ("high", "medium", "low")
PRIORITY_SHARES = (0.2, 0.5, 0.3)
# People live (and customers are planned) mostly in towns.
_TYPE_WEIGHT = {"urban": 3.0, "peri_urban": 2.0, "rural": 1.2}


@dataclass(frozen=True)
class Reference:
    collaborators: pd.DataFrame  # published columns + _tool_u, _app_version, _device_no
    targets: pd.DataFrame  # published columns + _name, _msisdn
    localities: pd.DataFrame  # published columns + name_ar

    def paths(self, landing_dir: Path) -> list[Path]:
        return [landing_dir / "reference" / f"{name}.csv" for name in REFERENCE_FILES]


def apportion(total: int, weights: np.ndarray, minimum: int, rng: np.random.Generator) -> np.ndarray:
    """Split `total` over countries in proportion to `weights`, with at least `minimum` each when possible."""
    minimum = min(minimum, total // len(weights))
    shares = weights / weights.sum()
    return minimum + rng.multinomial(total - minimum * len(weights), shares)


def country_weights() -> np.ndarray:
    return np.array([PROFILES[cc].weight for cc in COUNTRIES])


def locality_weights(frame: pd.DataFrame) -> np.ndarray:
    w = frame["locality_type"].map(_TYPE_WEIGHT).to_numpy(float)
    return w / w.sum()


def localities_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "locality": [loc.name for loc in LOCALITIES],
            "country_code": [loc.country_code for loc in LOCALITIES],
            "locality_type": [loc.locality_type for loc in LOCALITIES],
            "latitude": [loc.latitude for loc in LOCALITIES],
            "longitude": [loc.longitude for loc in LOCALITIES],
            "name_ar": [loc.name_ar for loc in LOCALITIES],
        }
    )


def build_reference(seed: int, n_collaborators: int = 10000, n_targets: int = 15000) -> Reference:
    rng = np.random.default_rng([seed, 0x5EED])
    localities = localities_frame()
    by_country = {cc: g for cc, g in localities.groupby("country_code", sort=False)}
    weights = country_weights()

    collab_counts = apportion(n_collaborators, weights, 3, rng)
    ids = rng.choice(900_000, size=int(collab_counts.sum()), replace=False) + 100_000
    rows = []
    start = 0
    for cc, count in zip(COUNTRIES, collab_counts, strict=True):
        locs = by_country[cc]
        homes = rng.choice(locs["locality"].to_numpy(), size=count, p=locality_weights(locs))
        functions = rng.choice(list(FUNCTIONS), size=count, p=np.array(list(FUNCTIONS.values())))
        device_no = rng.choice(10_000, size=count, replace=count > 10_000)
        for k in range(count):
            rows.append((f"EMP-{ids[start + k]:06d}", functions[k], cc, homes[k], device_no[k]))
        start += count
    collaborators = pd.DataFrame(rows, columns=[*REFERENCE_FILES["collaborators"], "_device_no"])
    collaborators = collaborators.sort_values("collaborator_id", ignore_index=True)
    collaborators["_tool_u"] = rng.random(len(collaborators))
    collaborators["_app_version"] = rng.choice(APP_VERSIONS, size=len(collaborators), p=APP_VERSION_WEIGHTS)

    target_counts = apportion(n_targets, weights, 3, rng)
    parts = []
    for cc, count in zip(COUNTRIES, target_counts, strict=True):
        locs = by_country[cc]
        numbers = np.sort(rng.choice(999_999, size=count, replace=False) + 1)
        nsn = national_numbers(cc, count, rng)
        parts.append(
            pd.DataFrame(
                {
                    "customer_ref": [f"CUS-{cc}-{v:06d}" for v in numbers],
                    "country_code": cc,
                    "locality": rng.choice(locs["locality"].to_numpy(), size=count, p=locality_weights(locs)),
                    "segment": rng.choice(SEGMENTS, size=count, p=TARGET_SEGMENT_SHARES),
                    "priority": rng.choice(PRIORITIES, size=count, p=PRIORITY_SHARES),
                    "_name": person_names(cc, count, rng),
                    "_msisdn": [e164(cc, x) for x in nsn],
                }
            )
        )
    targets = pd.concat(parts, ignore_index=True)
    return Reference(collaborators, targets, localities)


def write_reference(reference: Reference, landing_dir: Path) -> list[Path]:
    folder = landing_dir / "reference"
    folder.mkdir(parents=True, exist_ok=True)
    frames = {
        "collaborators": reference.collaborators,
        "targets": reference.targets,
        "localities": reference.localities,
    }
    written = []
    for name, columns in REFERENCE_FILES.items():
        path = folder / f"{name}.csv"
        part = path.with_name(path.name + ".part")
        with part.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(frames[name].loc[:, list(columns)].itertuples(index=False, name=None))
        part.replace(path)  # readers never see a half-written roster
        written.append(path)
    return written


def generate_reference(landing_dir: Path, seed: int, n_collaborators: int = 10000, n_targets: int = 15000) -> Reference:
    """Write reference/collaborators.csv, targets.csv and localities.csv; return them (with hidden columns)."""
    reference = build_reference(seed, n_collaborators, n_targets)
    write_reference(reference, Path(landing_dir))
    return reference
