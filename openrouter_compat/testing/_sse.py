"""Writes an SSE reply over chunked transfer encoding, applying stream faults at the byte level."""

from __future__ import annotations

import socket
import sys
import threading
from collections import deque
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from ._faults import AFTER_CHUNK_KINDS, Fault
from ._replies import SSE_COMMENT, SSE_DONE, StreamReply
from ._wire import ChunkedWriter, abort, head

MALFORMED_FRAME = b"data: {not json\n\n"
EMPTY_FRAME = b"data:\n\n"


def sse_head(headers: Mapping[str, str]) -> bytes:
    """The head of a 200 event stream."""
    base = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "Transfer-Encoding": "chunked"}
    return head(200, {**base, **headers})


def _without_tail(frames: Iterator[bytes], count: int) -> Iterator[bytes]:
    """Every frame but the last ``count`` (which are still produced, so their side effects happen)."""
    held: deque[bytes] = deque()
    for frame in frames:
        held.append(frame)
        if len(held) > count:
            yield held.popleft()


class StreamWriter:
    """Sends one stream: keep-alive comments, frames (batched), then ``[DONE]`` unless a fault intervenes."""

    def __init__(
        self,
        out: BinaryIO,
        connection: socket.socket,
        *,
        batch: int,
        delay: float,
        stop: threading.Event,
    ) -> None:
        """Bind to the handler's socket and the emulator's stream settings."""
        self.out = out
        self.connection = connection
        self.batch = batch
        self.delay = delay
        self.stop = stop

    def comments_only(self, count: int, headers: Mapping[str, str]) -> None:
        """A stream of keep-alive comments and nothing else (the ``keepalive_only`` fault)."""
        writer = ChunkedWriter(self.out, sse_head(headers), self.batch)
        for _ in range(count):
            writer.add(SSE_COMMENT)
            writer.flush()
        writer.end()

    def write(self, reply: StreamReply, fault: Fault | None, comments: int) -> bool:
        """Send the stream; returns False when the connection was deliberately broken."""
        writer = ChunkedWriter(self.out, sse_head(reply.headers), self.batch)
        for _ in range(comments):
            writer.add(SSE_COMMENT)
        writer.flush()
        kind = fault.kind if fault is not None else None
        trigger = fault.after_chunks if fault is not None and kind in AFTER_CHUNK_KINDS else -1
        frames = reply.frames
        if fault is not None and kind in AFTER_CHUNK_KINDS and fault.after_chunks < 0:
            frames, trigger = _without_tail(frames, reply.closing), sys.maxsize  # fires after the last frame
        sent = 0
        for frame in frames:
            if sent == trigger:
                assert fault is not None
                outcome = self._fire(writer, reply, fault, sent)
                if outcome is not None:
                    return outcome
                trigger = -1
            self._emit(writer, frame, fault if kind == "split_event" else None)
            sent += 1
            if sent == 1 or self.delay:
                writer.flush()
                if self.delay:
                    self.stop.wait(self.delay)
        if trigger >= 0:
            assert fault is not None
            outcome = self._fire(writer, reply, fault, sent)
            if outcome is not None:
                return outcome
        self._emit(writer, SSE_DONE, fault if kind == "split_event" else None)
        writer.end()
        return True

    def _emit(self, writer: ChunkedWriter, frame: bytes, split: Fault | None) -> None:
        """Queue a frame, or write it in several flushed pieces for ``split_event``."""
        if split is None:
            writer.add(frame)
            return
        writer.flush()
        step = max(1, len(frame) // split.count)
        for start in range(0, len(frame), step):
            writer.add(frame[start : start + step])
            writer.flush()
            self.stop.wait(split.seconds)

    def _fire(self, writer: ChunkedWriter, reply: StreamReply, fault: Fault, sent: int) -> bool | None:
        """Apply an after-N-chunks fault; returns the outcome when the stream ends here, else None."""
        if fault.kind == "midstream_error":
            writer.add(reply.error_frame(fault.code, fault.message or "Provider disconnected", sent))
            writer.add(SSE_DONE)
            writer.end()
            return True
        if fault.kind == "malformed_chunk":
            writer.add(MALFORMED_FRAME)
            return None
        if fault.kind == "empty_data":
            writer.add(EMPTY_FRAME)
            return None
        writer.flush()
        if fault.kind == "stall":
            self.stop.wait(fault.seconds)
        abort(self.connection)
        return False
