"""`.parse()` results typed by their response format, so `model_dump()` of them does not warn.

`openai` builds a parsed completion as `ParsedChatCompletion[ResponseFormatT]` with the type variable itself
(unbound at run time, default `None`): pydantic then serializes `message.parsed` as `None`-typed and warns
"Expected `none`" for every structured result dumped (AutoGen, LangSmith and tracing tools dump them). The
same objects, re-classed to `ParsedChatCompletion[<the type parsed>]`, dump `parsed` without a warning. The
client applies it to every result (`_response_stage.typed_result`), so openai's own `beta.chat` resource,
which AutoGen calls, gets it too.
"""

from __future__ import annotations

from typing import Any, TypeVar

from openai.types.chat import ParsedChatCompletion, ParsedChatCompletionMessage, ParsedChoice

__all__ = ["concretely_parsed"]

_C = TypeVar("_C")


def concretely_parsed(completion: _C) -> _C:
    """`completion` (its choices and messages too) re-classed to the parametrization by the type its messages'
    `parsed` hold (`None` when none is parsed), in place; anything that is not a `ParsedChatCompletion`, or is
    already typed so, is returned as it is."""
    if not isinstance(completion, ParsedChatCompletion):
        return completion
    parsed: ParsedChatCompletion[Any] = completion
    held = {type(choice.message.parsed) for choice in parsed.choices}
    content: Any = held.pop() if len(held) == 1 else type(None)
    if held or type(completion) is ParsedChatCompletion[content]:  # mixed types (never seen), or already right
        return completion
    parsed.__class__ = ParsedChatCompletion[content]
    for choice in parsed.choices:
        choice.__class__ = ParsedChoice[content]
        choice.message.__class__ = ParsedChatCompletionMessage[content]
    return completion
