"""The public entry points: determinism, the one-day helper, progress lines, speed and variety at full scale."""

import re
import time
from datetime import date
from pathlib import Path

from fieldvoice.generator import GenerationReport, generate, generate_day
from tests.generator.readback import read_folder


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    lines: list[str] = []

    def run(folder: str, seed: int) -> GenerationReport:
        return generate(tmp_path / folder, date(2026, 5, 30), 2, 200, seed, 0.1, progress=lines.append)

    report = run("a", seed=21)
    run("b", seed=21)
    run("c", seed=22)
    first, second, other = _tree(tmp_path / "a"), _tree(tmp_path / "b"), _tree(tmp_path / "c")
    assert any(name.endswith(".xlsx") for name in first), "zip-based files are covered too"
    assert first == second
    assert first["reference/localities.csv"] == other["reference/localities.csv"]
    assert first["reference/collaborators.csv"] != other["reference/collaborators.csv"]

    assert len(lines) == 6, "one progress line per day"
    assert lines[0].startswith("2026-05-30: 200 interviews, ") and "fraud_scam share" in lines[-1]
    assert list(report.interviews_per_day) == [date(2026, 5, 30), date(2026, 5, 31)]
    assert report.emerging is not None and report.emerging.days[-1] == date(2026, 5, 31)
    assert sorted(str(p.relative_to(tmp_path / "a")) for p in report.files) == sorted(first)


def test_generate_day_writes_reference_and_one_small_day(tmp_path: Path) -> None:
    result = generate_day(tmp_path, date(2026, 2, 3), interviews=300, seed=4)
    assert result.interviews == 300
    assert {p.name for p in (tmp_path / "reference").iterdir()} == {
        "collaborators.csv",
        "targets.csv",
        "localities.csv",
    }
    assert all(p.parent.name == "2026-02-03" for p in result.files)
    rows = read_folder(tmp_path / "2026-02-03")
    reexports = result.defects["reexport"]
    assert len(rows) == 300 + reexports and rows["country_code"].nunique() == 17
    assert result.defects["late_file"] == 0, "a one-day run has no later day to upload a late file in"


def test_fifteen_thousand_interviews_a_day_fast_and_varied(tmp_path: Path) -> None:
    began = time.process_time()  # CPU, not wall time: a loaded CI machine must not fail a speed guard
    report = generate(tmp_path, date(2026, 11, 2), days=1)
    elapsed = time.process_time() - began
    assert report.interviews_per_day == {date(2026, 11, 2): 15_000}
    assert elapsed < 10, f"15,000 interviews took {elapsed:.1f} s"

    rows = read_folder(tmp_path / "2026-11-02")
    verbatims = rows.drop_duplicates("submission_id")["verbatim"]
    duplicated = verbatims[verbatims.str.len() > 0].duplicated().mean()
    assert duplicated < 0.01, f"{duplicated:.2%} of verbatims repeat an earlier one word for word"
    assert verbatims.str.contains(r"[\u0600-\u06FF]").mean() > 0.1
    assert verbatims.str.contains(r"\b(?:le|la|les|je|pas|de|est)\b").mean() > 0.4
    assert verbatims.str.contains(r"\b(?:network|the|my)\b").mean() > 0.05
    assert verbatims.str.contains(r"\b(?:rede|não)\b").any()
    amounts = re.compile(r"\d[\d ,.]* (?:FCFA|F CFA|GNF|ariary|pula|leones|dinars|dirhams|دينار|جنيه|درهم)")
    assert verbatims.str.contains(amounts).mean() > 0.05, "amounts in the local currency"
