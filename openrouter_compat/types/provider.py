"""Deprecated: the types of `resources/providers.py` are `types/providers.py` now (docs/architecture.md, "Naming").

Every name of this module still resolves, to the same object, with a `DeprecationWarning` on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import deprecated_aliases

__all__ = ["Provider"]

if TYPE_CHECKING:
    from .providers import Provider
else:
    __getattr__ = deprecated_aliases(
        __name__,
        {
            "Provider": ("openrouter_compat.types.providers", "Provider"),
        },
    )
