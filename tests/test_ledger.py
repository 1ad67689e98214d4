"""The cost ledger: exact totals over mixed calls (sync and async), sharing, reset, threads, reconciliation.

Every call goes to the local emulator over 127.0.0.1; `emu.total_cost` is what the emulator charged, so
"ledger total == sum of usage.cost in the responses == emulator's bill" is checked end to end.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import pytest

from openrouter_compat import (
    AsyncOpenRouter,
    BudgetExceededError,
    CostLedger,
    MidStreamError,
    OpenRouter,
    ResponseMetadata,
    StreamInterruptedError,
)
from openrouter_compat.testing import Emulator, Fault

MESSAGES: Any = [{"role": "user", "content": "Say something about ledgers"}]
CHAT_MODELS = ("openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5")
EMBED_MODEL = "openai/text-embedding-3-small"


def _dec(cost: float | None) -> Decimal:
    assert cost is not None, "the emulator always reports usage.cost"
    return Decimal(repr(cost))


def _mixed_calls_sync(client: OpenRouter) -> list[Decimal]:
    """Plain, streamed, embeddings, legacy completions and responses calls; the cost each one reported."""
    costs: list[Decimal] = []
    for model in CHAT_MODELS:
        completion = client.chat.completions.create(model=model, messages=MESSAGES)
        assert completion.usage is not None
        costs.append(_dec(completion.usage.cost))
        stream = client.chat.completions.create(model=model, messages=MESSAGES, stream=True)
        usage_costs = [_dec(chunk.usage.cost) for chunk in stream if chunk.usage is not None]
        assert len(usage_costs) == 1
        costs += usage_costs
    embedding = client.embeddings.create(model=EMBED_MODEL, input=["one", "two"])
    costs.append(_dec(embedding.usage.cost))
    text = client.completions.create(model=CHAT_MODELS[0], prompt="Once upon a time")
    assert text.usage is not None
    costs.append(_dec(text.usage.cost))
    text_stream = client.completions.create(model=CHAT_MODELS[1], prompt="Once upon a time", stream=True)
    costs += [_dec(chunk.usage.cost) for chunk in text_stream if chunk.usage is not None]
    response = client.responses.create(model=CHAT_MODELS[0], input="hello")
    assert response.usage is not None
    costs.append(_dec(response.usage.cost))
    events = client.responses.create(model=CHAT_MODELS[1], input="hello", stream=True)
    for event in events:
        if event.type == "response.completed":
            assert event.response.usage is not None
            costs.append(_dec(event.response.usage.cost))
    return costs


async def _mixed_calls_async(client: AsyncOpenRouter) -> list[Decimal]:
    """The async twin of `_mixed_calls_sync`."""
    costs: list[Decimal] = []
    for model in CHAT_MODELS:
        completion = await client.chat.completions.create(model=model, messages=MESSAGES)
        assert completion.usage is not None
        costs.append(_dec(completion.usage.cost))
        stream = await client.chat.completions.create(model=model, messages=MESSAGES, stream=True)
        usage_costs = [_dec(chunk.usage.cost) async for chunk in stream if chunk.usage is not None]
        assert len(usage_costs) == 1
        costs += usage_costs
    embedding = await client.embeddings.create(model=EMBED_MODEL, input=["one", "two"])
    costs.append(_dec(embedding.usage.cost))
    text = await client.completions.create(model=CHAT_MODELS[0], prompt="Once upon a time")
    assert text.usage is not None
    costs.append(_dec(text.usage.cost))
    text_stream = await client.completions.create(model=CHAT_MODELS[1], prompt="Once upon a time", stream=True)
    costs += [_dec(chunk.usage.cost) async for chunk in text_stream if chunk.usage is not None]
    response = await client.responses.create(model=CHAT_MODELS[0], input="hello")
    assert response.usage is not None
    costs.append(_dec(response.usage.cost))
    events = await client.responses.create(model=CHAT_MODELS[1], input="hello", stream=True)
    async for event in events:
        if event.type == "response.completed":
            assert event.response.usage is not None
            costs.append(_dec(event.response.usage.cost))
    return costs


def _check_totals(ledger: CostLedger, costs: list[Decimal], emu: Emulator) -> None:
    assert all(cost > 0 for cost in costs)
    assert len(ledger) == len(costs) == 9
    assert ledger.total == sum(costs) == emu.total_cost
    assert ledger.reported_total == ledger.total
    assert sum(ledger.by_model().values()) == ledger.total
    assert sum(ledger.by_provider().values()) == ledger.total
    assert set(ledger.by_model()) == {*CHAT_MODELS, EMBED_MODEL}
    kinds = [(entry.kind, entry.streamed) for entry in ledger.entries]
    assert kinds.count(("chat.completion", True)) == 2
    assert kinds.count(("chat.completion", False)) == 2
    assert {("embedding", False), ("response", False), ("response", True)} <= set(kinds)
    assert {("text_completion", False), ("text_completion", True)} <= set(kinds)


def test_mixed_calls_sum_exactly_sync(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    costs = _mixed_calls_sync(client)
    _check_totals(client.ledger, costs, openrouter_emulator)


async def test_mixed_calls_sum_exactly_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    costs = await _mixed_calls_async(async_client)
    _check_totals(async_client.ledger, costs, openrouter_emulator)


def test_by_model_and_provider_group_the_entries(client: OpenRouter) -> None:
    first = client.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES)
    second = client.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES)
    third = client.chat.completions.create(model=CHAT_MODELS[1], messages=MESSAGES)
    by_model = client.ledger.by_model()
    assert by_model[CHAT_MODELS[0]] == _dec(first.usage.cost if first.usage else None) + _dec(
        second.usage.cost if second.usage else None
    )
    assert by_model[CHAT_MODELS[1]] == _dec(third.usage.cost if third.usage else None)
    providers = {first.provider, third.provider}
    assert set(client.ledger.by_provider()) == providers


def test_copies_share_the_ledger_and_a_new_one_can_be_given(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    copy = client.with_options(timeout=30)
    routed = client.with_routing(provider={"sort": "price"})
    assert copy.ledger is client.ledger is routed.ledger
    client.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES)
    copy.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES)
    routed.embeddings.create(model=EMBED_MODEL, input="x")
    assert len(client.ledger) == 3
    assert client.ledger.total == openrouter_emulator.total_cost

    separate = client.copy(ledger=CostLedger())
    separate.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES)
    assert len(separate.ledger) == 1
    assert len(client.ledger) == 3
    assert client.ledger.total + separate.ledger.total == openrouter_emulator.total_cost


def test_one_ledger_shared_by_sync_and_async_clients(openrouter_emulator: Emulator) -> None:
    ledger = CostLedger()
    emu = openrouter_emulator
    sync = OpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0, ledger=ledger)
    sync.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES)

    async def run() -> None:
        async with AsyncOpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0, ledger=ledger) as a:
            await a.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES)

    asyncio.run(run())
    sync.close()
    assert len(ledger) == 2
    assert ledger.total == emu.total_cost


def test_reset_forgets_entries(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    client.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES)
    assert client.ledger.total > 0
    client.ledger.reset()
    assert client.ledger.total == 0
    assert client.ledger.entries == []
    client.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES)
    assert len(client.ledger) == 1
    assert client.ledger.entries[0].seq == 1  # sequence numbers are never reused


def test_parallel_threads_lose_nothing(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    def call(i: int) -> Decimal:
        if i % 3 == 0:  # every third call streams
            stream = client.chat.completions.create(model=CHAT_MODELS[i % 2], messages=MESSAGES, stream=True)
            return sum((_dec(chunk.usage.cost) for chunk in stream if chunk.usage is not None), Decimal(0))
        completion = client.chat.completions.create(model=CHAT_MODELS[i % 2], messages=MESSAGES)
        return _dec(completion.usage.cost if completion.usage else None)

    with ThreadPoolExecutor(max_workers=8) as pool:
        costs = list(pool.map(call, range(24)))
    assert len(client.ledger) == 24
    assert client.ledger.total == sum(costs) == openrouter_emulator.total_cost


def test_record_is_atomic_under_contention() -> None:
    ledger = CostLedger()
    barrier = threading.Barrier(8)

    def hammer(worker: int) -> None:
        barrier.wait()
        for i in range(500):
            meta = ResponseMetadata(generation_id=f"gen-{worker}-{i}", model="m", cost=0.1)
            ledger.record(meta, kind="chat.completion")

    threads = [threading.Thread(target=hammer, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ledger) == 4000
    assert ledger.total == Decimal("400.0")  # exact: 4000 x Decimal("0.1"), no float drift
    assert sorted(entry.seq for entry in ledger.entries) == list(range(4000))


async def test_concurrent_tasks_lose_nothing(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    results = await asyncio.gather(
        *(async_client.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES) for _ in range(12))
    )
    assert len(async_client.ledger) == 12
    assert async_client.ledger.total == sum(_dec(r.usage.cost if r.usage else None) for r in results)
    assert async_client.ledger.total == openrouter_emulator.total_cost


def test_same_generation_is_recorded_once() -> None:
    ledger = CostLedger()
    meta = ResponseMetadata(generation_id="gen-1", model="m", cost=0.5)
    assert ledger.record(meta, kind="chat.completion") is not None
    assert ledger.record(meta, kind="chat.completion") is None
    assert ledger.total == Decimal("0.5")


def test_raw_responses_count_once(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    raw = client.chat.completions.with_raw_response.create(model=CHAT_MODELS[0], messages=MESSAGES)
    first = raw.parse()
    second = raw.parse()
    assert first is second
    assert len(client.ledger) == 1
    assert client.ledger.total == openrouter_emulator.total_cost

    with client.chat.completions.with_streaming_response.create(model=CHAT_MODELS[0], messages=MESSAGES) as resp:
        resp.parse()
    assert len(client.ledger) == 2
    assert client.ledger.total == openrouter_emulator.total_cost


def test_no_generation_request_unless_reconciling(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    costs = _mixed_calls_sync(client)
    assert openrouter_emulator.requests_to("/generation") == []
    pending = client.ledger.pending()
    assert len(pending) == len(costs)

    total = client.ledger.reconcile(client)
    assert len(openrouter_emulator.requests_to("/generation")) == len(costs)
    assert total == openrouter_emulator.total_cost == sum(costs)
    assert all(entry.exact_cost == entry.cost for entry in client.ledger.entries)
    assert client.ledger.pending() == []

    client.ledger.reconcile(client)  # nothing left to fetch
    assert len(openrouter_emulator.requests_to("/generation")) == len(costs)


async def test_areconcile_waits_for_late_generations(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    await async_client.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES)
    assert openrouter_emulator.requests_to("/generation") == []
    openrouter_emulator.generation_not_ready_for = 1
    total = await async_client.ledger.areconcile(async_client, wait=5)
    assert len(openrouter_emulator.requests_to("/generation")) == 2  # one 404, then the stats
    assert total == openrouter_emulator.total_cost
    assert async_client.ledger.entries[0].exact_cost == async_client.ledger.entries[0].cost


def test_max_cost_must_be_a_non_negative_number() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        CostLedger(max_cost=-1)
    assert CostLedger(max_cost="0.25").max_cost == Decimal("0.25")


def test_a_stream_failing_midway_records_its_partial_cost(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/chat/completions", Fault.midstream_error(after_chunks=3))
    stream = client.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES, stream=True)
    with pytest.raises(MidStreamError) as caught:
        for _ in stream:
            pass
    partial = caught.value.partial
    assert partial is not None and partial.usage is not None
    assert len(client.ledger) == 1
    assert client.ledger.total == _dec(partial.usage.cost) == openrouter_emulator.total_cost > 0


def test_a_stream_cut_short_stays_pending_until_reconciled(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    client.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES)
    openrouter_emulator.queue("/chat/completions", Fault.drop_connection(after_chunks=2))
    stream = client.chat.completions.create(model=CHAT_MODELS[0], messages=MESSAGES, stream=True)
    with pytest.raises(StreamInterruptedError):
        for _ in stream:
            pass
    complete, cut = client.ledger.entries
    assert cut.cost is None and cut.streamed and cut.generation_id == stream.openrouter.generation_id
    assert client.ledger.total == complete.cost == openrouter_emulator.total_cost
    # The emulator bills nothing for a dropped stream and has no stats for it: the entry stays pending.
    client.ledger.reconcile(client)
    assert len(openrouter_emulator.requests_to("/generation")) == 2
    assert client.ledger.pending() == [cut]
    assert client.ledger.entries[0].exact_cost == complete.cost


async def test_async_stream_failing_midway_records_its_partial_cost(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    openrouter_emulator.queue("/chat/completions", Fault.midstream_error(after_chunks=2))
    stream = await async_client.chat.completions.create(model=CHAT_MODELS[1], messages=MESSAGES, stream=True)
    with pytest.raises(MidStreamError):
        async for _ in stream:
            pass
    assert len(async_client.ledger) == 1
    assert async_client.ledger.total == openrouter_emulator.total_cost > 0


def test_totals_are_running_sums_and_old_entries_are_dropped_past_max_entries() -> None:
    ledger = CostLedger(max_entries=3, max_cost="0.55")
    costs = [0.1, 0.2, 0.05, 0.15, 0.03]
    for number, cost in enumerate(costs):
        model = "a/m1" if number % 2 else "b/m2"
        ledger.record(ResponseMetadata(generation_id=f"gen-{number}", model=model, cost=cost), kind="chat.completion")
    assert ledger.total == Decimal("0.53")
    assert ledger.reported_total == Decimal("0.53")
    assert ledger.by_model() == {"b/m2": Decimal("0.18"), "a/m1": Decimal("0.35")}
    assert [entry.generation_id for entry in ledger.entries] == ["gen-2", "gen-3", "gen-4"]
    assert len(ledger) == 3
    ledger.check_budget()  # 0.53 < 0.55
    ledger.record(ResponseMetadata(generation_id="gen-5", model="a/m1", cost=0.02), kind="chat.completion")
    with pytest.raises(BudgetExceededError):
        ledger.check_budget()
    # a dropped generation id is no longer known, a retained one is still counted once
    assert ledger.record(ResponseMetadata(generation_id="gen-5", cost=0.02), kind="chat.completion") is None
    assert ledger.total == Decimal("0.55")
    ledger.reset()
    assert (ledger.total, ledger.by_model(), ledger.entries) == (Decimal(0), {}, [])
