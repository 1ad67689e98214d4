"""`CostLedger`: what a client (and its copies) has spent, by model and provider, and an optional budget.

Every chat completion, text completion, embeddings and responses result parsed by a client is recorded once,
with its cost as the exact decimal OpenRouter's JSON spelled (`Decimal(repr(cost))`), so totals are exact
sums of `usage.cost`. A stream's entry opens with its first chunk (cost unknown, counted as 0) and gets its
cost from the usage chunk; a stream cut short before that keeps `cost=None` until `reconcile()` asks
`/generation`. One `threading.Lock` guards the state; no method awaits while holding it, so the same
ledger is safe from threads and from coroutines on any event loop.

The budget (`max_cost`) is checked before a request is sent: once the total reaches it, the next request
raises `BudgetExceededError` and nothing goes on the wire. It cannot cap a request already in flight:
the cost of a request is only known from its response, so the total can end above `max_cost` by at most
the cost of the requests admitted while the total was still below it (one request when calls are
sequential; with N concurrent calls, up to N of them). Bound each request's cost with `max_tokens`
(`max_completion_tokens`) and `provider={"max_price": ...}` to bound that overshoot in money.
"""

from __future__ import annotations

import dataclasses
import threading
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

import openai

from ._exceptions import BudgetExceededError
from ._response_metadata import ResponseMetadata, to_decimal

if TYPE_CHECKING:
    from collections.abc import Awaitable

__all__ = ["CostEntry", "CostLedger", "cost_limit"]


@dataclasses.dataclass(frozen=True)
class CostEntry:
    """One recorded generation."""

    seq: int
    """Order of recording, from 0, never reused (not even after `reset()`)."""
    kind: str
    """`chat.completion`, `text_completion`, `embedding` or `response` (`streamed` tells how it arrived)."""
    generation_id: str | None
    model: str | None
    provider: str | None
    cost: Decimal | None
    """`usage.cost` as reported with the result (None when the result carried no cost)."""
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    streamed: bool = False
    exact_cost: Decimal | None = None
    """`total_cost` from `/generation`, once reconciled."""

    @property
    def best_cost(self) -> Decimal:
        """The reconciled cost when known, else the reported one, else zero."""
        if self.exact_cost is not None:
            return self.exact_cost
        return self.cost if self.cost is not None else Decimal(0)


class _Generations(Protocol):
    def retrieve(self, id: str, *, wait: float = ...) -> Any: ...


class _AsyncGenerations(Protocol):
    def retrieve(self, id: str, *, wait: float = ...) -> Awaitable[Any]: ...


class _HasGenerations(Protocol):
    @property
    def generations(self) -> _Generations: ...


class _HasAsyncGenerations(Protocol):
    @property
    def generations(self) -> _AsyncGenerations: ...


def _tokens(usage: Any, *names: str) -> int | None:
    for name in names:
        value = getattr(usage, name, None)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


class CostLedger:
    """Thread- and async-safe running totals of what OpenRouter charged, shared by a client and its copies."""

    def __init__(self, *, max_cost: float | Decimal | str | None = None, max_entries: int = 10_000) -> None:
        """`max_cost` (USD credits) refuses requests once the total reaches it; None means no cap.

        Totals are kept as running sums (reading them or checking the budget costs the same after a million
        requests as after one); only the last `max_entries` entries are kept for `entries`, `pending()` and
        `reconcile()`, so a long-running process does not grow without bound. Older entries stay in the totals.
        """
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self._lock = threading.Lock()
        self._entries: dict[int, CostEntry] = {}
        """The retained entries by `seq`, oldest first."""
        self._positions: dict[str, int] = {}
        """The `seq` of each retained generation id's entry."""
        self._next_seq = 0
        self._max_entries = max_entries
        self._total = Decimal(0)
        self._reported_total = Decimal(0)
        self._by_model: dict[str, Decimal] = {}
        self._by_provider: dict[str, Decimal] = {}
        self.max_cost: Decimal | None = cost_limit(max_cost)

    def __repr__(self) -> str:
        cap = f", max_cost={self.max_cost}" if self.max_cost is not None else ""
        return f"CostLedger(total={self.total}, entries={len(self)}{cap})"

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    # Recording ---------------------------------------------------------------------------------------------

    def record(self, metadata: ResponseMetadata, *, kind: str, streamed: bool = False) -> CostEntry | None:
        """Add one result and return its entry. A generation id already recorded is not counted twice: it
        only completes an entry opened by `open_stream` (returns it), else it is ignored (returns None)."""
        usage = metadata.usage
        with self._lock:
            gen_id = metadata.generation_id
            position = self._positions.get(gen_id) if gen_id is not None else None
            if position is not None and self._entries[position].cost is not None:
                return None
            entry = CostEntry(
                seq=position if position is not None else self._next_seq,
                kind=kind,
                generation_id=gen_id,
                model=metadata.model,
                provider=metadata.provider,
                cost=metadata.cost_decimal,
                prompt_tokens=_tokens(usage, "prompt_tokens", "input_tokens"),
                completion_tokens=_tokens(usage, "completion_tokens", "output_tokens"),
                streamed=streamed,
            )
            if position is not None:
                self._replace(entry)
            else:
                self._append(entry)
            return entry

    def open_stream(self, generation_id: str, *, model: str | None, provider: str | None) -> None:
        """Note a stream as soon as its first chunk arrives, cost unknown (0 in totals) until its usage chunk.

        A stream cut short before its usage chunk is still billed by OpenRouter; its entry stays here with
        `cost=None`, and `reconcile()` fetches what it cost. Cheap when the id is known (no lock taken)."""
        if generation_id in self._positions:
            return
        with self._lock:
            if generation_id in self._positions:
                return
            self._append(
                CostEntry(
                    seq=self._next_seq,
                    kind="chat.completion",
                    generation_id=generation_id,
                    model=model,
                    provider=provider,
                    cost=None,
                    streamed=True,
                )
            )

    def _append(self, entry: CostEntry) -> None:
        """Add `entry` at the end, dropping the oldest beyond `max_entries` (the lock is held)."""
        if entry.generation_id is not None:
            self._positions[entry.generation_id] = entry.seq
        self._entries[entry.seq] = entry
        self._count(entry, +1)
        self._next_seq += 1
        if len(self._entries) > self._max_entries:
            oldest = self._entries.pop(next(iter(self._entries)))
            if oldest.generation_id is not None and self._positions.get(oldest.generation_id) == oldest.seq:
                del self._positions[oldest.generation_id]

    def _replace(self, entry: CostEntry) -> None:
        """Put `entry` in place of the retained entry with its `seq` (the lock is held)."""
        self._count(self._entries[entry.seq], -1)
        self._entries[entry.seq] = entry
        self._count(entry, +1)

    def _count(self, entry: CostEntry, sign: int) -> None:
        """Add (`sign=+1`) or remove (`-1`) `entry` from the running totals (the lock is held)."""
        cost = entry.best_cost * sign
        self._total += cost
        self._reported_total += (entry.cost or Decimal(0)) * sign
        for totals, key in ((self._by_model, entry.model), (self._by_provider, entry.provider)):
            name = key or "unknown"
            totals[name] = totals.get(name, Decimal(0)) + cost

    def reset(self) -> None:
        """Forget every entry and total (the budget stays as configured)."""
        with self._lock:
            self._entries.clear()
            self._positions.clear()
            self._total = Decimal(0)
            self._reported_total = Decimal(0)
            self._by_model.clear()
            self._by_provider.clear()

    # Reading -----------------------------------------------------------------------------------------------

    @property
    def entries(self) -> list[CostEntry]:
        """A snapshot of the entries, in recording order."""
        with self._lock:
            return list(self._entries.values())

    @property
    def total(self) -> Decimal:
        """Total spent: reconciled costs where known, reported `usage.cost` elsewhere."""
        with self._lock:
            return self._total

    @property
    def reported_total(self) -> Decimal:
        """Sum of `usage.cost` exactly as the results reported it."""
        with self._lock:
            return self._reported_total

    def by_model(self) -> dict[str, Decimal]:
        """Total per model id (`"unknown"` when a result named none)."""
        with self._lock:
            return dict(self._by_model)

    def by_provider(self) -> dict[str, Decimal]:
        """Total per serving provider (`"unknown"` when a result named none, e.g. some embeddings)."""
        with self._lock:
            return dict(self._by_provider)

    # Budget ------------------------------------------------------------------------------------------------

    def check_budget(self, *limits: Decimal | None) -> None:
        """Raise `BudgetExceededError` if the total has reached `max_cost` or any of `limits`."""
        caps = [cap for cap in (self.max_cost, *limits) if cap is not None]
        if not caps:
            return
        spent = self.total
        cap = min(caps)
        if spent >= cap:
            raise BudgetExceededError(
                f"Budget exhausted: {spent} USD spent of a {cap} USD cap; the request was not sent "
                "(raise `max_cost` or call `ledger.reset()` to continue).",
                spent=spent,
                limit=cap,
            )

    # Reconciliation ----------------------------------------------------------------------------------------

    def pending(self) -> list[CostEntry]:
        """Entries with a generation id that have not been reconciled against `/generation` yet."""
        return [entry for entry in self.entries if entry.generation_id and entry.exact_cost is None]

    def reconcile(self, client: _HasGenerations, *, wait: float = 0) -> Decimal:
        """Fetch `/generation` for each pending entry (one request each) and return the new total.

        `wait` (seconds) polls a generation OpenRouter has not published yet; one still not found stays
        pending (a later call retries it); any other error is raised."""
        for entry in self.pending():
            assert entry.generation_id is not None
            try:
                generation = client.generations.retrieve(entry.generation_id, wait=wait)
            except openai.NotFoundError:
                continue
            self._set_exact(entry, generation)
        return self.total

    async def areconcile(self, client: _HasAsyncGenerations, *, wait: float = 0) -> Decimal:
        """The async twin of `reconcile`."""
        for entry in self.pending():
            assert entry.generation_id is not None
            try:
                generation = await client.generations.retrieve(entry.generation_id, wait=wait)
            except openai.NotFoundError:
                continue
            self._set_exact(entry, generation)
        return self.total

    def _set_exact(self, entry: CostEntry, generation: Any) -> None:
        exact = to_decimal(getattr(generation, "total_cost", None))
        if exact is None:
            return
        with self._lock:
            position = self._positions.get(entry.generation_id or "")
            if position is not None and position == entry.seq:
                self._replace(dataclasses.replace(self._entries[position], exact_cost=exact))


def cost_limit(value: float | Decimal | str | None) -> Decimal | None:
    """A `max_cost` argument as an exact Decimal (None stays None); negative values are refused."""
    if value is None:
        return None
    limit = to_decimal(value)
    if limit is None or limit < 0:
        raise ValueError(f"max_cost must be a non-negative number of USD credits, got {value!r}")
    return limit
