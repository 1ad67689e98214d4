"""The OpenRouter emulator, driven over real sockets with plain httpx2 (and raw sockets where bytes matter)."""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import re
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx2
import pytest

from openrouter_compat.testing import Emulator, Fault, RecordedRequest

pytest_plugins = ["pytester"]

USER = {"role": "user", "content": "hello brave new world"}
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "days": {"type": "integer"}, "unit": {"enum": ["c", "f"]}},
            "required": ["city", "days"],
        },
    },
}


# --------------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def _server() -> Iterator[Emulator]:
    with Emulator() as emulator:
        yield emulator


@pytest.fixture
def emu(_server: Emulator) -> Iterator[Emulator]:
    _server.reset()
    yield _server
    assert _server.server_errors == []


@pytest.fixture
def client(emu: Emulator) -> Iterator[httpx2.Client]:
    with httpx2.Client(verify=False, base_url=emu.base_url, headers=_auth(emu.api_key), timeout=10) as c:
        yield c


@pytest.fixture
def mgmt(emu: Emulator) -> Iterator[httpx2.Client]:
    with httpx2.Client(verify=False, base_url=emu.base_url, headers=_auth(emu.management_key), timeout=10) as c:
        yield c


def _auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def chat(client: httpx2.Client, **body: Any) -> httpx2.Response:
    body.setdefault("model", "openai/gpt-4o-mini")
    body.setdefault("messages", [USER])
    return client.post("/chat/completions", json=body)


def stream_bytes(client: httpx2.Client, path: str = "/chat/completions", **body: Any) -> bytes:
    body.setdefault("model", "openai/gpt-4o-mini")
    if path == "/chat/completions":
        body.setdefault("messages", [USER])
    with client.stream("POST", path, json={**body, "stream": True}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/event-stream"
        assert response.headers["transfer-encoding"] == "chunked"
        return response.read()


def events(raw: bytes) -> list[str]:
    """The SSE blocks of a body, comments included, in order."""
    return [block for block in raw.decode().split("\n\n") if block]


def data(raw: bytes) -> list[Any]:
    """The JSON documents of the ``data:`` events (``[DONE]`` kept as the string)."""
    out: list[Any] = []
    for block in events(raw):
        if block.startswith("data: "):
            payload = block[len("data: ") :]
            out.append(payload if payload == "[DONE]" else json.loads(payload))
    return out


def price(model: str) -> tuple[Decimal, Decimal]:
    from openrouter_compat.testing._catalogue import find_model

    entry = find_model(model)
    assert entry is not None
    return Decimal(entry.data["pricing"]["prompt"]), Decimal(entry.data["pricing"]["completion"])


# --------------------------------------------------------------------------------------------------- lifecycle


def test_not_started_has_no_url_and_stop_is_idempotent() -> None:
    emulator = Emulator()
    with pytest.raises(RuntimeError):
        _ = emulator.base_url
    emulator.stop()
    emulator.start()
    try:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/api/v1", emulator.base_url)
        assert emulator.port > 0
        assert emulator.api_key.startswith("sk-or-v1-emulator-")
        assert emulator.management_key != emulator.api_key
    finally:
        emulator.stop()
        emulator.stop()
    assert not emulator.running


def test_stop_closes_idle_keepalive_connections_quickly() -> None:
    emulator = Emulator().start()
    port = emulator.port
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", "/api/v1/models")
    assert connection.getresponse().read()
    started = time.perf_counter()
    emulator.stop()
    assert time.perf_counter() - started < 2
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    connection.close()


def test_keepalive_reuses_one_connection_and_sends_content_length(emu: Emulator) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", emu.port, timeout=5)
    body = json.dumps({"model": "openai/gpt-4o-mini", "messages": [USER]})
    headers = {"Content-Type": "application/json", **_auth(emu.api_key)}
    sockets = []
    for _ in range(3):
        connection.request("POST", "/api/v1/chat/completions", body, headers)
        response = connection.getresponse()
        payload = response.read()
        assert response.status == 200
        assert response.version == 11
        assert int(response.headers["Content-Length"]) == len(payload)
        sockets.append(connection.sock)
    assert sockets[0] is not None and all(s is sockets[0] for s in sockets)
    connection.close()


def test_context_manager_serves_and_stops() -> None:
    with Emulator() as emulator, httpx2.Client(verify=False) as c:
        assert c.get(emulator.base_url + "/models").status_code == 200
    assert not emulator.running


def test_concurrent_requests_are_all_served_and_recorded(emu: Emulator) -> None:
    failures: list[int] = []

    def worker() -> None:
        with httpx2.Client(verify=False, base_url=emu.base_url, headers=_auth(emu.api_key)) as c:
            for _ in range(5):
                response = chat(c)
                if response.status_code != 200:
                    failures.append(response.status_code)

    threads = [threading.Thread(target=worker) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert len(emu.requests_to("/chat/completions")) == 50


# --------------------------------------------------------------------------------------------------- recording


def test_requests_are_recorded_with_query_headers_and_json(emu: Emulator, client: httpx2.Client) -> None:
    chat(client, user="u1")
    client.get("/models", params={"category": "programming"}, headers={"X-Title": "tests"})
    first, second = emu.requests
    assert isinstance(first, RecordedRequest)
    assert (first.method, first.path) == ("POST", "/chat/completions")
    assert first.json["user"] == "u1"
    assert json.loads(first.raw) == first.json
    assert first.headers["AUTHORIZATION"] == f"Bearer {emu.api_key}"
    assert first.bearer == emu.api_key
    assert (second.method, second.path, second.query) == ("GET", "/models", {"category": "programming"})
    assert second.headers["x-title"] == "tests" and "X-TITLE" in second.headers
    assert second.json is None and second.raw == b""
    assert emu.requests_to("models") == [second]
    assert emu.requests_to("/api/v1/models") == [second]
    assert emu.last_request("/chat/completions") is first


def test_reset_forgets_everything_and_restores_settings(emu: Emulator, client: httpx2.Client) -> None:
    emu.accept_any_key = True
    emu.strict_models = False
    emu.keepalive_comments = 7
    emu.failing_models.add("x/y")
    chat(client)
    emu.queue("/chat/completions", Fault.status(500))
    assert emu.total_cost > 0
    emu.reset()
    assert emu.requests == []
    assert emu.total_cost == 0
    assert (emu.accept_any_key, emu.strict_models, emu.keepalive_comments, emu.failing_models) == (
        False,
        True,
        2,
        set(),
    )
    assert chat(client).status_code == 200


# --------------------------------------------------------------------------------------------------- auth & routing


def test_authentication_rules(emu: Emulator, client: httpx2.Client) -> None:
    with httpx2.Client(verify=False, base_url=emu.base_url) as anonymous:
        missing = chat(anonymous)
        assert missing.status_code == 401
        assert missing.json() == {"error": {"code": 401, "message": "No auth credentials found"}}
        assert anonymous.get("/models").status_code == 200
    with httpx2.Client(verify=False, base_url=emu.base_url, headers=_auth("sk-or-v1-somebody-else")) as other:
        rejected = chat(other)  # strict by default: a key the emulator did not issue is refused
        assert rejected.status_code == 401
        assert rejected.json()["error"]["message"] == "User not found."
        emu.accept_any_key = True
        assert chat(other).status_code == 200
    assert chat(client).status_code == 200


def test_management_endpoints_need_the_management_key(client: httpx2.Client, mgmt: httpx2.Client) -> None:
    for path in ("/credits", "/keys", "/activity"):
        forbidden = client.get(path)
        assert forbidden.status_code == 403, path
        assert forbidden.json()["error"]["message"].startswith("Only management keys can")
        assert forbidden.json()["user_id"] == "user_emulator"
        assert mgmt.get(path).status_code == 200, path


def test_unknown_paths_and_methods(emu: Emulator, client: httpx2.Client) -> None:
    missing = client.get("/no/such/thing")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == 404
    outside = client.get(emu.url + "/v1/models")
    assert outside.status_code == 404
    wrong_method = client.delete("/chat/completions")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["error"]["code"] == 405


# --------------------------------------------------------------------------------------------------- chat


def test_chat_completion_shape_usage_and_cost(emu: Emulator, client: httpx2.Client) -> None:
    messages = [{"role": "system", "content": "be brief"}, USER]
    response = chat(client, messages=messages)
    assert response.status_code == 200
    body = response.json()
    assert re.fullmatch(r"gen-\d{10}-[A-Za-z0-9]{20}", body["id"])
    assert response.headers["x-generation-id"] == body["id"]
    assert body["object"] == "chat.completion"
    assert body["provider"] == "OpenAI"
    assert body["model"] == "openai/gpt-4o-mini"
    assert abs(body["created"] - time.time()) < 5
    choice = body["choices"][0]
    assert choice["message"]["role"] == "assistant"
    assert choice["message"]["content"] == "Echo: hello brave new world"
    assert (choice["finish_reason"], choice["native_finish_reason"]) == ("stop", "stop")
    usage = body["usage"]
    assert usage["prompt_tokens"] == 6
    assert usage["completion_tokens"] == 5
    assert usage["total_tokens"] == 11
    assert usage["prompt_tokens_details"] == {"cached_tokens": 0, "cache_write_tokens": 0, "audio_tokens": 0}
    assert usage["completion_tokens_details"] == {"reasoning_tokens": 0, "image_tokens": 0}
    assert usage["is_byok"] is False
    prompt_price, completion_price = price("openai/gpt-4o-mini")
    expected = (6 * prompt_price + 5 * completion_price).quantize(Decimal("1e-10"))
    assert Decimal(str(usage["cost"])) == expected
    details = usage["cost_details"]
    assert details["upstream_inference_cost"] is None
    assert Decimal(str(details["upstream_inference_prompt_cost"])) == 6 * prompt_price
    assert Decimal(str(details["upstream_inference_completions_cost"])) == 5 * completion_price
    assert emu.total_cost == expected


def test_total_cost_matches_the_sum_of_returned_costs(emu: Emulator, client: httpx2.Client) -> None:
    costs = [Decimal(str(chat(client, model=m).json()["usage"]["cost"])) for m in ("anthropic/claude-sonnet-4.5",) * 3]
    raw = stream_bytes(client, model="google/gemini-2.5-flash")
    costs.append(Decimal(str(data(raw)[-2]["usage"]["cost"])))
    assert emu.total_cost == sum(costs)


def test_free_models_cost_nothing(client: httpx2.Client) -> None:
    body = chat(client, model="meta-llama/llama-3.3-70b-instruct:free").json()
    assert body["usage"]["cost"] == 0
    assert body["provider"] == "Together"


@pytest.mark.parametrize(
    ("model", "order", "provider"),
    [
        ("openai/gpt-4o-mini", None, "OpenAI"),
        ("anthropic/claude-sonnet-4.5", None, "Anthropic"),
        ("google/gemini-2.5-flash", None, "Google AI Studio"),
        ("mistralai/mistral-small", None, "Together"),
        ("somebody/unknown-model", None, "Together"),
        ("anthropic/claude-sonnet-4.5", ["google-vertex/us-east5", "anthropic"], "Google Vertex"),
        ("openai/gpt-4o-mini", ["azure"], "Azure"),
        ("openai/gpt-4o-mini", ["Fireworks"], "Fireworks"),
        ("openai/gpt-4o-mini", ["my-own-provider"], "my-own-provider"),
    ],
)
def test_provider_choice(
    emu: Emulator, client: httpx2.Client, model: str, order: list[str] | None, provider: str
) -> None:
    emu.add_model("somebody/unknown-model")
    extra = {"provider": {"order": order}} if order else {}
    assert chat(client, model=model, **extra).json()["provider"] == provider


def test_model_fallbacks_skip_failing_models(emu: Emulator, client: httpx2.Client) -> None:
    body = chat(client, model="openai/gpt-4o-fail", models=["anthropic/claude-x-fail", "openai/gpt-4o-mini"]).json()
    assert body["model"] == "openai/gpt-4o-mini"
    assert chat(client, model=None, models=["google/gemini-2.5-flash"]).json()["model"] == "google/gemini-2.5-flash"
    emu.failing_models.add("google/gemini-2.5-flash")
    body = chat(client, model="google/gemini-2.5-flash", models=["anthropic/claude-sonnet-4.5"]).json()
    assert body["model"] == "anthropic/claude-sonnet-4.5"
    generation = client.get("/generation", params={"id": body["id"]}).json()["data"]
    attempts = [(p["model_permaslug"], p["status"]) for p in generation["provider_responses"]]
    assert attempts == [("google/gemini-2.5-flash", 502), ("anthropic/claude-sonnet-4.5", 200)]
    everything_fails = chat(client, model="a/b-fail", models=["c/d-fail"])
    assert everything_fails.status_code == 502
    error = everything_fails.json()["error"]
    assert error["message"] == "Provider returned error"
    assert set(error["metadata"]) == {"provider_name", "raw"}


def test_strict_models_rejects_unknown_ids(emu: Emulator, client: httpx2.Client) -> None:
    rejected = chat(client, model="nobody/nothing")
    assert rejected.status_code == 400
    assert rejected.json()["error"]["message"] == "nobody/nothing is not a valid model ID"
    emu.strict_models = False
    assert chat(client, model="nobody/nothing").status_code == 200


def test_max_tokens_truncates_words(client: httpx2.Client) -> None:
    for key in ("max_tokens", "max_completion_tokens"):
        body = chat(client, model="google/gemini-2.5-flash", **{key: 2}).json()
        choice = body["choices"][0]
        assert choice["message"]["content"] == "Echo: hello"
        assert (choice["finish_reason"], choice["native_finish_reason"]) == ("length", "MAX_TOKENS")
        assert body["usage"]["completion_tokens"] == 2


def test_validation_errors(client: httpx2.Client) -> None:
    missing = client.post("/chat/completions", json={"model": "openai/gpt-4o-mini"})
    assert missing.status_code == 400
    assert missing.json()["error"]["code"] == 400
    conflict = chat(client, reasoning={"effort": "high"}, reasoning_effort="low")
    assert conflict.status_code == 400
    assert conflict.json()["error"]["message"] == 'Only one of "reasoning" and "reasoning_effort" may be provided'
    assert chat(client, reasoning={"effort": "low"}, reasoning_effort="low").status_code == 200
    not_json = client.post("/chat/completions", content=b"{oops", headers={"Content-Type": "application/json"})
    assert not_json.status_code == 400


def test_legacy_prompt_is_accepted_on_chat(client: httpx2.Client) -> None:
    body = client.post("/chat/completions", json={"model": "openai/gpt-4o-mini", "prompt": "say hi"}).json()
    assert body["choices"][0]["message"]["content"] == "Echo: say hi"


@pytest.mark.parametrize(
    ("model", "detail_types", "fmt"),
    [
        ("anthropic/claude-sonnet-4.5", ["reasoning.text"], "anthropic-claude-v1"),
        ("openai/gpt-5-mini", ["reasoning.summary", "reasoning.encrypted"], "openai-responses-v1"),
        ("google/gemini-2.5-flash", ["reasoning.text"], "google-gemini-v1"),
    ],
)
def test_reasoning_formats_per_vendor(client: httpx2.Client, model: str, detail_types: list[str], fmt: str) -> None:
    body = chat(client, model=model, reasoning={"effort": "high"}).json()
    message = body["choices"][0]["message"]
    assert message["reasoning"].startswith("The user asked: hello brave new world")
    details = message["reasoning_details"]
    assert [d["type"] for d in details] == detail_types
    assert all(d["format"] == fmt and d["index"] == 0 for d in details)
    if model.startswith("anthropic/"):
        assert details[0]["text"] == message["reasoning"] and details[0]["signature"]
    if model.startswith("openai/"):
        assert details[0]["summary"] == message["reasoning"]
        assert details[1]["data"].startswith("gAAAAAB") and details[1]["id"].startswith("rs_")
    reasoning_tokens = len(message["reasoning"].split())
    assert body["usage"]["completion_tokens_details"]["reasoning_tokens"] == reasoning_tokens
    assert body["usage"]["completion_tokens"] == reasoning_tokens + len(message["content"].split())


@pytest.mark.parametrize(
    ("extra", "returned", "charged"),
    [
        ({}, False, False),
        ({"reasoning": {}}, True, True),
        ({"reasoning": {"max_tokens": 2000}}, True, True),
        ({"reasoning": {"exclude": True}}, False, True),
        ({"reasoning": {"enabled": False}}, False, False),
        ({"reasoning": {"effort": "none"}}, False, False),
        ({"reasoning_effort": "medium"}, True, True),
        ({"reasoning_effort": "none"}, False, False),
        ({"include_reasoning": True}, True, True),
        ({"include_reasoning": False}, False, False),
        ({"model": "anthropic/claude-sonnet-4.5:thinking"}, True, True),
    ],
)
def test_when_reasoning_is_produced(
    client: httpx2.Client, extra: dict[str, Any], returned: bool, charged: bool
) -> None:
    body = chat(client, **extra).json()
    message = body["choices"][0]["message"]
    assert (message["reasoning"] is not None) is returned
    assert ("reasoning_details" in message) is returned
    assert (body["usage"]["completion_tokens_details"]["reasoning_tokens"] > 0) is charged


def test_tool_call_for_weather_questions(client: httpx2.Client) -> None:
    ask = {"role": "user", "content": "What is the WEATHER in Paris?"}
    body = chat(client, messages=[ask], tools=[WEATHER_TOOL]).json()
    choice = body["choices"][0]
    assert choice["finish_reason"] == "tool_calls"
    (call,) = choice["message"]["tool_calls"]
    assert call["type"] == "function" and call["id"].startswith("call_")
    assert call["function"]["name"] == "get_weather"
    assert json.loads(call["function"]["arguments"]) == {"city": "placeholder", "days": 1}
    plain = chat(client, tools=[WEATHER_TOOL]).json()["choices"][0]
    assert plain["finish_reason"] == "stop" and "tool_calls" not in plain["message"]
    refused = chat(client, messages=[ask], tools=[WEATHER_TOOL], tool_choice="none").json()["choices"][0]
    assert refused["finish_reason"] == "stop"
    forced = {"type": "function", "function": {"name": "get_weather"}}
    assert chat(client, tools=[WEATHER_TOOL], tool_choice=forced).json()["choices"][0]["finish_reason"] == "tool_calls"
    no_params = {"type": "function", "function": {"name": "now"}}
    args = chat(client, messages=[ask], tools=[no_params]).json()["choices"][0]["message"]["tool_calls"][0]
    assert args["function"]["arguments"] == "{}"
    after_tool = [ask, {"role": "assistant", "content": "", "tool_calls": [call]}, {"role": "tool", "content": "sunny"}]
    answered = chat(client, messages=after_tool, tools=[WEATHER_TOOL]).json()["choices"][0]
    assert answered["finish_reason"] == "stop"
    assert answered["message"]["content"] == "Echo: What is the WEATHER in Paris?"


def test_structured_output_satisfies_the_schema(client: httpx2.Client) -> None:
    schema = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "age": {"type": "integer"},
            "score": {"type": "number"},
            "ok": {"type": "boolean"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "kind": {"type": "string", "enum": ["a", "b"]},
            "address": {"$ref": "#/$defs/Address"},
            "nickname": {"type": ["string", "null"]},
        },
        "required": ["name", "age", "score", "ok", "tags", "kind", "address"],
        "$defs": {"Address": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}},
    }
    response_format = {"type": "json_schema", "json_schema": {"name": "person", "strict": True, "schema": schema}}
    content = chat(client, response_format=response_format).json()["choices"][0]["message"]["content"]
    value = json.loads(content)
    assert set(value) == set(schema["required"])
    assert isinstance(value["name"], str) and isinstance(value["age"], int) and isinstance(value["score"], float)
    assert value["ok"] is True and value["tags"] == ["placeholder"] and value["kind"] == "a"
    assert value["address"] == {"city": "placeholder"}
    json_object = chat(client, response_format={"type": "json_object"}).json()["choices"][0]["message"]["content"]
    assert json.loads(json_object) == {"echo": "hello brave new world"}


@pytest.mark.parametrize("extra", [{"plugins": [{"id": "web"}]}, {"model": "openai/gpt-4o-mini:online"}])
def test_web_search_adds_url_citations(emu: Emulator, client: httpx2.Client, extra: dict[str, Any]) -> None:
    body = chat(client, **extra).json()
    (annotation,) = body["choices"][0]["message"]["annotations"]
    assert annotation["type"] == "url_citation"
    citation = annotation["url_citation"]
    assert citation["url"].startswith("https://") and citation["title"] and citation["content"]
    assert citation["end_index"] == len(body["choices"][0]["message"]["content"])
    assert "annotations" not in chat(client).json()["choices"][0]["message"]


# --------------------------------------------------------------------------------------------------- chat streams


def test_stream_shape_matches_the_non_stream_answer(emu: Emulator, client: httpx2.Client) -> None:
    emu.keepalive_comments = 3
    raw = stream_bytes(client)
    blocks = events(raw)
    assert blocks[:3] == [": OPENROUTER PROCESSING"] * 3
    chunks = data(raw)
    assert chunks[-1] == "[DONE]"
    usage_chunk, finish_chunk, content_chunks = chunks[-2], chunks[-3], chunks[:-3]
    assert len(content_chunks) == 5
    for chunk in content_chunks:
        assert chunk["object"] == "chat.completion.chunk"
        assert chunk["provider"] == "OpenAI" and chunk["model"] == "openai/gpt-4o-mini"
        (choice,) = chunk["choices"]
        assert choice["delta"]["role"] == "assistant"
        assert (choice["finish_reason"], choice["native_finish_reason"], choice["logprobs"]) == (None, None, None)
    text = "".join(c["choices"][0]["delta"]["content"] for c in content_chunks)
    assert text == chat(client).json()["choices"][0]["message"]["content"]
    assert [c["choices"][0]["delta"]["content"] for c in content_chunks][:2] == ["Echo: ", "hello "]
    assert finish_chunk["choices"][0]["finish_reason"] == "stop"
    assert usage_chunk["choices"] == []
    assert usage_chunk["usage"]["completion_tokens"] == 5 and usage_chunk["usage"]["cost"] > 0
    assert len({c["id"] for c in chunks[:-1]}) == 1
    generation = client.get("/generation", params={"id": usage_chunk["id"]}).json()["data"]
    assert generation["streamed"] is True


def test_reasoning_stream_deltas_with_and_without_index(client: httpx2.Client) -> None:
    raw = stream_bytes(client, model="anthropic/claude-sonnet-4.5", reasoning={"max_tokens": 1024})
    chunks = data(raw)[:-1]
    deltas = [c["choices"][0]["delta"] for c in chunks if c["choices"]]
    reasoning = [d for d in deltas if d.get("reasoning")]
    assert reasoning, "reasoning deltas come first"
    assert deltas.index(reasoning[0]) == 0
    assert "".join(d["reasoning"] for d in reasoning).startswith("The user asked:")
    for d in reasoning:
        (detail,) = d["reasoning_details"]
        assert detail == {"type": "reasoning.text", "text": d["reasoning"], "index": 0, "format": "anthropic-claude-v1"}
    signature = [d for d in deltas if d.get("reasoning_details") and "signature" in d["reasoning_details"][0]]
    assert len(signature) == 1
    first_content = next(i for i, d in enumerate(deltas) if d.get("content"))
    assert first_content > deltas.index(reasoning[-1])
    raw = stream_bytes(client, model="openai/gpt-5-mini-noindex", reasoning={"effort": "low"})
    details = [d for c in data(raw)[:-1] if c["choices"] for d in c["choices"][0]["delta"].get("reasoning_details", [])]
    assert details and all("index" not in d for d in details)
    assert {d["type"] for d in details} == {"reasoning.summary", "reasoning.encrypted"}


def test_tool_call_stream_deltas(client: httpx2.Client) -> None:
    ask = {"role": "user", "content": "weather in Rome?"}
    chunks = data(stream_bytes(client, messages=[ask], tools=[WEATHER_TOOL]))[:-1]
    calls = [
        c["choices"][0]["delta"]["tool_calls"][0]
        for c in chunks
        if c["choices"] and "tool_calls" in c["choices"][0]["delta"]
    ]
    assert len(calls) >= 3
    assert all(call["index"] == 0 for call in calls)
    assert calls[0]["id"].startswith("call_") and calls[0]["function"]["name"] == "get_weather"
    assert all("id" not in call for call in calls[1:])
    arguments = "".join(call["function"]["arguments"] for call in calls)
    assert json.loads(arguments) == {"city": "placeholder", "days": 1}
    finish = [c for c in chunks if c["choices"] and c["choices"][0]["finish_reason"]]
    assert finish[0]["choices"][0]["finish_reason"] == "tool_calls"


def test_web_search_stream_sends_annotations(client: httpx2.Client) -> None:
    chunks = data(stream_bytes(client, plugins=[{"id": "web"}]))[:-1]
    notes = [
        c["choices"][0]["delta"]["annotations"]
        for c in chunks
        if c["choices"] and "annotations" in c["choices"][0]["delta"]
    ]
    assert len(notes) == 1 and notes[0][0]["type"] == "url_citation"


def test_long_streams_are_fast_and_exact(emu: Emulator, client: httpx2.Client) -> None:
    started = time.perf_counter()
    raw = stream_bytes(client, messages=[{"role": "user", "content": "long:10000"}])
    elapsed = time.perf_counter() - started
    chunks = data(raw)
    content = [c for c in chunks[:-1] if c["choices"] and c["choices"][0]["delta"].get("content")]
    assert len(content) == 10000
    assert chunks[-2]["usage"]["completion_tokens"] == 10000
    assert elapsed < 5
    truncated = chat(client, messages=[{"role": "user", "content": "long:50"}], max_tokens=7).json()
    assert len(truncated["choices"][0]["message"]["content"].split()) == 7


def test_stream_delay_spaces_out_chunks(emu: Emulator, client: httpx2.Client) -> None:
    emu.stream_delay = 0.05
    started = time.perf_counter()
    stream_bytes(client)
    assert time.perf_counter() - started >= 0.3


# --------------------------------------------------------------------------------------------------- error faults


def test_status_fault_default_body_and_queue_order(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.status(503), Fault.status(418, body={"custom": True}, headers={"X-A": "b"}))
    first = chat(client)
    assert first.status_code == 503
    assert first.json() == {
        "error": {"code": 503, "message": "No available provider meets your routing requirements", "metadata": {}},
        "user_id": "user_emulator",
    }
    second = chat(client)
    assert (second.status_code, second.json(), second.headers["x-a"]) == (418, {"custom": True}, "b")
    assert chat(client).status_code == 200
    assert len(emu.requests_to("/chat/completions")) == 3


def test_faults_are_per_path_and_method_agnostic(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/models", Fault.status(500, message="boom", metadata={"k": "v"}))
    assert chat(client).status_code == 200
    failed = client.get("/models")
    assert failed.status_code == 500
    assert failed.json()["error"] == {"code": 500, "message": "boom", "metadata": {"k": "v"}}
    assert client.get("/models").status_code == 200


def test_rate_limited_fault_headers(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.rate_limited(), Fault.rate_limited(2.5, reset_ms=1700000000000))
    emu.queue("/chat/completions", Fault.rate_limited(None))
    first = chat(client)
    assert first.status_code == 429
    assert first.headers["retry-after"] == "1"
    assert first.headers["x-ratelimit-limit"] == "20" and first.headers["x-ratelimit-remaining"] == "0"
    assert abs(int(first.headers["x-ratelimit-reset"]) - (time.time() + 1) * 1000) < 5000
    assert first.json()["error"]["code"] == 429
    assert first.json()["error"]["metadata"]["headers"]["X-RateLimit-Remaining"] == "0"
    second = chat(client)
    assert (second.headers["retry-after"], second.headers["x-ratelimit-reset"]) == ("2.5", "1700000000000")
    third = chat(client)
    assert third.status_code == 429 and "retry-after" not in third.headers


def test_moderation_fault(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.moderation(["violence", "hate"], flagged_input="x" * 300))
    response = chat(client, model="openai/gpt-5-mini")
    assert response.status_code == 403
    meta = response.json()["error"]["metadata"]
    assert meta["reasons"] == ["violence", "hate"]
    assert len(meta["flagged_input"]) <= 100 and "..." in meta["flagged_input"]
    assert (meta["provider_name"], meta["model_slug"]) == ("OpenAI", "openai/gpt-5-mini")


def test_insufficient_credits_fault_and_exhausted_credits(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.insufficient_credits())
    response = chat(client)
    assert response.status_code == 402
    assert "credits" in response.json()["error"]["message"].lower()
    emu.total_credits = Decimal(0)
    assert chat(client).status_code == 402


@pytest.mark.parametrize(
    ("shape", "keys"),
    [
        ("2025", {"provider_name", "raw"}),
        ("2026", {"error_type", "provider_code"}),
        ("both", {"provider_name", "raw", "error_type", "provider_code"}),
    ],
)
def test_provider_error_fault_shapes(emu: Emulator, client: httpx2.Client, shape: Any, keys: set[str]) -> None:
    emu.queue("/chat/completions", Fault.provider_error(429, "Venice", "slow down", shape=shape))
    response = chat(client)
    assert response.status_code == 429
    error = response.json()["error"]
    assert error["message"] == "Provider returned error"
    assert set(error["metadata"]) == keys
    if "raw" in keys:
        assert (error["metadata"]["provider_name"], error["metadata"]["raw"]) == ("Venice", "slow down")
    if "error_type" in keys:
        assert error["metadata"]["error_type"] == "rate_limit_exceeded" == error["error_type"]


def test_error_body_with_http_200(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.error_body_200(code=502, message="upstream died"))
    response = chat(client)
    assert response.status_code == 200
    assert response.json() == {
        "error": {"code": 502, "message": "upstream died", "metadata": {}},
        "user_id": "user_emulator",
    }


def test_null_choices_with_http_200(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.null_choices_200())
    body = chat(client, model="google/gemini-2.5-flash").json()
    assert body["choices"] is None
    assert body["object"] == "chat.completion" and body["model"] == "google/gemini-2.5-flash"


# --------------------------------------------------------------------------------------------------- stream faults


def test_midstream_error_stream(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.midstream_error(after_chunks=2, code=502, message="Provider disconnected"))
    chunks = data(stream_bytes(client))
    assert chunks[-1] == "[DONE]"
    assert [c["choices"][0]["delta"]["content"] for c in chunks[:2]] == ["Echo: ", "hello "]
    error_chunk = chunks[2]
    assert len(chunks) == 4
    assert error_chunk["error"]["code"] == 502 and error_chunk["error"]["message"] == "Provider disconnected"
    assert error_chunk["error"]["metadata"]["error_type"] == "provider_unavailable"
    assert error_chunk["choices"] == [{"index": 0, "delta": {"content": ""}, "finish_reason": "error"}]
    assert error_chunk["object"] == "chat.completion.chunk" and error_chunk["provider"] == "OpenAI"
    assert error_chunk["usage"]["completion_tokens"] == 2
    generation = client.get("/generation", params={"id": error_chunk["id"]}).json()["data"]
    assert generation["finish_reason"] == "error"
    assert Decimal(str(generation["total_cost"])) == emu.total_cost


def test_midstream_error_without_stream_fails_the_choice(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.midstream_error(after_chunks=3, code=429, message="Rate limit exceeded"))
    response = chat(client)
    assert response.status_code == 200
    choice = response.json()["choices"][0]
    assert choice["finish_reason"] == "error"
    assert choice["message"]["content"] == "Echo: hello brave "
    assert choice["error"]["code"] == 429 and choice["error"]["metadata"]["provider_code"] == "rate_limited"
    emu.queue("/embeddings", Fault.midstream_error(code=503, message="down"))
    failed = client.post("/embeddings", json={"input": "x"})
    assert failed.status_code == 503 and failed.json()["error"]["message"] == "down"


def test_drop_connection_cuts_the_stream(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.drop_connection(after_chunks=2))
    received = b""
    with (
        pytest.raises(httpx2.TransportError),
        client.stream(
            "POST", "/chat/completions", json={"model": "openai/gpt-4o-mini", "messages": [USER], "stream": True}
        ) as response,
    ):
        for piece in response.iter_raw():
            received += piece
    chunks = data(received)
    assert [c["choices"][0]["delta"]["content"] for c in chunks] == ["Echo: ", "hello "]
    assert b"[DONE]" not in received
    assert chat(client).status_code == 200
    emu.queue("/chat/completions", Fault.drop_connection())
    with pytest.raises(httpx2.TransportError):
        chat(client)


def test_stall_trips_the_read_timeout(emu: Emulator) -> None:
    emu.queue("/chat/completions", Fault.stall(after_chunks=1, seconds=3))
    timeout = httpx2.Timeout(5, read=0.5)
    received = b""
    started = time.perf_counter()
    with (
        httpx2.Client(verify=False, base_url=emu.base_url, headers=_auth(emu.api_key), timeout=timeout) as c,
        pytest.raises(httpx2.ReadTimeout),
        c.stream("POST", "/chat/completions", json={"messages": [USER], "stream": True}) as response,
    ):
        for piece in response.iter_raw():
            received += piece
    assert time.perf_counter() - started > 0.4  # the ReadTimeout itself shows the stall outlasted the timeout
    assert len(data(received)) == 1


def test_split_event_arrives_in_several_reads(emu: Emulator) -> None:
    emu.queue("/chat/completions", Fault.split_event())
    with socket.create_connection(("127.0.0.1", emu.port)) as sock:
        body = json.dumps({"model": "openai/gpt-4o-mini", "messages": [USER], "stream": True}).encode()
        request = (
            f"POST /api/v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Authorization: Bearer {emu.api_key}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        ).encode() + body
        sock.sendall(request)
        reads: list[bytes] = []
        while piece := sock.recv(65536):
            reads.append(piece)
    raw = b"".join(reads)
    assert raw.endswith(b"0\r\n\r\n")
    pieces = _dechunk(raw)
    chunks = data(b"".join(pieces))
    assert chunks[-1] == "[DONE]"
    assert "".join(c["choices"][0]["delta"]["content"] for c in chunks[:-3]) == "Echo: hello brave new world"
    assert len(pieces) >= 3 * len(chunks), "every event is written in several HTTP chunks"
    assert any(b"data: {" in p and not p.endswith(b"\n\n") for p in pieces)
    partial = [r for r in reads if b"data: {" in r and not r.endswith(b"\n\n")]
    assert partial, "some socket reads end in the middle of a JSON event"


def _dechunk(raw: bytes) -> list[bytes]:
    """The chunks of a chunked HTTP/1.1 response body."""
    body = raw.split(b"\r\n\r\n", 1)[1]
    out: list[bytes] = []
    while True:
        size_line, body = body.split(b"\r\n", 1)
        size = int(size_line, 16)
        if size == 0:
            return out
        out.append(body[:size])
        body = body[size + 2 :]


def test_split_event_parses_through_httpx(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.split_event(pieces=4, pause=0.001))
    chunks = data(stream_bytes(client))
    assert chunks[-1] == "[DONE]" and chunks[-2]["usage"]["completion_tokens"] == 5
    emu.queue("/chat/completions", Fault.split_event())
    assert chat(client).json()["choices"][0]["message"]["content"] == "Echo: hello brave new world"


def test_keepalive_only_stream(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.keepalive_only(count=4))
    raw = stream_bytes(client)
    assert events(raw) == [": OPENROUTER PROCESSING"] * 4
    assert data(raw) == []


def test_malformed_chunk_then_normal_stream(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.malformed_chunk(after_chunks=1))
    blocks = [b for b in events(stream_bytes(client)) if b.startswith("data:")]
    assert blocks[1] == "data: {not json"
    assert blocks[-1] == "data: [DONE]"
    assert len(blocks) == 1 + 1 + 4 + 2 + 1
    emu.queue("/chat/completions", Fault.malformed_chunk())
    response = chat(client)
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)


def test_empty_data_then_normal_stream(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/chat/completions", Fault.empty_data(after_chunks=2))
    blocks = [b for b in events(stream_bytes(client)) if b.startswith("data:")]
    assert blocks[2] == "data:"
    assert blocks[-1] == "data: [DONE]"
    emu.queue("/chat/completions", Fault.empty_data())
    response = chat(client)
    assert response.status_code == 200 and response.content == b""


@pytest.mark.parametrize(
    "fault",
    [
        Fault.keepalive_only(2),
        Fault.split_event(),
        Fault.malformed_chunk(),
        Fault.empty_data(),
        Fault.midstream_error(),
    ],
    ids=lambda f: f.kind,
)
def test_connection_stays_reusable_after_complete_faulty_streams(emu: Emulator, fault: Fault) -> None:
    emu.queue("/chat/completions", fault)
    connection = http.client.HTTPConnection("127.0.0.1", emu.port, timeout=5)
    headers = {"Content-Type": "application/json", **_auth(emu.api_key)}
    body = json.dumps({"model": "openai/gpt-4o-mini", "messages": [USER], "stream": True})
    sockets = []
    for _ in range(2):
        connection.request("POST", "/api/v1/chat/completions", body, headers)
        response = connection.getresponse()
        assert response.status == 200 and response.getheader("Connection") is None
        response.read()
        sockets.append(connection.sock)
    assert sockets[0] is sockets[1]
    connection.close()
    assert len(emu.requests_to("/chat/completions")) == 2


def test_delay_fault(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/models", Fault.delay(0.3))
    started = time.perf_counter()
    assert client.get("/models").status_code == 200
    assert time.perf_counter() - started >= 0.3


def test_stream_faults_apply_to_responses_and_completions(emu: Emulator, client: httpx2.Client) -> None:
    emu.queue("/responses", Fault.midstream_error(after_chunks=3, code=500, message="broken"))
    frames = data(stream_bytes(client, "/responses", input="one two three"))
    assert frames[-1] == "[DONE]"
    error = frames[-2]
    assert error["type"] == "error" and error["error"]["code"] == 500 and error["message"] == "broken"
    assert [f["sequence_number"] for f in frames[:-1]] == list(range(len(frames) - 1))
    emu.queue("/completions", Fault.midstream_error(after_chunks=1))
    frames = data(stream_bytes(client, "/completions", prompt="a b c"))
    assert frames[1]["choices"][0]["finish_reason"] == "error" and frames[1]["error"]["code"] == 502


# --------------------------------------------------------------------------------------------------- other inference


def test_legacy_completions(client: httpx2.Client) -> None:
    response = client.post("/completions", json={"model": "openai/gpt-4o-mini", "prompt": "once upon a time"})
    body = response.json()
    assert body["object"] == "text_completion" and body["provider"] == "OpenAI"
    assert response.headers["x-generation-id"] == body["id"]
    choice = body["choices"][0]
    assert choice["text"] == "Echo: once upon a time" and choice["native_finish_reason"] == "stop"
    assert body["usage"]["prompt_tokens"] == 4 and body["usage"]["cost"] > 0
    chunks = data(stream_bytes(client, "/completions", prompt="once upon a time"))
    assert "".join(c["choices"][0]["text"] for c in chunks[:-2] if c["choices"]) == choice["text"]
    assert chunks[-2]["choices"] == [] and chunks[-2]["usage"]["completion_tokens"] == 5
    assert client.post("/completions", json={"model": "openai/gpt-4o-mini"}).status_code == 400


def test_embeddings_float_and_base64(emu: Emulator, client: httpx2.Client) -> None:
    request = {"model": "openai/text-embedding-3-small", "input": ["alpha beta", "gamma"]}
    response = client.post("/embeddings", json=request)
    body = response.json()
    assert body["object"] == "list" and body["model"] == "openai/text-embedding-3-small"
    assert body["provider"] == "OpenAI" and response.headers["x-generation-id"] == body["id"]
    first, second = body["data"]
    assert (first["object"], first["index"], second["index"]) == ("embedding", 0, 1)
    assert len(first["embedding"]) == 8 and all(-1 <= v <= 1 for v in first["embedding"])
    assert first["embedding"] != second["embedding"]
    assert client.post("/embeddings", json=request).json()["data"][0]["embedding"] == first["embedding"]
    encoded = client.post("/embeddings", json={**request, "encoding_format": "base64"}).json()["data"][0]["embedding"]
    decoded = list(struct.unpack("<8f", base64.b64decode(encoded)))
    assert decoded == first["embedding"]
    assert body["usage"]["prompt_tokens"] == 3 == body["usage"]["total_tokens"]
    assert Decimal(str(body["usage"]["cost"])) == 3 * price("openai/text-embedding-3-small")[0]
    sized = client.post("/embeddings", json={"input": "x", "dimensions": 32}).json()
    assert len(sized["data"][0]["embedding"]) == 32
    tokens = client.post("/embeddings", json={"input": [1, 2, 3]}).json()
    assert len(tokens["data"]) == 1 and tokens["usage"]["prompt_tokens"] == 3
    assert client.post("/embeddings", json={"model": "x"}).status_code == 400
    generation = client.get("/generation", params={"id": body["id"]}).json()["data"]
    assert generation["api_type"] == "embeddings"


def test_responses_non_stream(client: httpx2.Client) -> None:
    request = {
        "model": "openai/gpt-5-mini",
        "input": [{"role": "user", "content": [{"type": "input_text", "text": "hi there"}]}],
        "instructions": "be nice",
        "reasoning": {"effort": "low"},
        "include": ["reasoning.encrypted_content"],
    }
    response = client.post("/responses", json=request)
    body = response.json()
    assert body["object"] == "response" and body["status"] == "completed"
    assert body["id"] == response.headers["x-generation-id"]
    reasoning, message = body["output"]
    assert reasoning["type"] == "reasoning" and reasoning["encrypted_content"].startswith("gAAAAAB")
    assert reasoning["content"][0]["type"] == "reasoning_text"
    assert message["type"] == "message" and message["role"] == "assistant" and message["status"] == "completed"
    assert message["content"] == [{"type": "output_text", "text": "Echo: hi there", "annotations": [], "logprobs": []}]
    usage = body["usage"]
    assert usage["input_tokens"] == 4 and usage["input_tokens_details"] == {"cached_tokens": 0}
    assert usage["output_tokens_details"]["reasoning_tokens"] > 0
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"] and usage["cost"] > 0
    plain = client.post("/responses", json={"model": "openai/gpt-4o-mini", "input": "hey", "max_output_tokens": 1})
    assert plain.json()["status"] == "incomplete"
    assert plain.json()["output"][0]["content"][0]["text"] == "Echo:"
    assert client.post("/responses", json={"model": "openai/gpt-4o-mini"}).status_code == 400


def test_responses_stream_events(client: httpx2.Client) -> None:
    raw = stream_bytes(client, "/responses", input="hi there", reasoning={"effort": "low"})
    assert b"\nevent:" not in raw and not raw.startswith(b"event:")
    frames = data(raw)
    assert frames[-1] == "[DONE]"
    frames = frames[:-1]
    assert [f["sequence_number"] for f in frames] == list(range(len(frames)))
    types = [f["type"] for f in frames]
    assert types[:2] == ["response.created", "response.in_progress"]
    assert types[-1] == "response.completed"
    assert "response.reasoning_text.delta" in types
    assert types.index("response.reasoning_text.delta") < types.index("response.output_text.delta")
    text = "".join(f["delta"] for f in frames if f["type"] == "response.output_text.delta")
    assert text == "Echo: hi there"
    final = frames[-1]["response"]
    assert final["status"] == "completed" and final["usage"]["output_tokens"] > 0
    assert final["output"][-1]["content"][0]["text"] == text
    assert frames[0]["response"]["status"] == "in_progress" and frames[0]["response"]["usage"] is None


def test_responses_tool_call(client: httpx2.Client) -> None:
    tool = {"type": "function", "name": "get_weather", **{"parameters": WEATHER_TOOL["function"]["parameters"]}}  # type: ignore[index]
    body = client.post("/responses", json={"input": "weather in Oslo", "tools": [tool]}).json()
    (call,) = body["output"]
    assert call["type"] == "function_call" and call["name"] == "get_weather" and call["call_id"].startswith("call_")
    assert json.loads(call["arguments"]) == {"city": "placeholder", "days": 1}
    frames = data(stream_bytes(client, "/responses", input="weather in Oslo", tools=[tool]))[:-1]
    types = [f["type"] for f in frames]
    assert "response.function_call_arguments.delta" in types and "response.function_call_arguments.done" in types
    follow_up = [
        {"role": "user", "content": "weather in Oslo"},
        {"type": "function_call", "call_id": call["call_id"], "name": "get_weather", "arguments": call["arguments"]},
        {"type": "function_call_output", "call_id": call["call_id"], "output": "sunny"},
    ]
    answer = client.post("/responses", json={"input": follow_up, "tools": [tool]}).json()
    assert answer["output"][0]["content"][0]["text"] == "Echo: weather in Oslo"


# --------------------------------------------------------------------------------------------------- account endpoints


def test_key_reports_usage_so_far(emu: Emulator, client: httpx2.Client, mgmt: httpx2.Client) -> None:
    assert client.get("/key").json()["data"]["usage"] == 0
    chat(client)
    data_ = client.get("/key").json()["data"]
    expected = {
        "label", "limit", "limit_reset", "limit_remaining", "include_byok_in_limit", "usage", "usage_daily",
        "usage_weekly", "usage_monthly", "byok_usage", "byok_usage_daily", "byok_usage_weekly",
        "byok_usage_monthly", "is_free_tier", "is_management_key", "is_provisioning_key", "creator_user_id",
        "expires_at", "rate_limit",
    }  # fmt: skip
    assert set(data_) == expected
    assert Decimal(str(data_["usage"])) == emu.total_cost > 0
    assert data_["is_management_key"] is False
    assert data_["rate_limit"]["requests"] == -1 and data_["rate_limit"]["interval"] == "10s"
    assert mgmt.get("/key").json()["data"]["is_management_key"] is True


def test_credits(emu: Emulator, client: httpx2.Client, mgmt: httpx2.Client) -> None:
    chat(client)
    credits_ = mgmt.get("/credits").json()["data"]
    assert credits_["total_credits"] == 100
    assert Decimal(str(credits_["total_usage"])) == emu.total_cost


GENERATION_FIELDS = {
    "id", "upstream_id", "total_cost", "usage", "cache_discount", "upstream_inference_cost", "created_at", "model",
    "app_id", "streamed", "cancelled", "provider_name", "latency", "moderation_latency", "generation_time",
    "finish_reason", "native_finish_reason", "tokens_prompt", "tokens_completion", "native_tokens_prompt",
    "native_tokens_completion", "native_tokens_completion_images", "native_tokens_reasoning", "native_tokens_cached",
    "num_media_prompt", "num_input_audio_prompt", "num_media_completion", "num_search_results", "origin", "is_byok",
    "external_user", "api_type", "router", "provider_responses", "user_agent", "http_referer", "session_id",
    "request_id", "preset_id", "service_tier", "data_region", "web_search_engine", "num_fetches",
    "response_cache_source_id", "workspace_id",
}  # fmt: skip


def test_generation_lookup(emu: Emulator, client: httpx2.Client) -> None:
    response = client.post(
        "/chat/completions",
        json={"model": "anthropic/claude-sonnet-4.5", "messages": [USER], "reasoning": {}, "user": "end-user-7"},
        headers={"HTTP-Referer": "https://app.example", "x-session-id": "s-1"},
    )
    body = response.json()
    found = client.get("/generation", params={"id": body["id"]})
    assert found.status_code == 200
    g = found.json()["data"]
    assert set(g) >= GENERATION_FIELDS
    assert g["id"] == body["id"] and g["model"] == "anthropic/claude-sonnet-4.5"
    assert g["provider_name"] == "Anthropic" and g["streamed"] is False and g["api_type"] == "completions"
    assert g["total_cost"] == body["usage"]["cost"] == g["usage"]
    assert g["tokens_prompt"] == body["usage"]["prompt_tokens"]
    assert g["tokens_completion"] == body["usage"]["completion_tokens"]
    assert g["native_tokens_reasoning"] == body["usage"]["completion_tokens_details"]["reasoning_tokens"] > 0
    assert (g["finish_reason"], g["native_finish_reason"]) == ("stop", "end_turn")
    assert (g["http_referer"], g["session_id"], g["external_user"]) == ("https://app.example", "s-1", "end-user-7")
    assert isinstance(g["latency"], int) and isinstance(g["generation_time"], int)
    created = datetime.fromisoformat(g["created_at"])
    assert abs((datetime.now(UTC) - created).total_seconds()) < 10
    unknown = client.get("/generation", params={"id": "gen-nope"})
    assert unknown.status_code == 404
    assert unknown.json() == {"error": {"code": 404, "message": "Generation not found"}}
    assert client.get("/generation").status_code == 400


def test_generation_not_ready_at_first(emu: Emulator, client: httpx2.Client) -> None:
    emu.generation_not_ready_for = 2
    gen_id = chat(client).json()["id"]
    statuses = [client.get("/generation", params={"id": gen_id}).status_code for _ in range(3)]
    assert statuses == [404, 404, 200]
    other = chat(client).json()["id"]
    assert client.get("/generation", params={"id": other}).status_code == 404


def test_activity_aggregates_served_requests(emu: Emulator, client: httpx2.Client, mgmt: httpx2.Client) -> None:
    for _ in range(2):
        chat(client, reasoning={})
    chat(client, model="anthropic/claude-sonnet-4.5")
    rows = mgmt.get("/activity").json()["data"]
    by_model = {r["model"]: r for r in rows}
    mini = by_model["openai/gpt-4o-mini"]
    assert mini["requests"] == 2 and mini["provider_name"] == "OpenAI"
    assert mini["model_permaslug"] == "openai/gpt-4o-mini-2024-07-18"
    assert mini["prompt_tokens"] == 8 and mini["reasoning_tokens"] > 0 and mini["byok_usage_inference"] == 0
    total = sum(Decimal(str(r["usage"])) for r in rows)
    assert total == emu.total_cost
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert all(r["date"] == today for r in rows)
    assert len(mgmt.get("/activity", params={"date": today}).json()["data"]) == 2
    assert mgmt.get("/activity", params={"date": "2001-01-01"}).json()["data"] == []
    assert mgmt.get("/activity", params={"date": "yesterday"}).status_code == 400


# --------------------------------------------------------------------------------------------------- models


MODEL_FIELDS = {
    "id", "canonical_slug", "name", "created", "description", "context_length", "architecture", "pricing",
    "top_provider", "per_request_limits", "supported_parameters", "default_parameters", "links",
}  # fmt: skip


def test_models_catalogue_shape_and_filters(client: httpx2.Client) -> None:
    listing = client.get("/models").json()
    ids = [m["id"] for m in listing["data"]]
    assert "openai/gpt-4o-mini" in ids and "meta-llama/llama-3.3-70b-instruct:free" in ids
    assert "openai/text-embedding-3-small" not in ids
    assert listing["total_count"] == len(ids)
    for model in listing["data"]:
        assert set(model) >= MODEL_FIELDS
        assert set(model["architecture"]) == {
            "modality",
            "input_modalities",
            "output_modalities",
            "tokenizer",
            "instruct_type",
        }
        assert all(isinstance(v, str) for k, v in model["pricing"].items())
        assert Decimal(model["pricing"]["prompt"]) >= 0
        assert set(model["top_provider"]) == {"context_length", "max_completion_tokens", "is_moderated"}
    assert client.get("/models").json()["data"][0]["pricing"]["prompt"] == "0.00000015"
    with_tools = client.get("/models", params={"supported_parameters": "tools,reasoning"}).json()["data"]
    assert with_tools and all({"tools", "reasoning"} <= set(m["supported_parameters"]) for m in with_tools)
    assert "openai/gpt-4o-mini" not in [m["id"] for m in with_tools]
    roleplay = [m["id"] for m in client.get("/models", params={"category": "roleplay"}).json()["data"]]
    assert roleplay == ["meta-llama/llama-3.3-70b-instruct:free"]
    everything = client.get("/models", params={"output_modalities": "all"}).json()["data"]
    assert len(everything) == len(ids) + 1
    assert client.get("/models/count").json() == {"data": {"count": len(ids)}}
    assert client.get("/models/count", params={"output_modalities": "embeddings"}).json()["data"]["count"] == 1
    reasoning = next(m for m in listing["data"] if m["id"] == "openai/gpt-5-mini")["reasoning"]
    assert set(reasoning) == {
        "supported_efforts",
        "default_effort",
        "default_enabled",
        "supports_max_tokens",
        "mandatory",
    }


def test_models_user_requires_a_key(emu: Emulator, client: httpx2.Client) -> None:
    assert client.get("/models/user").status_code == 200
    with httpx2.Client(verify=False, base_url=emu.base_url) as anonymous:
        assert anonymous.get("/models/user").status_code == 401


def test_model_endpoints(client: httpx2.Client) -> None:
    body = client.get("/models/anthropic/claude-sonnet-4.5/endpoints").json()["data"]
    assert body["id"] == "anthropic/claude-sonnet-4.5"
    assert {"name", "created", "description", "architecture"} <= set(body)
    endpoints = body["endpoints"]
    assert [e["provider_name"] for e in endpoints] == ["Anthropic", "Google Vertex", "Amazon Bedrock"]
    for endpoint in endpoints:
        assert {"provider_name", "tag", "quantization", "pricing", "uptime_last_30m", "latency_last_30m",
                "throughput_last_30m", "status", "supported_parameters", "context_length"} <= set(endpoint)  # fmt: skip
        assert set(endpoint["latency_last_30m"]) == {"p50", "p75", "p90", "p99"}
        assert endpoint["latency_last_30m"]["p50"] <= endpoint["latency_last_30m"]["p99"]
        assert endpoint["status"] == 0
    again = client.get("/models/anthropic/claude-sonnet-4.5/endpoints").json()["data"]["endpoints"]
    assert again == endpoints
    free = client.get("/models/meta-llama/llama-3.3-70b-instruct:free/endpoints").json()["data"]["endpoints"]
    assert free[0]["tag"] == "together/fp8" and free[0]["quantization"] == "fp8"
    by_slug = client.get("/models/openai/gpt-4o-mini-2024-07-18/endpoints")
    assert by_slug.status_code == 200
    missing = client.get("/models/nobody/nothing/endpoints")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == 404


def test_embedding_models_and_providers(client: httpx2.Client) -> None:
    models = client.get("/embeddings/models").json()["data"]
    assert [m["id"] for m in models] == ["openai/text-embedding-3-small"]
    providers = client.get("/providers").json()["data"]
    keys = {
        "name",
        "slug",
        "privacy_policy_url",
        "terms_of_service_url",
        "status_page_url",
        "headquarters",
        "datacenters",
    }
    assert all(set(p) == keys for p in providers)
    assert {"OpenAI", "Anthropic", "Google Vertex", "Together"} <= {p["name"] for p in providers}


# --------------------------------------------------------------------------------------------------- keys & oauth


def test_key_management_crud(emu: Emulator, mgmt: httpx2.Client) -> None:
    created = mgmt.post("/keys", json={"name": "ci", "limit": 5, "limit_reset": "monthly"})
    assert created.status_code == 201
    payload = created.json()
    key, record = payload["key"], payload["data"]
    assert re.fullmatch(r"sk-or-v1-[0-9a-f]{64}", key)
    assert record["hash"] == hashlib.sha256(key.encode()).hexdigest()
    assert (record["name"], record["limit"], record["limit_reset"], record["disabled"]) == ("ci", 5, "monthly", False)
    assert {
        "label",
        "usage",
        "usage_daily",
        "byok_usage",
        "created_at",
        "updated_at",
        "creator_user_id",
        "workspace_id",
    } <= set(record)
    digest = record["hash"]
    assert mgmt.get(f"/keys/{digest}").json()["data"]["name"] == "ci"
    assert [k["hash"] for k in mgmt.get("/keys").json()["data"]] == [digest]
    emu.accept_any_key = False
    with httpx2.Client(verify=False, base_url=emu.base_url, headers=_auth(key)) as owner:
        assert chat(owner).status_code == 200
        patched = mgmt.patch(f"/keys/{digest}", json={"disabled": True, "name": "ci-off"}).json()["data"]
        assert patched["disabled"] is True and patched["name"] == "ci-off" and patched["updated_at"]
        assert chat(owner).status_code == 401
    assert mgmt.get("/keys").json()["data"] == []
    assert len(mgmt.get("/keys", params={"include_disabled": "true"}).json()["data"]) == 1
    assert mgmt.get("/keys", params={"include_disabled": "true", "offset": "1"}).json()["data"] == []
    assert mgmt.delete(f"/keys/{digest}").json() == {"deleted": True}
    assert mgmt.get(f"/keys/{digest}").status_code == 404
    assert mgmt.patch(f"/keys/{digest}", json={"name": "x"}).status_code == 404
    assert mgmt.post("/keys", json={}).status_code == 400
    assert mgmt.post("/keys", json={"name": "x", "limit_reset": "hourly"}).status_code == 400


def _s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def test_pkce_exchange(emu: Emulator, client: httpx2.Client) -> None:
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    request = {
        "callback_url": "http://localhost:3000/cb",
        "code_challenge": _s256(verifier),
        "code_challenge_method": "S256",
    }
    issued = client.post("/auth/keys/code", json=request).json()["data"]
    assert set(issued) == {"id", "app_id", "created_at"}
    with httpx2.Client(verify=False, base_url=emu.base_url) as anonymous:
        exchange = {"code": issued["id"], "code_verifier": verifier, "code_challenge_method": "S256"}
        result = anonymous.post("/auth/keys", json=exchange)
        assert result.status_code == 200
        assert result.json()["user_id"] == "user_emulator" and result.json()["key"].startswith("sk-or-v1-")
        assert anonymous.post("/auth/keys", json=exchange).status_code == 403
        bad = client.post("/auth/keys/code", json=request).json()["data"]["id"]
        wrong = anonymous.post(
            "/auth/keys", json={"code": bad, "code_verifier": "nope", "code_challenge_method": "S256"}
        )
        assert wrong.status_code == 403
        plain = client.post(
            "/auth/keys/code", json={**request, "code_challenge": "abc", "code_challenge_method": "plain"}
        )
        ok = anonymous.post("/auth/keys", json={"code": plain.json()["data"]["id"], "code_verifier": "abc"})
        assert ok.status_code == 200
        emu.accept_any_key = False
        with httpx2.Client(verify=False, base_url=emu.base_url, headers=_auth(ok.json()["key"])) as issued_client:
            assert chat(issued_client).status_code == 200
    assert client.post("/auth/keys/code", json={}).status_code == 400


# --------------------------------------------------------------------------------------------------- plugin & CLI


def test_pytest_plugin_fixture(pytester: pytest.Pytester, request: pytest.FixtureRequest) -> None:
    pytester.makepyfile(
        """
        import httpx2

        def test_one(openrouter_emulator):
            openrouter_emulator.accept_any_key = True
            r = httpx2.get(openrouter_emulator.base_url + "/models")
            assert r.status_code == 200
            assert len(openrouter_emulator.requests) == 1

        def test_two(openrouter_emulator, _openrouter_emulator_session):
            assert openrouter_emulator is _openrouter_emulator_session
            assert openrouter_emulator.requests == []
            assert openrouter_emulator.accept_any_key is False
        """
    )
    loaded = request.config.pluginmanager.get_plugin("openrouter_compat") is not None
    args = [] if loaded else ["-p", "openrouter_compat.testing.pytest_plugin"]
    result = pytester.runpytest_inprocess(*args, "-p", "no:cacheprovider", "-p", "no:asyncio")
    result.assert_outcomes(passed=2)


def test_cli_runs_in_the_foreground() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "openrouter_compat.testing", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        assert line.startswith("OPENROUTER_BASE_URL=http://127.0.0.1:")
        base_url = line.split("=", 1)[1]
        assert base_url.endswith("/api/v1")
        assert httpx2.get(base_url + "/models").status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()
        if process.stderr:
            process.stderr.close()
