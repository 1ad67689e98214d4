"""`.parse()` results typed by their response format, so `model_dump()` of them does not warn.

`openai` builds a parsed completion as `ParsedChatCompletion[ResponseFormatT]` with the type variable itself
(unbound at run time, default `None`): pydantic then serializes `message.parsed` as `None`-typed and warns
"Expected `none`" for every structured result dumped (AutoGen, LangSmith and tracing tools dump them). The
same objects, re-classed to `ParsedChatCompletion[<the type parsed>]`, dump `parsed` without a warning. The
client applies it to every result (`_response_stage.typed_result`), so openai's own `beta.chat` resource,
which AutoGen calls, gets it too.
"""

from __future__ import annotations

from typing import Any, TypeVar, cast

from openai.types.chat import ParsedChatCompletion, ParsedChatCompletionMessage, ParsedChoice

__all__ = ["concretely_parsed"]

_C = TypeVar("_C")


def concretely_parsed(completion: _C) -> _C:
    """`completion` (its choices and messages too) re-classed, in place, to the parametrization by the type its
    messages' `parsed` hold (`None` when none is parsed); anything else is returned as it is."""
    found: object = completion
    if isinstance(found, ParsedChatCompletion):
        _retype(cast("ParsedChatCompletion[object]", found))
    return completion


def _retype(parsed: ParsedChatCompletion[object]) -> None:
    held: set[type[object]] = {type(choice.message.parsed) for choice in parsed.choices}
    if len(held) > 1:  # choices that parsed to different types (never seen): left as openai built them
        return
    content: Any = held.pop() if held else type(None)
    if type(parsed) is ParsedChatCompletion[content]:  # already right
        return
    parsed.__class__ = ParsedChatCompletion[content]
    for choice in parsed.choices:
        choice.__class__ = ParsedChoice[content]
        choice.message.__class__ = ParsedChatCompletionMessage[content]
