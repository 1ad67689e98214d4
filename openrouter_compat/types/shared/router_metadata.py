"""`openrouter_metadata`: how OpenRouter routed a request, sent when asked (`X-OpenRouter-Metadata: enabled`)."""

from __future__ import annotations

from typing import Any

from openai._models import BaseModel

__all__ = ["RouterAttempt", "RouterEndpoint", "RouterEndpoints", "RouterMetadata"]


class RouterAttempt(BaseModel):
    """One upstream attempt: which model at which provider, and how it ended."""

    model: str | None = None
    provider: str | None = None
    status: int | str | None = None


class RouterEndpoint(BaseModel):
    provider: str | None = None
    model: str | None = None
    selected: bool | None = None


class RouterEndpoints(BaseModel):
    total: int | None = None
    available: list[RouterEndpoint] | None = None


class RouterMetadata(BaseModel):
    """Routing details of one generation; fields OpenRouter adds later are kept as attributes too."""

    requested: str | None = None
    strategy: str | None = None
    region: str | None = None
    summary: str | None = None
    attempt: int | None = None
    attempts: list[RouterAttempt] | None = None
    is_byok: bool | None = None
    endpoints: RouterEndpoints | None = None
    params: dict[str, Any] | None = None
    pipeline: list[Any] | None = None
