"""The budget: once the ledger's total reaches `max_cost`, the next billable request raises
`BudgetExceededError` before anything is sent (the emulator sees no request), sync and async."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from openrouter_compat import AsyncOpenRouter, BudgetExceededError, CostLedger, OpenRouter
from openrouter_compat.testing import Emulator

MESSAGES: Any = [{"role": "user", "content": "Spend a little"}]
MODEL = "openai/gpt-4o-mini"


def _client(emu: Emulator, **kwargs: Any) -> OpenRouter:
    return OpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0, **kwargs)


def _one_call_cost(emu: Emulator) -> Decimal:
    """What one chat call to MODEL costs on the emulator (measured, then the emulator is reset)."""
    with _client(emu) as probe:
        probe.chat.completions.create(model=MODEL, messages=MESSAGES)
    cost = emu.total_cost
    emu.reset()
    assert cost > 0
    return cost


def test_first_request_past_the_budget_is_refused_before_sending(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    one = _one_call_cost(emu)
    cap = one * Decimal("1.5")
    with _client(emu, max_cost=cap) as client:
        client.chat.completions.create(model=MODEL, messages=MESSAGES)  # 0 spent: allowed
        client.chat.completions.create(model=MODEL, messages=MESSAGES)  # 1x spent < 1.5x: allowed
        sent = len(emu.requests)
        with pytest.raises(BudgetExceededError) as caught:
            client.chat.completions.create(model=MODEL, messages=MESSAGES)
        assert len(emu.requests) == sent == 2  # the refused request never reached the server
        assert caught.value.spent == client.ledger.total == one * 2
        assert caught.value.limit == cap
        assert "not sent" in str(caught.value)
        # The documented overshoot: at most one request's cost when calls are sequential.
        assert Decimal(0) <= client.ledger.total - cap < one


def test_every_billable_path_is_refused(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    with _client(emu, max_cost=0) as client:
        attempts: list[Any] = [
            lambda: client.chat.completions.create(model=MODEL, messages=MESSAGES),
            lambda: client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True),
            lambda: client.chat.completions.parse(model=MODEL, messages=MESSAGES),
            lambda: client.chat.completions.stream(model=MODEL, messages=MESSAGES).__enter__(),
            lambda: client.embeddings.create(model="openai/text-embedding-3-small", input="x"),
            lambda: client.completions.create(model=MODEL, prompt="x"),
            lambda: client.responses.create(model=MODEL, input="x"),
            lambda: client.chat.completions.with_raw_response.create(model=MODEL, messages=MESSAGES),
        ]
        for attempt in attempts:
            with pytest.raises(BudgetExceededError):
                attempt()
        assert emu.requests == []
        # Requests that cost nothing still work with the budget spent.
        assert client.models.list().data
        assert [r.path for r in emu.requests] == ["/models"]


def test_a_stream_counts_when_its_usage_chunk_arrives(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    with _client(emu, max_cost=Decimal("1e-12")) as client:
        stream = client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
        assert client.ledger.total == 0  # nothing known before the usage chunk
        for _ in stream:
            pass
        assert client.ledger.total == emu.total_cost > 0
        with pytest.raises(BudgetExceededError):
            client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
        assert len(emu.requests_to("/chat/completions")) == 1


def test_a_ledger_budget_binds_every_client_sharing_it(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    ledger = CostLedger(max_cost=Decimal("1e-12"))
    with _client(emu, ledger=ledger) as first, _client(emu, ledger=ledger) as second:
        first.chat.completions.create(model=MODEL, messages=MESSAGES)
        with pytest.raises(BudgetExceededError):
            second.chat.completions.create(model=MODEL, messages=MESSAGES)
        with pytest.raises(BudgetExceededError):
            second.with_options(timeout=5).chat.completions.create(model=MODEL, messages=MESSAGES)
    assert len(emu.requests) == 1


def test_copies_keep_the_cap_and_can_change_it(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    with _client(emu, max_cost=Decimal("1e-12")) as client:
        client.chat.completions.create(model=MODEL, messages=MESSAGES)
        with pytest.raises(BudgetExceededError):
            client.with_routing(provider={"sort": "price"}).chat.completions.create(model=MODEL, messages=MESSAGES)
        raised = client.with_options(max_cost=1)
        raised.chat.completions.create(model=MODEL, messages=MESSAGES)  # same ledger, higher cap
        assert len(client.ledger) == 2
        client.ledger.reset()  # a reset ledger starts spending from zero again
        client.chat.completions.create(model=MODEL, messages=MESSAGES)
    assert len(emu.requests) == 3


async def test_async_budget_refuses_before_sending(openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    one = _one_call_cost(emu)
    async with AsyncOpenRouter(
        api_key=emu.api_key, base_url=emu.base_url, max_retries=0, max_cost=one * Decimal("1.5")
    ) as client:
        await client.chat.completions.create(model=MODEL, messages=MESSAGES)
        stream = await client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
        async for _ in stream:
            pass
        with pytest.raises(BudgetExceededError) as caught:
            await client.chat.completions.create(model=MODEL, messages=MESSAGES)
        with pytest.raises(BudgetExceededError):
            await client.embeddings.create(model="openai/text-embedding-3-small", input="x")
        with pytest.raises(BudgetExceededError):
            await client.responses.create(model=MODEL, input="x")
        assert caught.value.spent == client.ledger.total == emu.total_cost
        assert len(emu.requests) == 2
