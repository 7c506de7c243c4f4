"""A response cache keyed by everything that determines an answer, so an unchanged rerun makes no LLM call.

The key is the sha256 of (messages, model, JSON schema, temperature). Only answers that parsed and validated are
stored: a timeout or a refusal is retried by the next run rather than remembered.
"""

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import duckdb

from fieldvoice.warehouse import Warehouse, as_warehouse

CACHE_TABLE = "insights.llm_cache"
CACHE_SCHEMA = {
    "key": "VARCHAR",
    "model": "VARCHAR",
    "response": "JSON",
    "tokens_in": "INTEGER",
    "tokens_out": "INTEGER",
    "created_at": "TIMESTAMPTZ",
}


def cache_key(
    messages: Sequence[Mapping[str, Any]], model: str, schema: Mapping[str, Any], temperature: float | None
) -> str:
    canonical = json.dumps(
        {"messages": list(messages), "model": model, "schema": schema, "temperature": temperature},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedResponse:
    key: str
    model: str
    response_json: str  # the model's structured answer, as it arrived
    tokens_in: int
    tokens_out: int
    created_at: datetime


class ResponseCache(Protocol):
    def get(self, key: str) -> CachedResponse | None: ...

    def put(self, key: str, model: str, response_json: str, tokens_in: int, tokens_out: int) -> None: ...


class InMemoryLlmCache:
    """Same contract as `LlmCache`, for tests and one-off scripts."""

    def __init__(self) -> None:
        self.entries: dict[str, CachedResponse] = {}

    def get(self, key: str) -> CachedResponse | None:
        return self.entries.get(key)

    def put(self, key: str, model: str, response_json: str, tokens_in: int, tokens_out: int) -> None:
        self.entries[key] = CachedResponse(key, model, response_json, tokens_in, tokens_out, datetime.now(UTC))

    def __len__(self) -> int:
        return len(self.entries)


class LlmCache:
    """The cache as a warehouse table (`insights.llm_cache`), so it survives runs and is inspectable in SQL."""

    def __init__(self, target: Warehouse | duckdb.DuckDBPyConnection, table: str = CACHE_TABLE) -> None:
        self.warehouse = as_warehouse(target)
        self.table = table
        self.warehouse.ensure_table(table, CACHE_SCHEMA, primary_key="key")

    def get(self, key: str) -> CachedResponse | None:
        rows = self.warehouse.rows(
            f"SELECT key, model, CAST(response AS VARCHAR), tokens_in, tokens_out, created_at FROM {self.table} "
            "WHERE key = ?",
            [key],
        )
        return CachedResponse(*rows[0]) if rows else None

    def put(self, key: str, model: str, response_json: str, tokens_in: int, tokens_out: int) -> None:
        # Replace: an entry is only rewritten when the stored one no longer validated, and the new one did.
        updates = ", ".join(f"{c} = excluded.{c}" for c in CACHE_SCHEMA if c != "key")
        self.warehouse.execute(
            f"INSERT INTO {self.table} ({', '.join(CACHE_SCHEMA)}) VALUES (?, ?, ?, ?, ?, ?) "
            f"ON CONFLICT (key) DO UPDATE SET {updates}",
            [key, model, response_json, tokens_in, tokens_out, datetime.now(UTC)],
        )

    def __len__(self) -> int:
        return int(self.warehouse.scalar(f"SELECT count(*) FROM {self.table}") or 0)
