"""The OpenRouter-only state of a client, kept in one immutable value so `copy()` carries all of it."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from typing import Any

from . import _constants as C
from ._retry import RetryPolicy

__all__ = ["OpenRouterSettings"]


@dataclasses.dataclass(frozen=True)
class OpenRouterSettings:
    """App attribution, request defaults and accounting shared by a client and its copies."""

    app_url: str | None = None
    app_title: str | None = None
    app_categories: tuple[str, ...] = ()
    request_defaults: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    """OpenRouter body fields sent with every inference request unless the call overrides them."""
    retry_policy: RetryPolicy = dataclasses.field(default_factory=RetryPolicy)
    """How requests are retried (its `max_retries` seeds the client's; `with_options(max_retries=)` overrides)."""

    @classmethod
    def resolve(
        cls,
        *,
        app_url: str | None,
        app_title: str | None,
        app_categories: Sequence[str] | str | None,
        base: OpenRouterSettings | None,
    ) -> OpenRouterSettings:
        """Arguments win over `base` (a copied client's settings), which wins over the environment."""
        if base is None:
            base = cls(
                app_url=os.environ.get(C.ENV_APP_URL) or None,
                app_title=os.environ.get(C.ENV_APP_TITLE) or None,
                app_categories=_categories(os.environ.get(C.ENV_APP_CATEGORIES)),
            )
        return dataclasses.replace(
            base,
            app_url=app_url if app_url is not None else base.app_url,
            app_title=app_title if app_title is not None else base.app_title,
            app_categories=_categories(app_categories) if app_categories is not None else base.app_categories,
        )

    def attribution_headers(self) -> dict[str, str]:
        """`HTTP-Referer`, `X-OpenRouter-Title` (and the older `X-Title`), `X-OpenRouter-Categories`."""
        headers: dict[str, str] = {}
        if self.app_url:
            headers[C.HEADER_APP_URL] = self.app_url
        if self.app_title:
            headers[C.HEADER_APP_TITLE] = self.app_title
            headers[C.HEADER_APP_TITLE_LEGACY] = self.app_title
        if self.app_categories:
            headers[C.HEADER_APP_CATEGORIES] = ",".join(self.app_categories)
        return headers

    def check_budget(self) -> None:
        """Raise before sending when a spending cap is configured and reached."""

    def resolve_model(self, model: Any) -> Any:
        """The model id to send for `model`."""
        return model


def _categories(value: Sequence[str] | str | None) -> tuple[str, ...]:
    if not value:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(item.strip() for item in items if item.strip())
