"""HTTP plumbing: a threaded HTTP/1.1 keep-alive server whose handler records, routes and writes replies."""

from __future__ import annotations

import json
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from ._context import Context
from ._errors import ApiError, error_body, fault_reply
from ._faults import STATIC_KINDS, Fault
from ._records import Headers, RecordedRequest
from ._replies import JsonReply, StreamReply
from ._reply import INFERENCE_PATHS, Reply
from ._routes import dispatch, has_route
from ._settings import Settings
from ._sse import StreamWriter
from ._store import Store
from ._wire import abort, head

API_PREFIX = "/api/v1"


class EmulatorServer(ThreadingHTTPServer):
    """ThreadingHTTPServer with TCP_NODELAY, silent errors, and tracked connections for a clean stop."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, address: tuple[str, int], settings: Settings, store: Store) -> None:
        """Bind and listen; serving starts with serve_forever()."""
        self.settings = settings
        self.store = store
        self.stop_event = threading.Event()
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, RequestHandler)

    def get_request(self) -> tuple[socket.socket, Any]:
        """Accept a connection with Nagle disabled, so small SSE writes leave at once."""
        connection, address = self.socket.accept()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._connections_lock:
            self._connections.add(connection)
        return connection, address

    def shutdown_request(self, request: Any) -> None:
        """Forget a finished connection, then close it."""
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Keep unexpected handler errors for inspection instead of printing to stderr."""
        error = sys.exc_info()[1]
        if error is not None and not isinstance(error, ConnectionError):
            self.store.record_error(error)

    def close_connections(self) -> None:
        """Break every open keep-alive connection so its thread ends."""
        self.stop_event.set()
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            abort(connection)


class RequestHandler(BaseHTTPRequestHandler):
    """Serves one connection: parse, record, apply a queued fault or route, write the reply."""

    protocol_version = "HTTP/1.1"
    server_version = "OpenRouterEmulator/1.0"
    server: EmulatorServer

    def log_message(self, format: str, *args: Any) -> None:
        """Stay silent: benchmarks and tests must not pay for logging."""

    def do_GET(self) -> None:
        """Serve GET."""
        self._serve()

    def do_POST(self) -> None:
        """Serve POST."""
        self._serve()

    def do_PATCH(self) -> None:
        """Serve PATCH."""
        self._serve()

    def do_PUT(self) -> None:
        """Serve PUT."""
        self._serve()

    def do_DELETE(self) -> None:
        """Serve DELETE."""
        self._serve()

    def _serve(self) -> None:
        """Handle one request end to end; socket errors from a vanished client just end the connection."""
        server = self.server
        request, inside = self._record()
        if not inside:
            server.store.record_unrouted(request)
            self._send_json(_not_found(request.path), None)
            return
        try:
            fault, scripted = self._script(request)
        except Exception as error:  # a test's match predicate raised: a 500, kept for the fixture to report
            server.store.record_error(error)
            self._send_json(ApiError(500).reply(), None)
            return
        if fault is not None and fault.kind == "delay":
            server.stop_event.wait(fault.seconds)
            fault = None
        if scripted is not None and scripted.latency > 0:
            server.stop_event.wait(scripted.latency)
        try:
            if fault is not None and fault.kind == "keepalive_only":
                self._writer().comments_only(fault.count, {})
            elif fault is not None and fault.kind in STATIC_KINDS:
                self._send_json(fault_reply(fault, request), None)
            else:
                self._answer(Context(server.settings, server.store, request, fault, scripted))
        except OSError:
            self.close_connection = True

    def _script(self, request: RecordedRequest) -> tuple[Fault | None, Reply | None]:
        """The fault and scripted reply for a request: a queued fault first, else the first matching route."""
        store = self.server.store
        fault = store.pop_fault(request.path)
        if fault is not None:
            return fault, None
        answer = store.script.take(request)
        if isinstance(answer, Reply):
            return answer.fault, answer
        return answer, None

    def _answer(self, ctx: Context) -> None:
        """Route the request and write whatever it produced, with the fault applied."""
        fault = ctx.fault
        try:
            reply = dispatch(ctx)
        except ApiError as error:
            if error.code in (404, 405) and not has_route(ctx.request.path, ctx.request.method):
                self.server.store.record_unrouted(ctx.request)
            reply = error.reply()
        except Exception as error:  # a bug in a handler: answer 500 and keep it for inspection
            self.server.store.record_error(error)
            reply = ApiError(500).reply()
        if isinstance(reply, StreamReply):
            comments = self.server.settings.keepalive_comments
            delay = ctx.reply.chunk_delay if ctx.reply is not None else None
            if not self._writer(delay).write(reply, fault, comments):
                self.close_connection = True
            return
        midstream = fault is not None and fault.kind == "midstream_error" and reply.status == 200
        if midstream and fault is not None and ctx.request.path not in INFERENCE_PATHS:
            reply = ApiError(fault.code, fault.message).reply()
        self._send_json(reply, fault)

    def _writer(self, delay: float | None = None) -> StreamWriter:
        """A stream writer bound to this connection and the current settings (``delay`` overrides theirs)."""
        settings = self.server.settings
        return StreamWriter(
            self.wfile,  # type: ignore[arg-type]
            self.connection,
            batch=settings.stream_batch_bytes,
            delay=settings.stream_delay if delay is None else delay,
            stop=self.server.stop_event,
        )

    def _send_json(self, reply: JsonReply, fault: Fault | None) -> None:
        """Write a JSON reply with Content-Length, honouring faults that corrupt or cut the body."""
        kind = fault.kind if fault is not None else None
        if kind in ("drop_connection", "stall"):
            assert fault is not None
            if kind == "stall":
                self.server.stop_event.wait(fault.seconds)
            self.close_connection = True
            abort(self.connection)
            return
        body = reply.encode()
        if kind == "malformed_chunk":
            body = body[: max(1, len(body) // 2)]
        elif kind == "empty_data":
            body = b""
        headers = {"Content-Type": "application/json", **reply.headers, "Content-Length": str(len(body))}
        start = head(reply.status, headers, close=self.close_connection)
        if kind != "split_event":
            self.wfile.write(start + body)
            return
        assert fault is not None
        self.wfile.write(start)
        step = max(1, len(body) // fault.count)
        for offset in range(0, len(body), step):
            self.wfile.write(body[offset : offset + step])
            self.server.stop_event.wait(fault.seconds)

    def _record(self) -> tuple[RecordedRequest, bool]:
        """Read the body and store the request; the flag says whether it was under /api/v1."""
        raw = self._read_body()
        split = urlsplit(self.path)
        path = unquote(split.path)
        inside = path == API_PREFIX or path.startswith(API_PREFIX + "/")
        if inside:
            path = path[len(API_PREFIX) :] or "/"
        if len(path) > 1:
            path = path.rstrip("/")
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = None
        request = RecordedRequest(
            method=self.command,
            path=path,
            query=dict(parse_qsl(split.query, keep_blank_values=True)),
            headers=Headers(list(self.headers.items())),
            json=body,
            raw=raw,
        )
        self.server.store.record_request(request)
        return request, inside

    def _read_body(self) -> bytes:
        """The request body, by Content-Length or chunked transfer encoding."""
        length = self.headers.get("Content-Length")
        if length is not None:
            return self.rfile.read(int(length))
        if "chunked" not in self.headers.get("Transfer-Encoding", "").lower():
            return b""
        parts: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline()


def _not_found(path: str) -> JsonReply:
    """The 404 for paths outside /api/v1."""
    return JsonReply(404, error_body(404, f"Not Found: {path}", with_user=False))
