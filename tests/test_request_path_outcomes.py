"""Every outcome of a call typed, bounded and explained (issue #13), sync and async, over real sockets.

Bodies that are not the object an endpoint returns, bytes that are not UTF-8, a server trickling its body,
retries (count, hints, file bodies), `openai` drop-in behaviour, messages a user can act on, the client's own
key scrubbed, and the error classes users receive.
"""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import socket
import time
from collections.abc import Iterator
from typing import Any, Literal

import httpx2
import openai
import pytest
from hostile_server import HostileServer, Reply, Request, sse

import openrouter_compat as orc
import openrouter_compat._exceptions as exceptions_module
from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.testing import Emulator, Fault

MESSAGES: Any = [{"role": "user", "content": "hi"}]
KEY = "sk-or-outcomes-test"
FAST = orc.RetryPolicy(initial_backoff=0.001, max_backoff=0.002, jitter=0.0)
COMPLETION = {
    "id": "gen-outcome",
    "object": "chat.completion",
    "created": 1,
    "model": "m",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}],
}

Mode = Literal["sync", "async"]


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> Mode:
    return request.param  # type: ignore[no-any-return]


def _client(mode: Mode, base_url: str, **options: Any) -> OpenRouter | AsyncOpenRouter:
    options = {"api_key": KEY, "base_url": base_url, "retry_policy": FAST, **options}
    return OpenRouter(**options) if mode == "sync" else AsyncOpenRouter(**options)


async def _call(client: OpenRouter | AsyncOpenRouter, route: str = "create", **kwargs: Any) -> Any:
    """One chat call by `route` (create, raw, post), awaited when the client is async; closes the client."""
    call = {"model": "m", "messages": MESSAGES, **kwargs}
    try:
        if route == "create":
            result = client.chat.completions.create(**call)
        elif route == "raw":
            result = client.chat.completions.with_raw_response.create(**call)
        else:
            result = client.post("/chat/completions", body=call, cast_to=orc.types.chat.ChatCompletion)  # type: ignore[attr-defined]
        if isinstance(client, AsyncOpenRouter):
            result = await result
        return result
    finally:
        if isinstance(client, AsyncOpenRouter):
            await client.close()
        else:
            client.close()


# --- every outcome typed ----------------------------------------------------------------------------------

BODIES = {
    "html": (b"<html><body>502 Bad Gateway (proxy)</body></html>", "text/html", "an HTML page"),
    "empty": (b"", "application/json", "an empty body"),
    "list": (b"[1, 2, 3]", "application/json", "a JSON list"),
    "null": (b"null", "application/json", "JSON null"),
    "number": (b"42", "application/json", "a JSON number"),
    "not utf-8": (b'{"id": "\xff\xfe"}', "application/json", "not UTF-8"),
    "not utf-8, text": (b"\xff\xfe\xfd", "text/plain", "not UTF-8"),
}


@pytest.mark.parametrize("route", ["create", "raw", "post"])
@pytest.mark.parametrize("name", list(BODIES))
async def test_a_200_that_is_not_an_object_is_a_typed_error(mode: Mode, route: str, name: str) -> None:
    body, content_type, described = BODIES[name]
    reply = Reply(body=body, content_type=content_type)
    with HostileServer(lambda _: reply) as server, pytest.raises(orc.InvalidResponseError) as caught:
        await _call(_client(mode, server.base_url), route)
    error = caught.value
    assert isinstance(error, openai.APIResponseValidationError) and isinstance(error, orc.OpenRouterAPIError)
    assert error.status_code == 200 and error.response.status_code == 200
    assert error.text == body.decode("utf-8", errors="replace")
    assert described in str(error) and "/chat/completions" in str(error)
    assert len(server.requests) == 1


async def test_invalid_utf8_inside_a_stream_is_a_stream_decode_error(mode: Mode) -> None:
    chunk = {"id": "gen-1", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    text = sse({**chunk, "choices": [{"index": 0, "delta": {"content": "partial"}, "finish_reason": None}]})
    events = [text, b'data: {"id": "gen-1", "choices": "\xff\xfe"}\n\n', b"data: [DONE]\n\n"]
    with HostileServer(lambda _: Reply.stream(events)) as server:
        client = _client(mode, server.base_url)
        seen: list[Any] = []
        with pytest.raises(orc.StreamDecodeError) as caught:
            if isinstance(client, OpenRouter):
                with client:
                    seen.extend(client.chat.completions.create(model="m", messages=MESSAGES, stream=True))
            else:
                async with client:
                    stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
                    seen.extend([chunk async for chunk in stream])
    assert isinstance(caught.value.__cause__, UnicodeDecodeError)
    assert "UTF-8" in str(caught.value)
    assert caught.value.partial is not None and caught.value.partial.content == "partial"


# --- the whole-call deadline ------------------------------------------------------------------------------


def _trickle_body() -> bytes:
    return json.dumps(COMPLETION).encode().ljust(240)  # 240 bytes, one per 0.25 s: 60 s in all


async def test_a_trickling_body_is_bounded_by_the_policy_deadline(mode: Mode) -> None:
    with HostileServer(lambda _: Reply.trickle(_trickle_body(), every=0.25)) as server:
        policy = dataclasses.replace(FAST, total_timeout=1.0)
        started = time.monotonic()
        with pytest.raises(orc.APITimeoutError) as caught:
            await _call(_client(mode, server.base_url, retry_policy=policy, timeout=5.0))
        took = time.monotonic() - started
    assert took < 30  # generous for a loaded machine: the trickle alone would take 60 s
    assert isinstance(caught.value, openai.APITimeoutError)
    assert "whole-call deadline 1 s" in str(caught.value) and "/chat/completions" in str(caught.value)


async def test_the_deadline_has_a_per_call_override(mode: Mode) -> None:
    with HostileServer(lambda _: Reply.trickle(_trickle_body(), every=0.25)) as server:
        client = _client(mode, server.base_url, timeout=5.0)
        assert client.retry_policy.total_timeout == 600.0  # on by default (openai's default timeout)
        started = time.monotonic()
        with pytest.raises(orc.APITimeoutError):
            await _call(client.with_options(total_timeout=1.0))
        assert time.monotonic() - started < 30  # generous: without the deadline this takes 60 s or more
        await _close(client)


async def test_retries_stop_at_the_deadline(mode: Mode) -> None:
    busy = Reply.json({"error": {"code": 503, "message": "busy"}}, status=503)
    busy.headers["Retry-After"] = "0.3"
    with HostileServer(lambda _: busy) as server:
        policy = dataclasses.replace(FAST, max_retries=1000, total_timeout=1.0)
        started = time.monotonic()
        # the deadline ends the call at a wait (the last 503 is raised) or inside an attempt (a timeout)
        with pytest.raises((orc.ServiceUnavailableError, orc.APITimeoutError)):
            await _call(_client(mode, server.base_url, retry_policy=policy))
        assert time.monotonic() - started < 30  # generous: without the deadline this takes 60 s or more
        assert 1 <= len(server.requests) < 50  # stopped by the deadline, not by 1000 retries


async def _close(client: OpenRouter | AsyncOpenRouter) -> None:
    if isinstance(client, AsyncOpenRouter):
        await client.close()
    else:
        client.close()


# --- retries as one value ---------------------------------------------------------------------------------


def _flaky(failures: int, reply: Reply, status: int = 503, headers: dict[str, str] | None = None) -> Any:
    """A handler failing `failures` times with `status`, then answering `reply`."""
    count = {"n": 0}

    def handler(_: Request) -> Reply:
        count["n"] += 1
        if count["n"] <= failures:
            failed = Reply.json({"error": {"code": status, "message": "try again"}}, status=status)
            failed.headers.update(headers or {})
            return failed
        return reply

    return handler


@pytest.mark.parametrize("route", ["raw", "streaming"])
async def test_retries_taken_counts_our_loop(mode: Mode, route: str) -> None:
    with HostileServer(_flaky(2, Reply.json(COMPLETION))) as server:
        client = _client(mode, server.base_url)
        resource = client.chat.completions
        if route == "raw":
            raw = resource.with_raw_response.create(model="m", messages=MESSAGES)
            raw = await raw if isinstance(client, AsyncOpenRouter) else raw
            taken = raw.retries_taken
        elif isinstance(client, OpenRouter):
            with client.chat.completions.with_streaming_response.create(model="m", messages=MESSAGES) as sraw:
                taken = sraw.retries_taken
        else:
            async with client.chat.completions.with_streaming_response.create(model="m", messages=MESSAGES) as araw:
                taken = araw.retries_taken
        await _close(client)
    assert taken == 2 and len(server.requests) == 3
    assert [request.headers["x-stainless-retry-count"] for request in server.requests] == ["0", "1", "2"]


@pytest.mark.parametrize("hint", ["-5", "nan", "soon"])
async def test_a_negative_or_unreadable_retry_after_gets_the_normal_backoff(mode: Mode, hint: str) -> None:
    events: list[orc.RetryEvent] = []
    policy = orc.RetryPolicy(initial_backoff=0.05, max_backoff=0.05, jitter=0.0, on_retry=events.append)
    with HostileServer(_flaky(1, Reply.json(COMPLETION), status=429, headers={"Retry-After": hint})) as server:
        await _call(_client(mode, server.base_url, retry_policy=policy))
    assert [event.wait for event in events] == [0.05]  # the backoff, not an immediate retry
    assert events[0].status_code == 429


async def test_a_retried_file_body_is_sent_whole(mode: Mode) -> None:
    content = b'{"custom_id": "1"}\n' * 50
    file_object = {"id": "file-1", "object": "file", "bytes": len(content), "created_at": 1, "filename": "a.jsonl",
                   "purpose": "batch", "status": "processed"}  # fmt: skip
    with HostileServer(_flaky(1, Reply.json(file_object))) as server:
        client = _client(mode, server.base_url)
        created = client.files.create(file=("a.jsonl", io.BytesIO(content)), purpose="batch")
        if isinstance(client, AsyncOpenRouter):
            created = await created  # type: ignore[misc]
        await _close(client)
    assert created.id == "file-1"  # type: ignore[union-attr]
    assert len(server.requests) == 2
    first, second = (request.body for request in server.requests)
    assert content in first and content in second
    assert len(first) == len(second)


def test_max_retries_is_the_policys() -> None:
    client = OpenRouter(api_key=KEY, base_url="http://127.0.0.1:9/api/v1", retry_policy=orc.RetryPolicy(max_retries=5))
    assert client.max_retries == 5 == client.retry_policy.max_retries
    copy = client.with_options(max_retries=1)
    assert copy.max_retries == 1 == copy.retry_policy.max_retries
    client.max_retries = 3
    assert client.retry_policy.max_retries == 3
    assert client.with_options(timeout=1).retry_policy.max_retries == 3


@pytest.mark.parametrize(("value", "error"), [(None, TypeError), (-1, ValueError), ("2", TypeError)])
def test_an_invalid_max_retries_is_refused_as_openai_refuses_it(value: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        openai.OpenAI(api_key="x", max_retries=value)
    for cls in (OpenRouter, AsyncOpenRouter):
        with pytest.raises(error):
            cls(api_key=KEY, max_retries=value)
        with pytest.raises(error):
            cls(api_key=KEY).with_options(max_retries=value)


# --- openai drop-in behaviour -------------------------------------------------------------------------------


def test_explicit_admin_key_and_webhook_secret_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_ADMIN_KEY", "from-openai-env")
    monkeypatch.setenv("OPENAI_WEBHOOK_SECRET", "whsec_from_env")
    for cls in (OpenRouter, AsyncOpenRouter):
        plain = cls(api_key=KEY)
        assert plain.admin_api_key is None and plain.webhook_secret is None  # OpenAI's environment is not ours
        given = cls(api_key=KEY, admin_api_key="admin-given", webhook_secret="whsec_given")
        assert given.admin_api_key == "admin-given" and given.webhook_secret == "whsec_given"


def test_copy_refuses_default_headers_with_set_default_headers() -> None:
    with pytest.raises(ValueError, match="mutually exclusive"):
        openai.OpenAI(api_key="x").copy(default_headers={"a": "1"}, set_default_headers={"b": "2"})
    for cls in (OpenRouter, AsyncOpenRouter):
        with pytest.raises(ValueError, match="mutually exclusive"):
            cls(api_key=KEY).copy(default_headers={"a": "1"}, set_default_headers={"b": "2"})


async def test_a_mid_stream_transport_error_is_the_cause(mode: Mode, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/chat/completions", Fault.drop_connection(after_chunks=3))
    client = _client(mode, openrouter_emulator.base_url, api_key=openrouter_emulator.api_key)
    with pytest.raises(orc.StreamInterruptedError) as caught:
        if isinstance(client, OpenRouter):
            with client:
                list(client.chat.completions.create(model="openai/gpt-4o-mini", messages=MESSAGES, stream=True))
        else:
            async with client:
                stream = await client.chat.completions.create(
                    model="openai/gpt-4o-mini", messages=MESSAGES, stream=True
                )
                [chunk async for chunk in stream]
    assert isinstance(caught.value.__cause__, httpx2.TransportError)


# --- messages a user can act on -----------------------------------------------------------------------------


@pytest.fixture
def closed_port() -> Iterator[int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    yield port


async def test_a_connection_error_names_the_url(mode: Mode, closed_port: int) -> None:
    base_url = f"http://127.0.0.1:{closed_port}/api/v1"
    with pytest.raises(orc.APIConnectionError) as caught:
        await _call(_client(mode, base_url, max_retries=1))
    message = str(caught.value)
    assert isinstance(caught.value, openai.APIConnectionError)
    assert f"{base_url}/chat/completions" in message and "after 2 attempts" in message
    assert isinstance(caught.value.__cause__, httpx2.ConnectError)


async def test_a_timeout_says_after_how_many_attempts_and_seconds(mode: Mode) -> None:
    slow = Reply.trickle(json.dumps(COMPLETION).encode(), every=5)
    with HostileServer(lambda _: slow) as server, pytest.raises(orc.APITimeoutError) as caught:
        await _call(_client(mode, server.base_url, timeout=0.2, max_retries=1))
    message = str(caught.value)
    assert "timed out" in message and "after 2 attempts in" in message and " s" in message
    assert "/chat/completions" in message


async def test_a_401_says_where_the_key_came_from(mode: Mode, monkeypatch: pytest.MonkeyPatch) -> None:
    refused = Reply.json({"error": {"code": 401, "message": "User not found."}}, status=401)
    with HostileServer(lambda _: refused) as server:
        with pytest.raises(orc.AuthenticationError) as from_argument:
            await _call(_client(mode, server.base_url, api_key="sk-or-v1-wrong-key-0000"))
        assert "the api_key argument" in str(from_argument.value)
        monkeypatch.setenv("OPENROUTER_API_KEY", "sk-or-v1-wrong-env-key-0000")
        options = {"base_url": server.base_url, "retry_policy": FAST}
        client = OpenRouter(**options) if mode == "sync" else AsyncOpenRouter(**options)
        with pytest.raises(orc.AuthenticationError) as from_env:
            await _call(client.with_options(timeout=5))  # a copy keeps where the key came from
        await _close(client)
    assert "the OPENROUTER_API_KEY environment variable" in str(from_env.value)
    assert "wrong-env-key" not in str(from_env.value)


@pytest.mark.openrouter_emulator(allow_server_errors=True)  # the request misses /api/v1 on purpose
async def test_a_base_url_without_api_v1_that_404s_says_so(mode: Mode, openrouter_emulator: Emulator) -> None:
    base_url = openrouter_emulator.base_url.removesuffix("/api/v1").rstrip("/")
    with pytest.raises(orc.NotFoundError) as caught:
        await _call(_client(mode, base_url, api_key=openrouter_emulator.api_key))
    assert "does not end in /api/v1" in str(caught.value)


# --- the client's own key is scrubbed -----------------------------------------------------------------------


async def test_the_clients_own_key_of_any_shape_is_scrubbed(mode: Mode, caplog: pytest.LogCaptureFixture) -> None:
    key = "gw_7Q2xPz9KfL3mN8vR"  # a gateway key: not shaped like an OpenRouter or OpenAI key
    echo = Reply.json({"error": {"code": 401, "message": f"key {key} is not valid here"}}, status=401)
    with caplog.at_level(logging.DEBUG), HostileServer(lambda _: echo) as server:
        client = _client(mode, server.base_url, api_key=key)
        logging.getLogger("openrouter_compat").info("about to use %s", key)
        with pytest.raises(orc.AuthenticationError) as caught:
            await _call(client)
    assert key not in str(caught.value) and key not in caught.value.message
    assert "***" in str(caught.value)
    assert key not in caplog.text and "about to use ***" in caplog.text


# --- error classes importable and stable --------------------------------------------------------------------


@pytest.mark.parametrize(("status", "cls"), [(418, orc.UnexpectedStatusError), (599, orc.InternalServerError)])
async def test_an_unexpected_status_is_a_public_class(mode: Mode, status: int, cls: type[Exception]) -> None:
    reply = Reply.json({"error": {"code": status, "message": "odd"}}, status=status)
    with HostileServer(lambda _: reply) as server, pytest.raises(cls) as caught:
        await _call(_client(mode, server.base_url, max_retries=0))
    assert type(caught.value).__name__ in orc.__all__
    assert isinstance(caught.value, openai.APIStatusError) and caught.value.status_code == status


async def test_mid_stream_classes_are_defined_statically(mode: Mode, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/chat/completions", Fault.midstream_error(after_chunks=2, code=429))
    client = _client(mode, openrouter_emulator.base_url, api_key=openrouter_emulator.api_key)
    with pytest.raises(orc.MidStreamError) as caught:
        if isinstance(client, OpenRouter):
            with client:
                list(client.chat.completions.create(model="openai/gpt-4o-mini", messages=MESSAGES, stream=True))
        else:
            async with client:
                stream = await client.chat.completions.create(
                    model="openai/gpt-4o-mini", messages=MESSAGES, stream=True
                )
                [chunk async for chunk in stream]
    assert type(caught.value) is orc.MidStreamRateLimitError
    assert isinstance(caught.value, orc.RateLimitError) and isinstance(caught.value, openai.RateLimitError)


def test_every_error_class_is_exported() -> None:
    for name in exceptions_module.__all__:
        if name[0].isupper():
            assert name in orc.__all__ and getattr(orc, name) is getattr(exceptions_module, name), name
    midstream = [name for name in orc.__all__ if name.startswith("MidStream") and name != "MidStreamError"]
    assert len(midstream) >= 15
    for name in midstream:
        cls = getattr(orc, name)
        assert cls.__module__ == "openrouter_compat._exceptions" and issubclass(cls, orc.MidStreamError)


async def test_the_generation_poll_is_a_policy_value(mode: Mode, openrouter_emulator: Emulator) -> None:
    """Four 404s then the stats: the default poll (0.2 s doubling) would give up within `wait=3`; a client whose
    policy polls every 0.05 s gets the stats."""
    policy = dataclasses.replace(FAST, poll_initial_backoff=0.05, poll_max_backoff=0.05)
    client = _client(mode, openrouter_emulator.base_url, api_key=openrouter_emulator.api_key, retry_policy=policy)
    if isinstance(client, OpenRouter):
        with client:
            completion = client.chat.completions.create(model="openai/gpt-4o-mini", messages=MESSAGES)
            openrouter_emulator.generation_not_ready_for = 4
            generation = client.generations.retrieve(completion.id, wait=3)
    else:
        async with client:
            completion = await client.chat.completions.create(model="openai/gpt-4o-mini", messages=MESSAGES)
            openrouter_emulator.generation_not_ready_for = 4
            generation = await client.generations.retrieve(completion.id, wait=3)
    assert generation.id == completion.id
    assert len(openrouter_emulator.requests_to("/generation")) == 5
