"""Plumbing shared by OpenRouter's account and platform resources, sync and async.

One place for: the request options these endpoints need (bearer auth, query,
post-parser), the validated request bodies, and rewording an API error while keeping its typed class. (The
"needs a management key" wording of a 401/403 is the error stage's: `_exceptions.make_status_error`.)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

import httpx2
import openai
from openai._base_client import make_request_options
from openai._types import Body, Headers, NotGiven, Omit, Query, RequestOptions, not_given
from openai._utils import maybe_transform

from .._exceptions import make_status_error
from .._extras import validate_fields
from ._envelope import DataEnvelope, unwrap_data

__all__ = [
    "data_of",
    "platform_options",
    "reworded",
    "server_message",
    "utc_timestamp",
    "validated",
]

_T = TypeVar("_T")


def data_of(type_: type[_T]) -> type[_T]:
    """The `cast_to` for a body `{"data": T}`, typed as T: pair with `platform_options(unwrap=True)`."""
    return cast("type[_T]", DataEnvelope[type_])  # type: ignore[valid-type]


def platform_options(
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    *,
    query: Query | None = None,
    unwrap: bool = False,
) -> RequestOptions:
    """`make_request_options` with bearer auth, and with `unwrap` the `{"data": ...}` envelope removed.

    The resources pass their methods' own `extra_*`/`timeout` arguments positionally, in signature order."""
    return make_request_options(
        query=query,
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
        post_parser=unwrap_data if unwrap else not_given,
        security={"bearer_auth": True},
    )


def validated(params_type: Any, values: Mapping[str, Any]) -> dict[str, Any]:
    """The given (non-omitted) values, checked against `params_type` and serialised: datetimes as UTC
    `...Z` strings (naive ones taken as UTC, as OpenRouter's API is), dates as `YYYY-MM-DD`."""
    given = {name: value for name, value in values.items() if not isinstance(value, Omit)}
    validate_fields(given, params_type)
    given = {name: utc_timestamp(value) if isinstance(value, datetime) else value for name, value in given.items()}
    return cast("dict[str, Any]", maybe_transform(given, params_type))


def utc_timestamp(value: datetime) -> str:
    """`2027-12-31T23:59:59Z`: the ISO 8601 UTC form OpenRouter documents for `expires_at`."""
    utc = value.astimezone(UTC) if value.tzinfo is not None else value
    return utc.replace(tzinfo=None).isoformat() + "Z"


def reworded(exc: openai.APIStatusError, message: str) -> openai.APIStatusError:
    """The same typed error (same status, body and response) with a clearer message."""
    try:
        body: object = exc.response.json()
    except ValueError:
        body = exc.body
    return make_status_error(message, body=body, response=exc.response, status=exc.status_code)


def server_message(exc: openai.APIStatusError) -> str | None:
    """The `error.message` OpenRouter sent, if any."""
    raw: object = exc.body
    body = cast("dict[str, object]", raw) if isinstance(raw, dict) else {}
    message = body.get("message")
    return message if isinstance(message, str) and message else None
