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

__all__ = ["EventSplitter", "OpenRouterSSEDecoder", "SSEItem"]

SSEItem = bytes | ServerSentEvent
"""What `iter_data` yields: the data of a plain `data:` event as bytes, any other event decoded."""

_DATA = b"data: "


class OpenRouterSSEDecoder(SSEDecoder):
    """The WHATWG decoder, minus events whose data is empty (a bare `data:` line is not an event), with a fast
    path for single-line `data:` events (`iter_data`)."""

    def splitter(self) -> EventSplitter:
        """A new body's state, for a caller that feeds it reads itself (no generator between reads and events)."""
        return EventSplitter(self)

    def iter_data(self, iterator: Iterable[bytes]) -> Iterator[SSEItem]:
        """Every event of the body: a plain `data: ...` event as the bytes of its data, any other as an event
        (the same events as `iter_bytes`, except that a bytes event does not carry the last `id:` seen)."""
        splitter = EventSplitter(self)
        try:
            for chunk in iterator:
                yield from splitter.feed(chunk)
            yield from splitter.finish()
        finally:
            self._reset()

    async def aiter_data(self, iterator: AsyncIterator[bytes]) -> AsyncIterator[SSEItem]:
        """The async twin of `iter_data`."""
        splitter = EventSplitter(self)
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


def _all_plain(buffer: bytes, end: int, count: int) -> bool:
    """Whether the `count` events in `buffer[:end]` are all plain `data: <something>` lines, checked in a few
    scans of the whole read instead of a Python step per event: no newline but the blank-line pairs (data
    with a newline or a comment line fails), every event starting `data: ` (JSON holds no raw newline, so
    `\n\ndata: ` only occurs at event starts) and none empty."""
    return (
        buffer.count(b"\n", 0, end) == 2 * count
        and buffer.startswith(_DATA)
        and buffer.count(b"\n\ndata: ", 0, end) == count - 1
        and buffer.find(b"data: \n", 0, end) < 0
    )


class EventSplitter:
    """The state of one body being decoded (`feed` each read, then `finish`): bytes after the last event
    boundary, and whether the body has left the fast path (a carriage return seen: from there on every byte
    goes to the general line decoder)."""

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
        if _all_plain(chunk, len(chunk) - len(rest), len(pieces)):
            return [piece[6:] for piece in pieces]
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
