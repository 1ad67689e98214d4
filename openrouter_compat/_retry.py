"""The one retry mechanism: when to retry, how long to wait, and the tenacity loop both clients run.

`openai` has its own loop in `request()`; the clients switch it off for each attempt (`max_retries=0`) and run
`super().request()` inside the tenacity loop built here, so HTTP errors, connection errors, errors hidden in 200
bodies and errors at the start of a stream are all retried by the same policy, once, under one `Deadline`.
"""

from __future__ import annotations

import dataclasses
import logging
import random
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import openai
import tenacity
from openai._base_client import _RequestBodyReplay  # pyright: ignore[reportPrivateUsage]  # openai's own replay check
from openai._models import FinalRequestOptions
from openai._types import NotGiven

from ._deadline import Deadline
from ._exceptions import APIConnectionError, APITimeoutError, StreamDecodeError, StreamError
from ._retry_after import retry_after_seconds
from ._secrets import scrub

__all__ = [
    "DEFAULT_RETRY_STATUSES",
    "RetryEvent",
    "RetryPolicy",
    "retry_after_seconds",
    "run_with_retries",
    "run_with_retries_async",
]

log = logging.getLogger("openrouter_compat")

_T = TypeVar("_T")

DEFAULT_RETRY_STATUSES: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504, 524, 529})
"""Statuses worth another attempt: timeouts, rate limits, provider and edge failures. Never 400/401/402/403/404/
413/422: the same request would fail the same way (or, for 402, cost nothing until credits are added)."""

RETRY_COUNT_HEADER = "X-Stainless-Retry-Count"
_RETRY_COUNT_LOWER = RETRY_COUNT_HEADER.lower()


@dataclasses.dataclass(frozen=True)
class RetryEvent:
    """One retry about to happen: what failed, which attempt it was, and how long the client will wait."""

    attempt: int
    """The attempt that failed (1 is the first request)."""
    max_attempts: int
    wait: float
    """Seconds until the next attempt."""
    exception: BaseException
    status_code: int | None
    method: str
    url: str


@dataclasses.dataclass(frozen=True)
class RetryPolicy:
    """How a client retries; pass `retry_policy=` to the client or to `with_options()` for one call.

    `max_retries` seeds the client's `max_retries` (which `with_options(max_retries=...)` overrides).
    The wait is the server's hint (`Retry-After`, `retry_after_seconds`, `availability.retry_after`,
    `X-RateLimit-Reset`) when it gives one, else `initial_backoff * 2**n` capped at `max_backoff` and reduced by
    up to `jitter` (a fraction). No attempt starts once `total_timeout` seconds would be exceeded, and a hint
    longer than `max_retry_after` is not waited for: the error is raised at once.
    """

    max_retries: int = 2
    retry_statuses: frozenset[int] = DEFAULT_RETRY_STATUSES
    retry_connection_errors: bool = True
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    jitter: float = 0.25
    total_timeout: float | None = 600.0
    """The whole-call deadline (seconds; None: none): connects, attempts, waits and slow bodies all count. The
    default is `openai`'s default timeout, so no call that finished under `openai`'s defaults is cut shorter."""
    max_retry_after: float = 60.0
    on_retry: Callable[[RetryEvent], None] | None = dataclasses.field(default=None, compare=False)
    """Called before each retry's wait (for metrics); exceptions it raises propagate."""
    poll_initial_backoff: float = 0.2
    """`generations.retrieve(id, wait=...)`: the first pause between polls of stats not found yet (doubling)."""
    poll_max_backoff: float = 2.0
    """... and the longest pause between two polls."""

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be a non-negative integer")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError("jitter must be between 0 and 1")

    def should_retry(self, exc: BaseException) -> bool:
        """Whether `exc` (raised by one attempt) is worth another attempt under this policy."""
        if isinstance(exc, StreamDecodeError):
            return False
        if isinstance(exc, openai.APIConnectionError):
            return self.retry_connection_errors
        if not isinstance(exc, openai.APIStatusError) or exc.status_code not in self.retry_statuses:
            return False
        availability = getattr(exc, "availability", None)
        if availability is not None and availability.retryable is False:
            return False
        hint = retry_after_seconds(exc)
        return hint is None or hint <= self.max_retry_after

    def backoff(self, retries_taken: int) -> float:
        """The wait before retry number `retries_taken + 1` when the server gave no hint."""
        base = min(self.max_backoff, self.initial_backoff * 2.0 ** min(retries_taken, 64))
        return base * (1.0 - self.jitter * random.random())

    def wait_for(self, exc: BaseException, retries_taken: int) -> float:
        """Seconds to wait after `exc`: the server's hint when it gave one, else the backoff."""
        hint = retry_after_seconds(exc)
        if hint is not None and hint >= 0:
            return min(hint, self.max_retry_after)
        return self.backoff(retries_taken)

    def poll_options(self) -> dict[str, Any]:
        """tenacity options for polling a generation's stats (only a 404 is polled again); the caller adds the
        stop condition (`stop_before_delay(wait)`)."""
        return {
            "retry": tenacity.retry_if_exception_type(openai.NotFoundError),
            "wait": tenacity.wait_exponential(
                multiplier=self.poll_initial_backoff, min=self.poll_initial_backoff, max=self.poll_max_backoff
            ),
            "reraise": True,
        }

    def validated_max_retries(self, value: object) -> int:
        """`value` as a retry count, refused as `openai` refuses it (None: TypeError; negative: ValueError)."""
        if value is None:
            raise TypeError(
                "max_retries cannot be None. Use 0 to disable retries or a large integer for a larger retry budget."
            )
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError("max_retries must be a non-negative integer")
        if value < 0:
            raise ValueError("max_retries must be a non-negative integer")
        return value

    def tenacity_options(
        self, max_retries: int, options: FinalRequestOptions, deadline: Deadline, replay: _RequestBodyReplay
    ) -> dict[str, Any]:
        """Keyword arguments for `tenacity.Retrying`/`AsyncRetrying` running one call (`options`) under this policy.

        `replay` was captured from `options` before the first attempt read the body (a file body is rewound to
        where it started, so a retry sends it whole); the deadline stops the loop when the next wait would
        reach it."""

        def stop(state: tenacity.RetryCallState) -> bool:
            if state.attempt_number >= max_retries + 1:
                return True
            left = deadline.remaining()
            return left is not None and state.upcoming_sleep >= left

        def retry(state: tenacity.RetryCallState) -> bool:
            exc = _exception(state)
            return exc is not None and self.should_retry(exc) and replay.rewind()

        def wait(state: tenacity.RetryCallState) -> float:
            exc = _exception(state)
            return self.wait_for(exc, state.attempt_number - 1) if exc is not None else 0.0

        def before_sleep(state: tenacity.RetryCallState) -> None:
            exc = _exception(state)
            assert exc is not None
            event = RetryEvent(
                attempt=state.attempt_number,
                max_attempts=max_retries + 1,
                wait=state.upcoming_sleep,
                exception=exc,
                status_code=getattr(exc, "status_code", None),
                method=options.method.upper(),
                url=options.url,
            )
            log.info(
                "Retrying %s %s in %.2fs (attempt %d of %d failed: %s)",
                event.method,
                event.url,
                event.wait,
                event.attempt,
                event.max_attempts,
                _describe(exc),
            )
            if self.on_retry is not None:
                self.on_retry(event)

        return {"stop": stop, "retry": retry, "wait": wait, "before_sleep": before_sleep, "reraise": True}


def run_with_retries(
    policy: RetryPolicy,
    options: FinalRequestOptions,
    max_retries: int,
    deadline: Deadline,
    send: Callable[[FinalRequestOptions], _T],
    *,
    stream: bool = False,
) -> _T:
    """Call `send` with per-attempt options until it returns or the policy gives up (then its error is raised,
    a connection error or timeout reworded to name the URL, the attempts and the time taken).

    The first attempt runs before any tenacity object exists (the common case costs nothing more); once it
    fails retryably, tenacity's loop takes over from that failure — the same one loop decides every wait.
    """
    replay = _RequestBodyReplay(options)
    try:
        try:
            return send(_attempt_options(options, 0, deadline, stream))
        except Exception as exc:
            if max_retries <= 0 or not policy.should_retry(exc) or deadline.expired:
                raise
            first_failure = exc
        for attempt in tenacity.Retrying(**policy.tenacity_options(max_retries, options, deadline, replay)):
            with attempt:
                return send(_replay_or_attempt(options, attempt, first_failure, deadline, stream))
    except openai.APIConnectionError as exc:
        raise _final(exc, options, deadline) from _cause(exc)
    raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover


async def run_with_retries_async(
    policy: RetryPolicy,
    options: FinalRequestOptions,
    max_retries: int,
    deadline: Deadline,
    send: Callable[[FinalRequestOptions], Awaitable[_T]],
    *,
    stream: bool = False,
) -> _T:
    """The async twin of `run_with_retries`."""
    replay = _RequestBodyReplay(options)
    try:
        try:
            return await send(_attempt_options(options, 0, deadline, stream))
        except Exception as exc:
            if max_retries <= 0 or not policy.should_retry(exc) or deadline.expired:
                raise
            first_failure = exc
        async for attempt in tenacity.AsyncRetrying(**policy.tenacity_options(max_retries, options, deadline, replay)):
            with attempt:
                return await send(_replay_or_attempt(options, attempt, first_failure, deadline, stream))
    except openai.APIConnectionError as exc:
        raise _final(exc, options, deadline) from _cause(exc)
    raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover


def _replay_or_attempt(
    base: FinalRequestOptions,
    attempt: tenacity.AttemptManager,
    first_failure: Exception,
    deadline: Deadline,
    stream: bool,
) -> FinalRequestOptions:
    """Inside the tenacity loop, attempt 1 is the one already made: re-raise its failure so tenacity records
    it (and waits, logs and calls `on_retry` as for any failure); later attempts get fresh options."""
    retries_taken = attempt.retry_state.attempt_number - 1
    if retries_taken == 0:
        raise first_failure
    return _attempt_options(base, retries_taken, deadline, stream)


def _attempt_options(
    base: FinalRequestOptions, retries_taken: int, deadline: Deadline, stream: bool
) -> FinalRequestOptions:
    """Options for one attempt: `openai`'s own loop off, the retry count header set (unless the caller set it),
    and its timeouts cut to what is left of the deadline."""
    deadline.attempts = retries_taken + 1
    headers = {} if isinstance(base.headers, NotGiven) else dict(base.headers)
    if RETRY_COUNT_HEADER not in headers and not any(name.lower() == _RETRY_COUNT_LOWER for name in headers):
        headers[RETRY_COUNT_HEADER] = str(retries_taken)
    update: dict[str, Any] = {"max_retries": 0, "headers": headers}
    capped = deadline.cap(base.timeout, stream=stream)
    if capped is not None:
        update["timeout"] = capped
    return base.model_copy(update=update)  # one copy, no per-field __setattr__


def _cause(exc: BaseException) -> BaseException:
    """What to chain the reworded error to: the transport error under `openai`'s wrapper, else `exc`."""
    return exc.__cause__ if isinstance(exc, openai.APIConnectionError) and exc.__cause__ is not None else exc


def _final(exc: openai.APIError, options: FinalRequestOptions, deadline: Deadline) -> openai.APIError:
    """The error to raise once the loop gave up: `openai`'s bare "Connection error." / "Request timed out."
    reworded to say which URL, after how many attempts and how long; every other error unchanged."""
    if isinstance(exc, (StreamError, APIConnectionError)) or not isinstance(exc, openai.APIConnectionError):
        return exc
    request = exc.request
    attempts = max(deadline.attempts, 1)
    took = f"after {attempts} attempt{'s' if attempts != 1 else ''} in {deadline.elapsed():.1f} s"
    where = f"{request.method} {request.url}"
    if isinstance(exc, openai.APITimeoutError):
        bound = f" (whole-call deadline {deadline.seconds:g} s)" if deadline.seconds is not None else ""
        return APITimeoutError(request, message=f"Request timed out: {where} {took}{bound}.")
    reason = f": {_cause(exc)}" if _cause(exc) is not exc else ""
    return APIConnectionError(
        message=f"Connection error: {where} could not be reached {took}{reason}.", request=request
    )


def _exception(state: tenacity.RetryCallState) -> BaseException | None:
    outcome = state.outcome
    return outcome.exception() if outcome is not None and outcome.failed else None


def _describe(exc: BaseException) -> str:
    status = getattr(exc, "status_code", None)
    prefix = f"{type(exc).__name__} {status}" if status is not None else type(exc).__name__
    return scrub(f"{prefix}: {exc}"[:300])
