"""Type-checked by tests/test_raw_response_typecheck.py: `with_raw_response` / `with_streaming_response` on
chat completions, responses, legacy completions and embeddings take OpenRouter's fields and parse into our types.

Lines marked `# expect-error: <name>` are deliberate misuses mypy must report; every other line must pass.
"""

from __future__ import annotations

from openai.types.chat import ChatCompletionMessageParam
from pydantic import BaseModel

from openrouter_compat import (
    AsyncChatCompletionStream,
    AsyncOpenRouter,
    ChatCompletionStream,
    CompletionStream,
    OpenRouter,
    ResponseEventStream,
)
from openrouter_compat.types import Completion, CreateEmbeddingResponse
from openrouter_compat.types.chat import ChatCompletion
from openrouter_compat.types.responses import Response

MSGS: list[ChatCompletionMessageParam] = [{"role": "user", "content": "hi"}]


class Weather(BaseModel):
    city: str


def chat_raw(client: OpenRouter) -> float | None:
    raw = client.with_raw_response.chat.completions.create(
        model="m", messages=MSGS, provider={"order": ["openai"], "sort": "price"}, reasoning={"effort": "low"}
    )
    completion: ChatCompletion = raw.parse()
    provider: str | None = completion.provider
    same: ChatCompletion = client.chat.completions.with_raw_response.create(model="m", messages=MSGS).parse()
    also: ChatCompletion = client.chat.with_raw_response.completions.create(model="m", messages=MSGS).parse()
    stream: ChatCompletionStream = client.with_raw_response.chat.completions.create(
        model="m", messages=MSGS, stream=True, top_k=40
    ).parse()
    either = client.with_raw_response.chat.completions.create(model="m", messages=MSGS, stream=bool(provider))
    parsed: ChatCompletion | ChatCompletionStream = either.parse()
    assert provider and same and also and stream and parsed and raw.headers["x-generation-id"]
    client.with_raw_response.chat.completions.retrieve("gen-1")  # openai's other methods are still there
    client.with_raw_response.chat.completions.messages.list("gen-1")
    structured = client.chat.completions.with_raw_response.parse(
        model="m", messages=MSGS, response_format=Weather, provider={"require_parameters": True}
    ).parse()
    weather: Weather | None = structured.choices[0].message.parsed
    assert weather
    return completion.usage.cost if completion.usage else None


def chat_streaming(client: OpenRouter) -> str | None:
    with client.with_streaming_response.chat.completions.create(
        model="m", messages=MSGS, provider={"only": ["openai"]}
    ) as response:
        completion: ChatCompletion = response.parse()
    with client.chat.completions.with_streaming_response.create(model="m", messages=MSGS, stream=True) as streamed:
        stream: ChatCompletionStream = streamed.parse()
    assert stream
    return completion.provider


async def chat_async(client: AsyncOpenRouter) -> float | None:
    raw = await client.with_raw_response.chat.completions.create(
        model="m", messages=MSGS, provider={"data_collection": "deny"}
    )
    completion: ChatCompletion = raw.parse()
    async with client.with_streaming_response.chat.completions.create(
        model="m", messages=MSGS, stream=True, plugins=[{"id": "web"}]
    ) as response:
        stream: AsyncChatCompletionStream = await response.parse()
    async with client.chat.completions.with_streaming_response.create(model="m", messages=MSGS) as plain:
        again: ChatCompletion = await plain.parse()
    assert stream and again and completion.provider
    return completion.usage.cost if completion.usage else None


def other_resources(client: OpenRouter) -> float | None:
    response: Response = client.with_raw_response.responses.create(
        model="m", input="hi", provider={"order": ["openai"]}, session_id="s"
    ).parse()
    events: ResponseEventStream = client.responses.with_raw_response.create(model="m", input="hi", stream=True).parse()
    text: Completion = client.with_raw_response.completions.create(
        model="m", prompt="hi", provider={"sort": "price"}
    ).parse()
    text_stream: CompletionStream = client.completions.with_raw_response.create(
        model="m", prompt="hi", stream=True
    ).parse()
    with client.with_streaming_response.embeddings.create(
        model="m", input="a", provider={"order": ["openai"]}, input_type="query"
    ) as streamed:
        embedding: CreateEmbeddingResponse = streamed.parse()
    client.with_raw_response.responses.retrieve("resp-1")  # openai's other methods are still there
    assert events and text and text_stream and embedding.provider and text.provider
    return response.usage.cost if response.usage else None


async def other_resources_async(client: AsyncOpenRouter) -> Response:
    text: Completion = (await client.with_raw_response.completions.create(model="m", prompt="hi")).parse()
    raw_embedding = await client.embeddings.with_raw_response.create(model="m", input="a", input_type="query")
    embedding: CreateEmbeddingResponse = raw_embedding.parse()
    async with client.with_streaming_response.responses.create(model="m", input="hi", provider={}) as raw:
        response: Response = await raw.parse()
    assert text and embedding
    return response


def misuse(client: OpenRouter, aio: AsyncOpenRouter) -> None:
    raw = client.with_raw_response
    chat = raw.chat.completions
    chat.create(model="m", messages=MSGS, provider={"sort": 5})  # expect-error: raw_sort
    client.chat.completions.with_streaming_response.create(model="m", messages=MSGS, top_k="4")  # expect-error: top_k
    aio.with_raw_response.chat.completions.create(model="m", messages=MSGS, provider={"ordr": []})  # expect-error: typo
    stream: ChatCompletionStream = chat.create(model="m", messages=MSGS).parse()  # expect-error: not_a_stream
    print(chat.create(model="m", messages=MSGS).parse().usage.cost)  # expect-error: usage_may_be_none
    raw.responses.create(model="m", input="hi", provider={"allow_fallback": True})  # expect-error: responses_provider
    client.completions.with_raw_response.create(model="m", prompt="", reasoning={"effort": 3})  # expect-error: effort
    client.with_streaming_response.embeddings.create(model="m", input="a", input_type=1)  # expect-error: input_type
    chat.parse(model="m", messages=MSGS, response_format=Weather, provider={"sort": 1})  # expect-error: parse_sort
    assert stream
