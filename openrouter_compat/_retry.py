"""The one retry mechanism: when to retry, how long to wait, and the tenacity loop both clients run.

`openai` has its own loop in `request()`; the clients switch it off for each attempt (`max_retries=0`) and run
`super().request()` inside the tenacity loop built here, so HTTP errors, connection errors, errors hidden in 200
bodies and errors at the start of a stream are all retried by the same policy, once.
"""

from __future__ import annotations

import dataclasses
import email.utils
import inspect
import logging
import math
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import openai
import tenacity
from openai._base_client import _RequestBodyReplay  # pyright: ignore[reportPrivateUsage]  # openai's own replay check
from openai._compat import model_copy
from openai._legacy_response import LegacyAPIResponse
from openai._models import FinalRequestOptions
from openai._types import NotGiven
from typing_extensions import TypeIs

from . import _constants as C
from ._exceptions import StreamDecodeError
from ._json import is_object
from ._secrets import scrub

__all__ = [
    "DEFAULT_RETRY_STATUSES",
    "RetryEvent",
    "RetryPolicy",
    "retry_after_seconds",
    "run_with_retries",
    "run_with_retries_async",
    "settle",
    "settle_async",
]

log = logging.getLogger("openrouter_compat")

_T = TypeVar("_T")

DEFAULT_RETRY_STATUSES: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504, 524, 529})
"""Statuses worth another attempt: timeouts, rate limits, provider and edge failures. Never 400/401/402/403/404/
413/422: the same request would fail the same way (or, for 402, cost nothing until credits are added)."""

RETRY_COUNT_HEADER = "X-Stainless-Retry-Count"


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
    total_timeout: float | None = 120.0
    max_retry_after: float = 60.0
    on_retry: Callable[[RetryEvent], None] | None = dataclasses.field(default=None, compare=False)
    """Called before each retry's wait (for metrics); exceptions it raises propagate."""

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

    def tenacity_options(self, max_retries: int, options: FinalRequestOptions) -> dict[str, Any]:
        """Keyword arguments for `tenacity.Retrying`/`AsyncRetrying` running one call (`options`) under this policy."""
        replay = _RequestBodyReplay(options)
        stop: tenacity.stop.stop_base = tenacity.stop_after_attempt(max_retries + 1)
        if self.total_timeout is not None:
            stop = stop | tenacity.stop_before_delay(self.total_timeout)

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
    idempotency_key: Callable[[], str],
    send: Callable[[FinalRequestOptions], _T],
) -> _T:
    """Call `send` with per-attempt options until it returns or the policy gives up (then its error is raised).

    The first attempt runs before any tenacity object exists (the common case costs nothing more); once it
    fails retryably, tenacity's loop takes over from that failure — the same one loop decides every wait.
    """
    base = _base_options(options, idempotency_key)
    try:
        return send(_attempt_options(base, 0))
    except Exception as exc:
        if max_retries <= 0 or not policy.should_retry(exc):
            raise
        first_failure = exc
    for attempt in tenacity.Retrying(**policy.tenacity_options(max_retries, base)):
        with attempt:
            return send(_replay_or_attempt(base, attempt, first_failure))
    raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover


async def run_with_retries_async(
    policy: RetryPolicy,
    options: FinalRequestOptions,
    max_retries: int,
    idempotency_key: Callable[[], str],
    send: Callable[[FinalRequestOptions], Awaitable[_T]],
) -> _T:
    """The async twin of `run_with_retries`."""
    base = _base_options(options, idempotency_key)
    try:
        return await send(_attempt_options(base, 0))
    except Exception as exc:
        if max_retries <= 0 or not policy.should_retry(exc):
            raise
        first_failure = exc
    async for attempt in tenacity.AsyncRetrying(**policy.tenacity_options(max_retries, base)):
        with attempt:
            return await send(_replay_or_attempt(base, attempt, first_failure))
    raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover


def _replay_or_attempt(
    base: FinalRequestOptions, attempt: tenacity.AttemptManager, first_failure: Exception
) -> FinalRequestOptions:
    """Inside the tenacity loop, attempt 1 is the one already made: re-raise its failure so tenacity records
    it (and waits, logs and calls `on_retry` as for any failure); later attempts get fresh options."""
    retries_taken = attempt.retry_state.attempt_number - 1
    if retries_taken == 0:
        raise first_failure
    return _attempt_options(base, retries_taken)


def _base_options(options: FinalRequestOptions, idempotency_key: Callable[[], str]) -> FinalRequestOptions:
    """`options` with a fixed idempotency key, so every attempt of one call carries the same key; each attempt
    then works on its own copy (`_attempt_options`), so this one is copied only when a key must be set."""
    if options.idempotency_key is None and options.method.lower() != "get":
        options = model_copy(options)
        options.idempotency_key = idempotency_key()
    return options


def _attempt_options(base: FinalRequestOptions, retries_taken: int) -> FinalRequestOptions:
    """Options for one attempt: `openai`'s own loop off, and the retry count header set (unless the caller set it)."""
    options = model_copy(base)
    options.max_retries = 0
    headers = {} if isinstance(options.headers, NotGiven) else dict(options.headers)
    if all(name.lower() != RETRY_COUNT_HEADER.lower() for name in headers):
        headers[RETRY_COUNT_HEADER] = str(retries_taken)
    options.headers = headers
    return options


def _exception(state: tenacity.RetryCallState) -> BaseException | None:
    outcome = state.outcome
    return outcome.exception() if outcome is not None and outcome.failed else None


def _describe(exc: BaseException) -> str:
    status = getattr(exc, "status_code", None)
    prefix = f"{type(exc).__name__} {status}" if status is not None else type(exc).__name__
    return scrub(f"{prefix}: {exc}"[:300])


def retry_after_seconds(error: Any) -> float | None:
    """Seconds to wait before retrying `error`, from `Retry-After`/`retry-after-ms`, the body's
    `retry_after_seconds` / `availability.retry_after` / provider headers, or `X-RateLimit-Reset`; None if no hint."""
    response = getattr(error, "response", None)
    headers: Any = response.headers if response is not None else {}
    if (value := _header_delay(headers)) is not None:
        return value
    metadata = getattr(error, "metadata", None)
    if metadata is not None and (value := _number(metadata.retry_after_seconds)) is not None:
        return value
    availability = getattr(error, "availability", None)
    if availability is not None and (value := _number(availability.retry_after)) is not None:
        return value
    sent: object = getattr(metadata, "headers", None)
    if is_object(sent):
        provider_headers = {str(name).lower(): str(value) for name, value in sent.items()}
        if (value := _header_delay(provider_headers)) is not None:
            return value
    if (reset := _number(headers.get(C.HEADER_RATELIMIT_RESET))) is not None:
        return _until(reset)
    return None


def _header_delay(headers: Any) -> float | None:
    """`retry-after-ms`, then `Retry-After` as seconds or as an HTTP date."""
    if (value := _number(headers.get(C.HEADER_RETRY_AFTER_MS))) is not None:
        return max(0.0, value / 1000)
    raw = headers.get(C.HEADER_RETRY_AFTER)
    if raw is None:
        return None
    if (value := _number(raw)) is not None:
        return max(0.0, value)
    try:
        parsed = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return max(0.0, parsed.timestamp() - time.time())


def _until(reset: float) -> float:
    """`X-RateLimit-Reset` is an epoch in milliseconds at OpenRouter; accept epoch seconds and relative seconds too."""
    if reset > 1e11:
        return max(0.0, reset / 1000 - time.time())
    if reset > 1e9:
        return max(0.0, reset - time.time())
    return max(0.0, reset)


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def settle(result: _T) -> _T:
    """Finish, inside the retried attempt, what could still fail before the caller sees output: parse a raw
    inference response (an error in a 200 body), and prime a stream up to its first output (any `openai.Stream`
    with a `prime()` method: ours read ahead to the first chunk with output)."""
    target = _settle_target(result)
    prime = getattr(target, "prime", None)
    if isinstance(target, openai.Stream) and callable(prime):
        prime()
    return result


async def settle_async(result: _T) -> _T:
    """The async twin of `settle`."""
    target = _settle_target(result)
    prime = getattr(target, "prime", None)
    if isinstance(target, openai.AsyncStream) and callable(prime):
        primed = prime()
        if inspect.isawaitable(primed):
            await primed
    return result


def _settle_target(result: object) -> object:
    """What `settle` works on: the parsed value of a raw inference response (parsed now), else `result`."""
    if _is_raw(result) and _parse_early(result):
        parsed: object = result.parse()
        return parsed
    return result


def _is_raw(value: object) -> TypeIs[LegacyAPIResponse[Any]]:
    return isinstance(value, LegacyAPIResponse)


def _parse_early(raw: LegacyAPIResponse[Any]) -> bool:
    """`with_raw_response` results of inference calls (what integrations such as LangChain use) are parsed in
    the attempt, so they are retried like plain calls; the parsed value is cached for the caller's `.parse()`."""
    from ._response_types import INFERENCE_TYPES, openrouter_type

    stream, cast_to = raw._stream, raw._cast_to  # pyright: ignore[reportPrivateUsage]
    return bool(stream) or openrouter_type(cast_to) in INFERENCE_TYPES
