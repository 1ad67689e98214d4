"""The request-side work every OpenRouter resource shares: validate the OpenRouter fields of a call,
layer them over the client's routing defaults and under the caller's `extra_body`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._extras import merge_body, pop_fields, select_fields, validate_fields

if TYPE_CHECKING:
    from .._settings import OpenRouterSettings

__all__ = ["prepare_kwargs"]


def prepare_kwargs(settings: OpenRouterSettings, kwargs: dict[str, Any], params_type: type[Any]) -> dict[str, Any]:
    """Move the OpenRouter fields of `kwargs` into `extra_body` (validated), and return `kwargs`.

    Precedence, lowest first: client defaults (`with_routing`), typed keyword arguments, `extra_body`.
    Only the defaults that `params_type` declares are applied (no `reasoning` on /embeddings). The budget and
    model-name mapping are applied later, to every request, by the client's `_prepare_options`.
    """
    fields = pop_fields(kwargs, params_type)
    validate_fields(fields, params_type, mode=settings.validation)
    defaults = select_fields(settings.request_defaults, params_type) if settings.request_defaults else None
    extra_body = kwargs.get("extra_body")
    if fields or defaults:
        kwargs["extra_body"] = merge_body(defaults, fields, extra_body)
    return kwargs
