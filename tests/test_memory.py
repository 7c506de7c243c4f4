"""fieldvoice.memory: what a run process does to give memory back between and during steps."""

import ctypes
import ctypes.util
import re
from pathlib import Path

import pytest

from fieldvoice.memory import release_freed_memory


def _rss_mb() -> int:
    return int(re.search(r"VmRSS:\s+(\d+)", Path("/proc/self/status").read_text()).group(1)) // 1024


@pytest.mark.skipif(
    not hasattr(ctypes.CDLL(ctypes.util.find_library("c")), "malloc_trim"), reason="not glibc: nothing to trim"
)
def test_freed_heap_memory_goes_back_to_the_os() -> None:
    # 200 MB of 1 KB blocks from glibc's heap; the last one stays alive, so the heap's top cannot shrink by itself.
    blocks = [bytes(1000) + bytes([i % 256]) for i in range(200_000)]
    pinned = blocks[-1]
    held = _rss_mb()
    del blocks
    release_freed_memory()
    assert held - _rss_mb() > 150
    assert len(pinned) == 1001
