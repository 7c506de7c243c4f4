"""Open discovery: cluster what the taxonomy does not explain and propose candidate themes.

1. Population: verbatims of non-promoters (NPS <= `max_nps`, or unknown) with at least `min_words` words
   whose best theme score is below `explained_score` (unexplained, or explained only by weak evidence such
   as one keyword or anchor+cue: a new issue often borrows words of old ones). Promoters are left out because
   discovery looks for unmet pains; their unexplained texts are mostly greetings and loyalty statements.
   Identical folded texts are grouped.
2. Embed up to `max_embed` distinct texts with the Embedder (one call, one space), taken in the order of a
   stable hash of the text so that the choice never depends on the input's row order; vectors are centred
   and L2-normalised whatever the embedder. Beyond that cap
   (large runs) texts are not embedded, so cluster sizes are a lower bound: the cap bounds the cost
   (~0.7 ms a text offline, more through an API); raise it for exact counts.
3. Agglomerative clustering (average linkage, cosine distance <= `distance_threshold`) of the first
   `max_cluster` of them (it is O(n^2) in memory); every embedded text then joins the nearest cluster
   centroid if its cosine is >= `join_similarity`.
4. Keep clusters with >= `min_size` verbatims (and >= `min_share` of the population), >= `min_distinct`
   distinct texts and cohesion (mean cosine to the centroid) >= `min_cohesion`. Label them with c-TF-IDF
   top terms (word uni/bigrams overrepresented in the cluster: p_c x log(p_c / p_all)), and score their
   novelty: the share of the top-5 terms holding a word the taxonomy does not know. status = proposed
   (novelty >= `min_novelty` and no existing theme already on half of the members) or covered (an existing
   theme's wording: add terms to that theme rather than a new theme).
   At most `max_candidates` clusters are kept, by size x novelty: a small cluster of new words outranks a
   big one made of the taxonomy's own words (largest-first would drop exactly the new issues).
5. id = "discovered-" + the first 10 hex digits of SHA-1 over the sorted top-5 terms: stable across runs as
   long as the cluster says the same thing, whatever its exact members.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from threadpoolctl import threadpool_limits

from fieldvoice.insights.contracts import Embedder
from fieldvoice.insights.matcher import ThemeMatcher
from fieldvoice.insights.normalise import fold
from fieldvoice.insights.stopwords import STOPWORDS
from fieldvoice.insights.vocabulary import WORD

MEMBER_COLUMNS = ("verbatim_id", "submission_id", "theme_id", "similarity")


@dataclass(frozen=True)
class DiscoveryConfig:
    explained_score: float = 0.75
    max_nps: int | None = 8  # None: every verbatim, promoters included
    min_words: int = 4
    max_embed: int = 8_000
    max_cluster: int = 3_000
    distance_threshold: float = 0.6
    join_similarity: float = 0.5
    min_size: int = 8
    min_share: float = 0.003
    max_candidates: int = 40
    min_distinct: int = 3
    min_cohesion: float = 0.45
    top_terms: int = 8
    min_novelty: float = 0.4


@dataclass(frozen=True)
class Cluster:
    theme_id: str
    top_terms: tuple[str, ...]
    novelty: float
    cohesion: float
    distinct_texts: int
    closest_theme: str | None  # the existing theme most often (weakly) assigned to its members
    closest_theme_share: float
    representatives: tuple[str, ...]  # verbatim ids nearest the centroid
    representative_texts: tuple[str, ...]


def discover(
    verbatims: pd.DataFrame,
    assignments: pd.DataFrame,
    matcher: ThemeMatcher,
    embedder: Embedder,
    config: DiscoveryConfig = DiscoveryConfig(),
) -> tuple[list[Cluster], pd.DataFrame]:
    """Candidate clusters (sorted by id) and their members (MEMBER_COLUMNS)."""
    empty = pd.DataFrame(columns=list(MEMBER_COLUMNS))
    # Explained = some theme scores at least `explained_score`; the test runs in Arrow (a pandas map through the
    # scores' index cached an object array of every assigned id for the whole call: 69 MB at 1.3M verbatims).
    explained = assignments.loc[assignments["score"] >= config.explained_score, "verbatim_id"].unique()
    columns = verbatims[["verbatim_id", "submission_id", "text", "nps"]]  # narrow: the filters below copy rows
    known = pc.is_in(
        pa.array(columns["verbatim_id"], type=pa.large_string()), value_set=pa.array(explained, type=pa.large_string())
    )
    population = columns[~known.to_numpy(zero_copy_only=False)]
    del explained, known
    if config.max_nps is not None:
        population = population[~(population["nps"] > config.max_nps)]
    # Fold each distinct text once (answers repeat); verbatims are grouped by folded text, in input order.
    folded = {t: " ".join(WORD.findall(fold(t).text)) for t in dict.fromkeys(population["text"].tolist())}
    long_enough = {t: f for t, f in folded.items() if len(f.split()) >= config.min_words}
    long_rows = population["text"].isin(list(long_enough))
    if not long_rows.any():
        return [], empty
    keys = sorted(set(long_enough.values()), key=lambda k: (hashlib.sha1(k.encode()).hexdigest(), k))
    keys = keys[: config.max_embed]
    # Only the embedded texts' verbatims can join a cluster: only they become Python objects (on day 8 of the
    # 1,000,000 backfill, the window's whole population as dicts of ids was the step's peak memory).
    chosen_keys = set(keys)
    embedded = [t for t, f in long_enough.items() if f in chosen_keys]
    groups: dict[str, list[str]] = {}  # folded text -> verbatim ids
    texts: dict[str, str] = {}  # folded text -> its first original text (shown as a representative)
    submission: dict[str, str] = {}  # verbatim id -> submission id, over the embedded texts' verbatims
    chosen = population[population["text"].isin(embedded)]
    records = zip(*(chosen[c].tolist() for c in ("verbatim_id", "submission_id", "text")), strict=True)
    for verbatim_id, submission_id, text in records:
        groups.setdefault(folded[text], []).append(verbatim_id)
        texts.setdefault(folded[text], text)
        submission[verbatim_id] = submission_id
    vectors = np.asarray(embedder.embed([texts[k] for k in keys]), dtype=np.float64)
    keys, vectors = _nonzero(keys, vectors)  # a zero vector (empty or unembeddable text) has no neighbours
    # Centre, then normalise: API embeddings share a large common direction (low contrast between topics);
    # removing the mean restores it and is harmless for the offline vectors.
    keys, vectors = _nonzero(keys, vectors - vectors.mean(axis=0) if len(vectors) else vectors)
    vectors = np.round(vectors / np.linalg.norm(vectors, axis=1, keepdims=True), 6)
    from sklearn.cluster import AgglomerativeClustering  # lazy: see embed.py

    sample = min(len(keys), config.max_cluster)
    if sample < config.min_distinct:
        return [], empty
    with threadpool_limits(1):  # see embed.py: faster on shared cores, and a fixed summation order
        labels = AgglomerativeClustering(
            n_clusters=None, distance_threshold=config.distance_threshold, metric="cosine", linkage="average"
        ).fit_predict(vectors[:sample])
    sizes = Counter(labels.tolist())
    seeds = sorted(label for label, size in sizes.items() if size >= config.min_distinct)
    if not seeds:
        return [], empty
    centroids = np.stack([vectors[:sample][labels == label].mean(axis=0) for label in seeds])
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
    with threadpool_limits(1):
        similarity = np.round(vectors @ centroids.T, 6)
    nearest = similarity.argmax(axis=1)
    joined = similarity[np.arange(len(keys)), nearest] >= config.join_similarity
    terms = _top_terms(keys, np.where(joined, nearest, -1), len(seeds), config.top_terms)
    weak = assignments[assignments["verbatim_id"].isin(submission)]
    weak = weak.sort_values(["verbatim_id", "score"], ascending=[True, False]).drop_duplicates("verbatim_id")
    weak_theme = dict(zip(weak["verbatim_id"], weak["theme_id"], strict=True))
    min_size = max(config.min_size, int(config.min_share * population.loc[long_rows, "verbatim_id"].nunique()))
    candidates = []
    for c in range(len(seeds)):
        rows = np.flatnonzero(joined & (nearest == c))
        size = sum(len(groups[keys[r]]) for r in rows)
        cohesion = float(similarity[rows, c].mean()) if len(rows) else 0.0
        if size >= min_size and len(rows) >= config.min_distinct and cohesion >= config.min_cohesion:
            candidates.append((size * _novelty(terms[c][:5], matcher), c, rows, cohesion))
    candidates = sorted(candidates, key=lambda k: (-k[0], k[1]))[: config.max_candidates]
    clusters, members = [], []
    for _, c, rows, cohesion in sorted(candidates, key=lambda k: k[1]):
        verbatim_ids = [v for r in rows for v in groups[keys[r]]]
        top = terms[c]
        novelty = _novelty(top[:5], matcher)
        digest = hashlib.sha1("|".join(sorted(top[:5])).encode()).hexdigest()[:10]
        theme_id = f"discovered-{digest}"
        if any(k.theme_id == theme_id for k in clusters):  # same words, different members: disambiguate
            theme_id += "-" + hashlib.sha1(min(verbatim_ids).encode()).hexdigest()[:4]
        order = sorted(rows, key=lambda r: (-round(float(similarity[r, c]), 6), keys[r]))
        closest = Counter(weak_theme[v] for v in verbatim_ids if v in weak_theme).most_common(1)
        clusters.append(
            Cluster(
                theme_id,
                top,
                novelty,
                round(cohesion, 6),
                len(rows),
                closest[0][0] if closest else None,
                round(closest[0][1] / len(verbatim_ids), 6) if closest else 0.0,
                tuple(min(groups[keys[r]]) for r in order[:3]),
                tuple(texts[keys[r]][:200] for r in order[:2]),
            )
        )
        for r in rows:
            sim = round(float(similarity[r, c]), 6)
            members += [(v, submission[v], theme_id, sim) for v in groups[keys[r]]]
    frame = pd.DataFrame(members, columns=list(MEMBER_COLUMNS)).sort_values(["theme_id", "verbatim_id"])
    return sorted(clusters, key=lambda k: k.theme_id), frame.reset_index(drop=True)


def _nonzero(keys: list[str], vectors: np.ndarray) -> tuple[list[str], np.ndarray]:
    keep = np.linalg.norm(vectors, axis=1) > 1e-9
    return [k for k, ok in zip(keys, keep.tolist(), strict=True) if ok], vectors[keep]


def _top_terms(keys: list[str], labels: np.ndarray, n_clusters: int, top: int) -> list[tuple[str, ...]]:
    """c-TF-IDF-style labels: terms whose document frequency in the cluster most exceeds the background."""
    from sklearn.feature_extraction.text import CountVectorizer

    vectorizer = CountVectorizer(
        binary=True,
        token_pattern=r"(?u)\b[^\W\d_]{3,}\b",
        ngram_range=(1, 2),
        stop_words=sorted(STOPWORDS),
        min_df=2,
    )
    try:
        matrix = vectorizer.fit_transform(keys).tocsc()
    except ValueError:  # vocabulary empty
        return [() for _ in range(n_clusters)]
    vocabulary = vectorizer.get_feature_names_out()
    p_all = np.asarray(matrix.sum(axis=0)).ravel() / len(keys)
    out = []
    for c in range(n_clusters):
        inside = labels == c
        if not inside.any():
            out.append(())
            continue
        df_c = np.asarray(matrix[inside].sum(axis=0)).ravel()
        p_c = df_c / inside.sum()
        score = np.where(df_c >= 2, p_c * np.log(np.maximum(p_c, 1e-12) / np.maximum(p_all, 1e-12)), -np.inf)
        order = sorted(np.flatnonzero(score > 0), key=lambda i: (-round(float(score[i]), 9), vocabulary[i]))
        chosen: list[str] = []
        for i in order:
            term = str(vocabulary[i])
            # A bigram and its own unigrams say the same thing: keep the first that comes.
            if any(term in kept or kept in term for kept in chosen):
                continue
            chosen.append(term)
            if len(chosen) == top:
                break
        out.append(tuple(chosen))
    return out


def _novelty(terms: tuple[str, ...], matcher: ThemeMatcher) -> float:
    if not terms:
        return 0.0
    novel = sum(any(not matcher.known(word) for word in term.split()) for term in terms)
    return round(novel / len(terms), 6)
