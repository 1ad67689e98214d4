"""Pages of OpenRouter list endpoints: `openai`'s `SyncPage`/`AsyncPage`, following `links.next` when present.

`GET /models` returns the whole list unless `limit`/`offset` are sent; then it answers
`{"data": [...], "links": {"next": "/api/v1/models?offset=500&limit=500"}, "total_count": N}`.
"""

from __future__ import annotations

from typing import Generic, TypeVar

import httpx2
from openai._base_client import PageInfo
from openai._models import BaseModel
from openai.pagination import AsyncPage, SyncPage
from typing_extensions import override

__all__ = ["AsyncListPage", "PageLinks", "SyncListPage"]

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
