"""`client.keys`: `/keys` and `/keys/{hash}`, managing the account's API keys (management key required).

Users who keep a separate management key call these through a copy of the client:
`client.with_options(api_key=MANAGEMENT_KEY).keys.list()`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx2
from openai._compat import cached_property
from openai._legacy_response import async_to_raw_response_wrapper, to_raw_response_wrapper
from openai._resource import AsyncAPIResource, SyncAPIResource
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Body, Headers, NotGiven, Omit, Query, not_given, omit
from openai._utils import path_template

from ..types.keys import (
    ApiKey,
    KeyCreated,
    KeyDeleted,
    KeysCreateParams,
    KeysListParams,
    KeysUpdateParams,
    LimitReset,
)
from ._platform import data_of, platform_options, validated

__all__ = [
    "AsyncKeys",
    "AsyncKeysWithRawResponse",
    "AsyncKeysWithStreamingResponse",
    "Keys",
    "KeysWithRawResponse",
    "KeysWithStreamingResponse",
]


def _key_path(hash: str) -> str:
    if not hash:
        raise ValueError(f"Expected a non-empty value for `hash` but received {hash!r}")
    return path_template("/keys/{hash}", hash=hash)


def _list_query(include_disabled: bool | Omit, offset: int | Omit, workspace_id: str | Omit) -> dict[str, Any]:
    """The validated query of `GET /keys`."""
    return validated(
        KeysListParams, {"include_disabled": include_disabled, "offset": offset, "workspace_id": workspace_id}
    )


def _create_body(
    *,
    name: str,
    limit: float | Omit | None,
    limit_reset: LimitReset | Omit | None,
    include_byok_in_limit: bool | Omit,
    expires_at: datetime | str | Omit | None,
    workspace_id: str | Omit,
    creator_user_id: str | Omit | None,
) -> dict[str, Any]:
    """The validated body of `POST /keys`."""
    return validated(
        KeysCreateParams,
        {
            "name": name,
            "limit": limit,
            "limit_reset": limit_reset,
            "include_byok_in_limit": include_byok_in_limit,
            "expires_at": expires_at,
            "workspace_id": workspace_id,
            "creator_user_id": creator_user_id,
        },
    )


def _update_body(
    name: str | Omit,
    disabled: bool | Omit,
    limit: float | Omit | None,
    limit_reset: LimitReset | Omit | None,
    include_byok_in_limit: bool | Omit,
) -> dict[str, Any]:
    """The validated body of `PATCH /keys/{hash}`."""
    return validated(
        KeysUpdateParams,
        {
            "name": name,
            "disabled": disabled,
            "limit": limit,
            "limit_reset": limit_reset,
            "include_byok_in_limit": include_byok_in_limit,
        },
    )


class Keys(SyncAPIResource):
    """List, create, inspect, change and delete API keys. The secret of a new key is shown only once."""

    @cached_property
    def with_raw_response(self) -> KeysWithRawResponse:
        return KeysWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> KeysWithStreamingResponse:
        return KeysWithStreamingResponse(self)

    def list(
        self,
        *,
        include_disabled: bool | Omit = omit,
        offset: int | Omit = omit,
        workspace_id: str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> list[ApiKey]:
        """The account's keys (enabled only unless `include_disabled`), from `offset`."""
        query = _list_query(include_disabled, offset, workspace_id)
        return self._get(
            "/keys",
            options=platform_options(extra_headers, extra_query, extra_body, timeout, query=query, unwrap=True),
            cast_to=data_of(list[ApiKey]),
        )

    def create(
        self,
        *,
        name: str,
        limit: float | Omit | None = omit,
        limit_reset: LimitReset | Omit | None = omit,
        include_byok_in_limit: bool | Omit = omit,
        expires_at: datetime | str | Omit | None = omit,
        workspace_id: str | Omit = omit,
        creator_user_id: str | Omit | None = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> KeyCreated:
        """Create a key. `result.key.get_secret_value()` is its secret: store it now, it is never shown again."""
        body = _create_body(
            name=name,
            limit=limit,
            limit_reset=limit_reset,
            include_byok_in_limit=include_byok_in_limit,
            expires_at=expires_at,
            workspace_id=workspace_id,
            creator_user_id=creator_user_id,
        )
        return self._post(
            "/keys",
            body=body,
            options=platform_options(extra_headers, extra_query, extra_body, timeout),
            cast_to=KeyCreated,
        )

    def retrieve(
        self,
        hash: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> ApiKey:
        """The key with this `hash`."""
        path = _key_path(hash)
        return self._get(
            path,
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(ApiKey),
        )

    def update(
        self,
        hash: str,
        *,
        name: str | Omit = omit,
        disabled: bool | Omit = omit,
        limit: float | Omit | None = omit,
        limit_reset: LimitReset | Omit | None = omit,
        include_byok_in_limit: bool | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> ApiKey:
        """Change the given fields of the key with this `hash` (`limit=None` removes the limit)."""
        path = _key_path(hash)
        body = _update_body(name, disabled, limit, limit_reset, include_byok_in_limit)
        return self._patch(
            path,
            body=body,
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(ApiKey),
        )

    def delete(
        self,
        hash: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> KeyDeleted:
        """Delete the key with this `hash`."""
        path = _key_path(hash)
        return self._delete(
            path,
            options=platform_options(extra_headers, extra_query, extra_body, timeout),
            cast_to=KeyDeleted,
        )


class AsyncKeys(AsyncAPIResource):
    """The async twin of `Keys`."""

    @cached_property
    def with_raw_response(self) -> AsyncKeysWithRawResponse:
        return AsyncKeysWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncKeysWithStreamingResponse:
        return AsyncKeysWithStreamingResponse(self)

    async def list(
        self,
        *,
        include_disabled: bool | Omit = omit,
        offset: int | Omit = omit,
        workspace_id: str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> list[ApiKey]:
        """The account's keys (enabled only unless `include_disabled`), from `offset`."""
        query = _list_query(include_disabled, offset, workspace_id)
        return await self._get(
            "/keys",
            options=platform_options(extra_headers, extra_query, extra_body, timeout, query=query, unwrap=True),
            cast_to=data_of(list[ApiKey]),
        )

    async def create(
        self,
        *,
        name: str,
        limit: float | Omit | None = omit,
        limit_reset: LimitReset | Omit | None = omit,
        include_byok_in_limit: bool | Omit = omit,
        expires_at: datetime | str | Omit | None = omit,
        workspace_id: str | Omit = omit,
        creator_user_id: str | Omit | None = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> KeyCreated:
        """Create a key. `result.key.get_secret_value()` is its secret: store it now, it is never shown again."""
        body = _create_body(
            name=name,
            limit=limit,
            limit_reset=limit_reset,
            include_byok_in_limit=include_byok_in_limit,
            expires_at=expires_at,
            workspace_id=workspace_id,
            creator_user_id=creator_user_id,
        )
        return await self._post(
            "/keys",
            body=body,
            options=platform_options(extra_headers, extra_query, extra_body, timeout),
            cast_to=KeyCreated,
        )

    async def retrieve(
        self,
        hash: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> ApiKey:
        """The key with this `hash`."""
        path = _key_path(hash)
        return await self._get(
            path,
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(ApiKey),
        )

    async def update(
        self,
        hash: str,
        *,
        name: str | Omit = omit,
        disabled: bool | Omit = omit,
        limit: float | Omit | None = omit,
        limit_reset: LimitReset | Omit | None = omit,
        include_byok_in_limit: bool | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> ApiKey:
        """Change the given fields of the key with this `hash` (`limit=None` removes the limit)."""
        path = _key_path(hash)
        body = _update_body(name, disabled, limit, limit_reset, include_byok_in_limit)
        return await self._patch(
            path,
            body=body,
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(ApiKey),
        )

    async def delete(
        self,
        hash: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> KeyDeleted:
        """Delete the key with this `hash`."""
        path = _key_path(hash)
        return await self._delete(
            path,
            options=platform_options(extra_headers, extra_query, extra_body, timeout),
            cast_to=KeyDeleted,
        )


class KeysWithRawResponse:
    def __init__(self, keys: Keys) -> None:
        self._keys = keys
        self.list = to_raw_response_wrapper(keys.list)
        self.create = to_raw_response_wrapper(keys.create)
        self.retrieve = to_raw_response_wrapper(keys.retrieve)
        self.update = to_raw_response_wrapper(keys.update)
        self.delete = to_raw_response_wrapper(keys.delete)


class AsyncKeysWithRawResponse:
    def __init__(self, keys: AsyncKeys) -> None:
        self._keys = keys
        self.list = async_to_raw_response_wrapper(keys.list)
        self.create = async_to_raw_response_wrapper(keys.create)
        self.retrieve = async_to_raw_response_wrapper(keys.retrieve)
        self.update = async_to_raw_response_wrapper(keys.update)
        self.delete = async_to_raw_response_wrapper(keys.delete)


class KeysWithStreamingResponse:
    def __init__(self, keys: Keys) -> None:
        self._keys = keys
        self.list = to_streamed_response_wrapper(keys.list)
        self.create = to_streamed_response_wrapper(keys.create)
        self.retrieve = to_streamed_response_wrapper(keys.retrieve)
        self.update = to_streamed_response_wrapper(keys.update)
        self.delete = to_streamed_response_wrapper(keys.delete)


class AsyncKeysWithStreamingResponse:
    def __init__(self, keys: AsyncKeys) -> None:
        self._keys = keys
        self.list = async_to_streamed_response_wrapper(keys.list)
        self.create = async_to_streamed_response_wrapper(keys.create)
        self.retrieve = async_to_streamed_response_wrapper(keys.retrieve)
        self.update = async_to_streamed_response_wrapper(keys.update)
        self.delete = async_to_streamed_response_wrapper(keys.delete)
