"""The fast path of validation (`_shapes.is_clean` and `_validation_memory`) never says "nothing to report"
for a value the full checks would refuse or warn about, and a remembered outcome is only reused for a value
of exactly the same types."""

from __future__ import annotations

import enum
import marshal
import warnings
from collections import OrderedDict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Required

import pytest
from typing_extensions import TypedDict

from openrouter_compat import OpenRouterUnknownFieldWarning, OpenRouterValidationError, _extras, _validation_memory
from openrouter_compat._extras import _unknowns, check_sendable, validate_fields
from openrouter_compat._shapes import is_clean_object
from openrouter_compat.types.chat.completion_create_params import ChatToolFields, OpenRouterChatParams


class _Text(str):
    pass


class _Sort(enum.StrEnum):
    PRICE = "price"


ROUTING: dict[str, Any] = {
    "provider": {"order": ["openai", "azure"], "allow_fallbacks": True, "sort": "price", "data_collection": "deny"},
    "models": ["openai/gpt-4o-mini", "anthropic/claude-3.5-haiku"],
    "reasoning": {"effort": "low", "exclude": False},
    "plugins": [{"id": "web", "max_results": 3, "engine": "exa"}],
    "session_id": "é-session",
    "trace": {"trace_id": "t", "anything": {"nested": [1, 2.5, None]}},
}

VALUES: list[dict[str, Any]] = [
    ROUTING,
    {"provider": {"sort": "cheapest"}},  # an unknown enum value (open)
    {"provider": {"sortt": "price"}},  # a near-typo of a key
    {"provider": {"brand_new": 1}},  # an unknown key
    {"plugins": [{"id": "brand-new-plugin", "x": 1}]},  # an unknown plugin id
    {"plugins": [{"id": "web", "engine": "new-engine"}]},
    {"plugins": [{"id": "web", "max_results": float("inf")}]},
    {"top_a": float("nan")},
    {"session_id": "lone \ud800 surrogate"},
    {"trace": {"trace_id": "t", "x": "\udfff"}},
    {"trace": {"trace_id": "t", "x": Decimal("1.5")}},
    {"trace": {"trace_id": "t", 1: "int key"}},
    {"models": ("a", "b")},
    {"models": [_Text("a")]},
    {"provider": {"sort": _Sort.PRICE}},
    {"provider": OrderedDict(sort="price")},
    {"reasoning": {"effort": "hihg"}},
    {"new_top_level": {"a": [1, 2]}},
]


def _full_checks_find_nothing(value: dict[str, Any]) -> bool:
    try:
        check_sendable(value)
    except OpenRouterValidationError:
        return False
    return not list(_unknowns(value, OpenRouterChatParams, ""))


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    _extras._WARNED.clear()
    _validation_memory.PASSED.clear()
    yield
    _extras._WARNED.clear()
    _validation_memory.PASSED.clear()


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_fast_path_certifies_only_what_the_full_checks_pass(value: dict[str, Any]) -> None:
    if is_clean_object(value, OpenRouterChatParams):
        assert _full_checks_find_nothing(value)


def test_fast_path_is_taken_for_a_typical_call() -> None:
    assert is_clean_object(ROUTING, OpenRouterChatParams)
    validate_fields(ROUTING, OpenRouterChatParams)
    assert (OpenRouterChatParams, marshal.dumps(ROUTING, 2)) in _validation_memory.PASSED


def test_a_changed_field_is_checked_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    validate_fields(ROUTING, OpenRouterChatParams)
    checked: list[list[str]] = []
    real = _extras.is_clean_object

    def spy(value: Any, typed: Any) -> bool:
        if typed is OpenRouterChatParams:
            checked.append(list(value))
        return real(value, typed)

    monkeypatch.setattr(_extras, "is_clean_object", spy)
    validate_fields({**ROUTING, "session_id": "another"}, OpenRouterChatParams)
    validate_fields({**ROUTING, "session_id": "another"}, OpenRouterChatParams)  # now whole: nothing checked
    assert checked == [["session_id"]]
    with pytest.raises(OpenRouterValidationError, match="session_id"):
        validate_fields({**ROUTING, "session_id": "x" * 300}, OpenRouterChatParams)  # max_length 256
    with pytest.warns(OpenRouterUnknownFieldWarning, match="brand_new"):
        validate_fields({**ROUTING, "brand_new": 1}, OpenRouterChatParams)


def test_tools_fast_path() -> None:
    tools = {"tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}]}
    assert is_clean_object(tools, ChatToolFields)


@pytest.mark.parametrize(
    ("passed", "then"),
    [
        ({"models": ["a", "b"]}, {"models": ("a", "b")}),  # a tuple is not a list (strict types)
        ({"top_k": 1}, {"top_k": True}),
        ({"top_k": 1}, {"top_k": 1.0}),
        ({"provider": {"sort": "price"}}, {"provider": {"sort": "price", "sortt": "price"}}),
        ({"session_id": "abc"}, {"session_id": "ab\ud800"}),
        ({"top_a": 0.5}, {"top_a": float("inf")}),
    ],
)
def test_a_remembered_pass_is_not_reused_for_a_different_value(passed: dict[str, Any], then: dict[str, Any]) -> None:
    validate_fields(passed, OpenRouterChatParams)
    assert _validation_memory.PASSED
    with pytest.raises(OpenRouterValidationError):
        validate_fields(then, OpenRouterChatParams)


def test_a_warned_value_is_not_remembered_and_warns_in_each_mode() -> None:
    value = {"provider": {"brand_new_option": 1}}
    with pytest.warns(OpenRouterUnknownFieldWarning):
        validate_fields(value, OpenRouterChatParams)
    assert not _validation_memory.PASSED
    with pytest.raises(OpenRouterValidationError, match="strict"):
        validate_fields(value, OpenRouterChatParams, mode="strict")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        validate_fields(value, OpenRouterChatParams, mode="off")


def test_a_remembered_value_still_passes_in_strict_mode() -> None:
    validate_fields(ROUTING, OpenRouterChatParams)
    validate_fields(ROUTING, OpenRouterChatParams, mode="strict")


def test_the_memory_is_bounded() -> None:
    for index in range(_validation_memory.PASSED_LIMIT + 10):
        validate_fields({"session_id": f"s{index}"}, OpenRouterChatParams)
    assert len(_validation_memory.PASSED) <= _validation_memory.PASSED_LIMIT


class _WithRequired(TypedDict, total=False):
    messages: Required[list[str]]  # under postponed annotations: not in __required_keys__
    max_tokens: int


def test_a_type_with_required_keys_is_checked_whole() -> None:
    validate_fields({"messages": ["a"], "max_tokens": 1}, _WithRequired)
    validate_fields({"messages": ["a"], "max_tokens": 2}, _WithRequired)  # max_tokens alone would lack messages
    with pytest.raises(OpenRouterValidationError, match="messages"):
        validate_fields({"max_tokens": 2}, _WithRequired)
