"""`ResponseMetadata`: what OpenRouter says about one generation, on every result as `.openrouter`.

Built from the response headers and the parsed body, so callers get the generation id, serving provider,
usage, cost and the headers worth having without `with_raw_response`. It is attached to the parsed object's
`__dict__` (never a model field or extra), so it never leaks into `model_dump()`, `to_json()` or equality of
the fields a user serialises.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from openai.types import create_embedding_response as openai_embeddings

from . import _constants as C

if TYPE_CHECKING:
    import httpx2

    from ._ledger import CostLedger

__all__ = [
    "ResponseMetadata",
    "StreamMetadata",
    "WithResponseMetadata",
    "attach_metadata",
    "ensure_metadata",
    "is_event_stream",
    "metadata_of",
    "observe_result",
]

ATTRIBUTE = "openrouter"
"""The one attribute name under which results carry their `ResponseMetadata`."""


@dataclasses.dataclass(frozen=True)
class ResponseMetadata:
    """Generation id, serving provider, model, usage, cost and OpenRouter's response headers of one result."""

    generation_id: str | None = None
    provider: str | None = None
    model: str | None = None
    usage: Any = None
    """The result's own `usage` object (chat/completions `Usage`, `EmbeddingUsage` or the responses usage)."""
    cost: float | None = None
    """Credits (USD) charged, from `usage.cost`; falls back to a cost header should OpenRouter ever send one."""
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict[str, str])
    """Only the headers of interest: `x-generation-id`, `x-ratelimit-*`, `x-openrouter-cache-*`, `retry-after`."""
    router_metadata: Any = None
    """The body's `openrouter_metadata` (`RouterMetadata`), sent when the client has `router_metadata=True`."""

    @property
    def cost_decimal(self) -> Decimal | None:
        """`cost` as the exact decimal its JSON number spelled (what the ledger adds up)."""
        return to_decimal(self.cost)

    @property
    def cache_status(self) -> str | None:
        """`HIT` or `MISS` when OpenRouter's response cache was asked for (`X-OpenRouter-Cache`)."""
        return self.headers.get(C.HEADER_CACHE_STATUS)

    @property
    def cache_age(self) -> float | None:
        """Seconds since the cached response was stored, on a cache hit."""
        return _number(self.headers.get(C.HEADER_CACHE_AGE))

    @property
    def rate_limit(self) -> dict[str, str]:
        """`x-ratelimit-*` headers (OpenRouter sends them on its own 429s), keyed without the prefix."""
        prefix = C.HEADER_RATELIMIT_PREFIX
        return {name[len(prefix) :]: value for name, value in self.headers.items() if name.startswith(prefix)}

    @property
    def retry_after(self) -> float | None:
        """The `Retry-After` header in seconds, when it is numeric."""
        return _number(self.headers.get(C.HEADER_RETRY_AFTER))


def to_decimal(cost: object) -> Decimal | None:
    """The exact decimal of a JSON cost number: `Decimal(repr(0.1))` is 0.1, unlike `Decimal(0.1)`."""
    if cost is None or isinstance(cost, bool):
        return None
    if isinstance(cost, Decimal):
        return cost
    if isinstance(cost, int | float):
        return Decimal(repr(cost))
    if isinstance(cost, str):
        try:
            return Decimal(cost.strip())
        except ArithmeticError:
            return None
    return None


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def interesting_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """The response headers OpenRouter users care about, names lower-cased."""
    kept: dict[str, str] = {}
    exact = {C.HEADER_GENERATION_ID, C.HEADER_RETRY_AFTER, *C.HEADER_COST_CANDIDATES}
    for name, value in headers.items():
        lower = name.lower()
        if lower in exact or lower.startswith((C.HEADER_RATELIMIT_PREFIX, C.HEADER_CACHE_PREFIX)):
            kept[lower] = value
    return kept


def is_event_stream(response: httpx2.Response) -> bool:
    """Whether `response` is a server-sent event stream (asked once per response: a header lookup is not free)."""
    return response.headers.get("content-type", "").startswith("text/event-stream")


def _header_cost(headers: Mapping[str, str]) -> float | None:
    for name in C.HEADER_COST_CANDIDATES:
        value = _number(headers.get(name))
        if value is not None:
            return value
    return None


def build_metadata(
    headers: Mapping[str, str],
    *,
    generation_id: str | None = None,
    provider: str | None = None,
    model: str | None = None,
    usage: Any = None,
    router_metadata: Any = None,
) -> ResponseMetadata:
    """Combine headers and body fields; the `X-Generation-Id` header wins over the body `id`."""
    kept = interesting_headers(headers)
    cost = getattr(usage, "cost", None)
    if not isinstance(cost, int | float) or isinstance(cost, bool):
        cost = _header_cost(kept)
    return ResponseMetadata(
        generation_id=kept.get(C.HEADER_GENERATION_ID) or generation_id,
        provider=provider,
        model=model,
        usage=usage,
        cost=float(cost) if cost is not None else None,
        headers=kept,
        router_metadata=router_metadata,
    )


def metadata_from_result(result: object, headers: Mapping[str, str]) -> ResponseMetadata:
    """Metadata of a parsed body (chat completion, completion, embeddings, responses `Response`)."""
    body_id = getattr(result, "id", None)
    provider = getattr(result, "provider", None)
    model = getattr(result, "model", None)
    return build_metadata(
        headers,
        generation_id=body_id if isinstance(body_id, str) else None,
        provider=provider if isinstance(provider, str) else None,
        model=model if isinstance(model, str) else None,
        usage=getattr(result, "usage", None),
        router_metadata=getattr(result, "openrouter_metadata", None),
    )


def attach_metadata(result: object, metadata: ResponseMetadata) -> None:
    """Put `metadata` at `result.openrouter` without making it a model field (works on any pydantic model)."""
    with contextlib.suppress(AttributeError, TypeError):  # objects without a __dict__ (never our models)
        object.__setattr__(result, ATTRIBUTE, metadata)


def metadata_of(result: object) -> ResponseMetadata | None:
    """The metadata attached to `result`, if any."""
    value = getattr(result, "__dict__", {}).get(ATTRIBUTE)
    return value if isinstance(value, ResponseMetadata) else None


def _billable(result: object) -> tuple[object, str, bool] | None:
    """The object carrying `usage` in an inference result, its kind, and whether it came from a stream.

    Chat completions, text completions, embeddings, responses `Response` and messages bodies count whole; a stream
    chunk counts only when it carries `usage` (the last chunk); a responses stream counts on its
    `response.completed` event.
    """
    kind = getattr(result, "object", None)
    if kind == "chat.completion.chunk":
        return result, "chat.completion", True
    if kind in ("chat.completion", "text_completion", "response"):
        return result, str(kind), False
    if isinstance(result, openai_embeddings.CreateEmbeddingResponse):
        return result, "embedding", False
    if getattr(result, "type", None) == "message" and getattr(result, "usage", None) is not None:
        return result, "message", False  # the Anthropic-shaped POST /messages (its stream records itself)
    if getattr(result, "type", None) == "response.completed":
        inner = getattr(result, "response", None)
        return (inner, "response", True) if inner is not None else None
    return None


def observe_result(result: object, response: httpx2.Response, ledger: CostLedger | None) -> None:
    """Attach metadata to a freshly parsed inference result and record its cost in `ledger`, exactly once.

    Called from the clients' `_process_response_data`, which parses every body and every stream chunk once
    (raw responses cache their `.parse()`), so each generation reaches the ledger once; the ledger also
    ignores a generation id it has already recorded.
    """
    found = _billable(result)
    if found is None:
        return
    carrier, kind, streamed = found
    if carrier is result and streamed and getattr(result, "usage", None) is None:
        if ledger is not None:  # a chunk before the usage one: open the stream's entry (once)
            _open_stream(ledger, result, response)
        return
    metadata = metadata_from_result(carrier, response.headers)
    if carrier is not result or not streamed:
        attach_metadata(carrier, metadata)
    if ledger is not None and metadata.usage is not None:
        # a text completion chunk looks like a whole completion: the response's content type tells them apart
        streamed = streamed or is_event_stream(response)
        ledger.record(metadata, kind=kind, streamed=streamed)


def _open_stream(ledger: CostLedger, chunk: object, response: httpx2.Response) -> None:
    gen_id = response.headers.get(C.HEADER_GENERATION_ID) or getattr(chunk, "id", None)
    if isinstance(gen_id, str) and gen_id:
        model, provider = getattr(chunk, "model", None), getattr(chunk, "provider", None)
        ledger.open_stream(
            gen_id,
            model=model if isinstance(model, str) else None,
            provider=provider if isinstance(provider, str) else None,
        )


class StreamMetadata:
    """A stream's metadata, built when asked for: headers from the start, generation id/provider/model/usage
    from what the stream's accumulator has folded in (nothing is done per chunk)."""

    def __init__(self, response: httpx2.Response, accumulated: object) -> None:
        self._headers = response.headers
        self._accumulated = accumulated
        """Anything with `generation_id`, `provider`, `model` and `usage` (a `ChatCompletionAccumulator`)."""

    @property
    def metadata(self) -> ResponseMetadata:
        """What is known so far; `usage`/`cost` are set once the usage chunk has arrived."""
        source = self._accumulated
        return build_metadata(
            self._headers,
            generation_id=_text(getattr(source, "generation_id", None)),
            provider=_text(getattr(source, "provider", None)),
            model=_text(getattr(source, "model", None)),
            usage=getattr(source, "usage", None),
        )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def ensure_metadata(result: object, response: httpx2.Response) -> None:
    """Attach metadata to a final result built after parsing (e.g. `.parse()`'s `ParsedChatCompletion`)."""
    found = _billable(result)
    if found is None or found[2] or metadata_of(result) is not None:
        return
    attach_metadata(result, metadata_from_result(result, response.headers))


class WithResponseMetadata:
    """Mixin of our result types declaring `.openrouter`: the `ResponseMetadata` the client attached, or None
    for an object built by hand (`construct`, `model_validate`)."""

    openrouter: ClassVar[ResponseMetadata | None] = None
