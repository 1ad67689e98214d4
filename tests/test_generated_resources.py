"""The generated spec resources against the emulator, sync and async: what reached the wire and the typed result."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator

import pytest

from openrouter_compat import (
    AsyncOpenRouter,
    AuthenticationError,
    OpenRouter,
    OpenRouterValidationError,
    PermissionDeniedError,
)
from openrouter_compat._exceptions import management_key_endpoint
from openrouter_compat._management_key_routes import MANAGEMENT_KEY_ROUTES
from openrouter_compat.pagination import SyncOffsetPage
from openrouter_compat.testing import Emulator, Fault
from openrouter_compat.testing._spec_examples import SPEC_EXAMPLES
from openrouter_compat.testing._spec_routes import LIST_SIZE
from openrouter_compat.types.guardrails import Guardrail
from openrouter_compat.types.presets import PresetWithDesignatedVersion
from openrouter_compat.types.rerank import RerankCreateResponse

MESSAGES = [{"role": "user", "content": "hi"}]


@pytest.fixture
def mgmt(openrouter_emulator: Emulator) -> Iterator[OpenRouter]:
    """A sync client with the emulator's management key."""
    key, url = openrouter_emulator.management_key, openrouter_emulator.base_url
    with OpenRouter(api_key=key, base_url=url, max_retries=0) as client:
        yield client


@pytest.fixture
async def amgmt(openrouter_emulator: Emulator) -> AsyncIterator[AsyncOpenRouter]:
    """The async twin of `mgmt`."""
    key, url = openrouter_emulator.management_key, openrouter_emulator.base_url
    async with AsyncOpenRouter(api_key=key, base_url=url, max_retries=0) as client:
        yield client


def test_guardrails_list_sends_validated_query_and_parses_the_page(
    mgmt: OpenRouter, openrouter_emulator: Emulator
) -> None:
    page = mgmt.guardrails.list(offset=0, limit=5, workspace_id="ws-1")
    sent = openrouter_emulator.last_request()
    assert (sent.method, sent.path, sent.query) == (
        "GET",
        "/guardrails",
        {"offset": "0", "limit": "5", "workspace_id": "ws-1"},
    )
    assert isinstance(page, SyncOffsetPage)
    assert page.total_count == LIST_SIZE and isinstance(page.data[0], Guardrail)
    assert page.data[0].reset_interval == "monthly"


async def test_guardrails_create_and_assign_keys_async(amgmt: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    created = await amgmt.guardrails.create(
        name="prod", limit_usd=10, reset_interval="weekly", allowed_providers=["openai"]
    )
    sent = openrouter_emulator.last_request()
    assert (sent.method, sent.path) == ("POST", "/guardrails")
    assert sent.json == {"name": "prod", "limit_usd": 10, "reset_interval": "weekly", "allowed_providers": ["openai"]}
    assert isinstance(created, Guardrail) and created.name  # unwrapped from {"data": ...}
    assigned = await amgmt.guardrails.bulk_assign_keys("gr-1", key_hashes=["h1", "h2"])
    sent = openrouter_emulator.last_request()
    assert (sent.path, sent.json) == ("/guardrails/gr-1/assignments/keys", {"key_hashes": ["h1", "h2"]})
    assert assigned.assigned_count >= 0


def test_validation_fails_before_sending_naming_the_field(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    with pytest.raises(OpenRouterValidationError, match="limit") as caught:
        mgmt.guardrails.list(limit=1000)
    assert caught.value.field == "limit"
    with pytest.raises(OpenRouterValidationError, match="name"):
        mgmt.guardrails.create(name="")
    with pytest.raises(ValueError, match="id"):
        mgmt.guardrails.retrieve("")
    assert openrouter_emulator.requests == []


def test_open_enums_accept_values_newer_than_the_spec(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    mgmt.guardrails.create(name="x", reset_interval="hourly")  # OpenRouter's enum is open (unknown values allowed)
    assert openrouter_emulator.last_request().json == {"name": "x", "reset_interval": "hourly"}


def test_management_key_hint_on_403(openrouter_emulator: Emulator, client: OpenRouter) -> None:
    with pytest.raises(PermissionDeniedError, match="needs a management key") as caught:
        client.workspaces.list()
    assert caught.value.status_code == 403
    assert openrouter_emulator.last_request().path == "/workspaces"


def test_management_key_hint_on_a_401_from_client_get(openrouter_emulator: Emulator, client: OpenRouter) -> None:
    openrouter_emulator.queue("/workspaces", Fault.status(401, message="No auth credentials found"))
    with pytest.raises(AuthenticationError, match="needs a management key") as caught:
        client.get("/workspaces", cast_to=object)
    assert "GET /workspaces" in str(caught.value) and "No auth credentials found" in str(caught.value)


async def test_management_key_hint_through_with_raw_response(
    openrouter_emulator: Emulator, client: OpenRouter, async_client: AsyncOpenRouter
) -> None:
    with pytest.raises(
        PermissionDeniedError, match=re.escape("GET /guardrails/{id}: this endpoint needs a management key")
    ):
        client.guardrails.with_raw_response.retrieve("gr-1")
    with pytest.raises(PermissionDeniedError, match="needs a management key"):
        await async_client.workspaces.with_raw_response.list()
    with (
        pytest.raises(PermissionDeniedError, match="needs a management key"),
        client.byok.with_streaming_response.list() as response,
    ):
        response.parse()
    assert [r.path for r in openrouter_emulator.requests] == ["/guardrails/gr-1", "/workspaces", "/byok"]


async def test_no_hint_where_no_management_key_is_needed(
    openrouter_emulator: Emulator, async_client: AsyncOpenRouter
) -> None:
    openrouter_emulator.queue("/presets", Fault.status(403, message="Forbidden"))
    with pytest.raises(PermissionDeniedError) as caught:
        await async_client.presets.list()
    assert "management key" not in str(caught.value) and "Forbidden" in str(caught.value)


def test_the_routes_table_names_exactly_the_management_key_operations() -> None:
    table = set(MANAGEMENT_KEY_ROUTES)
    for method, template, _status, _type, management, _body in SPEC_EXAMPLES:
        path = "/api/v1" + template.replace("{", "x-").replace("}", "")
        wanted = f"{method} {template}" if management or (method, template) in table else None
        assert management_key_endpoint(method, path) == wanted, (method, template)
    assert ("POST", "/keys") in table  # not marked in the spec, refused with an inference key all the same
    assert management_key_endpoint("get", "/proxy/openrouter/workspaces/ws-1/") == "GET /workspaces/{id}"
    assert management_key_endpoint("GET", "/api/v1/xworkspaces") is None
    assert management_key_endpoint("GET", "/api/v1/other/keys") is None  # after /api/v1/ the whole path counts


def test_workspaces_budget_and_members(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    budget = mgmt.workspaces.set_budget("ws-1", "daily", limit_usd=5)
    sent = openrouter_emulator.last_request()
    assert (sent.method, sent.path, sent.json) == ("PUT", "/workspaces/ws-1/budgets/daily", {"limit_usd": 5})
    assert budget.data.limit_usd is not None
    added = mgmt.workspaces.bulk_add_members("ws-1", user_ids=["u1"])
    assert openrouter_emulator.last_request().json == {"user_ids": ["u1"]}
    assert added.added_count >= 0


async def test_presets_from_a_chat_body_async(amgmt: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    preset = await amgmt.presets.create_from_chat(
        "my-preset", model="openai/gpt-4o", messages=MESSAGES, temperature=0.2
    )
    sent = openrouter_emulator.last_request()
    assert (sent.method, sent.path) == ("POST", "/presets/my-preset/chat/completions")
    assert sent.json == {"model": "openai/gpt-4o", "messages": MESSAGES, "temperature": 0.2}
    assert isinstance(preset, PresetWithDesignatedVersion) and preset.slug == "my-preset"
    listed = await amgmt.presets.list(limit=10)
    assert openrouter_emulator.last_request().query == {"limit": "10"}
    assert listed.data[0].name
    names = [p.name async for p in amgmt.presets.list(limit=10)]  # openai's style: every page, no await
    assert names and all(names)


def test_rerank_sync_and_raw(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    result = mgmt.rerank.create(model="cohere/rerank-v3.5", query="capital?", documents=["Paris", "Berlin"], top_n=1)
    assert openrouter_emulator.last_request().json == {
        "model": "cohere/rerank-v3.5",
        "query": "capital?",
        "documents": ["Paris", "Berlin"],
        "top_n": 1,
    }
    assert isinstance(result, RerankCreateResponse)
    assert result.results[0].relevance_score > 0
    raw = mgmt.with_raw_response.rerank.create(model="cohere/rerank-v3.5", query="q", documents=["a"])
    assert raw.http_request.url.path.endswith("/rerank")
    assert isinstance(raw.parse(), RerankCreateResponse)


async def test_messages_and_generation_feedback_async(amgmt: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    message = await amgmt.messages.create(model="anthropic/claude-sonnet-4", max_tokens=16, messages=MESSAGES)
    assert openrouter_emulator.last_request().path == "/messages"
    assert message.role == "assistant" and message.usage.output_tokens > 0
    done = await amgmt.generations.feedback(generation_id="gen-1", category="incorrect_response", comment="loops")
    sent = openrouter_emulator.last_request()
    assert (sent.path, sent.json["generation_id"]) == ("/generation/feedback", "gen-1")
    assert done.success is True
    content = await amgmt.generations.content(id="gen-1")
    assert openrouter_emulator.last_request().query == {"id": "gen-1"}
    assert content.output is not None


async def test_streaming_response_wrapper_async(amgmt: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    async with amgmt.with_streaming_response.observability.destinations.list(limit=2) as response:
        parsed = await response.parse()
    assert openrouter_emulator.last_request().path == "/observability/destinations"
    assert parsed.total_count >= 1


def test_images_generate_posts_openrouters_body_to_images(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    result = mgmt.images.generate(model="google/gemini-2.5-flash-image", prompt="a cat", aspect_ratio="16:9")
    sent = openrouter_emulator.last_request()
    assert (sent.method, sent.path) == ("POST", "/images")  # not openai's /images/generations
    assert sent.json == {"model": "google/gemini-2.5-flash-image", "prompt": "a cat", "aspect_ratio": "16:9"}
    assert result.data[0].b64_json and result.usage is not None and result.usage.cost is not None
    models = mgmt.images.models()
    assert openrouter_emulator.last_request().path == "/images/models"
    assert models[0]


async def test_videos_create_wait_and_models_async(amgmt: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    job = await amgmt.videos.create(model="google/veo-3.1", prompt="waves", duration=4)
    sent = openrouter_emulator.last_request()
    assert (sent.method, sent.path, sent.json["duration"]) == ("POST", "/videos", 4)
    assert job.status == "pending"
    finished = await amgmt.videos.wait(job.id, timeout=60)
    assert finished.status == "completed"
    assert openrouter_emulator.last_request().path == f"/videos/{job.id}"
    assert (await amgmt.videos.models())[0]


def test_files_list_with_openrouter_params(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    listed = mgmt.files.list(limit=2, provider="openrouter")
    assert openrouter_emulator.last_request().query == {"limit": "2", "provider": "openrouter"}
    assert listed.data[0].id
    promoted = mgmt.containers.files.promote("f1", container_id="c1")
    assert openrouter_emulator.last_request().path == "/containers/c1/files/f1/promote"
    assert promoted.id


def test_speech_takes_openrouter_provider_and_transcription_has_cost(
    client: OpenRouter, openrouter_emulator: Emulator
) -> None:
    audio = client.audio.speech.create(
        model="openai/gpt-4o-mini-tts", input="hi", voice="alloy", provider={"order": ["openai"]}
    )
    sent = openrouter_emulator.last_request()
    assert (sent.path, sent.json["provider"], sent.json["voice"]) == ("/audio/speech", {"order": ["openai"]}, "alloy")
    assert audio.content
    with pytest.raises(OpenRouterValidationError, match="provider"):
        client.audio.speech.create(model="m", input="hi", voice="alloy", provider={"ordr": ["x"]})  # type: ignore[typeddict-unknown-key]
    text = client.audio.transcriptions.create(model="openai/whisper-1", file=("a.wav", b"RIFF"))
    assert openrouter_emulator.last_request().path == "/audio/transcriptions"
    assert text.usage is not None and text.usage.cost == 0.000508 and text.usage.seconds == 9.2


async def test_async_transcription_usage_cost(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    text = await async_client.audio.transcriptions.create(model="openai/whisper-1", file=("a.wav", b"RIFF"))
    sent = openrouter_emulator.last_request()
    assert sent.method == "POST" and sent.headers["content-type"].startswith("multipart/form-data")
    assert text.text and text.usage is not None and text.usage.cost is not None
    audio = await async_client.audio.speech.create(model="openai/gpt-4o-mini-tts", input="hi", voice="alloy")
    assert audio.content and "provider" not in openrouter_emulator.last_request().json


def test_a_nullable_component_takes_none(mgmt: OpenRouter, openrouter_emulator: Emulator) -> None:
    # AnthropicThinkingBlockBinding is `type: [object, "null"]` in the spec: None is a value it allows.
    thinking = {"type": "enabled", "budget_tokens": 1024, "block_binding": None}
    mgmt.messages.create(model="anthropic/claude-sonnet-4", max_tokens=16, messages=MESSAGES, thinking=thinking)  # type: ignore[arg-type]
    assert openrouter_emulator.last_request().json["thinking"] == thinking
