"""Programme data generator: a realistic landing zone of field exports, with defects and an emerging issue.

    report = generate(Path("data/landing"), date(2026, 11, 1), days=7)

writes `reference/` (collaborators, targets, localities) and one folder per day of exports in the six dialects
of the spec. Same seed and arguments give byte-identical files (generate into an empty folder). See
`defects.py` for the defect kinds and where they show, `emerging.py` for the emerging issue.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from fieldvoice.generator.day import DayResult, RunState, generate_day, scaled_reference_sizes
from fieldvoice.generator.defects import DEFECT_KINDS
from fieldvoice.generator.emerging import EmergingIssue, plan_emerging
from fieldvoice.generator.planted import PlantedCollaborator
from fieldvoice.generator.reference import Reference, generate_reference

__all__ = [
    "DEFECT_KINDS",
    "DayResult",
    "EmergingIssue",
    "GenerationReport",
    "PlantedCollaborator",
    "Reference",
    "generate",
    "generate_day",
    "generate_reference",
]


@dataclass
class GenerationReport:
    landing_dir: Path
    files: list[Path]  # reference files first, then exports in the order written
    interviews_per_day: dict[date, int]  # interviews conducted that day (re-export copies not counted)
    defects: dict[str, int]  # defect kind -> rows carrying it, over the whole run
    defect_ids: dict[str, list[str]] = field(default_factory=dict)  # defect kind -> submission_ids
    emerging: EmergingIssue | None = None
    fraud_share: dict[date, dict[str, float]] = field(default_factory=dict)  # day -> country -> share
    planted: dict[str, PlantedCollaborator] = field(default_factory=dict)  # collaborator_id -> ground truth

    def planted_ids(self, behaviour: str | None = None) -> set[str]:
        """Submission ids of the planted collaborators' interviews ("rushed", "fabricator" or both)."""
        return {
            sid
            for member in self.planted.values()
            if behaviour in (None, member.behaviour)
            for sid in member.submission_ids
        }


def generate(
    landing_dir: Path,
    start: date,
    days: int,
    interviews_per_day: int = 15000,
    seed: int = 7,
    defect_rate: float = 0.02,
    emerging: bool = True,
    progress: Callable[[str], None] | None = None,
    *,
    n_collaborators: int | None = None,
    n_targets: int | None = None,
    emerging_countries: tuple[str, ...] | None = None,
    rushed_share: float = 0.002,
    fabricator_share: float = 0.001,
) -> GenerationReport:
    """Write the reference files and `days` day folders from `start`.

    Reference sizes default to ≈10,000 collaborators and ≈15,000 targets, scaled down with
    interviews_per_day below 15,000. The emerging issue's two countries are drawn from the seed unless
    `emerging_countries` is given. `rushed_share` and `fabricator_share` plant that share of the roster as
    rushed and fabricating collaborators (`planted.py`); `report.planted` names them and their interviews.
    """
    if days < 1 or interviews_per_day < 1:
        raise ValueError("days and interviews_per_day must be at least 1")
    landing_dir = Path(landing_dir)
    default_collaborators, default_targets = scaled_reference_sizes(interviews_per_day)
    reference = generate_reference(
        landing_dir, seed, n_collaborators or default_collaborators, n_targets or default_targets
    )
    issue = plan_emerging(start, days, seed, emerging_countries) if emerging else None
    report = GenerationReport(
        landing_dir, reference.paths(landing_dir), {}, dict.fromkeys(DEFECT_KINDS, 0), {k: [] for k in DEFECT_KINDS}
    )
    report.emerging = issue
    state = RunState()
    for offset in range(days):
        day = start + timedelta(days=offset)
        result = generate_day(
            landing_dir,
            day,
            reference,
            interviews_per_day,
            seed,
            defect_rate,
            issue.share_on(day) if issue else None,
            later_days=days - offset - 1,
            state=state,
            rushed_share=rushed_share,
            fabricator_share=fabricator_share,
        )
        report.files += result.files
        report.interviews_per_day[day] = result.interviews
        report.fraud_share[day] = result.fraud_share
        for kind in DEFECT_KINDS:
            report.defects[kind] += result.defects[kind]
            report.defect_ids[kind] += result.defect_ids[kind]
        if issue:
            for cc in issue.countries:
                issue.observed_share.setdefault(cc, {})[day] = result.fraud_share.get(cc, 0.0)
        if progress:
            progress(_progress_line(result, issue))
    if state.plan:  # the members collected their interview ids day after day
        report.planted = {member.collaborator_id: member for member in state.plan.members}
    return report


def _progress_line(result: DayResult, issue: EmergingIssue | None) -> str:
    defects = sum(result.defects.values())
    line = f"{result.day}: {result.interviews} interviews, {len(result.files)} files, {defects} defects"
    if issue:
        shares = ", ".join(f"{cc} {result.fraud_share.get(cc, 0.0):.1%}" for cc in issue.countries)
        line += f", fraud_scam share {shares}"
    return line
