"""`client.containers`: openai's `containers`, whose `files` gains OpenRouter's
`promote()` (`POST /containers/{container_id}/files/{file_id}/promote`: copy a container file into `/files`).

openai's `containers.files.list/retrieve/content.retrieve` already send OpenRouter's paths and are kept as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import httpx2
from openai._compat import cached_property
from openai._types import Body, Headers, NotGiven, Query, not_given
from openai.resources.containers import containers as openai_containers
from openai.resources.containers.files import files as openai_files

from .._lazy import deprecated_aliases
from ..types.files import FileResponse
from ._platform import platform_options
from ._spec import result_type, spec_path

__all__ = [
    "AsyncContainersFiles",
    "AsyncContainers",
    "AsyncContainersWithRawResponse",
    "AsyncContainersWithStreamingResponse",
    "ContainersFiles",
    "Containers",
    "ContainersWithRawResponse",
    "ContainersWithStreamingResponse",
]

_PROMOTE = "/containers/{container_id}/files/{file_id}/promote"

# openai's wrappers serve ours unchanged (`promote` is called directly).
ContainersWithRawResponse = openai_containers.ContainersWithRawResponse
AsyncContainersWithRawResponse = openai_containers.AsyncContainersWithRawResponse
ContainersWithStreamingResponse = openai_containers.ContainersWithStreamingResponse
AsyncContainersWithStreamingResponse = openai_containers.AsyncContainersWithStreamingResponse


class ContainersFiles(openai_files.Files):
    """openai's container files, plus `promote()`."""

    def promote(
        self,
        file_id: str,
        *,
        container_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> FileResponse:
        """Copy the container file `file_id` into the account's `/files` and return the new file."""
        return self._post(
            spec_path(_PROMOTE, container_id=container_id, file_id=file_id),
            options=platform_options(extra_headers, extra_query, extra_body, timeout),
            cast_to=cast("type[FileResponse]", result_type(FileResponse)),
        )


class AsyncContainersFiles(openai_files.AsyncFiles):
    """The async twin of `ContainersFiles`."""

    async def promote(
        self,
        file_id: str,
        *,
        container_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> FileResponse:
        """The async twin of `ContainersFiles.promote`."""
        return await self._post(
            spec_path(_PROMOTE, container_id=container_id, file_id=file_id),
            options=platform_options(extra_headers, extra_query, extra_body, timeout),
            cast_to=cast("type[FileResponse]", result_type(FileResponse)),
        )


class Containers(openai_containers.Containers):
    """openai's containers, whose `files` has `promote()`."""

    @cached_property
    def files(self) -> ContainersFiles:
        return ContainersFiles(self._client)


class AsyncContainers(openai_containers.AsyncContainers):
    """The async twin of `Containers`."""

    @cached_property
    def files(self) -> AsyncContainersFiles:
        return AsyncContainersFiles(self._client)


# The names before the naming rule (docs/architecture.md, "Naming"): they still work, with a DeprecationWarning.
if TYPE_CHECKING:
    ContainerFiles = ContainersFiles
    AsyncContainerFiles = AsyncContainersFiles
else:
    __getattr__ = deprecated_aliases(
        __name__,
        {
            "ContainerFiles": (__name__, "ContainersFiles"),
            "AsyncContainerFiles": (__name__, "AsyncContainersFiles"),
        },
    )
