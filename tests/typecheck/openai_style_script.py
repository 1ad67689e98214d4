"""A realistic program written for `openai`, with only the import changed: must type-check under mypy --strict."""

from __future__ import annotations

import json

import openai
from openai import Stream
from openai.types import CreateEmbeddingResponse
from openai.types.chat import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionMessageParam,
    ChatCompletionToolParam,
)
from pydantic import BaseModel

from openrouter_compat import OpenRouter as OpenAI

TOOLS: list[ChatCompletionToolParam] = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Current weather for a city.",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
        },
    }
]


class Answer(BaseModel):
    city: str
    temperature_c: float


def ask(client: OpenAI, question: str) -> str:
    messages: list[ChatCompletionMessageParam] = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": question},
    ]
    completion: ChatCompletion = client.chat.completions.create(
        model="openai/gpt-4o-mini", messages=messages, temperature=0.2, max_tokens=100
    )
    return completion.choices[0].message.content or ""


def stream(client: OpenAI) -> str:
    parts: list[str] = []
    chunks: Stream[ChatCompletionChunk] = client.chat.completions.create(
        model="openai/gpt-4o-mini",
        messages=[{"role": "user", "content": "Count to three."}],
        stream=True,
        stream_options={"include_usage": True},
    )
    for chunk in chunks:
        if chunk.choices and chunk.choices[0].delta.content:
            parts.append(chunk.choices[0].delta.content)
    return "".join(parts)


def tool_round_trip(client: OpenAI) -> str | None:
    messages: list[ChatCompletionMessageParam] = [{"role": "user", "content": "What's the weather in Paris?"}]
    first = client.chat.completions.create(model="openai/gpt-4o-mini", messages=messages, tools=TOOLS)
    message = first.choices[0].message
    for call in message.tool_calls or []:
        if call.type != "function":
            continue
        arguments = json.loads(call.function.arguments)
        messages.append(
            {
                "role": "assistant",
                "tool_calls": [
                    {
                        "id": call.id,
                        "type": "function",
                        "function": {"name": call.function.name, "arguments": call.function.arguments},
                    }
                ],
            }
        )
        messages.append({"role": "tool", "tool_call_id": call.id, "content": f"18C in {arguments['city']}"})
    second = client.chat.completions.create(model="openai/gpt-4o-mini", messages=messages, tools=TOOLS)
    return second.choices[0].message.content


def structured(client: OpenAI) -> Answer | None:
    completion = client.chat.completions.parse(
        model="openai/gpt-4o-mini",
        messages=[{"role": "user", "content": "Weather in Paris as JSON."}],
        response_format=Answer,
    )
    return completion.choices[0].message.parsed


def responses_structured(client: OpenAI) -> Answer | None:
    """`openai`'s Responses helpers as written for `openai` (top-level `verbosity`, the chat tool shape)."""
    tool = openai.pydantic_function_tool(Answer)
    parsed = client.responses.parse(
        model="openai/gpt-4o-mini", input="Weather in Paris?", text_format=Answer, verbosity="low", tools=[tool]
    )
    with client.responses.stream(model="openai/gpt-4o-mini", input="Hi", text_format=Answer) as events:
        final = events.get_final_response()
    return parsed.output_parsed or final.output_parsed


def stream_helper(client: OpenAI) -> str:
    with client.chat.completions.stream(
        model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}]
    ) as events:
        for event in events:
            if event.type == "content.delta":
                print(event.delta, end="")
        final = events.get_final_completion()
    return final.choices[0].message.content or ""


def embed(client: OpenAI) -> list[float]:
    response: CreateEmbeddingResponse = client.embeddings.create(model="openai/text-embedding-3-small", input=["hello"])
    return response.data[0].embedding


def raw(client: OpenAI) -> tuple[str | None, int]:
    response = client.chat.completions.with_raw_response.create(
        model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}]
    )
    completion = response.parse()
    return response.headers.get("x-generation-id"), completion.usage.total_tokens if completion.usage else 0


def main() -> None:
    client = OpenAI(timeout=30.0, max_retries=3, default_headers={"X-Team": "search"})
    fast = client.with_options(timeout=5.0)
    print(ask(fast, "Hello"), stream(client), tool_round_trip(client), structured(client))
    print(stream_helper(client), embed(client), raw(client), responses_structured(client))


if __name__ == "__main__":
    main()
