"""Replays every real chat recording in ../shared/real-traffic through the clients.

Each recorded response is served by an `httpx2.MockTransport` in request order; the recorded request body
is sent through `chat.completions.create` (OpenRouter fields as typed keyword arguments) and must reach the
wire unchanged. A generic checker then walks the recorded JSON: every key that `openai`'s plain types do
not declare must come out as a *declared* field of our model (typed, not a `model_extra`), equal to the
recorded value. Error recordings must raise the typed error.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest
import yaml
from openai.resources.chat.completions import Completions as OpenAICompletions
from openai.types.chat import ChatCompletion as PlainChatCompletion
from openai.types.chat import ChatCompletionChunk as PlainChatCompletionChunk
from pydantic import BaseModel

import openrouter_compat
from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat._exceptions import make_status_error
from openrouter_compat.types.chat import ChatCompletion, ChatCompletionChunk
from openrouter_compat.types.chat.completion_create_params import ChatCompletionCreateKwargs

REAL_TRAFFIC = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-traffic"

PREFIXES = ("pydai_chat_", "pydai_stream_", "llmor_chat_")
FILES = sorted(p.name for p in REAL_TRAFFIC.glob("*.yaml") if p.name.startswith(PREFIXES)) or ["(absent)"]

# Keys of a recorded response that are deliberately NOT declared fields of our models, with the reason.
UNTYPED_ON_PURPOSE: dict[str, str] = {
    # `reasoning_details[].type` values we do not model land in ReasoningDetailUnknown, which keeps every
    # field as an extra; none of the current recordings has such an entry, so the set is empty.
}

# Request keys OpenRouter accepts that this library deliberately does not type (sent via `extra_body`).
UNTYPED_REQUEST_KEYS = {"preset": "pydantic-ai's `@preset` option; presets are applied through the model slug"}

_CREATE_KWARGS = set(ChatCompletionCreateKwargs.__annotations__) | set(
    inspect.signature(OpenAICompletions.create).parameters
)


# ---------------------------------------------------------------------------------------------- loading


def _load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((REAL_TRAFFIC / name).read_text())
    return [i for i in data["interactions"] if i["request"]["uri"].endswith("/chat/completions")]


def _request_body(request: dict[str, Any]) -> dict[str, Any]:
    if "parsed_body" in request:
        return dict(request["parsed_body"])
    body = request["body"]
    return dict(json.loads(body if isinstance(body, str) else body["string"]))


def _response(interaction: dict[str, Any]) -> httpx2.Response:
    recorded = interaction["response"]
    headers = {k: v[0] for k, v in recorded["headers"].items() if k.lower() not in _HOP_HEADERS}
    if "parsed_body" in recorded:
        content = json.dumps(recorded["parsed_body"]).encode()
    else:
        content = recorded["body"]["string"].encode()
    request = httpx2.Request(interaction["request"]["method"], interaction["request"]["uri"])
    return httpx2.Response(recorded["status"]["code"], headers=headers, content=content, request=request)


_HOP_HEADERS = {"content-length", "transfer-encoding", "content-encoding", "connection"}


def _recorded_json(interaction: dict[str, Any]) -> Any:
    recorded = interaction["response"]
    if "parsed_body" in recorded:
        return recorded["parsed_body"]
    return json.loads(recorded["body"]["string"])


def _recorded_events(interaction: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON payloads of the `data:` lines of a recorded SSE body (comments and [DONE] left out)."""
    text = interaction["response"]["body"]["string"]
    lines = [line[len("data:") :].strip() for line in text.splitlines() if line.startswith("data:")]
    return [json.loads(line) for line in lines if line and line != "[DONE]"]


def _is_stream(interaction: dict[str, Any]) -> bool:
    return _request_body(interaction["request"]).get("stream") is True


def _call_kwargs(body: dict[str, Any]) -> dict[str, Any]:
    """The recorded body as `create` keyword arguments; untyped keys go through `extra_body`."""
    kwargs = {k: v for k, v in body.items() if k in _CREATE_KWARGS}
    extra = {k: v for k, v in body.items() if k not in _CREATE_KWARGS}
    assert set(extra) <= set(UNTYPED_REQUEST_KEYS), f"request keys neither typed nor listed: {set(extra)}"
    if extra:
        kwargs["extra_body"] = extra
    return kwargs


class _Replay:
    """Serves the recorded responses in order and keeps what was sent."""

    def __init__(self, interactions: list[dict[str, Any]]) -> None:
        self.interactions = interactions
        self.sent: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        interaction = self.interactions[len(self.sent)]
        self.sent.append(request)
        return _response(interaction)

    def sent_json(self, index: int) -> Any:
        return json.loads(self.sent[index].content)


# --------------------------------------------------------------------------------------- the checker


def check_typed(recorded: Any, ours: Any, plain: Any, path: str = "$") -> list[str]:
    """Walk `recorded` beside our parsed object and `openai`'s plain parse; return every problem found.

    A key the plain type declares is followed down; any other key must be declared in our model's
    `model_fields` and equal (as JSON) to the recorded value, and everything below it typed too.
    """
    problems: list[str] = []
    if isinstance(recorded, list) and isinstance(ours, list):
        plains = plain if isinstance(plain, list) and len(plain) == len(recorded) else [None] * len(recorded)
        if len(ours) != len(recorded):
            return [f"{path}: {len(ours)} items parsed, {len(recorded)} recorded"]
        for i, (rec, mine, theirs) in enumerate(zip(recorded, ours, plains, strict=True)):
            problems += check_typed(rec, mine, theirs, f"{path}[{i}]")
        return problems
    if not isinstance(recorded, dict) or not isinstance(ours, BaseModel):
        return problems
    declared_plain = type(plain).model_fields if isinstance(plain, BaseModel) else {}
    for key, value in recorded.items():
        where = f"{path}.{key}"
        if key in declared_plain:
            problems += check_typed(value, getattr(ours, key, None), getattr(plain, key, None), where)
            continue
        if key in UNTYPED_ON_PURPOSE:
            continue
        if key not in type(ours).model_fields:
            problems.append(f"{where}: OpenRouter field not declared on {type(ours).__name__} (only in model_extra)")
            continue
        mine = getattr(ours, key)
        if _as_json(mine) != value:
            problems.append(f"{where}: parsed {_as_json(mine)!r} != recorded {value!r}")
        problems += check_typed(value, mine, None, where)
    return problems


def _as_json(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_unset=True, by_alias=True)
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value


def test_checker_catches_an_untyped_field() -> None:
    """The checker itself must fail on a field that only survives as an extra, and on a wrong value."""
    recorded = {"id": "x", "choices": [], "created": 1, "model": "m", "object": "chat.completion", "surprise": 1}
    plain = PlainChatCompletion.construct(**recorded)
    typed = {key: value for key, value in recorded.items() if key != "surprise"} | {"provider": "P"}
    assert check_typed(typed, ChatCompletion.model_validate(typed), plain) == []
    ours = ChatCompletion.model_validate({**recorded, "provider": "P"})
    problems = check_typed({**recorded, "provider": "Q"}, ours, plain)
    assert any("surprise" in p and "not declared" in p for p in problems)
    assert any("provider" in p and "'P'" in p for p in problems)


# ------------------------------------------------------------------------------------------- replays


def _expect_error(interaction: dict[str, Any]) -> type[Exception] | None:
    status = interaction["response"]["status"]["code"]
    if status != 200:
        return type(make_status_error("recorded", body=_recorded_json(interaction), response=_response(interaction)))
    errors = (
        [event["error"] for event in _recorded_events(interaction) if "error" in event]
        if _is_stream(interaction)
        else []
    )
    if errors:
        return type(
            make_status_error(
                "recorded", body={"error": errors[0]}, response=_response(interaction), status=errors[0]["code"]
            )
        )
    return None


def _check_completion(interaction: dict[str, Any], result: ChatCompletion) -> None:
    assert isinstance(result, PlainChatCompletion)
    assert isinstance(result, ChatCompletion)
    recorded = _recorded_json(interaction)
    plain = PlainChatCompletion.construct(**recorded)
    assert check_typed(recorded, result, plain) == []


def _check_chunks(interaction: dict[str, Any], chunks: list[ChatCompletionChunk]) -> None:
    events = _recorded_events(interaction)
    assert len(chunks) == len([e for e in events if "error" not in e])
    for event, chunk in zip(events, chunks, strict=False):
        assert isinstance(chunk, PlainChatCompletionChunk)
        assert isinstance(chunk, ChatCompletionChunk)
        plain = PlainChatCompletionChunk.construct(**event)
        assert check_typed(event, chunk, plain) == []


@pytest.mark.parametrize("name", FILES)
def test_replay_sync(name: str, real_traffic: Path) -> None:
    interactions = _load(name)
    assert interactions, f"{name} has no chat interaction"
    replay = _Replay(interactions)
    http = httpx2.Client(transport=httpx2.MockTransport(replay))
    with OpenRouter(api_key="sk-or-test", http_client=http, max_retries=0) as c:
        for index, interaction in enumerate(interactions):
            body = _request_body(interaction["request"])
            error = _expect_error(interaction)
            chunks: list[ChatCompletionChunk] = []
            if error is not None:
                with pytest.raises(error) as info:
                    result = c.chat.completions.create(**_call_kwargs(body))
                    if isinstance(result, openrouter_compat.ChatCompletionStream):
                        chunks.extend(result)
                assert isinstance(info.value, openrouter_compat.OpenRouterAPIError)
                if chunks:
                    _check_chunks(interaction, chunks)
                assert replay.sent_json(index) == body
                if interaction["response"]["status"]["code"] != 200:
                    break  # later interactions are the recorder's own retries of the same request
                continue
            result = c.chat.completions.create(**_call_kwargs(body))
            assert replay.sent_json(index) == body, "the request body must reach the wire exactly as recorded"
            if isinstance(result, openrouter_compat.ChatCompletionStream):
                _check_chunks(interaction, list(result))
            else:
                _check_completion(interaction, result)


@pytest.mark.parametrize("name", FILES)
async def test_replay_async(name: str, real_traffic: Path) -> None:
    interactions = _load(name)
    replay = _Replay(interactions)
    http = httpx2.AsyncClient(transport=httpx2.MockTransport(replay))
    async with AsyncOpenRouter(api_key="sk-or-test", http_client=http, max_retries=0) as c:
        for index, interaction in enumerate(interactions):
            body = _request_body(interaction["request"])
            error = _expect_error(interaction)
            chunks: list[ChatCompletionChunk] = []
            if error is not None:
                with pytest.raises(error):
                    result = await c.chat.completions.create(**_call_kwargs(body))
                    if isinstance(result, openrouter_compat.AsyncChatCompletionStream):
                        chunks.extend([chunk async for chunk in result])
                if chunks:
                    _check_chunks(interaction, chunks)
                if interaction["response"]["status"]["code"] != 200:
                    break
                continue
            result = await c.chat.completions.create(**_call_kwargs(body))
            assert replay.sent_json(index) == body
            if isinstance(result, openrouter_compat.AsyncChatCompletionStream):
                _check_chunks(interaction, [chunk async for chunk in result])
            else:
                _check_completion(interaction, result)


def _recorded_streams() -> list[tuple[str, int]]:
    if not REAL_TRAFFIC.is_dir():
        return [("(absent)", 0)]
    return [
        (name, index)
        for name in FILES
        for index, interaction in enumerate(_load(name))
        if _is_stream(interaction) and _expect_error(interaction) is None
    ]


@pytest.mark.parametrize(("name", "index"), _recorded_streams())
def test_stream_helper_on_recorded_streams(name: str, index: int, real_traffic: Path) -> None:
    """`chat.completions.stream()` folds each real stream into the message it amounts to: content joined,
    and every `reasoning_details` entry with its recorded `format` (`openai`'s helper concatenates those)."""
    interaction = _load(name)[index]
    body = _request_body(interaction["request"])
    openai_params = inspect.signature(OpenAICompletions.stream).parameters
    fields = {k: v for k, v in body.items() if k != "stream"}
    call = {k: v for k, v in fields.items() if k in openai_params}
    if extra := {k: v for k, v in fields.items() if k not in openai_params}:
        call["extra_body"] = extra  # OpenRouter's own fields: `stream()` keeps openai's signature
    http = httpx2.Client(transport=httpx2.MockTransport(_Replay([interaction])))
    client = OpenRouter(api_key="sk-or-test", http_client=http, max_retries=0)
    with client, client.chat.completions.stream(**call) as stream:
        stream.until_done()
        final = stream.get_final_completion()
    events = _recorded_events(interaction)
    deltas = [e["choices"][0]["delta"] for e in events if e.get("choices")]
    message = final.choices[0].message
    assert (message.content or "") == "".join(d.get("content") or "" for d in deltas)
    recorded_details = [detail for d in deltas for detail in d.get("reasoning_details") or []]
    details = (message.model_extra or {}).get("reasoning_details") or []
    assert bool(details) == bool(recorded_details)
    recorded_formats = {d.get("format") for d in recorded_details}
    assert {d.get("format") for d in details} <= recorded_formats
    for kind, field in (("reasoning.text", "text"), ("reasoning.summary", "summary"), ("reasoning.encrypted", "data")):
        merged = "".join(d.get(field) or "" for d in details if d["type"] == kind)
        assert merged == "".join(d.get(field) or "" for d in recorded_details if d["type"] == kind)


def test_every_openrouter_field_listed_in_the_readme_is_seen(real_traffic: Path) -> None:
    """The recordings do exercise the fields the checker is about (so an empty walk cannot pass silently)."""
    seen: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            seen.update(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name in FILES:
        for interaction in _load(name):
            if _is_stream(interaction):
                walk(_recorded_events(interaction))
            else:
                walk(_recorded_json(interaction))
    expected = {"provider", "native_finish_reason", "reasoning", "reasoning_details", "cost", "is_byok"}
    expected |= {"cost_details", "signature", "annotations", "content"}
    assert expected <= seen


def test_openai_plain_types_drop_what_ours_keep(real_traffic: Path) -> None:
    """Proof the checker has work to do: plain `openai` types leave OpenRouter fields untyped."""
    interaction = _load("pydai_chat_usage_cost_gpt5mini.yaml")[-1]
    recorded = _recorded_json(interaction)
    plain = openai.types.chat.ChatCompletion.model_validate(recorded)
    assert "cost" not in type(plain.usage).model_fields
    ours = ChatCompletion.model_validate(recorded)
    assert ours.usage is not None and ours.usage.cost == recorded["usage"]["cost"]
    assert check_typed(recorded, plain, plain) != []
