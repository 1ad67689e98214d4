"""Error typing: the hierarchy, the status mapping, metadata shapes, retry hints, 200-body errors on every
inference endpoint, and real OpenRouter error traffic replayed through the clients (sync and async)."""

from __future__ import annotations

import email.utils
import json
import time
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest
import yaml
from faults_support import Api, fast_policy

import openrouter_compat as orc
from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat._exceptions import error_in_200_body, make_status_error
from openrouter_compat._retry_after import retry_after_seconds
from openrouter_compat.testing import Emulator, Fault

URL = "https://openrouter.ai/api/v1/chat/completions"


def _response(status: int, body: Any = None, headers: dict[str, str] | None = None) -> httpx2.Response:
    request = httpx2.Request("POST", URL)
    return httpx2.Response(status, json=body, headers=headers or {}, request=request)


def _error(status: int, body: Any = None, headers: dict[str, str] | None = None) -> openai.APIStatusError:
    body = body if body is not None else {"error": {"code": status, "message": "boom"}}
    return make_status_error(f"Error code: {status}", body=body, response=_response(status, body, headers))


# --- the hierarchy -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "ours", "theirs"),
    [
        (400, orc.BadRequestError, openai.BadRequestError),
        (401, orc.AuthenticationError, openai.AuthenticationError),
        (402, orc.PaymentRequiredError, openai.APIStatusError),
        (403, orc.PermissionDeniedError, openai.PermissionDeniedError),
        (404, orc.NotFoundError, openai.NotFoundError),
        (408, orc.RequestTimeoutError, openai.APIStatusError),
        (409, orc.ConflictError, openai.ConflictError),
        (413, orc.PayloadTooLargeError, openai.APIStatusError),
        (422, orc.UnprocessableEntityError, openai.UnprocessableEntityError),
        (429, orc.RateLimitError, openai.RateLimitError),
        (500, orc.InternalServerError, openai.InternalServerError),
        (502, orc.ProviderError, openai.InternalServerError),
        (503, orc.ServiceUnavailableError, openai.InternalServerError),
        (504, orc.GatewayTimeoutError, openai.InternalServerError),
        (524, orc.GatewayTimeoutError, openai.InternalServerError),
        (529, orc.ProviderError, openai.InternalServerError),
    ],
)
def test_each_status_maps_to_a_class_that_is_also_the_openai_one(status: int, ours: type, theirs: type) -> None:
    error = _error(status)
    assert type(error) is ours
    assert isinstance(error, theirs) and isinstance(error, orc.OpenRouterAPIError)
    assert error.status_code == status
    assert error.headers is error.response.headers


def test_exceptions_are_reexported_with_all() -> None:
    for name in ("PaymentRequiredError", "ModerationError", "ProviderError", "MidStreamError", "StreamError"):
        assert name in orc.__all__ and getattr(orc, name) is getattr(orc._exceptions, name)


def test_moderation_only_with_moderation_metadata() -> None:
    plain = _error(403, {"error": {"code": 403, "message": "Forbidden"}})
    assert type(plain) is orc.PermissionDeniedError
    flagged = _error(
        403,
        {
            "error": {
                "code": 403,
                "message": "flagged",
                "metadata": {
                    "reasons": ["violence"],
                    "flagged_input": "x...y",
                    "model_slug": "m",
                    "provider_name": "P",
                },
            }
        },
    )
    assert isinstance(flagged, orc.ModerationError)
    assert (flagged.reasons, flagged.flagged_input, flagged.model_slug) == (["violence"], "x...y", "m")


def test_both_provider_metadata_shapes_and_2026_fields() -> None:
    legacy = _error(
        500,
        {
            "error": {"code": 500, "message": "x", "metadata": {"provider_name": "Venice", "raw": "not json"}},
            "user_id": "user_1",
        },
    )
    assert type(legacy) is orc.ProviderError  # a 500 naming its provider is a provider failure
    assert (legacy.provider_name, legacy.raw, legacy.user_id) == ("Venice", "not json", "user_1")
    modern = _error(
        503,
        {
            "error": {
                "code": 503,
                "message": "none available",
                "error_type": "provider_unavailable",
                "metadata": {"error_type": "provider_unavailable", "provider_code": "capacity"},
                "availability": {"code": "no_endpoints", "retryable": True, "retry_after": 7, "fallback_models": ["a"]},
            }
        },
    )
    assert type(modern) is orc.ServiceUnavailableError  # 503 keeps its class even when a provider is named
    assert modern.error_type == "provider_unavailable" and modern.provider_code == "capacity"
    assert modern.availability is not None and modern.availability.fallback_models == ["a"]
    assert modern.retry_after == 7


def test_string_codes_and_unknown_statuses() -> None:
    error = error_in_200_body({"error": {"code": "429", "message": "slow down"}}, response=_response(200))
    assert type(error) is orc.RateLimitError and error.status_code == 429
    odd = _error(418)
    assert isinstance(odd, orc.OpenRouterAPIError) and isinstance(odd, openai.APIStatusError)
    assert odd.status_code == 418


def test_200_body_detection_leaves_real_results_alone() -> None:
    ok = {"id": "gen-1", "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}}]}
    assert error_in_200_body(ok, response=_response(200), expects_choices=True) is None
    assert error_in_200_body({"data": [], "error": {"code": 500}}, response=_response(200)) is None
    missing = error_in_200_body({"id": "gen-2", "provider": {}}, response=_response(200), expects_choices=True)
    assert type(missing) is orc.ProviderError and "no choices" in str(missing)
    assert error_in_200_body({"object": "list", "data": []}, response=_response(200), expects_choices=False) is None


# --- retry hints --------------------------------------------------------------------------------------


def test_retry_after_sources_in_order() -> None:
    assert retry_after_seconds(_error(429, headers={"retry-after-ms": "1500", "retry-after": "9"})) == 1.5
    assert retry_after_seconds(_error(429, headers={"retry-after": "9"})) == 9
    date = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert retry_after_seconds(_error(429, headers={"retry-after": date})) == pytest.approx(30, abs=2)
    body = {"error": {"code": 429, "message": "x", "metadata": {"retry_after_seconds": 17}}}
    assert retry_after_seconds(_error(429, body)) == 17
    body = {"error": {"code": 429, "message": "x", "metadata": {"headers": {"Retry-After": "4"}}}}
    assert retry_after_seconds(_error(429, body)) == 4
    body = {"error": {"code": 503, "message": "x", "availability": {"retry_after": 2.5}}}
    assert retry_after_seconds(_error(503, body)) == 2.5
    reset_ms = str(int((time.time() + 20) * 1000))
    assert retry_after_seconds(_error(429, headers={"x-ratelimit-reset": reset_ms})) == pytest.approx(20, abs=2)
    assert retry_after_seconds(_error(429, headers={"retry-after": "soon"})) is None
    assert retry_after_seconds(_error(500)) is None


# --- 200-body errors on every inference endpoint, sync and async ----------------------------------------


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest, openrouter_emulator: Emulator) -> Api:
    return Api(request.param, openrouter_emulator)


@pytest.mark.parametrize(
    ("resource", "path", "kwargs"),
    [
        ("completions", "/completions", {"model": "openai/gpt-4o-mini", "prompt": "hi"}),
        ("embeddings", "/embeddings", {"model": "openai/text-embedding-3-small", "input": "hi"}),
        ("responses", "/responses", {"model": "openai/gpt-4o-mini", "input": "hi"}),
        (
            "chat.completions",
            "/chat/completions",
            {"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]},
        ),
    ],
)
async def test_200_error_body_raises_on_every_inference_endpoint(
    api: Api, resource: str, path: str, kwargs: dict[str, Any]
) -> None:
    api.emulator.queue(path, Fault.error_body_200(code=402, message="Insufficient credits"))
    with pytest.raises(orc.PaymentRequiredError) as caught:
        await api.call(resource, **kwargs)
    assert caught.value.status_code == 402 and caught.value.response.status_code == 200
    assert "Insufficient credits" in str(caught.value)
    assert len(api.emulator.requests_to(path)) == 1


async def test_200_error_body_under_with_raw_response_is_retried(openrouter_emulator: Emulator) -> None:
    """Integrations (LangChain) call `with_raw_response`: its inference results are parsed in the attempt."""
    openrouter_emulator.queue("/chat/completions", Fault.error_body_200(code=502))
    api = Api("sync", openrouter_emulator)
    with OpenRouter(**api.options()) as client:
        raw = client.chat.completions.with_raw_response.create(
            model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "hi"}]
        )
        assert raw.parse().choices[0].message.content == "Echo: hi"
    async with AsyncOpenRouter(**api.options()) as aclient:
        openrouter_emulator.queue("/chat/completions", Fault.error_body_200(code=402))
        with pytest.raises(orc.PaymentRequiredError):
            await aclient.chat.completions.with_raw_response.create(
                model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "hi"}]
            )
    assert len(openrouter_emulator.requests_to("/chat/completions")) == 3
    assert len(api.events) == 1


# --- real traffic -------------------------------------------------------------------------------------

_HOP = {"content-length", "transfer-encoding", "content-encoding", "connection"}


def _interactions(folder: Path, name: str) -> list[dict[str, Any]]:
    return list(yaml.safe_load((folder / name).read_text())["interactions"])


class _Replay:
    """Serves recorded responses in order (an `httpx2.MockTransport` handler) and counts requests."""

    def __init__(self, interactions: list[dict[str, Any]]) -> None:
        self.interactions = interactions
        self.sent = 0

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        recorded = self.interactions[min(self.sent, len(self.interactions) - 1)]["response"]
        self.sent += 1
        headers = {k: v[0] for k, v in recorded["headers"].items() if k.lower() not in _HOP}
        if "parsed_body" in recorded:
            content = json.dumps(recorded["parsed_body"]).encode()
        else:
            content = recorded["body"]["string"].encode()
        return httpx2.Response(recorded["status"]["code"], headers=headers, content=content, request=request)


async def _replay_create(mode: str, replay: _Replay, **kwargs: Any) -> Any:
    options: dict[str, Any] = {"api_key": "sk-or-v1-" + "0" * 64, "retry_policy": fast_policy(max_retries=2)}
    if mode == "sync":
        with OpenRouter(http_client=httpx2.Client(transport=httpx2.MockTransport(replay)), **options) as client:
            result = client.chat.completions.create(**kwargs)
            return list(result) if kwargs.get("stream") else result
    transport = httpx2.MockTransport(replay)
    async with AsyncOpenRouter(http_client=httpx2.AsyncClient(transport=transport), **options) as aclient:
        result = await aclient.chat.completions.create(**kwargs)
        return [chunk async for chunk in result] if kwargs.get("stream") else result


MODES = ["sync", "async"]
CALL = {"model": "google/gemini-2.0-flash-exp:free", "messages": [{"role": "user", "content": "Tell me a joke."}]}


@pytest.mark.parametrize("mode", MODES)
async def test_real_429_provider_rate_limit(mode: str, real_traffic: Path) -> None:
    replay = _Replay(_interactions(real_traffic, "pydai_chat_error_429_provider_ratelimit.yaml"))
    with pytest.raises(orc.RateLimitError) as caught:
        await _replay_create(mode, replay, **CALL)
    error = caught.value
    assert isinstance(error, openai.RateLimitError)
    assert error.status_code == 429
    assert error.provider_name == "Google"
    assert isinstance(error.raw, str) and "temporarily rate-limited upstream" in error.raw
    assert error.user_id == "user_2wT5ElBE4Es3R4QrNLpZiXICmQP"
    assert replay.sent == 3  # retried twice (the recording has three 429s), then raised


@pytest.mark.parametrize("mode", MODES)
async def test_real_404_no_endpoints(mode: str, real_traffic: Path) -> None:
    replay = _Replay(_interactions(real_traffic, "pydai_chat_error_404_no_endpoints.yaml"))
    with pytest.raises(orc.NotFoundError) as caught:
        await _replay_create(mode, replay, **CALL)
    assert isinstance(caught.value, openai.NotFoundError)
    assert "No endpoints found for google/gemini-2.5-flash:free." in str(caught.value)
    assert caught.value.user_id == "user_2u7zrLB02neVzhe7P3Am4Jhz4cW"
    assert replay.sent == 1  # 404 is never retried


@pytest.mark.parametrize("mode", MODES)
async def test_real_midstream_error_keeps_the_reasoning(mode: str, real_traffic: Path) -> None:
    replay = _Replay(_interactions(real_traffic, "pydai_stream_midstream_error_reasoning.yaml"))
    with pytest.raises(orc.MidStreamError) as caught:
        await _replay_create(mode, replay, model="minimax/minimax-m2:free", messages=CALL["messages"], stream=True)
    error = caught.value
    assert isinstance(error, orc.BadRequestError) and isinstance(error, openai.BadRequestError)
    assert error.status_code == 400 and "Token limit reached" in str(error)
    assert error.partial is not None
    assert error.partial.reasoning == "We need to respond to a greeting. The user"
    assert error.partial.finish_reason == "length"
    assert error.partial.usage is not None and error.partial.usage.prompt_tokens == 43
    assert error.generation_id == "gen-1762179802-UN8pkJI4AGZvryk0kFnb"
    assert replay.sent == 1  # the error came after output: not retried
