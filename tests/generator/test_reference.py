"""Reference files: contract headers and id formats, sizes, real localities inside their country."""

import csv
import re
from pathlib import Path

import pandas as pd

from fieldvoice.contract import (
    COLLABORATOR_ID_PATTERN,
    COUNTRIES,
    CUSTOMER_REF_PATTERN,
    LOCALITY_TYPES,
    REFERENCE_FILES,
    SEGMENTS,
)
from fieldvoice.generator import generate_reference
from fieldvoice.generator.day import scaled_reference_sizes
from fieldvoice.generator.places import LOCALITIES, UNLISTED_PLACES
from fieldvoice.generator.reference import build_reference


def _read(landing: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(landing / "reference" / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8")


def test_reference_files_follow_the_contract(tmp_path: Path) -> None:
    generate_reference(tmp_path, seed=3, n_collaborators=600, n_targets=900)
    for name, columns in REFERENCE_FILES.items():
        raw = (tmp_path / "reference" / f"{name}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), "reference files are plain UTF-8"
        assert next(csv.reader([raw.decode().splitlines()[0]])) == list(columns)

    collaborators = _read(tmp_path, "collaborators")
    assert len(collaborators) == 600
    assert collaborators["collaborator_id"].str.fullmatch(COLLABORATOR_ID_PATTERN[1:-1]).all()
    assert collaborators["collaborator_id"].is_unique
    assert {"executive", "sales", "technician", "customer_care", "finance", "hr", "it"} <= set(
        collaborators["function"]
    )
    assert set(collaborators["country_code"]) == set(COUNTRIES)

    targets = _read(tmp_path, "targets")
    assert len(targets) == 900
    assert targets["customer_ref"].str.fullmatch(CUSTOMER_REF_PATTERN[1:-1]).all()
    assert targets["customer_ref"].is_unique
    assert (targets["customer_ref"].str[4:6] == targets["country_code"]).all()
    assert set(targets["segment"]) <= set(SEGMENTS)
    assert set(targets["priority"]) == {"high", "medium", "low"}

    localities = _read(tmp_path, "localities")
    known = set(zip(localities["country_code"], localities["locality"], strict=True))
    assert set(zip(collaborators["country_code"], collaborators["home_locality"], strict=True)) <= known
    assert set(zip(targets["country_code"], targets["locality"], strict=True)) <= known


def test_default_sizes_and_scaling() -> None:
    reference = build_reference(seed=7)
    assert len(reference.collaborators) == 10_000
    assert len(reference.targets) == 15_000
    assert scaled_reference_sizes(15_000) == (10_000, 15_000)
    assert scaled_reference_sizes(300) == (200, 300)
    assert scaled_reference_sizes(60_000) == (10_000, 15_000)


def test_localities_are_real_places_inside_their_country() -> None:
    assert 110 <= len(LOCALITIES) <= 130
    assert {loc.country_code for loc in LOCALITIES} == set(COUNTRIES)
    assert len({(loc.country_code, loc.name) for loc in LOCALITIES}) == len(LOCALITIES)
    for loc in LOCALITIES:
        lat_min, lat_max, lon_min, lon_max = COUNTRIES[loc.country_code].bbox
        assert lat_min <= loc.latitude <= lat_max and lon_min <= loc.longitude <= lon_max, loc
        assert loc.locality_type in LOCALITY_TYPES
    for cc in COUNTRIES:
        types = {loc.locality_type for loc in LOCALITIES if loc.country_code == cc}
        assert types == set(LOCALITY_TYPES), cc
        listed = {loc.name for loc in LOCALITIES if loc.country_code == cc}
        assert not listed & set(UNLISTED_PLACES[cc])


def test_localities_csv_has_plain_decimal_coordinates(tmp_path: Path) -> None:
    generate_reference(tmp_path, seed=1, n_collaborators=100, n_targets=100)
    text = (tmp_path / "reference" / "localities.csv").read_text(encoding="utf-8")
    assert "Thiès,SN,urban,14.791,-16.9359" in text
    assert re.search(r"^Bouaké,CI,urban,7\.6906,-5\.0303$", text, flags=re.M)
