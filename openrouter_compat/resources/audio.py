"""`client.audio`: openai's audio resource; `speech.create` takes OpenRouter's `provider` and
`input_references`, and transcriptions parse into our `Transcription` with a typed `usage.cost`.

openai's methods already send OpenRouter's paths (`/audio/speech`, `/audio/transcriptions`, multipart upload).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, cast

import httpx2
from openai import _legacy_response
from openai._compat import cached_property
from openai._types import Body, Headers, NotGiven, Omit, Query, not_given, omit
from openai.resources.audio import audio as openai_audio
from openai.resources.audio import speech as openai_speech
from openai.types.audio import speech_create_params
from openai.types.audio import transcription as openai_transcription
from openai.types.audio.speech_model import SpeechModel
from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict, override

from .._extras import merge_body
from .._response_types import register_type
from ..types.audio import Transcription
from ..types.provider_preferences import ProviderPreferences
from ._platform import validated

__all__ = [
    "AsyncAudio",
    "AsyncAudioWithRawResponse",
    "AsyncAudioWithStreamingResponse",
    "AsyncSpeech",
    "Audio",
    "AudioWithRawResponse",
    "AudioWithStreamingResponse",
    "SpeechExtras",
    "Speech",
]

register_type(openai_transcription.Transcription, Transcription)

ResponseFormat = Literal["mp3", "opus", "aac", "flac", "wav", "pcm"]


@with_config(ConfigDict(extra="forbid"))
class SpeechExtras(TypedDict, total=False):
    """OpenRouter's fields of `POST /audio/speech` beyond openai's."""

    provider: ProviderPreferences
    input_references: list[dict[str, Any]]
    """Reference audio for voice cloning (provider-specific objects)."""


def _openrouter_body(
    provider: ProviderPreferences | Omit, input_references: list[dict[str, Any]] | Omit, extra_body: Body | None
) -> Body | None:
    """OpenRouter's speech fields, validated, under the caller's `extra_body` (which wins)."""
    given = validated(SpeechExtras, {"provider": provider, "input_references": input_references})
    if not given:
        return extra_body
    caller = cast("Mapping[str, Any]", extra_body) if isinstance(extra_body, Mapping) else None
    return merge_body(given, caller)


class Speech(openai_speech.Speech):
    """openai's speech with OpenRouter's `provider` (routing) and `input_references` (voice cloning)."""

    @override
    def create(
        self,
        *,
        input: str,
        model: str | SpeechModel,
        voice: speech_create_params.Voice,
        instructions: str | Omit = omit,
        response_format: ResponseFormat | Omit = omit,
        speed: float | Omit = omit,
        stream_format: Literal["sse", "audio"] | Omit = omit,
        provider: ProviderPreferences | Omit = omit,
        input_references: list[dict[str, Any]] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> _legacy_response.HttpxBinaryResponseContent:
        """Audio for `input` (openai's fields), routed by `provider` if given."""
        return super().create(
            input=input,
            model=model,
            voice=voice,
            instructions=instructions,
            response_format=response_format,
            speed=speed,
            stream_format=stream_format,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=_openrouter_body(provider, input_references, extra_body),
            timeout=timeout,
        )


class AsyncSpeech(openai_speech.AsyncSpeech):
    """The async twin of `Speech`."""

    @override
    async def create(
        self,
        *,
        input: str,
        model: str | SpeechModel,
        voice: speech_create_params.Voice,
        instructions: str | Omit = omit,
        response_format: ResponseFormat | Omit = omit,
        speed: float | Omit = omit,
        stream_format: Literal["sse", "audio"] | Omit = omit,
        provider: ProviderPreferences | Omit = omit,
        input_references: list[dict[str, Any]] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> _legacy_response.HttpxBinaryResponseContent:
        """The async twin of `Speech.create`."""
        return await super().create(
            input=input,
            model=model,
            voice=voice,
            instructions=instructions,
            response_format=response_format,
            speed=speed,
            stream_format=stream_format,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=_openrouter_body(provider, input_references, extra_body),
            timeout=timeout,
        )


class Audio(openai_audio.Audio):
    """openai's audio whose `speech` takes OpenRouter's fields."""

    @cached_property
    @override
    def speech(self) -> Speech:
        return Speech(self._client)


class AsyncAudio(openai_audio.AsyncAudio):
    """The async twin of `Audio`."""

    @cached_property
    @override
    def speech(self) -> AsyncSpeech:
        return AsyncSpeech(self._client)


AudioWithRawResponse = openai_audio.AudioWithRawResponse
AsyncAudioWithRawResponse = openai_audio.AsyncAudioWithRawResponse
AudioWithStreamingResponse = openai_audio.AudioWithStreamingResponse
AsyncAudioWithStreamingResponse = openai_audio.AsyncAudioWithStreamingResponse
