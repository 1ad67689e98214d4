"""The generated discriminated result unions: a tag picks its member, an unknown tag stays unknown (kept whole)."""

from __future__ import annotations

import json
import typing
from typing import Any

import httpx2
import pydantic
import pytest
from openai._models import construct_type

from openrouter_compat import OpenRouter
from openrouter_compat.types import UnknownVariant, files, messages, observability
from openrouter_compat.types._variant import UNKNOWN_TAG

FILE = {
    "created_at": "2025-01-01T00:00:00Z",
    "downloadable": False,
    "filename": "document.pdf",
    "id": "file_1",
    "mime_type": "application/pdf",
    "size_bytes": 1024,
    "type": "file",
}
"""Fields that fit both `OpenRouterFile` and `AnthropicFile`: only `_shape` tells them apart."""


def build(annotation: Any, body: object) -> Any:
    """`body` parsed the way the client parses a response (`openai`'s lenient `construct_type`)."""
    return construct_type(type_=annotation, value=body)


def test_the_tag_picks_its_member_even_when_the_fields_fit_another() -> None:
    for shape, cls in (("anthropic", files.AnthropicFile), ("openrouter", files.OpenRouterFile)):
        body = {"_shape": shape, **FILE}
        assert type(build(files.FileResponse, body)) is cls
        assert type(pydantic.TypeAdapter(files.FileResponse).validate_python(body)) is cls


def test_an_unknown_tag_gives_the_fallback_with_its_data_intact() -> None:
    body = {"_shape": "gemini", **FILE, "extra": {"nested": [1, 2]}}
    for parsed in (build(files.FileResponse, body), pydantic.TypeAdapter(files.FileResponse).validate_python(body)):
        assert type(parsed) is files.UnknownFileResponse
        assert isinstance(parsed, UnknownVariant)
        assert parsed.shape_ == "gemini"
        assert parsed.to_dict() == body  # every field kept as sent


def test_a_known_tag_with_a_bad_field_stays_its_member_built_leniently() -> None:
    body = {"_shape": "anthropic", **FILE, "size_bytes": "big"}
    parsed = build(files.FileResponse, body)
    assert type(parsed) is files.AnthropicFile  # not OpenRouterFile (the first member), not the fallback
    assert parsed.size_bytes == "big"
    with pytest.raises(pydantic.ValidationError, match="size_bytes"):  # strict validation still refuses it
        pydantic.TypeAdapter(files.FileResponse).validate_python(body)


def test_the_fallback_refuses_a_known_tag() -> None:
    with pytest.raises(pydantic.ValidationError, match="known member"):
        files.UnknownFileResponse.model_validate({"_shape": "openai", **FILE})
    assert files.UnknownFileResponse.discriminate({"_shape": "openai"}) == "openai"
    assert files.UnknownFileResponse.discriminate({"_shape": "x"}) == UNKNOWN_TAG
    assert files.UnknownFileResponse.discriminate({}) == UNKNOWN_TAG
    member = files.OpenAIFile.construct(_shape="openai")
    assert files.UnknownFileResponse.discriminate(member) == "openai"  # a model instance: by its attribute


def test_list_items_and_nullable_unions_are_tagged_too() -> None:
    blocks = [{"type": "text", "text": "hi", "citations": None}, {"type": "brand_new_block", "payload": {"a": 1}}]
    parsed = build(list[messages.ORAnthropicContentBlock], blocks)
    assert type(parsed[0]) is messages.AnthropicTextBlock
    assert type(parsed[1]) is messages.UnknownORAnthropicContentBlock
    assert parsed[1].type == "brand_new_block" and parsed[1].to_dict()["payload"] == {"a": 1}
    result = build(messages.MessagesResult, {"id": "m", "content": blocks})  # a field of a result model
    assert [type(block) for block in result.content] == [type(block) for block in parsed]
    assert build(messages.ORAnthropicNullableCaller, None) is None
    caller = build(messages.ORAnthropicNullableCaller, {"type": "code_execution_20991231", "tool_id": "t"})
    assert type(caller) is messages.UnknownORAnthropicNullableCaller
    assert type(build(messages.ORAnthropicNullableCaller, {"type": "direct"})) is messages.AnthropicDirectCaller


def test_an_unknown_destination_type_does_not_fail_or_misparse() -> None:
    body = {"type": "new-sink", "id": "d1", "config": {"url": "https://sink.example"}}
    parsed = build(observability.ObservabilityDestination, body)
    assert type(parsed) is observability.UnknownObservabilityDestination
    assert parsed.to_dict() == body


def test_a_union_hand_code_wraps_stays_plain() -> None:
    # codegen/config.py PLAIN_UNIONS: `_streaming_messages` tags the stream events with its own unknown class.
    assert not hasattr(messages, "UnknownMessagesStreamEvents")
    assert messages.MessagesStopEvent in typing.get_args(messages.MessagesStreamEvents)


def test_every_fallback_knows_exactly_its_unions_tags() -> None:
    unions = [
        (files.FileResponse, files.UnknownFileResponse),
        (files.FileListResponse, files.UnknownFileListResponse),
        (messages.ORAnthropicContentBlock, messages.UnknownORAnthropicContentBlock),
        (observability.ObservabilityDestination, observability.UnknownObservabilityDestination),
    ]
    for union, fallback in unions:
        inner = typing.get_args(union)[0]
        tags = {typing.get_args(member)[1].tag for member in typing.get_args(inner)}
        assert tags == {*fallback.tags.values(), UNKNOWN_TAG}


def test_the_client_parses_an_unknown_file_shape_as_the_fallback() -> None:
    body = {"_shape": "gemini", **FILE}

    def answer(request: httpx2.Request) -> httpx2.Response:
        assert request.url.path.endswith("/files/file_1")
        return httpx2.Response(200, content=json.dumps(body).encode(), headers={"content-type": "application/json"})

    http = httpx2.Client(transport=httpx2.MockTransport(answer))
    with OpenRouter(api_key="sk-or-test", http_client=http, max_retries=0) as client:
        parsed: Any = client.files.retrieve("file_1")
        assert type(parsed) is files.UnknownFileResponse
        assert parsed.to_dict() == body
        body["_shape"] = "anthropic"
        assert type(client.files.retrieve("file_1")) is files.AnthropicFile
