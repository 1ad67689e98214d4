"""What this client does not know is kept whole as an explicit `Unknown*` type of ours (its `type` and data),
never parsed into another class; what OpenRouter added in 2026 is typed (server-tool items and reasoning,
server-tool usage and cost). Both parsing paths are covered: pydantic validation (the fast path) and
`openai`'s lenient construction (the fallback)."""

from __future__ import annotations

from typing import Any

import pytest
from openai._models import construct_type

from openrouter_compat.types.chat import ChatCompletion, ChatCompletionChunk
from openrouter_compat.types.chat.chat_completion_message import URLCitationAnnotation
from openrouter_compat.types.responses.response import (
    Response,
    ResponseServerToolItem,
    UnknownResponseOutputItem,
)
from openrouter_compat.types.responses.response_stream_event import (
    ResponseStreamEvent,
    UnknownResponseStreamEvent,
)
from openrouter_compat.types.shared import ReasoningDetailServerToolCall, ReasoningDetailUnknown

MESSAGE_ITEM = {
    "type": "message",
    "id": "m1",
    "status": "completed",
    "role": "assistant",
    "content": [{"type": "output_text", "text": "hi", "annotations": []}],
}
RESPONSE: dict[str, Any] = {
    "id": "resp_1",
    "object": "response",
    "created_at": 1,
    "model": "openai/gpt-4o-mini",
    "status": "completed",
    "parallel_tool_calls": True,
    "tool_choice": "auto",
    "tools": [],
    "output": [
        {"type": "openrouter:web_search", "id": "ws_1", "status": "completed", "action": {"query": "cats"}},
        {"type": "openrouter:brand_new_tool", "id": "x_1", "status": "completed", "result": {"n": 1}},
        {"type": "brand_new_item", "id": "n_1", "payload": [1, 2]},
        MESSAGE_ITEM,
    ],
    "usage": {
        "input_tokens": 3,
        "output_tokens": 2,
        "total_tokens": 5,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens_details": {"reasoning_tokens": 0},
        "cost": 0.002,
        "cost_details": {"server_tool_cost": 0.001},
        "server_tool_use_details": {"web_search_requests": 1, "tool_calls_executed": 1},
    },
}


def _parsed(path: str, data: dict[str, Any]) -> Response:
    return Response.model_validate(data) if path == "validate" else construct_type(type_=Response, value=data)


@pytest.mark.parametrize("path", ["validate", "construct"])
def test_responses_output_items(path: str) -> None:
    response = _parsed(path, RESPONSE)
    web, new_tool, unknown, message = response.output
    assert isinstance(web, ResponseServerToolItem) and web.type == "openrouter:web_search"
    assert web.to_dict()["action"] == {"query": "cats"}
    assert isinstance(new_tool, ResponseServerToolItem) and new_tool.to_dict() == RESPONSE["output"][1]
    assert isinstance(unknown, UnknownResponseOutputItem) and unknown.type == "brand_new_item"
    assert unknown.to_dict() == RESPONSE["output"][2]
    assert type(message).__name__ == "ResponseOutputMessage"


def test_responses_usage_server_tools_typed() -> None:
    usage = Response.model_validate(RESPONSE).usage
    assert usage is not None and usage.server_tool_use_details is not None
    assert usage.server_tool_use_details.web_search_requests == 1
    assert usage.cost_details is not None


@pytest.mark.parametrize(
    "event",
    [
        {"type": "response.brand_new.delta", "delta": "x", "sequence_number": 4},
        {"type": "response.openrouter.server_tool.progress", "item_id": "ws_1", "sequence_number": 5},
    ],
)
def test_unknown_stream_events_stay_unknown(event: dict[str, Any]) -> None:
    parsed = construct_type(type_=ResponseStreamEvent, value=event)
    assert isinstance(parsed, UnknownResponseStreamEvent)
    assert parsed.type == event["type"] and parsed.to_dict() == event


def test_known_stream_events_keep_their_class() -> None:
    delta = {"type": "response.output_text.delta", "delta": "x", "sequence_number": 1, "item_id": "i"}
    parsed = construct_type(type_=ResponseStreamEvent, value={**delta, "output_index": 0, "content_index": 0})
    assert type(parsed).__name__ == "ResponseTextDeltaEvent"
    with pytest.raises(ValueError, match="known event type"):
        UnknownResponseStreamEvent.model_validate(delta)


COMPLETION: dict[str, Any] = {
    "id": "gen-1",
    "object": "chat.completion",
    "created": 1,
    "model": "openai/gpt-4o-mini",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "message": {
                "role": "assistant",
                "content": "Cats.",
                "annotations": [{"type": "url_citation", "url_citation": {"url": "https://c.example", "title": "C"}}],
                "reasoning_details": [
                    {
                        "type": "reasoning.server_tool_call",
                        "tool_name": "openrouter:web_search",
                        "arguments": '{"query": "cats"}',
                        "result": "[...]",
                        "tool_call_id": "ws_1",
                        "index": 0,
                    },
                    {"type": "reasoning.brand_new", "index": 1, "blob": {"a": 1}},
                ],
            },
        }
    ],
    "usage": {
        "prompt_tokens": 3,
        "completion_tokens": 2,
        "total_tokens": 5,
        "cost": 0.01,
        "cost_details": {"upstream_inference_cost": None, "server_tool_cost": 0.004},
        "server_tool_use_details": {"web_search_requests": 1, "tool_calls_requested": 2, "tool_calls_executed": 2},
    },
}


@pytest.mark.parametrize("path", ["validate", "construct"])
def test_chat_server_tool_reasoning_and_costs(path: str) -> None:
    completion = (
        ChatCompletion.model_validate(COMPLETION)
        if path == "validate"
        else construct_type(type_=ChatCompletion, value=COMPLETION)
    )
    call, unknown = completion.choices[0].message.reasoning_details or []
    assert isinstance(call, ReasoningDetailServerToolCall)
    assert (call.tool_name, call.arguments, call.tool_call_id) == ("openrouter:web_search", '{"query": "cats"}', "ws_1")
    assert isinstance(unknown, ReasoningDetailUnknown) and unknown.to_dict() == {
        "type": "reasoning.brand_new",
        "index": 1,
        "blob": {"a": 1},
    }
    usage = completion.usage
    assert usage is not None and usage.cost_details is not None and usage.cost_details.server_tool_cost == 0.004
    assert usage.server_tool_use_details is not None and usage.server_tool_use_details.tool_calls_executed == 2


def test_streamed_annotations_are_the_message_class() -> None:
    chunk = ChatCompletionChunk.model_validate(
        {
            "id": "gen-1",
            "object": "chat.completion.chunk",
            "created": 1,
            "model": "m",
            "choices": [{"index": 0, "delta": {"annotations": COMPLETION["choices"][0]["message"]["annotations"]}}],
        }
    )
    message = ChatCompletion.model_validate(COMPLETION).choices[0].message
    [streamed] = chunk.choices[0].delta.annotations or []
    [whole] = message.annotations or []
    assert type(streamed) is type(whole) is URLCitationAnnotation


def test_router_metadata_is_typed_and_on_openrouter() -> None:
    from openrouter_compat._response_metadata import metadata_from_result
    from openrouter_compat.types.shared import RouterMetadata

    routed = {
        "requested": "openrouter/auto",
        "strategy": "auto",
        "attempts": [{"model": "openai/gpt-4o-mini", "provider": "OpenAI", "status": 200}],
        "endpoints": {
            "total": 3,
            "available": [{"provider": "OpenAI", "model": "openai/gpt-4o-mini", "selected": True}],
        },
        "brand_new": 1,
    }
    completion = ChatCompletion.model_validate({**COMPLETION, "openrouter_metadata": routed})
    metadata = completion.openrouter_metadata
    assert isinstance(metadata, RouterMetadata) and metadata.strategy == "auto"
    assert metadata.attempts is not None and metadata.attempts[0].provider == "OpenAI"
    assert metadata.endpoints is not None and metadata.endpoints.available is not None
    assert metadata.to_dict() == routed, "fields OpenRouter adds later are kept"
    assert metadata_from_result(completion, {"x-openrouter-cache-status": "HIT"}).router_metadata is metadata
    response = Response.model_validate({**RESPONSE, "openrouter_metadata": routed})
    assert isinstance(response.openrouter_metadata, RouterMetadata)
