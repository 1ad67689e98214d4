"""Type-checked by tests/test_naming.py: code written against the names before the naming rule still type-checks
(the deprecated aliases are visible to type checkers, and are the new classes)."""

from __future__ import annotations

from openrouter_compat import OpenRouter
from openrouter_compat.resources.credits import CreditsResource
from openrouter_compat.resources.files_generated import GeneratedFiles
from openrouter_compat.resources.key import AsyncKeyResource, KeyResource, KeyResourceWithRawResponse
from openrouter_compat.types.api_key import ApiKey, KeyCreateParams, KeyListParams
from openrouter_compat.types.files_generated import FileResponse
from openrouter_compat.types.generation import Generation
from openrouter_compat.types.provider import Provider


def old_names(client: OpenRouter) -> None:
    key: KeyResource = client.key
    credits: CreditsResource = client.credits
    files: GeneratedFiles = client.files
    raw: KeyResourceWithRawResponse = client.with_raw_response.key
    params: KeyListParams = {"include_disabled": True}
    created: KeyCreateParams = {"name": "ci"}
    keys: list[ApiKey] = client.keys.list(**params)
    generation: Generation = client.generations.retrieve("gen-1")
    providers: list[Provider] = client.providers.list()
    promoted: FileResponse = client.containers.files.promote("file-1", container_id="c-1")
    assert key and credits and files and raw and created and keys and generation and providers and promoted
    assert AsyncKeyResource.__name__ == "AsyncKey"
