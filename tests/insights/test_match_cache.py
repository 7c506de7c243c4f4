"""The theme-match cache: a run fed the cache of earlier runs matches only new texts and gives the very same
tables; entries of another taxonomy or matcher version are ignored."""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from fieldvoice.insights import InsightResult, analyse, load_taxonomy, match_cache
from tests.insights.conftest import AS_OF
from tests.insights.frames import frames_from_landing


@dataclass
class Small:
    verbatims: pd.DataFrame
    interviews: pd.DataFrame
    result: InsightResult


@pytest.fixture(scope="module")
def small(landing: Path) -> Small:
    """One day: each test analyses it again, and the session's five days cost seconds per analysis."""
    verbatims, interviews = frames_from_landing(landing, [AS_OF])
    return Small(verbatims, interviews, analyse(verbatims, interviews, AS_OF))


def _assert_same_tables(a, b) -> None:
    for name, table in a.tables().items():
        pd.testing.assert_frame_equal(table, b.tables()[name], obj=name)
    assert a.opportunity_list == b.opportunity_list


def test_first_run_caches_every_distinct_text(small: Small) -> None:
    result, texts = small.result, small.verbatims.set_index("verbatim_id")["text"]
    cached = result.new_matches
    assert cached["text_hash"].nunique() == result.metadata["distinct_texts"] == result.metadata["texts_matched_now"]
    assert set(cached["text_hash"]) <= {match_cache.text_hash(str(t)) for t in texts.dropna()}
    assigned = {match_cache.text_hash(texts[v]) for v in result.assignments["verbatim_id"]}
    assert assigned <= set(cached.loc[cached["theme_id"].notna(), "text_hash"])
    # one row per assignment hit of a distinct text, plus one NULL-theme row per text without any hit
    no_hit = cached[cached["theme_id"].isna()]
    assert no_hit["text_hash"].is_unique and len(no_hit) > 0
    assert set(cached["taxonomy_hash"]) == {load_taxonomy().content_hash}


def test_a_cached_run_matches_nothing_and_gives_identical_tables(small: Small) -> None:
    cached = small.result.new_matches.assign(partition_date=AS_OF)
    again = analyse(small.verbatims, small.interviews, AS_OF, known_matches=cached)
    assert again.metadata["texts_matched_now"] == 0 and again.new_matches.empty
    _assert_same_tables(small.result, again)


def test_only_texts_missing_from_the_cache_are_matched(small: Small) -> None:
    cached = small.result.new_matches
    dropped = sorted(set(cached["text_hash"]))[::7]
    partial = cached[~cached["text_hash"].isin(dropped)]
    again = analyse(small.verbatims, small.interviews, AS_OF, known_matches=partial)
    assert again.metadata["texts_matched_now"] == len(dropped)
    assert set(again.new_matches["text_hash"]) == set(dropped)
    _assert_same_tables(small.result, again)


def test_entries_of_another_taxonomy_or_matcher_version_are_ignored(small: Small) -> None:
    # A stale entry claiming no theme for every text would empty the assignments if it were used.
    stale = small.result.new_matches.drop_duplicates("text_hash").assign(
        theme_id=None, score=None, span_start=None, span_end=None, method=None, n_evidence=None
    )
    for other in (stale.assign(taxonomy_hash="0" * 16), stale.assign(matcher_version="0")):
        again = analyse(small.verbatims, small.interviews, AS_OF, known_matches=other)
        assert again.metadata["texts_matched_now"] == small.result.metadata["texts_matched_now"]
        pd.testing.assert_frame_equal(again.assignments, small.result.assignments)


def test_duplicate_entries_from_runs_out_of_day_order_count_once(small: Small) -> None:
    cached = small.result.new_matches
    twice = pd.concat([cached.assign(partition_date=AS_OF), cached.assign(partition_date=AS_OF.replace(day=1))])
    again = analyse(small.verbatims, small.interviews, AS_OF, known_matches=twice)
    pd.testing.assert_frame_equal(again.assignments, small.result.assignments)
