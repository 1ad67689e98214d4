"""Types of `client.files` (`/files`): OpenRouter's file objects and the parameters of its file methods.

They are generated from the spec into `types/_generated/files.py`; this is the module to import them from.
"""

from __future__ import annotations

from ._generated import files as _generated_files
from ._generated.files import *  # noqa: F403  # every public name of the generated half

__all__: list[str] = []
__all__ += _generated_files.__all__
