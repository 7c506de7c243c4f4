"""The landing zone's cursor rule, shared by the landing and review sensors."""

from fieldvoice.landing import FolderState, settled_changes


def test_settled_changes_reports_new_and_changed_names_and_leaves_unsettled_ones_for_later() -> None:
    seen = {"2026-11-01": "aaa", "2026-11-02": "bbb"}
    states = [
        ("2026-11-01", FolderState("2026-11-01", "aaa", True)),  # unchanged
        ("2026-11-02", FolderState("2026-11-02", "ccc", True)),  # changed
        ("2026-11-03", FolderState("2026-11-03", "ddd", False)),  # new, still being written
        ("reference", FolderState("reference", "eee", True)),  # new
    ]
    ready, waiting = settled_changes(states, seen)
    assert ready == ["2026-11-02", "reference"]
    assert waiting == ["2026-11-03"]
    assert seen == {"2026-11-01": "aaa", "2026-11-02": "ccc", "reference": "eee"}
    # once settled, the waiting folder is reported on a later tick; then nothing is left to report
    later = [("2026-11-03", FolderState("2026-11-03", "ddd", True))]
    assert settled_changes(later, seen) == (["2026-11-03"], [])
    assert settled_changes(later, seen) == ([], [])
