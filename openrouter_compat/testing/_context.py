"""The per-request context handed to endpoint handlers."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from .._json import is_object
from ._errors import ApiError
from ._faults import Fault
from ._records import RecordedRequest
from ._reply import Reply
from ._settings import Settings
from ._store import Store


@dataclass(frozen=True)
class Context:
    """Settings, shared store, the request itself, and the fault and scripted reply (if any) for its answer."""

    settings: Settings
    store: Store
    request: RecordedRequest
    fault: Fault | None = None
    reply: Reply | None = None
    started: float = field(default_factory=time.perf_counter)

    def body(self) -> dict[str, Any]:
        """The JSON object body, or a 400 when the body is missing or not an object."""
        body = self.request.json
        if not is_object(body):
            raise ApiError(400, "Invalid JSON body: expected an object")
        return body

    def elapsed_ms(self) -> int:
        """Milliseconds since the request arrived."""
        return int((time.perf_counter() - self.started) * 1000)
