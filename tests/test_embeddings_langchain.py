"""LangChain's `OpenAIEmbeddings` driven through our `client.embeddings` (sync and async): OpenRouter's
`input_type`/`provider` passed as `model_kwargs` reach the wire, and a typo is refused before sending."""

from __future__ import annotations

import pytest
from langchain_openai import OpenAIEmbeddings

from openrouter_compat import AsyncOpenRouter, OpenRouter, OpenRouterValidationError
from openrouter_compat.testing import Emulator

MODEL = "openai/text-embedding-3-small"


def _embeddings(client: OpenRouter, async_client: AsyncOpenRouter, **model_kwargs: object) -> OpenAIEmbeddings:
    return OpenAIEmbeddings(  # type: ignore[call-arg]  # pydantic alias `api_key` of `openai_api_key`
        model=MODEL,
        client=client.embeddings,
        async_client=async_client.embeddings,
        api_key="unused",
        check_embedding_ctx_length=False,  # no tiktoken download
        model_kwargs=dict(model_kwargs),
    )


def test_embed_documents(client: OpenRouter, async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    embeddings = _embeddings(client, async_client, input_type="search_document", provider={"order": ["openai"]})
    vectors = embeddings.embed_documents(["red", "green", "blue"])
    assert len(vectors) == 3 and all(len(v) == 8 for v in vectors)
    body = openrouter_emulator.requests_to("/embeddings")[-1].json
    assert body["input"] == ["red", "green", "blue"]
    assert body["input_type"] == "search_document" and body["provider"] == {"order": ["openai"]}


async def test_aembed_query(client: OpenRouter, async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    embeddings = _embeddings(client, async_client, input_type="search_query")
    vector = await embeddings.aembed_query("where is the red one?")
    assert len(vector) == 8 and all(isinstance(x, float) for x in vector)
    assert openrouter_emulator.requests_to("/embeddings")[-1].json["input_type"] == "search_query"


def test_invalid_extra_is_refused_before_sending(
    client: OpenRouter, async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    embeddings = _embeddings(client, async_client, provider={"sort": "pric"})
    with pytest.raises(OpenRouterValidationError, match=r"provider\.sort"):
        embeddings.embed_query("x")
    assert openrouter_emulator.requests_to("/embeddings") == []
