"""Shared fixtures: clients bound to the local emulator, the real-traffic recordings (when present), and the
session's one mypy and one pyright run over tests/typecheck/ (see typecheck_support)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typecheck_support import Checkers, MypyReport, PyrightReport

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


CHECKERS = pytest.StashKey[Checkers]()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the session's mypy/pyright runs now if a selected test needs them: they use the other core meanwhile."""
    checkers = session.stash[CHECKERS] = Checkers()
    if session.config.option.collectonly:
        return
    needed = {name for item in session.items for name in getattr(item, "fixturenames", ())}
    checkers.start(mypy="mypy_report" in needed, pyright="pyright_report" in needed)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if CHECKERS in session.stash:
        session.stash[CHECKERS].stop()


def _checkers(request: pytest.FixtureRequest) -> Checkers:
    return request.session.stash.setdefault(CHECKERS, Checkers())


@pytest.fixture(scope="session")
def mypy_report(request: pytest.FixtureRequest) -> MypyReport:
    """One `mypy --strict` run over all of tests/typecheck/ for the session; tests look up their own script."""
    return _checkers(request).mypy()


@pytest.fixture(scope="session")
def pyright_report(request: pytest.FixtureRequest) -> PyrightReport:
    """One pyright strict run over `typecheck_support.PYRIGHT_SCRIPTS` for the session (skips without pyright)."""
    return _checkers(request).pyright()
