"""Pages of OpenRouter list endpoints: `openai`'s `SyncPage`/`AsyncPage`, following the next page when there is one.

`GET /models` returns the whole list unless `limit`/`offset` are sent; then it answers
`{"data": [...], "links": {"next": "/api/v1/models?offset=500&limit=500"}, "total_count": N}` (`*ListPage`).
The generated offset/limit lists (`/guardrails`, `/workspaces`, `/presets`, ...) answer `{"data": [...],
"total_count": N}` (or a `meta` object): `*OffsetPage` asks for the next `offset` until `total_count` items, a
short page or an empty one. `GET /files` pages by cursor in one of three shapes (`_shape`): `*CursorListPage`
sends OpenRouter's `cursor`, else the last id as `after_id` (Anthropic's shape) or `after` (OpenAI's).
"""

from __future__ import annotations

from typing import Generic, TypeVar

import httpx2
from openai._base_client import PageInfo
from openai._models import BaseModel
from openai.pagination import AsyncCursorPage, AsyncPage, SyncCursorPage, SyncPage
from pydantic import Field
from typing_extensions import override

__all__ = [
    "AsyncCursorListPage",
    "AsyncListPage",
    "AsyncOffsetPage",
    "PageLinks",
    "SyncCursorListPage",
    "SyncListPage",
    "SyncOffsetPage",
]

_T = TypeVar("_T")


class PageLinks(BaseModel):
    """`links.next`: the path of the next page, or None on the last one."""

    next: str | None = None


class SyncListPage(SyncPage[_T], Generic[_T]):
    """A list page; iterating it fetches the following pages when the server paginates."""

    object: str = "list"
    total_count: int | None = None
    links: PageLinks | None = None

    @override
    def next_page_info(self) -> PageInfo | None:  # type: ignore[override]  # openai's page never has a next one
        return _next_page(self.links)


class AsyncListPage(AsyncPage[_T], Generic[_T]):
    """The async twin of `SyncListPage`."""

    object: str = "list"
    total_count: int | None = None
    links: PageLinks | None = None

    @override
    def next_page_info(self) -> PageInfo | None:  # type: ignore[override]  # openai's page never has a next one
        return _next_page(self.links)


def _next_page(links: PageLinks | None) -> PageInfo | None:
    """The query of `links.next` (offset/limit and filters) as the next request's parameters."""
    if links is None or not links.next:
        return None
    params = dict(httpx2.URL(links.next).params.multi_items())
    return PageInfo(params=params) if params else None


class SyncOffsetPage(SyncPage[_T], Generic[_T]):
    """A page of an offset/limit list; iterating it fetches the following pages (`offset` advanced)."""

    total_count: int | None = None

    @override
    def next_page_info(self) -> PageInfo | None:  # type: ignore[override]  # openai's page never has a next one
        return _next_offset(self._options.params, len(self.data), self.total_count)


class AsyncOffsetPage(AsyncPage[_T], Generic[_T]):
    """The async twin of `SyncOffsetPage`."""

    total_count: int | None = None

    @override
    def next_page_info(self) -> PageInfo | None:  # type: ignore[override]  # openai's page never has a next one
        return _next_offset(self._options.params, len(self.data), self.total_count)


def _next_offset(params: object, count: int, total: int | None) -> PageInfo | None:
    """The next page's `offset` after `count` items from this page's, or None on the last page: an empty or
    short page (fewer than `limit`), or `total` items reached."""
    query: dict[str, object] = dict(params) if isinstance(params, dict) else {}  # pyright: ignore[reportUnknownArgumentType]
    offset, limit = _int(query.get("offset")) or 0, _int(query.get("limit"))
    following = offset + count
    if count == 0 or (limit is not None and count < limit) or (total is not None and following >= total):
        return None
    return PageInfo(params={"offset": following})


def _int(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else None


class SyncCursorListPage(SyncCursorPage[_T], Generic[_T]):
    """A page of a cursor list; iterating it fetches the following pages while `has_more`."""

    shape_: str | None = Field(default=None, alias="_shape")
    cursor: str | None = None
    first_id: str | None = None
    last_id: str | None = None

    @override
    def next_page_info(self) -> PageInfo | None:
        return _next_cursor(self.shape_, self.cursor, self.last_id, super().next_page_info())


class AsyncCursorListPage(AsyncCursorPage[_T], Generic[_T]):
    """The async twin of `SyncCursorListPage`."""

    shape_: str | None = Field(default=None, alias="_shape")
    cursor: str | None = None
    first_id: str | None = None
    last_id: str | None = None

    @override
    def next_page_info(self) -> PageInfo | None:
        return _next_cursor(self.shape_, self.cursor, self.last_id, super().next_page_info())


def _next_cursor(
    shape: str | None, cursor: str | None, last_id: str | None, by_item: PageInfo | None
) -> PageInfo | None:
    """OpenRouter's opaque `cursor` when given, else the last id in the shape's parameter (`after_id` for
    Anthropic's, `after` for OpenAI's; openai's own rule, the last item's id, when there is no `last_id`)."""
    if cursor:
        return PageInfo(params={"cursor": cursor})
    if last_id:
        return PageInfo(params={"after_id" if shape == "anthropic" else "after": last_id})
    return by_item
