"""Shared by the examples: a client for OpenRouter when `OPENROUTER_API_KEY` is set, else for the bundled emulator.

The emulator (`openrouter_compat.testing.Emulator`) is a real HTTP server on 127.0.0.1 started in this process,
so every example runs offline exactly as it would against openrouter.ai.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Iterator
from typing import Any

from openrouter_compat import AsyncOpenRouter, OpenRouter

__all__ = ["APP_TITLE", "aconnect", "connect", "online"]

APP_TITLE = "openrouter_compat examples"


def online() -> bool:
    """True when the examples talk to OpenRouter itself."""
    return bool(os.environ.get("OPENROUTER_API_KEY"))


@contextlib.contextmanager
def _endpoint() -> Iterator[dict[str, Any]]:
    """Client arguments for the real API or a freshly started emulator, announcing which on stdout."""
    if online():
        print("== Talking to OpenRouter (OPENROUTER_API_KEY is set); this spends real credits.")
        yield {}
        return
    from openrouter_compat.testing import Emulator

    with Emulator() as emulator:
        print(f"== Offline: talking to the bundled emulator at {emulator.base_url} (set OPENROUTER_API_KEY for real).")
        yield {"api_key": emulator.api_key, "base_url": emulator.base_url}


@contextlib.contextmanager
def connect(**options: Any) -> Iterator[OpenRouter]:
    """`with connect() as client:` a sync client; `options` go to `OpenRouter(...)`."""
    with _endpoint() as endpoint, OpenRouter(app_title=APP_TITLE, **endpoint, **options) as client:
        yield client


@contextlib.asynccontextmanager
async def aconnect(**options: Any) -> AsyncIterator[AsyncOpenRouter]:
    """`async with aconnect() as client:` an async client; `options` go to `AsyncOpenRouter(...)`."""
    with _endpoint() as endpoint:
        async with AsyncOpenRouter(app_title=APP_TITLE, **endpoint, **options) as client:
            yield client
