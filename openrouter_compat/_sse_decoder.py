"""`OpenRouterSSEDecoder`: the WHATWG event-stream decoder with a bytes-level fast path for OpenRouter's streams.

OpenRouter sends each chunk as one `data: {json}` line and a blank line. The fast path splits the body on
`\\n\\n` and hands the bytes after `data: ` on as they are (no decoding, no line splitting, no event object), so
the stream can give them straight to pydantic's JSON validator. Anything else goes through `openai`'s general
decoder unchanged: comments (`: OPENROUTER PROCESSING`), `event:`/`id:`/`retry:` fields, multi-line data, and
from the first carriage return on, the whole rest of the body (CR and CRLF line ends). An event split across
reads is joined first; a read without an event boundary is only kept (never copied into a growing buffer).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator, Sequence

from openai._streaming import (
    ServerSentEvent,
    SSEDecoder,
    _SSELineDecoder,  # pyright: ignore[reportPrivateUsage]
)
from typing_extensions import override

__all__ = ["OpenRouterSSEDecoder", "SSEItem"]

SSEItem = bytes | ServerSentEvent
"""What `iter_data` yields: the data of a plain `data:` event as bytes, any other event decoded."""

_DATA = b"data: "


class OpenRouterSSEDecoder(SSEDecoder):
    """The WHATWG decoder, minus events whose data is empty (a bare `data:` line is not an event), with a fast
    path for single-line `data:` events (`iter_data`)."""

    def iter_data(self, iterator: Iterable[bytes]) -> Iterator[SSEItem]:
        """Every event of the body: a plain `data: ...` event as the bytes of its data, any other as an event
        (the same events as `iter_bytes`, except that a bytes event does not carry the last `id:` seen)."""
        splitter = _EventSplitter(self)
        try:
            for chunk in iterator:
                yield from splitter.feed(chunk)
            yield from splitter.finish()
        finally:
            self._reset()

    async def aiter_data(self, iterator: AsyncIterator[bytes]) -> AsyncIterator[SSEItem]:
        """The async twin of `iter_data`."""
        splitter = _EventSplitter(self)
        try:
            async for chunk in iterator:
                for item in splitter.feed(chunk):
                    yield item
            for item in splitter.finish():
                yield item
        finally:
            self._reset()

    @override
    def iter_bytes(self, iterator: Iterator[bytes]) -> Iterator[ServerSentEvent]:
        for event in super().iter_bytes(iterator):
            if event.data or event.event:
                yield event

    @override
    async def aiter_bytes(self, iterator: AsyncIterator[bytes]) -> AsyncIterator[ServerSentEvent]:
        async for event in super().aiter_bytes(iterator):
            if event.data or event.event:
                yield event

    def decode_lines(self, lines: Iterable[bytes]) -> list[ServerSentEvent]:
        """The events `lines` (without their line ends) complete, by the general decoder; empty ones dropped."""
        return [event for event in self._decode_lines(iter(lines)) if event.data or event.event]


class _EventSplitter:
    """The state of one body being decoded: bytes after the last event boundary, and whether the body has
    left the fast path (a carriage return seen: from there on every byte goes to the general line decoder)."""

    def __init__(self, decoder: OpenRouterSSEDecoder) -> None:
        self._decoder = decoder
        self._lines = _SSELineDecoder()
        self._pending: list[bytes] = []
        self._general = False

    def feed(self, chunk: bytes) -> Sequence[SSEItem]:
        """The events completed by `chunk`, in order."""
        if self._general:
            return self._decoder.decode_lines(self._lines.feed(chunk))
        pending = self._pending
        if b"\r" in chunk:
            self._general = True
            self._pending = []
            return self._decoder.decode_lines(self._lines.feed(b"".join([*pending, chunk])))
        if pending:
            if b"\n\n" not in chunk and not (chunk[:1] == b"\n" and pending[-1][-1:] == b"\n"):
                pending.append(chunk)  # no boundary yet: keep the piece, join once the event is complete
                return []
            pending.append(chunk)
            chunk = b"".join(pending)
        pieces = chunk.split(b"\n\n")
        rest = pieces.pop()
        self._pending = [rest] if rest else []
        items: list[SSEItem] = []
        for piece in pieces:
            if piece.startswith(_DATA) and b"\n" not in piece:
                if len(piece) > len(_DATA):
                    items.append(piece[len(_DATA) :])
            elif piece:
                items.extend(self._decoder.decode_lines([*piece.split(b"\n"), b""]))
        return items

    def finish(self) -> Sequence[SSEItem]:
        """What the end of the body completes (as in `openai`'s decoder: an event needs its blank line)."""
        rest = b"".join(self._pending)
        self._pending = []
        items: list[SSEItem] = list(self._decoder.decode_lines(self._lines.feed(rest))) if rest else []
        items.extend(self._decoder.decode_lines(self._lines.finish()))
        return items
