"""`/auth/keys/code` and `/auth/keys`: OAuth PKCE, letting a user give an app a key of their own."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Literal, Required

from openai._models import BaseModel
from openai._utils import PropertyInfo
from pydantic import ConfigDict, Field, SecretStr, with_config
from typing_extensions import TypedDict

from .._lazy import deprecated_aliases
from ._secret import SecretModel

__all__ = ["AuthCode", "AuthCreateCodeParams", "AuthKey", "AuthExchangeCodeParams", "CodeChallengeMethod"]

CodeChallengeMethod = Literal["S256", "plain"]


class AuthCode(BaseModel):
    """`auth.create_code()`: the authorization code to exchange with `auth.exchange_code()`."""

    id: str
    app_id: int | None = None
    created_at: str | None = None


class AuthKey(SecretModel):
    """`auth.exchange_code()`: the user's new key (`key.get_secret_value()`), hidden from repr and dumps."""

    key: SecretStr
    user_id: str | None = None


@with_config(ConfigDict(extra="forbid"))
class AuthCreateCodeParams(TypedDict, total=False):
    """Body of `POST /auth/keys/code`."""

    callback_url: Required[Annotated[str, Field(min_length=1)]]
    code_challenge: str
    code_challenge_method: CodeChallengeMethod
    limit: Annotated[float, Field(ge=0)]
    key_label: Annotated[str, Field(max_length=100)]
    usage_limit_type: Literal["daily", "weekly", "monthly"]
    expires_at: Annotated[datetime | str | None, PropertyInfo(format="iso8601")]
    workspace_id: str


@with_config(ConfigDict(extra="forbid"))
class AuthExchangeCodeParams(TypedDict, total=False):
    """Body of `POST /auth/keys`."""

    code: Required[Annotated[str, Field(min_length=1)]]
    code_verifier: str
    code_challenge_method: CodeChallengeMethod | None


# The names before the naming rule (docs/architecture.md, "Naming"): they still work, with a DeprecationWarning.
if TYPE_CHECKING:
    AuthCodeCreateParams = AuthCreateCodeParams
    AuthKeyExchangeParams = AuthExchangeCodeParams
else:
    __getattr__ = deprecated_aliases(
        __name__,
        {
            "AuthCodeCreateParams": (__name__, "AuthCreateCodeParams"),
            "AuthKeyExchangeParams": (__name__, "AuthExchangeCodeParams"),
        },
    )
