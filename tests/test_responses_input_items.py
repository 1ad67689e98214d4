"""Responses `input` items OpenRouter takes beyond `openai`'s (echoed `openrouter:*` server-tool output items,
reasoning `format`/`signature`, `agent_message`, ...), end to end against the emulator, sync and async: what
OpenRouter's spec has reaches the wire unchanged without a warning; a wrong-typed field inside an item is
refused naming it; a near-typo gets "did you mean"; anything else new is sent with one warning."""

from __future__ import annotations

import typing
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from openrouter_compat import (
    AsyncOpenRouter,
    OpenRouter,
    OpenRouterUnknownFieldWarning,
    OpenRouterValidationError,
    _extras,
)
from openrouter_compat.testing import Emulator
from openrouter_compat.types import responses_request
from openrouter_compat.types.responses import Response, ResponseServerToolItem
from openrouter_compat.types.responses.response_input_param import OPENROUTER_INPUT_ITEMS

MODEL = "openai/gpt-4o-mini"


@pytest.fixture(autouse=True)
def _fresh_warnings() -> Iterator[None]:
    """Each test sees its own first warning (the once-per-field-and-value memory is process-wide)."""
    _extras._WARNED.clear()
    yield
    _extras._WARNED.clear()


WEB_SEARCH: dict[str, Any] = {
    "type": "openrouter:web_search",
    "id": "ws_1",
    "status": "completed",
    "action": {"type": "search", "query": "cats", "sources": [{"type": "url", "url": "https://example.com/cats"}]},
}
ECHOED: list[dict[str, Any]] = [
    {"role": "user", "content": "Find cats, then run ls."},
    {
        "type": "reasoning",
        "id": "rs_1",
        "summary": [{"type": "summary_text", "text": "Search first."}],
        "format": "anthropic-claude-v1",
        "signature": "c2lnbmF0dXJl",
    },
    WEB_SEARCH,
    {
        "type": "openrouter:bash",
        "id": "bash_1",
        "status": "completed",
        "command": "ls",
        "stdout": "a.txt\n",
        "stderr": "",
        "exitCode": 0,
    },
    {"type": "openrouter:datetime", "status": "completed", "datetime": "2026-12-04T01:00:00Z", "timezone": "UTC"},
    {
        "type": "openrouter:fusion",
        "id": "fu_1",
        "status": "completed",
        "responses": [{"model": "openai/gpt-4o", "content": "Cats are mammals."}],
    },
    {
        "type": "agent_message",
        "author": "planner",
        "recipient": "worker",
        "content": [{"type": "input_text", "text": "Summarise the results."}],
    },
    {"type": "function_call_output", "call_id": "call_1", "output": "42"},
]

# Refused before sending: (items, field named, words in the message).
REFUSED: dict[str, tuple[list[dict[str, Any]], str, str]] = {
    "wrong_type": ([{**WEB_SEARCH, "action": {"type": "search", "query": 5}}], "input[0].action.query", "5"),
    "wrong_status_type": ([{**WEB_SEARCH, "status": 1}], "input[0].status", "invalid value 1"),
    "wrong_exit_code": (
        [{"type": "openrouter:bash", "status": "completed", "exitCode": "0"}],
        "input[0].exitCode",
        "invalid value '0'",
    ),
    "wrong_reasoning_status": (
        [{"type": "reasoning", "id": "rs_1", "summary": [], "status": 5}],
        "input[0].status",
        "invalid value 5",
    ),
    "typo_key": (
        [{"type": "openrouter:bash", "status": "completed", "comand": "ls"}],
        "input[0].comand",
        "did you mean 'command'?",
    ),
    "typo_type": (
        [{**WEB_SEARCH, "type": "openrouter:web_serch"}],
        "input[0].type",
        "did you mean 'openrouter:web_search'?",
    ),
    "typo_in_message": ([{"role": "user", "contnet": "hi"}], "input[0].contnet", "did you mean 'content'?"),
    "not_an_object": ([{"role": "user", "content": "hi"}, 7], "input[1]", "invalid value 7"),
}

# Sent as given, with a warning naming what is new.
NEW: dict[str, tuple[list[dict[str, Any]], str]] = {
    "new_field": ([{**WEB_SEARCH, "engine_trace": {"hops": 2}}], "input[0].engine_trace"),
    "new_item_type": ([{"type": "openrouter:quantum_annealer", "id": "q_1", "status": "completed"}], "input[0].type"),
    "new_status_value": ([{**WEB_SEARCH, "status": "deferred"}], "input[0].status"),
}


def _input_sent(emu: Emulator) -> Any:
    body = emu.requests_to("/responses")[-1].json
    assert isinstance(body, dict)
    return body["input"]


def test_echoed_items_reach_the_wire_unchanged(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
        client.responses.create(model=MODEL, input=ECHOED)  # type: ignore[arg-type]  # plain dicts
    assert _input_sent(openrouter_emulator) == ECHOED


async def test_echoed_items_reach_the_wire_unchanged_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
        stream = await async_client.responses.create(model=MODEL, input=ECHOED, stream=True)  # type: ignore[arg-type]
        assert [event async for event in stream]
    assert _input_sent(openrouter_emulator) == ECHOED


def test_output_items_of_a_response_echo_back(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    """A previous response's server-tool item goes back as its dict, or as the object itself (`openai` dumps it)."""
    previous = Response.model_validate(
        {
            "id": "resp_1",
            "object": "response",
            "created_at": 1,
            "model": MODEL,
            "status": "completed",
            "parallel_tool_calls": True,
            "tool_choice": "auto",
            "tools": [],
            "output": [WEB_SEARCH],
        }
    )
    item = previous.output[0]
    assert isinstance(item, ResponseServerToolItem)
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
        client.responses.create(model=MODEL, input=[item.to_dict()])  # type: ignore[list-item]  # a plain dict
        assert _input_sent(openrouter_emulator) == [WEB_SEARCH]
        client.responses.create(model=MODEL, input=[item])  # type: ignore[list-item]  # an output object
        assert _input_sent(openrouter_emulator) == [WEB_SEARCH]


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_mistakes_in_items_are_refused_before_sending(
    client: OpenRouter, openrouter_emulator: Emulator, case: str
) -> None:
    items, field, words = REFUSED[case]
    with pytest.raises(OpenRouterValidationError) as info:
        client.responses.create(model=MODEL, input=items)  # type: ignore[arg-type]  # deliberately wrong
    assert info.value.field == field
    assert words in str(info.value) and str(info.value).startswith(field)
    assert openrouter_emulator.requests == []


@pytest.mark.parametrize("case", sorted(REFUSED))
async def test_mistakes_in_items_are_refused_before_sending_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, case: str
) -> None:
    items, field, words = REFUSED[case]
    with pytest.raises(OpenRouterValidationError) as info:
        await async_client.responses.create(model=MODEL, input=items, stream=True)  # type: ignore[arg-type]
    assert info.value.field == field and words in str(info.value)
    assert openrouter_emulator.requests == []


@pytest.mark.parametrize("case", sorted(NEW))
def test_new_things_in_items_are_sent_with_a_warning(
    client: OpenRouter, openrouter_emulator: Emulator, case: str
) -> None:
    items, field = NEW[case]
    with pytest.warns(OpenRouterUnknownFieldWarning) as caught:
        client.responses.create(model=MODEL, input=items)  # type: ignore[arg-type]  # plain dicts
    assert [w.message.field for w in caught.list if isinstance(w.message, OpenRouterUnknownFieldWarning)] == [field]
    assert _input_sent(openrouter_emulator) == items


@pytest.mark.parametrize("case", sorted(NEW))
async def test_new_things_in_items_are_sent_with_a_warning_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, case: str
) -> None:
    items, _ = NEW[case]
    with pytest.warns(OpenRouterUnknownFieldWarning):
        await async_client.responses.create(model=MODEL, input=items)  # type: ignore[arg-type]  # plain dicts
    assert _input_sent(openrouter_emulator) == items


def test_strict_refuses_and_off_sends_what_is_new(openrouter_emulator: Emulator) -> None:
    items, field = NEW["new_item_type"]
    base = {"api_key": openrouter_emulator.api_key, "base_url": openrouter_emulator.base_url, "max_retries": 0}
    with OpenRouter(**base, validation="strict") as strict, pytest.raises(OpenRouterValidationError) as info:
        strict.responses.create(model=MODEL, input=items)  # type: ignore[arg-type]  # plain dicts
    assert info.value.field == field and "validation='strict'" in str(info.value)
    wrong, _, _ = REFUSED["wrong_type"]
    with OpenRouter(**base, validation="off") as off:
        off.responses.create(model=MODEL, input=wrong)  # type: ignore[arg-type]  # deliberately wrong
    assert _input_sent(openrouter_emulator) == wrong


def test_a_string_input_is_not_checked(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    client.responses.create(model=MODEL, input="openrouter:web_serch")
    assert _input_sent(openrouter_emulator) == "openrouter:web_serch"


def test_item_shapes_follow_the_generated_spec_types() -> None:
    """`OPENROUTER_INPUT_ITEMS` (spelt out for type checkers) is the generated `InputsParam` list's members."""
    generated = typing.get_args(typing.get_args(typing.get_args(responses_request.InputsParam)[1])[0])
    assert generated == OPENROUTER_INPUT_ITEMS


def test_the_same_news_in_every_item_warns_once(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    """A conversation echoes many items of one kind: a field new in each of them is one warning, not one per item."""
    items = [{**WEB_SEARCH, "id": f"ws_{n}", "engine_trace": {"hops": n}} for n in range(3)]
    with pytest.warns(OpenRouterUnknownFieldWarning) as caught:
        client.responses.create(model=MODEL, input=items)  # type: ignore[arg-type]  # plain dicts
        client.responses.create(model=MODEL, input=[*items, {**WEB_SEARCH, "id": "ws_9", "engine_trace": {}}])  # type: ignore[arg-type]
    assert len([w for w in caught.list if issubclass(w.category, OpenRouterUnknownFieldWarning)]) == 1
    assert len(openrouter_emulator.requests_to("/responses")) == 2
