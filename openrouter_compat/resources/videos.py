"""`client.videos`: openai's `videos` resource, with OpenRouter's `POST /videos` job fields, `retrieve()`,
`download_content()`, `models()` and `wait()`.

The OpenRouter methods are generated (`resources/_generated/videos.py`); openai's other methods stay as they are.
"""

from __future__ import annotations

import asyncio
import time

from openai._compat import cached_property
from openai.resources import videos as openai_videos

from ..types.videos import VideoGenerationResponse
from ._generated.videos import (
    AsyncGeneratedVideos,
    AsyncGeneratedVideosWithRawResponse,
    AsyncGeneratedVideosWithStreamingResponse,
    GeneratedVideos,
    GeneratedVideosWithRawResponse,
    GeneratedVideosWithStreamingResponse,
)

__all__ = [
    "DONE",
    "MAX_INTERVAL",
    "AsyncVideos",
    "AsyncVideosWithRawResponse",
    "AsyncVideosWithStreamingResponse",
    "Videos",
    "VideosWithRawResponse",
    "VideosWithStreamingResponse",
]

DONE = frozenset({"completed", "failed", "cancelled", "expired"})
"""Job states after which `wait()` stops polling."""

MAX_INTERVAL = 10.0
"""`wait()` polls after `interval` seconds, doubling up to this."""


class Videos(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    GeneratedVideos, openai_videos.Videos
):
    """openai's videos resource; `create()`/`retrieve()`/`download_content()` speak OpenRouter's `/videos` jobs."""

    @cached_property
    def with_raw_response(self) -> VideosWithRawResponse:
        return VideosWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> VideosWithStreamingResponse:
        return VideosWithStreamingResponse(self)

    def wait(self, job_id: str, *, timeout: float = 600.0, interval: float = 1.0) -> VideoGenerationResponse:
        """Poll `retrieve(job_id)` until the job is completed, failed, cancelled or expired, or `timeout`
        seconds have passed: the last state seen is returned either way (check `.status`)."""
        deadline = time.monotonic() + timeout
        while True:
            job = self.retrieve(job_id)
            if job.status in DONE or time.monotonic() + interval > deadline:
                return job
            time.sleep(interval)
            interval = min(interval * 2, MAX_INTERVAL)


class AsyncVideos(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    AsyncGeneratedVideos, openai_videos.AsyncVideos
):
    """The async twin of `Videos`."""

    @cached_property
    def with_raw_response(self) -> AsyncVideosWithRawResponse:
        return AsyncVideosWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncVideosWithStreamingResponse:
        return AsyncVideosWithStreamingResponse(self)

    async def wait(self, job_id: str, *, timeout: float = 600.0, interval: float = 1.0) -> VideoGenerationResponse:
        """The async twin of `Videos.wait`."""
        deadline = time.monotonic() + timeout
        while True:
            job = await self.retrieve(job_id)
            if job.status in DONE or time.monotonic() + interval > deadline:
                return job
            await asyncio.sleep(interval)
            interval = min(interval * 2, MAX_INTERVAL)


class VideosWithRawResponse(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    GeneratedVideosWithRawResponse, openai_videos.VideosWithRawResponse
):
    """openai's wrappers, then the generated ones (OpenRouter's methods win)."""

    def __init__(self, videos: Videos) -> None:
        openai_videos.VideosWithRawResponse.__init__(self, videos)
        GeneratedVideosWithRawResponse.__init__(self, videos)


class AsyncVideosWithRawResponse(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    AsyncGeneratedVideosWithRawResponse, openai_videos.AsyncVideosWithRawResponse
):
    """openai's wrappers, then the generated ones (OpenRouter's methods win)."""

    def __init__(self, videos: AsyncVideos) -> None:
        openai_videos.AsyncVideosWithRawResponse.__init__(self, videos)
        AsyncGeneratedVideosWithRawResponse.__init__(self, videos)


class VideosWithStreamingResponse(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    GeneratedVideosWithStreamingResponse, openai_videos.VideosWithStreamingResponse
):
    """openai's wrappers, then the generated ones (OpenRouter's methods win)."""

    def __init__(self, videos: Videos) -> None:
        openai_videos.VideosWithStreamingResponse.__init__(self, videos)
        GeneratedVideosWithStreamingResponse.__init__(self, videos)


class AsyncVideosWithStreamingResponse(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    AsyncGeneratedVideosWithStreamingResponse, openai_videos.AsyncVideosWithStreamingResponse
):
    """openai's wrappers, then the generated ones (OpenRouter's methods win)."""

    def __init__(self, videos: AsyncVideos) -> None:
        openai_videos.AsyncVideosWithStreamingResponse.__init__(self, videos)
        AsyncGeneratedVideosWithStreamingResponse.__init__(self, videos)
