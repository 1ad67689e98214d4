# pyright: strict
"""Responses code using OpenRouter's additions and code written against `openai`'s unions, side by side: `mypy
--strict` and pyright strict must accept it (tests/test_typecheck_responses.py). Never run, only type-checked.

- `input` takes echoed `openrouter:*` server-tool items and OpenRouter's other item shapes, as literals or typed;
- `Response.output` items and stream events narrow to `ResponseServerToolItem`, `UnknownResponseOutputItem` and
  `UnknownResponseStreamEvent` with `isinstance` and `match` (reachable, attributes typed);
- `openai`-typed inputs, results, streams and narrowing keep type-checking.
"""

from __future__ import annotations

import openai
from openai.types import responses as oai

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.types.responses import (
    Response,
    ResponseInputItemParam,
    ResponseInputParam,
    ResponseOutputItem,
    ResponseServerToolItem,
    ResponseStreamEvent,
    UnknownResponseOutputItem,
    UnknownResponseStreamEvent,
)

MODEL = "openai/gpt-4o-mini"

ECHOED: ResponseInputParam = [
    {"role": "user", "content": "Search the web for cats."},
    {
        "type": "openrouter:web_search",
        "id": "ws_1",
        "status": "completed",
        "action": {"type": "search", "query": "cats", "sources": [{"type": "url", "url": "https://example.com"}]},
    },
    {"type": "openrouter:datetime", "status": "completed", "datetime": "2026-12-04T00:00:00Z", "timezone": "UTC"},
    {"type": "reasoning", "id": "rs_1", "summary": [], "format": "anthropic-claude-v1", "signature": "c2ln"},
    {
        "type": "agent_message",
        "author": "planner",
        "recipient": "worker",
        "content": [{"type": "input_text", "text": "go"}],
    },
    {"type": "openrouter:brand_new_tool"},
]


def members(
    item: ResponseServerToolItem, unknown: UnknownResponseOutputItem, event: UnknownResponseStreamEvent
) -> None:
    """OpenRouter's classes are members of the static unions (an output item, a stream event)."""
    output: list[ResponseOutputItem] = [item, unknown]
    events: list[ResponseStreamEvent] = [event]
    print(output, events)


def label(item: ResponseOutputItem) -> str:
    """Narrowing an output item: OpenRouter's classes and `openai`'s, with `isinstance`."""
    if isinstance(item, ResponseServerToolItem):
        return f"{item.type} {item.status or ''} {item.id or ''}"
    if isinstance(item, UnknownResponseOutputItem):
        return f"new item {item.type}"
    if isinstance(item, oai.ResponseOutputMessage):
        return item.id
    if isinstance(item, oai.ResponseFunctionToolCall):
        return item.name
    return item.type


def label_match(item: ResponseOutputItem) -> str:
    """The same with `match`."""
    match item:
        case ResponseServerToolItem(type=kind, status=status):
            return f"{kind}: {status}"
        case UnknownResponseOutputItem(type=kind):
            return kind
        case oai.ResponseOutputMessage(id=ident):
            return ident
        case _:
            return item.type


def on_event(event: ResponseStreamEvent) -> str:
    """Narrowing a stream event with `isinstance`: an unknown one, `openai`'s ones."""
    if isinstance(event, UnknownResponseStreamEvent):
        return event.type
    if isinstance(event, oai.ResponseTextDeltaEvent):
        return event.delta
    return event.type


def on_event_match(event: ResponseStreamEvent) -> str:
    """The same with `match`."""
    match event:
        case UnknownResponseStreamEvent(type=kind):
            return kind
        case oai.ResponseCompletedEvent(response=response):
            return response.id
        case _:
            return event.type


def ours(client: OpenRouter) -> None:
    response = client.responses.create(model=MODEL, input=ECHOED)
    print([label(item) for item in response.output], [label_match(item) for item in response.output])
    follow_up: list[ResponseInputItemParam] = [*ECHOED, {"role": "user", "content": "And dogs?"}]
    client.responses.create(
        model=MODEL,
        input=[
            *follow_up,
            {"type": "openrouter:bash", "status": "completed", "command": "ls", "stdout": "a\n", "exitCode": 0},
            {"type": "openrouter:fusion", "status": "completed", "responses": [{"model": MODEL}]},
        ],
        tools=[{"type": "openrouter:web_search"}],
    )
    for event in client.responses.create(model=MODEL, input="hi", stream=True):
        print(on_event(event), on_event_match(event))


async def ours_async(client: AsyncOpenRouter) -> None:
    response = await client.responses.create(model=MODEL, input=ECHOED)
    print([label(item) for item in response.output])
    async for event in await client.responses.create(model=MODEL, input=ECHOED, stream=True):
        print(on_event(event))


def openai_typed(client: OpenRouter) -> None:
    """Code written for `openai`: its input type, result type, stream type and member classes."""
    items: oai.ResponseInputParam = [{"role": "user", "content": "hi"}, {"type": "item_reference", "id": "msg_1"}]
    one: oai.ResponseInputItemParam = {"type": "function_call_output", "call_id": "c1", "output": "42"}
    result: oai.Response = client.responses.create(model=MODEL, input=items)
    ours_too: Response = client.responses.create(model=MODEL, input=[*items, one])
    print(result.output_text, ours_too.output_text)
    for item in result.output:
        if isinstance(item, oai.ResponseReasoningItem):
            print(item.summary)
    stream: openai.Stream[oai.ResponseStreamEvent] = client.responses.create(model=MODEL, input=items, stream=True)
    for event in stream:
        if isinstance(event, oai.ResponseTextDeltaEvent):
            print(event.delta)
    widened: list[ResponseInputItemParam] = list(items)  # openai's items are ours
    client.responses.create(model=MODEL, input=widened)
