"""LangChain's `ChatOpenAI`, unchanged, gets OpenRouter routing from a `with_routing` client.

`ChatOpenAI` accepts pre-built `openai` clients (`client=`/`root_client=` and their async twins); it then
calls `client.chat.completions.create(**payload)` (or `with_raw_response`), so the routed client's defaults
reach the wire and the client's ledger sees the cost, with no OpenRouter code in the LangChain call.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.testing import Emulator

langchain_openai = pytest.importorskip("langchain_openai")

ROUTING: dict[str, Any] = {
    "provider": {"order": ["anthropic", "openai"], "allow_fallbacks": False},
    "reasoning": {"effort": "high"},
}


def _chat_model(emu: Emulator, sync: OpenRouter | None, aio: AsyncOpenRouter | None, **kwargs: Any) -> Any:
    """A stock `ChatOpenAI` wired to our clients; it is given a bare OpenAI model name, as in old code."""
    kwargs.setdefault("model", "gpt-4o-mini")
    return langchain_openai.ChatOpenAI(
        api_key="unused-the-clients-carry-the-key",
        base_url=emu.base_url,
        client=sync.chat.completions if sync else None,
        root_client=sync,
        async_client=aio.chat.completions if aio else None,
        root_async_client=aio,
        **kwargs,
    )


def _bodies(emu: Emulator) -> list[dict[str, Any]]:
    return [request.json for request in emu.requests_to("/chat/completions")]


def _cost(message: Any) -> Decimal:
    return Decimal(repr(message.response_metadata["token_usage"]["cost"]))


def test_invoke_and_stream_carry_the_routing(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    base = OpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0, map_openai_model_names=True)
    routed = base.with_routing(**ROUTING)
    llm = _chat_model(emu, routed, None)

    reply = llm.invoke("Which provider served this?")
    assert reply.content
    chunks = list(llm.stream("And this one?"))
    assert "".join(str(chunk.content) for chunk in chunks)

    bodies = _bodies(emu)
    assert len(bodies) == 2
    for body in bodies:
        assert body["model"] == "openai/gpt-4o-mini"  # the bare name was mapped by the client
        assert body["provider"] == ROUTING["provider"]
        assert body["reasoning"] == ROUTING["reasoning"]
    assert [body["stream"] for body in bodies] == [False, True]

    # OpenRouter's typed cost reaches LangChain's metadata and the client's ledger alike.
    assert base.ledger is routed.ledger
    assert len(base.ledger) == 2
    assert base.ledger.total == emu.total_cost
    assert base.ledger.entries[0].cost == _cost(reply)


def test_langchain_extra_body_merges_over_the_defaults(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    routed = OpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0).with_routing(**ROUTING)
    llm = _chat_model(emu, routed, None, model="openai/gpt-4o-mini", extra_body={"provider": {"sort": "price"}})
    llm.invoke("hi")
    body = _bodies(emu)[-1]
    assert body["provider"] == {**ROUTING["provider"], "sort": "price"}
    assert body["reasoning"] == ROUTING["reasoning"]


async def test_ainvoke_and_astream_carry_the_routing(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    base = AsyncOpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0, map_openai_model_names=True)
    routed = base.with_routing(**ROUTING)
    llm = _chat_model(emu, None, routed)

    reply = await llm.ainvoke("Which provider served this?")
    assert reply.content
    pieces = [chunk.content async for chunk in llm.astream("And this one?")]
    assert "".join(str(piece) for piece in pieces)

    bodies = _bodies(emu)
    assert len(bodies) == 2
    for body in bodies:
        assert body["model"] == "openai/gpt-4o-mini"
        assert body["provider"] == ROUTING["provider"]
        assert body["reasoning"] == ROUTING["reasoning"]
    assert len(base.ledger) == 2
    assert base.ledger.total == emu.total_cost
    assert base.ledger.entries[0].cost == _cost(reply)
    await base.close()
