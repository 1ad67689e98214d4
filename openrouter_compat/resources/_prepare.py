"""The request-side work every OpenRouter resource shares: validate the OpenRouter keyword arguments of a call
and pass them on under the caller's `extra_body` (the routing defaults are layered under both by the request
stage, `_request_stage.prepare_call`, which every route in passes through)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._extras import merge_body, pop_fields, validate_fields

if TYPE_CHECKING:
    from .._settings import OpenRouterSettings

__all__ = ["prepare_kwargs"]


def prepare_kwargs(settings: OpenRouterSettings, kwargs: dict[str, Any], params_type: type[Any]) -> dict[str, Any]:
    """Move the OpenRouter fields of `kwargs` into `extra_body` (validated), and return `kwargs`.

    Precedence, lowest first: client defaults (`with_routing`, applied by the request stage to every route),
    typed keyword arguments, `extra_body`. `settings` is kept for resources that need more of the client's state.
    """
    del settings  # the defaults, budget and model mapping are the request stage's
    fields = pop_fields(kwargs, params_type)
    validate_fields(fields, params_type)
    if fields:
        kwargs["extra_body"] = merge_body(fields, kwargs.get("extra_body"))
    return kwargs
