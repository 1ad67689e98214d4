"""The fault matrix of `POST /responses` streams over real sockets, sync and async, at parity with chat streams.

What the emulator sends for "one two three four five six" (event index: type): 0 response.created,
1 response.in_progress, 2 output_item.added, 3 content_part.added, 4.. output_text.delta ("Echo: ", "one ",
"two ", ...), then the .done events and response.completed. `after_chunks=N` faults fire after N events, so
N <= 4 is before any output (retried) and N = 6 is after "Echo: one " (raised with it in `partial`).
Every case checks the exact exception type, `partial`, and how many requests the emulator saw.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any

import openai
import pytest
from faults_support import FULL_TEXT, MODEL, PROMPT, Api, fast_policy

import openrouter_compat as orc
from openrouter_compat import AsyncOpenRouter, OpenRouter, RetryPolicy
from openrouter_compat.lib.response_accumulator import ResponseStreamAccumulator
from openrouter_compat.testing import Emulator, Fault

RESPONSES = "/responses"
SOME_TEXT = "Echo: one "
"""The output text of the first two delta events (what a fault `after_chunks=6` leaves)."""


@dataclasses.dataclass
class Outcome:
    """What one streamed response produced: the events yielded, the stream's accumulator and the error."""

    events: list[Any]
    accumulator: ResponseStreamAccumulator | None
    error: BaseException | None

    @property
    def text(self) -> str:
        return "".join(event.delta for event in self.events if event.type == "response.output_text.delta")

    @property
    def partial(self) -> ResponseStreamAccumulator:
        """The error's `partial`, checked to be a responses accumulator."""
        assert isinstance(self.error, orc.OpenRouterAPIError)
        partial = self.error.partial
        assert isinstance(partial, ResponseStreamAccumulator)
        return partial


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest, openrouter_emulator: Emulator) -> Api:
    return Api(request.param, openrouter_emulator)


async def stream(api: Api, policy: RetryPolicy | None = None, client_options: Any = None, **kwargs: Any) -> Outcome:
    """`client.responses.create(stream=True)` through the sync or async client: every event, then the error."""
    options = api.options(policy, **(client_options or {}))
    call = {"model": MODEL, "input": PROMPT, "stream": True, **kwargs}
    events: list[Any] = []
    accumulator: ResponseStreamAccumulator | None = None
    try:
        if api.mode == "sync":
            with OpenRouter(**options) as client:
                sync_stream = client.responses.create(**call)
                accumulator = sync_stream.accumulator
                events.extend(sync_stream)
        else:
            async with AsyncOpenRouter(**options) as aclient:
                async_stream = await aclient.responses.create(**call)
                accumulator = async_stream.accumulator
                async for event in async_stream:
                    events.append(event)
    except Exception as exc:
        return Outcome(events, accumulator, exc)
    return Outcome(events, accumulator, None)


def requests(api: Api) -> int:
    return len(api.emulator.requests_to(RESPONSES))


# --- success: the accumulator ----------------------------------------------------------------------


async def test_finished_stream_accumulates_text_usage_and_id(api: Api) -> None:
    out = await stream(api)
    assert out.error is None and out.text == FULL_TEXT
    acc = out.accumulator
    assert acc is not None
    assert acc.content == FULL_TEXT
    assert acc.generation_id is not None and acc.generation_id.startswith("gen-")
    assert acc.generation_id == out.events[0].response.id
    assert acc.status == "completed"
    assert acc.usage is not None and acc.usage.output_tokens > 0 and acc.usage.cost is not None
    assert acc.response is not None and acc.response.output_text == FULL_TEXT
    assert acc.chunks_seen == len(out.events)
    assert requests(api) == 1


async def test_function_call_arguments_accumulate_by_item(api: Api) -> None:
    tool = {
        "type": "function",
        "name": "get_weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    }
    out = await stream(api, tools=[tool], tool_choice="required")
    assert out.error is None and out.accumulator is not None
    done = [e.item for e in out.events if e.type == "response.output_item.done" and e.item.type == "function_call"]
    assert len(done) == 1
    calls = out.accumulator.function_calls
    assert calls == {done[0].id: {"call_id": done[0].call_id, "name": "get_weather", "arguments": done[0].arguments}}
    assert "city" in done[0].arguments


async def test_reasoning_text_accumulates(api: Api) -> None:
    out = await stream(api, model=MODEL + ":thinking", reasoning={"effort": "low"})
    assert out.error is None and out.accumulator is not None
    deltas = "".join(e.delta for e in out.events if e.type == "response.reasoning_text.delta")
    assert deltas and out.accumulator.reasoning == deltas
    assert out.accumulator.content == FULL_TEXT


# --- mid-stream error events -----------------------------------------------------------------------


async def test_midstream_error_after_some_text(api: Api) -> None:
    api.emulator.queue(RESPONSES, Fault.midstream_error(after_chunks=6, code=502, message="Provider disconnected"))
    out = await stream(api)
    error = out.error
    assert type(error).__name__ == "MidStreamProviderError"
    assert isinstance(error, orc.MidStreamError) and isinstance(error, orc.ProviderError)
    assert isinstance(error, openai.InternalServerError) and isinstance(error, openai.APIStatusError)
    assert error.status_code == 502 and "Provider disconnected" in str(error)
    assert out.text == SOME_TEXT  # the events before the error were all yielded
    partial = out.partial
    assert partial is out.accumulator
    assert partial.content == SOME_TEXT
    assert partial.error is not None and partial.error["message"] == "Provider disconnected"
    assert partial.usage is None  # no response.completed arrived
    assert error.generation_id == partial.generation_id == out.events[0].response.id
    assert requests(api) == 1  # output had been yielded: never retried
    assert api.events == []


async def test_midstream_error_before_any_output_is_retried(api: Api) -> None:
    api.emulator.queue(RESPONSES, Fault.midstream_error(after_chunks=2, code=429, message="Rate limit exceeded"))
    out = await stream(api)
    assert out.error is None and out.text == FULL_TEXT
    assert requests(api) == 2
    assert len(api.events) == 1
    exception = api.events[0].exception
    assert isinstance(exception, orc.MidStreamError) and isinstance(exception, orc.RateLimitError)
    assert api.events[0].status_code == 429


async def test_midstream_error_before_output_that_is_not_retryable(api: Api) -> None:
    api.emulator.queue(RESPONSES, Fault.midstream_error(after_chunks=2, code=402, message="Out of credits"))
    out = await stream(api)
    assert type(out.error).__name__ == "MidStreamPaymentRequiredError"
    assert isinstance(out.error, orc.PaymentRequiredError) and isinstance(out.error, orc.MidStreamError)
    assert out.events == []  # raised by create(), inside the attempt
    assert out.partial.content == "" and out.partial.chunks_seen == 3  # created, in_progress, the error
    assert out.partial.generation_id is not None and out.partial.generation_id.startswith("gen-")
    assert requests(api) == 1


# --- HTTP errors before the stream -----------------------------------------------------------------


async def test_rate_limited_then_success(api: Api) -> None:
    api.emulator.queue(RESPONSES, Fault.rate_limited(retry_after=0.01))
    out = await stream(api)
    assert out.error is None and out.text == FULL_TEXT
    assert requests(api) == 2
    assert len(api.events) == 1 and type(api.events[0].exception) is orc.RateLimitError


# --- broken streams --------------------------------------------------------------------------------


async def test_keepalive_comments_only_then_close_is_retried(api: Api) -> None:
    api.emulator.queue(RESPONSES, Fault.keepalive_only(count=4))
    out = await stream(api)
    assert out.error is None and out.text == FULL_TEXT
    assert requests(api) == 2
    assert len(api.events) == 1 and type(api.events[0].exception) is orc.StreamInterruptedError


async def test_keepalive_comments_only_without_retries_is_an_interruption(api: Api) -> None:
    api.emulator.queue(RESPONSES, Fault.keepalive_only(count=4))
    out = await stream(api, policy=fast_policy(max_retries=0))
    assert type(out.error) is orc.StreamInterruptedError
    assert "ended before a response.completed" in str(out.error)
    assert out.events == []
    assert out.partial.chunks_seen == 0 and out.partial.content == ""
    assert requests(api) == 1


async def test_connection_dropped_mid_stream(api: Api) -> None:
    api.emulator.queue(RESPONSES, Fault.drop_connection(after_chunks=6))
    out = await stream(api)
    assert type(out.error) is orc.StreamInterruptedError
    assert isinstance(out.error, openai.APIConnectionError) and isinstance(out.error, orc.StreamError)
    assert out.text == SOME_TEXT
    assert out.partial is out.accumulator and out.partial.content == SOME_TEXT
    assert out.partial.chunks_seen == 6
    assert out.error.generation_id is not None and out.error.generation_id == out.partial.generation_id
    assert requests(api) == 1
    assert api.events == []


async def test_connection_dropped_before_any_output_is_retried(api: Api) -> None:
    api.emulator.queue(RESPONSES, Fault.drop_connection(after_chunks=2))
    out = await stream(api)
    assert out.error is None and out.text == FULL_TEXT
    assert requests(api) == 2
    assert [type(event.exception) for event in api.events] == [orc.StreamInterruptedError]


async def test_malformed_json_after_some_text(api: Api) -> None:
    api.emulator.queue(RESPONSES, Fault.malformed_chunk(after_chunks=6))
    out = await stream(api)
    assert type(out.error) is orc.StreamDecodeError
    assert isinstance(out.error, openai.APIError) and not isinstance(out.error, openai.APIConnectionError)
    assert out.text == SOME_TEXT
    assert out.partial.content == SOME_TEXT
    assert requests(api) == 1


async def test_malformed_json_before_output_is_not_retried(api: Api) -> None:
    api.emulator.queue(RESPONSES, Fault.malformed_chunk(after_chunks=1))
    out = await stream(api)
    assert type(out.error) is orc.StreamDecodeError  # the policy never retries bad data
    assert out.events == []
    assert out.partial.chunks_seen == 1
    assert requests(api) == 1


async def test_stream_that_stalls_past_the_read_timeout(api: Api) -> None:
    api.emulator.queue(RESPONSES, Fault.stall(after_chunks=6, seconds=1.5))
    started = time.monotonic()
    out = await stream(api, client_options={"timeout": 0.3})
    assert type(out.error) is orc.StreamTimeoutError
    assert isinstance(out.error, openai.APITimeoutError) and isinstance(out.error, orc.StreamInterruptedError)
    assert out.text == SOME_TEXT and out.partial.content == SOME_TEXT
    assert "timed out after 6 chunks" in str(out.error)  # a timeout, not the stream resuming after its stall
    assert time.monotonic() - started < 15
    assert requests(api) == 1
