"""Scripted answers: what a test tells the emulator to say instead of its deterministic echo."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from ._faults import AFTER_ANSWER, Fault

INFERENCE_PATHS = frozenset({"/chat/completions", "/completions", "/responses"})
"""The endpoints a Reply can answer (and whose handlers render a non-stream ``midstream_error`` themselves)."""


@dataclass(frozen=True)
class ToolCall:
    """A function call a scripted reply makes; ``arguments`` is the JSON text sent (streamed in pieces)."""

    name: str
    arguments: str = "{}"
    id: str | None = None

    @classmethod
    def of(cls, name: str, arguments: Mapping[str, Any] | str | None = None, *, id: str | None = None) -> ToolCall:
        """A call whose arguments may be given as a dict (serialised compactly) or as JSON text."""
        text = arguments if isinstance(arguments, str) else json.dumps(dict(arguments or {}), separators=(",", ":"))
        return cls(name, text, id)


@dataclass(frozen=True)
class TokenUsage:
    """Token counts and cost to report; a field left None is counted (words) or priced (catalogue) as usual."""

    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    reasoning_tokens: int | None = None
    cost: Decimal | float | str | None = None


@dataclass(frozen=True)
class Reply:
    """One scripted answer for /chat/completions, /responses and /completions (text only), streamed or not.

    ``content`` and ``reasoning`` given as a sequence are the exact stream pieces (joined when not
    streamed); as a string they are streamed word by word. Build with :meth:`text` or :meth:`tool_call`.
    """

    content: str | tuple[str, ...] = ""
    reasoning: str | tuple[str, ...] | None = None
    tool_calls: tuple[ToolCall, ...] = ()
    finish_reason: str | None = None
    usage: TokenUsage | None = None
    model: str | None = None
    provider: str | None = None
    latency: float = 0.0
    chunk_delay: float | None = None
    fault: Fault | None = None

    @classmethod
    def text(
        cls,
        content: str | Sequence[str],
        *,
        reasoning: str | Sequence[str] | None = None,
        usage: TokenUsage | None = None,
        finish_reason: str | None = None,
        model: str | None = None,
        provider: str | None = None,
        latency: float = 0.0,
        chunk_delay: float | None = None,
    ) -> Reply:
        """An assistant message with this text (and optional visible reasoning)."""
        return cls(
            content=_text(content),
            reasoning=None if reasoning is None else _text(reasoning),
            finish_reason=finish_reason,
            usage=usage,
            model=model,
            provider=provider,
            latency=latency,
            chunk_delay=chunk_delay,
        )

    @classmethod
    def tool_call(
        cls,
        name: str,
        arguments: Mapping[str, Any] | str | None = None,
        *more: ToolCall,
        id: str | None = None,
        reasoning: str | Sequence[str] | None = None,
        usage: TokenUsage | None = None,
        model: str | None = None,
        provider: str | None = None,
        latency: float = 0.0,
    ) -> Reply:
        """A call to the function ``name`` (then any further ``ToolCall`` values, for parallel calls)."""
        first = ToolCall.of(name, arguments, id=id)
        return cls(
            tool_calls=(first, *more),
            reasoning=None if reasoning is None else _text(reasoning),
            usage=usage,
            model=model,
            provider=provider,
            latency=latency,
        )

    def then_error(self, code: int = 502, message: str = "Provider disconnected") -> Reply:
        """After this answer's content: an in-stream error chunk (streams) or ``choices[].error`` (non-stream)."""
        return replace(self, fault=Fault.midstream_error(after_chunks=AFTER_ANSWER, code=code, message=message))

    def with_fault(self, fault: Fault) -> Reply:
        """Apply a stream fault (``drop_connection``, ``stall``, ``malformed_chunk``, ...) to this answer."""
        return replace(self, fault=fault)

    @property
    def text_content(self) -> str:
        """The whole content text."""
        return "".join(self.content) if isinstance(self.content, tuple) else self.content


def _text(value: str | Sequence[str]) -> str | tuple[str, ...]:
    """A string stays a string; any other sequence becomes the tuple of its stream pieces."""
    return value if isinstance(value, str) else tuple(value)
