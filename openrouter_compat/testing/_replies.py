"""What a handler returns: a JSON reply or an SSE stream, both written by the server layer."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

SSE_COMMENT = b": OPENROUTER PROCESSING\n\n"
SSE_DONE = b"data: [DONE]\n\n"


def dumps(value: Any) -> str:
    """Compact JSON as OpenRouter sends it (no spaces, UTF-8 kept as is)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def sse_frame(value: Any) -> bytes:
    """One ``data:`` event carrying a JSON document."""
    return b"data: " + dumps(value).encode() + b"\n\n"


@dataclass(frozen=True)
class JsonReply:
    """A complete JSON answer with its status and extra headers."""

    status: int
    body: Any
    headers: Mapping[str, str] = field(default_factory=dict[str, str])

    def encode(self) -> bytes:
        """The body bytes; a ``bytes`` body is sent verbatim."""
        return self.body if isinstance(self.body, bytes) else dumps(self.body).encode()


@dataclass(frozen=True)
class StreamReply:
    """An SSE answer: lazily produced data frames (the writer adds comments and [DONE]) and an error builder.

    ``closing`` counts the frames at the end that finish the answer (finish reason, usage, completed event):
    an error "after the answer" takes their place.
    """

    frames: Iterator[bytes]
    # error_frame(code, message, sent) -> the in-stream error event to send after ``sent`` frames
    error_frame: Callable[[int, str, int], bytes]
    headers: Mapping[str, str] = field(default_factory=dict[str, str])
    closing: int = 0
