"""Types of `client.images` (`/images`): OpenRouter's image generation results, image models and their parameters.

They are generated from the spec into `types/_generated/images.py`; this is the module to import them from.
"""

from __future__ import annotations

from ._generated import images as _generated_images
from ._generated.images import *  # noqa: F403  # every public name of the generated half

__all__: list[str] = []
__all__ += _generated_images.__all__
