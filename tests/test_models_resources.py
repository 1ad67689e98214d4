"""`client.models`, `client.providers` and `client.embeddings` against the local emulator, sync and async."""

from __future__ import annotations

from decimal import Decimal

import openai
import pytest
from openai.pagination import AsyncPage, SyncPage

from openrouter_compat import AsyncOpenRouter, OpenRouter, OpenRouterValidationError
from openrouter_compat.testing import Emulator, Fault
from openrouter_compat.types import CreateEmbeddingResponse
from openrouter_compat.types.model import Model, ModelArchitecture, ModelReasoning, Pricing, TopProvider
from openrouter_compat.types.model_endpoints import ModelEndpoint, ModelEndpoints, PercentileStats
from openrouter_compat.types.providers import Provider

# ------------------------------------------------------------------------------------------ models.list


def _assert_typed(model: Model) -> None:
    assert isinstance(model, openai.types.Model)
    assert isinstance(model, Model)
    assert model.object == "model"
    assert model.owned_by == model.id.split("/", 1)[0]
    assert isinstance(model.pricing, Pricing)
    assert isinstance(model.pricing.prompt, Decimal)
    assert isinstance(model.pricing.completion, Decimal)
    assert isinstance(model.architecture, ModelArchitecture)
    assert isinstance(model.top_provider, TopProvider)


def test_list_yields_openai_models_with_typed_openrouter_fields(client: OpenRouter) -> None:
    page = client.models.list()
    assert isinstance(page, SyncPage)
    models = list(page)
    assert [m.id for m in models] == [m.id for m in page.data]
    assert len(models) == 7  # the emulator's catalogue minus the embedding model (server default: text output)
    for model in models:
        _assert_typed(model)
    mini = next(m for m in models if m.id == "openai/gpt-4o-mini")
    assert mini.pricing is not None
    assert mini.pricing.prompt == Decimal("0.00000015")
    assert mini.pricing.input_cache_read == Decimal("0.000000075")
    assert mini.canonical_slug == "openai/gpt-4o-mini-2024-07-18"
    assert mini.context_length == 128000
    assert mini.top_provider is not None and mini.top_provider.max_completion_tokens == 16384
    assert mini.supports("tools", "structured_outputs")
    assert mini.links is not None and mini.links.details == "/api/v1/models/openai/gpt-4o-mini-2024-07-18/endpoints"
    r1 = next(m for m in models if m.id == "deepseek/deepseek-r1")
    assert isinstance(r1.reasoning, ModelReasoning)
    assert r1.reasoning.mandatory is True and r1.reasoning.supported_efforts == ["high", "medium", "low", "minimal"]
    assert r1.architecture is not None and r1.architecture.instruct_type == "deepseek-r1"
    # `to_dict()` mirrors what the API sent: the defaulted `object`/`owned_by` are not in it.
    assert "owned_by" not in mini.to_dict() and "object" not in mini.to_dict()


async def test_async_list_yields_the_same_models(async_client: AsyncOpenRouter, client: OpenRouter) -> None:
    page = await async_client.models.list()
    assert isinstance(page, AsyncPage)
    models = [m async for m in async_client.models.list()]
    assert [m.id for m in models] == [m.id for m in page.data] == [m.id for m in client.models.list()]
    for model in models:
        _assert_typed(model)


def test_list_filters_reach_the_wire(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    models = list(
        client.models.list(
            category="programming",
            supported_parameters=["tools", "reasoning"],
            output_modalities=["text"],
            input_modalities="image,file",
            extra_query={"sort": "newest"},
        )
    )
    query = openrouter_emulator.requests_to("/models")[-1].query
    assert query == {
        "category": "programming",
        "supported_parameters": "tools,reasoning",
        "output_modalities": "text",
        "input_modalities": "image,file",
        "sort": "newest",
    }
    assert {m.id for m in models} == {"openai/gpt-5-mini", "anthropic/claude-sonnet-4.5", "google/gemini-2.5-flash"}
    for model in models:
        assert model.supports("tools", "reasoning")


async def test_async_list_filters_reach_the_wire(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    models = [m async for m in async_client.models.list(output_modalities="all", supported_parameters="top_k")]
    assert openrouter_emulator.requests_to("/models")[-1].query == {
        "output_modalities": "all",
        "supported_parameters": "top_k",
    }
    assert {m.id for m in models} == {
        "anthropic/claude-sonnet-4.5",
        "meta-llama/llama-3.3-70b-instruct:free",
        "mistralai/mistral-small",
        "deepseek/deepseek-r1",
    }


def test_list_without_filters_sends_no_query(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    list(client.models.list())
    assert openrouter_emulator.requests_to("/models")[-1].query == {}


# -------------------------------------------------------------------------------------- models.retrieve


def test_retrieve_uses_the_single_model_route(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    model = client.models.retrieve("meta-llama/llama-3.3-70b-instruct:free")
    _assert_typed(model)
    assert model.id == "meta-llama/llama-3.3-70b-instruct:free"
    assert model.is_free
    assert [r.path for r in openrouter_emulator.requests] == ["/model/meta-llama/llama-3.3-70b-instruct:free"]


async def test_async_retrieve_uses_the_single_model_route(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    model = await async_client.models.retrieve("openai/gpt-5-mini")
    _assert_typed(model)
    assert model.name == "OpenAI: GPT-5 Mini"
    assert [r.path for r in openrouter_emulator.requests] == ["/model/openai/gpt-5-mini"]


def test_retrieve_falls_back_to_the_list_on_404(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/model/openai/gpt-4o-mini", Fault.status(404))
    model = client.models.retrieve("openai/gpt-4o-mini")
    assert model.id == "openai/gpt-4o-mini" and isinstance(model.pricing, Pricing)
    assert [r.path for r in openrouter_emulator.requests] == ["/model/openai/gpt-4o-mini", "/models"]
    assert openrouter_emulator.requests[-1].query == {"output_modalities": "all"}


async def test_async_retrieve_falls_back_to_the_list_on_404(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    openrouter_emulator.queue("/model/openai/text-embedding-3-small", Fault.status(404))
    model = await async_client.models.retrieve("openai/text-embedding-3-small")
    assert model.architecture is not None and model.architecture.output_modalities == ["embeddings"]
    assert [r.path for r in openrouter_emulator.requests] == ["/model/openai/text-embedding-3-small", "/models"]


def test_retrieve_unknown_model_raises_not_found(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    with pytest.raises(openai.NotFoundError) as caught:
        client.models.retrieve("nobody/nothing")
    assert caught.value.status_code == 404
    assert [r.path for r in openrouter_emulator.requests] == ["/model/nobody/nothing", "/models"]


async def test_async_retrieve_unknown_model_raises_not_found(async_client: AsyncOpenRouter) -> None:
    with pytest.raises(openai.NotFoundError):
        await async_client.models.retrieve("nobody/nothing")


def test_raw_retrieve_does_not_fall_back(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    with pytest.raises(openai.NotFoundError):
        client.models.with_raw_response.retrieve("nobody/nothing")
    assert [r.path for r in openrouter_emulator.requests] == ["/model/nobody/nothing"]


def test_retrieve_rejects_an_id_without_author(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="author/slug"):
        client.models.retrieve("gpt-4o")
    assert openrouter_emulator.requests == []


# ------------------------------------------------------------------------------------- models.endpoints


def _assert_endpoints(result: ModelEndpoints, model_id: str, tags: list[str]) -> None:
    assert isinstance(result, ModelEndpoints)
    assert result.id == model_id
    assert [e.tag for e in result.endpoints] == tags
    for endpoint in result.endpoints:
        assert isinstance(endpoint, ModelEndpoint)
        assert endpoint.model_id == model_id
        assert endpoint.pricing is not None and isinstance(endpoint.pricing.prompt, Decimal)
        assert isinstance(endpoint.latency_last_30m, PercentileStats)
        assert isinstance(endpoint.throughput_last_30m, PercentileStats)
        latency = endpoint.latency_last_30m
        assert latency.p50 is not None and latency.p99 is not None and latency.p50 < latency.p99
        assert endpoint.status == 0
        assert endpoint.uptime_last_5m == 100


def test_endpoints(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    result = client.models.endpoints("deepseek/deepseek-r1")
    _assert_endpoints(result, "deepseek/deepseek-r1", ["together/fp8", "deepinfra/fp4", "deepseek"])
    assert [e.quantization for e in result.endpoints] == ["fp8", "fp4", None]
    assert result.endpoints[0].pricing is not None and result.endpoints[0].pricing.prompt == Decimal("0.0000007")
    assert openrouter_emulator.requests[-1].path == "/models/deepseek/deepseek-r1/endpoints"


async def test_async_endpoints(async_client: AsyncOpenRouter) -> None:
    result = await async_client.models.endpoints("meta-llama/llama-3.3-70b-instruct:free")
    _assert_endpoints(result, "meta-llama/llama-3.3-70b-instruct:free", ["together/fp8", "deepinfra/bf16"])


def test_endpoints_of_unknown_model_raise(client: OpenRouter) -> None:
    with pytest.raises(openai.NotFoundError):
        client.models.endpoints("nobody/nothing")


# ------------------------------------------------------------------------------- count and list_for_user


def test_count(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    assert client.models.count() == 7
    assert openrouter_emulator.requests[-1].query == {}
    assert client.models.count(output_modalities="all") == 8
    assert client.models.count(output_modalities=["embeddings"]) == 1
    assert openrouter_emulator.requests[-1].query == {"output_modalities": "embeddings"}


async def test_async_count(async_client: AsyncOpenRouter) -> None:
    assert await async_client.models.count(output_modalities="all") == 8


def test_list_for_user(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    models = list(client.models.list_for_user())
    assert len(models) == 7
    for model in models:
        _assert_typed(model)
    request = openrouter_emulator.requests[-1]
    assert request.path == "/models/user"
    assert request.bearer == openrouter_emulator.api_key


async def test_async_list_for_user(async_client: AsyncOpenRouter) -> None:
    models = [m async for m in async_client.models.list_for_user()]
    assert {m.id for m in models} >= {"openai/gpt-4o-mini", "deepseek/deepseek-r1"}


# --------------------------------------------------------------------------- raw and streaming responses


def test_raw_response_variants(client: OpenRouter) -> None:
    raw = client.with_raw_response.models.count(output_modalities="all")
    assert raw.status_code == 200
    assert raw.http_response.json() == {"data": {"count": 8}}
    assert raw.parse() == 8
    raw_list = client.models.with_raw_response.list(category="roleplay")
    assert [m.id for m in raw_list.parse()] == ["meta-llama/llama-3.3-70b-instruct:free"]
    raw_endpoints = client.with_raw_response.models.endpoints("openai/gpt-4o-mini")
    assert isinstance(raw_endpoints.parse(), ModelEndpoints)
    raw_model = client.with_raw_response.models.retrieve("openai/gpt-4o-mini")
    parsed = raw_model.parse()
    assert isinstance(parsed, Model) and parsed.id == "openai/gpt-4o-mini"


async def test_async_raw_response_variants(async_client: AsyncOpenRouter) -> None:
    raw = await async_client.with_raw_response.models.retrieve("openai/gpt-5-mini")
    assert raw.status_code == 200
    model = raw.parse()
    assert isinstance(model, Model) and model.reasoning is not None
    raw_user = await async_client.models.with_raw_response.list_for_user()
    assert len(raw_user.parse().data) == 7


def test_streaming_response_variants(client: OpenRouter) -> None:
    with client.with_streaming_response.models.endpoints("openai/gpt-4o-mini") as response:
        assert response.status_code == 200
        result = response.parse()
    assert isinstance(result, ModelEndpoints) and [e.tag for e in result.endpoints] == ["openai", "azure"]
    with client.models.with_streaming_response.count() as response:
        assert response.parse() == 7


async def test_async_streaming_response_variants(async_client: AsyncOpenRouter) -> None:
    async with async_client.with_streaming_response.models.count(output_modalities="all") as response:
        assert await response.parse() == 8
    async with async_client.models.with_streaming_response.list() as response:
        page = await response.parse()
        assert len(page.data) == 7


# ------------------------------------------------------------------------------------------- providers


def _assert_providers(providers: list[Provider]) -> None:
    assert isinstance(providers, list)
    assert len(providers) == 12
    assert all(isinstance(p, Provider) for p in providers)
    openai_provider = next(p for p in providers if p.slug == "openai")
    assert openai_provider.name == "OpenAI"
    assert openai_provider.headquarters == "US"
    assert openai_provider.datacenters == ["US", "IE"]
    assert openai_provider.privacy_policy_url == "https://openai.com/privacy"
    assert openai_provider.status_page_url == "https://status.openai.com"


def test_providers_list(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    _assert_providers(client.providers.list())
    assert openrouter_emulator.requests[-1].path == "/providers"


async def test_async_providers_list(async_client: AsyncOpenRouter) -> None:
    _assert_providers(await async_client.providers.list())


def test_providers_raw_and_streaming(client: OpenRouter) -> None:
    raw = client.with_raw_response.providers.list()
    assert raw.status_code == 200
    _assert_providers(raw.parse())
    with client.providers.with_streaming_response.list() as response:
        _assert_providers(response.parse())


async def test_async_providers_raw_and_streaming(async_client: AsyncOpenRouter) -> None:
    raw = await async_client.providers.with_raw_response.list()
    _assert_providers(raw.parse())
    async with async_client.with_streaming_response.providers.list() as response:
        _assert_providers(await response.parse())


# ------------------------------------------------------------------------------------------ embeddings


def _assert_embedding(result: CreateEmbeddingResponse, count: int) -> None:
    assert isinstance(result, CreateEmbeddingResponse)
    assert isinstance(result, openai.types.CreateEmbeddingResponse)
    assert len(result.data) == count
    assert all(isinstance(value, float) for value in result.data[0].embedding)
    assert result.provider == "OpenAI"
    assert result.usage.cost is not None and result.usage.cost > 0
    assert result.id is not None and result.id.startswith("gen-emb")


def test_embeddings_create_sends_typed_extras(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    result = client.embeddings.create(
        input=["red", "green"],
        model="openai/text-embedding-3-small",
        dimensions=4,
        provider={"order": ["openai"], "allow_fallbacks": False},
        input_type="search_document",
        user="u-1",
    )
    _assert_embedding(result, 2)
    assert len(result.data[0].embedding) == 4
    body = openrouter_emulator.requests_to("/embeddings")[-1].json
    assert body["provider"] == {"order": ["openai"], "allow_fallbacks": False}
    assert body["input_type"] == "search_document"
    assert body["user"] == "u-1" and body["dimensions"] == 4
    assert body["encoding_format"] == "base64"  # openai's default transport; decoded back to floats


async def test_async_embeddings_create_sends_typed_extras(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    result = await async_client.embeddings.create(
        input="hello", model="openai/text-embedding-3-small", encoding_format="float", input_type="search_query"
    )
    _assert_embedding(result, 1)
    body = openrouter_emulator.requests_to("/embeddings")[-1].json
    assert body["input_type"] == "search_query" and body["encoding_format"] == "float"
    assert "provider" not in body


def test_embeddings_extra_body_wins_over_typed_fields(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    client.embeddings.create(
        input="x", model="openai/text-embedding-3-small", input_type="a", extra_body={"input_type": "b"}
    )
    assert openrouter_emulator.requests_to("/embeddings")[-1].json["input_type"] == "b"


def test_embeddings_multimodal_input_reaches_the_wire(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    parts = [{"content": [{"type": "text", "text": "a cat"}, {"type": "image_url", "image_url": {"url": "data:,"}}]}]
    result = client.embeddings.create(input=parts, model="openai/text-embedding-3-small")  # type: ignore[arg-type]
    assert len(result.data) == 1
    assert openrouter_emulator.requests_to("/embeddings")[-1].json["input"] == parts


def test_embeddings_invalid_provider_fails_before_sending(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    with pytest.raises(OpenRouterValidationError, match="did you mean 'order'"):
        client.embeddings.create(input="x", model="m", provider={"ordr": ["openai"]})  # type: ignore[arg-type]
    with pytest.raises(OpenRouterValidationError, match="input_type"):
        client.embeddings.create(input="x", model="m", input_type=3)  # type: ignore[arg-type]
    assert openrouter_emulator.requests == []


async def test_async_embeddings_invalid_provider_fails_before_sending(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    with pytest.raises(OpenRouterValidationError, match=r"provider\.sort"):
        await async_client.embeddings.create(input="x", model="m", provider={"sort": "pric"})
    assert openrouter_emulator.requests == []


def test_embeddings_raw_and_streaming(client: OpenRouter) -> None:
    raw = client.with_raw_response.embeddings.create(input="x", model="openai/text-embedding-3-small")
    assert raw.headers["x-generation-id"].startswith("gen-emb")
    _assert_embedding(raw.parse(), 1)
    with client.embeddings.with_streaming_response.create(input="y", model="openai/text-embedding-3-small") as response:
        _assert_embedding(response.parse(), 1)


async def test_async_embeddings_raw(async_client: AsyncOpenRouter) -> None:
    raw = await async_client.embeddings.with_raw_response.create(input="x", model="openai/text-embedding-3-small")
    _assert_embedding(raw.parse(), 1)


def _assert_embedding_models(models: list[Model]) -> None:
    assert [m.id for m in models] == ["openai/text-embedding-3-small"]
    _assert_typed(models[0])
    assert models[0].architecture is not None and models[0].architecture.output_modalities == ["embeddings"]
    assert models[0].pricing is not None and models[0].pricing.prompt == Decimal("0.00000002")


def test_embedding_models(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    _assert_embedding_models(client.embeddings.models())
    assert openrouter_emulator.requests[-1].path == "/embeddings/models"
    _assert_embedding_models(client.with_raw_response.embeddings.models().parse())


async def test_async_embedding_models(async_client: AsyncOpenRouter) -> None:
    _assert_embedding_models(await async_client.embeddings.models())
    async with async_client.embeddings.with_streaming_response.models() as response:
        _assert_embedding_models(await response.parse())
