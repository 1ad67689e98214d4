# pyright: strict
"""A user script passing values newer than our Literals, and OpenRouter's 2026 request shapes: `mypy --strict`
and pyright strict must accept it (tests/test_typecheck_forward.py). Never run, only type-checked."""

from __future__ import annotations

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.types.chat import ChatCompletionMessageParam

MESSAGES: list[ChatCompletionMessageParam] = [
    {"role": "system", "content": [{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}]},
    {
        "role": "user",
        "content": [
            {"type": "video_url", "video_url": {"url": "https://example.com/v.mp4", "processing": "agentic"}},
            {"type": "input_audio", "input_audio": {"data": "AAAA", "format": "flac"}},
            {"type": "input_audio", "input_audio": {"data": "AAAA", "format": "opus-2027"}},
        ],
    },
    {"role": "assistant", "content": "Here.", "images": [{"image_url": {"url": "data:image/png;base64,AA"}}]},
    {"role": "tool", "tool_call_id": "c1", "content": [{"type": "image_url", "image_url": {"url": "https://x/y.png"}}]},
]


def newer_values(client: OpenRouter) -> None:
    client.chat.completions.create(
        model="openai/gpt-4o-mini",
        messages=MESSAGES,
        provider={"sort": "cheapest-2027", "quantizations": ["fp2"], "data_collection": "ask"},
        reasoning={"effort": "ultra", "summary": "verbose"},
        plugins=[{"id": "web", "engine": "x_search", "mode": "galaxy-brain"}, {"id": "jev-router"}],
        route="round-robin",
        verbosity="whisper",
        service_tier="platinum",
        modalities=["text", "hologram"],
        tools=[
            {"type": "openrouter:web_search", "parameters": {"engine": "new-engine", "max_results": 3}},
            {"type": "openrouter:brand_new_tool"},
        ],
        tool_choice={"type": "openrouter:web_search"},
        stop_server_tools_when=[{"type": "step_count_is", "step_count": 4}, {"type": "wall_clock_is"}],
    )


async def newer_values_async(client: AsyncOpenRouter) -> None:
    await client.responses.create(
        model="openai/gpt-4o-mini",
        input="hi",
        provider={"sort": {"by": "carbon", "partition": "region"}},
        plugins=[{"id": "auto-router", "pin_model": True, "cost_tier": "free"}, {"id": "pareto-router"}],
        tools=[{"type": "openrouter:web_fetch", "parameters": {"engine": "spider"}}, {"type": "openrouter:memory"}],
        cache_control={"type": "ephemeral", "ttl": "24h"},
        modalities=["text", "image"],
        top_k=40,
        frequency_penalty=0.2,
        presence_penalty=0.1,
        text={"verbosity": "max"},
        stop_server_tools_when=[{"type": "max_cost", "max_cost_in_dollars": 0.25}],
    )
