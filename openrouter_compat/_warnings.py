"""The `Warning` our validation emits when a request carries something newer than this client knows."""

from __future__ import annotations

__all__ = ["OpenRouterUnknownFieldWarning"]


class OpenRouterUnknownFieldWarning(UserWarning):
    """A key, enum value, plugin id or tool type this client does not know was sent as given.

    Emitted once per field and value; silence it with `warnings.filterwarnings("ignore", category=...)`,
    make it an error with `validation="strict"`, or switch validation off with `validation="off"`."""

    def __init__(self, message: str, *, field: str, value: object) -> None:
        super().__init__(message)
        self.field = field
        self.value = value
