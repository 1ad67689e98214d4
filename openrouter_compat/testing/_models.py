"""GET /models, /models/count, /models/user, /models/{author}/{slug}/endpoints, /embeddings/models, /providers."""

from __future__ import annotations

from typing import Any

from ._catalogue import MODELS, PROVIDERS, CatalogueModel, endpoints
from ._context import Context
from ._errors import ApiError
from ._replies import JsonReply


def list_models(ctx: Context, params: dict[str, str]) -> JsonReply:
    """The catalogue filtered by category, supported_parameters and output_modalities."""
    found = [m.data for m in _filtered(ctx.request.query)]
    return JsonReply(200, {"data": found, "total_count": len(found), "links": {"next": None}})


def count_models(ctx: Context, params: dict[str, str]) -> JsonReply:
    """How many models the same filters would list."""
    return JsonReply(200, {"data": {"count": len(_filtered(ctx.request.query))}})


def embedding_models(ctx: Context, params: dict[str, str]) -> JsonReply:
    """Models whose output is embeddings."""
    found = [m.data for m in MODELS if "embeddings" in m.data["architecture"]["output_modalities"]]
    return JsonReply(200, {"data": found})


def get_model(ctx: Context, params: dict[str, str]) -> JsonReply:
    """One model by id or canonical slug (``GET /model/{author}/{slug}``, 2026)."""
    model_id = f"{params['author']}/{params['slug']}"
    model = _by_id_or_slug(model_id)
    if model is None:
        raise ApiError(404, f"Model {model_id} not found")
    return JsonReply(200, {"data": model.data})


def model_endpoints(ctx: Context, params: dict[str, str]) -> JsonReply:
    """A model's provider endpoints with pricing and made-up health statistics."""
    model_id = f"{params['author']}/{params['slug']}"
    model = _by_id_or_slug(model_id)
    if model is None:
        raise ApiError(404, f"Model {model_id} not found")
    data = model.data
    keys = ("id", "name", "created", "description", "architecture")
    return JsonReply(200, {"data": {**{k: data[k] for k in keys}, "endpoints": endpoints(model)}})


def list_providers(ctx: Context, params: dict[str, str]) -> JsonReply:
    """Every provider the catalogue knows."""
    return JsonReply(200, {"data": PROVIDERS})


def _by_id_or_slug(model_id: str) -> CatalogueModel | None:
    """Find a model by its id or its canonical slug (the form ``links.details`` uses)."""
    return next((m for m in MODELS if model_id in (m.id, m.data["canonical_slug"])), None)


def _filtered(query: dict[str, str]) -> list[CatalogueModel]:
    """Apply the /models query filters."""
    category = query.get("category")
    wanted_params = _split(query.get("supported_parameters", ""))
    outputs = _split(query.get("output_modalities", "text"))
    inputs = set(_split(query.get("input_modalities", "")))
    found: list[CatalogueModel] = []
    for model in MODELS:
        data: dict[str, Any] = model.data
        if category and category not in model.categories:
            continue
        if not set(wanted_params) <= set(data["supported_parameters"]):
            continue
        if "all" not in outputs and not set(outputs) & set(data["architecture"]["output_modalities"]):
            continue
        if not inputs <= set(data["architecture"]["input_modalities"]):
            continue
        found.append(model)
    return found


def _split(value: str) -> list[str]:
    """A comma-separated query value as a list of non-empty items."""
    return [part.strip() for part in value.split(",") if part.strip()]
