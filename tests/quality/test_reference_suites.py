"""Each rule of the three reference suites is violated by one fixture row (or table) and caught."""

import json

import pandas as pd
import pytest

from fieldvoice.contract import REFERENCE_FILES
from fieldvoice.quality import validate_reference
from fieldvoice.quality.gx_runner import load_suite

GOOD = {
    "collaborators": {
        "collaborator_id": "EMP-104233",
        "function": "technician",
        "country_code": "SN",
        "home_locality": "Thiès",
    },
    "targets": {
        "customer_ref": "CUS-SN-000412",
        "country_code": "SN",
        "locality": "Thiès",
        "segment": "prepaid",
        "priority": "high",
    },
    "localities": {
        "locality": "Thiès",
        "country_code": "SN",
        "locality_type": "urban",
        "latitude": "14.791",
        "longitude": "-16.9359",
    },
}
# (reason, column) -> the change that breaks it
MUTATIONS = {
    ("required_value_missing", None): None,  # one row per required column, built below
    ("unknown_country", "country_code"): {"country_code": "FR"},
    ("bad_collaborator_id", "collaborator_id"): {"collaborator_id": "E-1"},
    ("bad_customer_ref", "customer_ref"): {"customer_ref": "CUS-SN-12"},
    ("customer_ref_country_mismatch", "customer_ref_country_matches"): {"customer_ref": "CUS-CI-000999"},
    ("unknown_segment", "segment"): {"segment": "vip"},
    ("unknown_locality_type", "locality_type"): {"locality_type": "suburb"},
    ("unparseable_decimal", "latitude__unparsed"): {"latitude": "north"},
    ("unparseable_decimal", "longitude__unparsed"): {"longitude": "west"},
    ("coordinates_outside_country", "coordinates_in_country"): {"latitude": "48.85", "longitude": "2.35"},
}


def _table(name: str, changes: list[dict]) -> pd.DataFrame:
    rows = []
    for i, change in enumerate(changes):
        row = dict(GOOD[name]) | {"source_file": f"reference/{name}.csv", "source_line": i + 2, "file_sha256": "f"}
        key = "collaborator_id" if name == "collaborators" else "customer_ref" if name == "targets" else "locality"
        row[key] = (
            row[key].replace("412", f"{400 + i:03d}").replace("233", f"{200 + i:03d}")
            if name != "localities"
            else f"{row[key]}-{i}"
        )
        rows.append(row | change)
    return pd.DataFrame(rows).astype({c: "string" for c in REFERENCE_FILES[name]})


@pytest.mark.parametrize("name", sorted(REFERENCE_FILES))
def test_every_reference_rule_is_caught(name):
    rules = [e for e in load_suite(name)["expectations"] if e["meta"]["level"] == "row"]
    changes, expected = [], []
    for rule in rules:
        reason, column = rule["meta"]["reason"], rule["kwargs"]["column"]
        if reason == "superseded_reexport":
            continue
        if reason == "required_value_missing":
            changes.append({column: None} if column in GOOD[name] else {"latitude": None, "longitude": None})
        else:
            assert (reason, column) in MUTATIONS, f"{name}: no fixture breaks {reason} on {column}"
            changes.append(MUTATIONS[(reason, column)])
        expected.append((reason, column))
    changes += [{}, {}]
    raw = _table(name, changes)
    key = {"collaborators": "collaborator_id", "targets": "customer_ref", "localities": "locality"}[name]
    raw.loc[len(raw) - 1, key] = raw.loc[len(raw) - 2, key]  # the last row re-states the one before it
    localities = pd.DataFrame([GOOD["localities"]])
    result = validate_reference(name, raw, localities=localities)
    assert len(raw) == len(result.validated) + len(result.quarantine)
    for line, (reason, column) in enumerate(expected, start=2):
        row = result.quarantine[result.quarantine["source_line"] == line]
        assert len(row) == 1, (name, reason, column)
        assert any(r["rule"] == reason and r["column"] == column for r in json.loads(row["reasons"].iat[0]))
    duplicate = result.quarantine[result.quarantine["kind"] == "duplicate"]
    assert duplicate["source_line"].tolist() == [len(raw)]  # the earlier of the two copies
    assert len(result.validated) == 1


def test_reference_day_rules(make_raw):
    raw = _table("targets", [{"locality": "Atlantis"}])
    result = validate_reference("targets", raw, localities=pd.DataFrame([GOOD["localities"]]))
    failing = {o.reason for o in result.checks["day"].failing}
    assert failing == {"unknown_locality"}
    empty = validate_reference("targets", raw.iloc[:0])
    assert {o.reason for o in empty.checks["day"].failing} == {"empty_reference"}
    assert all(o.success is None for o in empty.checks["day"].outcomes if o.reason == "unknown_locality")


def test_reference_missing_column_blocks():
    raw = _table("localities", [{}]).drop(columns=["locality_type"])
    result = validate_reference("localities", raw)
    assert not result.checks["schema"].success and len(result.quarantine) == 1 and len(result.validated) == 0
