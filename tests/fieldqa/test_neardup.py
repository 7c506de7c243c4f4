"""Near-duplicate verbatims: pasted-and-edited copies are found across interviews and days; short texts,
placeholders, honest different texts and re-sent copies of the same interview are not."""

import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from fieldvoice.fieldqa import QaConfig, flag_interviews
from fieldvoice.fieldqa.neardup import candidate_pairs, normalise, token_ids
from tests.fieldqa.conftest import DAY, LOCALITIES

Make = Callable[..., pd.DataFrame]
TEMPLATE = "Le réseau coupe tout le temps dans notre quartier depuis trois semaines, même le soir après 20h."
EDITED = "Le réseau coupe tout le temps dans notre quartier depuis trois semaine, même le soir après 21h."
OTHER = "Orange Money marche bien, très rapide pour envoyer de l'argent à ma famille au village."
OTHER2 = "Le service client ne répond jamais, j'ai appelé cinq fois pour un problème de facture."


def _dups(frame: pd.DataFrame, config: QaConfig, history: pd.DataFrame | None = None) -> pd.DataFrame:
    out = flag_interviews(frame, LOCALITIES, config, history=history)
    return out[out["flag"] == "near_duplicate_text"]


def test_pasted_copies_with_small_edits_are_flagged(interviews: Make, config: QaConfig) -> None:
    frame = interviews(5, verbatim=[TEMPLATE, EDITED, TEMPLATE.upper(), OTHER, OTHER2])
    hits = _dups(frame, config)
    assert set(hits["submission_id"]) == set(frame["submission_id"][:3])
    assert (hits["observed"] >= 0.9).all() and (hits["threshold"] == 0.9).all()
    assert "similar to another interview's" in hits["reason"].iloc[0]


def test_a_single_copy_needs_the_same_collaborator_or_device(interviews: Make, config: QaConfig) -> None:
    strangers = interviews(3, verbatim=[TEMPLATE, EDITED, OTHER])
    assert _dups(strangers, config).empty, "one coincidence between strangers is not enough"
    same_person = interviews(3, verbatim=[TEMPLATE, EDITED, OTHER], collaborator_id="EMP-123456")
    assert len(_dups(same_person, config)) == 2


def test_short_texts_and_placeholders_are_ignored(interviews: Make, config: QaConfig) -> None:
    short = ["RAS", "Rien à signaler.", "ok merci", "[PHONE] [NAME] [EMAIL] [PHONE] [NAME] [EMAIL] [PHONE]"]
    frame = interviews(8, verbatim=short + short, collaborator_id="EMP-123456")
    assert _dups(frame, config).empty


def test_country_blocking_and_resent_interviews(interviews: Make, config: QaConfig) -> None:
    elsewhere = interviews(3, verbatim=[TEMPLATE, EDITED, TEMPLATE], country_code=["SN", "TN", "TN"])
    assert _dups(elsewhere, config).empty or set(_dups(elsewhere, config)["country_code"]) == {"TN"}
    history = interviews(2, verbatim=TEMPLATE, partition_date=DAY - pd.Timedelta(days=1))
    today = history.assign(partition_date=DAY)  # the same interviews sent again: not copies of themselves
    assert _dups(today.iloc[:1], config, history.iloc[:1]).empty


def test_copies_of_earlier_days_are_found_with_history(interviews: Make, config: QaConfig) -> None:
    history = interviews(2, verbatim=[TEMPLATE, EDITED], partition_date=DAY - pd.Timedelta(days=2))
    history["submission_id"] = ["old-1", "old-2"]
    today = interviews(1, verbatim=TEMPLATE.replace("trois", "3"))
    assert _dups(today, config).empty
    hits = _dups(today, config, history)
    assert hits["submission_id"].tolist() == today["submission_id"].tolist()
    assert "old-" in hits["reason"].iloc[0]


def test_normalisation_drops_placeholders_case_and_punctuation() -> None:
    texts = pd.Series(["Appelez [PHONE] SVP!!", "Ça   coupe, ÇA COUPE… —", None])
    lowered = normalise(texts)
    assert lowered.to_pylist() == ["appelez   svp!!", "ça   coupe, ça coupe… —", None]
    ids, owner = token_ids(lowered)
    assert owner.tolist() == [0, 0, 1, 1, 1, 1], "the lone dash is no word"
    assert ids[2] == ids[4] and ids[3] == ids[5], "'coupe,' and 'coupe…' are one word"


def test_candidate_search_is_not_quadratic() -> None:
    """50,000 copies of one text in one bucket: each meets at most `window` neighbours, and it is fast."""
    n, window = 50_000, 8
    sig = np.zeros((n, 6), dtype=np.uint64)
    began = time.process_time()  # CPU time: a busy CI machine must not fail a speed guard
    pairs = candidate_pairs(sig, np.zeros(n, dtype=np.int64), bands=2, rows=3, window=window)
    assert time.process_time() - began < 5
    assert len(pairs) <= n * window
    assert len(pairs) > n - 1, "copies stay chained together"


def test_many_pasted_copies_in_a_big_batch(interviews: Make, config: QaConfig) -> None:
    rng = np.random.default_rng(1)
    words = np.array([f"mot{k}" for k in range(3000)])
    honest = [" ".join(rng.choice(words, 15)) for _ in range(3000)]
    pasted = [TEMPLATE.replace("trois", str(k)) for k in range(200)]
    frame = interviews(3200, verbatim=honest + pasted)
    hits = _dups(frame, config)
    assert set(hits["submission_id"]) == set(frame["submission_id"][3000:])


def test_missing_collaborator_or_device_is_no_match(interviews: Make, config: QaConfig) -> None:
    frame = interviews(3, verbatim=[TEMPLATE, EDITED, OTHER], collaborator_id=None, device_id=None)
    assert _dups(frame, config).empty, "two unknown collaborators are not the same collaborator"
