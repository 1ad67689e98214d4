"""The request stage: what happens to every request on its way out, whichever route it came in by.

Resource methods, `openai`'s helpers (`client.beta.chat.completions.parse/stream`), `client.post(...)` and
`client.request(...)` all end in the client's `request()`, which calls `prepare_call` once per call (routing
defaults of `with_routing`, validation of OpenRouter fields found in a hand-built body, bare model names mapped)
and `guard_attempt` before every attempt (the budget: nothing is sent once it is spent, retries included).
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

from openai._compat import model_copy
from openai._models import FinalRequestOptions
from openai.types import completion_create_params as openai_completion_params
from openai.types import embedding_create_params as openai_embedding_params
from openai.types.chat import completion_create_params as openai_chat_params
from openai.types.responses import response_create_params as openai_response_params

from . import _constants as C
from ._extras import merge_body, select_fields, validate_fields
from ._json import is_object
from ._settings import OpenRouterSettings
from .types.chat.completion_create_params import OpenRouterChatParams
from .types.completion_create_params import OpenRouterCompletionParams
from .types.embedding_create_params import OpenRouterEmbeddingParams

__all__ = ["PARAMS_BY_PATH", "guard_attempt", "prepare_call", "register_params"]

PARAMS_BY_PATH: dict[str, tuple[Any, Any]] = {
    "/chat/completions": (OpenRouterChatParams, openai_chat_params.CompletionCreateParamsBase),
    "/completions": (OpenRouterCompletionParams, openai_completion_params.CompletionCreateParamsBase),
    "/embeddings": (OpenRouterEmbeddingParams, openai_embedding_params.EmbeddingCreateParams),
}
"""POST path -> (the OpenRouter fields it takes, `openai`'s own params of it or None): which routing defaults
apply to a path, and which fields of a hand-built body are OpenRouter's to validate."""

_DEFERRED: dict[str, tuple[str, str, Any]] = {
    "/responses": (
        "openrouter_compat.types.responses.response_create_params",
        "OpenRouterResponseParams",
        openai_response_params.ResponseCreateParamsBase,
    ),
}
"""Entries of PARAMS_BY_PATH whose types load on the first call to that path: the Responses types pull in the
generated Responses request schemas (several MB), which a chat-only program never needs."""


def _declared(path: str) -> tuple[Any, Any] | None:
    """PARAMS_BY_PATH[path], loading a deferred entry on its first use."""
    found = PARAMS_BY_PATH.get(path)
    if found is None and path in _DEFERRED:
        module, name, openai_params = _DEFERRED.pop(path)
        found = PARAMS_BY_PATH.setdefault(path, (getattr(importlib.import_module(module), name), openai_params))
    return found


def register_params(path: str, params_type: Any, openai_params: Any = None) -> None:
    """Declare the OpenRouter fields a POST `path` takes (routing defaults and body validation follow)."""
    PARAMS_BY_PATH[path] = (params_type, openai_params)


@functools.cache
def _openrouter_only(params_type: Any, openai_params: Any) -> frozenset[str]:
    """The names `params_type` declares that `openai` does not (those `openai` sends are `openai`'s business)."""
    return _keys(params_type) - (_keys(openai_params) if openai_params is not None else frozenset())


def _keys(typed_dict: Any) -> frozenset[str]:
    keys: frozenset[str] = typed_dict.__required_keys__ | typed_dict.__optional_keys__
    return keys


def prepare_call(settings: OpenRouterSettings, options: FinalRequestOptions) -> FinalRequestOptions:
    """`options` of one call as they must be sent, before its first attempt (the caller's object untouched).

    Precedence of the body, lowest first: routing defaults (`with_routing`, only the fields the path takes),
    the body, `extra_body`; `provider` merges key by key. OpenRouter fields written straight into the body
    (not through a resource's keyword arguments) are validated here, so a mistake fails before sending.
    """
    body = options.json_data
    declared = _declared(options.url) if options.method.lower() == "post" else None
    if declared is None or not is_object(body):
        return options
    params_type, openai_params = declared
    own = _openrouter_only(params_type, openai_params)
    if not own.isdisjoint(body):
        handwritten = {name: value for name, value in body.items() if name in own}
        validate_fields(handwritten, params_type, mode=settings.validation)
    defaults = select_fields(settings.request_defaults, params_type) if settings.request_defaults else None
    extra = options.extra_json
    model = body.get("model") if not is_object(extra) or "model" not in extra else extra["model"]
    mapped = settings.resolve_model(model) if settings.map_openai_model_names else model
    if not defaults and mapped == model:
        return options
    options = model_copy(options)
    if is_object(extra):
        merged = merge_body(defaults, body, extra)
        options.extra_json = None
    else:
        merged = merge_body(defaults, body)
    if mapped != model:
        merged["model"] = mapped
    options.json_data = merged
    return options


def guard_attempt(settings: OpenRouterSettings, options: FinalRequestOptions) -> None:
    """Before every attempt: a billable request is refused once the budget is spent (nothing is sent)."""
    url = options.url
    if options.method.lower() == "post" and (url in C.BILLABLE_PATHS or url.startswith(C.BILLABLE_PATH_PREFIXES)):
        settings.check_budget()
