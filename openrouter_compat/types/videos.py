"""Types of `client.videos` (`/videos`): OpenRouter's video jobs, video models and their parameters.

They are generated from the spec into `types/_generated/videos.py`; this is the module to import them from.
"""

from __future__ import annotations

from ._generated import videos as _generated_videos
from ._generated.videos import *  # noqa: F403  # every public name of the generated half

__all__: list[str] = []
__all__ += _generated_videos.__all__
