"""When to retry and how long to wait: OpenRouter's hints (headers and body) read in one place."""

from __future__ import annotations

import email.utils
import time
from typing import Any

__all__ = ["retry_after_seconds"]


def retry_after_seconds(error: Any) -> float | None:
    """Seconds to wait before retrying `error`, from `Retry-After`/`retry-after-ms`, the body's
    `retry_after_seconds` / `availability.retry_after`, or `X-RateLimit-Reset` (epoch ms); None if no hint."""
    response = getattr(error, "response", None)
    headers = response.headers if response is not None else {}
    if (value := _number(headers.get("retry-after-ms"))) is not None:
        return value / 1000
    if (raw := headers.get("retry-after")) is not None:
        if (value := _number(raw)) is not None:
            return value
        parsed = email.utils.parsedate_to_datetime(raw) if raw else None
        if parsed is not None:
            return max(0.0, parsed.timestamp() - time.time())
    metadata = getattr(error, "metadata", None)
    if metadata is not None and metadata.retry_after_seconds is not None:
        return float(metadata.retry_after_seconds)
    availability = getattr(error, "availability", None)
    if availability is not None and availability.retry_after is not None:
        return float(availability.retry_after)
    if (reset := _number(headers.get("x-ratelimit-reset"))) is not None:
        return max(0.0, reset / 1000 - time.time())
    return None


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None
