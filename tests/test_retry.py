"""The retry policy: its decisions, its waits, how clients carry it, and that exactly one loop retries."""

from __future__ import annotations

import dataclasses
import logging

import httpx2
import openai
import pytest
from faults_support import CHAT, FULL_TEXT, Api, fast_policy

import openrouter_compat as orc
from openrouter_compat import AsyncOpenRouter, OpenRouter, RetryPolicy
from openrouter_compat._exceptions import make_status_error
from openrouter_compat.testing import Emulator, Fault

REQUEST = httpx2.Request("POST", "https://openrouter.ai/api/v1/chat/completions")


def _status(status: int, headers: dict[str, str] | None = None, error: dict[str, object] | None = None) -> Exception:
    body = {"error": {"code": status, "message": "x", **(error or {})}}
    response = httpx2.Response(status, json=body, headers=headers or {}, request=REQUEST)
    return make_status_error("x", body=body, response=response)


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504, 524, 529])
def test_retryable_statuses(status: int) -> None:
    assert RetryPolicy().should_retry(_status(status))


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 409, 413, 422])
def test_never_retried_statuses(status: int) -> None:
    assert not RetryPolicy().should_retry(_status(status))


def test_connection_errors_and_timeouts_are_retried_unless_disabled() -> None:
    for error in (openai.APIConnectionError(request=REQUEST), openai.APITimeoutError(request=REQUEST)):
        assert RetryPolicy().should_retry(error)
        assert not RetryPolicy(retry_connection_errors=False).should_retry(error)


def test_other_errors_are_not_retried() -> None:
    assert not RetryPolicy().should_retry(ValueError("no"))
    assert not RetryPolicy().should_retry(orc.OpenRouterValidationError("bad", field="f", value=1))


def test_availability_retryable_false_and_long_retry_after_are_not_retried() -> None:
    assert not RetryPolicy().should_retry(_status(503, error={"availability": {"retryable": False}}))
    assert RetryPolicy().should_retry(_status(503, error={"availability": {"retryable": True}}))
    assert not RetryPolicy(max_retry_after=10).should_retry(_status(429, {"retry-after": "11"}))
    assert RetryPolicy(max_retry_after=10).should_retry(_status(429, {"retry-after": "10"}))


def test_custom_statuses() -> None:
    policy = RetryPolicy(retry_statuses=frozenset({409}))
    assert policy.should_retry(_status(409)) and not policy.should_retry(_status(429))


def test_backoff_is_exponential_capped_and_jittered() -> None:
    policy = RetryPolicy(initial_backoff=0.5, max_backoff=4.0, jitter=0.25)
    for retries_taken, base in [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (10, 4.0)]:
        waits = [policy.backoff(retries_taken) for _ in range(200)]
        assert all(0.75 * base <= wait <= base for wait in waits)
        assert max(waits) - min(waits) > 0  # jittered
    assert RetryPolicy(jitter=0).backoff(1) == 1.0


def test_wait_prefers_the_server_hint_capped() -> None:
    policy = RetryPolicy(max_retry_after=5)
    assert policy.wait_for(_status(429, {"retry-after": "3"}), 0) == 3
    assert policy.wait_for(_status(429, {"retry-after": "0"}), 4) == 0
    assert policy.wait_for(_status(503, error={"availability": {"retry_after": 9}}), 0) == 5


def test_invalid_policies_are_refused() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError, match="jitter"):
        RetryPolicy(jitter=1.5)


# --- how clients carry the policy -------------------------------------------------------------------


@pytest.mark.parametrize("cls", [OpenRouter, AsyncOpenRouter])
def test_client_policy_and_max_retries_stay_in_step(cls: type[OpenRouter] | type[AsyncOpenRouter]) -> None:
    default = cls(api_key="sk-or-v1-test")
    assert default.max_retries == 2 and default.retry_policy == RetryPolicy()
    policy = RetryPolicy(max_retries=5, initial_backoff=0.1)
    client = cls(api_key="sk-or-v1-test", retry_policy=policy)
    assert client.max_retries == 5 and client.retry_policy == policy
    assert cls(api_key="sk-or-v1-test", retry_policy=policy, max_retries=1).retry_policy.max_retries == 1
    fewer = client.with_options(max_retries=0)
    assert fewer.max_retries == 0 and fewer.retry_policy.initial_backoff == 0.1
    assert client.copy().retry_policy == policy
    other = RetryPolicy(max_retries=7, total_timeout=None)
    swapped = client.with_options(retry_policy=other)
    assert swapped.max_retries == 7 and swapped.retry_policy == other
    assert client.retry_policy == policy  # the original is untouched


async def test_with_options_max_retries_zero_means_one_request(openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue(CHAT, Fault.status(503))
    api = Api("sync", openrouter_emulator)
    with OpenRouter(**api.options()) as client, pytest.raises(orc.ServiceUnavailableError):
        client.with_options(max_retries=0).chat.completions.create(model="m", messages=[])
    assert api.requests() == 1


async def test_per_request_policy_via_with_options(openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue(CHAT, Fault.status(429), Fault.status(429))
    events: list[orc.RetryEvent] = []
    api = Api("async", openrouter_emulator)
    async with AsyncOpenRouter(**api.options(fast_policy(max_retries=0))) as client:
        per_call = fast_policy(max_retries=3, on_retry=events.append)
        result = await client.with_options(retry_policy=per_call).chat.completions.create(
            model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "one two three four five six"}]
        )
    assert result.choices[0].message.content == FULL_TEXT
    assert [event.attempt for event in events] == [1, 2] and api.requests() == 3


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_each_retry_is_logged_at_info_and_reported(
    mode: str, openrouter_emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    openrouter_emulator.queue(CHAT, Fault.provider_error(502), Fault.rate_limited(retry_after=0.01))
    api = Api(mode, openrouter_emulator)  # type: ignore[arg-type]
    with caplog.at_level(logging.INFO, logger="openrouter_compat"):
        result = await api.create()
    assert result.choices[0].message.content == FULL_TEXT
    records = [r for r in caplog.records if r.name == "openrouter_compat" and r.getMessage().startswith("Retrying")]
    assert [r.levelno for r in records] == [logging.INFO, logging.INFO]
    assert "attempt 1 of 3 failed: ProviderError 502" in records[0].getMessage()
    assert "attempt 2 of 3 failed: RateLimitError 429" in records[1].getMessage()
    assert [(e.attempt, e.max_attempts, e.status_code, e.method, e.url) for e in api.events] == [
        (1, 3, 502, "POST", "/chat/completions"),
        (2, 3, 429, "POST", "/chat/completions"),
    ]
    # openai's own loop never ran: it would have logged its own "Retrying request" line
    assert not [r for r in caplog.records if r.name.startswith("openai") and "Retrying" in r.getMessage()]
    counts = [request.headers["x-stainless-retry-count"] for request in openrouter_emulator.requests_to(CHAT)]
    assert counts == ["0", "1", "2"]


async def test_a_metrics_hook_that_fails_surfaces(openrouter_emulator: Emulator) -> None:
    def broken(event: orc.RetryEvent) -> None:
        raise RuntimeError("metrics down")

    openrouter_emulator.queue(CHAT, Fault.status(502))
    api = Api("sync", openrouter_emulator)
    options = api.options()
    options["retry_policy"] = dataclasses.replace(options["retry_policy"], on_retry=broken)
    with OpenRouter(**options) as client, pytest.raises(RuntimeError, match="metrics down"):
        client.chat.completions.create(model="m", messages=[])
