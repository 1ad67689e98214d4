# ruff: noqa: E501
# fmt: off
"""Deliberate misuses of the typed API: `tests/test_typecheck.py` asserts mypy reports every marked line."""

from openai.types.chat import ChatCompletionMessageParam

from openrouter_compat import OpenRouter
from openrouter_compat.types.chat import ChatCompletion

MSGS: list[ChatCompletionMessageParam] = [{"role": "user", "content": "hi"}]


def misuse(client: OpenRouter, completion: ChatCompletion) -> None:
    client.chat.completions.create(model="m", messages=MSGS, provider={"sort": 5})  # expect-error: sort
    print(completion.choices[0].message.reasoning + 1)  # expect-error: reasoning_plus_one
    client.chat.completions.create(model="m", messages=MSGS, reasoning={"effort": 3})  # expect-error: effort
    client.chat.completions.create(model="m", messages=MSGS, plugins=[{"id": "web", "engine": 42}])  # expect-error: plugin_option
    client.chat.completions.create(model="m", messages=MSGS, provider={"allow_fallback": True})  # expect-error: unknown_provider_key
    print("" + (completion.usage.cost if completion.usage else ""))  # expect-error: cost_is_float
    client.chat.completions.create(model="m", messages=MSGS, top_k="40")  # expect-error: top_k_type
    print([d.signature for d in completion.choices[0].message.reasoning_details or []])  # expect-error: detail_kind
    client.chat.completions.parse(model="m", messages=MSGS, provider={"sort": 1.5})  # expect-error: parse_sort
    client.chat.completions.stream(model="m", messages=MSGS, top_a="high")  # expect-error: stream_top_a
    client.responses.parse(model="m", input="hi", provider={"sort": 1.5})  # expect-error: responses_parse_sort
    client.responses.stream(model="m", input="hi", top_k="40")  # expect-error: responses_stream_top_k
