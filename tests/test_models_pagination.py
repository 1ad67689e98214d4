"""`GET /models` pages (`limit`/`offset`, `links.next`): iteration follows the server's next link, sync and async."""

from __future__ import annotations

from typing import Any

import httpx2
from openai.pagination import AsyncPage, SyncPage

from openrouter_compat import AsyncOpenRouter, OpenRouter

IDS = ["a/one", "b/two", "c/three", "d/four", "e/five"]


def _model(model_id: str) -> dict[str, Any]:
    return {"id": model_id, "created": 1, "pricing": {"prompt": "0.000001", "completion": "0.000002"}}


def _handler(seen: list[dict[str, str]]) -> Any:
    """Serve IDS two at a time, like OpenRouter: `links.next` until the last page, then null."""

    def handle(request: httpx2.Request) -> httpx2.Response:
        query = dict(request.url.params)
        seen.append(query)
        offset, limit = int(query.get("offset", 0)), int(query.get("limit", 500))
        chunk = IDS[offset : offset + limit]
        more = offset + limit < len(IDS)
        following = f"/api/v1/models?offset={offset + limit}&limit={limit}" if more else None
        body = {"data": [_model(i) for i in chunk], "total_count": len(IDS), "links": {"next": following}}
        return httpx2.Response(200, json=body)

    return handle


def test_iteration_follows_links_next() -> None:
    seen: list[dict[str, str]] = []
    http = httpx2.Client(transport=httpx2.MockTransport(_handler(seen)))
    with OpenRouter(api_key="k", base_url="https://openrouter.ai/api/v1", http_client=http, max_retries=0) as client:
        page = client.models.list(category="programming", extra_query={"limit": 2})
        assert isinstance(page, SyncPage)
        assert page.total_count == 5 and page.has_next_page()
        assert [m.id for m in page] == IDS
    assert seen == [
        {"category": "programming", "limit": "2"},
        {"category": "programming", "limit": "2", "offset": "2"},
        {"category": "programming", "limit": "2", "offset": "4"},
    ]


async def test_async_iteration_follows_links_next() -> None:
    seen: list[dict[str, str]] = []
    http = httpx2.AsyncClient(transport=httpx2.MockTransport(_handler(seen)))
    async with AsyncOpenRouter(api_key="k", base_url="https://openrouter.ai/api/v1", http_client=http) as client:
        first = await client.models.list(extra_query={"limit": 3})
        assert isinstance(first, AsyncPage) and [m.id for m in first.data] == IDS[:3]
        assert [m.id async for m in client.models.list(extra_query={"limit": 3})] == IDS
    assert len(seen) == 3


def test_unpaginated_list_is_one_page() -> None:
    seen: list[dict[str, str]] = []
    http = httpx2.Client(transport=httpx2.MockTransport(_handler(seen)))
    with OpenRouter(api_key="k", base_url="https://openrouter.ai/api/v1", http_client=http, max_retries=0) as client:
        page = client.models.list()
        assert not page.has_next_page()
        assert [m.id for m in page] == IDS
    assert seen == [{}]
