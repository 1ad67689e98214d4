"""The openrouter_compat tour: routed, reasoning chat streamed live, then its cost, provider and generation id.

Run it with `python3 dev.py demo`. Offline (no `OPENROUTER_API_KEY`) it talks to the bundled emulator; with a
key it talks to OpenRouter. The code is the same either way: `OpenRouter` is `openai.OpenAI` with one import changed.
"""

from __future__ import annotations

import sys

from _connect import connect

from openrouter_compat import NotFoundError, OpenRouter
from openrouter_compat.types import ProviderPreferences, ReasoningConfig
from openrouter_compat.types.chat import ChatCompletion

MODEL = "anthropic/claude-sonnet-4.5"
ROUTING: ProviderPreferences = {"order": ["anthropic", "google-vertex"], "sort": "latency", "allow_fallbacks": True}
REASONING: ReasoningConfig = {"effort": "low"}


def streamed_chat(client: OpenRouter) -> str | None:
    """Stream a routed, reasoning completion, printing text as it arrives; return its generation id."""
    print(f"\n-- 1. streamed chat: model={MODEL} provider={ROUTING} reasoning={REASONING}")
    stream = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "In one sentence: why route requests across providers?"}],
        provider=ROUTING,
        reasoning=REASONING,
        stream=True,
    )
    thinking = False
    with stream:
        for chunk in stream:
            delta = chunk.choices[0].delta if chunk.choices else None
            if delta is not None and delta.reasoning:  # typed: OpenRouter's reasoning delta
                if not thinking:
                    print("[reasoning] ", end="")
                    thinking = True
                print(delta.reasoning, end="", flush=True)
            if delta is not None and delta.content:
                if thinking:
                    print("\n[answer]    ", end="")
                    thinking = False
                print(delta.content, end="", flush=True)
    print()
    done = stream.accumulator  # everything the stream carried, folded: text, reasoning, usage, ids
    cost = done.usage.cost if done.usage else None
    print(f"cost: {_usd(cost)}  provider: {done.provider}  generation id: {done.generation_id}")
    print(f"tokens: {done.usage.prompt_tokens if done.usage else '?'} in, ", end="")
    print(f"{done.usage.completion_tokens if done.usage else '?'} out, finish: {done.finish_reason}")
    return done.generation_id


def typed_completion(client: OpenRouter) -> ChatCompletion:
    """A non-streamed call: every OpenRouter response field is a typed attribute, not a dict lookup."""
    print("\n-- 2. non-streamed chat, typed fields")
    completion = client.chat.completions.create(
        model="openai/gpt-5-mini",
        messages=[{"role": "user", "content": "Name one benefit of a drop-in SDK."}],
        provider={"sort": "price", "data_collection": "deny"},
        reasoning={"effort": "minimal"},
        max_completion_tokens=200,
    )
    choice = completion.choices[0]
    usage = completion.usage
    print(f"completion.provider                 = {completion.provider!r}")
    print(f"completion.model                    = {completion.model!r}")
    print(f"choice.message.content              = {choice.message.content!r}")
    print(f"choice.message.reasoning            = {_short(choice.message.reasoning)!r}")
    print(f"len(choice.message.reasoning_details)= {len(choice.message.reasoning_details or [])}")
    print(f"choice.finish_reason / native       = {choice.finish_reason!r} / {choice.native_finish_reason!r}")
    if usage is not None:
        print(f"completion.usage.cost               = {usage.cost!r}  ({_usd(usage.cost)} actually charged)")
        print(f"completion.usage.total_tokens       = {usage.total_tokens!r}")
        details = usage.completion_tokens_details
        print(f"usage.completion_tokens_details.reasoning_tokens = {details.reasoning_tokens if details else None!r}")
    return completion


def account(client: OpenRouter) -> None:
    """The key in use: limit, usage, remaining credits (`GET /key`, typed).

    lead: extend the platform tour here (credits, models, providers) as those sections settle."""
    print("\n-- 3. account: client.key.retrieve()")
    key = client.key.retrieve()
    print(f"key.label={key.label!r}  usage=${key.usage}  limit={key.limit}  free tier={key.is_free_tier}")


def generation_stats(client: OpenRouter, generation_id: str | None) -> None:
    """What OpenRouter recorded about the streamed generation (`GET /generation`; waits out its short 404 window)."""
    print("\n-- 4. generation stats: client.generations.retrieve(id, wait=5)")
    if generation_id is None:
        print("no generation id was streamed")
        return
    try:
        stats = client.generations.retrieve(generation_id, wait=5)
    except NotFoundError:  # OpenRouter can take a few seconds more to publish a generation's stats
        print(f"{generation_id} is not published yet; try client.generations.retrieve(id, wait=30)")
        return
    print(f"provider={stats.provider_name!r}  total_cost=${stats.total_cost}  latency={stats.latency} ms")
    print(f"native tokens: prompt={stats.native_tokens_prompt} completion={stats.native_tokens_completion}")


def ledger(client: OpenRouter) -> None:
    """What this client spent, per model, from `usage.cost` of every result (`client.ledger`).

    lead: extend here with budget (`max_cost`) and reconciliation (`client.ledger.reconcile(client)`)."""
    print("\n-- 5. cost ledger: client.ledger")
    spent = client.ledger
    print(f"{len(spent)} generations, total ${spent.total}")
    for model, cost in spent.by_model().items():
        print(f"  {model:<32} ${cost}")


def beyond_chat(client: OpenRouter) -> None:
    """Endpoints generated from OpenRouter's spec: image generation, presets, rerank (docs/api-coverage.md)."""
    print("\n-- 6. beyond chat: client.images.generate, client.presets, client.rerank.create")
    image = client.images.generate(model="google/gemini-2.5-flash-image", prompt="a lighthouse at dusk")
    cost = image.usage.cost if image.usage else None
    print(f"images.generate -> {len(image.data)} image(s), cost: {_usd(cost)}  (POST /images, OpenRouter's path)")
    system = [{"role": "system", "content": "Answer in one sentence."}]
    preset = client.presets.create_from_chat("demo-preset", model=MODEL, messages=system)
    print(f"presets.create_from_chat -> slug={preset.slug!r}; presets.list() -> {len(client.presets.list().data)}")
    ranked = client.rerank.create(
        model="cohere/rerank-v3.5", query="What is the capital of France?", documents=["Paris is.", "Berlin is."]
    )
    best = max(ranked.results, key=lambda result: result.relevance_score)
    print(f"rerank.create -> best document #{best.index} (score {best.relevance_score})")


def _usd(amount: float | None) -> str:
    return "unknown" if amount is None else f"${amount:.6f}"


def _short(text: str | None, limit: int = 60) -> str | None:
    return text if text is None or len(text) <= limit else text[:limit] + "..."


def main() -> int:
    with connect() as client:
        generation_id = streamed_chat(client)
        typed_completion(client)
        account(client)
        generation_stats(client, generation_id)
        ledger(client)
        beyond_chat(client)
    print("\n== demo finished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
