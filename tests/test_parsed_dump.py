"""`.parse()` results dump without pydantic's "Expected `none`" warning (AutoGen, tracers dump them).

`openai` types them `ParsedChatCompletion[ResponseFormatT]` with the unbound type variable (default None);
ours are typed by the response format (`openrouter_compat._parsed`).
"""

from __future__ import annotations

import warnings

import pytest
from pydantic import BaseModel

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat._parsed import concretely_parsed
from openrouter_compat.testing import Emulator

MODEL = "openai/gpt-4o-mini"
ASK = [{"role": "user", "content": "Report the weather in Rome."}]


class Weather(BaseModel):
    city: str
    temperature_c: float


def dumped_without_warnings(completion: object) -> dict[str, object]:
    """`completion.model_dump()` and `model_dump_json()`, failing on any warning they emit."""
    assert isinstance(completion, BaseModel)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        completion.model_dump_json()
        return completion.model_dump()


def test_parse_dumps_parsed_without_a_warning(client: OpenRouter) -> None:
    completion = client.chat.completions.parse(model=MODEL, messages=ASK, response_format=Weather)
    parsed = completion.choices[0].message.parsed
    assert isinstance(parsed, Weather)
    data = dumped_without_warnings(completion)
    assert data["choices"][0]["message"]["parsed"] == parsed.model_dump()  # type: ignore[index]
    assert completion.openrouter is not None  # still our result: metadata kept


async def test_async_parse_and_beta_path_dump_without_a_warning(openrouter_emulator: Emulator) -> None:
    async with AsyncOpenRouter(
        api_key=openrouter_emulator.api_key, base_url=openrouter_emulator.base_url, max_retries=0
    ) as aclient:
        completion = await aclient.beta.chat.completions.parse(model=MODEL, messages=ASK, response_format=Weather)
    assert isinstance(completion.choices[0].message.parsed, Weather)
    dumped_without_warnings(completion)


def test_parse_without_a_format_and_the_stream_helper_dump_without_a_warning(client: OpenRouter) -> None:
    plain = client.chat.completions.parse(model=MODEL, messages=ASK)
    assert plain.choices[0].message.parsed is None
    dumped_without_warnings(plain)
    with client.chat.completions.stream(model=MODEL, messages=ASK, response_format=Weather) as stream:
        for _ in stream:
            pass
        final = stream.get_final_completion()
    assert isinstance(final.choices[0].message.parsed, Weather)
    dumped_without_warnings(final)


def test_openai_alone_would_warn(client: OpenRouter) -> None:
    """The cause, kept visible: the same object with `openai`'s class back warns (so the tests above can fail)."""
    from openai.lib._parsing._completions import ResponseFormatT
    from openai.types.chat import ParsedChatCompletion, ParsedChatCompletionMessage, ParsedChoice

    completion = client.chat.completions.parse(model=MODEL, messages=ASK, response_format=Weather)
    completion.__class__ = ParsedChatCompletion[ResponseFormatT]
    completion.choices[0].__class__ = ParsedChoice[ResponseFormatT]
    completion.choices[0].message.__class__ = ParsedChatCompletionMessage[ResponseFormatT]
    with pytest.warns(UserWarning, match="Expected `none`"):
        completion.model_dump()
    dumped_without_warnings(concretely_parsed(completion))
