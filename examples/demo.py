"""The openrouter_compat tour: routed, reasoning chat streamed live, then its cost, provider and generation id;
then endpoints generated from OpenRouter's spec (images, presets, rerank).

Run it with `python3 dev.py demo` (or `openrouter-compat demo`, always offline). Offline (no `OPENROUTER_API_KEY`)
it talks to the bundled emulator; with a key it talks to OpenRouter. The code is the same either way: `OpenRouter`
is `openai.OpenAI` with one import changed. The tour itself lives in `openrouter_compat/cli/demo.py`.
"""

from __future__ import annotations

import sys

from _connect import connect

from openrouter_compat import OpenRouter
from openrouter_compat.cli.demo import MODEL, tour


def beyond_chat(client: OpenRouter) -> None:
    """Endpoints generated from OpenRouter's spec: image generation, presets, rerank (docs/api-coverage.md)."""
    print("\n-- 6. beyond chat: client.images.generate, client.presets, client.rerank.create")
    image = client.images.generate(model="google/gemini-2.5-flash-image", prompt="a lighthouse at dusk")
    cost = image.usage.cost if image.usage else None
    shown = "unknown" if cost is None else f"${cost:.6f}"
    print(f"images.generate -> {len(image.data)} image(s), cost: {shown}  (POST /images, OpenRouter's path)")
    system = [{"role": "system", "content": "Answer in one sentence."}]
    preset = client.presets.create_from_chat("demo-preset", model=MODEL, messages=system)
    print(f"presets.create_from_chat -> slug={preset.slug!r}; presets.list() -> {len(client.presets.list().data)}")
    ranked = client.rerank.create(
        model="cohere/rerank-v3.5", query="What is the capital of France?", documents=["Paris is.", "Berlin is."]
    )
    best = max(ranked.results, key=lambda result: result.relevance_score)
    print(f"rerank.create -> best document #{best.index} (score {best.relevance_score})")


def main() -> int:
    with connect() as client:
        tour(client)
        beyond_chat(client)
    print("\n== demo finished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
