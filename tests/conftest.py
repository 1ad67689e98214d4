"""Shared fixtures: clients bound to the local emulator, and the real-traffic recordings (when present)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from openrouter_compat import AsyncOpenRouter, OpenRouter

if TYPE_CHECKING:
    from openrouter_compat.testing import Emulator

REAL_TRAFFIC = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-traffic"


@pytest.fixture
def client(openrouter_emulator: Emulator) -> Iterator[OpenRouter]:
    """A sync client talking to the emulator over 127.0.0.1, without retries."""
    with OpenRouter(api_key=openrouter_emulator.api_key, base_url=openrouter_emulator.base_url, max_retries=0) as c:
        yield c


@pytest.fixture
async def async_client(openrouter_emulator: Emulator) -> AsyncIterator[AsyncOpenRouter]:
    """The async twin of `client`."""
    async with AsyncOpenRouter(
        api_key=openrouter_emulator.api_key, base_url=openrouter_emulator.base_url, max_retries=0
    ) as c:
        yield c


@pytest.fixture
def real_traffic() -> Path:
    """The folder of real OpenRouter recordings; skips the test when it is not beside the repo."""
    if not REAL_TRAFFIC.is_dir():
        pytest.skip(f"real-traffic recordings not found at {REAL_TRAFFIC} (they live outside the repo)")
    return REAL_TRAFFIC
