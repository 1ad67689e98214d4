"""Legacy text completion (`POST /completions`) as OpenRouter returns it; still an `openai` Completion."""

from __future__ import annotations

from openai.types import completion, completion_choice

from .._response_metadata import WithResponseMetadata
from .shared.error_object import ErrorObject
from .shared.usage import Usage

__all__ = ["Completion", "CompletionChoice"]


class CompletionChoice(completion_choice.CompletionChoice):
    native_finish_reason: str | None = None
    reasoning: str | None = None


class Completion(completion.Completion, WithResponseMetadata):
    """`openai`'s Completion plus `provider`, cost-bearing `usage` and, on an error chunk, `error`."""

    choices: list[CompletionChoice]  # type: ignore[assignment]
    provider: str | None = None
    usage: Usage | None = None
    error: ErrorObject | None = None
