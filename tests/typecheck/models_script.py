"""Type-checked by tests/test_models_typecheck.py: catalogue, providers and embeddings as users call them.

Lines marked `# expect-error: <name>` are deliberate misuses mypy must report; every other line must pass.
"""

from __future__ import annotations

from decimal import Decimal

import openai

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.lib.model_selection import cheapest_model, estimate_cost
from openrouter_compat.types import CreateEmbeddingResponse, Model, ModelEndpoints, Provider


def catalogue(client: OpenRouter) -> Decimal:
    models: list[Model] = list(client.models.list(category="programming", supported_parameters=["tools"]))
    plain: list[openai.types.Model] = list(client.models.list(output_modalities="all"))
    count: int = client.models.count(output_modalities=["text", "image"])
    raw_count: int = client.with_raw_response.models.count().parse()
    raw_models: list[Model] = client.models.with_raw_response.list(input_modalities="image").parse().data
    endpoints: ModelEndpoints = client.models.endpoints("openai/gpt-4o")
    providers: list[Provider] = client.providers.list()
    with client.with_streaming_response.providers.list() as response:
        streamed: list[Provider] = response.parse()
    best = cheapest_model(models, supports=["tools"], min_context=32_000, exclude_free=True)
    assert plain and count and raw_count and raw_models and endpoints and providers and streamed
    client.models.list(categry="programming")  # expect-error: list_filter_typo
    client.models.count(output_modalities=3)  # expect-error: count_wrong_type
    return estimate_cost(best, prompt_tokens=1_000, completion_tokens=200, cached_tokens=100)


def embeddings(client: OpenRouter) -> float | None:
    result: CreateEmbeddingResponse = client.embeddings.create(
        input=["a", "b"], model="openai/text-embedding-3-small", provider={"order": ["openai"]}, input_type="query"
    )
    raw: CreateEmbeddingResponse = client.with_raw_response.embeddings.create(input="a", model="m").parse()
    models: list[Model] = client.embeddings.models()
    client.embeddings.create(input="a", model="m", provider={"ordr": ["openai"]})  # expect-error: provider_typo
    client.embeddings.create(input="a", model="m", input_type=1)  # expect-error: input_type_wrong_type
    assert raw and models
    return result.usage.cost


async def catalogue_async(client: AsyncOpenRouter) -> Model:
    models = [m async for m in client.models.list(supported_parameters="tools")]
    page_models: list[Model] = (await client.models.list_for_user()).data
    count: int = await client.models.count()
    providers: list[Provider] = await client.providers.list()
    assert models and page_models and count and providers
    return await client.models.retrieve("openai/gpt-4o")
