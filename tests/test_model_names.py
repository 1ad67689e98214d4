"""`map_openai_model_names=True`: bare OpenAI names become `openai/<name>` on the wire; off by default."""

from __future__ import annotations

import typing
from typing import Any

import pytest
from openai.types import EmbeddingModel
from openai.types.shared import ChatModel

from openrouter_compat import AsyncOpenRouter, BadRequestError, OpenRouter, OpenRouterValidationError
from openrouter_compat.lib.model_names import known_openai_models, to_openrouter_model
from openrouter_compat.testing import Emulator

MESSAGES: Any = [{"role": "user", "content": "hi"}]
VARIANTS = ("free", "nitro", "floor", "online", "exacto", "thinking", "extended")


def _sent_model(emu: Emulator, path: str) -> str:
    body = emu.requests_to(path)[-1].json
    assert isinstance(body, dict)
    return str(body["model"])


def test_off_by_default(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    # sent as written, so OpenRouter (here the strict emulator) refuses the bare name
    with pytest.raises(BadRequestError, match=r"gpt-4o-mini is not a valid model ID \(did you mean openai/gpt-4o-mini"):
        client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert _sent_model(openrouter_emulator, "/chat/completions") == "gpt-4o-mini"


def test_every_endpoint_maps_bare_names(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    with OpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0, map_openai_model_names=True) as c:
        c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
        assert _sent_model(emu, "/chat/completions") == "openai/gpt-4o-mini"
        for _ in c.chat.completions.create(model="gpt-4o", messages=MESSAGES, stream=True):
            pass
        assert _sent_model(emu, "/chat/completions") == "openai/gpt-4o"
        c.chat.completions.parse(model="gpt-4.1-mini", messages=MESSAGES)
        assert _sent_model(emu, "/chat/completions") == "openai/gpt-4.1-mini"
        c.embeddings.create(model="text-embedding-3-small", input="x")
        assert _sent_model(emu, "/embeddings") == "openai/text-embedding-3-small"
        c.completions.create(model="gpt-3.5-turbo-instruct", prompt="x")
        assert _sent_model(emu, "/completions") == "openai/gpt-3.5-turbo-instruct"
        c.responses.create(model="gpt-4o-mini", input="x")
        assert _sent_model(emu, "/responses") == "openai/gpt-4o-mini"


def test_variants_and_vendor_ids_pass_through(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    with OpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0, map_openai_model_names=True) as c:
        for variant in VARIANTS:
            c.chat.completions.create(model=f"gpt-4o-mini:{variant}", messages=MESSAGES)
            assert _sent_model(emu, "/chat/completions") == f"openai/gpt-4o-mini:{variant}"
        for model_id in ("anthropic/claude-sonnet-4.5:thinking", "openrouter/auto", "openai/gpt-4o:nitro"):
            c.chat.completions.create(model=model_id, messages=MESSAGES)
            assert _sent_model(emu, "/chat/completions") == model_id


def test_unknown_bare_name_is_refused_before_sending(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    with OpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0, map_openai_model_names=True) as c:
        with pytest.raises(OpenRouterValidationError, match=r"'gpt-4o-mni'.*did you mean 'gpt-4o-mini'") as caught:
            c.chat.completions.create(model="gpt-4o-mni", messages=MESSAGES)
        assert caught.value.field == "model"
        with pytest.raises(OpenRouterValidationError, match=r"claude-sonnet-4\.5"):
            c.chat.completions.create(model="claude-sonnet-4.5", messages=MESSAGES)  # not an OpenAI model
    assert emu.requests == []


def test_copies_keep_the_option_and_can_turn_it_off(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    with OpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0, map_openai_model_names=True) as c:
        c.with_routing(provider={"sort": "price"}).chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
        assert _sent_model(emu, "/chat/completions") == "openai/gpt-4o-mini"
        with pytest.raises(BadRequestError, match="not a valid model ID"):
            c.with_options(map_openai_model_names=False).chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
        assert _sent_model(emu, "/chat/completions") == "gpt-4o-mini"


async def test_async_maps_bare_names(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    async with AsyncOpenRouter(
        api_key=emu.api_key, base_url=emu.base_url, max_retries=0, map_openai_model_names=True
    ) as c:
        await c.chat.completions.create(model="gpt-4o-mini:online", messages=MESSAGES)
        assert _sent_model(emu, "/chat/completions") == "openai/gpt-4o-mini:online"
        await c.embeddings.create(model="text-embedding-3-large", input="x")
        assert _sent_model(emu, "/embeddings") == "openai/text-embedding-3-large"
        with pytest.raises(OpenRouterValidationError):
            await c.chat.completions.create(model="not-a-model", messages=MESSAGES)
    assert len(emu.requests) == 2


def test_known_names_follow_the_installed_openai_literals() -> None:
    chat_names = {name for name in typing.get_args(ChatModel) if isinstance(name, str)}
    embedding_names = set(typing.get_args(EmbeddingModel))
    assert chat_names | embedding_names <= known_openai_models()
    for name in sorted(chat_names)[:20]:
        assert to_openrouter_model(name) == f"openai/{name}"
    assert to_openrouter_model("@preset/my-preset") == "@preset/my-preset"
