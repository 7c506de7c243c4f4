"""Cut Great Expectations' fixed cost per expectation without changing what it computes.

Profiling a 15,000-row partition showed GX 1.24 spending most of a validation on bookkeeping it repeats for
every metric of every expectation, not on the data:
- `Expectation.configuration` rebuilds an `ExpectationConfiguration` from the pydantic model (`.dict()`) on each
  access, ~86 times per expectation;
- `ExpectationConfiguration.to_domain_obj()` rebuilds and re-validates the pydantic `Expectation` ~12 times per
  expectation (once per metric it asks for);
- `IDDict.to_id()` JSON-serialises and md5-hashes the kwargs of ~50 `MetricConfiguration`s per expectation,
  most of them identical (table.columns, row_count...);
- the cyclic garbage collector repeatedly walks the ~300,000 long-lived objects GX's import leaves behind;
- each batch is hashed whole for a `pandas_data_fingerprint` in its metadata (~25 ms at 15,000 rows, seconds at
  1M), which nothing reads: GX itself skips it for frames over 1 GB.

Inside `faster_gx()` the first three are memoised for that one validation (pure functions of objects GX does
not mutate while validating; identity memos keep a reference, so an id is not reused within the run), the
cyclic GC is paused and the fingerprint is left out. Outside it, GX runs exactly as shipped. The patches are
installed only on the GX versions they were read against (`VERIFIED`); on any other version `faster_gx()` only
pauses the GC. tests/quality/test_gx_fast.py checks that outcomes are identical with and without them.
"""

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

VERIFIED = ("1.24.",)  # GX versions whose internals the patches below were read against
_memo: ContextVar[dict[Any, Any] | None] = ContextVar("fieldvoice_gx_memo", default=None)
_lock = threading.Lock()
_state = {"installed": None, "gc_holders": 0, "gc_was_enabled": True}
_PLAIN = frozenset((int, bool, type(None)))


class _Unkeyable(Exception):
    """A value outside plain JSON types: let GX compute the id itself."""


def _key(value: Any) -> Any:
    """An exact, hashable key for a JSON-like value (types kept: 1, 1.0 and True give different ids in GX)."""
    kind = type(value)
    if kind is str:
        return value
    if kind in _PLAIN:
        return (kind, value)
    if kind is float:
        return (kind, repr(value))  # -0.0 == 0.0 but GX writes them differently
    if kind is list or kind is tuple:
        return (kind, *map(_key, value))
    if isinstance(value, dict):
        return (kind, *[(k, _key(value[k])) for k in sorted(value)])  # mixed key types: TypeError
    raise _Unkeyable


def _by_identity(name: str, obj: Any, compute: Callable[[Any], Any]) -> Any:
    memo = _memo.get()
    if memo is None:
        return compute(obj)
    hit = memo.get((name, id(obj)))
    if hit is None or hit[0] is not obj:
        hit = memo[(name, id(obj))] = (obj, compute(obj))  # keeping obj alive keeps its id unique
    return hit[1]


def _install() -> bool:
    with _lock:
        if _state["installed"] is not None:
            return bool(_state["installed"])
        import great_expectations as gx
        from great_expectations.core.id_dict import IDDict
        from great_expectations.execution_engine import pandas_execution_engine as engine
        from great_expectations.expectations.expectation import Expectation
        from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

        _state["installed"] = gx.__version__.startswith(VERIFIED)
        if not _state["installed"]:
            return False
        configuration = Expectation.__dict__["configuration"].fget
        to_domain_obj = ExpectationConfiguration.to_domain_obj
        to_id = IDDict.to_id
        fingerprint = engine.hash_pandas_dataframe

        def memo_configuration(self: Any) -> Any:
            return _by_identity("configuration", self, configuration)

        def memo_to_domain_obj(self: Any) -> Any:
            return _by_identity("to_domain_obj", self, to_domain_obj)

        def memo_to_id(self: Any, id_keys: Any = None, id_ignore_keys: Any = None) -> Any:
            memo = _memo.get()
            if memo is None or id_keys is not None or id_ignore_keys is not None:
                return to_id(self, id_keys, id_ignore_keys)
            try:
                key = ("to_id", type(self), _key(dict(self)))
            except (_Unkeyable, TypeError):
                return to_id(self)
            if key not in memo:
                memo[key] = to_id(self)
            return memo[key]

        def no_fingerprint(df: Any) -> Any:
            return None if _memo.get() is not None else fingerprint(df)

        Expectation.configuration = property(memo_configuration, doc=Expectation.configuration.__doc__)
        ExpectationConfiguration.to_domain_obj = memo_to_domain_obj
        IDDict.to_id = memo_to_id
        engine.hash_pandas_dataframe = no_fingerprint
        return True


@contextmanager
def faster_gx(enabled: bool = True) -> Iterator[None]:
    """Run GX validations inside this block with the memos active and the cyclic GC paused."""
    if not enabled:
        yield
        return
    token = _memo.set({} if _install() else None)
    with _lock:
        if _state["gc_holders"] == 0:
            _state["gc_was_enabled"] = gc.isenabled()
            gc.disable()
        _state["gc_holders"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["gc_holders"] -= 1
            if _state["gc_holders"] == 0 and _state["gc_was_enabled"]:
                gc.enable()
        _memo.reset(token)


def patches_active() -> bool:
    return _install()
