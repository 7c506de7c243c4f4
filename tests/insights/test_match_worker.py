"""Matching across processes gives exactly the serial hits, in order."""

from pathlib import Path

import pytest

from fieldvoice import parallel
from fieldvoice.insights import ThemeMatcher, load_taxonomy, match_worker


def test_parallel_matching_equals_serial(analysed, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = list(dict.fromkeys(analysed.verbatims["text"].dropna().astype(str)))[:3000]
    matcher = ThemeMatcher(load_taxonomy())
    serial = [matcher.match(t) for t in texts]
    monkeypatch.setattr(match_worker, "PARALLEL_FROM", 100)
    monkeypatch.setenv("FIELDVOICE_WORKERS", "2")
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    split = parallel._split
    chunks: list[int] = []
    monkeypatch.setattr(parallel, "_split", lambda items, n: chunks.append(n) or split(items, n))
    assert match_worker.match_many(texts, matcher) == serial
    assert chunks  # the pool path ran
    assert any(serial)  # the sample does match themes


def test_a_taxonomy_edited_mid_run_is_refused(tmp_path) -> None:
    source = load_taxonomy()
    copy = tmp_path / "themes.yaml"
    copy.write_text(Path(source.path).read_text(encoding="utf-8"), encoding="utf-8")
    match_worker._matcher(str(copy), load_taxonomy(copy).content_hash)  # same content: fine
    with pytest.raises(RuntimeError, match="changed during the run"):
        match_worker._matcher(str(copy), "0" * 16)
