"""Default clients share one SSL context per process; a caller's own `http_client` is used untouched."""

from __future__ import annotations

import ssl
from typing import Any

import certifi
import httpx2
import openai
import pytest
from openai._base_client import AsyncHttpxClientWrapper, SyncHttpxClientWrapper
from openai._constants import DEFAULT_CONNECTION_LIMITS, DEFAULT_TIMEOUT

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat._http import default_ssl_context
from openrouter_compat.testing import Emulator

KEY = "sk-or-v1-pool"


def _context(client: openai.OpenAI | openai.AsyncOpenAI) -> Any:
    """The SSL context the client's transport hands to every connection it opens."""
    return client._client._transport._pool._ssl_context  # type: ignore[union-attr]


@pytest.fixture(autouse=True)
def _no_ca_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


def test_default_clients_share_one_verifying_context() -> None:
    first, second = OpenRouter(api_key=KEY), OpenRouter(api_key=KEY)
    async_client = AsyncOpenRouter(api_key=KEY)
    shared = _context(first)
    assert _context(second) is shared
    assert _context(async_client) is shared
    assert shared is default_ssl_context()
    assert shared.verify_mode == ssl.CERT_REQUIRED
    assert shared.check_hostname is True
    assert shared.cert_store_stats()["x509_ca"] > 0  # the CA bundle is loaded
    assert first._client is not second._client  # each client keeps its own pool
    first.close()
    second.close()


def test_plain_openai_builds_a_new_context_per_client() -> None:
    """What the sharing saves: `openai` loads the CA bundle into a fresh context for every client."""
    first, second = openai.OpenAI(api_key=KEY), openai.OpenAI(api_key=KEY)
    assert _context(first) is not _context(second)
    assert _context(first) is not default_ssl_context()


def test_default_client_is_the_one_openai_would_build() -> None:
    client = OpenRouter(api_key=KEY)
    assert type(client._client) is SyncHttpxClientWrapper
    assert client._client.timeout == DEFAULT_TIMEOUT
    assert client.timeout == DEFAULT_TIMEOUT
    assert client._client.follow_redirects is True
    pool = client._client._transport._pool  # type: ignore[attr-defined]
    assert pool._max_connections == DEFAULT_CONNECTION_LIMITS.max_connections
    assert pool._max_keepalive_connections == DEFAULT_CONNECTION_LIMITS.max_keepalive_connections
    async_client = AsyncOpenRouter(api_key=KEY, timeout=7.5)
    assert type(async_client._client) is AsyncHttpxClientWrapper
    assert async_client._client.timeout == httpx2.Timeout(7.5)
    assert async_client.timeout == 7.5
    assert OpenRouter(api_key=KEY, timeout=None)._client.timeout == httpx2.Timeout(None)


def test_own_http_client_and_its_verify_are_untouched() -> None:
    custom = ssl.create_default_context(cafile=certifi.where())
    mine = httpx2.Client(verify=custom, timeout=3.0)
    client = OpenRouter(api_key=KEY, http_client=mine)
    assert client._client is mine
    assert _context(client) is custom
    assert client.timeout == httpx2.Timeout(3.0)  # openai takes the caller's client's timeout, as before
    plain = OpenRouter(api_key=KEY, http_client=httpx2.Client())
    assert _context(plain) is not default_ssl_context()
    unverified = AsyncOpenRouter(api_key=KEY, http_client=httpx2.AsyncClient(verify=False))
    assert _context(unverified).verify_mode == ssl.CERT_NONE
    assert _context(unverified) is not default_ssl_context()


def test_copies_share_the_parent_pool() -> None:
    client = OpenRouter(api_key=KEY)
    assert client.copy(timeout=3)._client is client._client
    assert client.with_options(max_retries=5)._client is client._client
    assert client.with_routing(models=["a/b"])._client is client._client
    mine = httpx2.Client()
    assert client.copy(http_client=mine)._client is mine


def test_ca_environment_gets_its_own_context(monkeypatch: pytest.MonkeyPatch) -> None:
    default = default_ssl_context()
    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())
    from_env = _context(OpenRouter(api_key=KEY))
    assert from_env is not default
    assert _context(OpenRouter(api_key=KEY)) is from_env
    monkeypatch.delenv("SSL_CERT_FILE")
    assert _context(OpenRouter(api_key=KEY)) is default


def test_proxies_from_the_environment_use_the_shared_context(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    client = OpenRouter(api_key=KEY)
    proxies = [transport for transport in client._client._mounts.values() if transport is not None]
    assert len(proxies) == 1
    assert proxies[0]._pool._ssl_context is default_ssl_context()  # type: ignore[attr-defined]


def test_closing_one_default_client_leaves_the_others_working(openrouter_emulator: Emulator) -> None:
    first = OpenRouter(api_key=KEY, base_url=openrouter_emulator.base_url, max_retries=0)
    second = OpenRouter(api_key=KEY, base_url=openrouter_emulator.base_url, max_retries=0)
    first.models.list()
    first.close()
    assert first.is_closed()
    assert not second.is_closed()
    assert second.models.list().data
    second.close()


async def test_async_clients_share_and_work(openrouter_emulator: Emulator) -> None:
    async with (
        AsyncOpenRouter(api_key=KEY, base_url=openrouter_emulator.base_url, max_retries=0) as first,
        AsyncOpenRouter(api_key=KEY, base_url=openrouter_emulator.base_url, max_retries=0) as second,
    ):
        assert _context(first) is _context(second) is default_ssl_context()
        assert (await first.models.list()).data
        assert (await second.models.list()).data
