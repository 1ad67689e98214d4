"""Parsing a stream's chunks at the wire's pace, with the per-chunk work decided once per response.

`openai` decodes every line to text, builds an event object, `json.loads` its data and hands the dict to the
client's `_process_response_data`, which looks at the response headers again for every chunk. Here the
`OpenRouterSSEDecoder` hands a plain `data:` event on as bytes, and pydantic validates those bytes straight
into our model (no text, no dict); `_streaming.read_guarded` is the loop around it. Anything the fast path
cannot vouch for takes `openai`'s route, so it is typed, refused or raised exactly as before: an error chunk
(an error in a 200 stream), a chunk that does not validate (it falls back to `openai`'s lenient
construction), strict validation, a response that is not an event stream, and every event that is not a
plain `data:` line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pydantic
from openai._streaming import ServerSentEvent

from ._response_metadata import is_event_stream

if TYPE_CHECKING:
    import httpx2

__all__ = ["DONE", "ChunkParser"]

DONE: Any = object()
"""What `ChunkParser.data` returns for the `[DONE]` sentinel."""


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
        self.validate: Callable[[bytes], Any] | None = None
        """Our model's JSON validator when the fast path applies (a chunk it builds with no `error` is final)."""
        if model is not None and not strict and is_event_stream(response):
            # the compiled validator itself once the model is complete (else the classmethod, which builds it)
            complete = model.__pydantic_complete__
            self.validate = model.__pydantic_validator__.validate_json if complete else model.model_validate_json

    def data(self, raw: bytes) -> Any:
        """The chunk whose JSON is `raw` (a plain `data:` event's bytes), or `DONE` for `[DONE]`."""
        validate = self.validate
        if validate is not None:
            try:
                chunk = validate(raw)
            except pydantic.ValidationError:
                pass  # not JSON (`[DONE]` is not), not an object, outside the model: `openai`'s route says
            else:
                if getattr(chunk, "error", None) is None:
                    return chunk
        if raw.startswith(b"[DONE]"):  # checked after validation: once per stream instead of once per chunk
            return DONE
        return self._process(data=json.loads(raw.decode("utf-8")), cast_to=self._cast_to, response=self._response)

    def event(self, event: ServerSentEvent) -> Any:
        """The chunk of an event the decoder decoded in full (multi-line data, an `event:` field, CRLF)."""
        return self._process(data=event.json(), cast_to=self._cast_to, response=self._response)
