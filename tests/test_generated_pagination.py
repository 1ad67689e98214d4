"""The generated offset/limit lists return pages that iterate every page's items, sync and async, on the emulator.

Async lists are openai's `AsyncPaginator`: `async for x in client.x.list()` walks every page, `await` gives one.
A 401/403 says a management key is needed on every page, not only the first."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from openai._base_client import AsyncPaginator

from openrouter_compat import AsyncOpenRouter, OpenRouter, PermissionDeniedError
from openrouter_compat.pagination import AsyncCursorListPage, AsyncOffsetPage, SyncCursorListPage, SyncOffsetPage
from openrouter_compat.testing import Emulator, Fault
from openrouter_compat.testing._spec_routes import LIST_SIZE
from openrouter_compat.types.files import OpenRouterFile
from openrouter_compat.types.guardrails import Guardrail
from openrouter_compat.types.workspaces import Workspace


@pytest.fixture
def mgmt(openrouter_emulator: Emulator) -> Iterator[OpenRouter]:
    """A sync client with the emulator's management key."""
    key, url = openrouter_emulator.management_key, openrouter_emulator.base_url
    with OpenRouter(api_key=key, base_url=url, max_retries=0) as client:
        yield client


@pytest.fixture
async def amgmt(openrouter_emulator: Emulator) -> AsyncIterator[AsyncOpenRouter]:
    """The async twin of `mgmt`."""
    key, url = openrouter_emulator.management_key, openrouter_emulator.base_url
    async with AsyncOpenRouter(api_key=key, base_url=url, max_retries=0) as client:
        yield client


def test_iterating_a_page_fetches_the_following_pages(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    page = mgmt.guardrails.list(limit=2, workspace_id="ws-1")
    assert isinstance(page, SyncOffsetPage) and len(page.data) == 2 and page.has_next_page()
    items = list(page)
    assert len(items) == LIST_SIZE and all(isinstance(g, Guardrail) for g in items)
    assert len({g.id for g in items}) == LIST_SIZE
    sent = [r.query for r in openrouter_emulator.requests_to("/guardrails")]
    assert sent == [
        {"limit": "2", "workspace_id": "ws-1"},
        {"limit": "2", "workspace_id": "ws-1", "offset": "2"},
        {"limit": "2", "workspace_id": "ws-1", "offset": "4"},
    ]


def test_the_last_page_has_no_next(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    page = mgmt.workspaces.list(offset=3)
    assert len(page.data) == LIST_SIZE - 3 and not page.has_next_page()
    assert [w.id for w in page] == [w.id for w in page.data]
    assert len(openrouter_emulator.requests_to("/workspaces")) == 1


async def test_async_for_over_the_list_walks_every_page(amgmt: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    listing = amgmt.workspaces.list(limit=2)
    assert isinstance(listing, AsyncPaginator)  # openai's: no await needed to iterate
    items = [w async for w in listing]
    assert len(items) == LIST_SIZE and all(isinstance(w, Workspace) for w in items)
    offsets = [r.query.get("offset") for r in openrouter_emulator.requests_to("/workspaces")]
    assert offsets == [None, "2", "4"]


async def test_awaiting_the_list_gives_the_first_page(amgmt: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    page = await amgmt.workspaces.list(limit=3)
    assert isinstance(page, AsyncOffsetPage) and page.total_count == LIST_SIZE
    items = [w async for w in page]
    assert len(items) == LIST_SIZE and all(isinstance(w, Workspace) for w in items)
    offsets = [r.query.get("offset") for r in openrouter_emulator.requests_to("/workspaces")]
    assert offsets == [None, "3"]
    second = await page.get_next_page()
    assert [w.id for w in second.data] == [w.id for w in items[3:]]


def test_path_parameters_and_sub_resources_page_too(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    members = list(mgmt.workspaces.list_members("ws-1", limit=4))
    assert len(members) == LIST_SIZE
    assert [r.path for r in openrouter_emulator.requests] == ["/workspaces/ws-1/members"] * 2


def test_files_page_by_cursor(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    page = mgmt.files.list(limit=2)
    assert isinstance(page, SyncCursorListPage) and page.has_more and page.cursor == "cursor-2"
    files = list(page)
    assert all(isinstance(f, OpenRouterFile) for f in files)
    ids = [f.id for f in files]
    assert len(ids) == LIST_SIZE == len(set(ids))
    cursors = [r.query.get("cursor") for r in openrouter_emulator.requests_to("/files")]
    assert cursors == [None, "cursor-2", "cursor-4"]


async def test_files_page_by_cursor_async(amgmt: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    page = await amgmt.files.list(limit=3)
    assert isinstance(page, AsyncCursorListPage)
    assert len([f async for f in page]) == LIST_SIZE
    assert len([f async for f in amgmt.files.list(limit=3)]) == LIST_SIZE
    assert len(openrouter_emulator.requests_to("/files")) == 4


def test_a_403_on_page_two_says_a_management_key_is_needed(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    page = mgmt.workspaces.list(limit=2)
    openrouter_emulator.queue("/workspaces", Fault.status(403, message="Only management keys can do this"))
    with pytest.raises(PermissionDeniedError, match="needs a management key") as caught:
        list(page)
    assert "GET /workspaces" in str(caught.value) and "Only management keys can do this" in str(caught.value)
    assert [r.query.get("offset") for r in openrouter_emulator.requests_to("/workspaces")] == [None, "2"]


async def test_a_403_on_page_two_async_says_so_too(amgmt: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    seen: list[Workspace] = []
    with pytest.raises(PermissionDeniedError, match="needs a management key"):
        async for workspace in amgmt.workspaces.list(limit=2):
            seen.append(workspace)
            if len(seen) == 1:
                openrouter_emulator.queue("/workspaces", Fault.status(403))
    assert len(seen) == 2  # the whole first page, then page two refused


def test_a_list_that_needs_no_management_key_gets_no_hint(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    page = mgmt.files.list(limit=2)
    openrouter_emulator.queue("/files", Fault.status(403, message="Forbidden by a guardrail"))
    with pytest.raises(PermissionDeniedError) as caught:
        list(page)
    assert "management key" not in str(caught.value) and "Forbidden by a guardrail" in str(caught.value)


def test_openai_and_anthropic_shapes_continue_after_the_last_id() -> None:
    openai_shape = SyncCursorListPage[object].construct(data=[], _shape="openai", last_id="f-2", has_more=True)
    anthropic_shape = SyncCursorListPage[object].construct(data=[], _shape="anthropic", last_id="f-2", has_more=True)
    assert openai_shape.next_page_info() is not None and openai_shape.next_page_info().params == {"after": "f-2"}  # type: ignore[union-attr]
    assert anthropic_shape.next_page_info().params == {"after_id": "f-2"}  # type: ignore[union-attr]
