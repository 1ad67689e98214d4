"""Deprecated: the generated half of `resources/videos.py` is `resources/_generated/videos.py` now.

Its names still resolve (the same objects) with a `DeprecationWarning` on first use; docs/architecture.md, "Naming".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import deprecated_module

if TYPE_CHECKING:
    from ._generated.videos import *  # noqa: F403
else:
    __getattr__ = deprecated_module(__name__, "openrouter_compat.resources._generated.videos")
