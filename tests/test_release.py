"""Resources are always released (issue #13): every failed attempt's response is closed, every errored,
abandoned or cancelled stream gives its connection back, sync and async, with or without `with`.

Over real sockets: `HostileServer` keeps connections alive and counts those the client has not closed; the
client's own connection pool is checked for connections still checked out.
"""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest
from hostile_server import HostileServer, Reply, sse

import openrouter_compat as orc
from openrouter_compat import AsyncOpenRouter, OpenRouter

MESSAGES: Any = [{"role": "user", "content": "hi"}]
CALLS = 10
FAST = orc.RetryPolicy(initial_backoff=0.001, max_backoff=0.002, jitter=0.0)


def _chunk(delta: dict[str, Any], **fields: Any) -> bytes:
    choice = {"index": 0, "delta": delta, "finish_reason": fields.pop("finish_reason", None)}
    return sse(
        {
            "id": "gen-release",
            "object": "chat.completion.chunk",
            "created": 1,
            "model": "m",
            "choices": [choice],
            **fields,
        }
    )


ROLE = _chunk({"role": "assistant"})
TEXT = _chunk({"content": "hello"})
ERROR = _chunk({"content": ""}, finish_reason="error", error={"code": 502, "message": "upstream went away"})
DONE = b"data: [DONE]\n\n"


@pytest.fixture
def before_output() -> Iterator[HostileServer]:
    """Every stream fails before its first output (an error chunk after the role chunk): retried each time."""
    with HostileServer(lambda _: Reply.stream([ROLE, ERROR, DONE])) as server:
        yield server


@pytest.fixture
def after_output() -> Iterator[HostileServer]:
    """Every stream fails after some output: not retried, raised from iteration."""
    with HostileServer(lambda _: Reply.stream([ROLE, TEXT, ERROR, DONE])) as server:
        yield server


@pytest.fixture
def healthy() -> Iterator[HostileServer]:
    with HostileServer(lambda _: Reply.stream([ROLE, TEXT, TEXT, TEXT, _chunk({}, finish_reason="stop"), DONE])) as s:
        yield s


def _sync(server: HostileServer, **options: Any) -> OpenRouter:
    return OpenRouter(api_key="sk-or-release-test", base_url=server.base_url, retry_policy=FAST, **options)


def _async(server: HostileServer, **options: Any) -> AsyncOpenRouter:
    return AsyncOpenRouter(api_key="sk-or-release-test", base_url=server.base_url, retry_policy=FAST, **options)


def _checked_out(client: OpenRouter | AsyncOpenRouter) -> int:
    """Connections of the client's pool that are neither idle nor closed (a leaked response holds one)."""
    pool = client._client._transport._pool  # type: ignore[attr-defined]  # httpx2's default transport
    return sum(1 for connection in pool.connections if not connection.is_idle() and not connection.is_closed())


def test_failed_attempts_of_a_stream_are_closed_sync(before_output: HostileServer) -> None:
    with _sync(before_output) as client:
        errors = []
        for _ in range(CALLS):
            with pytest.raises(orc.ProviderError) as caught:
                client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            errors.append(caught.value)
        assert len(before_output.requests) == CALLS * 3  # every call retried twice
        assert all(error.response.is_closed for error in errors)
        assert _checked_out(client) == 0
        assert before_output.wait_open_at_most(1) <= 1  # 30 failed attempts, at most one socket (kept alive)


async def test_failed_attempts_of_a_stream_are_closed_async(before_output: HostileServer) -> None:
    async with _async(before_output) as client:
        errors = []
        for _ in range(CALLS):
            with pytest.raises(orc.ProviderError) as caught:
                await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            errors.append(caught.value)
        assert len(before_output.requests) == CALLS * 3
        assert all(error.response.is_closed for error in errors)
        assert _checked_out(client) == 0
        assert before_output.wait_open_at_most(1) <= 1


def test_a_stream_ending_in_an_error_without_with_is_closed_sync(after_output: HostileServer) -> None:
    with _sync(after_output) as client:
        for _ in range(CALLS):
            stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            with pytest.raises(orc.MidStreamError) as caught:
                for _ in stream:
                    pass
            assert caught.value.response.is_closed and stream.response.is_closed
            assert caught.value.partial is not None and caught.value.partial.content == "hello"
        assert _checked_out(client) == 0
        assert after_output.wait_open_at_most(1) <= 1


async def test_a_stream_ending_in_an_error_without_with_is_closed_async(after_output: HostileServer) -> None:
    async with _async(after_output) as client:
        for _ in range(CALLS):
            stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            with pytest.raises(orc.MidStreamError) as caught:
                async for _ in stream:
                    pass
            assert caught.value.response.is_closed and stream.response.is_closed
        assert _checked_out(client) == 0
        assert after_output.wait_open_at_most(1) <= 1


def test_streams_left_early_are_released_sync(healthy: HostileServer) -> None:
    with _sync(healthy) as client:
        for index in range(CALLS):
            stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            if index % 2:
                with stream:
                    next(iter(stream))
                assert stream.response.is_closed
            else:
                for _ in stream:
                    break  # abandoned without `with`
                del stream
        gc.collect()
        assert _checked_out(client) == 0
        assert healthy.wait_open_at_most(1) <= 1


async def test_streams_left_early_with_async_with_are_released_async(healthy: HostileServer) -> None:
    async with _async(healthy) as client:
        for _ in range(CALLS):
            stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            async with stream:
                await stream.__anext__()
            assert stream.response.is_closed
        assert _checked_out(client) == 0
        assert healthy.wait_open_at_most(1) <= 1


async def test_streams_left_early_without_with_are_released_async(healthy: HostileServer) -> None:
    """`async for ...: break` without `async with`: the connection goes back when the loop is left, not at GC."""
    async with _async(healthy) as client:
        for _ in range(CALLS):
            stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            async for _ in stream:
                break
            for _ in range(100):  # the loop's async-generator finalizer runs on the next turns of the event loop
                if stream.response.is_closed:
                    break
                await asyncio.sleep(0.01)
            assert stream.response.is_closed
        assert _checked_out(client) == 0
        for _ in range(500):
            if healthy.open_connections <= 1:
                break
            await asyncio.sleep(0.02)
        assert healthy.open_connections <= 1


async def test_cancelled_calls_give_their_connections_back_async() -> None:
    """A call cancelled while waiting for the first output (`asyncio.wait_for`) leaves no connection checked out."""
    stalled = Reply.stream([ROLE, TEXT, DONE], pause=30)
    with HostileServer(lambda _: stalled) as server:
        async with _async(server, max_retries=0) as client:
            for _ in range(CALLS):
                with pytest.raises(TimeoutError):
                    await asyncio.wait_for(
                        client.chat.completions.create(model="m", messages=MESSAGES, stream=True), 0.05
                    )
            assert _checked_out(client) == 0


def test_interrupted_calls_give_their_connections_back_sync() -> None:
    """The sync twin: a read timeout while waiting for the first output, many times over."""
    stalled = Reply.stream([ROLE, TEXT, DONE], pause=30)
    with HostileServer(lambda _: stalled) as server, _sync(server, max_retries=0, timeout=0.05) as client:
        for _ in range(CALLS):
            with pytest.raises(openai.APITimeoutError):  # a StreamTimeoutError: the headers had arrived
                client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
        assert _checked_out(client) == 0


SCRIPT = """
import asyncio, sys
sys.path.insert(0, {tests!r})
from hostile_server import HostileServer, Reply
from test_release import ERROR, DONE, MESSAGES, ROLE, TEXT, _async

async def main():
    with HostileServer(lambda _: Reply.stream([ROLE, TEXT, ERROR, DONE])) as server:
        client = _async(server)
        for index in range(20):
            stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            try:
                async for _chunk in stream:
                    if index % 2:
                        break  # left early, without `async with`
            except Exception:
                pass
        for _ in range(250):
            if server.open_connections == 0:
                break
            await asyncio.sleep(0.02)
        print("open", server.open_connections)

asyncio.run(main())
"""


def test_no_async_generator_error_at_shutdown_after_errored_or_abandoned_streams() -> None:
    """Errored and abandoned async streams without `async with`: every connection back, and nothing that makes
    the loop log "aclose(): asynchronous generator is already running" (it did, for both)."""
    tests = str(Path(__file__).resolve().parent)
    script = textwrap.dedent(SCRIPT).format(tests=tests)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "open 0" in done.stdout
    assert "already running" not in done.stderr
    assert "Task was destroyed" not in done.stderr
