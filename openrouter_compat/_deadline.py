"""The whole-call deadline: one clock for a call's connects, attempts, waits and slow bodies.

`httpx`'s timeouts are per operation (a server sending one byte per second never trips a 1 s read
timeout). A `Deadline` is started once per call by the client's `request()`; each attempt's timeouts are
capped to what is left, and the response body is read through `DeadlineByteStream`, which fails with a read
timeout as soon as the deadline has passed. A stream is bounded until it is handed to the caller (its first
output); after that the caller's iteration is not cut short.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import AsyncIterator, Iterator

import httpx2

__all__ = [
    "AsyncDeadlineByteStream",
    "Deadline",
    "DeadlineByteStream",
    "current_deadline",
    "reset_deadline",
    "use_deadline",
]


class Deadline:
    """A point in time a call must be finished by (`seconds` None: no bound), and the attempts made so far."""

    __slots__ = ("active", "attempts", "default_timeout", "ends", "seconds", "started")

    def __init__(self, seconds: float | None, default_timeout: float | httpx2.Timeout | None = None) -> None:
        self.started = time.monotonic()
        self.seconds = seconds
        self.default_timeout = default_timeout
        """The client's timeout, for a call that set none (each attempt's is cut to what is left)."""
        self.ends = None if seconds is None else self.started + seconds
        self.active = seconds is not None
        """False once the result is handed over: a stream's later reads are the caller's."""
        self.attempts = 0
        """Attempts started so far (1 is the first request)."""

    def remaining(self) -> float | None:
        """Seconds left (never negative), or None without a bound."""
        if self.ends is None:
            return None
        return max(0.0, self.ends - time.monotonic())

    @property
    def expired(self) -> bool:
        return self.active and self.ends is not None and time.monotonic() >= self.ends

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def cap(self, given: float | httpx2.Timeout | object | None, *, stream: bool) -> httpx2.Timeout | None:
        """The timeout of an attempt: `given` (the call's; not a timeout value: the client's) with every phase
        cut to the time left (a stream's read timeout is kept: it applies for the stream's whole life, long
        after the call returned). None when the call has no deadline and `given` is not a timeout."""
        ends = self.ends
        if ends is None:
            return None
        left = max(ends - time.monotonic(), 0.001)
        if not isinstance(given, int | float | httpx2.Timeout) and given is not None:
            given = self.default_timeout
        if isinstance(given, httpx2.Timeout):
            connect, read, write, pool = given.connect, given.read, given.write, given.pool
        else:
            connect = read = write = pool = given
        return httpx2.Timeout(  # (connect, read, write, pool): the tuple form is httpx's quickest
            (
                left if connect is None else min(connect, left),
                read if stream else left if read is None else min(read, left),
                left if write is None else min(write, left),
                left if pool is None else min(pool, left),
            )
        )

    def check(self, request: httpx2.Request) -> None:
        """Raise a read timeout when the deadline has passed (while it is active)."""
        if self.expired:
            raise httpx2.ReadTimeout(f"the whole-call deadline of {self.seconds:g} s passed", request=request)


_current: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("openrouter_compat_deadline", default=None)


def current_deadline() -> Deadline | None:
    """The deadline of the call running in this context (thread or task), if any."""
    return _current.get()


def use_deadline(deadline: Deadline | None) -> contextvars.Token[Deadline | None]:
    """Make `deadline` the current one; reset with `_current.reset(token)` via `reset_deadline`."""
    return _current.set(deadline)


def reset_deadline(token: contextvars.Token[Deadline | None]) -> None:
    _current.reset(token)


class DeadlineByteStream(httpx2.SyncByteStream):
    """A response body read under a `Deadline`: each chunk is checked against it."""

    def __init__(self, inner: httpx2.SyncByteStream, deadline: Deadline, request: httpx2.Request) -> None:
        self._inner = inner
        self._deadline = deadline
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        deadline, monotonic = self._deadline, time.monotonic
        ends = deadline.ends
        for chunk in self._inner:  # the check inline: this runs per chunk of every body
            if deadline.active and ends is not None and monotonic() >= ends:
                deadline.check(self._request)
            yield chunk

    def close(self) -> None:
        self._inner.close()


class AsyncDeadlineByteStream(httpx2.AsyncByteStream):
    """The async twin of `DeadlineByteStream`."""

    def __init__(self, inner: httpx2.AsyncByteStream, deadline: Deadline, request: httpx2.Request) -> None:
        self._inner = inner
        self._deadline = deadline
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        deadline, monotonic = self._deadline, time.monotonic
        ends = deadline.ends
        async for chunk in self._inner:
            if deadline.active and ends is not None and monotonic() >= ends:
                deadline.check(self._request)
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()
