"""Bare OpenAI model names (`gpt-4o-mini`) to OpenRouter ids (`openai/gpt-4o-mini`), for migrating code.

The known bare names are exactly the ones `openai` itself types (`ChatModel`, `ResponsesModel`,
`EmbeddingModel` and the legacy completions models), so the table follows the installed SDK. Ids that
already name a vendor (`anthropic/claude-3.5-sonnet`, `openrouter/auto`) and `@preset/...` are sent as
given; a variant suffix (`:free`, `:nitro`, `:floor`, `:online`, `:exacto`, `:thinking`, `:extended`, or
any other) is kept as written.
"""

from __future__ import annotations

import difflib
import functools
import typing
from typing import Any

from openai.types import EmbeddingModel
from openai.types.shared import ChatModel, ResponsesModel

from .._exceptions import OpenRouterValidationError

__all__ = ["OPENAI_VENDOR", "known_openai_models", "to_openrouter_model"]

OPENAI_VENDOR = "openai"
_LEGACY_COMPLETION_MODELS = ("gpt-3.5-turbo-instruct", "davinci-002", "babbage-002")


def _literals(alias: Any) -> set[str]:
    """Every string in a (possibly nested Union of) Literal type alias."""
    origin = typing.get_origin(alias)
    if origin is typing.Literal:
        return {arg for arg in typing.get_args(alias) if isinstance(arg, str)}
    return {name for arg in typing.get_args(alias) for name in _literals(arg)}


@functools.cache
def known_openai_models() -> frozenset[str]:
    """The bare model names the installed `openai` package knows."""
    return frozenset(
        _literals(ChatModel) | _literals(ResponsesModel) | _literals(EmbeddingModel) | set(_LEGACY_COMPLETION_MODELS)
    )


def to_openrouter_model(model: str) -> str:
    """`gpt-4o-mini` -> `openai/gpt-4o-mini`; `gpt-4o:online` -> `openai/gpt-4o:online`; vendor ids unchanged.

    Raises `OpenRouterValidationError` for a bare name that is not an OpenAI model, with the closest match.
    """
    if "/" in model or model.startswith("@"):
        return model
    base, colon, variant = model.partition(":")
    if base in known_openai_models():
        return f"{OPENAI_VENDOR}/{base}{colon}{variant}"
    close = difflib.get_close_matches(base, sorted(known_openai_models()), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise OpenRouterValidationError(
        f"model: {model!r} has no vendor prefix and is not a known OpenAI model{hint}; "
        "OpenRouter ids look like 'vendor/model', e.g. 'anthropic/claude-sonnet-4.5' or 'openai/gpt-4o-mini'",
        field="model",
        value=model,
    )
