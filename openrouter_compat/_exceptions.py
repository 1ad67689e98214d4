"""Every exception the library raises, in one module.

Each API error subclasses the matching `openai` class (so `except openai.RateLimitError` keeps working) and
`OpenRouterAPIError`, which carries OpenRouter's typed metadata. `make_status_error` is the one place that
maps an HTTP status (or an `error.code` found in a 200 body or a stream chunk) to a class, and where a 401/403
from an operation that needs a management key (the generated `MANAGEMENT_KEY_ROUTES`) is worded to say so.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

import httpx2
import openai

from ._constants import HEADER_GENERATION_ID
from ._json import is_object
from ._management_key_routes import MANAGEMENT_KEY_ROUTES
from ._response_metadata import ResponseMetadata, build_metadata
from ._retry_after import retry_after_seconds
from ._secrets import scrub
from .types.error_metadata import Availability, ErrorMetadata

if TYPE_CHECKING:
    from .lib.chat_accumulator import ChatCompletionAccumulator
    from .lib.message_accumulator import MessageStreamAccumulator
    from .lib.response_accumulator import ResponseStreamAccumulator

__all__ = [
    "APIConnectionError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BudgetExceededError",
    "ConflictError",
    "GatewayTimeoutError",
    "InternalServerError",
    "InvalidResponseError",
    "MidStreamAuthenticationError",
    "MidStreamBadRequestError",
    "MidStreamConflictError",
    "MidStreamError",
    "MidStreamGatewayTimeoutError",
    "MidStreamInternalServerError",
    "MidStreamModerationError",
    "MidStreamNotFoundError",
    "MidStreamPayloadTooLargeError",
    "MidStreamPaymentRequiredError",
    "MidStreamPermissionDeniedError",
    "MidStreamProviderError",
    "MidStreamRateLimitError",
    "MidStreamRequestTimeoutError",
    "MidStreamServiceUnavailableError",
    "MidStreamUnexpectedStatusError",
    "MidStreamUnprocessableEntityError",
    "ModerationError",
    "NotFoundError",
    "OpenRouterAPIError",
    "OpenRouterConfigError",
    "OpenRouterError",
    "OpenRouterValidationError",
    "PayloadTooLargeError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "ProviderError",
    "RateLimitError",
    "RequestTimeoutError",
    "ServiceUnavailableError",
    "StreamDecodeError",
    "StreamError",
    "StreamInterruptedError",
    "StreamTimeoutError",
    "UnexpectedStatusError",
    "UnprocessableEntityError",
    "make_status_error",
    "management_key_endpoint",
]

MANAGEMENT_KEY_HELP = (
    "this endpoint needs a management key (create one at https://openrouter.ai/settings/management-keys), "
    "and the key in use was refused; call it as `client.with_options(api_key=MANAGEMENT_KEY)...`"
)


class OpenRouterError(openai.OpenAIError):
    """Base of every error raised by `openrouter_compat` itself."""


class OpenRouterConfigError(OpenRouterError):
    """The client cannot be built as configured (for example: no API key)."""


class OpenRouterValidationError(OpenRouterError, ValueError):
    """An OpenRouter request argument is invalid; raised before anything is sent."""

    def __init__(self, message: str, *, field: str, value: object) -> None:
        super().__init__(message)
        self.field = field
        self.value = value


class BudgetExceededError(OpenRouterError):
    """The client's cost budget is spent; raised before the request is sent."""

    def __init__(self, message: str, *, spent: object, limit: object) -> None:
        super().__init__(message)
        self.spent = spent
        self.limit = limit


class OpenRouterAPIError(OpenRouterError):
    """Mixin of every error OpenRouter reported: typed metadata, plus what the stream had produced.

    `str()` and `message` never show a key: key-shaped strings are replaced by `***`."""

    metadata: ErrorMetadata
    """Typed `error.metadata`; both provider shapes (`{provider_name, raw}` and `{error_type, provider_code}`)."""
    error_type: str | None
    """OpenRouter's `error_type` (2026 vocabulary, e.g. `rate_limit_exceeded`), from `error` or its metadata."""
    availability: Availability | None
    user_id: str | None
    generation_id: str | None
    partial: ChatCompletionAccumulator | ResponseStreamAccumulator | MessageStreamAccumulator | None
    """For errors that interrupt a stream: everything received before the error (text, reasoning, usage)."""

    def _init_openrouter(self, error: dict[str, Any], body: object, response: httpx2.Response | None) -> None:
        metadata = _mapping(error.get("metadata"))
        self.metadata = ErrorMetadata.construct(**metadata) if metadata is not None else ErrorMetadata()
        top = _mapping(body) or {}
        self.error_type = error.get("error_type") or self.metadata.error_type or top.get("error_type")
        availability = _mapping(error.get("availability"))
        self.availability = Availability.construct(**availability) if availability is not None else None
        self.user_id = top.get("user_id")
        headers = response.headers if response is not None else httpx2.Headers()
        self.generation_id = headers.get(HEADER_GENERATION_ID) or (top.get("id") if "choices" in top else None)
        self.partial = None

    @property
    def provider_name(self) -> str | None:
        """The upstream provider that failed, when OpenRouter names it."""
        return self.metadata.provider_name

    @property
    def provider_code(self) -> str | None:
        """The upstream provider's own error code (2026 metadata shape)."""
        return self.metadata.provider_code

    @property
    def raw(self) -> Any:
        """The provider's raw error (`metadata.raw`), parsed when it holds a JSON document."""
        return self.metadata.raw_json

    @property
    def headers(self) -> httpx2.Headers:
        """The response headers (`Retry-After`, `X-RateLimit-*`, `X-Generation-Id`); empty when there was none."""
        response: httpx2.Response | None = getattr(self, "response", None)
        return response.headers if response is not None else httpx2.Headers()

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait, from `Retry-After` or the body's hints; None when it gave none."""
        return retry_after_seconds(self)

    @property
    def openrouter(self) -> ResponseMetadata:
        """The same `ResponseMetadata` successful results carry (rate-limit and `Retry-After` headers on a 429)."""
        return build_metadata(self.headers, generation_id=self.generation_id, provider=self.provider_name)


class _StatusError(OpenRouterAPIError, openai.APIStatusError):
    def __init__(self, message: str, *, response: httpx2.Response, body: object, status: int | None = None) -> None:
        error = _error_object(body)
        super().__init__(scrub(message), response=response, body=error or body)
        if status is not None:
            self.status_code = status
        self._init_openrouter(error, body, response)


class BadRequestError(_StatusError, openai.BadRequestError):
    """400: invalid parameters, unknown model, context too long."""


class AuthenticationError(_StatusError, openai.AuthenticationError):
    """401: invalid or disabled key."""


class PaymentRequiredError(_StatusError):
    """402: insufficient credits, or the key's spending limit is exhausted. Never retried."""


class PermissionDeniedError(_StatusError, openai.PermissionDeniedError):
    """403: guardrails, region restrictions, management-key-only endpoints."""


class ModerationError(PermissionDeniedError):
    """403 because the input was flagged by moderation."""

    @property
    def reasons(self) -> list[str]:
        return self.metadata.reasons or []

    @property
    def flagged_input(self) -> str | None:
        return self.metadata.flagged_input

    @property
    def model_slug(self) -> str | None:
        return self.metadata.model_slug


class NotFoundError(_StatusError, openai.NotFoundError):
    """404: no endpoints for the model, unknown generation id, unknown path."""


class RequestTimeoutError(_StatusError):
    """408: OpenRouter timed the request out."""


class ConflictError(_StatusError, openai.ConflictError):
    """409."""


class PayloadTooLargeError(_StatusError):
    """413: the request body is too large."""


class UnprocessableEntityError(_StatusError, openai.UnprocessableEntityError):
    """422."""


class RateLimitError(_StatusError, openai.RateLimitError):
    """429: OpenRouter's or the upstream provider's rate limit."""


class InternalServerError(_StatusError, openai.InternalServerError):
    """5xx."""


class ProviderError(InternalServerError):
    """The upstream provider failed (502, 529, or a 5xx naming a provider); `provider_name`, and `raw` parsed."""


class ServiceUnavailableError(InternalServerError):
    """503: no provider meets the routing requirements right now, or OpenRouter is overloaded."""


class GatewayTimeoutError(InternalServerError):
    """504/524: the provider or the edge timed out."""


class UnexpectedStatusError(_StatusError):
    """A 4xx status with no class of its own (418, 451, ...); `status_code` says which."""


class InvalidResponseError(OpenRouterAPIError, openai.APIResponseValidationError):
    """A successful status whose body is not what the endpoint returns: an HTML page from a proxy, an empty
    body, JSON that is not an object (a list, `null`, `42`), or bytes that are not UTF-8/JSON.

    `text` is the body as received (decoded leniently), `response` the HTTP response."""

    def __init__(self, message: str, *, response: httpx2.Response, text: str) -> None:
        openai.APIResponseValidationError.__init__(self, response, text, message=scrub(message))
        self.text = text
        self._init_openrouter({}, None, response)


class APIConnectionError(OpenRouterError, openai.APIConnectionError):
    """The server could not be reached (after every attempt the retry policy allowed); names the URL."""

    def __init__(self, *, message: str = "Connection error.", request: httpx2.Request) -> None:
        openai.APIConnectionError.__init__(self, message=scrub(message), request=request)


class APITimeoutError(APIConnectionError, openai.APITimeoutError):
    """The call did not finish in time: a read timed out, or the whole-call deadline passed."""

    def __init__(self, request: httpx2.Request, *, message: str = "Request timed out.") -> None:
        openai.APIConnectionError.__init__(self, message=scrub(message), request=request)


class StreamError(OpenRouterAPIError):
    """Any failure after a stream started; `partial` holds everything that had arrived before it.

    The concrete classes also subclass the matching `openai` class: a mid-stream error chunk is a
    `MidStreamError` *and* the status class for its code (so `except openai.RateLimitError` catches a
    mid-stream 429), a dropped connection is an `openai.APIConnectionError`, a stall an `openai.APITimeoutError`."""


class MidStreamError(StreamError):
    """An error chunk arrived in the middle of a stream (HTTP status already 200); `status_code` is its code."""


class _StreamFailure(StreamError, openai.APIError):
    """A stream that broke without an error chunk: bad data or a lost connection."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx2.Response,
        body: object,
        partial: ChatCompletionAccumulator | ResponseStreamAccumulator | MessageStreamAccumulator | None,
    ) -> None:
        error = _error_object(body)
        openai.APIError.__init__(self, scrub(message), response.request, body=error or body)
        self.response = response
        code = error.get("code")
        self.status_code = code if isinstance(code, int) else response.status_code
        self._init_openrouter(error, body, response)
        self.partial = partial
        if partial is not None and self.generation_id is None:
            self.generation_id = partial.generation_id


class StreamDecodeError(_StreamFailure):
    """A stream chunk was not valid JSON."""


class StreamInterruptedError(_StreamFailure, openai.APIConnectionError):
    """The connection dropped, or the body ended before the stream finished."""


class StreamTimeoutError(StreamInterruptedError, APITimeoutError):
    """The stream went silent for longer than the read timeout."""


_BY_STATUS: dict[int, type[_StatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    408: RequestTimeoutError,
    409: ConflictError,
    413: PayloadTooLargeError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    502: ProviderError,
    503: ServiceUnavailableError,
    504: GatewayTimeoutError,
    524: GatewayTimeoutError,
    529: ProviderError,
}
_NOT_PROVIDER_FAULTS = frozenset({503, 504, 524})
"""5xx that keep their own class even when the metadata names a provider (routing and edge timeouts)."""


def status_error_class(status: int, body: object) -> type[_StatusError]:
    """The class for an OpenRouter error with this status and body."""
    error = _error_object(body)
    metadata = _mapping(error.get("metadata")) or {}
    if status == 403 and metadata and ("reasons" in metadata or "flagged_input" in metadata):
        return ModerationError
    names_provider = bool(metadata.get("provider_name") or metadata.get("provider_code"))
    if status >= 500 and names_provider and status not in _NOT_PROVIDER_FAULTS:
        return ProviderError
    cls = _BY_STATUS.get(status)
    if cls is not None:
        return cls
    return InternalServerError if status >= 500 else UnexpectedStatusError


def make_status_error(
    message: str, *, body: object, response: httpx2.Response, status: int | None = None
) -> openai.APIStatusError:
    """Build the typed error for `status` (default: the response's); `body` is the whole JSON body."""
    code = response.status_code if status is None else status
    cls = status_error_class(code, body)
    if code in (401, 403) and cls is not ModerationError:
        message = _management_key_message(message, code, body, response)
    return cls(message, response=response, body=body, status=code)


def _management_key_message(message: str, status: int, body: object, response: httpx2.Response) -> str:
    """`message`, or (when the request was to an operation that needs a management key) one saying so, with
    OpenRouter's own words kept."""
    if MANAGEMENT_KEY_HELP in message:
        return message
    try:
        request = response.request
    except RuntimeError:  # a response built without a request (tests, hand-made errors)
        return message
    endpoint = management_key_endpoint(request.method, request.url.path)
    if endpoint is None:
        return message
    said: object = _error_object(body).get("message")
    said_text = f" (OpenRouter said: {said})" if isinstance(said, str) and said else ""
    return f"Error code: {status} - {endpoint}: {MANAGEMENT_KEY_HELP}{said_text}"


def management_key_endpoint(method: str, path: str) -> str | None:
    """`"GET /workspaces"` when `method` and the URL `path` are an operation that needs a management key, else
    None. The path is taken after OpenRouter's `/api/v1/`; without it (a proxy's base path) as its end."""
    base, api, rest = path.partition(_API_PREFIX)
    tail = "/" + rest if api else base
    for pattern, endpoint in _management_key_patterns().get(method.upper(), ()):
        found = pattern.fullmatch(tail)
        if found is not None and not (api and found.group("base")):
            return endpoint
    return None


_API_PREFIX = "/api/v1/"


@functools.cache
def _management_key_patterns() -> dict[str, list[tuple[re.Pattern[str], str]]]:
    """Per method, each template as a regex (`{param}` one path segment, any base path before it), the longest
    first so `/guardrails/{id}/assignments/keys` is named before `/keys`; compiled on first use."""
    by_method: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    ordered = sorted(MANAGEMENT_KEY_ROUTES, key=lambda route: (-route[1].count("/"), route[1].count("{")))
    for method, template in ordered:
        segments = ("[^/]+" if part.startswith("{") else re.escape(part) for part in template.strip("/").split("/"))
        pattern = re.compile("(?P<base>/.*)?/" + "/".join(segments) + "/?")
        by_method.setdefault(method, []).append((pattern, f"{method} {template}"))
    return by_method


_STATUS_BY_CODE_NAME: dict[str, int] = {
    "invalid_prompt": 400,
    "invalid_request": 400,
    "context_length_exceeded": 400,
    "authentication": 401,
    "payment_required": 402,
    "permission_denied": 403,
    "not_found": 404,
    "rate_limit_exceeded": 429,
    "server": 500,
    "server_error": 500,
    "provider_unavailable": 502,
    "provider_overloaded": 503,
    "timeout": 504,
}
"""Statuses for the named codes of Responses API errors (`error.code`) and OpenRouter's `error_type`."""


def error_status(error: dict[str, Any], default: int = 500) -> int:
    """The HTTP-like status in an error object: `code` as a number, a numeric string (older payloads), or a
    name (Responses API errors, e.g. `rate_limit_exceeded`), else the name in `error_type`."""
    code = error.get("code")
    if isinstance(code, int) and 100 <= code <= 599:
        return code
    if isinstance(code, str) and code.isdigit():
        return int(code)
    for name in (code, error.get("error_type")):
        if isinstance(name, str) and name in _STATUS_BY_CODE_NAME:
            return _STATUS_BY_CODE_NAME[name]
    return default


class MidStreamBadRequestError(BadRequestError, MidStreamError):
    """A mid-stream error chunk with code 400."""


class MidStreamAuthenticationError(AuthenticationError, MidStreamError):
    """A mid-stream error chunk with code 401."""


class MidStreamPaymentRequiredError(PaymentRequiredError, MidStreamError):
    """A mid-stream error chunk with code 402."""


class MidStreamPermissionDeniedError(PermissionDeniedError, MidStreamError):
    """A mid-stream error chunk with code 403."""


class MidStreamModerationError(ModerationError, MidStreamError):
    """A mid-stream error chunk: the output was flagged by moderation."""


class MidStreamNotFoundError(NotFoundError, MidStreamError):
    """A mid-stream error chunk with code 404."""


class MidStreamRequestTimeoutError(RequestTimeoutError, MidStreamError):
    """A mid-stream error chunk with code 408."""


class MidStreamConflictError(ConflictError, MidStreamError):
    """A mid-stream error chunk with code 409."""


class MidStreamPayloadTooLargeError(PayloadTooLargeError, MidStreamError):
    """A mid-stream error chunk with code 413."""


class MidStreamUnprocessableEntityError(UnprocessableEntityError, MidStreamError):
    """A mid-stream error chunk with code 422."""


class MidStreamRateLimitError(RateLimitError, MidStreamError):
    """A mid-stream error chunk with code 429."""


class MidStreamInternalServerError(InternalServerError, MidStreamError):
    """A mid-stream error chunk with a 5xx code of no class of its own."""


class MidStreamProviderError(ProviderError, MidStreamError):
    """A mid-stream error chunk: the upstream provider failed (502, 529, or a 5xx naming a provider)."""


class MidStreamServiceUnavailableError(ServiceUnavailableError, MidStreamError):
    """A mid-stream error chunk with code 503."""


class MidStreamGatewayTimeoutError(GatewayTimeoutError, MidStreamError):
    """A mid-stream error chunk with code 504 or 524."""


class MidStreamUnexpectedStatusError(UnexpectedStatusError, MidStreamError):
    """A mid-stream error chunk with a 4xx code of no class of its own."""


_MIDSTREAM_CLASSES: dict[type[_StatusError], type[_StatusError]] = {
    BadRequestError: MidStreamBadRequestError,
    AuthenticationError: MidStreamAuthenticationError,
    PaymentRequiredError: MidStreamPaymentRequiredError,
    PermissionDeniedError: MidStreamPermissionDeniedError,
    ModerationError: MidStreamModerationError,
    NotFoundError: MidStreamNotFoundError,
    RequestTimeoutError: MidStreamRequestTimeoutError,
    ConflictError: MidStreamConflictError,
    PayloadTooLargeError: MidStreamPayloadTooLargeError,
    UnprocessableEntityError: MidStreamUnprocessableEntityError,
    RateLimitError: MidStreamRateLimitError,
    InternalServerError: MidStreamInternalServerError,
    ProviderError: MidStreamProviderError,
    ServiceUnavailableError: MidStreamServiceUnavailableError,
    GatewayTimeoutError: MidStreamGatewayTimeoutError,
    UnexpectedStatusError: MidStreamUnexpectedStatusError,
}
"""Status class -> its mid-stream twin (also a `MidStreamError`): every class `status_error_class` returns."""


def midstream_error_class(cls: type[_StatusError]) -> type[_StatusError]:
    """`cls` for an error chunk: the same status class, also a `MidStreamError`."""
    return _MIDSTREAM_CLASSES[cls]


def stream_error_from_chunk(chunk: Any, *, response: httpx2.Response, partial: ChatCompletionAccumulator) -> Exception:
    """The typed error for an error chunk in the middle of a stream, holding everything received before it."""
    body: dict[str, Any] = chunk.to_dict()
    error = _mapping(body.get("error")) or {}
    status = error_status(error)
    cls = midstream_error_class(status_error_class(status, body))
    message = f"Error code: {status} (mid-stream) - {error.get('message') or 'An error occurred during streaming'}"
    exc = cls(message, response=response, body=body, status=status)
    exc.partial = partial
    exc.generation_id = exc.generation_id or partial.generation_id
    return exc


def stream_decode_error(
    exc: Exception,
    *,
    response: httpx2.Response,
    partial: ChatCompletionAccumulator | ResponseStreamAccumulator | MessageStreamAccumulator,
) -> StreamDecodeError:
    """The error for a chunk that is not valid JSON (or bytes that are not UTF-8)."""
    what = "Invalid UTF-8 in the stream" if isinstance(exc, UnicodeDecodeError) else "Malformed JSON in stream chunk"
    return StreamDecodeError(f"{what}: {exc}", response=response, body=None, partial=partial)


def stream_interrupted_error(
    exc: openai.APIConnectionError | None,
    *,
    response: httpx2.Response,
    partial: ChatCompletionAccumulator | ResponseStreamAccumulator | MessageStreamAccumulator,
) -> StreamInterruptedError:
    """The error for a connection lost (`exc`), timed out, or a body that ended before the stream finished (None)."""
    if isinstance(exc, openai.APITimeoutError):
        return StreamTimeoutError(
            f"The stream timed out after {partial.chunks_seen} chunks", response=response, body=None, partial=partial
        )
    how = "was interrupted" if exc is not None else "ended before it finished (no [DONE], no finish_reason)"
    return StreamInterruptedError(
        f"The stream {how} after {partial.chunks_seen} chunks", response=response, body=None, partial=partial
    )


def _mapping(value: object) -> dict[str, Any] | None:
    """`value` when it is a JSON object, else None."""
    return value if is_object(value) else None


def _error_object(body: object) -> dict[str, Any]:
    """The `error` object of an error body (or the body itself when it is one); empty when there is none."""
    top = _mapping(body)
    if top is None:
        return {}
    error = _mapping(top.get("error"))
    if error is not None:
        return error
    return top if "message" in top and "code" in top else {}


def error_in_200_body(
    data: object, *, response: httpx2.Response, expects_choices: bool = False
) -> openai.APIStatusError | None:
    """The typed error hidden in a 200 body: `{"error": ...}` with no result, or (when the result type has
    choices) `choices` missing, null or empty. None when the body is a real result."""
    data = _mapping(data)
    if data is None:
        return None
    error = _mapping(data.get("error"))
    # a Responses API result with `status: failed` carries `error` and is a normal `Response` (as in `openai`)
    is_response = data.get("object") == "response" and "status" in data
    has_result = is_response or bool(data.get("choices")) or data.get("data") is not None or bool(data.get("output"))
    if error and not has_result:
        status = error_status({"error_type": data.get("error_type"), **error}, default=502)
        message = f"Error code: {status} (in a 200 response) - {error.get('message') or 'unknown error'}"
        return make_status_error(message, body=data, response=response, status=status)
    choices: object = data.get("choices")
    if expects_choices and not (isinstance(choices, list) and choices):
        what = "null choices" if "choices" in data and choices is None else "no choices"
        body: dict[str, Any] = {**data, "error": {"code": 502, "message": f"The provider returned {what}"}}
        return make_status_error(
            f"Error code: 502 (in a 200 response) - the provider returned {what}",
            body=body,
            response=response,
            status=502,
        )
    return None
