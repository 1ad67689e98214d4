"""pytest fixtures for the emulator (registered through the package's ``pytest11`` entry point)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the emulator loads when a test first asks for it, not in every pytest run
    from ._emulator import Emulator


@pytest.fixture(scope="session")
def _openrouter_emulator_session() -> Iterator[Emulator]:
    """One emulator server for the whole test session."""
    from ._emulator import Emulator

    with Emulator() as emulator:
        yield emulator


@pytest.fixture
def openrouter_emulator(_openrouter_emulator_session: Emulator) -> Iterator[Emulator]:
    """The session emulator, reset (requests, faults, generations, settings) before each test."""
    _openrouter_emulator_session.reset()
    yield _openrouter_emulator_session
