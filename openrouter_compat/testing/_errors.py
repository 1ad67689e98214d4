"""OpenRouter-shaped error bodies, and the replies for faults that answer with a fixed error."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from .._json import is_array, is_object
from ._catalogue import default_provider
from ._faults import Fault
from ._records import RecordedRequest
from ._replies import JsonReply
from ._settings import USER_ID

DEFAULT_MESSAGES: dict[int, str] = {
    400: "Invalid request parameters",
    401: "User not found.",
    402: "Insufficient credits. Add more using https://openrouter.ai/credits",
    403: "Forbidden",
    404: "Resource not found",
    405: "Method not allowed",
    408: "Request timed out",
    413: "Payload too large",
    422: "Unprocessable entity",
    429: "Rate limit exceeded",
    500: "Internal Server Error",
    502: "Provider returned error",
    503: "No available provider meets your routing requirements",
    504: "Gateway timeout",
    524: "Request timed out. Please try again later.",
    529: "Provider returned error",
}

ERROR_TYPES: dict[int, str] = {
    400: "invalid_request",
    401: "authentication",
    402: "payment_required",
    403: "permission_denied",
    404: "not_found",
    408: "timeout",
    413: "payload_too_large",
    422: "unprocessable",
    429: "rate_limit_exceeded",
    500: "server",
    502: "provider_unavailable",
    503: "provider_unavailable",
    504: "timeout",
    524: "timeout",
    529: "provider_overloaded",
}


class ApiError(Exception):
    """Raised by handlers to answer with an OpenRouter error body."""

    def __init__(
        self,
        code: int,
        message: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        *,
        with_user: bool = True,
    ) -> None:
        """Keep the pieces of the error body; the message defaults per status code."""
        self.code = code
        self.message = message or default_message(code)
        self.metadata = metadata
        self.with_user = with_user
        super().__init__(self.message)

    def reply(self) -> JsonReply:
        """The JSON reply for this error."""
        return JsonReply(self.code, error_body(self.code, self.message, self.metadata, with_user=self.with_user))


def default_message(code: int) -> str:
    """The message OpenRouter typically sends for a status code."""
    return DEFAULT_MESSAGES.get(code, "Error")


def error_type(code: int) -> str:
    """The 2026 ``error_type`` vocabulary entry for a status code."""
    return ERROR_TYPES.get(code, "unmapped")


def error_object(code: int, message: str, metadata: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The inner ``error`` object: code, message and optional metadata."""
    inner: dict[str, Any] = {"code": code, "message": message}
    if metadata is not None:
        inner["metadata"] = dict(metadata)
    return inner


def error_body(
    code: int, message: str, metadata: Mapping[str, Any] | None = None, *, with_user: bool = True
) -> dict[str, Any]:
    """A whole error document ``{"error": {...}, "user_id": ...}``."""
    body: dict[str, Any] = {"error": error_object(code, message, metadata)}
    if with_user:
        body["user_id"] = USER_ID
    return body


def fault_reply(fault: Fault, request: RecordedRequest) -> JsonReply:
    """The reply for a fault that answers without running the endpoint."""
    model = _requested_model(request)
    if fault.kind == "rate_limited":
        return _rate_limited(fault)
    if fault.kind == "moderation":
        meta = dict(fault.metadata or {})
        meta["model_slug"] = model
        reasons = ", ".join(f'"{r}"' for r in meta.get("reasons", []))
        message = (
            f"{model} requires moderation on {meta.get('provider_name')}. "
            f"Your input was flagged for {reasons}. No credits were charged."
        )
        return JsonReply(403, error_body(403, message, meta))
    if fault.kind == "provider_error":
        body = error_body(fault.code, "Provider returned error", _provider_meta(fault))
        if fault.shape != "2025":
            body["error"]["error_type"] = error_type(fault.code)
        return JsonReply(fault.code, body)
    if fault.kind == "error_body_200":
        return JsonReply(200, error_body(fault.code, fault.message or default_message(fault.code), {}))
    if fault.kind == "null_choices_200":
        return JsonReply(200, _null_choices(model))
    code = fault.code
    if fault.body is not None:
        return JsonReply(code, fault.body, dict(fault.headers))
    meta = dict(fault.metadata) if fault.metadata is not None else {}
    return JsonReply(code, error_body(code, fault.message or default_message(code), meta), dict(fault.headers))


def _rate_limited(fault: Fault) -> JsonReply:
    """A platform 429 with the rate-limit headers the real API sends."""
    wait = fault.retry_after if fault.retry_after is not None else 1.0
    reset = fault.reset_ms if fault.reset_ms is not None else int((time.time() + wait) * 1000)
    limit_headers = {"X-RateLimit-Limit": "20", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)}
    headers = dict(limit_headers)
    if fault.retry_after is not None:
        seconds = fault.retry_after
        headers["Retry-After"] = str(int(seconds)) if float(seconds).is_integer() else str(seconds)
    body = error_body(429, "Rate limit exceeded: free-models-per-min. ", {"headers": limit_headers})
    return JsonReply(429, body, headers)


def _provider_meta(fault: Fault) -> dict[str, Any]:
    """Provider-error metadata in the 2025 shape, the 2026 shape, or both."""
    meta = dict(fault.metadata or {})
    legacy = {"provider_name": meta.get("provider_name"), "raw": meta.get("raw")}
    modern = {"error_type": error_type(fault.code), "provider_code": meta.get("provider_code")}
    if fault.shape == "2025":
        return legacy
    if fault.shape == "2026":
        return modern
    return {**legacy, **modern}


def _null_choices(model: str) -> dict[str, Any]:
    """A completion whose ``choices`` is null, as some upstreams return during failures."""
    now = int(time.time())
    return {
        "id": f"gen-{now}-emulatornullchoices",
        "provider": default_provider(model),
        "model": model,
        "object": "chat.completion",
        "created": now,
        "choices": None,
        "system_fingerprint": None,
    }


def _requested_model(request: RecordedRequest) -> str:
    """The model a request asked for, for error messages and metadata."""
    body = request.json if is_object(request.json) else {}
    model = body.get("model")
    if isinstance(model, str):
        return model
    models = body.get("models")
    if is_array(models) and models and isinstance(models[0], str):
        return models[0]
    return "openrouter/auto"
