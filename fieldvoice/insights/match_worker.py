"""Theme matching of a large batch of texts across processes (fieldvoice.parallel).

A backfill day brings ~100,000 texts no earlier day matched; matching is pure Python at ~0.2 ms a text, so it
is split across the cores. Each worker compiles the taxonomy once and checks that it compiled the same content
as the caller (the file could have been edited in between).
"""

from functools import lru_cache
from pathlib import Path

from fieldvoice.insights.matcher import ThemeHit, ThemeMatcher
from fieldvoice.insights.taxonomy import load_taxonomy
from fieldvoice.parallel import map_chunks

# Below this, a pool's start-up (~1-2 s: a forkserver importing fieldvoice.insights) costs more than it saves.
PARALLEL_FROM = 20_000


def match_many(texts: list[str], matcher: ThemeMatcher) -> list[list[ThemeHit]]:
    """matcher.match of each text, in order; across processes for more than PARALLEL_FROM texts."""
    taxonomy = matcher.taxonomy
    if len(texts) <= PARALLEL_FROM or not Path(taxonomy.path).is_file():  # a taxonomy built in memory
        return [matcher.match(text) for text in texts]
    key = (str(taxonomy.path), taxonomy.content_hash)
    return map_chunks(_match_chunk, [(key, text) for text in texts], PARALLEL_FROM)


def _match_chunk(items: list[tuple[tuple[str, str], str]]) -> list[list[ThemeHit]]:
    return [_matcher(*key).match(text) for key, text in items]


@lru_cache(maxsize=4)
def _matcher(path: str, content_hash: str) -> ThemeMatcher:
    matcher = ThemeMatcher(load_taxonomy(path))
    if matcher.taxonomy.content_hash != content_hash:
        raise RuntimeError(f"taxonomy {path} changed during the run: rerun the insights")
    return matcher
