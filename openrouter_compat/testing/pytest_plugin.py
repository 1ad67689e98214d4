"""pytest fixtures for the emulator (registered through the package's ``pytest11`` entry point).

pytest loads this module in every run of every project that has openrouter_compat installed, so it
imports nothing but pytest: the emulator is imported inside the session fixture, the first time a test
asks for it.

``openrouter_emulator`` fails the test at teardown when a request raised inside the emulator, when a
request reached no endpoint, or when a scripted route was never played out. The marker
``@pytest.mark.openrouter_emulator(strict=False, assert_all_called=False, allow_server_errors=True)``
relaxes each of these for one test (or a module, with ``pytestmark``).
"""

from __future__ import annotations

import traceback
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from ._emulator import Emulator

MARKER = "openrouter_emulator"
_FAILED = pytest.StashKey[bool]()


@dataclass(frozen=True)
class Options:
    """What the ``openrouter_emulator`` marker can change for a test."""

    strict: bool = True
    assert_all_called: bool = True
    allow_server_errors: bool = False


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker so ``--strict-markers`` accepts it."""
    config.addinivalue_line(
        "markers",
        f"{MARKER}(strict=True, assert_all_called=True, allow_server_errors=False): "
        "options of the openrouter_emulator fixture for this test",
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
    """Note whether the test body failed, so teardown does not pile route complaints onto a failure."""
    report = yield
    if call.when == "call":
        item.stash[_FAILED] = bool(report.failed)
    return report


@pytest.fixture(scope="session")
def _openrouter_emulator_session() -> Iterator[Emulator]:
    """One emulator server for the whole test session."""
    from ._emulator import Emulator  # here, not at module level: see the module docstring

    with Emulator() as emulator:
        yield emulator


@pytest.fixture
def openrouter_emulator(request: pytest.FixtureRequest, _openrouter_emulator_session: Emulator) -> Iterator[Emulator]:
    """The session emulator, reset before each test (strict unless marked), checked after it."""
    options = _options(request.node)
    emulator = _openrouter_emulator_session
    emulator.reset()
    if not options.strict:
        emulator.strict = False
    yield emulator
    problems = _problems(emulator, options, failed=request.node.stash.get(_FAILED, False))
    if problems:
        pytest.fail("openrouter_emulator: " + "\n\n".join(problems), pytrace=False)


def _options(node: pytest.Item) -> Options:
    """The options of the closest ``openrouter_emulator`` marker (the defaults without one)."""
    marker = node.get_closest_marker(MARKER)
    if marker is None:
        return Options()
    if marker.args:
        raise pytest.UsageError(f"@pytest.mark.{MARKER} takes keyword arguments only, got {marker.args!r}")
    try:
        return Options(**marker.kwargs)
    except TypeError:
        allowed = ", ".join(Options.__dataclass_fields__)
        raise pytest.UsageError(f"@pytest.mark.{MARKER}{marker.kwargs!r}: allowed options are {allowed}") from None


def _problems(emulator: Emulator, options: Options, *, failed: bool) -> list[str]:
    """What went wrong on the server side of a test, one paragraph each."""
    problems: list[str] = []
    hint = f"(mark the test @pytest.mark.{MARKER}(allow_server_errors=True) if it expects this)"
    if not options.allow_server_errors:
        for error in emulator.server_errors:
            detail = "".join(traceback.format_exception(error)).rstrip()
            problems.append(f"a request raised inside the emulator (answered 500) {hint}:\n{detail}")
        for request in emulator.unrouted_requests:
            problems.append(f"{request.method} {request.path} reached no emulator endpoint (answered 404/405) {hint}")
    if options.assert_all_called and not failed:
        unmet = emulator.unmet_routes()
        if unmet:
            lines = "\n  ".join(unmet)
            problems.append(
                f"scripted routes not played out (or mark @pytest.mark.{MARKER}(assert_all_called=False)):\n  {lines}"
            )
    return problems
