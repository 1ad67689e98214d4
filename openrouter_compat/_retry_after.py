"""When the server says to retry: `Retry-After`, `retry-after-ms`, body hints and `X-RateLimit-Reset`, read once.

Kept below `_exceptions` and `_retry` (both read it), so neither imports the other's internals. A hint that is
negative, not finite or unparseable is no hint: the caller falls back to its own backoff.
"""

from __future__ import annotations

import email.utils
import math
import time
from typing import Any

from . import _constants as C
from ._json import is_object

__all__ = ["retry_after_seconds"]


def retry_after_seconds(error: Any) -> float | None:
    """Seconds to wait before retrying `error`, from `Retry-After`/`retry-after-ms`, the body's
    `retry_after_seconds` / `availability.retry_after` / provider headers, or `X-RateLimit-Reset`; None if no hint."""
    response = getattr(error, "response", None)
    headers: Any = response.headers if response is not None else {}
    if (value := _header_delay(headers)) is not None:
        return value
    metadata = getattr(error, "metadata", None)
    if metadata is not None and (value := _delay(metadata.retry_after_seconds)) is not None:
        return value
    availability = getattr(error, "availability", None)
    if availability is not None and (value := _delay(availability.retry_after)) is not None:
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
    """`retry-after-ms`, then `Retry-After` as seconds or as an HTTP date (a negative number is no hint)."""
    if (value := _delay(headers.get(C.HEADER_RETRY_AFTER_MS))) is not None:
        return value / 1000
    raw = headers.get(C.HEADER_RETRY_AFTER)
    if raw is None:
        return None
    if (value := _number(raw)) is not None:
        return value if value >= 0 else None
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


def _delay(value: object) -> float | None:
    """A number of seconds to wait: finite and not negative, else None (no hint)."""
    number = _number(value)
    return number if number is not None and number >= 0 else None


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None
