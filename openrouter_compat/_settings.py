"""The OpenRouter-only state of a client, kept in one immutable value so `copy()` carries all of it."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from . import _constants as C
from ._extras import merge_body
from ._ledger import CostLedger, cost_limit
from ._retry import RetryPolicy
from .lib.model_names import to_openrouter_model

__all__ = ["OpenRouterSettings"]


@dataclasses.dataclass(frozen=True)
class OpenRouterSettings:
    """App attribution, request defaults and accounting shared by a client and its copies."""

    app_url: str | None = None
    app_title: str | None = None
    app_categories: tuple[str, ...] = ()
    request_defaults: Mapping[str, Any] = dataclasses.field(default_factory=dict[str, Any])
    """OpenRouter body fields sent with every inference request unless the call overrides them."""
    ledger: CostLedger = dataclasses.field(default_factory=CostLedger, compare=False)
    """Costs of every result of this client and its copies (the same object is shared by copies)."""
    max_cost: Decimal | None = None
    """This client's spending cap (USD credits) over `ledger.total`, besides the ledger's own `max_cost`."""
    map_openai_model_names: bool = False
    """Send bare OpenAI names (`gpt-4o-mini`) as `openai/gpt-4o-mini`."""
    retry_policy: RetryPolicy = dataclasses.field(default_factory=RetryPolicy)
    """How requests are retried: the one source of the client's retry state (its `max_retries` included)."""
    key_source: str | None = None
    """Where the client's key came from (the argument or the environment variable), named by a 401."""

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

    def with_accounting(
        self,
        *,
        ledger: CostLedger | None = None,
        max_cost: float | Decimal | str | None = None,
        map_openai_model_names: bool | None = None,
    ) -> OpenRouterSettings:
        """A copy with the given ledger, cap and model-name mapping; None keeps the current value."""
        return dataclasses.replace(
            self,
            ledger=ledger if ledger is not None else self.ledger,
            max_cost=cost_limit(max_cost) if max_cost is not None else self.max_cost,
            map_openai_model_names=(
                map_openai_model_names if map_openai_model_names is not None else self.map_openai_model_names
            ),
        )

    def with_request_defaults(self, defaults: Mapping[str, Any]) -> OpenRouterSettings:
        """A copy whose request defaults are the current ones with `defaults` merged over them."""
        return dataclasses.replace(self, request_defaults=merge_body(self.request_defaults, defaults))

    def check_budget(self) -> None:
        """Raise `BudgetExceededError` before sending when the ledger's total has reached a cap."""
        self.ledger.check_budget(self.max_cost)

    def resolve_model(self, model: Any) -> Any:
        """The model id to send for `model` (bare OpenAI names mapped when `map_openai_model_names`)."""
        if self.map_openai_model_names and isinstance(model, str):
            return to_openrouter_model(model)
        return model


def _categories(value: Sequence[str] | str | None) -> tuple[str, ...]:
    if not value:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(item.strip() for item in items if item.strip())
