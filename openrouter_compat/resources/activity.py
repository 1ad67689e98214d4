"""`client.activity`: `GET /activity`, daily usage by model and endpoint (management key required)."""

from __future__ import annotations

import datetime
from typing import Any, Literal

import httpx2
from openai._compat import cached_property
from openai._legacy_response import async_to_raw_response_wrapper, to_raw_response_wrapper
from openai._resource import AsyncAPIResource, SyncAPIResource
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Body, Headers, NotGiven, Omit, Query, not_given, omit

from ..types.activity import ActivityItem, ActivityListParams
from ._platform import data_of, platform_options, validated

__all__ = [
    "Activity",
    "ActivityWithRawResponse",
    "ActivityWithStreamingResponse",
    "AsyncActivity",
    "AsyncActivityWithRawResponse",
    "AsyncActivityWithStreamingResponse",
]


def _list_query(
    date: str | datetime.date | Omit,
    api_key_hash: str | Omit,
    user_id: str | Omit,
    group_by: Literal["workspace"] | Omit,
    workspace_id: str | Omit,
) -> dict[str, Any]:
    """The validated query of `GET /activity`."""
    return validated(
        ActivityListParams,
        {
            "date": date,
            "api_key_hash": api_key_hash,
            "user_id": user_id,
            "group_by": group_by,
            "workspace_id": workspace_id,
        },
    )


class Activity(SyncAPIResource):
    """Usage of the last 30 days, one row per day, model and endpoint."""

    @cached_property
    def with_raw_response(self) -> ActivityWithRawResponse:
        return ActivityWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ActivityWithStreamingResponse:
        return ActivityWithStreamingResponse(self)

    def list(
        self,
        *,
        date: str | datetime.date | Omit = omit,
        api_key_hash: str | Omit = omit,
        user_id: str | Omit = omit,
        group_by: Literal["workspace"] | Omit = omit,
        workspace_id: str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> list[ActivityItem]:
        """Activity rows, optionally for one UTC `date` (`YYYY-MM-DD`), key, org member or workspace."""
        query = _list_query(date, api_key_hash, user_id, group_by, workspace_id)
        return self._get(
            "/activity",
            options=platform_options(extra_headers, extra_query, extra_body, timeout, query=query, unwrap=True),
            cast_to=data_of(list[ActivityItem]),
        )


class AsyncActivity(AsyncAPIResource):
    """The async twin of `Activity`."""

    @cached_property
    def with_raw_response(self) -> AsyncActivityWithRawResponse:
        return AsyncActivityWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncActivityWithStreamingResponse:
        return AsyncActivityWithStreamingResponse(self)

    async def list(
        self,
        *,
        date: str | datetime.date | Omit = omit,
        api_key_hash: str | Omit = omit,
        user_id: str | Omit = omit,
        group_by: Literal["workspace"] | Omit = omit,
        workspace_id: str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> list[ActivityItem]:
        """Activity rows, optionally for one UTC `date` (`YYYY-MM-DD`), key, org member or workspace."""
        query = _list_query(date, api_key_hash, user_id, group_by, workspace_id)
        return await self._get(
            "/activity",
            options=platform_options(extra_headers, extra_query, extra_body, timeout, query=query, unwrap=True),
            cast_to=data_of(list[ActivityItem]),
        )


class ActivityWithRawResponse:
    def __init__(self, activity: Activity) -> None:
        self._activity = activity
        self.list = to_raw_response_wrapper(activity.list)


class AsyncActivityWithRawResponse:
    def __init__(self, activity: AsyncActivity) -> None:
        self._activity = activity
        self.list = async_to_raw_response_wrapper(activity.list)


class ActivityWithStreamingResponse:
    def __init__(self, activity: Activity) -> None:
        self._activity = activity
        self.list = to_streamed_response_wrapper(activity.list)


class AsyncActivityWithStreamingResponse:
    def __init__(self, activity: AsyncActivity) -> None:
        self._activity = activity
        self.list = async_to_streamed_response_wrapper(activity.list)
