"""Deprecated: the types of `resources/generations.py` are `types/generations.py` now (docs/architecture.md, "Naming").

Every name of this module still resolves, to the same object, with a `DeprecationWarning` on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import deprecated_aliases

__all__ = ["Generation", "GenerationProviderResponse"]

if TYPE_CHECKING:
    from .generations import Generation, GenerationProviderResponse
else:
    __getattr__ = deprecated_aliases(
        __name__,
        {
            "Generation": ("openrouter_compat.types.generations", "Generation"),
            "GenerationProviderResponse": ("openrouter_compat.types.generations", "GenerationProviderResponse"),
        },
    )
