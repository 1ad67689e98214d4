"""Content parts of chat messages as OpenRouter takes them: `openai`'s, plus per-part `cache_control`, video
parts and more `input_audio` formats."""

from __future__ import annotations

from typing import Literal, Required, TypeAlias

from typing_extensions import TypedDict

from ..request_options import CacheControl

__all__ = [
    "AudioFormat",
    "ChatCompletionContentPartParam",
    "ContentPartFileParam",
    "ContentPartImageParam",
    "ContentPartInputAudioParam",
    "ContentPartTextParam",
    "ContentPartVideoParam",
    "PromptCacheBreakpoint",
]

AudioFormat: TypeAlias = Literal["wav", "mp3", "flac", "m4a", "ogg", "aiff", "aac", "pcm16", "pcm24"] | str
"""`input_audio.format`: OpenRouter takes more than `openai`'s wav/mp3 (open: newer formats type-check)."""


class PromptCacheBreakpoint(TypedDict, total=False):
    mode: Required[Literal["explicit"]]


class ContentPartTextParam(TypedDict, total=False):
    type: Required[Literal["text"]]
    text: Required[str]
    cache_control: CacheControl
    """Cache the prompt up to and including this block (Anthropic-style breakpoints)."""
    prompt_cache_breakpoint: PromptCacheBreakpoint


class ImageURL(TypedDict, total=False):
    url: Required[str]
    detail: Literal["auto", "low", "high", "original"] | str


class ContentPartImageParam(TypedDict, total=False):
    type: Required[Literal["image_url"]]
    image_url: Required[ImageURL]
    cache_control: CacheControl
    prompt_cache_breakpoint: PromptCacheBreakpoint


class InputAudio(TypedDict, total=False):
    data: Required[str]
    """Base64-encoded audio."""
    format: Required[AudioFormat]


class ContentPartInputAudioParam(TypedDict, total=False):
    type: Required[Literal["input_audio"]]
    input_audio: Required[InputAudio]
    cache_control: CacheControl
    prompt_cache_breakpoint: PromptCacheBreakpoint


class FileData(TypedDict, total=False):
    file_data: str
    """A URL or a `data:` URL (e.g. a base64 PDF)."""
    file_id: str
    filename: str


class ContentPartFileParam(TypedDict, total=False):
    type: Required[Literal["file"]]
    file: Required[FileData]
    cache_control: CacheControl
    prompt_cache_breakpoint: PromptCacheBreakpoint


class VideoURL(TypedDict, total=False):
    url: Required[str]
    """A video URL (YouTube for Gemini models) or a `data:` URL."""
    processing: Literal["static", "agentic"] | str


class ContentPartVideoParam(TypedDict, total=False):
    """A video: `type` is `video_url` (chat form) or `input_video` (the same part under its Responses name)."""

    type: Required[Literal["video_url", "input_video"]]
    video_url: Required[VideoURL]
    cache_control: CacheControl
    prompt_cache_breakpoint: PromptCacheBreakpoint


ChatCompletionContentPartParam: TypeAlias = (
    ContentPartTextParam
    | ContentPartImageParam
    | ContentPartInputAudioParam
    | ContentPartFileParam
    | ContentPartVideoParam
)
