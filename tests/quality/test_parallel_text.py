"""Redaction and language detection in a process pool (fieldvoice.parallel) give the serial output, row for row;
FIELDVOICE_WORKERS=1 never starts a pool."""

import logging
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
import pytest

from fieldvoice import parallel
from fieldvoice.privacy import redact_many
from fieldvoice.privacy.redact import redact_rows
from fieldvoice.quality import validated
from fieldvoice.quality.prepare import prepare_interviews
from fieldvoice.quality.synthetic import synthetic_raw
from fieldvoice.text import detect_languages
from fieldvoice.text.language import detect_many
from tests.field_texts import field_texts


class CountingPool(ProcessPoolExecutor):
    started = 0

    def __init__(self, *args, **kwargs) -> None:
        type(self).started += 1
        super().__init__(*args, **kwargs)


class NoPool:
    def __init__(self, *args, **kwargs) -> None:
        raise AssertionError("a process pool was started")


@pytest.fixture
def two_workers(monkeypatch) -> type[CountingPool]:
    """Pools allowed with two workers, even on a one-core runner; each pool started is counted."""
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(CountingPool, "started", 0)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", CountingPool)
    return CountingPool


@pytest.fixture(scope="module")
def prepared(now) -> pd.DataFrame:
    """Prepared rows whose free text is generated field text (PII, several languages, long rants)."""
    texts = field_texts()
    raw = synthetic_raw(len(texts), seed=3, defect_rate=0.0)
    for col in ("verbatim", "suggestion", "customer_name", "country_code"):
        raw[col] = pd.array(texts[col].tolist(), dtype="string")
    return prepare_interviews(raw, now)


def test_validated_rows_are_the_same_with_a_pool(prepared, monkeypatch, two_workers, caplog):
    monkeypatch.setattr(validated, "PARALLEL_MIN_TEXTS", 50)
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    serial = validated.validated_interviews(prepared)
    assert two_workers.started == 0  # FIELDVOICE_WORKERS=1: no pool, however many texts
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    with caplog.at_level(logging.WARNING, logger="fieldvoice.parallel"):
        pooled = validated.validated_interviews(prepared)
    assert two_workers.started == 2  # one pool for redaction (both columns), one for language detection
    assert "process pool failed" not in caplog.text  # the workers did the work, not the serial fallback
    pd.testing.assert_frame_equal(pooled, serial)
    assert serial["redactions"].sum() >= 20 and serial["language_detected"].nunique() >= 4


def test_map_chunks_keeps_input_order(two_workers, caplog):
    texts = field_texts()["verbatim"].tolist()
    rows = [(t, True, "Awa Ndiaye", "SN") for t in texts]
    with caplog.at_level(logging.WARNING, logger="fieldvoice.parallel"):
        assert parallel.map_chunks(redact_rows, rows, min_items=10) == redact_rows(rows)
        assert parallel.map_chunks(detect_many, texts, min_items=10) == detect_many(texts)
    assert two_workers.started == 2 and not caplog.text


def test_one_worker_starts_no_pool(monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", NoPool)
    texts = field_texts()["verbatim"].tolist()[:200]
    assert parallel.map_chunks(detect_many, texts, min_items=0) == detect_many(texts)
    assert detect_languages(texts, min_parallel=0).tolist() == detect_languages(texts).tolist()
    assert redact_many(texts, min_parallel=0) == redact_many(texts)


def test_small_batches_start_no_pool(monkeypatch, two_workers):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", NoPool)
    assert parallel.map_chunks(detect_many, ["Le réseau coupe tout le temps"] * 5, min_items=5) == ["fr"] * 5


def test_a_pool_that_cannot_start_falls_back_to_this_process(monkeypatch, two_workers, caplog):
    def broken(*args, **kwargs):
        raise OSError("no /dev/shm")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", broken)
    texts = ["Le réseau coupe", "my data finish too fast", None, "ok"] * 10
    with caplog.at_level(logging.WARNING, logger="fieldvoice.parallel"):
        assert parallel.map_chunks(detect_many, texts, min_items=1) == detect_many(texts)
    assert "process pool failed" in caplog.text


@pytest.mark.parametrize(("value", "expected"), [("", 2), ("1", 1), ("2", 2), ("16", 2), ("0", 1)])
def test_worker_count(monkeypatch, value, expected):
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setenv(parallel.WORKERS_ENV, value)
    assert parallel.worker_count() == expected


def test_worker_count_rejects_junk(monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_ENV, "two")
    with pytest.raises(ValueError, match="FIELDVOICE_WORKERS"):
        parallel.worker_count()


@pytest.mark.parametrize("n", [1, 7, 8, 100])
def test_chunks_are_contiguous_and_balanced(n):
    items = list(range(n))
    chunks = parallel._split(items, 8)
    assert [x for chunk in chunks for x in chunk] == items
    assert max(map(len, chunks)) - min(map(len, chunks)) <= 1 and len(chunks) == min(n, 8)
