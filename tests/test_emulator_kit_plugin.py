"""The pytest plugin: cheap to load (pytest loads it everywhere), and strict about the server side at teardown."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

import openrouter_compat
import openrouter_compat.testing

pytest_plugins = ["pytester"]

HEAVY = ("openai", "httpx2", "openrouter_compat._client", "openrouter_compat.testing._emulator")


def test_importing_the_plugin_loads_neither_the_client_nor_the_emulator() -> None:
    probe = (
        "import sys, openrouter_compat.testing.pytest_plugin\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == ""


def test_the_first_fixture_use_loads_the_emulator() -> None:
    probe = (
        "import sys\n"
        "from openrouter_compat.testing import pytest_plugin\n"
        "fixture = pytest_plugin._openrouter_emulator_session.__wrapped__()\n"
        "emulator = next(fixture)\n"
        "print(type(emulator).__name__, 'openrouter_compat.testing._emulator' in sys.modules)\n"
        "fixture.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.split() == ["Emulator", "True"]


@pytest.mark.parametrize("package", [openrouter_compat, openrouter_compat.testing])
def test_lazy_exports_cover_all_and_resolve(package: Any) -> None:
    lazy = package._LAZY
    names = {name for group in lazy.values() for name in group}
    assert names | ({"__version__"} if package is openrouter_compat else set()) == set(package.__all__)
    for name in package.__all__:
        assert getattr(package, name) is not None, name
        assert name in dir(package)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = package.nope


def _run(pytester: pytest.Pytester, request: pytest.FixtureRequest, source: str) -> pytest.RunResult:
    pytester.makepyfile(source)
    loaded = request.config.pluginmanager.get_plugin("openrouter_compat") is not None
    args = [] if loaded else ["-p", "openrouter_compat.testing.pytest_plugin"]
    return pytester.runpytest_inprocess(*args, "-p", "no:cacheprovider", "-p", "no:asyncio", "--strict-markers")


def test_a_handler_exception_fails_the_test_at_teardown(
    pytester: pytest.Pytester, request: pytest.FixtureRequest
) -> None:
    result = _run(
        pytester,
        request,
        """
        import httpx2
        import pytest
        from openrouter_compat.testing import Reply

        def boom(body):
            raise RuntimeError("predicate exploded")

        def _post(emulator):
            body = {"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}
            headers = {"Authorization": "Bearer " + emulator.api_key}
            return httpx2.post(emulator.base_url + "/chat/completions", json=body, headers=headers)

        def test_unexpected(openrouter_emulator):
            openrouter_emulator.route("/chat/completions", match=boom)
            assert _post(openrouter_emulator).status_code == 500

        @pytest.mark.openrouter_emulator(allow_server_errors=True, assert_all_called=False)
        def test_expected(openrouter_emulator):
            openrouter_emulator.route("/chat/completions", match=boom)
            assert _post(openrouter_emulator).status_code == 500
        """,
    )
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_unexpected*",
            "openrouter_emulator: a request raised inside the emulator (answered 500)*allow_server_errors=True*",
            "*RuntimeError: predicate exploded*",
        ]
    )


def test_a_request_no_endpoint_serves_fails_the_test(pytester: pytest.Pytester, request: pytest.FixtureRequest) -> None:
    result = _run(
        pytester,
        request,
        """
        import httpx2
        import pytest

        def test_typo_in_a_path(openrouter_emulator):
            assert httpx2.get(openrouter_emulator.base_url + "/modles").status_code == 404
            assert httpx2.delete(openrouter_emulator.base_url + "/models").status_code == 405

        @pytest.mark.openrouter_emulator(allow_server_errors=True)
        def test_meant(openrouter_emulator):
            assert httpx2.get(openrouter_emulator.url + "/elsewhere").status_code == 404

        def test_a_404_from_an_endpoint_is_fine(openrouter_emulator):
            r = httpx2.get(openrouter_emulator.base_url + "/generation", params={"id": "gen-x"},
                           headers={"Authorization": "Bearer " + openrouter_emulator.api_key})
            assert r.status_code == 404
        """,
    )
    result.assert_outcomes(passed=3, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*GET /modles reached no emulator endpoint (answered 404/405)*",
            "*DELETE /models reached no emulator endpoint*",
        ]
    )


def test_unplayed_routes_fail_unless_opted_out(pytester: pytest.Pytester, request: pytest.FixtureRequest) -> None:
    result = _run(
        pytester,
        request,
        """
        import pytest
        from openrouter_compat.testing import Reply

        def test_forgotten(openrouter_emulator):
            openrouter_emulator.route("/chat/completions", model="openai/gpt-4o").respond(Reply.text("x"))

        @pytest.mark.openrouter_emulator(assert_all_called=False)
        def test_optional(openrouter_emulator):
            openrouter_emulator.route("/chat/completions").respond(Reply.text("x"))

        def test_failing_body_is_not_blamed_on_routes(openrouter_emulator):
            openrouter_emulator.route("/chat/completions").respond(Reply.text("x"))
            assert False, "the real failure"
        """,
    )
    result.assert_outcomes(passed=2, failed=1, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_forgotten*",
            "openrouter_emulator: scripted routes not played out*assert_all_called=False*",
            "*<route * /chat/completions model='openai/gpt-4o'>: never called",
        ]
    )
    assert "ERROR at teardown of test_failing_body" not in result.stdout.str()


def test_a_bad_marker_is_a_usage_error(pytester: pytest.Pytester, request: pytest.FixtureRequest) -> None:
    result = _run(
        pytester,
        request,
        """
        import pytest

        @pytest.mark.openrouter_emulator(strickt=False)
        def test_typo(openrouter_emulator):
            pass
        """,
    )
    result.stdout.fnmatch_lines(["*allowed options are strict, assert_all_called, allow_server_errors*"])
    assert result.ret != 0
