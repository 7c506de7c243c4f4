"""Embeddings cached per text, keyed by content hash, so an unchanged rerun sends no embeddings request.

The key is the sha256 of (model, requested dimensions, the exact text sent, i.e. after redaction). Vectors are
stored as base64 of little-endian float32: the embedder hands out float32 anyway, so a hit returns exactly what
the miss did, in a quarter of the space of JSON numbers, in a VARCHAR column that DuckDB and PostgreSQL share.
"""

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Protocol

import duckdb
import numpy as np

from fieldvoice.warehouse import Warehouse, as_warehouse

EMBEDDING_CACHE_TABLE = "insights.embedding_cache"
EMBEDDING_CACHE_SCHEMA = {
    "key": "VARCHAR",
    "model": "VARCHAR",
    "dims": "INTEGER",  # length of the stored vector
    "vector": "VARCHAR",  # base64 of little-endian float32
    "created_at": "TIMESTAMPTZ",
}
# Keys per lookup and rows per INSERT: far below PostgreSQL's 65,535 bind parameters per statement.
_LOOKUP_CHUNK = 10_000
_INSERT_CHUNK = 1_000
_FLOAT32_LE = np.dtype("<f4")


def embedding_key(model: str, dimensions: int | None, text: str) -> str:
    canonical = json.dumps({"model": model, "dimensions": dimensions, "text": text}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def encode_vector(vector: np.ndarray) -> str:
    return base64.b64encode(np.asarray(vector, dtype=_FLOAT32_LE).tobytes()).decode("ascii")


def decode_vector(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=_FLOAT32_LE).astype(np.float32)


class VectorCache(Protocol):
    def get_many(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """The stored vectors of those keys that have one."""
        ...

    def put_many(self, model: str, vectors: Mapping[str, np.ndarray]) -> None: ...


class InMemoryEmbeddingCache:
    """Same contract as `EmbeddingCache`, for tests and one-off scripts."""

    def __init__(self) -> None:
        self.entries: dict[str, np.ndarray] = {}

    def get_many(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        return {key: self.entries[key] for key in keys if key in self.entries}

    def put_many(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        self.entries.update({key: np.asarray(v, dtype=np.float32) for key, v in vectors.items()})

    def __len__(self) -> int:
        return len(self.entries)


class EmbeddingCache:
    """The cache as a warehouse table (`insights.embedding_cache`): it survives runs and is inspectable in SQL."""

    def __init__(self, target: Warehouse | duckdb.DuckDBPyConnection, table: str = EMBEDDING_CACHE_TABLE) -> None:
        self.warehouse = as_warehouse(target)
        self.table = table
        self.warehouse.ensure_table(table, EMBEDDING_CACHE_SCHEMA, primary_key="key")

    def get_many(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        wanted = sorted(set(keys))
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[start : start + _LOOKUP_CHUNK]
            marks = ", ".join("?" * len(chunk))
            rows = self.warehouse.rows(f"SELECT key, vector FROM {self.table} WHERE key IN ({marks})", chunk)
            found.update((key, decode_vector(vector)) for key, vector in rows)
        return found

    def put_many(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        now = datetime.now(UTC)
        rows = [(key, model, int(np.size(v)), encode_vector(v), now) for key, v in vectors.items()]
        for start in range(0, len(rows), _INSERT_CHUNK):
            chunk = rows[start : start + _INSERT_CHUNK]
            values = ", ".join(["(?, ?, ?, ?, ?)"] * len(chunk))
            # DO NOTHING: a concurrent run (another partition on PostgreSQL) may have stored the same text first.
            self.warehouse.execute(
                f"INSERT INTO {self.table} ({', '.join(EMBEDDING_CACHE_SCHEMA)}) VALUES {values} "
                "ON CONFLICT (key) DO NOTHING",
                [value for row in chunk for value in row],
            )

    def __len__(self) -> int:
        return int(self.warehouse.scalar(f"SELECT count(*) FROM {self.table}") or 0)
