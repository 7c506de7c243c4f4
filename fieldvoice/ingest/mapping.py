"""Map the header and values of any export dialect to the canonical interview columns.

Dialects (see ../shared/field-export-format.md): canonical names, KoboToolbox (group paths joined with `/`,
`_uuid`, `_submission_time` in UTC without offset, an optional HXL row) and ODK Central (group paths joined
with `-`, `meta-instanceID`, `SubmissionDate`). The last path segment names the column; tool metadata maps
through ALIASES. Mapping normalises *form* only (prefixes, offsets, decimal commas); validity is judged later.
"""

import re
from dataclasses import dataclass, field

from fieldvoice.contract import CANONICAL_COLUMNS

# Tool metadata name (last path segment, lower-cased) -> (canonical column, priority; lower wins).
ALIASES: dict[str, tuple[str, int]] = {
    "instanceid": ("submission_id", 1),
    "_uuid": ("submission_id", 2),
    "key": ("submission_id", 3),
    "_submission_time": ("submitted_at", 1),
    "submissiondate": ("submitted_at", 1),
    "start": ("interview_start", 1),
    "end": ("interview_end", 1),
    "deviceid": ("device_id", 1),
}
# Geopoints: Kobo `_<question>_latitude`, ODK `<question>-Latitude` (last segment `latitude`).
_GEO = re.compile(r"^_?(?:\w+_)?(latitude|longitude)$")
_SEGMENT_SPLIT = re.compile(r"[/-]")
# Submission times that tools write in UTC without an offset (Kobo's `_submission_time`).
_UTC_WITHOUT_OFFSET = {"_submission_time"}


@dataclass
class ColumnMap:
    """Which source column feeds each canonical column; everything else is kept as an extra."""

    canonical: dict[str, int] = field(default_factory=dict)  # canonical name -> source index
    extras: dict[str, int] = field(default_factory=dict)  # source name -> source index
    utc_naive: set[str] = field(default_factory=set)  # canonical columns whose source is UTC without offset


def canonical_name(header: str) -> tuple[str | None, int]:
    """Canonical column a source header maps to (None if none), with its priority."""
    name = header.strip().lstrip("\ufeff")
    if name in CANONICAL_COLUMNS:
        return name, 0
    last = _SEGMENT_SPLIT.split(name)[-1].lower()
    if last in CANONICAL_COLUMNS:
        return last, 0
    if last in ALIASES:
        return ALIASES[last]
    lowered = name.lower()
    if lowered in ALIASES:
        return ALIASES[lowered]
    geo = _GEO.match(lowered) or _GEO.match(last)
    if geo:
        return geo.group(1), 1
    return None, 0


def map_header(headers: list[str]) -> ColumnMap:
    cmap = ColumnMap()
    best: dict[str, int] = {}
    for index, header in enumerate(headers):
        target, priority = canonical_name(header)
        if target is None:
            cmap.extras[header.strip()] = index
            continue
        if target in best and best[target] <= priority:
            cmap.extras[header.strip()] = index  # a lower-priority alias (e.g. KEY beside instanceID)
            continue
        if target in cmap.canonical:  # demote the previous, weaker source to an extra
            previous = cmap.canonical[target]
            cmap.extras[headers[previous].strip()] = previous
            cmap.utc_naive.discard(target)
        cmap.canonical[target] = index
        best[target] = priority
        if header.strip().split("/")[-1].lower() in _UTC_WITHOUT_OFFSET:
            cmap.utc_naive.add(target)
    return cmap


def is_hxl_row(cells: list[str]) -> bool:
    """HXL hashtag row under a Kobo header: every non-empty cell is a `#tag`."""
    filled = [c.strip() for c in cells if c and c.strip()]
    return bool(filled) and all(c.startswith("#") for c in filled)


def cell_text(value: object) -> object:
    """Text of a JSON cell: lists (multi-selects) space-joined, booleans yes/no, whole floats as integers."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return " ".join(str(v).strip() for v in value if str(v).strip())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
