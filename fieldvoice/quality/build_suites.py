"""(Re)build the versioned suites in `expectations/` from `rules.py`: `python -m fieldvoice.quality.build_suites`.

`--check` exits 1 when a file differs from what the rules produce (CI and a test use it), so a rule edited in
Python without rebuilding, or a JSON edited by hand without porting it back, is noticed.
"""

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fieldvoice.quality.reference_rules import reference_rules
from fieldvoice.quality.rules import DERIVED_COLUMNS, interview_rules
from fieldvoice.quality.rules_day import CUSTOM_DAY_RULES, interview_day_rules
from fieldvoice.settings import PROJECT_ROOT

EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
SUITE_NAMES = ("interviews", "collaborators", "targets", "localities")
SUITE_VERSION = "1.0.0"  # bump when a rule changes meaning, so results say which rules judged them


def suite_dict(name: str) -> dict[str, Any]:
    """The suite as GX serialises it (`ExpectationSuite.to_json_dict()`), with stable ids for clean diffs."""
    import great_expectations as gx

    rules = interview_rules() + interview_day_rules() if name == "interviews" else reference_rules(name)
    meta: dict[str, Any] = {
        "fieldvoice": {
            "suite_version": SUITE_VERSION,
            "levels": {
                "schema": "blocking: a failure stops validation, every row is quarantined",
                "row": "failing rows go to the quarantine table",
                "day": "warning about the partition; rows are kept",
            },
            "derived_columns": DERIVED_COLUMNS,
            "custom_expectations": CUSTOM_DAY_RULES if name == "interviews" else [],
        }
    }
    suite = gx.ExpectationSuite(name=name, expectations=rules, meta=meta)
    if len(suite.expectations) != len(rules):
        # GX logs and drops an invalid configuration instead of raising: refuse to write a partial suite.
        raise ValueError(f"suite {name}: {len(rules) - len(suite.expectations)} rule(s) rejected by GX")
    data = suite.to_json_dict()
    data["meta"].pop("great_expectations_version", None)  # keeps the file stable across GX patch releases
    for expectation in data["expectations"]:
        expectation.pop("id", None)
    return data


def render(name: str) -> str:
    return json.dumps(suite_dict(name), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def build(directory: Path = EXPECTATIONS_DIR, *, check: bool = False) -> list[Path]:
    """Write (or, with check=True, compare) every suite; returns the files written or found stale."""
    directory.mkdir(parents=True, exist_ok=True)
    touched = []
    for name in SUITE_NAMES:
        path = directory / f"{name}.json"
        text = render(name)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        touched.append(path)
        if not check:
            path.write_text(text, encoding="utf-8")
    return touched


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report suites that differ from the rules")
    parser.add_argument("--dir", type=Path, default=EXPECTATIONS_DIR)
    args = parser.parse_args(argv)
    touched = build(args.dir, check=args.check)
    for path in touched:
        print(("stale: " if args.check else "wrote: ") + str(path))
    return 1 if (args.check and touched) else 0


if __name__ == "__main__":
    sys.exit(main())
