"""Pages of OpenRouter list endpoints: `openai`'s `SyncPage`/`AsyncPage`, following the next page when there is one.

`GET /models` returns the whole list unless `limit`/`offset` are sent; then it answers
`{"data": [...], "links": {"next": "/api/v1/models?offset=500&limit=500"}, "total_count": N}` (`*ListPage`).
The generated offset/limit lists (`/guardrails`, `/workspaces`, `/presets`, ...) answer `{"data": [...],
"total_count": N}` (or a `meta` object): `*OffsetPage` asks for the next `offset` until `total_count` items, a
short page or an empty one.
"""

from __future__ import annotations

from typing import Generic, TypeVar

import httpx2
from openai._base_client import PageInfo
from openai._models import BaseModel
from openai.pagination import AsyncPage, SyncPage
from typing_extensions import override

__all__ = ["AsyncListPage", "AsyncOffsetPage", "PageLinks", "SyncListPage", "SyncOffsetPage"]

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
