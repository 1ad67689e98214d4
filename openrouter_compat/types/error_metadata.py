"""Typed views of the `metadata` OpenRouter attaches to errors (provider, moderation, availability)."""

from __future__ import annotations

import json
from typing import Any

from openai._models import BaseModel

__all__ = ["Availability", "ErrorMetadata"]


class Availability(BaseModel):
    """Why no endpoint could serve the request, and whether retrying can help (2026 errors)."""

    code: str | None = None
    retryable: bool | None = None
    retry_after: float | None = None
    requested_models: list[str] | None = None
    affected_providers: list[str] | None = None
    fallback_models: list[str] | None = None
    docs_url: str | None = None


class ErrorMetadata(BaseModel):
    """Union of every metadata shape seen: provider errors (2025 and 2026), moderation, rate limits."""

    provider_name: str | None = None
    raw: Any = None
    error_type: str | None = None
    provider_code: str | None = None
    is_byok: bool | None = None
    retry_after_seconds: float | None = None
    headers: dict[str, str] | None = None
    reasons: list[str] | None = None
    flagged_input: str | None = None
    model_slug: str | None = None
    previous_errors: list[dict[str, Any]] | None = None

    @property
    def raw_json(self) -> Any:
        """`raw` parsed as JSON when it holds a JSON document (providers' bodies often do), else `raw`."""
        if isinstance(self.raw, str):
            try:
                return json.loads(self.raw)
            except ValueError:
                return self.raw
        return self.raw
