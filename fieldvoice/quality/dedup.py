"""The de-duplication rule: which rows a later re-export supersedes.

Interviews, within one partition: among rows sharing a submission_id the latest `submitted_at` wins; ties
(and unparseable `submitted_at`, which sorts first) go to the later `source_file` name, then the later
`source_line`. The other rows are quarantined with reason `superseded_reexport`, kind "duplicate" (not
"invalid"), so for every partition raw rows = validated + quarantined. The winner is still validated like any
row: a corrected re-export that is itself invalid is quarantined as invalid, the older copy as duplicate.
Re-exports that land in different partitions are resolved later, in dbt staging (latest wins).

Reference tables: the same rule with the file position only (they carry no submission time).
"""

import numpy as np
import pandas as pd


def superseded(keys: list[pd.Series], order_by: list[pd.Series]) -> np.ndarray:
    """Boolean mask (row positions): True for rows that a later row with the same keys replaces.

    Rows with a null in any key column are never duplicates (they fail their own not-null rule).
    """
    n = len(keys[0])
    frame = pd.DataFrame({f"k{i}": s.reset_index(drop=True) for i, s in enumerate(keys)})
    key_columns = list(frame.columns)
    for i, series in enumerate(order_by):
        frame[f"o{i}"] = series.reset_index(drop=True)
    frame["pos"] = np.arange(n)
    # Only rows sharing their keys with another row can be superseded: sort those few, not the partition.
    shared = frame.duplicated(key_columns, keep=False).to_numpy() & frame[key_columns].notna().all(axis=1).to_numpy()
    # na_position="first": a row whose order value is missing never beats one that has it.
    frame = frame[shared].sort_values(
        [*key_columns, *(f"o{i}" for i in range(len(order_by)))], na_position="first", kind="stable"
    )
    dup = frame.duplicated(key_columns, keep="last").to_numpy()
    mask = np.zeros(n, dtype=bool)
    mask[frame["pos"].to_numpy()[dup]] = True
    return mask
