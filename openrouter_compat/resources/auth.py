"""`client.auth`: OAuth PKCE — `POST /auth/keys/code` makes a code, `POST /auth/keys` trades it for a key.

The browser step between them (sending the user to `lib.pkce.authorization_url(...)`) is in `lib/pkce.py`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import httpx2
from openai._compat import cached_property
from openai._legacy_response import async_to_raw_response_wrapper, to_raw_response_wrapper
from openai._resource import AsyncAPIResource, SyncAPIResource
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Body, Headers, NotGiven, Omit, Query, not_given, omit

from ..types.auth import AuthCode, AuthCreateCodeParams, AuthExchangeCodeParams, AuthKey, CodeChallengeMethod
from ._platform import data_of, platform_options, validated

__all__ = [
    "AsyncAuth",
    "AsyncAuthWithRawResponse",
    "AsyncAuthWithStreamingResponse",
    "Auth",
    "AuthWithRawResponse",
    "AuthWithStreamingResponse",
]

UsageLimitType = Literal["daily", "weekly", "monthly"]


def _create_code_body(
    *,
    callback_url: str,
    code_challenge: str | Omit,
    code_challenge_method: CodeChallengeMethod | Omit,
    limit: float | Omit,
    key_label: str | Omit,
    usage_limit_type: UsageLimitType | Omit,
    expires_at: datetime | str | Omit | None,
    workspace_id: str | Omit,
) -> dict[str, Any]:
    """The validated body of `POST /auth/keys/code`."""
    return validated(
        AuthCreateCodeParams,
        {
            "callback_url": callback_url,
            "code_challenge": code_challenge,
            "code_challenge_method": code_challenge_method,
            "limit": limit,
            "key_label": key_label,
            "usage_limit_type": usage_limit_type,
            "expires_at": expires_at,
            "workspace_id": workspace_id,
        },
    )


def _exchange_code_body(
    code: str, code_verifier: str | Omit, code_challenge_method: CodeChallengeMethod | Omit | None
) -> dict[str, Any]:
    """The validated body of `POST /auth/keys`."""
    return validated(
        AuthExchangeCodeParams,
        {"code": code, "code_verifier": code_verifier, "code_challenge_method": code_challenge_method},
    )


class Auth(SyncAPIResource):
    """OAuth PKCE: let a user create a key for your app from their own account."""

    @cached_property
    def with_raw_response(self) -> AuthWithRawResponse:
        return AuthWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AuthWithStreamingResponse:
        return AuthWithStreamingResponse(self)

    def create_code(
        self,
        *,
        callback_url: str,
        code_challenge: str | Omit = omit,
        code_challenge_method: CodeChallengeMethod | Omit = omit,
        limit: float | Omit = omit,
        key_label: str | Omit = omit,
        usage_limit_type: UsageLimitType | Omit = omit,
        expires_at: datetime | str | Omit | None = omit,
        workspace_id: str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> AuthCode:
        """Create an authorization code bound to `code_challenge` (see `lib.pkce.PKCE`)."""
        body = _create_code_body(
            callback_url=callback_url,
            code_challenge=code_challenge,
            code_challenge_method=code_challenge_method,
            limit=limit,
            key_label=key_label,
            usage_limit_type=usage_limit_type,
            expires_at=expires_at,
            workspace_id=workspace_id,
        )
        return self._post(
            "/auth/keys/code",
            body=body,
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(AuthCode),
        )

    def exchange_code(
        self,
        *,
        code: str,
        code_verifier: str | Omit = omit,
        code_challenge_method: CodeChallengeMethod | Omit | None = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> AuthKey:
        """Trade the `code` from the callback, and the PKCE verifier, for the user's key (`.key` is secret)."""
        body = _exchange_code_body(code, code_verifier, code_challenge_method)
        return self._post(
            "/auth/keys",
            body=body,
            options=platform_options(extra_headers, extra_query, extra_body, timeout),
            cast_to=AuthKey,
        )


class AsyncAuth(AsyncAPIResource):
    """The async twin of `Auth`."""

    @cached_property
    def with_raw_response(self) -> AsyncAuthWithRawResponse:
        return AsyncAuthWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncAuthWithStreamingResponse:
        return AsyncAuthWithStreamingResponse(self)

    async def create_code(
        self,
        *,
        callback_url: str,
        code_challenge: str | Omit = omit,
        code_challenge_method: CodeChallengeMethod | Omit = omit,
        limit: float | Omit = omit,
        key_label: str | Omit = omit,
        usage_limit_type: UsageLimitType | Omit = omit,
        expires_at: datetime | str | Omit | None = omit,
        workspace_id: str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> AuthCode:
        """Create an authorization code bound to `code_challenge` (see `lib.pkce.PKCE`)."""
        body = _create_code_body(
            callback_url=callback_url,
            code_challenge=code_challenge,
            code_challenge_method=code_challenge_method,
            limit=limit,
            key_label=key_label,
            usage_limit_type=usage_limit_type,
            expires_at=expires_at,
            workspace_id=workspace_id,
        )
        return await self._post(
            "/auth/keys/code",
            body=body,
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(AuthCode),
        )

    async def exchange_code(
        self,
        *,
        code: str,
        code_verifier: str | Omit = omit,
        code_challenge_method: CodeChallengeMethod | Omit | None = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> AuthKey:
        """Trade the `code` from the callback, and the PKCE verifier, for the user's key (`.key` is secret)."""
        body = _exchange_code_body(code, code_verifier, code_challenge_method)
        return await self._post(
            "/auth/keys",
            body=body,
            options=platform_options(extra_headers, extra_query, extra_body, timeout),
            cast_to=AuthKey,
        )


class AuthWithRawResponse:
    def __init__(self, auth: Auth) -> None:
        self._auth = auth
        self.create_code = to_raw_response_wrapper(auth.create_code)
        self.exchange_code = to_raw_response_wrapper(auth.exchange_code)


class AsyncAuthWithRawResponse:
    def __init__(self, auth: AsyncAuth) -> None:
        self._auth = auth
        self.create_code = async_to_raw_response_wrapper(auth.create_code)
        self.exchange_code = async_to_raw_response_wrapper(auth.exchange_code)


class AuthWithStreamingResponse:
    def __init__(self, auth: Auth) -> None:
        self._auth = auth
        self.create_code = to_streamed_response_wrapper(auth.create_code)
        self.exchange_code = to_streamed_response_wrapper(auth.exchange_code)


class AsyncAuthWithStreamingResponse:
    def __init__(self, auth: AsyncAuth) -> None:
        self._auth = auth
        self.create_code = async_to_streamed_response_wrapper(auth.create_code)
        self.exchange_code = async_to_streamed_response_wrapper(auth.exchange_code)
