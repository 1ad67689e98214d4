"""The `error` object OpenRouter puts in error bodies, 200 bodies, choices and stream chunks."""

from __future__ import annotations

from typing import Any

from openai._models import BaseModel

__all__ = ["ErrorObject"]


class ErrorObject(BaseModel):
    """`{code, message, metadata}`; `code` is an HTTP-like number (older payloads: a string)."""

    code: int | str | None = None
    message: str | None = None
    metadata: dict[str, Any] | None = None
