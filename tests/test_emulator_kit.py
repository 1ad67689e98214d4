"""The emulator as a test kit: scripted routes and replies, driven through our sync and async clients."""

from __future__ import annotations

import inspect
import json
import time
from decimal import Decimal
from typing import Any

import pytest

import openrouter_compat as orc
from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.testing import Emulator, Fault, Reply, TokenUsage, ToolCall

MESSAGES: Any = [{"role": "user", "content": "What is the capital of France?"}]
MODEL = "openai/gpt-4o-mini"
WEATHER: Any = {
    "type": "function",
    "function": {"name": "get_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}},
}


async def resolve(value: Any) -> Any:
    """The value of a sync call, or the awaited value of an async one."""
    return await value if inspect.isawaitable(value) else value


@pytest.fixture(params=["sync", "async"])
def any_client(request: pytest.FixtureRequest, client: OpenRouter, async_client: AsyncOpenRouter) -> Any:
    """The sync client, then the async one."""
    return client if request.param == "sync" else async_client


async def collect(stream: Any) -> list[Any]:
    """Every item of a sync or async stream."""
    if hasattr(stream, "__aiter__"):
        return [item async for item in stream]
    return list(stream)


async def chat(client: Any, **kwargs: Any) -> Any:
    kwargs.setdefault("model", MODEL)
    kwargs.setdefault("messages", MESSAGES)
    return await resolve(client.chat.completions.create(**kwargs))


async def stream_chunks(client: Any, **kwargs: Any) -> tuple[list[Any], Any]:
    """Every chunk of a chat stream, and the stream (for its accumulator)."""
    stream = await chat(client, stream=True, **kwargs)
    return await collect(stream), stream


def deltas(chunks: list[Any]) -> list[str]:
    return [c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content]


# --------------------------------------------------------------------------------------------------- replies


async def test_fixed_text_completion(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.route("/chat/completions").respond(Reply.text("Paris."))
    completion = await chat(any_client)
    assert completion.choices[0].message.content == "Paris."
    assert completion.choices[0].finish_reason == "stop"
    assert completion.model == MODEL and completion.provider == "OpenAI"


async def test_stream_chunks_are_the_scripted_pieces(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.route("/chat/completions").respond(Reply.text(["Pa", "ris", "."]))
    chunks, stream = await stream_chunks(any_client)
    assert deltas(chunks) == ["Pa", "ris", "."]
    assert stream.accumulator.content == "Paris."
    assert chunks[-1].usage is not None


async def test_streamed_tool_call(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.route("/chat/completions", stream=True).respond(
        Reply.tool_call("get_weather", {"city": "Paris"}, id="call_1")
    )
    chunks, stream = await stream_chunks(any_client, tools=[WEATHER])
    calls = stream.accumulator.tool_calls
    assert [(c["id"], c["function"]["name"], json.loads(c["function"]["arguments"])) for c in calls] == [
        ("call_1", "get_weather", {"city": "Paris"})
    ]
    assert sum(1 for c in chunks if c.choices and c.choices[0].delta.tool_calls) > 1  # arguments in pieces
    assert [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason] == ["tool_calls"]


async def test_parallel_tool_calls_not_streamed(any_client: Any, openrouter_emulator: Emulator) -> None:
    reply = Reply.tool_call("get_weather", {"city": "Paris"}, ToolCall.of("get_weather", {"city": "Rome"}))
    openrouter_emulator.route("/chat/completions").respond(reply)
    message = (await chat(any_client, tools=[WEATHER])).choices[0].message
    assert [json.loads(c.function.arguments)["city"] for c in message.tool_calls] == ["Paris", "Rome"]
    assert message.tool_calls[0].id != message.tool_calls[1].id
    assert message.content == ""


async def test_reasoning_usage_and_cost(any_client: Any, openrouter_emulator: Emulator) -> None:
    usage = TokenUsage(prompt_tokens=12, completion_tokens=30, reasoning_tokens=20, cost="0.0042")
    openrouter_emulator.route("/chat/completions").respond(
        Reply.text("Paris.", reasoning="France -> Paris", usage=usage)
    )
    completion = await chat(any_client)
    assert completion.choices[0].message.reasoning == "France -> Paris"
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (12, 30)
    assert completion.usage.completion_tokens_details.reasoning_tokens == 20
    assert completion.usage.cost == pytest.approx(0.0042)
    assert openrouter_emulator.total_cost == Decimal("0.0042")


async def test_streamed_reasoning_then_content(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.route("/chat/completions").respond(Reply.text("Paris.", reasoning=["Think", "ing"]))
    chunks, stream = await stream_chunks(any_client, model="anthropic/claude-sonnet-4.5")
    assert stream.accumulator.reasoning == "Thinking"
    assert stream.accumulator.content == "Paris."
    assert deltas(chunks) == ["Paris."]


async def test_model_and_provider_of_the_reply(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.route("/chat/completions").respond(
        Reply.text("hi", model="anthropic/claude-sonnet-4.5", provider="Google Vertex")
    )
    completion = await chat(any_client, model="openrouter/auto")
    assert (completion.model, completion.provider) == ("anthropic/claude-sonnet-4.5", "Google Vertex")


async def test_http_error_reply(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.route("/chat/completions").respond(Fault.status(503, message="No providers"))
    with pytest.raises(orc.ServiceUnavailableError, match="No providers") as info:
        await chat(any_client)
    assert info.value.status_code == 503


async def test_error_in_a_200_body(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.route("/chat/completions").respond(Fault.error_body_200(429, "Rate limit exceeded"))
    with pytest.raises(orc.RateLimitError):
        await chat(any_client)


async def test_error_after_the_scripted_stream(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.route("/chat/completions").respond(Reply.text(["Par", "is"]).then_error(502, "upstream gone"))
    stream = await chat(any_client, stream=True)
    seen: list[str] = []
    with pytest.raises(orc.MidStreamError, match="upstream gone") as info:
        if isinstance(any_client, AsyncOpenRouter):
            async for chunk in stream:
                seen.extend(deltas([chunk]))
        else:
            for chunk in stream:
                seen.extend(deltas([chunk]))
    assert seen == ["Par", "is"]
    assert info.value.partial is not None and info.value.partial.content == "Paris"


async def test_error_after_the_scripted_answer_not_streamed(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.route("/chat/completions").respond(Reply.text("Par").then_error(502, "upstream gone"))
    choice = (await chat(any_client)).choices[0]  # a 200 whose choice failed: the partial answer and its error
    assert (choice.message.content, choice.finish_reason) == ("Par", "error")
    assert choice.error is not None and (choice.error.code, choice.error.message) == (502, "upstream gone")


async def test_latency_is_at_least_the_scripted_delay(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.route("/chat/completions").respond(Reply.text("late", latency=0.2))
    started = time.perf_counter()
    assert (await chat(any_client)).choices[0].message.content == "late"
    assert time.perf_counter() - started >= 0.2


async def test_dropped_connection_after_scripted_chunks(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    reply = Reply.text(["a ", "b ", "c"]).with_fault(Fault.drop_connection(after_chunks=1))
    openrouter_emulator.route("/chat/completions").respond(reply)
    seen: list[str] = []
    with pytest.raises(orc.StreamInterruptedError):
        for chunk in client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True):
            seen.extend(deltas([chunk]))
    assert seen == ["a "]


# --------------------------------------------------------------------------------------------------- how often


async def test_once_then_the_deterministic_model(any_client: Any, openrouter_emulator: Emulator) -> None:
    route = openrouter_emulator.route("/chat/completions").respond(Reply.text("scripted"), times=1)
    assert (await chat(any_client)).choices[0].message.content == "scripted"
    assert (await chat(any_client)).choices[0].message.content == "Echo: What is the capital of France?"
    assert route.call_count == 1


async def test_n_times_then_the_next_reply_forever(any_client: Any, openrouter_emulator: Emulator) -> None:
    route = openrouter_emulator.route("/chat/completions")
    route.respond(Fault.status(500), times=2).respond(Reply.text("recovered"))
    for _ in range(2):
        with pytest.raises(orc.InternalServerError):
            await chat(any_client)
    for _ in range(3):
        assert (await chat(any_client)).choices[0].message.content == "recovered"
    assert route.call_count == 5


async def test_retries_see_the_scripted_sequence(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    emu.route("/chat/completions").respond(Fault.rate_limited(retry_after=0), times=1).respond(Reply.text("ok"))
    async with AsyncOpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=2) as client:
        assert (await chat(client)).choices[0].message.content == "ok"
    assert len(emu.requests_to("/chat/completions")) == 2


# --------------------------------------------------------------------------------------------------- matching


async def test_routes_match_model_body_headers_and_predicate(any_client: Any, openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    by_model = emu.route("/chat/completions", model="anthropic/claude-sonnet-4.5").respond(Reply.text("claude"))
    by_body = emu.route("/chat/completions", body={"temperature": 0}).respond(Reply.text("cold"))
    by_header = emu.route("/chat/completions", headers={"X-Title": "kit"}).respond(Reply.text("titled"))
    by_predicate = emu.route("/chat/completions", match=lambda body: "weather" in json.dumps(body["messages"]))
    by_predicate.respond(Reply.text("sunny"))
    assert (await chat(any_client, model="anthropic/claude-sonnet-4.5")).choices[0].message.content == "claude"
    assert (await chat(any_client, temperature=0)).choices[0].message.content == "cold"
    assert (await chat(any_client, extra_headers={"x-title": "kit"})).choices[0].message.content == "titled"
    weather = [{"role": "user", "content": "weather in Paris?"}]
    assert (await chat(any_client, messages=weather)).choices[0].message.content == "sunny"
    assert (await chat(any_client)).choices[0].message.content.startswith("Echo: ")
    assert [r.call_count for r in (by_model, by_body, by_header, by_predicate)] == [1, 1, 1, 1]


async def test_stream_and_method_criteria(any_client: Any, openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    emu.route("/chat/completions", method="POST", stream=False).respond(Reply.text("plain"))
    emu.route("/chat/completions", stream=True).respond(Reply.text("streamed"))
    assert (await chat(any_client)).choices[0].message.content == "plain"
    _, stream = await stream_chunks(any_client)
    assert stream.accumulator.content == "streamed"


async def test_first_matching_route_with_replies_wins(any_client: Any, openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    first = emu.route("/chat/completions").respond(Reply.text("first"), times=1)
    second = emu.route("/chat/completions").respond(Reply.text("second"))
    contents = [(await chat(any_client)).choices[0].message.content for _ in range(3)]
    assert contents == ["first", "second", "second"]
    assert (first.call_count, second.call_count) == (1, 2)


async def test_calls_record_what_was_sent(any_client: Any, openrouter_emulator: Emulator) -> None:
    route = openrouter_emulator.route("/chat/completions").respond(Reply.text("ok"))
    assert not route.called
    await chat(any_client, temperature=0.5, extra_body={"provider": {"sort": "price"}})
    assert route.called and route.call_count == 1
    sent = route.calls[0].json
    assert sent["temperature"] == 0.5 and sent["provider"] == {"sort": "price"} and sent["messages"] == MESSAGES
    assert route.last_call.bearer == openrouter_emulator.api_key
    assert openrouter_emulator.requests_to("/chat/completions") == route.calls


async def test_a_route_without_replies_only_records(any_client: Any, openrouter_emulator: Emulator) -> None:
    spy = openrouter_emulator.route("/chat/completions", model=MODEL)
    completion = await chat(any_client)
    assert completion.choices[0].message.content == "Echo: What is the capital of France?"
    assert spy.call_count == 1 and spy.last_call.json["model"] == MODEL


async def test_queued_faults_keep_working_and_come_first(any_client: Any, openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    route = emu.route("/chat/completions").respond(Reply.text("scripted"))
    emu.queue("/chat/completions", Fault.status(500))
    with pytest.raises(orc.InternalServerError):
        await chat(any_client)
    assert (await chat(any_client)).choices[0].message.content == "scripted"
    assert route.call_count == 1


@pytest.mark.openrouter_emulator(allow_server_errors=True, assert_all_called=False)
def test_a_failing_predicate_is_a_server_error(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    def broken(body: Any) -> bool:
        raise KeyError("no such field")

    openrouter_emulator.route("/chat/completions", match=broken).respond(Reply.text("never"))
    with pytest.raises(orc.InternalServerError):
        client.chat.completions.create(model=MODEL, messages=MESSAGES)
    assert [type(e) for e in openrouter_emulator.server_errors] == [KeyError]


def test_unmet_routes_are_named(openrouter_emulator: Emulator, client: OpenRouter) -> None:
    emu = openrouter_emulator
    emu.route("/chat/completions", model="x/never").respond(Reply.text("unused"))
    emu.route("/chat/completions").respond(Reply.text("a"), times=2)
    client.chat.completions.create(model=MODEL, messages=MESSAGES)
    unmet = emu.unmet_routes()
    assert len(unmet) == 2
    assert "model='x/never'" in unmet[0] and "never called" in unmet[0]
    assert "1 scripted reply never sent" in unmet[1]
    with pytest.raises(AssertionError, match="scripted routes not played out"):
        emu.assert_all_called()
    client.chat.completions.create(model=MODEL, messages=MESSAGES)
    assert len(emu.unmet_routes()) == 1
    emu.reset()
    emu.assert_all_called()


@pytest.mark.openrouter_emulator(assert_all_called=False)  # the routes stay unscripted and uncalled
def test_respond_refuses_what_cannot_work(openrouter_emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="times must be at least 1"):
        openrouter_emulator.route("/chat/completions").respond(Reply.text("x"), times=0)
    with pytest.raises(ValueError, match="a Reply answers only /chat/completions, /completions, /responses"):
        openrouter_emulator.route("/api/v1/embeddings").respond(Reply.text("x"))


# --------------------------------------------------------------------------------------------------- other APIs


async def test_responses_text_and_streamed_tool_call(any_client: Any, openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    emu.route("/responses", stream=False).respond(Reply.text("Paris.", reasoning="geography"))
    emu.route("/responses", stream=True).respond(Reply.tool_call("get_weather", {"city": "Paris"}, id="call_9"))
    response = await resolve(any_client.responses.create(model=MODEL, input="Capital of France?"))
    assert response.output_text == "Paris."
    assert [item.type for item in response.output] == ["reasoning", "message"]
    stream = await resolve(any_client.responses.create(model=MODEL, input="Weather?", stream=True))
    events = await collect(stream)
    done = [e.item for e in events if e.type == "response.output_item.done"]
    assert [(i.type, i.call_id, json.loads(i.arguments)) for i in done] == [
        ("function_call", "call_9", {"city": "Paris"})
    ]
    assert events[-1].type == "response.completed"


async def test_responses_error_after_the_answer(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.route("/responses").respond(Reply.text(["Par", "is"]).then_error(502, "gone"))
    stream = client.responses.create(model=MODEL, input="Capital?", stream=True)
    texts: list[str] = []
    with pytest.raises(orc.MidStreamError, match="gone"):
        for event in stream:
            if event.type == "response.output_text.delta":
                texts.append(event.delta)
    assert texts == ["Par", "is"]


async def test_legacy_completions_text(any_client: Any, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.route("/completions").respond(Reply.text(["Once ", "upon"]))
    completion = await resolve(any_client.completions.create(model=MODEL, prompt="Tell me"))
    assert completion.choices[0].text == "Once upon"
    stream = await resolve(any_client.completions.create(model=MODEL, prompt="Tell me", stream=True))
    texts = [chunk.choices[0].text for chunk in await collect(stream) if chunk.choices]
    assert [t for t in texts if t] == ["Once ", "upon"]


async def test_any_endpoint_can_be_scripted_with_a_fault(any_client: Any, openrouter_emulator: Emulator) -> None:
    body = {"data": {"total_credits": 5, "total_usage": 1.5}}
    mgmt = any_client.with_options(api_key=openrouter_emulator.management_key)
    openrouter_emulator.route("/credits").respond(Fault.status(200, body=body), times=1)
    credits = await resolve(mgmt.credits.retrieve())
    assert (credits.total_credits, credits.total_usage) == (5, 1.5)
