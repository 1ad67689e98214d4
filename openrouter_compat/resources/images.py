"""`client.images`: openai's `images` resource, with `generate()` posting OpenRouter's body to `POST /images` (openai's
posts to `/images/generations`, which OpenRouter does not serve), plus `models()` and `endpoints()`.

The OpenRouter methods are generated (`resources/_generated/images.py`); openai's other methods stay as they are.
"""

from __future__ import annotations

from openai._compat import cached_property
from openai.resources import images as openai_images

from ._generated.images import (
    AsyncGeneratedImages,
    AsyncGeneratedImagesWithRawResponse,
    AsyncGeneratedImagesWithStreamingResponse,
    GeneratedImages,
    GeneratedImagesWithRawResponse,
    GeneratedImagesWithStreamingResponse,
)

__all__ = [
    "AsyncImages",
    "AsyncImagesWithRawResponse",
    "AsyncImagesWithStreamingResponse",
    "Images",
    "ImagesWithRawResponse",
    "ImagesWithStreamingResponse",
]


class Images(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    GeneratedImages, openai_images.Images
):
    """openai's images resource; `generate(model=..., prompt=...)` sends OpenRouter's `POST /images`."""

    @cached_property
    def with_raw_response(self) -> ImagesWithRawResponse:
        return ImagesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ImagesWithStreamingResponse:
        return ImagesWithStreamingResponse(self)


class AsyncImages(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    AsyncGeneratedImages, openai_images.AsyncImages
):
    """The async twin of `Images`."""

    @cached_property
    def with_raw_response(self) -> AsyncImagesWithRawResponse:
        return AsyncImagesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncImagesWithStreamingResponse:
        return AsyncImagesWithStreamingResponse(self)


class ImagesWithRawResponse(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    GeneratedImagesWithRawResponse, openai_images.ImagesWithRawResponse
):
    """openai's wrappers, then the generated ones (OpenRouter's methods win)."""

    def __init__(self, images: Images) -> None:
        openai_images.ImagesWithRawResponse.__init__(self, images)
        GeneratedImagesWithRawResponse.__init__(self, images)


class AsyncImagesWithRawResponse(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    AsyncGeneratedImagesWithRawResponse, openai_images.AsyncImagesWithRawResponse
):
    """openai's wrappers, then the generated ones (OpenRouter's methods win)."""

    def __init__(self, images: AsyncImages) -> None:
        openai_images.AsyncImagesWithRawResponse.__init__(self, images)
        AsyncGeneratedImagesWithRawResponse.__init__(self, images)


class ImagesWithStreamingResponse(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    GeneratedImagesWithStreamingResponse, openai_images.ImagesWithStreamingResponse
):
    """openai's wrappers, then the generated ones (OpenRouter's methods win)."""

    def __init__(self, images: Images) -> None:
        openai_images.ImagesWithStreamingResponse.__init__(self, images)
        GeneratedImagesWithStreamingResponse.__init__(self, images)


class AsyncImagesWithStreamingResponse(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    AsyncGeneratedImagesWithStreamingResponse, openai_images.AsyncImagesWithStreamingResponse
):
    """openai's wrappers, then the generated ones (OpenRouter's methods win)."""

    def __init__(self, images: AsyncImages) -> None:
        openai_images.AsyncImagesWithStreamingResponse.__init__(self, images)
        AsyncGeneratedImagesWithStreamingResponse.__init__(self, images)
