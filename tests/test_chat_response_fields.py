"""OpenRouter's response fields come out typed, on non-stream results and stream chunks, sync and async,
while the objects stay instances of `openai`'s types and unknown fields are kept.

Fields the emulator produces are checked against it over 127.0.0.1; the rest (images, file annotations,
unknown reasoning kinds, BYOK costs, cache writes) against a hand-written body served by an
`httpx2.MockTransport` through the same client.
"""

from __future__ import annotations

import json
from typing import Any

import httpx2
import openai
import pytest

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.testing import Emulator, Fault
from openrouter_compat.types.chat import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionMessageFunctionToolCall,
    FileAnnotation,
    ImageOutput,
    URLCitationAnnotation,
)
from openrouter_compat.types.shared import (
    ReasoningDetailEncrypted,
    ReasoningDetailSummary,
    ReasoningDetailText,
    ReasoningDetailUnknown,
    Usage,
)

USER: Any = [{"role": "user", "content": "Why is the sky blue?"}]
ANTHROPIC = "anthropic/claude-sonnet-4.5"
OPENAI_REASONER = "openai/o3"


def _check_usage(usage: Usage | None) -> None:
    assert isinstance(usage, Usage)
    assert isinstance(usage, openai.types.CompletionUsage)
    assert isinstance(usage.cost, float) and usage.cost > 0
    assert usage.is_byok is False
    assert usage.cost_details is not None
    assert usage.cost_details.upstream_inference_prompt_cost is not None
    assert usage.cost_details.upstream_inference_completions_cost is not None
    assert usage.prompt_tokens_details is not None and usage.prompt_tokens_details.cached_tokens == 0
    assert usage.completion_tokens_details is not None
    assert usage.completion_tokens_details.reasoning_tokens is not None


# ------------------------------------------------------------------------------- non-stream (emulator)


def _check_anthropic_reasoning(result: ChatCompletion) -> None:
    assert isinstance(result, openai.types.chat.ChatCompletion)
    assert isinstance(result, ChatCompletion)
    assert result.provider == "Anthropic"
    choice = result.choices[0]
    assert choice.native_finish_reason == "end_turn"
    assert choice.finish_reason == "stop"
    assert choice.error is None
    message = choice.message
    assert isinstance(message, openai.types.chat.ChatCompletionMessage)
    assert message.reasoning is not None and "Why is the sky blue?" in message.reasoning
    [detail] = message.reasoning_details or []
    assert isinstance(detail, ReasoningDetailText)
    assert detail.text == message.reasoning
    assert detail.format == "anthropic-claude-v1"
    assert detail.signature
    _check_usage(result.usage)
    assert result.usage is not None and result.usage.completion_tokens_details is not None
    assert (result.usage.completion_tokens_details.reasoning_tokens or 0) > 0


def test_reasoning_and_usage_fields(client: OpenRouter) -> None:
    result = client.chat.completions.create(model=ANTHROPIC, messages=USER, reasoning={"effort": "high"})
    _check_anthropic_reasoning(result)


async def test_reasoning_and_usage_fields_async(async_client: AsyncOpenRouter) -> None:
    result = await async_client.chat.completions.create(model=ANTHROPIC, messages=USER, reasoning={"effort": "high"})
    _check_anthropic_reasoning(result)


def test_summary_and_encrypted_details(client: OpenRouter) -> None:
    result = client.chat.completions.create(model=OPENAI_REASONER, messages=USER, reasoning_effort="high")
    summary, encrypted = result.choices[0].message.reasoning_details or []
    assert isinstance(summary, ReasoningDetailSummary)
    assert summary.summary == result.choices[0].message.reasoning
    assert isinstance(encrypted, ReasoningDetailEncrypted)
    assert encrypted.data and encrypted.data.startswith("gAAAAA")
    assert encrypted.id and encrypted.id.startswith("rs_")
    assert encrypted.format == "openai-responses-v1"


def test_excluded_reasoning_is_absent(client: OpenRouter) -> None:
    result = client.chat.completions.create(model=ANTHROPIC, messages=USER, reasoning={"exclude": True})
    assert result.choices[0].message.reasoning is None
    assert result.choices[0].message.reasoning_details is None


async def test_url_citation_annotations_async(async_client: AsyncOpenRouter) -> None:
    result = await async_client.chat.completions.create(
        model="openai/gpt-4o-mini", messages=USER, plugins=[{"id": "web"}]
    )
    [annotation] = result.choices[0].message.annotations or []
    assert isinstance(annotation, URLCitationAnnotation)
    assert annotation.url_citation.url.startswith("https://example.com/")
    assert annotation.url_citation.content and "sky" in annotation.url_citation.content
    assert annotation.url_citation.title == "Emulated search result"


def test_choice_error_on_partial_completion(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    """A non-stream completion that failed midway keeps its partial content and types `choices[].error`."""
    openrouter_emulator.queue("/chat/completions", Fault.midstream_error(after_chunks=2, code=502, message="boom"))
    result = client.chat.completions.create(model="openai/gpt-4o-mini", messages=USER)
    choice = result.choices[0]
    assert choice.finish_reason == "error"  # type: ignore[comparison-overlap]
    assert choice.error is not None and choice.error.code == 502 and choice.error.message == "boom"
    assert choice.native_finish_reason == "error"
    assert choice.message.content and "blue" not in choice.message.content  # only the output before the failure


# ----------------------------------------------------------------------------------- streams (emulator)


def _check_reasoning_chunks(chunks: list[ChatCompletionChunk], family_format: str) -> None:
    assert chunks and all(isinstance(c, openai.types.chat.ChatCompletionChunk) for c in chunks)
    assert all(isinstance(c, ChatCompletionChunk) for c in chunks)
    assert {c.provider for c in chunks} == {"Anthropic"}
    reasoning = "".join(c.choices[0].delta.reasoning or "" for c in chunks if c.choices)
    assert "Why is the sky blue?" in reasoning
    details = [d for c in chunks if c.choices for d in c.choices[0].delta.reasoning_details or []]
    assert details and all(isinstance(d, ReasoningDetailText) for d in details)
    assert all(d.format == family_format for d in details)
    assert "".join(d.text or "" for d in details if isinstance(d, ReasoningDetailText)) == reasoning
    assert any(isinstance(d, ReasoningDetailText) and d.signature for d in details)
    finish = [c.choices[0] for c in chunks if c.choices and c.choices[0].finish_reason]
    assert [f.native_finish_reason for f in finish] == ["end_turn"]
    _check_usage(chunks[-1].usage)


def test_stream_chunk_fields(client: OpenRouter) -> None:
    stream = client.chat.completions.create(model=ANTHROPIC, messages=USER, stream=True, reasoning={"max_tokens": 256})
    _check_reasoning_chunks(list(stream), "anthropic-claude-v1")
    assert stream.accumulator.reasoning_details[0]["signature"]


async def test_stream_chunk_fields_async(async_client: AsyncOpenRouter) -> None:
    stream = await async_client.chat.completions.create(
        model=ANTHROPIC, messages=USER, stream=True, reasoning={"max_tokens": 256}
    )
    _check_reasoning_chunks([c async for c in stream], "anthropic-claude-v1")


def test_stream_annotations(client: OpenRouter) -> None:
    chunks = list(
        client.chat.completions.create(model="openai/gpt-4o-mini", messages=USER, stream=True, plugins=[{"id": "web"}])
    )
    annotations = [a for c in chunks if c.choices for a in c.choices[0].delta.annotations or []]
    assert len(annotations) == 1 and isinstance(annotations[0], URLCitationAnnotation)
    assert annotations[0].url_citation.content


# ------------------------------------------------------------ every field, from a hand-written body

RICH_COMPLETION: dict[str, Any] = {
    "id": "gen-rich-1",
    "object": "chat.completion",
    "created": 1760000000,
    "model": "google/gemini-2.5-flash-image",
    "provider": "Google AI Studio",
    "system_fingerprint": None,
    "router_extra": {"kept": True},
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "native_finish_reason": "STOP",
            "logprobs": None,
            "message": {
                "role": "assistant",
                "content": "Here is your picture.",
                "refusal": None,
                "reasoning": "Draw a cat.",
                "reasoning_details": [
                    {"type": "reasoning.text", "text": "Draw a cat.", "format": "google-gemini-v1", "index": 0},
                    {"type": "reasoning.summary", "summary": "Cat", "format": "openai-responses-v1", "index": 1},
                    {"type": "reasoning.encrypted", "data": "gAAAAB==", "id": "rs_1", "index": 2},
                    {"type": "reasoning.brand_new_kind", "index": 3, "name": "search", "payload": {"q": "cat"}},
                ],
                "images": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}],
                "annotations": [
                    {
                        "type": "url_citation",
                        "url_citation": {
                            "url": "https://cats.example/",
                            "title": "Cats",
                            "content": "Cats are small.",
                            "start_index": 0,
                            "end_index": 5,
                        },
                    },
                    {
                        "type": "file",
                        "file": {
                            "hash": "abc123",
                            "name": "cats.pdf",
                            "content": [{"type": "text", "text": "page one"}],
                        },
                    },
                    {"type": "file_annotation", "file_id": "f-1"},
                ],
                "tool_calls": [
                    {"id": "call_1", "index": 0, "type": "function", "function": {"name": "draw", "arguments": "{}"}}
                ],
                "brand_new_message_field": 7,
            },
        },
        {
            "index": 1,
            "finish_reason": "error",
            "native_finish_reason": "error",
            "message": {"role": "assistant", "content": "Half"},
            "error": {"code": 502, "message": "Upstream died", "metadata": {"provider_name": "Google"}},
        },
    ],
    "usage": {
        "prompt_tokens": 10,
        "completion_tokens": 1300,
        "total_tokens": 1310,
        "cost": 0.039,
        "is_byok": True,
        "cost_details": {
            "upstream_inference_cost": 0.039,
            "upstream_inference_prompt_cost": 0.001,
            "upstream_inference_completions_cost": 0.038,
        },
        "prompt_tokens_details": {"cached_tokens": 4, "cache_write_tokens": 6, "audio_tokens": 0, "video_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 3, "image_tokens": 1290, "audio_tokens": 0},
        "server_tool_use_details": {"web_search_requests": 1, "tool_calls_requested": 2, "tool_calls_executed": 2},
    },
}

RICH_CHUNK: dict[str, Any] = {
    "id": "gen-rich-2",
    "object": "chat.completion.chunk",
    "created": 1760000000,
    "model": "google/gemini-2.5-flash-image",
    "provider": "Google AI Studio",
    "choices": [
        {
            "index": 0,
            "delta": {
                "role": "assistant",
                "content": "",
                "reasoning": "Draw",
                "reasoning_details": [{"type": "reasoning.text", "text": "Draw", "format": "google-gemini-v1"}],
                "images": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}],
                "annotations": [{"type": "url_citation", "url_citation": {"url": "https://c.example/", "title": "C"}}],
            },
            "finish_reason": None,
            "native_finish_reason": None,
        }
    ],
}
FINAL_CHUNK: dict[str, Any] = {
    **RICH_CHUNK,
    "choices": [
        {"index": 0, "delta": {"content": ""}, "finish_reason": "stop", "native_finish_reason": "STOP"},
    ],
    "usage": RICH_COMPLETION["usage"],
}


def _serve(request: httpx2.Request) -> httpx2.Response:
    if json.loads(request.content).get("stream"):
        body = "".join(f"data: {json.dumps(c)}\n\n" for c in (RICH_CHUNK, FINAL_CHUNK)) + "data: [DONE]\n\n"
        return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=body.encode())
    return httpx2.Response(200, json=RICH_COMPLETION)


@pytest.fixture
def rich_client() -> OpenRouter:
    return OpenRouter(api_key="sk-or-test", http_client=httpx2.Client(transport=httpx2.MockTransport(_serve)))


@pytest.fixture
def rich_async_client() -> AsyncOpenRouter:
    transport = httpx2.MockTransport(_serve)
    return AsyncOpenRouter(api_key="sk-or-test", http_client=httpx2.AsyncClient(transport=transport))


def _check_rich(result: ChatCompletion) -> None:
    assert isinstance(result, openai.types.chat.ChatCompletion)
    assert result.provider == "Google AI Studio"
    assert result.model_extra == {"router_extra": {"kept": True}}
    first, failed = result.choices
    assert first.native_finish_reason == "STOP"
    message = first.message
    assert message.model_extra == {"brand_new_message_field": 7}
    text, summary, encrypted, unknown = message.reasoning_details or []
    assert isinstance(text, ReasoningDetailText) and text.text == "Draw a cat." and text.format == "google-gemini-v1"
    assert isinstance(summary, ReasoningDetailSummary) and summary.summary == "Cat" and summary.index == 1
    assert isinstance(encrypted, ReasoningDetailEncrypted) and encrypted.data == "gAAAAB==" and encrypted.id == "rs_1"
    assert isinstance(unknown, ReasoningDetailUnknown)
    assert unknown.type == "reasoning.brand_new_kind" and unknown.index == 3
    assert unknown.model_extra == {"name": "search", "payload": {"q": "cat"}}
    assert unknown.to_dict() == RICH_COMPLETION["choices"][0]["message"]["reasoning_details"][3]
    [image] = message.images or []
    assert isinstance(image, ImageOutput) and image.image_url.url.startswith("data:image/png;base64,")
    citation, file, legacy = message.annotations or []
    assert isinstance(citation, URLCitationAnnotation)
    assert citation.url_citation.content == "Cats are small."
    assert citation.url_citation.end_index == 5
    assert isinstance(file, FileAnnotation)
    assert file.file.name == "cats.pdf" and file.file.hash == "abc123"
    assert file.file.content == [{"type": "text", "text": "page one"}]
    assert legacy.type == "file_annotation" and legacy.model_extra == {"file_id": "f-1"}
    [call] = message.tool_calls or []
    assert call.type == "function" and call.function.name == "draw"
    assert isinstance(call, ChatCompletionMessageFunctionToolCall) and call.index == 0
    assert failed.finish_reason == "error"  # type: ignore[comparison-overlap]
    assert failed.error is not None
    assert (failed.error.code, failed.error.message) == (502, "Upstream died")
    assert failed.error.metadata == {"provider_name": "Google"}
    usage = result.usage
    assert usage is not None and usage.is_byok is True and usage.cost == 0.039
    assert usage.cost_details is not None and usage.cost_details.upstream_inference_cost == 0.039
    assert usage.prompt_tokens_details is not None
    assert (usage.prompt_tokens_details.cached_tokens, usage.prompt_tokens_details.cache_write_tokens) == (4, 6)
    assert usage.completion_tokens_details is not None
    assert usage.completion_tokens_details.image_tokens == 1290
    assert usage.completion_tokens_details.reasoning_tokens == 3
    assert usage.server_tool_use_details is not None
    assert usage.server_tool_use_details.tool_calls_executed == 2


def _check_rich_chunks(chunks: list[ChatCompletionChunk]) -> None:
    first, last = chunks
    assert isinstance(first, openai.types.chat.ChatCompletionChunk)
    assert first.provider == "Google AI Studio"
    delta = first.choices[0].delta
    assert delta.reasoning == "Draw"
    [detail] = delta.reasoning_details or []
    assert isinstance(detail, ReasoningDetailText) and detail.text == "Draw"
    assert delta.images and delta.images[0].image_url.url == "data:image/png;base64,AAAA"
    assert delta.annotations and isinstance(delta.annotations[0], URLCitationAnnotation)
    assert last.choices[0].native_finish_reason == "STOP"
    assert last.usage is not None and last.usage.is_byok is True and last.usage.cost == 0.039


def test_every_response_field_typed(rich_client: OpenRouter) -> None:
    _check_rich(rich_client.chat.completions.create(model="m", messages=USER))


async def test_every_response_field_typed_async(rich_async_client: AsyncOpenRouter) -> None:
    _check_rich(await rich_async_client.chat.completions.create(model="m", messages=USER))


def test_every_chunk_field_typed(rich_client: OpenRouter) -> None:
    _check_rich_chunks(list(rich_client.chat.completions.create(model="m", messages=USER, stream=True)))


async def test_every_chunk_field_typed_async(rich_async_client: AsyncOpenRouter) -> None:
    stream = await rich_async_client.chat.completions.create(model="m", messages=USER, stream=True)
    _check_rich_chunks([chunk async for chunk in stream])


def test_plain_openai_client_drops_these_fields() -> None:
    """The same body through plain `openai` leaves the fields untyped (so the tests above can fail)."""
    transport = httpx2.MockTransport(_serve)
    with openai.OpenAI(api_key="x", http_client=httpx2.Client(transport=transport)) as plain:
        result = plain.chat.completions.create(model="m", messages=USER)
    assert "provider" not in type(result).model_fields
    assert "reasoning_details" not in type(result.choices[0].message).model_fields
    assert result.usage is not None and "cost" not in type(result.usage).model_fields
