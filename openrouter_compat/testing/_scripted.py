"""Scripted routes: which requests a test answers itself, with what, how often, and the calls they saw."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .._json import is_object
from ._faults import Fault
from ._records import RecordedRequest
from ._reply import INFERENCE_PATHS, Reply

Scripted = Reply | Fault
BodyPredicate = Callable[[Any], bool]


@dataclass
class _Entry:
    """One scripted answer and how many more times it may be given (None: every time)."""

    answer: Scripted
    left: int | None
    served: int = 0


class ScriptedRoute:
    """Requests matching every given criterion; answered by the scripted replies in order, then passed on.

    Build with ``Emulator.route(...)`` and script with :meth:`respond`. A route without replies only
    records (the emulator answers as usual); one whose replies are used up stops matching.
    """

    def __init__(
        self,
        path: str,
        *,
        method: str | None,
        model: str | None,
        stream: bool | None,
        body: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
        match: BodyPredicate | None,
        lock: threading.Lock,
    ) -> None:
        """Keep the criteria; ``lock`` is the emulator's script lock shared with request threads."""
        self.path = path
        self.method = method.upper() if method else None
        self.model = model
        self.stream = stream
        self.body = dict(body) if body else {}
        self.headers = {k.lower(): v for k, v in (headers or {}).items()}
        self.match = match
        self._lock = lock
        self._entries: list[_Entry] = []
        self._calls: list[RecordedRequest] = []

    def respond(self, reply: Scripted, *, times: int | None = None) -> ScriptedRoute:
        """Answer with ``reply`` (a Reply or a Fault) ``times`` times, or every time when None; chainable.

        Several calls queue up: ``route.respond(a, times=1).respond(b)`` answers ``a`` once, then ``b``.
        """
        if times is not None and times < 1:
            raise ValueError(f"times must be at least 1 (or None for every time), got {times!r}")
        if isinstance(reply, Reply) and self.path not in INFERENCE_PATHS:
            allowed = ", ".join(sorted(INFERENCE_PATHS))
            raise ValueError(
                f"a Reply answers only {allowed}; script {self.path} with a Fault, e.g. Fault.status(200, body=...)"
            )
        with self._lock:
            self._entries.append(_Entry(reply, times))
        return self

    @property
    def calls(self) -> list[RecordedRequest]:
        """The requests this route matched, oldest first."""
        with self._lock:
            return list(self._calls)

    @property
    def call_count(self) -> int:
        """How many requests this route matched."""
        with self._lock:
            return len(self._calls)

    @property
    def called(self) -> bool:
        """Whether any request matched this route."""
        return self.call_count > 0

    @property
    def last_call(self) -> RecordedRequest:
        """The most recent matched request; raises LookupError when there is none."""
        calls = self.calls
        if not calls:
            raise LookupError(f"{self} was not called")
        return calls[-1]

    def unmet(self) -> str | None:
        """Why this route's script was not played out (never called, or replies left), else None."""
        with self._lock:
            if not self._calls:
                return "never called"
            pending = [e for e in self._entries if e.served == 0 or (e.left or 0) > 0]
        if not pending:
            return None
        left = sum(e.left or 1 for e in pending)
        return f"{left} scripted repl{'y' if left == 1 else 'ies'} never sent"

    def __repr__(self) -> str:
        """Show the criteria, for failure messages."""
        parts = [self.method or "*", self.path]
        parts += [f"{name}={value!r}" for name, value in self._criteria().items()]
        return f"<route {' '.join(parts)}>"

    def _criteria(self) -> dict[str, Any]:
        """The criteria that were given."""
        given = {"model": self.model, "stream": self.stream, "body": self.body or None, "headers": self.headers or None}
        if self.match is not None:
            given["match"] = getattr(self.match, "__name__", "predicate")
        return {name: value for name, value in given.items() if value is not None}

    def _matches(self, request: RecordedRequest) -> bool:
        """Whether ``request`` meets every criterion (called with the lock held)."""
        if request.path != self.path or (self.method is not None and request.method != self.method):
            return False
        body = request.json
        fields: Mapping[str, Any] = body if is_object(body) else {}
        if self.model is not None and fields.get("model") != self.model:
            return False
        if self.stream is not None and (fields.get("stream") is True) != self.stream:
            return False
        if any(name not in fields or fields[name] != value for name, value in self.body.items()):
            return False
        if any(request.headers.get(name) != value for name, value in self.headers.items()):
            return False
        return self.match is None or bool(self.match(body))

    def _take(self, request: RecordedRequest) -> tuple[bool, Scripted | None]:
        """(matched, answer) for a request, consuming one use of the current reply (lock held)."""
        if not self._matches(request):
            return False, None
        if not self._entries:
            self._calls.append(request)
            return True, None
        for entry in self._entries:
            if entry.left is None or entry.left > 0:
                if entry.left is not None:
                    entry.left -= 1
                entry.served += 1
                self._calls.append(request)
                return True, entry.answer
        return False, None


class Script:
    """The routes of one emulator, consulted in the order they were added."""

    def __init__(self) -> None:
        """Start without routes."""
        self.lock = threading.Lock()
        self.routes: list[ScriptedRoute] = []

    def add(self, route: ScriptedRoute) -> ScriptedRoute:
        """Register a route after the existing ones."""
        with self.lock:
            self.routes.append(route)
        return route

    def take(self, request: RecordedRequest) -> Scripted | None:
        """The scripted answer for a request: the first route that matches and still has replies decides."""
        with self.lock:
            for route in self.routes:
                matched, answer = route._take(request)
                if matched and answer is not None:
                    return answer
                # a matching spy route records the request and lets later routes (or the emulator) answer
            return None

    def clear(self) -> None:
        """Forget every route."""
        with self.lock:
            self.routes.clear()

    def unmet(self) -> list[str]:
        """One line per route whose script was not played out."""
        with self.lock:
            routes = list(self.routes)
        return [f"{route!r}: {why}" for route in routes if (why := route.unmet()) is not None]
