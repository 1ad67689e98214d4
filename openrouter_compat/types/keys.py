"""`/keys` (management keys): API keys of the account, and the request bodies that create and change them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Literal, Required

from openai._models import BaseModel
from openai._utils import PropertyInfo
from pydantic import ConfigDict, Field, SecretStr, with_config
from typing_extensions import TypedDict

from .._lazy import deprecated_aliases
from ._secret import SecretModel

__all__ = ["ApiKey", "KeysCreateParams", "KeyCreated", "KeyDeleted", "KeysListParams", "KeysUpdateParams", "LimitReset"]

LimitReset = Literal["daily", "weekly", "monthly"]


class ApiKey(BaseModel):
    """An API key as the management API describes it (never its secret). Money amounts are USD."""

    hash: str
    name: str | None = None
    label: str | None = None
    disabled: bool | None = None
    limit: float | None = None
    limit_remaining: float | None = None
    limit_reset: str | None = None
    include_byok_in_limit: bool | None = None
    usage: float | None = None
    usage_daily: float | None = None
    usage_weekly: float | None = None
    usage_monthly: float | None = None
    byok_usage: float | None = None
    byok_usage_daily: float | None = None
    byok_usage_weekly: float | None = None
    byok_usage_monthly: float | None = None
    created_at: str | None = None
    updated_at: str | None = None
    expires_at: datetime | None = None
    creator_user_id: str | None = None
    workspace_id: str | None = None


class KeyCreated(SecretModel):
    """`keys.create()`: the new key, and its secret, shown once by OpenRouter.

    `key` is a `SecretStr`: `repr()`, `str()` and `model_dump_json()` show `**********`; read it with
    `created.key.get_secret_value()`.
    """

    data: ApiKey
    key: SecretStr


class KeyDeleted(BaseModel):
    """`keys.delete()`."""

    deleted: bool


@with_config(ConfigDict(extra="forbid"))
class KeysListParams(TypedDict, total=False):
    """Query of `GET /keys`."""

    include_disabled: bool
    offset: Annotated[int, Field(ge=0)]
    workspace_id: str


@with_config(ConfigDict(extra="forbid"))
class KeysCreateParams(TypedDict, total=False):
    """Body of `POST /keys`."""

    name: Required[Annotated[str, Field(min_length=1)]]
    limit: Annotated[float, Field(ge=0)] | None
    """Spending limit in USD; `None` for no limit."""
    limit_reset: LimitReset | None
    include_byok_in_limit: bool
    expires_at: Annotated[datetime | str | None, PropertyInfo(format="iso8601")]
    workspace_id: str
    creator_user_id: str | None


@with_config(ConfigDict(extra="forbid"))
class KeysUpdateParams(TypedDict, total=False):
    """Body of `PATCH /keys/{hash}`."""

    name: Annotated[str, Field(min_length=1)]
    disabled: bool
    limit: Annotated[float, Field(ge=0)] | None
    limit_reset: LimitReset | None
    include_byok_in_limit: bool


# The names before the naming rule (docs/architecture.md, "Naming"): they still work, with a DeprecationWarning.
if TYPE_CHECKING:
    KeyListParams = KeysListParams
    KeyCreateParams = KeysCreateParams
    KeyUpdateParams = KeysUpdateParams
else:
    __getattr__ = deprecated_aliases(
        __name__,
        {
            "KeyListParams": (__name__, "KeysListParams"),
            "KeyCreateParams": (__name__, "KeysCreateParams"),
            "KeyUpdateParams": (__name__, "KeysUpdateParams"),
        },
    )
