"""The fault matrix over real sockets: each fault the emulator injects, through the sync and the async client.

Every case checks the exact exception type (and that it is the right `openai` exception), its fields, the
partial output kept, and how many requests the server saw (so retries happen exactly when they should).
"""

from __future__ import annotations

import time

import openai
import pytest
from faults_support import CHAT, FULL_TEXT, MODEL, Api, fast_policy

import openrouter_compat as orc
from openrouter_compat.testing import Emulator, Fault


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest, openrouter_emulator: Emulator) -> Api:
    return Api(request.param, openrouter_emulator)


# --- streams ---------------------------------------------------------------------------------------


async def test_connection_dropped_mid_stream(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.drop_connection(after_chunks=3))
    out = await api.stream()
    assert type(out.error) is orc.StreamInterruptedError
    assert isinstance(out.error, openai.APIConnectionError) and isinstance(out.error, orc.StreamError)
    assert out.text == "Echo: one two "  # the three chunks sent were all yielded before the error
    assert out.error.partial is not None and out.error.partial.content == "Echo: one two "
    assert out.error.partial.chunks_seen == 3
    assert out.error.generation_id is not None and out.error.generation_id.startswith("gen-")
    assert out.error.status_code == 200
    assert api.requests() == 1  # output had been yielded: never retried
    assert api.events == []


async def test_connection_dropped_before_any_output_is_retried(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.drop_connection(after_chunks=0))
    out = await api.stream()
    assert out.error is None and out.text == FULL_TEXT
    assert api.requests() == 2
    assert [type(event.exception) for event in api.events] == [orc.StreamInterruptedError]


async def test_stream_that_stalls_past_the_read_timeout(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.stall(after_chunks=3, seconds=1.5))
    started = time.monotonic()
    out = await api.stream(client_options={"timeout": 0.3})
    assert type(out.error) is orc.StreamTimeoutError
    assert isinstance(out.error, openai.APITimeoutError) and isinstance(out.error, orc.StreamInterruptedError)
    assert isinstance(out.error, orc.APITimeoutError)  # ours too: one `except` catches every timeout
    assert out.text == "Echo: one two "
    assert out.error.partial is not None and out.error.partial.content == "Echo: one two "
    assert "timed out after 3 chunks" in str(out.error)
    # a timeout (not a completed stream) proves the client gave up at its read timeout, before the stall ended
    assert time.monotonic() - started < 15
    assert api.requests() == 1


async def test_sse_event_split_across_network_chunks(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.split_event(pieces=4, pause=0.002))
    out = await api.stream()
    assert out.error is None
    assert out.text == FULL_TEXT
    assert out.chunks[-1].usage is not None and out.chunks[-1].usage.total_tokens > 0
    assert api.requests() == 1


async def test_keepalive_comments_only_then_close_is_retried(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.keepalive_only(count=4))
    out = await api.stream()
    assert out.error is None and out.text == FULL_TEXT
    assert api.requests() == 2
    assert len(api.events) == 1 and isinstance(api.events[0].exception, orc.StreamInterruptedError)


async def test_keepalive_comments_only_without_retries_is_an_interruption(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.keepalive_only(count=4))
    out = await api.stream(policy=fast_policy(max_retries=0))
    assert type(out.error) is orc.StreamInterruptedError
    assert "ended before it finished" in str(out.error)
    assert out.chunks == []
    assert out.error.partial is not None and out.error.partial.chunks_seen == 0
    assert api.requests() == 1


async def test_malformed_json_in_a_chunk(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.malformed_chunk(after_chunks=2))
    out = await api.stream()
    assert type(out.error) is orc.StreamDecodeError
    assert isinstance(out.error, openai.APIError) and not isinstance(out.error, openai.APIConnectionError)
    assert out.text == "Echo: one "
    assert out.error.partial is not None and out.error.partial.content == "Echo: one "
    assert api.requests() == 1


async def test_empty_data_line_is_ignored(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.empty_data(after_chunks=2))
    out = await api.stream()
    assert out.error is None
    assert out.text == FULL_TEXT
    assert api.requests() == 1


async def test_midstream_error_after_some_text(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.midstream_error(after_chunks=3, code=502, message="Provider disconnected"))
    out = await api.stream()
    error = out.error
    assert isinstance(error, orc.MidStreamError) and isinstance(error, orc.ProviderError)
    assert isinstance(error, openai.InternalServerError) and isinstance(error, openai.APIStatusError)
    assert type(error).__name__ == "MidStreamProviderError"
    assert error.status_code == 502
    assert "Provider disconnected" in str(error)
    assert out.text == "Echo: one two "
    partial = error.partial
    assert partial is not None
    assert partial.content == "Echo: one two "
    assert partial.finish_reason == "error"
    assert partial.usage is not None and partial.usage.completion_tokens is not None
    assert error.generation_id == partial.generation_id == out.chunks[0].id
    assert api.requests() == 1
    assert api.events == []


async def test_midstream_error_before_any_output_is_retried(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.midstream_error(after_chunks=0, code=429, message="Rate limit exceeded"))
    out = await api.stream()
    assert out.error is None and out.text == FULL_TEXT
    assert api.requests() == 2
    assert len(api.events) == 1
    assert isinstance(api.events[0].exception, orc.MidStreamError) and api.events[0].status_code == 429


async def test_midstream_error_before_output_that_is_not_retryable(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.midstream_error(after_chunks=0, code=402, message="Out of credits"))
    out = await api.stream()
    assert isinstance(out.error, orc.PaymentRequiredError) and isinstance(out.error, orc.MidStreamError)
    assert out.chunks == []
    assert api.requests() == 1


async def test_stream_helper_raises_the_same_typed_error_with_partial(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.midstream_error(after_chunks=3, code=429, message="Rate limit exceeded"))
    out = await api.helper_stream()
    assert isinstance(out.error, orc.RateLimitError) and isinstance(out.error, orc.MidStreamError)
    assert isinstance(out.error, openai.RateLimitError)
    assert "".join(chunk.choices[0].delta.content or "" for chunk in out.chunks) == "Echo: one two "
    assert out.error.partial is not None and out.error.partial.content == "Echo: one two "
    assert api.requests() == 1


# --- HTTP status errors ------------------------------------------------------------------------------


async def test_429_with_retry_after_is_honoured(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.rate_limited(retry_after=0.25))
    started = time.monotonic()
    result = await api.create()
    assert result.choices[0].message.content == FULL_TEXT
    assert time.monotonic() - started >= 0.25
    assert api.requests() == 2
    (event,) = api.events
    assert event.wait == pytest.approx(0.25) and event.status_code == 429 and event.attempt == 1
    assert isinstance(event.exception, orc.RateLimitError)
    counts = [request.headers["x-stainless-retry-count"] for request in api.emulator.requests_to(CHAT)]
    assert counts == ["0", "1"]


async def test_502_then_success(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.provider_error(502))
    result = await api.create()
    assert result.choices[0].message.content == FULL_TEXT
    assert api.requests() == 2
    assert [type(event.exception) for event in api.events] == [orc.ProviderError]


async def test_503_past_the_retry_bound(api: Api) -> None:
    api.emulator.queue(CHAT, *[Fault.status(503)] * 4)
    with pytest.raises(orc.ServiceUnavailableError) as caught:
        await api.create(policy=fast_policy(max_retries=2))
    error = caught.value
    assert isinstance(error, openai.InternalServerError)
    assert error.status_code == 503
    assert error.user_id == "user_emulator"
    assert api.requests() == 3  # one loop: 1 + max_retries, not (1 + 2) * (1 + 2)
    assert [event.attempt for event in api.events] == [1, 2]


async def test_402_is_not_retried(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.insufficient_credits())
    with pytest.raises(orc.PaymentRequiredError) as caught:
        await api.create()
    error = caught.value
    assert isinstance(error, openai.APIStatusError)
    assert error.status_code == 402
    assert "Insufficient credits" in error.message
    assert error.user_id == "user_emulator"
    assert api.requests() == 1 and api.events == []


async def test_403_moderation(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.moderation(reasons=("harassment", "hate"), flagged_input="you are a ..."))
    with pytest.raises(orc.ModerationError) as caught:
        await api.create()
    error = caught.value
    assert isinstance(error, openai.PermissionDeniedError) and isinstance(error, orc.PermissionDeniedError)
    assert error.status_code == 403
    assert error.reasons == ["harassment", "hate"]
    assert error.flagged_input == "you are a ..."
    assert error.model_slug == MODEL
    assert error.provider_name == "OpenAI"
    assert api.requests() == 1 and api.events == []


async def test_200_error_body_is_raised_and_retried(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.error_body_200(code=429, message="Rate limit exceeded"))
    api.emulator.queue(CHAT, Fault.error_body_200(code=429, message="Rate limit exceeded"))
    with pytest.raises(orc.RateLimitError) as caught:
        await api.create(policy=fast_policy(max_retries=1))
    error = caught.value
    assert isinstance(error, openai.RateLimitError)
    assert error.status_code == 429 and error.response.status_code == 200
    assert "(in a 200 response)" in str(error) and "Rate limit exceeded" in str(error)
    assert error.user_id == "user_emulator"
    assert api.requests() == 2


async def test_200_error_body_then_success(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.error_body_200(code=502, message="Provider returned error"))
    result = await api.create()
    assert result.choices[0].message.content == FULL_TEXT
    assert api.requests() == 2


async def test_200_with_null_choices(api: Api) -> None:
    api.emulator.queue(CHAT, *[Fault.null_choices_200()] * 3)
    with pytest.raises(orc.ProviderError) as caught:
        await api.create(policy=fast_policy(max_retries=2))
    error = caught.value
    assert isinstance(error, openai.InternalServerError)
    assert error.status_code == 502
    assert "null choices" in str(error)
    assert error.generation_id is not None and error.generation_id.startswith("gen-")
    assert api.requests() == 3


async def test_provider_error_2025_shape(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.provider_error(502, provider_name="Venice", raw='{"error":{"message":"boom"}}'))
    with pytest.raises(orc.ProviderError) as caught:
        await api.create(policy=fast_policy(max_retries=0))
    error = caught.value
    assert error.provider_name == "Venice"
    assert error.raw == {"error": {"message": "boom"}}
    assert api.requests() == 1


async def test_provider_error_2026_shape(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.provider_error(502, shape="2026", provider_code="overloaded_upstream"))
    with pytest.raises(orc.ProviderError) as caught:
        await api.create(policy=fast_policy(max_retries=0))
    error = caught.value
    assert error.provider_name is None
    assert error.provider_code == "overloaded_upstream"
    assert error.error_type == "provider_unavailable"
    assert api.requests() == 1


async def test_total_time_bound_stops_retrying(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.rate_limited(retry_after=0.5), Fault.rate_limited(retry_after=0.5))
    with pytest.raises(orc.RateLimitError):
        await api.create(policy=fast_policy(max_retries=5, total_timeout=0.3))
    assert api.events == []  # the 0.5 s wait would pass the bound: no retry was scheduled, nothing slept
    assert api.requests() == 1


async def test_retry_after_beyond_the_policy_maximum_is_raised_at_once(api: Api) -> None:
    api.emulator.queue(CHAT, Fault.rate_limited(retry_after=30))
    with pytest.raises(orc.RateLimitError) as caught:
        await api.create(policy=fast_policy(max_retry_after=5))
    assert caught.value.retry_after == pytest.approx(30)
    assert api.requests() == 1


# --- legacy completions streams share the same guard --------------------------------------------------


async def _completion_stream(api: Api) -> tuple[list[str], BaseException | None]:
    texts: list[str] = []
    call = {"model": MODEL, "prompt": "one two three four five six", "stream": True}
    try:
        if api.mode == "sync":
            with orc.OpenRouter(**api.options()) as client:
                texts.extend(chunk.choices[0].text for chunk in client.completions.create(**call) if chunk.choices)
        else:
            async with orc.AsyncOpenRouter(**api.options()) as aclient:
                async for chunk in await aclient.completions.create(**call):
                    if chunk.choices:
                        texts.append(chunk.choices[0].text)
    except Exception as exc:
        return texts, exc
    return texts, None


async def test_completions_stream_dropped_after_output(api: Api) -> None:
    api.emulator.queue("/completions", Fault.drop_connection(after_chunks=2))
    texts, error = await _completion_stream(api)
    assert type(error) is orc.StreamInterruptedError
    assert error.partial is not None and error.partial.chunks_seen == 2 == len(texts)
    assert error.partial.content == "".join(texts) != ""  # the text of a legacy stream is kept too
    assert api.requests("/completions") == 1


async def test_completions_stream_error_before_output_is_retried(api: Api) -> None:
    api.emulator.queue("/completions", Fault.midstream_error(after_chunks=0, code=503, message="busy"))
    texts, error = await _completion_stream(api)
    assert error is None and "".join(texts).strip()
    assert api.requests("/completions") == 2
