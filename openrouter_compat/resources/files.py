"""`client.files`: openai's `files` resource, with OpenRouter's `workspace_id`/`provider`/cursor parameters on list,
retrieve, delete and content (upload stays openai's `create()`).

The OpenRouter methods are generated (`resources/_generated/files.py`); openai's other methods stay as they are.
"""

from __future__ import annotations

from openai._compat import cached_property
from openai.resources import files as openai_files

from ._generated.files import (
    AsyncGeneratedFiles,
    AsyncGeneratedFilesWithRawResponse,
    AsyncGeneratedFilesWithStreamingResponse,
    GeneratedFiles,
    GeneratedFilesWithRawResponse,
    GeneratedFilesWithStreamingResponse,
)

__all__ = [
    "AsyncFiles",
    "AsyncFilesWithRawResponse",
    "AsyncFilesWithStreamingResponse",
    "Files",
    "FilesWithRawResponse",
    "FilesWithStreamingResponse",
]


class Files(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    GeneratedFiles, openai_files.Files
):
    """openai's files resource with OpenRouter's query parameters."""

    @cached_property
    def with_raw_response(self) -> FilesWithRawResponse:
        return FilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> FilesWithStreamingResponse:
        return FilesWithStreamingResponse(self)


class AsyncFiles(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    AsyncGeneratedFiles, openai_files.AsyncFiles
):
    """The async twin of `Files`."""

    @cached_property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        return AsyncFilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncFilesWithStreamingResponse:
        return AsyncFilesWithStreamingResponse(self)


class FilesWithRawResponse(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    GeneratedFilesWithRawResponse, openai_files.FilesWithRawResponse
):
    """openai's wrappers, then the generated ones (OpenRouter's methods win)."""

    def __init__(self, files: Files) -> None:
        openai_files.FilesWithRawResponse.__init__(self, files)
        GeneratedFilesWithRawResponse.__init__(self, files)


class AsyncFilesWithRawResponse(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    AsyncGeneratedFilesWithRawResponse, openai_files.AsyncFilesWithRawResponse
):
    """openai's wrappers, then the generated ones (OpenRouter's methods win)."""

    def __init__(self, files: AsyncFiles) -> None:
        openai_files.AsyncFilesWithRawResponse.__init__(self, files)
        AsyncGeneratedFilesWithRawResponse.__init__(self, files)


class FilesWithStreamingResponse(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    GeneratedFilesWithStreamingResponse, openai_files.FilesWithStreamingResponse
):
    """openai's wrappers, then the generated ones (OpenRouter's methods win)."""

    def __init__(self, files: Files) -> None:
        openai_files.FilesWithStreamingResponse.__init__(self, files)
        GeneratedFilesWithStreamingResponse.__init__(self, files)


class AsyncFilesWithStreamingResponse(  # type: ignore[misc]  # OpenRouter's methods replace openai's
    AsyncGeneratedFilesWithStreamingResponse, openai_files.AsyncFilesWithStreamingResponse
):
    """openai's wrappers, then the generated ones (OpenRouter's methods win)."""

    def __init__(self, files: AsyncFiles) -> None:
        openai_files.AsyncFilesWithStreamingResponse.__init__(self, files)
        AsyncGeneratedFilesWithStreamingResponse.__init__(self, files)
