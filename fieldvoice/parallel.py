"""Split a large list across worker processes and merge the results in input order.

`map_chunks(func, items, min_items)` returns `func(items)`, computed in one process pool when there are more than
`min_items` items and more than one worker: `func` is a picklable top-level function taking a list and returning
one result per item; chunks are contiguous and results come back in input order, so the output is the serial one.

Workers: `min(os.cpu_count(), FIELDVOICE_WORKERS)` (default: the CPU count); FIELDVOICE_WORKERS=1 never starts a
pool. Processes come from a forkserver (spawn where there is none), never from a plain fork: callers are Dagster
run processes with threads. The forkserver starts with the first pool of a process and imports, once, `func`'s
module and the modules named by `preload` (e.g. one that loads a model): workers forked from it start with them in
memory. Keep those modules light (no pandas), and call `preload` at import time, before any pool starts.
"""

import itertools
import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

WORKERS_ENV = "FIELDVOICE_WORKERS"
CHUNKS_PER_WORKER = 4  # a few chunks each, so a worker slowed by other load does not hold up the merge

T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger(__name__)
_preloaded: list[str] = ["__main__"]  # multiprocessing's own default preload, kept


def preload(*modules: str) -> None:
    """Have the forkserver import these modules before forking workers (no effect once it has started)."""
    _preloaded.extend(m for m in modules if m not in _preloaded)


def warm_up() -> None:
    """Start the forkserver now when pools are allowed: it imports the preloaded modules (and loads what they
    load) while the caller does other work, so the first pool forks at once instead of waiting ~1-2 s."""
    if worker_count() > 1 and "forkserver" in multiprocessing.get_all_start_methods():
        from multiprocessing import forkserver

        multiprocessing.get_context("forkserver").set_forkserver_preload(list(_preloaded))
        forkserver.ensure_running()


def worker_count() -> int:
    """Processes to use: the CPU count, capped by FIELDVOICE_WORKERS when set."""
    cpus = os.cpu_count() or 1
    raw = os.environ.get(WORKERS_ENV, "").strip()
    if not raw:
        return cpus
    try:
        wanted = int(raw)
    except ValueError:
        raise ValueError(f"{WORKERS_ENV} must be a whole number of processes, got {raw!r}") from None
    return max(1, min(cpus, wanted))


def map_chunks(func: Callable[[list[T]], list[R]], items: Sequence[T], min_items: int) -> list[R]:
    """`func(list(items))`, across processes when len(items) > min_items and more than one worker is allowed."""
    items = list(items)
    workers = worker_count()
    if len(items) <= min_items or workers <= 1:
        return func(items)
    chunks = _split(items, workers * CHUNKS_PER_WORKER)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_context(func)) as pool:
            parts = list(pool.map(func, chunks))
    except (BrokenProcessPool, OSError) as error:  # no pool here (sandbox, no /dev/shm, killed worker)
        log.warning("process pool failed (%s); running %d items in this process", error, len(items))
        return func(items)
    merged = [result for part in parts for result in part]
    if len(merged) != len(items):
        raise ValueError(f"{func.__qualname__} returned {len(merged)} results for {len(items)} items")
    return merged


def _split(items: list[T], n: int) -> list[list[T]]:
    """At most n contiguous chunks whose sizes differ by one at most."""
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    bounds = [i * size + min(i, extra) for i in range(n + 1)]
    return [items[a:b] for a, b in itertools.pairwise(bounds)]


def _context(func: Callable[..., object]) -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    preload(func.__module__)
    # Read when the forkserver starts (once per process): a module named later is imported by each worker instead.
    context.set_forkserver_preload(list(_preloaded))
    return context
