"""Reasoning continuity: an assistant reply becomes the next turn's message with `reasoning_details` intact.

Real recordings (../shared/real-traffic, read at run time, skipped when absent) are replayed through the
client with an `httpx2.MockTransport`: non-stream replies, a multi-turn conversation whose second request
echoes the first reply, and streamed reasoning (Claude text+signature, o3 encrypted). The emulator adds
streams whose `reasoning_details` deltas carry no `index`, through `client.chat.completions.stream()`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest
import yaml

from openrouter_compat import AsyncOpenRouter, OpenRouter, assistant_message_param
from openrouter_compat.testing import Emulator

_HOP_HEADERS = {"content-length", "transfer-encoding", "content-encoding", "connection"}


# ------------------------------------------------------------------------------------------ replaying


def _interactions(folder: Path, name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((folder / name).read_text())
    return [i for i in data["interactions"] if i["request"]["uri"].endswith("/chat/completions")]


def _request_json(interaction: dict[str, Any]) -> dict[str, Any]:
    return dict(interaction["request"]["parsed_body"])


def _response_json(interaction: dict[str, Any]) -> dict[str, Any]:
    return dict(interaction["response"]["parsed_body"])


def _sse_events(interaction: dict[str, Any]) -> list[dict[str, Any]]:
    text = interaction["response"]["body"]["string"]
    payloads = [line[len("data:") :].strip() for line in text.splitlines() if line.startswith("data:")]
    return [json.loads(p) for p in payloads if p and p != "[DONE]"]


class _Replay:
    """Answers each request with the next recorded response and keeps the requests sent."""

    def __init__(self, interactions: list[dict[str, Any]]) -> None:
        self.interactions = interactions
        self.sent: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        recorded = self.interactions[min(len(self.sent), len(self.interactions) - 1)]["response"]
        self.sent.append(request)
        headers = {k: v[0] for k, v in recorded["headers"].items() if k.lower() not in _HOP_HEADERS}
        if "parsed_body" in recorded:
            content = json.dumps(recorded["parsed_body"]).encode()
            headers["content-type"] = "application/json"
        else:
            content = recorded["body"]["string"].encode()
        return httpx2.Response(recorded["status"]["code"], headers=headers, content=content)

    def sent_json(self, index: int) -> Any:
        return json.loads(self.sent[index].content)


def _client(replay: _Replay) -> OpenRouter:
    transport = httpx2.MockTransport(replay)
    return OpenRouter(api_key="sk-or-test", max_retries=0, http_client=httpx2.Client(transport=transport))


def _async_client(replay: _Replay) -> AsyncOpenRouter:
    transport = httpx2.MockTransport(replay)
    return AsyncOpenRouter(api_key="sk-or-test", max_retries=0, http_client=httpx2.AsyncClient(transport=transport))


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False).encode()


# ------------------------------------------------------------------------------- non-stream recordings


def test_multi_turn_second_request_is_rebuilt_exactly(real_traffic: Path) -> None:
    interactions = _interactions(real_traffic, "pydai_chat_reasoning_roundtrip_encrypted.yaml")
    first_request, second_request = (_request_json(i) for i in interactions)
    replay = _Replay(interactions)
    with _client(replay) as client:
        first = client.chat.completions.create(model=first_request["model"], messages=first_request["messages"])
        follow_up = second_request["messages"][len(first_request["messages"]) + 1 :]
        messages = [*first_request["messages"], assistant_message_param(first), *follow_up]
        assert messages == second_request["messages"]  # what pydantic-ai sent on the second turn, exactly
        second = client.chat.completions.create(model=second_request["model"], messages=messages)
    assert _canonical(replay.sent_json(1)["messages"]) == _canonical(second_request["messages"])

    # The second reply carries an OpenAI summary and an encrypted blob, both with index 0.
    recorded = _response_json(interactions[1])["choices"][0]["message"]
    param = assistant_message_param(second)
    assert [d["type"] for d in param["reasoning_details"]] == ["reasoning.summary", "reasoning.encrypted"]
    assert param["reasoning_details"] == recorded["reasoning_details"]
    assert _canonical(param["reasoning_details"]) == _canonical(recorded["reasoning_details"])
    assert param["content"] == recorded["content"]
    assert param["reasoning"] == recorded["reasoning"]


@pytest.mark.parametrize(
    "name",
    [
        "pydai_chat_reasoning_claude37_thinking.yaml",
        "pydai_chat_reasoning_glm46.yaml",
        "pydai_chat_reasoning_roundtrip_encrypted.yaml",
    ],
)
def test_reasoning_details_go_back_on_the_wire_unchanged(real_traffic: Path, name: str) -> None:
    interactions = _interactions(real_traffic, name)
    last = interactions[-1]
    request = _request_json(last)
    recorded = _response_json(last)["choices"][0]["message"]
    assert recorded["reasoning_details"], "the recording has reasoning to carry over"
    replay = _Replay([last])
    with _client(replay) as client:
        reply = client.chat.completions.create(model=request["model"], messages=request["messages"])
        param = assistant_message_param(reply)
        next_turn = [*request["messages"], param, {"role": "user", "content": "Go on."}]
        client.chat.completions.create(model=request["model"], messages=next_turn)
    wire = replay.sent_json(1)["messages"][-2]
    assert wire["role"] == "assistant"
    assert wire["reasoning_details"] == recorded["reasoning_details"]  # every key, every value
    for sent, original in zip(wire["reasoning_details"], recorded["reasoning_details"], strict=True):
        for key in ("text", "signature", "data", "summary"):
            if key in original:
                assert sent[key].encode() == original[key].encode()  # signatures and blobs byte for byte


async def test_async_reply_round_trips(real_traffic: Path) -> None:
    last = _interactions(real_traffic, "pydai_chat_reasoning_claude37_thinking.yaml")[-1]
    request = _request_json(last)
    recorded = _response_json(last)["choices"][0]["message"]
    replay = _Replay([last])
    async with _async_client(replay) as client:
        reply = await client.chat.completions.create(model=request["model"], messages=request["messages"])
    param = assistant_message_param(reply.choices[0].message)
    assert param["reasoning_details"] == recorded["reasoning_details"]
    assert param["reasoning_details"][0]["signature"] == recorded["reasoning_details"][0]["signature"]


# ---------------------------------------------------------------------------------- streamed recordings


def _expected_from_stream(events: list[dict[str, Any]]) -> dict[str, Any]:
    """What the provider sent, read straight off the SSE payloads: pieces per (index, type), in order."""
    reasoning = ""
    pieces: dict[tuple[int, str], dict[str, Any]] = {}
    for event in events:
        for choice in event.get("choices") or ():
            delta = choice.get("delta") or {}
            reasoning += delta.get("reasoning") or ""
            for detail in delta.get("reasoning_details") or ():
                entry = pieces.setdefault((detail["index"], detail["type"]), {})
                for key, value in detail.items():
                    if key in ("text", "signature", "data", "summary"):
                        entry[key] = entry.get(key, "") + value
                    else:
                        entry[key] = value
    return {"reasoning": reasoning, "details": list(pieces.values())}


@pytest.mark.parametrize("name", ["pydai_stream_reasoning_claude.yaml", "pydai_stream_reasoning_o3_encrypted.yaml"])
def test_streamed_reasoning_accumulates_to_what_the_provider_sent(real_traffic: Path, name: str) -> None:
    interaction = _interactions(real_traffic, name)[0]
    request = _request_json(interaction)
    expected = _expected_from_stream(_sse_events(interaction))
    assert expected["details"], "the recording streams reasoning details"
    replay = _Replay([interaction])
    with _client(replay) as client:
        stream = client.chat.completions.create(
            model=request["model"], messages=request["messages"], stream=True, reasoning={"enabled": True}
        )
        for _ in stream:
            pass
    param = assistant_message_param(stream)
    assert param["reasoning_details"] == expected["details"]
    assert param.get("reasoning", "") == expected["reasoning"]
    if "claude" in name:
        (detail,) = param["reasoning_details"]
        assert detail["signature"].startswith("Et") and len(detail["signature"]) > 100
        assert detail["text"] == expected["reasoning"]
    else:
        (detail,) = param["reasoning_details"]
        assert detail["type"] == "reasoning.encrypted"
        assert detail["data"].startswith("gAAAAAB")


async def test_async_streamed_reasoning_accumulates(real_traffic: Path) -> None:
    interaction = _interactions(real_traffic, "pydai_stream_reasoning_claude.yaml")[0]
    request = _request_json(interaction)
    expected = _expected_from_stream(_sse_events(interaction))
    replay = _Replay([interaction])
    async with _async_client(replay) as client:
        stream = await client.chat.completions.create(model=request["model"], messages=request["messages"], stream=True)
        async for _ in stream:
            pass
    assert assistant_message_param(stream.accumulator)["reasoning_details"] == expected["details"]


# --------------------------------------------------------------------- emulator: deltas without `index`

PROMPT: Any = [{"role": "user", "content": "Think about lighthouses"}]


@pytest.mark.parametrize("model", ["anthropic/claude-noindex", "openai/o3-noindex", "anthropic/claude-sonnet-4.5"])
def test_stream_helper_handles_deltas_without_index(
    client: OpenRouter, openrouter_emulator: Emulator, model: str
) -> None:
    whole = client.chat.completions.create(model=model, messages=PROMPT, reasoning={"enabled": True})
    expected = assistant_message_param(whole)["reasoning_details"]

    # `.stream()` has no `reasoning` keyword (it is openai's signature): the routed client adds it.
    routed = client.with_routing(reasoning={"enabled": True})
    with routed.chat.completions.stream(model=model, messages=PROMPT) as helper:
        for _ in helper:
            pass
        final = helper.get_final_completion()
    assert final.choices[0].message.content == whole.choices[0].message.content
    param = assistant_message_param(helper)
    assert assistant_message_param(final)["reasoning_details"] == param["reasoning_details"]
    details = param["reasoning_details"]
    if "noindex" in model:
        assert all("index" not in d for d in details)  # nothing invented on the way back
        assert details == [{k: v for k, v in d.items() if k != "index"} for d in expected]
    else:
        assert details == expected
    assert param["reasoning"] == whole.choices[0].message.reasoning


def test_stock_openai_helper_crashes_on_index_less_deltas(openrouter_emulator: Emulator) -> None:
    """The failure our stream prevents: plain `openai` cannot merge index-less `reasoning_details`."""
    emu = openrouter_emulator
    plain = openai.OpenAI(api_key=emu.api_key, base_url=emu.base_url, max_retries=0)
    with (
        plain,
        pytest.raises(RuntimeError, match="index"),
        plain.chat.completions.stream(
            model="anthropic/claude-noindex", messages=PROMPT, extra_body={"reasoning": {"enabled": True}}
        ) as helper,
    ):
        for _ in helper:
            pass


async def test_async_stream_helper_handles_deltas_without_index(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    model = "openai/o3-noindex"
    whole = await async_client.chat.completions.create(model=model, messages=PROMPT, reasoning={"enabled": True})
    routed = async_client.with_routing(reasoning={"enabled": True})
    async with routed.chat.completions.stream(model=model, messages=PROMPT) as helper:
        async for _ in helper:
            pass
        final = await helper.get_final_completion()
    assert final.choices[0].message.content == whole.choices[0].message.content
    details = assistant_message_param(helper)["reasoning_details"]
    assert [d["type"] for d in details] == ["reasoning.summary", "reasoning.encrypted"]
    expected = [
        {k: v for k, v in d.items() if k != "index"} for d in assistant_message_param(whole)["reasoning_details"]
    ]
    assert details == expected
