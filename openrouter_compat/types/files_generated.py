"""Deprecated: these types are `types/files.py` now (the types of `resources/files.py`).

Its names still resolve (the same objects) with a `DeprecationWarning` on first use; docs/architecture.md, "Naming".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import deprecated_module

if TYPE_CHECKING:
    from .files import *  # noqa: F403
else:
    __getattr__ = deprecated_module(__name__, "openrouter_compat.types.files")
