"""The strict modes' request checks: unknown model ids and known fields of the wrong JSON type get a 400.

Field types follow OpenRouter's OpenAPI request schemas (openapi-2026-09.yaml; /completions from the
2025-12 spec, which still lists it). Every field may also be ``null``; unknown fields are never refused.
"""

from __future__ import annotations

import difflib
import json
from typing import Any

from .._json import is_array, is_object
from ._catalogue import DEFAULT_MODEL, KNOWN_IDS, MODELS, find_model
from ._context import Context
from ._errors import ApiError

NUM, INT, STR, BOOL, OBJ, ARR = "number", "integer", "string", "boolean", "object", "array"

_SAMPLING: dict[str, tuple[str, ...]] = {
    "model": (STR,),
    "models": (ARR,),
    "temperature": (NUM,),
    "top_p": (NUM,),
    "frequency_penalty": (NUM,),
    "presence_penalty": (NUM,),
    "stream": (BOOL,),
    "user": (STR,),
    "metadata": (OBJ,),
}
FIELD_TYPES: dict[str, dict[str, tuple[str, ...]]] = {
    "/chat/completions": {
        **_SAMPLING,
        "provider": (OBJ,),
        "messages": (ARR,),
        "max_tokens": (INT,),
        "max_completion_tokens": (INT,),
        "seed": (INT,),
        "top_k": (INT,),
        "top_logprobs": (INT,),
        "min_p": (NUM,),
        "top_a": (NUM,),
        "repetition_penalty": (NUM,),
        "logprobs": (BOOL,),
        "parallel_tool_calls": (BOOL,),
        "logit_bias": (OBJ,),
        "stream_options": (OBJ,),
        "reasoning": (OBJ,),
        "prediction": (OBJ,),
        "response_format": (OBJ,),
        "tools": (ARR,),
        "plugins": (ARR,),
        "modalities": (ARR,),
        "tool_choice": (STR, OBJ),
        "stop": (STR, ARR),
        "reasoning_effort": (STR,),
        "session_id": (STR,),
        "route": (STR,),
        "service_tier": (STR,),
        "prompt_cache_key": (STR,),
    },
    "/responses": {
        **_SAMPLING,
        "provider": (OBJ,),
        "input": (STR, ARR),
        "instructions": (STR,),
        "max_output_tokens": (INT,),
        "max_tool_calls": (INT,),
        "top_k": (INT,),
        "top_logprobs": (INT,),
        "parallel_tool_calls": (BOOL,),
        "background": (BOOL,),
        "store": (BOOL,),
        "reasoning": (OBJ,),
        "text": (OBJ,),
        "tools": (ARR,),
        "plugins": (ARR,),
        "include": (ARR,),
        "modalities": (ARR,),
        "tool_choice": (STR, OBJ),
        "session_id": (STR,),
        "truncation": (STR,),
        "service_tier": (STR,),
        "prompt_cache_key": (STR,),
        "safety_identifier": (STR,),
    },
    "/completions": {
        **_SAMPLING,
        "prompt": (STR, ARR),
        "max_tokens": (INT,),
        "seed": (INT,),
        "logprobs": (INT,),
        "n": (INT,),
        "best_of": (INT,),
        "echo": (BOOL,),
        "logit_bias": (OBJ,),
        "stream_options": (OBJ,),
        "response_format": (OBJ,),
        "stop": (STR, ARR),
        "suffix": (STR,),
    },
    "/embeddings": {
        "model": (STR,),
        "input": (STR, ARR),
        "dimensions": (INT,),
        "encoding_format": (STR,),
        "input_type": (STR,),
        "user": (STR,),
        "provider": (OBJ,),
    },
}
DEFAULT_MODELS = {"/embeddings": "openai/text-embedding-3-small"}
TEST_MODEL_SUFFIXES = ("-fail", "-noindex")
"""The emulator's own test models: ``vendor/anything-fail`` always fails, ``...-noindex`` omits stream indexes."""


def check_request(ctx: Context) -> None:
    """Apply the strict modes that are on to an inference request (raise ApiError 400 on a mistake)."""
    fields = FIELD_TYPES.get(ctx.request.path)
    body = ctx.request.json
    if fields is None or ctx.request.method != "POST" or not is_object(body):
        return
    settings = ctx.settings
    if settings.strict_params:
        issues = [issue for name, kinds in fields.items() if (issue := _type_issue(name, body.get(name), kinds))]
        if issues:
            raise ApiError(400, json.dumps(issues, indent=2))
    if settings.strict_models:
        for model in _requested_models(ctx.request.path, body):
            if not is_known_model(model, settings.extra_models):
                raise ApiError(400, unknown_model_message(model, settings.extra_models))


def is_known_model(model: str, extra: set[str]) -> bool:
    """Whether OpenRouter (as the emulator knows it) serves ``model``; variant suffixes like ``:free`` are fine."""
    base = model.split(":", 1)[0]
    if model in extra or base in extra or base in KNOWN_IDS or find_model(model) is not None:
        return True
    vendor, slash, name = base.partition("/")
    return bool(vendor and slash and name.endswith(TEST_MODEL_SUFFIXES))


def unknown_model_message(model: str, extra: set[str]) -> str:
    """OpenRouter's message for an unknown id, plus the closest known id as a hint."""
    known = sorted({m.id for m in MODELS} | extra | KNOWN_IDS)
    close = difflib.get_close_matches(model, known, n=1, cutoff=0.6) if model else []
    hint = f" (did you mean {close[0]}?)" if close else ""
    shown = model or '""'
    return f"{shown} is not a valid model ID{hint}"


def _requested_models(path: str, body: dict[str, Any]) -> list[str]:
    """The ``model`` (default when absent) and every string in ``models``."""
    model = body.get("model")
    models = body.get("models")
    listed = [m for m in models if isinstance(m, str)] if is_array(models) else []
    if model is None:
        return listed or [DEFAULT_MODELS.get(path, DEFAULT_MODEL)]
    return [model, *listed] if isinstance(model, str) else listed


def _type_issue(name: str, value: Any, kinds: tuple[str, ...]) -> dict[str, Any] | None:
    """A Zod-style ``invalid_type`` issue when ``value`` (present and not null) is none of ``kinds``."""
    if value is None or any(_is(kind, value) for kind in kinds):
        return None
    expected = " | ".join(kinds)
    received = json_type(value)
    message = f"Invalid input: expected {expected}, received {received}"
    return {"expected": expected, "code": "invalid_type", "path": [name], "message": message}


def _is(kind: str, value: Any) -> bool:
    """Whether a decoded JSON value has the JSON-schema type ``kind``."""
    if kind == INT:
        return json_type(value) == NUM and float(value).is_integer()
    return json_type(value) == kind


def json_type(value: Any) -> str:
    """The JSON type name of a decoded value."""
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int | float):
        return NUM
    if isinstance(value, str):
        return STR
    if is_object(value):
        return OBJ
    if is_array(value):
        return ARR
    return "null"
