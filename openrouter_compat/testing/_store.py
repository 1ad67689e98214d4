"""Thread-safe state shared by request threads: requests, faults, scripted routes, generations, keys, codes."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ._faults import Fault
from ._records import GenerationRecord, RecordedRequest
from ._scripted import Script


@dataclass(frozen=True)
class AuthCode:
    """A PKCE authorization code waiting to be exchanged for a key."""

    challenge: str | None
    method: str | None


class Store:
    """Everything the emulator remembers between requests, guarded by one lock."""

    def __init__(self) -> None:
        """Start empty."""
        self.lock = threading.Lock()
        self.requests: list[RecordedRequest] = []
        self.unrouted: list[RecordedRequest] = []
        self.errors: list[BaseException] = []
        self.script = Script()
        self.faults: dict[str, deque[Fault]] = {}
        self.generations: dict[str, GenerationRecord] = {}
        self.lookups: dict[str, int] = {}
        self.keys: dict[str, dict[str, Any]] = {}
        self.plaintext_keys: dict[str, str] = {}
        self.auth_codes: dict[str, AuthCode] = {}
        self.total_cost = Decimal(0)

    def clear(self) -> None:
        """Forget everything (requests, errors, faults, routes, generations, keys, codes, cost)."""
        self.script.clear()
        with self.lock:
            self.requests.clear()
            self.unrouted.clear()
            self.errors.clear()
            self.faults.clear()
            self.generations.clear()
            self.lookups.clear()
            self.keys.clear()
            self.plaintext_keys.clear()
            self.auth_codes.clear()
            self.total_cost = Decimal(0)

    def record_request(self, request: RecordedRequest) -> None:
        """Append a received request."""
        with self.lock:
            self.requests.append(request)

    def record_unrouted(self, request: RecordedRequest) -> None:
        """Remember a request no endpoint serves (a 404 or 405 from routing)."""
        with self.lock:
            self.unrouted.append(request)

    def record_error(self, error: BaseException) -> None:
        """Remember an unexpected exception raised while serving a request."""
        with self.lock:
            self.errors.append(error)

    def push_faults(self, path: str, faults: tuple[Fault, ...]) -> None:
        """Queue faults for the next requests to ``path``."""
        with self.lock:
            self.faults.setdefault(path, deque()).extend(faults)

    def pop_fault(self, path: str) -> Fault | None:
        """Take the next queued fault for ``path``, if any."""
        with self.lock:
            queue = self.faults.get(path)
            return queue.popleft() if queue else None

    def record_generation(self, record: GenerationRecord) -> None:
        """Remember a served generation (replacing one with the same id) and charge its cost."""
        with self.lock:
            previous = self.generations.get(record.id)
            if previous is not None:
                self.total_cost -= previous.cost
            self.generations[record.id] = record
            self.total_cost += record.cost

    def lookup_generation(self, gen_id: str, not_ready_for: int) -> GenerationRecord | None:
        """Find a generation, pretending it is not ready for its first ``not_ready_for`` lookups."""
        with self.lock:
            record = self.generations.get(gen_id)
            if record is None:
                return None
            seen = self.lookups.get(gen_id, 0)
            self.lookups[gen_id] = seen + 1
            return None if seen < not_ready_for else record

    def generation_list(self) -> list[GenerationRecord]:
        """A snapshot of all served generations, oldest first."""
        with self.lock:
            return list(self.generations.values())
