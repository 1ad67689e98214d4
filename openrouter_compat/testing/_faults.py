"""Fault values: each describes how the emulator answers ONE request instead of the normal reply."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

StaticKind = Literal[
    "status",
    "rate_limited",
    "moderation",
    "insufficient_credits",
    "provider_error",
    "error_body_200",
    "null_choices_200",
]
"""Kinds answered with a complete JSON reply, without running the endpoint at all."""

FaultKind = Literal[
    StaticKind,
    "midstream_error",
    "drop_connection",
    "stall",
    "split_event",
    "keepalive_only",
    "malformed_chunk",
    "empty_data",
    "delay",
]

ProviderErrorShape = Literal["2025", "2026", "both"]

AFTER_ANSWER = -1
"""An ``after_chunks`` value meaning: after all of the answer's chunks, in place of its finish chunks."""

# The `StaticKind`s, for membership tests at run time.
STATIC_KINDS: frozenset[str] = frozenset(get_args(StaticKind))
# Kinds that act after some SSE chunks of an otherwise normal stream.
AFTER_CHUNK_KINDS: frozenset[str] = frozenset(
    {"midstream_error", "drop_connection", "stall", "malformed_chunk", "empty_data"}
)


@dataclass(frozen=True)
class Fault:
    """How to answer one request; build with the classmethods, queue with ``Emulator.queue``.

    Stream-only kinds on a non-stream request: ``midstream_error`` gives a 200 completion whose
    choice carries ``error`` and ``finish_reason: "error"`` (other endpoints: an HTTP error);
    ``drop_connection`` / ``stall`` close the socket without a response (stall waits first);
    ``split_event`` writes the JSON body in several small writes; ``malformed_chunk`` sends a
    truncated JSON body; ``empty_data`` sends an empty 200 body; ``keepalive_only`` answers with
    an SSE body of comments only, as for streams.
    """

    kind: FaultKind
    code: int = 200
    message: str | None = None
    body: Any = None
    headers: tuple[tuple[str, str], ...] = ()
    metadata: Mapping[str, Any] | None = None
    after_chunks: int = 0
    seconds: float = 0.0
    count: int = 0
    retry_after: float | None = None
    reset_ms: int | None = None
    shape: ProviderErrorShape = "2025"

    @classmethod
    def status(
        cls,
        code: int,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        *,
        message: str | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> Fault:
        """An HTTP error in OpenRouter's error shape; ``body`` replaces the whole JSON document."""
        return cls("status", code=code, body=body, headers=_pairs(headers), message=message, metadata=metadata)

    @classmethod
    def rate_limited(cls, retry_after: float | None = 1, reset_ms: int | None = None) -> Fault:
        """A platform 429 with Retry-After and X-RateLimit-* headers (reset defaults to now + retry_after)."""
        return cls("rate_limited", code=429, retry_after=retry_after, reset_ms=reset_ms)

    @classmethod
    def moderation(
        cls,
        reasons: Sequence[str] = ("harassment",),
        flagged_input: str = "...",
        *,
        provider_name: str = "OpenAI",
    ) -> Fault:
        """A 403 moderation block with ``{reasons, flagged_input, provider_name, model_slug}`` metadata."""
        metadata = {"reasons": list(reasons), "flagged_input": _middle_truncate(flagged_input, 100)}
        return cls("moderation", code=403, metadata={**metadata, "provider_name": provider_name})

    @classmethod
    def insufficient_credits(cls, message: str | None = None) -> Fault:
        """A 402 payment-required error."""
        return cls("insufficient_credits", code=402, message=message)

    @classmethod
    def provider_error(
        cls,
        code: int = 502,
        provider_name: str = "Venice",
        raw: str = '{"error":{"message":"upstream boom"}}',
        *,
        shape: ProviderErrorShape = "2025",
        provider_code: str = "upstream_error",
    ) -> Fault:
        """An upstream error: 2025 metadata ``{provider_name, raw}``, 2026 ``{error_type, provider_code}``, or both."""
        metadata = {"provider_name": provider_name, "raw": raw, "provider_code": provider_code}
        return cls("provider_error", code=code, metadata=metadata, shape=shape)

    @classmethod
    def error_body_200(cls, code: int = 429, message: str = "Rate limit exceeded") -> Fault:
        """HTTP 200 whose JSON body is only ``{"error": {...}, "user_id": ...}`` (no choices)."""
        return cls("error_body_200", code=code, message=message)

    @classmethod
    def null_choices_200(cls) -> Fault:
        """HTTP 200 with a completion whose ``choices`` is null."""
        return cls("null_choices_200")

    @classmethod
    def midstream_error(cls, after_chunks: int = 2, code: int = 502, message: str = "Provider disconnected") -> Fault:
        """A stream that sends ``after_chunks`` chunks, then an error chunk with usage, then [DONE]."""
        return cls("midstream_error", code=code, message=message, after_chunks=after_chunks)

    @classmethod
    def drop_connection(cls, after_chunks: int = 2) -> Fault:
        """A stream that sends some chunks, then closes the socket with the body unfinished."""
        return cls("drop_connection", after_chunks=after_chunks)

    @classmethod
    def stall(cls, after_chunks: int = 1, seconds: float = 5.0) -> Fault:
        """A stream that sends some chunks, goes silent for ``seconds``, then closes unfinished."""
        return cls("stall", after_chunks=after_chunks, seconds=seconds)

    @classmethod
    def split_event(cls, pieces: int = 3, pause: float = 0.005) -> Fault:
        """A normal stream whose every event is written in ``pieces`` writes that split the JSON."""
        return cls("split_event", count=max(2, pieces), seconds=pause)

    @classmethod
    def keepalive_only(cls, count: int = 5) -> Fault:
        """A 200 SSE body of ``count`` ``: OPENROUTER PROCESSING`` comments and nothing else."""
        return cls("keepalive_only", count=count)

    @classmethod
    def malformed_chunk(cls, after_chunks: int = 1) -> Fault:
        """A stream with a ``data: {not json`` event after some chunks, then the rest as normal."""
        return cls("malformed_chunk", after_chunks=after_chunks)

    @classmethod
    def empty_data(cls, after_chunks: int = 1) -> Fault:
        """A stream with an empty ``data:`` event after some chunks, then the rest as normal."""
        return cls("empty_data", after_chunks=after_chunks)

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """The normal answer, sent after ``seconds``."""
        return cls("delay", seconds=seconds)


def chunks_before(fault: Fault, total: int) -> int:
    """How many of ``total`` answer chunks go out before the fault fires."""
    return total if fault.after_chunks < 0 else min(fault.after_chunks, total)


def _pairs(headers: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    """Freeze a header mapping into pairs so Fault stays immutable."""
    return tuple(headers.items()) if headers else ()


def _middle_truncate(text: str, limit: int) -> str:
    """Shorten text in the middle with "..." as OpenRouter does for flagged_input."""
    if len(text) <= limit:
        return text
    keep = (limit - 3) // 2
    return text[:keep] + "..." + text[len(text) - keep :]
