"""A small hostile HTTP/1.1 server on 127.0.0.1 for the request-path tests: any bytes, any pace, counted sockets.

The emulator answers like OpenRouter; this one answers like a broken proxy: an HTML page with status 200, a
body that is not UTF-8, a body trickled one byte at a time, an error event before any output. It keeps
connections alive (so a response the client never closes keeps its socket open) and counts the connections
still open, which is how the tests see a leak.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import selectors
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["HostileServer", "Reply", "Request", "sse"]


@dataclasses.dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclasses.dataclass
class Reply:
    """One answer: `body` is sent whole (Content-Length), `pieces` chunked, each after its pause."""

    status: int = 200
    content_type: str = "application/json"
    body: bytes | None = None
    pieces: Iterable[tuple[float, bytes]] | None = None
    headers: dict[str, str] = dataclasses.field(default_factory=dict[str, str])

    @classmethod
    def json(cls, value: Any, status: int = 200) -> Reply:
        return cls(status=status, body=json.dumps(value).encode())

    @classmethod
    def stream(cls, events: Iterable[bytes], pause: float = 0.0) -> Reply:
        return cls(content_type="text/event-stream", pieces=[(pause, event) for event in events])

    @classmethod
    def trickle(cls, body: bytes, every: float, content_type: str = "application/json") -> Reply:
        """`body` one byte at a time, `every` seconds apart (Content-Length set, so the client waits)."""
        return cls(content_type=content_type, body=body, pieces=[(every, bytes([b])) for b in body])


def sse(data: Any) -> bytes:
    """One server-sent event carrying `data` (JSON-encoded unless bytes)."""
    payload = data if isinstance(data, bytes) else json.dumps(data).encode()
    return b"data: " + payload + b"\n\n"


Handler = Callable[[Request], Reply]


class HostileServer:
    """A threaded keep-alive server answering every request with `handler(request)`."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[Request] = []
        self._open = 0
        self._lock = threading.Lock()
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._wake_reader, self._wake_writer = socket.socketpair()  # close() wakes the accept loop at once
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}/api/v1"

    @property
    def open_connections(self) -> int:
        """Connections the client has not closed yet."""
        with self._lock:
            return self._open

    def wait_open_at_most(self, limit: int, within: float = 10.0) -> int:
        """The number of open connections once it is at most `limit` (or after `within` seconds)."""
        ends = time.monotonic() + within
        while self.open_connections > limit and time.monotonic() < ends:
            time.sleep(0.02)
        return self.open_connections

    def close(self) -> None:
        self._stopping.set()
        self._wake_writer.send(b"x")
        self._thread.join(timeout=5)
        self._sock.close()
        self._wake_reader.close()
        self._wake_writer.close()

    def __enter__(self) -> HostileServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _serve(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self._sock, selectors.EVENT_READ)
            selector.register(self._wake_reader, selectors.EVENT_READ)
            while not self._stopping.is_set():
                ready = {key.fileobj for key, _ in selector.select()}
                if self._wake_reader in ready:
                    return
                self._accept()

    def _accept(self) -> None:
        try:
            conn, _ = self._sock.accept()
        except OSError:
            return
        with self._lock:
            self._open += 1
        threading.Thread(target=self._connection, args=(conn,), daemon=True).start()

    def _connection(self, conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        try:
            while not self._stopping.is_set():
                request = _read_request(reader)
                if request is None:
                    return
                self.requests.append(request)
                _write(conn, self.handler(request))
        except OSError:
            return
        finally:
            with contextlib.suppress(OSError):
                reader.close()
                conn.close()
            with self._lock:
                self._open -= 1


def _read_request(reader: Any) -> Request | None:
    line = reader.readline()
    if not line:
        return None
    method, path, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while (header := reader.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = header.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    return Request(method, path, headers, reader.read(length) if length else b"")


def _write(conn: socket.socket, reply: Reply) -> None:
    head = [f"HTTP/1.1 {reply.status} X", f"Content-Type: {reply.content_type}"]
    head += [f"{name}: {value}" for name, value in reply.headers.items()]
    if reply.pieces is not None and reply.body is not None:  # trickled, with a length
        conn.sendall(("\r\n".join([*head, f"Content-Length: {len(reply.body)}"]) + "\r\n\r\n").encode())
        for pause, piece in reply.pieces:
            time.sleep(pause)
            conn.sendall(piece)
        return
    if reply.pieces is not None:
        conn.sendall(("\r\n".join([*head, "Transfer-Encoding: chunked"]) + "\r\n\r\n").encode())
        for pause, piece in _pieces(reply.pieces):
            time.sleep(pause)
            conn.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        conn.sendall(b"0\r\n\r\n")
        return
    body = reply.body or b""
    conn.sendall(("\r\n".join([*head, f"Content-Length: {len(body)}"]) + "\r\n\r\n").encode() + body)


def _pieces(pieces: Iterable[tuple[float, bytes]]) -> Iterator[tuple[float, bytes]]:
    for pause, piece in pieces:
        if piece:
            yield pause, piece
