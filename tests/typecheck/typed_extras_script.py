"""A program using OpenRouter's typed request extras and typed response fields: must type-check under --strict."""

from __future__ import annotations

from pydantic import BaseModel

from openrouter_compat import AsyncOpenRouter, ChatCompletionStream, OpenRouter
from openrouter_compat.types.chat import ChatCompletion, ChatCompletionChunk, URLCitationAnnotation
from openrouter_compat.types.plugin import Plugin
from openrouter_compat.types.provider_preferences import ProviderPreferences
from openrouter_compat.types.shared import ReasoningDetail, ReasoningDetailText, Usage

PROVIDER: ProviderPreferences = {
    "order": ["anthropic", "openai"],
    "allow_fallbacks": False,
    "sort": {"by": "throughput", "partition": "none"},
    "max_price": {"prompt": 1, "completion": "2.5"},
    "preferred_min_throughput": {"p50": 20, "p90": 5},
    "preferred_max_latency": 1.5,
    "data_collection": "deny",
    "quantizations": ["fp8", "bf16"],
}
PLUGINS: list[Plugin] = [
    {"id": "web", "max_results": 3, "engine": "exa"},
    {"id": "file-parser", "pdf": {"engine": "pdf-text"}},
    {"id": "response-healing"},
]


def create(client: OpenRouter) -> ChatCompletion:
    return client.chat.completions.create(
        model="anthropic/claude-sonnet-4.5",
        messages=[{"role": "user", "content": "Think, then answer."}],
        provider=PROVIDER,
        models=["openai/gpt-4o-mini"],
        route="fallback",
        plugins=PLUGINS,
        reasoning={"effort": "high", "exclude": False, "summary": "auto"},
        include_reasoning=True,
        usage={"include": True},
        transforms=["middle-out"],
        top_k=40,
        top_a=0.1,
        min_p=0.05,
        repetition_penalty=1.1,
        verbosity="xhigh",
        reasoning_effort="max",
        service_tier="flex",
        modalities=["image", "text"],
        session_id="session-1",
        trace={"trace_id": "t-1"},
        cache_control={"type": "ephemeral", "ttl": "1h"},
        image_config={"aspect_ratio": "16:9"},
        debug={"echo_upstream_body": True},
    )


def read(completion: ChatCompletion) -> tuple[str | None, float, int]:
    message = completion.choices[0].message
    reasoning: str = message.reasoning or ""
    details: list[ReasoningDetail] = message.reasoning_details or []
    signatures = [d.signature for d in details if isinstance(d, ReasoningDetailText)]
    usage: Usage | None = completion.usage
    cost: float = usage.cost or 0.0 if usage else 0.0
    cached = usage.prompt_tokens_details.cached_tokens or 0 if usage and usage.prompt_tokens_details else 0
    urls = [a.url_citation.url for a in message.annotations or [] if isinstance(a, URLCitationAnnotation)]
    images = [image.image_url.url for image in message.images or []]
    print(reasoning, signatures, urls, images, completion.choices[0].native_finish_reason)
    return completion.provider, cost, cached


def stream(client: OpenRouter) -> str:
    chunks: ChatCompletionStream = client.chat.completions.create(
        model="openai/o3", messages=[{"role": "user", "content": "Hi"}], stream=True, reasoning={"max_tokens": 512}
    )
    thinking: list[str] = []
    for chunk in chunks:
        typed: ChatCompletionChunk = chunk
        for choice in typed.choices:
            thinking.append(choice.delta.reasoning or "")
    return "".join(thinking) + chunks.accumulator.content


async def async_create(client: AsyncOpenRouter) -> float | None:
    completion = await client.chat.completions.create(
        model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}], provider={"sort": "price"}
    )
    return completion.usage.cost if completion.usage else None


def helpers(client: OpenRouter) -> str:
    class Answer(BaseModel):
        text: str

    parsed = client.chat.completions.parse(
        model="openai/gpt-4o-mini",
        messages=[{"role": "user", "content": "Hi"}],
        response_format=Answer,
        provider={"sort": "latency"},
        reasoning={"effort": "low"},
    )
    answer: Answer | None = parsed.choices[0].message.parsed
    with client.chat.completions.stream(
        model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}], plugins=[{"id": "web"}], top_k=3
    ) as events:
        for event in events:
            if event.type == "content.delta":
                print(event.delta)
    raw = client.chat.completions.with_raw_response.create(
        model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}]
    )
    typed = raw.parse()  # statically openai's ChatCompletion (openai's wrapper types it); ours at run time
    assert isinstance(typed, ChatCompletion)
    return (answer.text if answer else "") + (typed.provider or "")


class Verdict(BaseModel):
    ok: bool


def responses_helpers(client: OpenRouter) -> bool:
    """`responses.parse` and `responses.stream` take OpenRouter's fields as keywords, as `create` does."""
    parsed = client.responses.parse(
        model="openai/gpt-4o-mini", input="Is it?", text_format=Verdict, provider={"sort": "price"}, models=["a/b"]
    )
    verdict: Verdict | None = parsed.output_parsed
    with client.responses.stream(
        model="openai/gpt-4o-mini", input="Hi", plugins=[{"id": "web"}], top_k=3, session_id="s1"
    ) as events:
        for event in events:
            if event.type == "response.output_text.delta":
                print(event.delta)
    with client.responses.stream(response_id="resp_1", starting_after=2) as resumed:  # openai's resume form
        resumed.until_done()
    return verdict.ok if verdict else False


async def responses_helpers_async(client: AsyncOpenRouter) -> bool:
    parsed = await client.responses.parse(
        model="openai/gpt-4o-mini", input="Is it?", text_format=Verdict, route="fallback", trace={"trace_id": "t"}
    )
    async with client.responses.stream(model="openai/gpt-4o-mini", input="Hi", provider={"order": ["a"]}) as events:
        async for event in events:
            print(event.type)
    return bool(parsed.output_parsed and parsed.output_parsed.ok)
