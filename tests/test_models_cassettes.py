"""Contract tests: `cassettes/models/*.yaml` (recorded from the emulator, see their `# source:` header)
replayed with vcrpy `record_mode="none"`, sync and async. A request the cassette does not hold (other
path, query or — for embeddings — body) fails the test instead of reaching the network."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openai
import pytest
import vcr
from vcr.cassette import Cassette
from vcr.errors import CannotOverwriteExistingCassetteException

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.types import CreateEmbeddingResponse
from openrouter_compat.types.model import Model
from openrouter_compat.types.model_endpoints import ModelEndpoints
from openrouter_compat.types.providers import Provider

CASSETTES = Path(__file__).resolve().parents[1] / "cassettes" / "models"
BASE_URL = "https://openrouter.ai/api/v1"
_VCR = vcr.VCR(record_mode="none", match_on=["method", "scheme", "host", "port", "path", "query", "body"])


@pytest.fixture(autouse=True)
def _no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENROUTER_BASE_URL", raising=False)


def _client() -> OpenRouter:
    return OpenRouter(api_key="test-key", base_url=BASE_URL, max_retries=0)


def _async_client() -> AsyncOpenRouter:
    return AsyncOpenRouter(api_key="test-key", base_url=BASE_URL, max_retries=0)


@pytest.fixture
def models_cassette() -> Iterator[Cassette]:
    with _VCR.use_cassette(str(CASSETTES / "models.yaml")) as cassette:
        yield cassette


@pytest.fixture
def providers_cassette() -> Iterator[Cassette]:
    with _VCR.use_cassette(str(CASSETTES / "providers.yaml")) as cassette:
        yield cassette


@pytest.fixture
def embeddings_cassette() -> Iterator[Cassette]:
    with _VCR.use_cassette(str(CASSETTES / "embeddings.yaml")) as cassette:
        yield cassette


def test_cassettes_say_where_they_come_from_and_hold_no_credentials() -> None:
    for path in sorted(CASSETTES.glob("*.yaml")):
        text = path.read_text()
        assert text.startswith("# source: recorded from the local emulator"), path.name
        assert "authorization" not in text.lower() and "sk-or-" not in text, path.name


def _check_models(
    listed: list[Model], model: Model, endpoints: ModelEndpoints, count: int, for_user: list[Model]
) -> None:
    assert {m.id for m in listed} == {
        "openai/gpt-5-mini",
        "anthropic/claude-sonnet-4.5",
        "google/gemini-2.5-flash",
        "deepseek/deepseek-r1",
    }
    assert all(isinstance(m, openai.types.Model) and m.supports("tools", "reasoning") for m in listed)
    assert model.id == "openai/gpt-5-mini" and model.pricing is not None
    assert model.pricing.completion == Decimal("0.000002")
    assert model.reasoning is not None and model.reasoning.mandatory is True
    assert [e.tag for e in endpoints.endpoints] == ["together/fp8", "deepinfra/fp4", "deepseek"]
    assert count == 8
    assert len(for_user) == 7


def test_models_contract(models_cassette: Cassette) -> None:
    with _client() as client:
        listed = list(client.models.list(category="programming", supported_parameters=["tools", "reasoning"]))
        model = client.models.retrieve("openai/gpt-5-mini")
        endpoints = client.models.endpoints("deepseek/deepseek-r1")
        count = client.models.count(output_modalities="all")
        for_user = list(client.models.list_for_user())
    _check_models(listed, model, endpoints, count, for_user)
    assert models_cassette.all_played


async def test_models_contract_async(models_cassette: Cassette) -> None:
    async with _async_client() as client:
        listed = [m async for m in client.models.list(category="programming", supported_parameters="tools,reasoning")]
        model = await client.models.retrieve("openai/gpt-5-mini")
        endpoints = await client.models.endpoints("deepseek/deepseek-r1")
        count = await client.models.count(output_modalities=["all"])
        for_user = [m async for m in client.models.list_for_user()]
    _check_models(listed, model, endpoints, count, for_user)
    assert models_cassette.all_played


def test_unrecorded_filter_is_refused_not_sent(models_cassette: Cassette) -> None:
    with _client() as client, pytest.raises(CannotOverwriteExistingCassetteException):
        client.models.list(category="legal")


def _check_providers(providers: list[Provider]) -> None:
    assert [p.slug for p in providers][:3] == ["openai", "azure", "anthropic"]
    assert all(isinstance(p, Provider) and p.name for p in providers)


def test_providers_contract(providers_cassette: Cassette) -> None:
    with _client() as client:
        _check_providers(client.providers.list())
    assert providers_cassette.all_played


async def test_providers_contract_async(providers_cassette: Cassette) -> None:
    async with _async_client() as client:
        _check_providers(await client.providers.list())
    assert providers_cassette.all_played


def _check_embeddings(result: CreateEmbeddingResponse, models: list[Model]) -> None:
    assert isinstance(result, CreateEmbeddingResponse)
    assert [len(d.embedding) for d in result.data] == [4, 4]
    assert result.provider == "OpenAI" and result.usage.cost == pytest.approx(4e-08)
    assert [m.id for m in models] == ["openai/text-embedding-3-small"]


def test_embeddings_contract(embeddings_cassette: Cassette) -> None:
    with _client() as client:
        result = client.embeddings.create(
            input=["red", "green"],
            model="openai/text-embedding-3-small",
            dimensions=4,
            encoding_format="float",
            provider={"order": ["openai"], "allow_fallbacks": False},
            input_type="search_document",
        )
        models = client.embeddings.models()
    _check_embeddings(result, models)
    assert embeddings_cassette.all_played


async def test_embeddings_contract_async(embeddings_cassette: Cassette) -> None:
    async with _async_client() as client:
        result = await client.embeddings.create(
            input=["red", "green"],
            model="openai/text-embedding-3-small",
            dimensions=4,
            encoding_format="float",
            provider={"order": ["openai"], "allow_fallbacks": False},
            input_type="search_document",
        )
        models = await client.embeddings.models()
    _check_embeddings(result, models)
    assert embeddings_cassette.all_played


def test_embeddings_body_is_part_of_the_contract(embeddings_cassette: Cassette) -> None:
    with _client() as client, pytest.raises(CannotOverwriteExistingCassetteException):
        client.embeddings.create(
            input=["red", "green"],
            model="openai/text-embedding-3-small",
            dimensions=4,
            encoding_format="float",
            provider={"order": ["azure"]},
            input_type="search_document",
        )
