"""Near-duplicate verbatims across different interviews: MinHash + LSH banding for candidates, rapidfuzz to verify.

1. Normalise (pyarrow kernels, no Python loop): drop redaction placeholders ([PHONE], [NAME], ...), lower-case,
   split into words, strip punctuation (letters and digits of every script stay). Texts shorter than
   `min_chars` / `min_tokens` are left out: "RAS", "ok", "merci" repeat honestly.
2. Shingles = word bigrams, token ids from one dictionary encoding; MinHash signatures of `bands x rows` values,
   one vectorised pass per hash function (`np.minimum.reduceat` over each text's shingles).
3. LSH: texts sharing all `rows` values of a band (and the country, with `same_country`) are candidates. In a
   bucket each text meets at most `window` neighbours in sort order, so a template pasted 10,000 times costs
   O(10,000 x window) comparisons, not 10,000^2; the copies are still chained into one cluster.
4. Drop candidates whose MinHash agreement (a Jaccard estimate) is below `min_jaccard` - most share one
   sentence, not the text. Verify the rest with rapidfuzz's ratio (C++, all cores), keep >= threshold, and
   group them (connected components). Flag current rows with `min_matches`+ near-duplicates, or with
   `same_collaborator_matches`+ by the same collaborator or on the same device.
"""

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import fuzz, process
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from fieldvoice.fieldqa.config import FlagRule
from fieldvoice.fieldqa.rules_row import Hits

_SEED = 0x5F1E1D


def mix64(x: np.ndarray, in_place: bool = False) -> np.ndarray:
    """splitmix64's finaliser: a fast, well-spread 64-bit hash of 64-bit integers (wrapping arithmetic).
    `in_place`: overwrite `x` (a uint64 array the caller owns) instead of copying it."""
    x = x if in_place and x.dtype == np.uint64 else x.astype(np.uint64, copy=True)
    shifted = np.empty_like(x)
    for shift, factor in ((30, 0xBF58476D1CE4E5B9), (27, 0x94D049BB133111EB), (31, None)):
        np.right_shift(x, np.uint64(shift), out=shifted)
        x ^= shifted
        if factor is not None:
            x *= np.uint64(factor)
    return x


def normalise(texts: pd.Series) -> pa.Array:
    """Lower-cased text without redaction placeholders: what rapidfuzz compares."""
    arr = pa.array(texts.astype("string[pyarrow]")).cast(pa.large_string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    marked = pc.fill_null(pc.match_substring(arr, "["), False)  # placeholders are rare: regex those rows only
    if pc.any(marked).as_py():
        rows = pa.array(np.flatnonzero(marked.to_numpy(zero_copy_only=False)))
        cleaned = pc.replace_substring_regex(arr.take(rows), r"\[[A-Z_]+\]", " ")
        arr = pc.replace_with_mask(arr, marked, cleaned)
    return pc.utf8_trim_whitespace(pc.utf8_lower(arr))


def token_ids(text: pa.Array, chunk: int = 100_000) -> tuple[np.ndarray, np.ndarray]:
    """(word id, text index) of every word, in text order. Punctuation is stripped from the DISTINCT words only
    (a regex over 10^5 dictionary entries instead of 10^7 characters); words that were only punctuation go.

    Texts are split `chunk` at a time, each chunk's words dictionary-encoded on their own, and the chunks'
    dictionaries then encoded together: ids still number the words in order of first appearance, as one pass
    would, without one pass's list, hash table and int64 temporaries over every word at once (on day 8 of the
    1,000,000 backfill, 24 million words: 1 GB, field QA's peak)."""
    dictionaries, local_ids, owners = [], [], []
    for lo in range(0, len(text), chunk):
        tokens = pc.utf8_split_whitespace(text.slice(lo, chunk))
        encoded = pc.dictionary_encode(pc.list_flatten(tokens))
        dictionaries.append(encoded.dictionary)
        local_ids.append(encoded.indices.to_numpy())
        # int32 (fewer than 2^31 words and texts): at 1,000,000 texts of ~20 words, each array is 80 MB.
        owners.append(pc.list_parent_indices(tokens).to_numpy().astype(np.int32) + np.int32(lo))
    if not dictionaries:
        return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int32)
    merged = pc.dictionary_encode(pa.concat_arrays(dictionaries))  # chunk word -> word, by first appearance
    words = pc.replace_substring_regex(merged.dictionary, r"[^\p{L}\p{N}]+", "")
    remap = pc.dictionary_encode(words).indices.to_numpy().astype(np.int32)
    remap[pc.equal(words, "").to_numpy(zero_copy_only=False)] = -1
    per_chunk = remap[merged.indices.to_numpy()]
    ids, owner, at = [], [], 0
    for dictionary, local, parent in zip(dictionaries, local_ids, owners, strict=True):
        chunk_ids = per_chunk[at : at + len(dictionary)][local]
        at += len(dictionary)
        keep = chunk_ids >= 0
        ids.append(chunk_ids[keep])
        owner.append(parent[keep])
    return np.concatenate(ids), np.concatenate(owner)


def signatures(ids: np.ndarray, owner: np.ndarray, n_hashes: int) -> np.ndarray:
    """MinHash signature (n_texts x n_hashes, uint32) of word bigrams; `owner` numbers texts 0..n-1 in order and
    every text has at least two words. 32-bit values halve the memory traffic of the n_hashes passes; with
    ~20 bigrams a text, a false equal minimum is one in 10^8."""
    same_text = owner[:-1] == owner[1:]
    # One uint64 array, updated in place: the expression form held five 8-byte-per-bigram temporaries at once
    # (field QA's peak memory on day 8 of the 1,000,000 backfill).
    bigram = np.empty(int(same_text.sum()), dtype=np.uint64)
    bigram[:] = ids[:-1][same_text]  # cast while copying: no 8-byte temporary of either word
    bigram <<= np.uint64(32)
    np.bitwise_or(bigram, ids[1:][same_text], out=bigram, dtype=np.uint64, casting="unsafe")  # ids are >= 0
    bigram = mix64(bigram, in_place=True)
    bigram >>= np.uint64(32)
    shingles = bigram.astype(np.uint32)
    del bigram
    owner = owner[:-1][same_text]
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    rng = np.random.default_rng(_SEED)
    a = rng.integers(1, 2**32, n_hashes, dtype=np.uint64).astype(np.uint32) | np.uint32(1)  # odd: a bijection
    b = rng.integers(0, 2**32, n_hashes, dtype=np.uint64).astype(np.uint32)
    out = np.empty((len(starts), n_hashes), dtype=np.uint32)
    scratch = np.empty_like(shingles)
    for k in range(n_hashes):
        np.multiply(shingles, a[k], out=scratch)
        np.add(scratch, b[k], out=scratch)
        out[:, k] = np.minimum.reduceat(scratch, starts)
    return out


def estimated_jaccard(sig: np.ndarray, pairs: np.ndarray, chunk: int = 1_000_000) -> np.ndarray:
    """Share of equal MinHash values of each pair: an unbiased Jaccard estimate, almost free next to rapidfuzz."""
    out = np.empty(len(pairs))
    for lo in range(0, len(pairs), chunk):
        part = pairs[lo : lo + chunk]
        out[lo : lo + chunk] = (sig[part[:, 0]] == sig[part[:, 1]]).mean(axis=1)
    return out


def candidate_pairs(sig: np.ndarray, block: np.ndarray, bands: int, rows: int, window: int) -> np.ndarray:
    """(i, j) pairs, i < j, of texts sharing one LSH band (and block); each text meets <= `window` per band."""
    # Each pair is kept as one int64 code, min(i, j) * n + max(i, j), as it is found: half the memory of (i, j)
    # rows, and no copies of them (at 1,000,000 texts the pairs were field QA's peak memory).
    codes = []
    n = np.int64(len(sig))
    weights = mix64(np.arange(1, rows + 1, dtype=np.uint64))
    for band in range(bands):
        part = sig[:, band * rows : (band + 1) * rows]
        mixed = (part.astype(np.uint64) * weights).sum(axis=1, dtype=np.uint64)
        key = mix64(mixed ^ mix64(block.astype(np.uint64) + np.uint64(band)))
        order = np.argsort(key)  # introsort: 4x faster than stable here, and still deterministic
        key = key[order]
        for d in range(1, window + 1):
            same = key[:-d] == key[d:]
            if not same.any():
                break  # equal keys are contiguous: no run is longer than d
            i, j = order[:-d][same], order[d:][same]  # argsort's int64 positions
            codes.append(np.minimum(i, j) * n + np.maximum(i, j))
    if not codes:
        return np.empty((0, 2), dtype=np.int64)
    code = np.concatenate(codes)
    del codes
    code.sort()
    code = code[np.r_[True, code[1:] != code[:-1]]]  # sort + diff: numpy 2.4's hash-based unique is 20x slower
    return np.stack([code // n, code % n], axis=1)


def near_duplicates(frame: pd.DataFrame, rule: FlagRule, current: int) -> Hits:
    """Flags for rows < `current` of `frame` (current rows first, then the bounded history)."""
    p = rule.params
    text = normalise(frame["verbatim"])
    word_ids, owner = token_ids(text)
    n_words = np.bincount(owner, minlength=len(text))
    chars = np.nan_to_num(pc.utf8_length(text).to_numpy(zero_copy_only=False))
    long_enough = (n_words >= max(2, int(p.get("min_tokens", 6)))) & (chars >= int(p.get("min_chars", 40)))
    eligible = np.flatnonzero(long_enough)
    if len(eligible) < 2:
        return Hits.empty()
    local = np.full(len(text), -1, dtype=np.int32)
    local[eligible] = np.arange(len(eligible))
    kept = long_enough[owner]
    word_ids, owner = word_ids[kept], local[owner[kept]]  # rebound, not copied beside the originals
    del kept
    bands, rows = int(p.get("bands", 8)), int(p.get("rows", 4))
    sig = signatures(word_ids, owner, bands * rows)
    del word_ids, owner  # the signatures stand for the words from here on
    if p.get("same_country", True):
        block = pd.factorize(frame["country_code"].to_numpy()[eligible])[0]
    else:
        block = np.zeros(len(eligible), dtype=np.int64)
    pairs = candidate_pairs(sig, block, bands, rows, int(p.get("window", 32)))
    pairs = pairs[eligible[pairs[:, 0]] < current]  # history-only pairs were judged on their own day
    ids = pd.factorize(frame["submission_id"])[0][eligible]
    pairs = pairs[(ids[pairs[:, 0]] != ids[pairs[:, 1]]) | (ids[pairs[:, 0]] < 0)]  # a re-export is not a copy
    # Most LSH candidates share one sentence, not the text: skip those before the exact comparison.
    pairs = pairs[estimated_jaccard(sig, pairs) >= float(p.get("min_jaccard", 0.5))]
    if not len(pairs):
        return Hits.empty()
    # Python strings for rapidfuzz: only the texts of a candidate pair (a fraction of them).
    compared, at = np.unique(pairs, return_inverse=True)
    texts = np.array(text.take(pa.array(eligible[compared])).to_pylist(), dtype=object)[at.reshape(pairs.shape)]
    score = process.cpdist(texts[:, 0], texts[:, 1], scorer=fuzz.ratio, workers=-1)
    pairs, score = pairs[score >= rule.threshold * 100], score[score >= rule.threshold * 100] / 100
    return _flag_clusters(frame, eligible, pairs, score, rule, current)


def _flag_clusters(
    frame: pd.DataFrame, eligible: np.ndarray, pairs: np.ndarray, score: np.ndarray, rule: FlagRule, current: int
) -> Hits:
    n = len(eligible)
    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    others = np.bincount(label, minlength=n)[label] - 1
    who = frame["collaborator_id"].astype("string").fillna("").to_numpy(dtype=object)[eligible]
    device = frame["device_id"].astype("string").fillna("").to_numpy(dtype=object)[eligible]
    a, b = pairs[:, 0], pairs[:, 1]
    same_who = ((who[a] != "") & (who[a] == who[b])) | ((device[a] != "") & (device[a] == device[b]))
    same = np.bincount(np.r_[a[same_who], b[same_who]], minlength=n)
    best = np.zeros(n)
    np.maximum.at(best, a, score)
    np.maximum.at(best, b, score)
    partner = np.full(n, -1)
    partner[a], partner[b] = b, a  # any one matching interview, to show the reviewer an example
    p = rule.params
    hit = (others >= int(p.get("min_matches", 2))) | (same >= int(p.get("same_collaborator_matches", 1)))
    hit &= (eligible < current) & (best > 0)
    local = np.flatnonzero(hit)
    ids = frame["submission_id"].to_numpy()[eligible]
    reasons = [
        f"verbatim {best[i]:.0%} similar to another interview's ({ids[partner[i]]} by {who[partner[i]]}); "
        f"{others[i]} near-identical verbatim(s) in its group, {same[i]} by the same collaborator/device"
        for i in local
    ]
    return Hits(eligible[local], best[local], reasons)
