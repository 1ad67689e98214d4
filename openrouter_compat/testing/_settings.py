"""Tunable behaviour of the emulator, kept apart from its stores so reset() can restore it."""

from __future__ import annotations

from decimal import Decimal

API_KEY = "sk-or-v1-emulator-" + "0" * 48
MANAGEMENT_KEY = "sk-or-v1-emulator-mgmt-" + "0" * 48
USER_ID = "user_emulator"


class Settings:
    """Knobs a test may turn; read by request threads on every request."""

    accept_any_key: bool
    keepalive_comments: int
    failing_models: set[str]
    generation_not_ready_for: int
    strict_models: bool
    total_credits: Decimal
    stream_delay: float
    stream_batch_bytes: int

    def __init__(self, *, accept_any_key: bool = True, keepalive_comments: int = 2) -> None:
        """Remember the constructor defaults so reset() returns to them."""
        self._default_accept_any_key = accept_any_key
        self._default_keepalive_comments = keepalive_comments
        self.restore_defaults()

    def restore_defaults(self) -> None:
        """Put every knob back to its constructor value."""
        self.accept_any_key = self._default_accept_any_key
        self.keepalive_comments = self._default_keepalive_comments
        self.failing_models = set()
        self.generation_not_ready_for = 0
        self.strict_models = False
        self.total_credits = Decimal(100)
        self.stream_delay = 0.0
        self.stream_batch_bytes = 16384
