"""Reading a stream's chunks at the wire's pace: what `openai`'s `Stream.__stream__` does in "events" mode,
with the per-chunk work decided once per response.

`openai` decodes every line to text, builds an event object, `json.loads` its data and hands the dict to the
client's `_process_response_data`, which looks at the response headers again for every chunk. Here the
`OpenRouterSSEDecoder` hands a plain `data:` event on as bytes, and pydantic validates those bytes straight
into our model (no text, no dict). Anything the fast path cannot vouch for takes `openai`'s route, so it is
typed, refused or raised exactly as before: an error chunk (an error in a 200 stream), a chunk that does not
validate (it falls back to `openai`'s lenient construction), strict validation, a response that is not an
event stream, and every event that is not a plain `data:` line.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

import openai
import pydantic
from openai._httpx2 import request_exceptions, timeout_exceptions
from openai._streaming import ServerSentEvent
from openai._streaming_cleanup import drain_response_async

from ._response_metadata import is_event_stream
from ._sse_decoder import OpenRouterSSEDecoder

if TYPE_CHECKING:
    import httpx2

__all__ = ["ChunkParser", "EventWatcher", "aread_chunks", "read_chunks"]

_DONE = ServerSentEvent(data="[DONE]")


class EventWatcher(Protocol):
    """What sees the events of a stream that are not plain data (a stream's guard)."""

    def on_event(self, event: ServerSentEvent) -> None: ...


class ChunkParser:
    """How the chunks of one stream are parsed, decided once per response.

    `model` is the OpenRouter model the client's `_process_response_data` would build for these chunks (None:
    no fast path, e.g. the union of Responses event types); `process` is that hook, the route of everything
    the fast path leaves alone."""

    def __init__(
        self,
        *,
        model: type[pydantic.BaseModel] | None,
        process: Callable[..., Any],
        cast_to: Any,
        response: httpx2.Response,
        strict: bool,
    ) -> None:
        self._process = process
        self._cast_to = cast_to
        self._response = response
        fast = model is not None and not strict and is_event_stream(response)
        self._validate: Callable[[bytes], Any] | None = (
            model.__pydantic_validator__.validate_json if fast and model is not None else None
        )

    def data(self, raw: bytes) -> Any:
        """The chunk whose JSON is `raw` (a plain `data:` event's bytes)."""
        validate = self._validate
        if validate is not None:
            try:
                chunk = validate(raw)
            except pydantic.ValidationError:
                pass  # not JSON, not an object, outside the model: `openai`'s route says what it is
            else:
                if getattr(chunk, "error", None) is None:
                    return chunk
        return self._process(data=json.loads(raw.decode("utf-8")), cast_to=self._cast_to, response=self._response)

    def event(self, event: ServerSentEvent) -> Any:
        """The chunk of an event the decoder decoded in full (multi-line data, an `event:` field, CRLF)."""
        return self._process(data=event.json(), cast_to=self._cast_to, response=self._response)


def read_chunks(
    guard: EventWatcher, decoder: OpenRouterSSEDecoder, parser: ChunkParser, response: httpx2.Response
) -> Iterator[Any]:
    """The parsed chunks of `response` up to `[DONE]`; transport failures raised as `openai` raises them
    (`APITimeoutError`, `APIConnectionError`), every event shown to `guard.on_event` except plain data ones."""
    try:
        for item in decoder.iter_data(response.iter_bytes()):
            if isinstance(item, bytes):
                if item.startswith(b"[DONE]"):
                    guard.on_event(_DONE)
                    break
                yield parser.data(item)
            else:
                guard.on_event(item)
                if item.data.startswith("[DONE]"):
                    break
                yield parser.event(item)
    except timeout_exceptions() as err:
        raise openai.APITimeoutError(request=response.request) from err
    except request_exceptions() as err:
        raise openai.APIConnectionError(request=response.request) from err
    finally:
        response.close()


async def aread_chunks(
    guard: EventWatcher, decoder: OpenRouterSSEDecoder, parser: ChunkParser, response: httpx2.Response
) -> AsyncIterator[Any]:
    """The async twin of `read_chunks` (after `[DONE]`, an HTTP/1.1 body is drained for connection reuse, as
    `openai` does)."""
    try:
        async for item in decoder.aiter_data(response.aiter_bytes()):
            if isinstance(item, bytes):
                if item.startswith(b"[DONE]"):
                    guard.on_event(_DONE)
                    if response.http_version == "HTTP/1.1":
                        await drain_response_async(response)
                    break
                yield parser.data(item)
            else:
                guard.on_event(item)
                if item.data.startswith("[DONE]"):
                    if response.http_version == "HTTP/1.1":
                        await drain_response_async(response)
                    break
                yield parser.event(item)
    except timeout_exceptions() as err:
        raise openai.APITimeoutError(request=response.request) from err
    except request_exceptions() as err:
        raise openai.APIConnectionError(request=response.request) from err
    finally:
        await response.aclose()
