"""The validated interview rows: typed, consent applied, free text redacted, language detected.

consent = no: the scores, codes and lineage stay; customer_name, customer_msisdn, customer_ref, verbatim,
suggestion (and the language detected from that text) become null. Coordinates are kept: they place the
interview, and the contract does not list them as PII.
"""

import numpy as np
import pandas as pd

from fieldvoice import contract as c
from fieldvoice.privacy import redact_many
from fieldvoice.quality.tables import VALIDATED_INTERVIEWS_SCHEMA, typed_frame
from fieldvoice.text import detect_languages

WITHDRAWN_WITHOUT_CONSENT = ("customer_name", "customer_msisdn", "customer_ref", *c.FREE_TEXT_COLUMNS)


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
    redactions = pd.Series(0, index=kept.index, dtype="Int64")
    for col in c.FREE_TEXT_COLUMNS:
        texts, counts = _redact_distinct(out[col], out["customer_name"], out["country_code"])
        out[col] = pd.Series(pd.array(texts, dtype="string"), index=kept.index)
        redactions += pd.Series(counts, index=kept.index, dtype="Int64")
    out["redactions"] = redactions
    # Detect on the original text (placeholders would only add noise); verbatim first, else the suggestion.
    source = kept["verbatim"].fillna(kept["suggestion"]).where(consented)
    out["language_detected"] = detect_languages(source)
    return typed_frame(pd.DataFrame(out, index=kept.index), VALIDATED_INTERVIEWS_SCHEMA)


def _redact_distinct(texts: pd.Series, names: pd.Series, regions: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """`redact_many` once per distinct (text, name, country): a re-export repeats its row, and short answers
    ("RAS", "rien") recur. The result depends on nothing else, so each row gets exactly what it would alone."""
    keys = pd.DataFrame({"text": texts, "name": names, "region": regions}).reset_index(drop=True)
    group = keys.groupby(list(keys.columns), dropna=False, sort=False).ngroup().to_numpy()
    _, first = np.unique(group, return_index=True)  # row of each group's first occurrence, by group number
    distinct = keys.iloc[first]
    # Plain lists: iterating arrow-backed Series element by element costs more than the redaction gate.
    out, counts = redact_many(*(distinct[col].tolist() for col in keys.columns))
    return np.asarray(out, dtype=object)[group], np.asarray(counts, dtype="int64")[group]
