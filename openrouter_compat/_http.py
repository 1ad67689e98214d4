"""The HTTP clients our clients build when the caller gives none: `openai`'s own, sharing one SSL context.

`openai` builds a new `httpx2` client for every `OpenAI()`, and with it a new default SSL context, which loads the
CA bundle (about 20 ms, nearly all of a client's construction). Ours build exactly the client `openai` would
(`SyncHttpxClientWrapper` / `AsyncHttpxClientWrapper`: same timeout, limits, redirects, proxies from the
environment) but pass it the process's one default context. A caller's own `http_client` (and with it any
`verify`, certificates, proxies or HTTP/2) is used untouched; `copy()`/`with_options()` keep sharing the parent's
pool as in `openai`.

Sharing is safe: an `ssl.SSLContext` may wrap sockets from many threads, and the only thing httpcore sets on it
per connection is the ALPN list, which is always `["http/1.1"]` for these clients (HTTP/2 needs a caller's own
client). The context is keyed by `SSL_CERT_FILE`/`SSL_CERT_DIR`, the environment it is built from.
"""

from __future__ import annotations

import os
import ssl
import threading

import httpx2
from openai._base_client import AsyncHttpxClientWrapper, SyncHttpxClientWrapper
from openai._constants import DEFAULT_TIMEOUT
from openai._types import NotGiven
from openai._utils import is_given

_contexts: dict[tuple[str | None, str | None], ssl.SSLContext] = {}
_lock = threading.Lock()


def default_ssl_context() -> ssl.SSLContext:
    """httpx2's default context (`verify=True`, environment trusted), built once per process and CA setting."""
    key = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    context = _contexts.get(key)
    if context is None:
        with _lock:
            context = _contexts.get(key)
            if context is None:
                context = _contexts[key] = httpx2.create_ssl_context()
    return context


def _timeout(timeout: float | httpx2.Timeout | NotGiven | None) -> float | httpx2.Timeout | None:
    """The timeout `openai` gives its own default client: the caller's, else `openai`'s DEFAULT_TIMEOUT."""
    return timeout if is_given(timeout) else DEFAULT_TIMEOUT


def default_http_client(base_url: str | httpx2.URL, timeout: float | httpx2.Timeout | NotGiven | None) -> httpx2.Client:
    """The sync client `openai.OpenAI` would build, on the shared SSL context."""
    return SyncHttpxClientWrapper(base_url=base_url, timeout=_timeout(timeout), verify=default_ssl_context())


def default_async_http_client(
    base_url: str | httpx2.URL, timeout: float | httpx2.Timeout | NotGiven | None
) -> httpx2.AsyncClient:
    """The async client `openai.AsyncOpenAI` would build, on the shared SSL context."""
    return AsyncHttpxClientWrapper(base_url=base_url, timeout=_timeout(timeout), verify=default_ssl_context())
