"""`GET /providers`: an upstream provider OpenRouter routes to, with its policies and locations."""

from __future__ import annotations

from openai._models import BaseModel

__all__ = ["Provider"]


class Provider(BaseModel):
    """A provider; `slug` is the value to use in `provider.order` / `provider.only` / `provider.ignore`."""

    name: str
    slug: str
    privacy_policy_url: str | None = None
    terms_of_service_url: str | None = None
    status_page_url: str | None = None
    headquarters: str | None = None
    """ISO 3166 country code of the provider's headquarters."""
    datacenters: list[str] | None = None
    """ISO 3166 country codes where the provider runs inference."""
