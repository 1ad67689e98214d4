"""`GET /key`: the calling key's limits, usage by period, BYOK usage, tier and kind."""

from __future__ import annotations

from datetime import datetime

from openai._models import BaseModel

__all__ = ["Key", "KeyRateLimit"]


class KeyRateLimit(BaseModel):
    """Deprecated by OpenRouter (always -1 requests); kept for old callers."""

    requests: float | None = None
    interval: str | None = None
    note: str | None = None


class Key(BaseModel):
    """The API key the client is using. Money amounts are USD; `None` limits mean unlimited."""

    label: str | None = None
    limit: float | None = None
    limit_reset: str | None = None
    """`daily`, `weekly`, `monthly` or `None` (never resets)."""
    limit_remaining: float | None = None
    include_byok_in_limit: bool | None = None
    usage: float | None = None
    usage_daily: float | None = None
    usage_weekly: float | None = None
    usage_monthly: float | None = None
    byok_usage: float | None = None
    byok_usage_daily: float | None = None
    byok_usage_weekly: float | None = None
    byok_usage_monthly: float | None = None
    is_free_tier: bool | None = None
    is_management_key: bool | None = None
    is_provisioning_key: bool | None = None
    """Deprecated alias of `is_management_key`."""
    creator_user_id: str | None = None
    expires_at: datetime | None = None
    rate_limit: KeyRateLimit | None = None
