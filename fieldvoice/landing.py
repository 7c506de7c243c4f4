"""The landing zone's layout, and what it holds right now: day folders, reference files, and a fingerprint of each.

The sensor compares fingerprints between ticks (its cursor) to find new or changed files. A file modified
less than `settle_seconds` ago may still be being written: its folder waits for the next tick.
Writers may also upload to `*.part`/`*.tmp` and rename when done (those suffixes are ignored by ingest).
"""

import hashlib
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

_DAY_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Files that are still being written or are not exports: editor locks, partial downloads, markers.
_IGNORED_SUFFIXES = (".tmp", ".part", ".crdownload", ".partial", ".lock", ".done")


def day_folder(landing_dir: Path, day: date) -> Path:
    return landing_dir / day.isoformat()


def export_files(folder: Path) -> list[Path]:
    """The export files of a day folder, in a stable order; temp files, markers and hidden files skipped."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith((".", "~$")) and not p.name.lower().endswith(_IGNORED_SUFFIXES)
    )


@dataclass(frozen=True)
class FolderState:
    name: str  # "YYYY-MM-DD" or "reference"
    fingerprint: str
    settled: bool  # no file changed in the last settle_seconds


def folder_state(folder: Path, files: list[Path], settle_seconds: float, now: float | None = None) -> FolderState:
    now = time.time() if now is None else now
    digest = hashlib.sha256()
    settled = True
    for path in files:
        stat = path.stat()
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        settled &= now - stat.st_mtime >= settle_seconds
    return FolderState(folder.name, digest.hexdigest()[:16], settled)


def settled_changes(states: Iterable[tuple[str, FolderState]], seen: dict[str, str]) -> tuple[list[str], list[str]]:
    """The sensors' cursor rule: (names changed since `seen` and settled, names still being written).

    Settled changes are recorded in `seen` (the next cursor); files still being written are not, so a
    later tick picks them up once they settle."""
    ready, waiting = [], []
    for name, state in states:
        if seen.get(name) == state.fingerprint:
            continue
        if not state.settled:
            waiting.append(name)
            continue
        seen[name] = state.fingerprint
        ready.append(name)
    return ready, waiting


def scan_landing(landing_dir: Path, settle_seconds: float, now: float | None = None) -> list[FolderState]:
    """The state of every day folder and of the reference folder, sorted by name."""
    if not landing_dir.is_dir():
        return []
    states = []
    for folder in sorted(p for p in landing_dir.iterdir() if p.is_dir()):
        if _DAY_FOLDER.match(folder.name):
            files = export_files(folder)
        elif folder.name == "reference":
            files = sorted(folder.glob("*.csv"))
        else:
            continue
        if files:
            states.append(folder_state(folder, files, settle_seconds, now))
    return states


# Supervisors drop filled-in review files (fieldqa) here; the review sensor watches it.
REVIEWS_FOLDER = "reviews"


def reviews_folder(landing_dir: Path) -> Path:
    return landing_dir / REVIEWS_FOLDER
