"""Deprecated: the types of `resources/keys.py` are `types/keys.py` now (docs/architecture.md, "Naming").

Every name of this module still resolves, to the same object, with a `DeprecationWarning` on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import deprecated_aliases

__all__ = ["ApiKey", "KeyCreateParams", "KeyCreated", "KeyDeleted", "KeyListParams", "KeyUpdateParams", "LimitReset"]

if TYPE_CHECKING:
    from .keys import ApiKey, KeyCreated, KeyDeleted, LimitReset
    from .keys import KeysCreateParams as KeyCreateParams
    from .keys import KeysListParams as KeyListParams
    from .keys import KeysUpdateParams as KeyUpdateParams
else:
    __getattr__ = deprecated_aliases(
        __name__,
        {
            "ApiKey": ("openrouter_compat.types.keys", "ApiKey"),
            "KeyCreated": ("openrouter_compat.types.keys", "KeyCreated"),
            "KeyDeleted": ("openrouter_compat.types.keys", "KeyDeleted"),
            "KeyCreateParams": ("openrouter_compat.types.keys", "KeysCreateParams"),
            "KeyListParams": ("openrouter_compat.types.keys", "KeysListParams"),
            "KeyUpdateParams": ("openrouter_compat.types.keys", "KeysUpdateParams"),
            "LimitReset": ("openrouter_compat.types.keys", "LimitReset"),
        },
    )
