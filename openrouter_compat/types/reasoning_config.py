"""`reasoning`: how much the model thinks and whether the thinking is returned (REFERENCE §2.4)."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Field, with_config
from typing_extensions import TypedDict

from ._open import OPEN

__all__ = ["KnownReasoningEffort", "ReasoningConfig", "ReasoningEffort"]

KnownReasoningEffort: TypeAlias = Literal["max", "xhigh", "high", "medium", "low", "minimal", "none"]
ReasoningEffort: TypeAlias = KnownReasoningEffort | str
"""Open: newer efforts type-check and are sent with a warning."""


@with_config(OPEN)
class ReasoningConfig(TypedDict, total=False):
    """Use `effort` or `max_tokens`, not both; `exclude` hides the reasoning but still bills it."""

    effort: ReasoningEffort | None
    max_tokens: Annotated[int, Field(ge=0)] | None
    exclude: bool
    enabled: bool
    summary: Literal["auto", "concise", "detailed"] | str | None
    context: Literal["auto", "all_turns", "current_turn"] | str
    mode: Literal["standard", "pro"] | str
