"""Every entry point that sends a Responses or chat body validates OpenRouter's fields before sending, once:
`responses.parse()` / `.stream()` and their raw/streaming wrappers as `create` does (`tools`, echoed `input`
items), and chat's `parse` / `stream` (also under `client.beta`) for routing kwargs, `plugins` and `provider`."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from test_responses_input_items import ECHOED, MODEL, WEB_SEARCH

from openrouter_compat import (
    AsyncOpenRouter,
    OpenRouter,
    OpenRouterUnknownFieldWarning,
    OpenRouterValidationError,
    _extras,
)
from openrouter_compat.resources import _prepare as prepare_module
from openrouter_compat.resources import responses as responses_module
from openrouter_compat.testing import Emulator
from openrouter_compat.types.responses.response_create_params import ResponseToolFields

WRONG_ITEM = [{**WEB_SEARCH, "action": {"type": "search", "query": 5}}]
WRONG_FIELD = "input[0].action.query"
TYPO_TOOL = [{"type": "openrouter:web_serch"}]
MESSAGES: list[dict[str, Any]] = [{"role": "user", "content": "hi"}]


@pytest.fixture(autouse=True)
def _fresh_warnings() -> Iterator[None]:
    _extras._WARNED.clear()
    yield
    _extras._WARNED.clear()


def _sent(emu: Emulator, path: str = "/responses") -> dict[str, Any]:
    body = emu.requests_to(path)[-1].json
    assert isinstance(body, dict)
    return body


# --- Responses: parse, stream and the wrappers, sync ---


def _parse(client: OpenRouter, **kwargs: Any) -> object:
    return client.responses.parse(model=MODEL, **kwargs)


def _stream(client: OpenRouter, **kwargs: Any) -> object:
    with client.responses.stream(model=MODEL, **kwargs) as stream:
        return stream.get_final_response()


def _raw_parse(client: OpenRouter, **kwargs: Any) -> object:
    return client.responses.with_raw_response.parse(model=MODEL, **kwargs).parse()


def _streamed_parse(client: OpenRouter, **kwargs: Any) -> object:
    with client.responses.with_streaming_response.parse(model=MODEL, **kwargs) as response:
        return response.parse()


ROUTES: dict[str, Callable[..., object]] = {
    "parse": _parse,
    "stream": _stream,
    "raw_parse": _raw_parse,
    "streamed_parse": _streamed_parse,
}


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_wrong_typed_input_item_is_refused_before_sending(
    client: OpenRouter, openrouter_emulator: Emulator, route: str
) -> None:
    with pytest.raises(OpenRouterValidationError) as info:
        ROUTES[route](client, input=WRONG_ITEM)
    assert info.value.field == WRONG_FIELD and str(info.value).startswith(WRONG_FIELD)
    assert openrouter_emulator.requests == []


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_echoed_items_reach_the_wire_unchanged(client: OpenRouter, openrouter_emulator: Emulator, route: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
        ROUTES[route](client, input=ECHOED)
    assert _sent(openrouter_emulator)["input"] == ECHOED


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_tool_typo_gets_did_you_mean(client: OpenRouter, openrouter_emulator: Emulator, route: str) -> None:
    with pytest.raises(OpenRouterValidationError) as info:
        ROUTES[route](client, input="hi", tools=TYPO_TOOL)
    assert info.value.field == "tools[0].type"
    assert "did you mean 'openrouter:web_search'?" in str(info.value)
    assert openrouter_emulator.requests == []


@pytest.mark.parametrize("route", ["create", *sorted(ROUTES)])
def test_each_route_checks_once(
    client: OpenRouter, openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    """`stream()` goes through our `create`, `parse()` through its own check: never both, never neither."""
    calls: list[object] = []
    real = _extras.check_fields

    def counting(*args: Any, **kwargs: Any) -> None:
        calls.append(args[1])
        real(*args, **kwargs)

    monkeypatch.setattr(responses_module, "check_fields", counting)
    call = ROUTES.get(route) or (lambda c, **kw: c.responses.create(model=MODEL, **kw))
    call(client, input=ECHOED)
    assert calls == [ResponseToolFields]
    assert len(openrouter_emulator.requests_to("/responses")) == 1


# --- Responses, async ---


async def _aparse(client: AsyncOpenRouter, **kwargs: Any) -> object:
    return await client.responses.parse(model=MODEL, **kwargs)


async def _astream(client: AsyncOpenRouter, **kwargs: Any) -> object:
    async with client.responses.stream(model=MODEL, **kwargs) as stream:
        return await stream.get_final_response()


async def _araw_parse(client: AsyncOpenRouter, **kwargs: Any) -> object:
    return (await client.responses.with_raw_response.parse(model=MODEL, **kwargs)).parse()


async def _astreamed_parse(client: AsyncOpenRouter, **kwargs: Any) -> object:
    async with client.responses.with_streaming_response.parse(model=MODEL, **kwargs) as response:
        return await response.parse()


AROUTES: dict[str, Callable[..., Any]] = {
    "parse": _aparse,
    "stream": _astream,
    "raw_parse": _araw_parse,
    "streamed_parse": _astreamed_parse,
}


@pytest.mark.parametrize("route", sorted(AROUTES))
async def test_wrong_typed_input_item_is_refused_before_sending_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, route: str
) -> None:
    with pytest.raises(OpenRouterValidationError) as info:
        await AROUTES[route](async_client, input=WRONG_ITEM)
    assert info.value.field == WRONG_FIELD
    assert openrouter_emulator.requests == []


@pytest.mark.parametrize("route", sorted(AROUTES))
async def test_echoed_items_reach_the_wire_unchanged_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, route: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
        await AROUTES[route](async_client, input=ECHOED)
    assert _sent(openrouter_emulator)["input"] == ECHOED


@pytest.mark.parametrize("route", sorted(AROUTES))
async def test_tool_typo_gets_did_you_mean_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, route: str
) -> None:
    with pytest.raises(OpenRouterValidationError) as info:
        await AROUTES[route](async_client, input="hi", tools=TYPO_TOOL)
    assert "did you mean 'openrouter:web_search'?" in str(info.value)
    assert openrouter_emulator.requests == []


# --- chat: parse and stream, also under client.beta ---

# Refused before sending: (kwargs, field named).
ROUTING_REFUSED: dict[str, tuple[dict[str, Any], str]] = {
    "routing_models": ({"models": "openai/gpt-4o"}, "models"),
    "routing_route": ({"route": 5}, "route"),
    "plugins": ({"plugins": [{"id": "auto-routr"}]}, "plugins[0].id"),
    "provider": ({"provider": {"sort": "latncy"}}, "provider.sort"),
}


def _chat_parse(client: OpenRouter, **kwargs: Any) -> object:
    return client.chat.completions.parse(model=MODEL, messages=MESSAGES, **kwargs)  # type: ignore[arg-type]


def _beta_parse(client: OpenRouter, **kwargs: Any) -> object:
    return client.beta.chat.completions.parse(model=MODEL, messages=MESSAGES, **kwargs)  # type: ignore[arg-type]


def _chat_stream(client: OpenRouter, **kwargs: Any) -> object:
    with client.chat.completions.stream(model=MODEL, messages=MESSAGES, **kwargs) as stream:  # type: ignore[arg-type]
        return stream.get_final_completion()


def _beta_stream(client: OpenRouter, **kwargs: Any) -> object:
    with client.beta.chat.completions.stream(model=MODEL, messages=MESSAGES, **kwargs) as stream:  # type: ignore[arg-type]
        return stream.get_final_completion()


CHAT_ROUTES: dict[str, Callable[..., object]] = {
    "parse": _chat_parse,
    "beta_parse": _beta_parse,
    "stream": _chat_stream,
    "beta_stream": _beta_stream,
}


@pytest.mark.parametrize("case", sorted(ROUTING_REFUSED))
@pytest.mark.parametrize("route", sorted(CHAT_ROUTES))
def test_chat_helpers_refuse_bad_openrouter_fields(
    client: OpenRouter, openrouter_emulator: Emulator, route: str, case: str
) -> None:
    kwargs, field = ROUTING_REFUSED[case]
    with pytest.raises(OpenRouterValidationError) as info:
        CHAT_ROUTES[route](client, **kwargs)
    assert info.value.field == field
    assert openrouter_emulator.requests == []


@pytest.mark.parametrize("route", sorted(CHAT_ROUTES))
def test_chat_helpers_send_good_openrouter_fields(
    client: OpenRouter, openrouter_emulator: Emulator, route: str
) -> None:
    fields: dict[str, Any] = {
        "models": [MODEL, "openai/gpt-4o"],
        "plugins": [{"id": "web", "max_results": 2}],
        "provider": {"sort": "latency"},
    }
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
        CHAT_ROUTES[route](client, **fields)
    sent = _sent(openrouter_emulator, "/chat/completions")
    assert {name: sent[name] for name in fields} == fields


async def test_chat_helpers_refuse_bad_openrouter_fields_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    for kwargs, field in ROUTING_REFUSED.values():
        with pytest.raises(OpenRouterValidationError) as info:
            await async_client.chat.completions.parse(model=MODEL, messages=MESSAGES, **kwargs)  # type: ignore[arg-type]
        assert info.value.field == field
        with pytest.raises(OpenRouterValidationError) as info:
            await async_client.beta.chat.completions.parse(model=MODEL, messages=MESSAGES, **kwargs)  # type: ignore[arg-type]
        assert info.value.field == field
        with pytest.raises(OpenRouterValidationError) as info:
            async with async_client.chat.completions.stream(model=MODEL, messages=MESSAGES, **kwargs) as s:  # type: ignore[arg-type]
                await s.get_final_completion()
        assert info.value.field == field
    assert openrouter_emulator.requests == []


# --- Responses: OpenRouter's fields are keywords of parse, stream and the wrappers too ---

ROUTING: dict[str, Any] = {
    "models": [MODEL, "openai/gpt-4o"],
    "plugins": [{"id": "web", "max_results": 2}],
    "provider": {"sort": "latency"},
    "session_id": "s-1",
}


def _counting_validations(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The OpenRouter fields each call of `prepare_kwargs` validated (the check every resource shares)."""
    seen: list[dict[str, Any]] = []
    real = prepare_module.validate_fields

    def counting(fields: Any, params_type: Any, **kwargs: Any) -> None:
        if fields:
            seen.append(dict(fields))
        real(fields, params_type, **kwargs)

    monkeypatch.setattr(prepare_module, "validate_fields", counting)
    return seen


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_responses_routes_send_openrouter_fields_validated_once(
    client: OpenRouter, openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    validated = _counting_validations(monkeypatch)
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
        ROUTES[route](client, input="hi", **ROUTING)
    sent = _sent(openrouter_emulator)
    assert {name: sent[name] for name in ROUTING} == ROUTING
    assert validated == [ROUTING]


@pytest.mark.parametrize("case", sorted(ROUTING_REFUSED))
@pytest.mark.parametrize("route", sorted(ROUTES))
def test_responses_routes_refuse_bad_openrouter_fields(
    client: OpenRouter, openrouter_emulator: Emulator, route: str, case: str
) -> None:
    kwargs, field = ROUTING_REFUSED[case]
    with pytest.raises(OpenRouterValidationError) as info:
        ROUTES[route](client, input="hi", **kwargs)
    assert info.value.field == field
    assert openrouter_emulator.requests == []


@pytest.mark.parametrize("route", sorted(AROUTES))
async def test_responses_routes_send_openrouter_fields_validated_once_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    validated = _counting_validations(monkeypatch)
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
        await AROUTES[route](async_client, input="hi", **ROUTING)
    sent = _sent(openrouter_emulator)
    assert {name: sent[name] for name in ROUTING} == ROUTING
    assert validated == [ROUTING]


@pytest.mark.parametrize("route", sorted(AROUTES))
async def test_responses_routes_refuse_bad_openrouter_fields_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, route: str
) -> None:
    for kwargs, field in ROUTING_REFUSED.values():
        with pytest.raises(OpenRouterValidationError) as info:
            await AROUTES[route](async_client, input="hi", **kwargs)
        assert info.value.field == field
    assert openrouter_emulator.requests == []
