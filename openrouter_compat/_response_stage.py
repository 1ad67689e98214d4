"""The response stage: what happens to every response on its way back, whichever route the call came in by.

The clients' response hooks (`_process_response_data`, `_process_response`) and the retry loop's attempt call
only the functions here, so resource methods, `beta` helpers, `client.post`/`request`, raw and streaming
responses get the same treatment: body typing (our models, validated fast), error detection (an error in a 200
body, a body that is not the object the endpoint returns), metadata and ledger, the stream class swap, and —
inside each attempt — settling what could still fail before the caller sees output (a stream primed to its first
output, a raw inference response parsed), releasing the response of every attempt that failed.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import httpx2
import openai
import pydantic
from openai._legacy_response import LegacyAPIResponse
from openai._response import BaseAPIResponse
from typing_extensions import TypeIs

from ._exceptions import InvalidResponseError, error_in_200_body
from ._json import is_object
from ._ledger import CostLedger
from ._parsed import concretely_parsed
from ._response_metadata import ResponseMetadata, attach_metadata, is_event_stream, metadata_of, observe_result
from ._response_types import INFERENCE_TYPES, openrouter_stream_cls, openrouter_type, validate_fast

__all__ = [
    "check_body",
    "invalid_body",
    "is_event_stream",
    "parse_data",
    "release",
    "release_async",
    "settle",
    "settle_async",
    "typed_result",
]

_T = TypeVar("_T")

RAW_RESPONSE_HEADER = "X-Stainless-Raw-Response"
METADATA_EXTENSION = "openrouter_compat.metadata"
"""Where the metadata of a parsed body is kept on its `httpx2.Response`, for results built after parsing."""


def expects_object(target: Any) -> bool:
    """Whether a body parsed into `target` must be a JSON object (every model; not `str`, `list`, unions)."""
    origin = typing.get_origin(target) or target
    return inspect.isclass(origin) and issubclass(origin, pydantic.BaseModel)


def parse_data(
    data: object,
    cast_to: Any,
    response: httpx2.Response,
    *,
    strict: bool,
    ledger: CostLedger,
    construct: Callable[[object, Any], Any],
) -> Any:
    """A decoded body or stream chunk as our type: refused when it is not an object a model needs, raised when
    it is an error in disguise (200 inference bodies), built by fast validation (`construct` — `openai`'s own
    lenient path — as fallback), then given its metadata and ledger entry (bodies; streams track their own)."""
    target = openrouter_type(cast_to)
    streamed = is_event_stream(response)
    if not is_object(data) and expects_object(target):
        raise invalid_body(response, _describe_value(data), text=_text(response, data))
    if target in INFERENCE_TYPES and response.status_code == 200:
        # Stream chunks may lack choices (the final usage chunk of a legacy completion stream has `[]`).
        expects_choices = "choices" in getattr(target, "model_fields", {}) and not streamed
        error = error_in_200_body(data, response=response, expects_choices=expects_choices)
        if error is not None:
            raise error
    result = None if strict else validate_fast(target, data)
    if result is None:
        result = construct(data, target)
    if not streamed:
        observe_result(result, response, ledger)
        metadata = metadata_of(result)
        if metadata is not None:
            response.extensions[METADATA_EXTENSION] = metadata
    return result


def check_body(response: httpx2.Response, cast_to: Any, *, stream: bool) -> None:
    """Before `openai` parses a read, non-JSON-typed body into a model: raise unless it holds a JSON object
    (`openai` would return the text of a proxy's HTML page as the result)."""
    if stream or response.request.headers.get(RAW_RESPONSE_HEADER) == "stream":
        return
    content_type = response.headers.get("content-type", "").split(";")[0].strip()
    if content_type.endswith("json") or not expects_object(openrouter_type(cast_to)):
        return
    content = response.content
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise invalid_body(response, "bytes that are not UTF-8") from None
    try:
        data: object = json.loads(text)
    except ValueError:
        raise invalid_body(response, _describe_text(text)) from None
    if not isinstance(data, dict):
        raise invalid_body(response, _describe_value(data))


def invalid_body(response: httpx2.Response, what: str, *, text: str | None = None) -> InvalidResponseError:
    """The typed error for a body that is not the JSON object expected; `text` is the body as received."""
    text = text if text is not None else _text(response, None)
    request = response.request
    snippet = text[:200] + ("..." if len(text) > 200 else "")
    message = (
        f"Expected a JSON object from {request.method} {request.url} (HTTP {response.status_code}), "
        f"got {what}: {snippet!r}"
    )
    return InvalidResponseError(message, response=response, text=text)


def decode_failure(response: httpx2.Response, exc: ValueError) -> InvalidResponseError:
    """The typed error for a JSON-typed body that does not decode (empty, truncated, not UTF-8)."""
    if isinstance(exc, UnicodeDecodeError):
        return invalid_body(response, "bytes that are not UTF-8")
    return invalid_body(response, _describe_text(_text(response, None)))


def typed_result(result: _T, response: httpx2.Response) -> _T:
    """A final result built after parsing (e.g. `.parse()`'s `ParsedChatCompletion`) gets the metadata its
    body got (no second look at the body: metadata and ledger ran once, on the parsed body), and a parsed
    completion is typed by what it parsed (so that `model_dump()` does not warn, see `_parsed`)."""
    result = concretely_parsed(result)
    if isinstance(result, pydantic.BaseModel) and metadata_of(result) is None:
        metadata = response.extensions.get(METADATA_EXTENSION)
        if isinstance(metadata, ResponseMetadata):
            usage = getattr(result, "usage", None)
            attach_metadata(result, metadata if usage is None else dataclasses.replace(metadata, usage=usage))
    return result


def stream_class(stream_cls: Any) -> Any:
    """Our stream class for `openai`'s (see `_response_types.openrouter_stream_cls`)."""
    return openrouter_stream_cls(stream_cls)


def settle(result: _T) -> _T:
    """Finish, inside the retried attempt, what could still fail before the caller sees output: parse a raw
    inference response (an error in a 200 body) and prime a stream up to its first output. If that fails, the
    attempt's response is closed before the error goes on to the retry loop."""
    try:
        target = _settle_target(result)
        prime = getattr(target, "prime", None)
        if isinstance(target, openai.Stream) and callable(prime):
            prime()
    except BaseException:
        release(result)
        raise
    return result


async def settle_async(result: _T) -> _T:
    """The async twin of `settle`."""
    try:
        target = _settle_target(result)
        prime = getattr(target, "prime", None)
        if isinstance(target, openai.AsyncStream) and callable(prime):
            primed = prime()
            if inspect.isawaitable(primed):
                await primed
    except BaseException:
        await release_async(result)
        raise
    return result


def release(result: object) -> None:
    """Close the HTTP response behind `result` (a stream, a raw response), returning its connection."""
    response = _response_of(result)
    if response is not None:
        response.close()


async def release_async(result: object) -> None:
    """The async twin of `release`."""
    response = _response_of(result)
    if response is not None:
        await response.aclose()


def _response_of(result: object) -> httpx2.Response | None:
    if isinstance(result, openai.Stream | openai.AsyncStream):
        return result.response
    if isinstance(result, BaseAPIResponse | LegacyAPIResponse):
        return result.http_response
    return None


def _settle_target(result: object) -> object:
    """What `settle` works on: the parsed value of a raw inference response (parsed now), else `result`."""
    if _is_raw(result) and _parse_early(result):
        try:
            parsed: object = result.parse()
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise decode_failure(result.http_response, exc) from exc
        return parsed
    return result


def _is_raw(value: object) -> TypeIs[LegacyAPIResponse[Any]]:
    return isinstance(value, LegacyAPIResponse)


def _parse_early(raw: LegacyAPIResponse[Any]) -> bool:
    """`with_raw_response` results of inference calls (what integrations such as LangChain use) are parsed in
    the attempt, so they are retried like plain calls; the parsed value is cached for the caller's `.parse()`."""
    stream, cast_to = raw._stream, raw._cast_to  # pyright: ignore[reportPrivateUsage]
    return bool(stream) or openrouter_type(cast_to) in INFERENCE_TYPES


def _text(response: httpx2.Response, data: object) -> str:
    try:
        return response.content.decode("utf-8", errors="replace")
    except httpx2.ResponseNotRead:
        return json.dumps(data)


def _describe_text(text: str) -> str:
    stripped = text.strip()
    if not stripped:
        return "an empty body"
    if stripped.startswith("<"):
        return "an HTML page"
    return "text that is not JSON"


def _describe_value(data: object) -> str:
    if data is None:
        return "JSON null"
    if isinstance(data, list):
        return "a JSON list"
    if isinstance(data, bool):
        return "a JSON boolean"
    if isinstance(data, int | float):
        return "a JSON number"
    if isinstance(data, str):
        return "a JSON string"
    return f"JSON {type(data).__name__}"
