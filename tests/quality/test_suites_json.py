"""The versioned suites: up to date with rules.py, loadable by GX 1.x, every rule levelled and explained."""

import json
import subprocess
import sys

import pytest

from fieldvoice.quality.build_suites import EXPECTATIONS_DIR, SUITE_NAMES, build

LEVELS = {"schema", "row", "day"}


def test_suite_files_match_the_rules(tmp_path):
    assert build(check=True) == [], "run: python -m fieldvoice.quality.build_suites"


@pytest.mark.parametrize("name", SUITE_NAMES)
def test_suite_loads_with_gx_and_every_rule_has_level_and_reason(name):
    import great_expectations as gx

    data = json.loads((EXPECTATIONS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    suite = gx.ExpectationSuite(**data)
    assert len(suite.expectations) == len(data["expectations"])  # GX drops invalid configs silently
    custom = data["meta"]["fieldvoice"]["custom_expectations"]
    for expectation in [*data["expectations"], *custom]:
        meta = expectation["meta"]
        assert meta["level"] in LEVELS and meta["reason"]
        if meta["level"] == "row":
            assert meta["kind"] in {"invalid", "duplicate"}


def test_importing_the_package_does_not_import_gx():
    code = (
        "import sys, fieldvoice.quality, fieldvoice.privacy, fieldvoice.text; "
        "print('great_expectations' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
