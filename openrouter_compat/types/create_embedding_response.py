"""Embeddings response with OpenRouter's `provider` and cost; still an `openai` CreateEmbeddingResponse."""

from __future__ import annotations

from openai.types import create_embedding_response

from .._response_metadata import WithResponseMetadata
from .shared.usage import CostDetails

__all__ = ["CreateEmbeddingResponse", "EmbeddingUsage"]


class EmbeddingUsage(create_embedding_response.Usage):
    cost: float | None = None
    is_byok: bool | None = None
    cost_details: CostDetails | None = None


class CreateEmbeddingResponse(create_embedding_response.CreateEmbeddingResponse, WithResponseMetadata):
    id: str | None = None
    provider: str | None = None
    usage: EmbeddingUsage
