"""`GET /credits`: credits bought and used on the account (management key required)."""

from __future__ import annotations

from openai._models import BaseModel

__all__ = ["Credits"]


class Credits(BaseModel):
    """Account totals in USD."""

    total_credits: float
    total_usage: float

    @property
    def remaining(self) -> float:
        """Credits left: `total_credits - total_usage` (negative when the account is in debt)."""
        return self.total_credits - self.total_usage
