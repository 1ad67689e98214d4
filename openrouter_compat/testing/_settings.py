"""Tunable behaviour of the emulator, kept apart from its stores so reset() can restore it."""

from __future__ import annotations

from decimal import Decimal

API_KEY = "sk-or-v1-emulator-" + "0" * 48
MANAGEMENT_KEY = "sk-or-v1-emulator-mgmt-" + "0" * 48
USER_ID = "user_emulator"


class Settings:
    """Knobs a test may turn; read by request threads on every request.

    The strict modes (all on unless the emulator is built with ``strict=False``) refuse what OpenRouter
    refuses: ``accept_any_key=False`` answers 401 for keys it did not issue, ``strict_models`` 400 for
    model ids it does not know, ``strict_params`` 400 for known request fields of the wrong JSON type.
    """

    accept_any_key: bool
    strict_models: bool
    strict_params: bool
    extra_models: set[str]
    keepalive_comments: int
    failing_models: set[str]
    generation_not_ready_for: int
    total_credits: Decimal
    stream_delay: float
    stream_batch_bytes: int

    def __init__(self, *, strict: bool = True, accept_any_key: bool | None = None, keepalive_comments: int = 2) -> None:
        """Remember the constructor defaults so reset() returns to them."""
        self._default_strict = strict
        self._default_accept_any_key = (not strict) if accept_any_key is None else accept_any_key
        self._default_keepalive_comments = keepalive_comments
        self.restore_defaults()

    @property
    def strict(self) -> bool:
        """Whether every strict mode is on (setting it turns all three on or off)."""
        return self.strict_models and self.strict_params and not self.accept_any_key

    @strict.setter
    def strict(self, value: bool) -> None:
        self.strict_models = self.strict_params = value
        self.accept_any_key = not value

    def restore_defaults(self) -> None:
        """Put every knob back to its constructor value."""
        self.accept_any_key = self._default_accept_any_key
        self.strict_models = self.strict_params = self._default_strict
        self.extra_models = set()
        self.keepalive_comments = self._default_keepalive_comments
        self.failing_models = set()
        self.generation_not_ready_for = 0
        self.total_credits = Decimal(100)
        self.stream_delay = 0.0
        self.stream_batch_bytes = 16384
