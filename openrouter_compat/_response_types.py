"""Which OpenRouter type replaces which `openai` type when a response is parsed: the one table of it.

The clients consult it in `_process_response_data` (bodies and stream chunks) and `_process_response`
(stream classes), so every path — `create`, `with_raw_response`, `with_streaming_response`, the
`.stream()`/`.parse()` helpers, integrations calling the client — yields the typed OpenRouter models.
"""

from __future__ import annotations

import typing
from typing import Any

import openai
import pydantic
from openai.types import completion as openai_completion
from openai.types import create_embedding_response as openai_embeddings
from openai.types.chat import chat_completion as openai_chat_completion
from openai.types.chat import chat_completion_chunk as openai_chunk
from openai.types.responses import response as openai_response
from openai.types.responses import response_stream_event as openai_response_event

from ._streaming import AsyncChatCompletionStream, AsyncCompletionStream, ChatCompletionStream, CompletionStream
from ._streaming_responses import AsyncResponseEventStream, ResponseEventStream
from .types.chat.chat_completion import ChatCompletion
from .types.chat.chat_completion_chunk import ChatCompletionChunk
from .types.completion import Completion
from .types.create_embedding_response import CreateEmbeddingResponse
from .types.responses.response import Response
from .types.responses.response_stream_event import ResponseStreamEvent

__all__ = ["INFERENCE_TYPES", "openrouter_stream_cls", "openrouter_type"]

_TYPES: dict[Any, Any] = {
    openai_chat_completion.ChatCompletion: ChatCompletion,
    openai_chunk.ChatCompletionChunk: ChatCompletionChunk,
    openai_completion.Completion: Completion,
    openai_embeddings.CreateEmbeddingResponse: CreateEmbeddingResponse,
    openai_response.Response: Response,
    openai_response_event.ResponseStreamEvent: ResponseStreamEvent,
}

_VALIDATED: set[Any] = {typ for typ in _TYPES.values() if isinstance(typ, type) and issubclass(typ, pydantic.BaseModel)}
"""Our models that `validate_fast` may build (unions such as stream event types are left to `openai`)."""

INFERENCE_TYPES: frozenset[Any] = frozenset({ChatCompletion, Completion, CreateEmbeddingResponse, Response})
"""Results whose 200 body can be an error in disguise (see `_exceptions`)."""

_STREAMS: dict[tuple[Any, bool], Any] = {
    (openai_chunk.ChatCompletionChunk, False): ChatCompletionStream,
    (openai_chunk.ChatCompletionChunk, True): AsyncChatCompletionStream,
    (openai_completion.Completion, False): CompletionStream,
    (openai_completion.Completion, True): AsyncCompletionStream,
    (openai_response_event.ResponseStreamEvent, False): ResponseEventStream,
    (openai_response_event.ResponseStreamEvent, True): AsyncResponseEventStream,
}


def register_type(openai_type: Any, openrouter_type: Any) -> None:
    """Add a replacement (used by resources defined in other modules, e.g. responses)."""
    _TYPES[openai_type] = openrouter_type
    if isinstance(openrouter_type, type) and issubclass(openrouter_type, pydantic.BaseModel):
        _VALIDATED.add(openrouter_type)


def validate_fast(target: Any, data: object) -> Any:
    """`data` parsed into our model by pydantic-core's compiled validator, or None when it does not validate.

    `openai` builds results with a lenient pure-Python `construct` (about 100 us for a chat chunk); validation
    takes about 5 us for the same chunk. OpenRouter sometimes sends values outside `openai`'s Literals (e.g.
    `finish_reason: "error"`): those bodies fail validation and the caller falls back to `openai`'s
    lenient construction, so nothing that parsed before stops parsing.
    """
    if target not in _VALIDATED or not isinstance(data, dict):
        return None
    try:
        return target.model_validate(data)
    except pydantic.ValidationError:
        return None


def openrouter_type(cast_to: Any) -> Any:
    """The OpenRouter model to parse into when `openai` asks for `cast_to`."""
    return _TYPES.get(cast_to, cast_to)


def openrouter_stream_cls(stream_cls: Any) -> Any:
    """Our stream class for `Stream[X]` / `AsyncStream[X]` when X has one, else `stream_cls` itself."""
    if stream_cls is None:
        return None
    cached = _STREAM_CLS_CACHE.get(stream_cls)
    if cached is None:
        cached = _STREAM_CLS_CACHE[stream_cls] = _resolve_stream_cls(stream_cls)
    return cached


_STREAM_CLS_CACHE: dict[Any, Any] = {}


def _resolve_stream_cls(stream_cls: Any) -> Any:
    origin = typing.get_origin(stream_cls)
    if origin not in (openai.Stream, openai.AsyncStream):
        return stream_cls
    args = typing.get_args(stream_cls)
    return _STREAMS.get((args[0] if args else None, origin is openai.AsyncStream), stream_cls)
