"""The openrouter_compat tour: routed, reasoning chat streamed live, then its cost, provider and generation id;
then endpoints generated from OpenRouter's spec (images, presets, rerank), and the ledger of it all.

The one source of the demo: `openrouter-compat demo` runs it offline on the bundled emulator (`run_offline`);
`examples/demo.py` (`python3 dev.py demo`) runs the same `tour` on OpenRouter when `OPENROUTER_API_KEY` is set.
The code is the same either way: `OpenRouter` is `openai.OpenAI` with one import changed. Needs neither Click
nor Rich.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TextIO

from .._client import OpenRouter
from .._exceptions import NotFoundError
from ..testing import Emulator
from ..types import ProviderPreferences, ReasoningConfig
from ..types.chat import ChatCompletion

__all__ = ["APP_TITLE", "MODEL", "DemoSummary", "run_offline", "tour"]

APP_TITLE = "openrouter_compat demo"
MODEL = "anthropic/claude-sonnet-4.5"
ROUTING: ProviderPreferences = {"order": ["anthropic", "google-vertex"], "sort": "latency", "allow_fallbacks": True}
REASONING: ReasoningConfig = {"effort": "low"}
IMAGE_MODEL = "google/gemini-2.5-flash-image"
RERANK_MODEL = "cohere/rerank-v3.5"
PRESET_SLUG = "demo-preset"


@dataclass
class DemoSummary:
    """What the tour found: the streamed generation, and what the client spent per model."""

    generation_id: str | None = None
    provider: str | None = None
    streamed_cost: float | None = None
    answer: str = ""
    images: int = 0
    preset_slug: str | None = None
    best_document: int | None = None
    total_cost: Decimal = Decimal(0)
    by_model: dict[str, Decimal] = field(default_factory=dict[str, Decimal])


def streamed_chat(client: OpenRouter, summary: DemoSummary, out: TextIO | None = None) -> None:
    """Stream a routed, reasoning completion, printing text as it arrives; note its generation id."""
    print(f"\n-- 1. streamed chat: model={MODEL} provider={ROUTING} reasoning={REASONING}", file=out)
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
                    print("[reasoning] ", end="", file=out)
                    thinking = True
                print(delta.reasoning, end="", flush=True, file=out)
            if delta is not None and delta.content:
                if thinking:
                    print("\n[answer]    ", end="", file=out)
                    thinking = False
                print(delta.content, end="", flush=True, file=out)
    print(file=out)
    done = stream.accumulator  # everything the stream carried, folded: text, reasoning, usage, ids
    cost = done.usage.cost if done.usage else None
    print(f"cost: {_usd(cost)}  provider: {done.provider}  generation id: {done.generation_id}", file=out)
    print(f"tokens: {done.usage.prompt_tokens if done.usage else '?'} in, ", end="", file=out)
    print(f"{done.usage.completion_tokens if done.usage else '?'} out, finish: {done.finish_reason}", file=out)
    summary.generation_id, summary.provider, summary.streamed_cost = done.generation_id, done.provider, cost
    summary.answer = done.content


def typed_completion(client: OpenRouter, out: TextIO | None = None) -> ChatCompletion:
    """A non-streamed call: every OpenRouter response field is a typed attribute, not a dict lookup."""
    print("\n-- 2. non-streamed chat, typed fields", file=out)
    completion = client.chat.completions.create(
        model="openai/gpt-5-mini",
        messages=[{"role": "user", "content": "Name one benefit of a drop-in SDK."}],
        provider={"sort": "price", "data_collection": "deny"},
        reasoning={"effort": "minimal"},
        max_completion_tokens=200,
    )
    choice = completion.choices[0]
    usage = completion.usage
    lines = [
        f"completion.provider                 = {completion.provider!r}",
        f"completion.model                    = {completion.model!r}",
        f"choice.message.content              = {choice.message.content!r}",
        f"choice.message.reasoning            = {_short(choice.message.reasoning)!r}",
        f"len(choice.message.reasoning_details)= {len(choice.message.reasoning_details or [])}",
        f"choice.finish_reason / native       = {choice.finish_reason!r} / {choice.native_finish_reason!r}",
    ]
    if usage is not None:
        details = usage.completion_tokens_details
        lines += [
            f"completion.usage.cost               = {usage.cost!r}  ({_usd(usage.cost)} actually charged)",
            f"completion.usage.total_tokens       = {usage.total_tokens!r}",
            f"usage.completion_tokens_details.reasoning_tokens = {details.reasoning_tokens if details else None!r}",
        ]
    print("\n".join(lines), file=out)
    return completion


def account(client: OpenRouter, out: TextIO | None = None) -> None:
    """The key in use: limit, usage, remaining credits (`GET /key`, typed).

    lead: extend the platform tour here (credits, models, providers) as those sections settle."""
    print("\n-- 3. account: client.key.retrieve()", file=out)
    key = client.key.retrieve()
    print(f"key.label={key.label!r}  usage=${key.usage}  limit={key.limit}  free tier={key.is_free_tier}", file=out)


def generation_stats(client: OpenRouter, generation_id: str | None, out: TextIO | None = None) -> None:
    """What OpenRouter recorded about the streamed generation (`GET /generation`; waits out its short 404 window)."""
    print("\n-- 4. generation stats: client.generations.retrieve(id, wait=5)", file=out)
    if generation_id is None:
        print("no generation id was streamed", file=out)
        return
    try:
        stats = client.generations.retrieve(generation_id, wait=5)
    except NotFoundError:  # OpenRouter can take a few seconds more to publish a generation's stats
        print(f"{generation_id} is not published yet; try client.generations.retrieve(id, wait=30)", file=out)
        return
    print(f"provider={stats.provider_name!r}  total_cost=${stats.total_cost}  latency={stats.latency} ms", file=out)
    print(f"native tokens: prompt={stats.native_tokens_prompt} completion={stats.native_tokens_completion}", file=out)


def beyond_chat(client: OpenRouter, summary: DemoSummary, out: TextIO | None = None) -> None:
    """Endpoints generated from OpenRouter's spec: image generation, presets, rerank (docs/api-coverage.md)."""
    print("\n-- 5. beyond chat: client.images.generate, client.presets, client.rerank.create", file=out)
    image = client.images.generate(model=IMAGE_MODEL, prompt="a lighthouse at dusk")
    cost = image.usage.cost if image.usage else None
    shown = f"{len(image.data)} image(s), cost: {_usd(cost)}"
    print(f"images.generate -> {shown}  (POST /images, OpenRouter's path)", file=out)
    preset = client.presets.create_from_chat(
        PRESET_SLUG, model=MODEL, messages=[{"role": "system", "content": "Answer in one sentence."}]
    )
    listed = sum(1 for _ in client.presets.list())  # every page (the emulator serves its examples, 5 of them)
    print(f"presets.create_from_chat -> slug={preset.slug!r}; presets.list() -> {listed} preset(s)", file=out)
    ranked = client.rerank.create(
        model=RERANK_MODEL, query="What is the capital of France?", documents=["Paris is.", "Berlin is."]
    )
    best = max(ranked.results, key=lambda result: result.relevance_score)
    print(f"rerank.create -> best document #{best.index} (score {best.relevance_score})", file=out)
    summary.images, summary.preset_slug, summary.best_document = len(image.data), preset.slug, best.index


def ledger(client: OpenRouter, summary: DemoSummary, out: TextIO | None = None) -> None:
    """What this client spent, per model, from `usage.cost` of every result (`client.ledger`).

    lead: extend here with budget (`max_cost`) and reconciliation (`client.ledger.reconcile(client)`)."""
    print("\n-- 6. cost ledger: client.ledger", file=out)
    spent = client.ledger
    print(f"{len(spent)} generations, total ${spent.total}", file=out)
    for model, cost in spent.by_model().items():
        print(f"  {model:<32} ${cost}", file=out)
    summary.total_cost, summary.by_model = spent.total, spent.by_model()


def tour(client: OpenRouter, out: TextIO | None = None) -> DemoSummary:
    """The whole tour on `client`, printed to `out` (default: stdout)."""
    summary = DemoSummary()
    streamed_chat(client, summary, out)
    typed_completion(client, out)
    account(client, out)
    generation_stats(client, summary.generation_id, out)
    beyond_chat(client, summary, out)
    ledger(client, summary, out)
    return summary


def run_offline(out: TextIO | None = None) -> DemoSummary:
    """The tour on a freshly started bundled emulator (127.0.0.1, no key, no network)."""
    with Emulator() as emulator:
        print(f"== Offline: talking to the bundled emulator at {emulator.base_url}", file=out)
        with OpenRouter(api_key=emulator.api_key, base_url=emulator.base_url, app_title=APP_TITLE) as client:
            summary = tour(client, out)
    print("\n== demo finished", file=out)
    return summary


def _usd(amount: float | None) -> str:
    return "unknown" if amount is None else f"${amount:.6f}"


def _short(text: str | None, limit: int = 60) -> str | None:
    return text if text is None or len(text) <= limit else text[:limit] + "..."
