"""The public Emulator: a real local OpenRouter-compatible HTTP server for tests, demos and benchmarks."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from decimal import Decimal
from types import TracebackType
from typing import Any

from ._faults import Fault
from ._records import RecordedRequest
from ._scripted import BodyPredicate, ScriptedRoute
from ._server import API_PREFIX, EmulatorServer
from ._settings import API_KEY, MANAGEMENT_KEY, Settings
from ._store import Store


def normalize_path(path: str) -> str:
    """A path relative to /api/v1 with one leading slash, e.g. ``/chat/completions``."""
    path = "/" + path.lstrip("/")
    if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
        path = path[len(API_PREFIX) :] or "/"
    return path.rstrip("/") if len(path) > 1 else path


class Emulator(Settings):
    """OpenRouter on 127.0.0.1: start(), point a client at ``base_url``, script replies, inspect requests.

    Strict by default: keys it did not issue, unknown model ids and mistyped known fields get the errors
    OpenRouter sends; ``Emulator(strict=False)`` (or ``emulator.strict = False``) accepts them all.
    Settings (plain attributes, restored by reset()): ``strict``, ``accept_any_key``, ``strict_models``,
    ``strict_params``, ``extra_models``, ``keepalive_comments``, ``failing_models``,
    ``generation_not_ready_for``, ``total_credits``, ``stream_delay`` (seconds between SSE frames) and
    ``stream_batch_bytes``.
    """

    api_key: str = API_KEY
    management_key: str = MANAGEMENT_KEY

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        strict: bool = True,
        accept_any_key: bool | None = None,
        keepalive_comments: int = 2,
    ) -> None:
        """Configure without starting; port 0 picks a free port at start(); ``accept_any_key=None`` follows strict."""
        super().__init__(strict=strict, accept_any_key=accept_any_key, keepalive_comments=keepalive_comments)
        self._host = host
        self._port = port
        self._store = Store()
        self._server: EmulatorServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> Emulator:
        """Bind and serve in a daemon thread; returns self so ``Emulator().start()`` chains."""
        if self._server is not None:
            return self
        server = EmulatorServer((self._host, self._port), self, self._store)
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="openrouter-emulator", daemon=True
        )
        thread.start()
        self._server, self._thread = server, thread
        return self

    def stop(self) -> None:
        """Stop serving, close the listening socket and every open connection."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = self._thread = None
        server.shutdown()
        server.close_connections()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> Emulator:
        """Start on entering a ``with`` block."""
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Stop on leaving the ``with`` block."""
        self.stop()

    @property
    def running(self) -> bool:
        """Whether the server is accepting connections."""
        return self._server is not None

    @property
    def port(self) -> int:
        """The bound port (only while running)."""
        if self._server is None:
            raise RuntimeError("Emulator is not started; call start() or use it as a context manager")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """The server root, e.g. ``http://127.0.0.1:54321``."""
        return f"http://{self._host}:{self.port}"

    @property
    def base_url(self) -> str:
        """The API base URL to give a client, e.g. ``http://127.0.0.1:54321/api/v1``."""
        return self.url + API_PREFIX

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot of every request received since the last reset(), oldest first."""
        with self._store.lock:
            return list(self._store.requests)

    def requests_to(self, path: str) -> list[RecordedRequest]:
        """Received requests whose path (relative to /api/v1) equals ``path``."""
        wanted = normalize_path(path)
        return [r for r in self.requests if r.path == wanted]

    def last_request(self, path: str | None = None) -> RecordedRequest:
        """The most recent request (to ``path`` if given); raises LookupError when there is none."""
        found = self.requests_to(path) if path is not None else self.requests
        if not found:
            raise LookupError(f"no request to {path!r} was received" if path else "no request was received")
        return found[-1]

    def queue(self, path: str, *faults: Fault) -> None:
        """Answer the next requests to ``path`` (any method) with ``faults``, one per request, in order."""
        self._store.push_faults(normalize_path(path), faults)

    def route(
        self,
        path: str,
        *,
        method: str | None = None,
        model: str | None = None,
        stream: bool | None = None,
        body: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        match: BodyPredicate | None = None,
    ) -> ScriptedRoute:
        """A route for requests to ``path`` that meet every given criterion; script it with ``respond()``.

        ``model`` and ``stream`` compare with the body's fields, ``body`` gives top-level fields that must be
        equal, ``headers`` header values (names in any case), ``match`` a predicate on the decoded JSON body.
        Routes are tried in the order they were added; requests no route answers get the usual answer.
        """
        route = ScriptedRoute(
            normalize_path(path),
            method=method,
            model=model,
            stream=stream,
            body=body,
            headers=headers,
            match=match,
            lock=self._store.script.lock,
        )
        return self._store.script.add(route)

    @property
    def routes(self) -> list[ScriptedRoute]:
        """The scripted routes, in the order they were added."""
        with self._store.script.lock:
            return list(self._store.script.routes)

    def unmet_routes(self) -> list[str]:
        """One line per route that was never called or still has scripted replies to give."""
        return self._store.script.unmet()

    def assert_all_called(self) -> None:
        """Raise AssertionError naming every route that was never called or still has replies to give."""
        unmet = self.unmet_routes()
        if unmet:
            raise AssertionError("scripted routes not played out:\n  " + "\n  ".join(unmet))

    def add_model(self, *model_ids: str) -> None:
        """Accept these model ids in strict mode, beside the built-in catalogue (until reset())."""
        self.extra_models.update(model_ids)

    def reset(self) -> None:
        """Forget requests, errors, faults, routes, generations, keys and charges; restore default settings."""
        self._store.clear()
        self.restore_defaults()

    @property
    def total_cost(self) -> Decimal:
        """The sum of ``usage.cost`` the emulator has charged since the last reset()."""
        with self._store.lock:
            return self._store.total_cost

    @property
    def server_errors(self) -> list[BaseException]:
        """Unexpected exceptions raised while serving requests (answered as 500s) since the last reset()."""
        with self._store.lock:
            return list(self._store.errors)

    @property
    def unrouted_requests(self) -> list[RecordedRequest]:
        """Requests since the last reset() that no endpoint serves (answered 404 or 405)."""
        with self._store.lock:
            return list(self._store.unrouted)
