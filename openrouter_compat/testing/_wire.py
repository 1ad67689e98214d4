"""Bytes on the socket: status lines, chunked transfer encoding, and abrupt closes."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Mapping
from http import HTTPStatus
from typing import BinaryIO

_REASONS = {status.value: status.phrase for status in HTTPStatus}
_REASONS.update({524: "A Timeout Occurred", 529: "Site Overloaded"})


def head(status: int, headers: Mapping[str, str], *, close: bool = False) -> bytes:
    """The status line and header block of a response."""
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}"]
    lines.extend(f"{name}: {value}" for name, value in headers.items())
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def abort(connection: socket.socket) -> None:
    """Close the connection mid-response: the peer sees EOF before the body is complete."""
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)


class ChunkedWriter:
    """Writes a chunked body, batching small pieces into one write until flushed or ``batch`` is full."""

    def __init__(self, out: BinaryIO, prefix: bytes, batch: int) -> None:
        """``prefix`` (the response head) goes out with the first flush."""
        self.out = out
        self.prefix = prefix
        self.batch = batch
        self.parts: list[bytes] = []
        self.size = 0

    def add(self, data: bytes) -> None:
        """Queue data, flushing once the batch size is reached."""
        self.parts.append(data)
        self.size += len(data)
        if self.size >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Send everything queued as one HTTP chunk (one socket write)."""
        if not self.parts and not self.prefix:
            return
        data = b"".join(self.parts)
        chunk = b"%x\r\n%s\r\n" % (len(data), data) if data else b""
        self.out.write(self.prefix + chunk)
        self.prefix = b""
        self.parts = []
        self.size = 0

    def end(self) -> None:
        """Send what is queued and the terminating zero-length chunk."""
        data = b"".join(self.parts)
        chunk = b"%x\r\n%s\r\n" % (len(data), data) if data else b""
        self.out.write(self.prefix + chunk + b"0\r\n\r\n")
        self.prefix = b""
        self.parts = []
        self.size = 0
