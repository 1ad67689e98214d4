"""`POST /audio/transcriptions` results: openai's `Transcription` with OpenRouter's usage (`cost`, `seconds`)."""

from __future__ import annotations

from typing import Literal

from openai.types.audio import transcription as openai_transcription

__all__ = ["Transcription", "TranscriptionUsage"]


class TranscriptionUsage(openai_transcription.UsageTokens):
    """OpenRouter's STT usage: tokens, audio seconds and what the request cost (USD)."""

    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int = 0
    type: Literal["tokens"] = "tokens"
    seconds: float | None = None
    """Duration of the input audio."""
    cost: float | None = None
    """What OpenRouter charged for the request, in USD."""


class Transcription(openai_transcription.Transcription):
    """openai's `Transcription` (what `audio.transcriptions.create` returns) with `usage.cost`."""

    usage: TranscriptionUsage | None = None
