"""The validation memory item by item: an agent loop resends a growing `input` (and the same `tools`); an item
that passed with nothing to warn about is not checked again, yet a new or changed item is, errors and warnings
name the caller's index, and an item that warned is never remembered."""

from __future__ import annotations

import copy
import warnings
from collections.abc import Iterator
from typing import Any, cast

import pytest

from openrouter_compat import (
    AsyncOpenRouter,
    OpenRouter,
    OpenRouterUnknownFieldWarning,
    OpenRouterValidationError,
    _extras,
    _validation_memory,
)
from openrouter_compat._extras import check_fields
from openrouter_compat.testing import Emulator
from openrouter_compat.types.chat.completion_create_params import ChatToolFields
from openrouter_compat.types.responses.response_create_params import ResponseToolFields

MODEL = "openai/gpt-4o-mini"
WEB_SEARCH: dict[str, Any] = {
    "type": "openrouter:web_search",
    "id": "ws_1",
    "status": "completed",
    "action": {"type": "search", "query": "cats", "sources": [{"type": "url", "url": "https://example.com/cats"}]},
}


def _turn(n: int) -> list[dict[str, Any]]:
    """One agent-loop turn's items: a call and its output."""
    return [
        {"type": "function_call", "call_id": f"c{n}", "name": "f", "arguments": "{}"},
        {"type": "function_call_output", "call_id": f"c{n}", "output": f"x{n}"},
    ]


HISTORY: list[dict[str, Any]] = [
    {"role": "user", "content": "hi"},
    {"type": "reasoning", "id": "r1", "summary": [{"type": "summary_text", "text": "t"}]},
    WEB_SEARCH,
    *[item for n in range(5) for item in _turn(n)],
]

# A bad item appended to a remembered history: (item, field named in its own index, words in the message).
BAD: dict[str, tuple[dict[str, Any], str, str]] = {
    "wrong_type": ({**WEB_SEARCH, "action": {"type": "search", "query": 5}}, ".action.query", "5"),
    "wrong_status": ({**WEB_SEARCH, "status": 1}, ".status", "invalid value 1"),
    "typo_key": ({"type": "openrouter:bash", "status": "completed", "comand": "ls"}, ".comand", "did you mean"),
    "typo_type": ({**WEB_SEARCH, "type": "openrouter:web_serch"}, ".type", "did you mean"),
    "typo_in_message": ({"role": "user", "contnet": "hi"}, ".contnet", "did you mean 'content'?"),
    "unsendable": ({"type": "function_call_output", "call_id": "c", "output": "\ud800"}, ".output", "surrogate"),
}


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    _extras._WARNED.clear()
    _validation_memory.PASSED.clear()
    yield
    _extras._WARNED.clear()
    _validation_memory.PASSED.clear()


def _item_keys() -> int:
    """How many list items the memory holds."""
    return sum(1 for key in _validation_memory.PASSED if len(key) == 4 and key[2] == "[]")


def _refusal(items: list[Any]) -> OpenRouterValidationError:
    with pytest.raises(OpenRouterValidationError) as info:
        check_fields({"input": [copy.copy(item) for item in items]}, ResponseToolFields)
    return info.value


def test_the_history_is_remembered_item_by_item() -> None:
    check_fields({"input": HISTORY}, ResponseToolFields)
    assert _item_keys() == len(HISTORY)
    check_fields({"input": [*HISTORY, *_turn(9)]}, ResponseToolFields)
    assert _item_keys() == len(HISTORY) + 2


@pytest.mark.parametrize("case", sorted(BAD))
@pytest.mark.parametrize("at", [0, 4, len(HISTORY)])
def test_a_remembered_item_hides_no_bad_item_and_the_location_is_the_callers(case: str, at: int) -> None:
    """The same refusal, word for word, as with nothing remembered, at the caller's index."""
    bad, suffix, words = BAD[case]
    items = [*HISTORY[:at], bad, *HISTORY[at:]]
    cold = _refusal(items)
    assert cold.field == f"input[{at}]{suffix}" and words in str(cold)
    check_fields({"input": HISTORY}, ResponseToolFields)  # every other item remembered
    assert _item_keys() == len(HISTORY)
    warm = _refusal(items)
    assert (warm.field, str(warm), warm.value) == (cold.field, str(cold), cold.value)


def test_a_changed_item_is_checked_again() -> None:
    check_fields({"input": HISTORY}, ResponseToolFields)
    changed = [dict(item) for item in HISTORY]
    changed[3]["name"] = 7  # a function call's name, now an int
    assert _refusal(changed).field == "input[3].name"
    changed[3]["name"] = True  # marshal tells True from 1: a bool is not a remembered int
    assert _refusal(changed).field == "input[3].name"


def test_an_item_that_warned_is_not_remembered() -> None:
    new = {**WEB_SEARCH, "id": "ws_new", "engine_trace": {"hops": 2}}
    with pytest.warns(OpenRouterUnknownFieldWarning) as caught:
        check_fields({"input": [*HISTORY, new]}, ResponseToolFields)
    assert [w.message.field for w in caught.list if isinstance(w.message, OpenRouterUnknownFieldWarning)] == [
        f"input[{len(HISTORY)}].engine_trace"
    ]
    assert _item_keys() == len(HISTORY)  # the others are
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_fields({"input": [new, *HISTORY]}, ResponseToolFields)  # warned once per process: no second warning
    with pytest.raises(OpenRouterValidationError) as info:  # still checked: strict refuses it, at its index
        check_fields({"input": [*HISTORY[:2], new]}, ResponseToolFields, mode="strict")
    assert info.value.field == "input[2].engine_trace" and "validation='strict'" in str(info.value)


def test_warnings_name_the_callers_index_when_earlier_items_were_skipped() -> None:
    check_fields({"input": HISTORY}, ResponseToolFields)
    with pytest.warns(OpenRouterUnknownFieldWarning) as caught:
        check_fields({"input": [*HISTORY, {**WEB_SEARCH, "status": "deferred"}]}, ResponseToolFields)
    fields = [w.message.field for w in caught.list if isinstance(w.message, OpenRouterUnknownFieldWarning)]
    assert fields == [f"input[{len(HISTORY)}].status"]


def test_off_checks_nothing_and_remembers_nothing() -> None:
    check_fields({"input": [*HISTORY, BAD["wrong_type"][0]]}, ResponseToolFields, mode="off")
    assert not _validation_memory.PASSED


def test_chat_tools_are_remembered_item_by_item_too() -> None:
    tools: list[dict[str, Any]] = [
        {"type": "function", "function": {"name": f"f{n}", "parameters": {"type": "object"}}} for n in range(3)
    ]
    check_fields({"tools": tools}, ChatToolFields)
    assert _item_keys() == 3
    with pytest.raises(OpenRouterValidationError) as info:
        check_fields({"tools": [*tools, {"type": "function", "function": {"name": 5}}]}, ChatToolFields)
    assert info.value.field is not None and info.value.field.startswith("tools[3]")


def test_the_memory_stays_bounded() -> None:
    """A list longer than the memory holds: the memory never outgrows its bound, and checks still work."""
    long = [item for n in range(_validation_memory.PASSED_LIMIT) for item in _turn(n)]
    check_fields({"input": long}, ResponseToolFields)
    assert len(_validation_memory.PASSED) <= _validation_memory.PASSED_LIMIT
    check_fields({"input": [*long, *_turn(-1)]}, ResponseToolFields)
    assert len(_validation_memory.PASSED) <= _validation_memory.PASSED_LIMIT
    assert _refusal([*long, {"role": "user", "contnet": "hi"}]).field == f"input[{len(long)}].contnet"


def test_an_item_over_the_size_bound_is_not_remembered() -> None:
    big = {"type": "function_call_output", "call_id": "c", "output": "x" * (_validation_memory.FINGERPRINT_LIMIT + 1)}
    check_fields({"input": [HISTORY[0], big]}, ResponseToolFields)
    assert _item_keys() == 1


def _input_sent(emu: Emulator) -> Any:
    body = emu.requests_to("/responses")[-1].json
    assert isinstance(body, dict)
    return cast("dict[str, Any]", body)["input"]


def test_an_agent_loop_through_responses_create(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    items = list(HISTORY)
    for n in range(3):
        items = [*items, *_turn(10 + n)]
        client.responses.create(model=MODEL, input=items)  # type: ignore[arg-type]  # plain dicts
        assert _input_sent(openrouter_emulator) == items
    assert _item_keys() >= len(items)
    bad, suffix, words = BAD["wrong_type"]
    with pytest.raises(OpenRouterValidationError) as info:
        client.responses.create(model=MODEL, input=[*items, bad])  # type: ignore[arg-type]  # deliberately wrong
    assert info.value.field == f"input[{len(items)}]{suffix}" and words in str(info.value)
    assert len(openrouter_emulator.requests_to("/responses")) == 3


async def test_an_agent_loop_through_responses_create_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    items = list(HISTORY)
    for n in range(3):
        items = [*items, *_turn(10 + n)]
        await async_client.responses.create(model=MODEL, input=items)  # type: ignore[arg-type]  # plain dicts
        assert _input_sent(openrouter_emulator) == items
    assert _item_keys() >= len(items)
    bad, suffix, words = BAD["typo_in_message"]
    with pytest.raises(OpenRouterValidationError) as info:
        await async_client.responses.create(model=MODEL, input=[*items, bad], stream=True)  # type: ignore[arg-type]
    assert info.value.field == f"input[{len(items)}]{suffix}" and words in str(info.value)
    assert len(openrouter_emulator.requests_to("/responses")) == 3
