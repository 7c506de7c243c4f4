"""The validated interview rows: typed, consent applied, free text redacted, language detected.

consent = no: the scores, codes and lineage stay; customer_name, customer_msisdn, customer_ref, verbatim,
suggestion (and the language detected from that text) become null. Coordinates are kept: they place the
interview, and the contract does not list them as PII.
"""

import numpy as np
import pandas as pd

from fieldvoice import contract as c
from fieldvoice.parallel import warm_up
from fieldvoice.privacy import redact_many
from fieldvoice.quality.tables import VALIDATED_INTERVIEWS_SCHEMA, typed_frame
from fieldvoice.text import detect_languages

# Above this many distinct texts, redaction and language detection run in a process pool (fieldvoice.parallel);
# below it, forking workers and shipping the texts cost more than the second core saves.
PARALLEL_MIN_TEXTS = 20_000
WITHDRAWN_WITHOUT_CONSENT = ("customer_name", "customer_msisdn", "customer_ref", *c.FREE_TEXT_COLUMNS)


def warm_up_pool(rows: int) -> None:
    """For the runner, before GX: a day big enough for the process pool starts its forkserver (imports, language
    model) on the other core while GX runs, so the text work's first pool forks at once."""
    if rows * len(c.FREE_TEXT_COLUMNS) > PARALLEL_MIN_TEXTS:
        warm_up()


def empty_validated() -> pd.DataFrame:
    return typed_frame(pd.DataFrame(), VALIDATED_INTERVIEWS_SCHEMA)


def withdraw_without_consent(frame: pd.DataFrame) -> pd.DataFrame:
    """Null the customer's personal data and text where consent is not yes (no, or unknown)."""
    consented = frame["consent__flag"].fillna(False).astype(bool)
    return frame.assign(**{col: frame[col].where(consented) for col in WITHDRAWN_WITHOUT_CONSENT})


def validated_interviews(kept: pd.DataFrame | None) -> pd.DataFrame:
    """Build the validated frame from prepared rows that passed every row-level rule (consent withdrawn)."""
    if kept is None or kept.empty:
        return empty_validated()
    kept = withdraw_without_consent(kept)  # idempotent: safe whoever calls this
    # Columns gathered in a dict and framed once: inserting ~45 columns one by one costs more than building them.
    out = {col: kept[col] for col in VALIDATED_INTERVIEWS_SCHEMA if col in kept.columns}
    out["callback_requested"] = kept["callback_requested__flag"]
    out["consent"] = kept["consent__flag"]
    out["language_recorded"] = kept["language"]
    consented = out["consent"].fillna(False).astype(bool)
    redacted, counts = _redact_distinct(
        [out[col] for col in c.FREE_TEXT_COLUMNS], out["customer_name"], out["country_code"]
    )
    for col, texts in zip(c.FREE_TEXT_COLUMNS, redacted, strict=True):
        out[col] = pd.Series(pd.array(texts, dtype="string"), index=kept.index)
    out["redactions"] = pd.Series(counts, index=kept.index, dtype="Int64")
    # Detect on the original text (placeholders would only add noise); verbatim first, else the suggestion.
    source = kept["verbatim"].fillna(kept["suggestion"]).where(consented)
    out["language_detected"] = detect_languages(source, min_parallel=PARALLEL_MIN_TEXTS)
    return typed_frame(pd.DataFrame(out, index=kept.index), VALIDATED_INTERVIEWS_SCHEMA)


def _redact_distinct(
    columns: list[pd.Series], names: pd.Series, regions: pd.Series
) -> tuple[list[np.ndarray], np.ndarray]:
    """`redact_many` once per distinct (text, name, country) of each column: a re-export repeats its row, and
    short answers ("RAS", "rien") recur. The result depends on nothing else, so each row gets exactly what it would
    alone. All columns go in one call, so a large day fills one process pool. Returns each column's texts and the
    items redacted per row, all columns summed."""
    groups, distinct = [], []
    for texts in columns:
        keys = pd.DataFrame({"text": texts, "name": names, "region": regions}).reset_index(drop=True)
        group = keys.groupby(list(keys.columns), dropna=False, sort=False).ngroup().to_numpy()
        _, first = np.unique(group, return_index=True)  # row of each group's first occurrence, by group number
        groups.append(group)
        distinct.append(keys.iloc[first])
    together = pd.concat(distinct, ignore_index=True)
    # Plain lists: iterating arrow-backed Series element by element costs more than the redaction gate.
    out, counts = redact_many(*(together[col].tolist() for col in together.columns), min_parallel=PARALLEL_MIN_TEXTS)
    out_array, count_array = np.asarray(out, dtype=object), np.asarray(counts, dtype="int64")
    texts, totals, offset = [], np.zeros(len(names), dtype="int64"), 0
    for group, part in zip(groups, distinct, strict=True):
        texts.append(out_array[offset : offset + len(part)][group])
        totals += count_array[offset : offset + len(part)][group]
        offset += len(part)
    return texts, totals
