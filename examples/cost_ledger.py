"""Cost you can see and cap: N mixed calls (plain, streamed, embeddings), sync and async, read back from the
client's ledger to the exact sum of `usage.cost`; then a budget that stops the first request past it."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from _connect import aconnect, connect
from openai.types.chat import ChatCompletionMessageParam

from openrouter_compat import AsyncOpenRouter, BudgetExceededError, OpenRouter

MODEL = "openai/gpt-4o-mini"


def _messages(i: int) -> list[ChatCompletionMessageParam]:
    return [{"role": "user", "content": f"Fact number {i} about lighthouses, please."}]


def _dec(cost: float | None) -> Decimal:
    return Decimal(repr(cost)) if cost is not None else Decimal(0)


def mixed_calls(client: OpenRouter, n: int) -> Decimal:
    """`n` rounds of a plain call, a streamed call and an embeddings call; the sum of the costs they reported."""
    reported = Decimal(0)
    for i in range(n):
        completion = client.chat.completions.create(model=MODEL, messages=_messages(i))
        reported += _dec(completion.usage.cost if completion.usage else None)
        stream = client.chat.completions.create(model=MODEL, messages=_messages(i), stream=True)
        reported += sum((_dec(chunk.usage.cost) for chunk in stream if chunk.usage), Decimal(0))
        embedding = client.embeddings.create(model="openai/text-embedding-3-small", input=f"lighthouse {i}")
        reported += _dec(embedding.usage.cost)
    return reported


async def amixed_calls(client: AsyncOpenRouter, n: int) -> Decimal:
    """The async twin of `mixed_calls`."""
    reported = Decimal(0)
    for i in range(n):
        completion = await client.chat.completions.create(model=MODEL, messages=_messages(i))
        reported += _dec(completion.usage.cost if completion.usage else None)
        stream = await client.chat.completions.create(model=MODEL, messages=_messages(i), stream=True)
        reported += sum([_dec(chunk.usage.cost) async for chunk in stream if chunk.usage], Decimal(0))
        embedding = await client.embeddings.create(model="openai/text-embedding-3-small", input=f"lighthouse {i}")
        reported += _dec(embedding.usage.cost)
    return reported


def main(n: int = 3) -> None:
    with connect() as client:
        reported = mixed_calls(client, n)
        ledger = client.ledger
        print(f"sync:  {len(ledger)} results, ledger total ${ledger.total:f}, sum of usage.cost ${reported:f}")
        assert ledger.total == reported
        for model, spent in ledger.by_model().items():
            print(f"  {model}: ${spent:f}")

        capped = client.with_options(max_cost=ledger.total + Decimal("0.000001"))
        try:
            while True:
                capped.chat.completions.create(model=MODEL, messages=_messages(0))
        except BudgetExceededError as exc:
            print(f"budget: stopped before sending; spent ${exc.spent:f} of ${exc.limit:f}")

    async def run() -> None:
        async with aconnect() as aclient:
            reported = await amixed_calls(aclient, n)
            print(f"async: {len(aclient.ledger)} results, ledger total ${aclient.ledger.total:f}, sum ${reported:f}")
            assert aclient.ledger.total == reported

    asyncio.run(run())


if __name__ == "__main__":
    main()
