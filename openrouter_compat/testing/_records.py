"""Plain records the emulator keeps: requests it received and generations it served."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


class Headers(Mapping[str, str]):
    """Read-only, case-insensitive header mapping, so tests can look headers up in any case."""

    __slots__ = ("_items",)

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        """Build from (name, value) pairs; repeated names are joined with ", " as HTTP allows."""
        items: dict[str, str] = {}
        for name, value in pairs:
            key = name.lower()
            items[key] = f"{items[key]}, {value}" if key in items else value
        self._items = items

    def __getitem__(self, name: str) -> str:
        """Look a header up regardless of case."""
        return self._items[name.lower()]

    def __contains__(self, name: object) -> bool:
        """Membership test regardless of case."""
        return isinstance(name, str) and name.lower() in self._items

    def __iter__(self) -> Iterator[str]:
        """Iterate over lower-cased header names."""
        return iter(self._items)

    def __len__(self) -> int:
        """Number of distinct header names."""
        return len(self._items)

    def __repr__(self) -> str:
        """Show the headers like a dict, for readable test failures."""
        return f"Headers({self._items!r})"


@dataclass(frozen=True)
class RecordedRequest:
    """One HTTP request as the emulator received it, for assertions in tests."""

    method: str
    path: str
    query: dict[str, str]
    headers: Headers
    json: Any
    raw: bytes

    @property
    def bearer(self) -> str | None:
        """The Bearer token sent in Authorization, if any."""
        value = self.headers.get("authorization", "")
        scheme, _, token = value.partition(" ")
        if scheme.lower() != "bearer":
            return None
        return token.strip() or None


@dataclass(frozen=True)
class GenerationRecord:
    """What the emulator charged for one generation, served again by /generation and /activity."""

    id: str
    model: str
    permaslug: str
    provider: str
    api_type: str
    streamed: bool
    created: float
    prompt_tokens: int
    completion_tokens: int
    reasoning_tokens: int
    cost: Decimal
    finish_reason: str | None
    native_finish_reason: str | None
    latency_ms: int
    user_agent: str | None = None
    http_referer: str | None = None
    session_id: str | None = None
    external_user: str | None = None
    web_search: bool = False
    failed_models: tuple[str, ...] = field(default=())
