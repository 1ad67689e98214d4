"""Replays the real `/responses` recordings in ../shared/real-traffic through `client.responses.create`.

Each recorded response is served by an `httpx2.MockTransport`; the recorded request body is sent through
`create` (OpenRouter fields as typed keyword arguments) and must reach the wire unchanged. The generic checker
of the chat replays then walks every recorded body/event: each key `openai`'s plain types do not declare must
come out as a declared field of our models, equal to the recorded value.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import httpx2
import pytest
import yaml
from openai._models import construct_type
from openai.types.responses import Response as PlainResponse
from openai.types.responses import ResponseFunctionToolCall
from openai.types.responses.response_stream_event import ResponseStreamEvent as PlainEvent
from test_real_traffic_chat import check_typed

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat._streaming_responses import AsyncResponseEventStream, ResponseEventStream
from openrouter_compat.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseCostDetails,
    ResponseCreateKwargs,
    ResponseOutputItemDoneEvent,
    ResponseReasoningItem,
    ResponseUsage,
)

REAL_TRAFFIC = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-traffic"
FILES = [
    "llmor_responses_reasoning_stream.yaml",
    "llmor_responses_tool_calls_stream.yaml",
    "pydai_responses_prompt_cache.yaml",
    "pydai_responses_stream_gptoss.yaml",
]
# Recorded keys our models deliberately leave undeclared, with the reason.
UNDECLARED_ON_PURPOSE = {"output_text"}
"""`output_text` is a computed property of `openai`'s Response; OpenRouter sends an empty placeholder for it."""

_HOP_HEADERS = {"content-length", "transfer-encoding", "content-encoding", "connection"}


def _interactions(name: str) -> list[dict[str, Any]]:
    path = REAL_TRAFFIC / name
    if not path.is_file():
        pytest.skip(f"real-traffic recording {path} not found (the recordings live outside the repo)")
    return _load(path)


@functools.cache
def _load(path: Path) -> list[dict[str, Any]]:
    """The /responses interactions of a recording, parsed once per session (some carry a 0.5 MB /models body)."""
    data = yaml.load(path.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return [i for i in data["interactions"] if i["request"]["uri"].endswith("/responses")]


def _request_body(request: dict[str, Any]) -> dict[str, Any]:
    if "parsed_body" in request:
        return dict(request["parsed_body"])
    body = request["body"]
    return dict(json.loads(body if isinstance(body, str) else body["string"]))


def _response(interaction: dict[str, Any], request: httpx2.Request) -> httpx2.Response:
    recorded = interaction["response"]
    headers = {k: v[0] for k, v in recorded["headers"].items() if k.lower() not in _HOP_HEADERS}
    if "parsed_body" in recorded:
        content = json.dumps(recorded["parsed_body"]).encode()
    else:
        content = recorded["body"]["string"].encode()
    return httpx2.Response(recorded["status"]["code"], headers=headers, content=content, request=request)


def _recorded_events(interaction: dict[str, Any]) -> list[dict[str, Any]]:
    text = interaction["response"]["body"]["string"]
    lines = [line[len("data:") :].strip() for line in text.splitlines() if line.startswith("data:")]
    return [json.loads(line) for line in lines if line and line != "[DONE]"]


class _Replay:
    """Serves the recorded responses in order and keeps what was sent."""

    def __init__(self, interactions: list[dict[str, Any]]) -> None:
        self.interactions = interactions
        self.sent: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        interaction = self.interactions[len(self.sent)]
        self.sent.append(request)
        return _response(interaction, request)


def _kwargs(body: dict[str, Any]) -> dict[str, Any]:
    """The recorded body as `create` keyword arguments; every recorded key must be a typed keyword."""
    unknown = set(body) - set(ResponseCreateKwargs.__annotations__) - {"stream"}
    assert not unknown, f"recorded request keys that `responses.create` does not type: {unknown}"
    return dict(body)


def _problems(recorded: dict[str, Any], ours: Any, plain_type: Any) -> list[str]:
    plain = construct_type(type_=plain_type, value=recorded)
    found = check_typed(recorded, ours, plain)
    return [p for p in found if not any(f".{key}:" in p for key in UNDECLARED_ON_PURPOSE)]


def _check_final(response: Response, recorded: dict[str, Any]) -> None:
    """The OpenRouter fields of a finished response, typed and equal to the recording."""
    assert isinstance(response, Response)
    assert isinstance(response.usage, ResponseUsage)
    usage = recorded["usage"]
    assert response.usage.cost == usage["cost"]
    assert response.usage.is_byok is usage["is_byok"]
    assert isinstance(response.usage.cost_details, ResponseCostDetails)
    assert (
        response.usage.cost_details.upstream_inference_input_cost
        == usage["cost_details"]["upstream_inference_input_cost"]
    )
    details = usage["input_tokens_details"]
    assert response.usage.input_tokens_details.cached_tokens == details["cached_tokens"]
    assert response.usage.input_tokens_details.cache_write_tokens == details.get("cache_write_tokens")
    for item, raw in zip(response.output, recorded["output"], strict=True):
        if raw["type"] == "reasoning":
            assert isinstance(item, ResponseReasoningItem)
            assert item.encrypted_content == raw.get("encrypted_content")
            assert item.format == raw.get("format")
            assert [c.text for c in item.content or []] == [c["text"] for c in raw.get("content") or []]
        if raw["type"] == "function_call":
            assert isinstance(item, ResponseFunctionToolCall)
            assert (item.call_id, item.name, item.arguments) == (raw["call_id"], raw["name"], raw["arguments"])


@pytest.mark.parametrize("name", FILES)
def test_replay_sync(name: str) -> None:
    interactions = _interactions(name)
    replay = _Replay(interactions)
    with OpenRouter(api_key="test", http_client=httpx2.Client(transport=httpx2.MockTransport(replay))) as client:
        for index, interaction in enumerate(interactions):
            body = _request_body(interaction["request"])
            if body.get("stream"):
                stream = client.responses.create(**_kwargs(body))
                assert isinstance(stream, ResponseEventStream)
                events = list(stream)
                recorded = _recorded_events(interaction)
                assert len(events) == len(recorded)
                for event, raw in zip(events, recorded, strict=True):
                    assert _problems(raw, event, PlainEvent) == [], raw["type"]
                    if raw["type"] == "response.output_item.done" and raw["item"]["type"] == "reasoning":
                        assert isinstance(event, ResponseOutputItemDoneEvent)
                        assert isinstance(event.item, ResponseReasoningItem)
                final = events[-1]
                assert isinstance(final, ResponseCompletedEvent)
                _check_final(final.response, recorded[-1]["response"])
            else:
                result = client.responses.create(**_kwargs(body))
                recorded_body = interaction["response"]["parsed_body"]
                assert _problems(recorded_body, result, PlainResponse) == []
                _check_final(result, recorded_body)
            assert json.loads(replay.sent[index].content) == body


@pytest.mark.parametrize("name", FILES)
async def test_replay_async(name: str) -> None:
    interactions = _interactions(name)

    async def handler(request: httpx2.Request) -> httpx2.Response:
        return replay(request)

    replay = _Replay(interactions)
    transport = httpx2.MockTransport(handler)
    async with AsyncOpenRouter(api_key="test", http_client=httpx2.AsyncClient(transport=transport)) as client:
        for index, interaction in enumerate(interactions):
            body = _request_body(interaction["request"])
            if body.get("stream"):
                stream = await client.responses.create(**_kwargs(body))
                assert isinstance(stream, AsyncResponseEventStream)
                events = [event async for event in stream]
                recorded = _recorded_events(interaction)
                final = events[-1]
                assert isinstance(final, ResponseCompletedEvent)
                _check_final(final.response, recorded[-1]["response"])
            else:
                result = await client.responses.create(**_kwargs(body))
                _check_final(result, interaction["response"]["parsed_body"])
            assert json.loads(replay.sent[index].content) == body


def test_plain_openai_types_fail_the_same_check() -> None:
    """Sanity check of the replay: `openai`'s own Response leaves OpenRouter's fields untyped."""
    interaction = _interactions("llmor_responses_reasoning_stream.yaml")[0]
    final = _recorded_events(interaction)[-1]["response"]
    plain = construct_type(type_=PlainResponse, value=final)
    problems = " ".join(_problems(final, plain, PlainResponse))
    for field in ("usage.cost", "usage.is_byok", "usage.cost_details", "output[0].format", "frequency_penalty"):
        assert f"$.{field}:" in problems
