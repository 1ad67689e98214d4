"""Account endpoints: GET /key, /credits, /generation and /activity, all derived from what was charged."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from ._context import Context
from ._errors import ApiError
from ._records import GenerationRecord
from ._replies import JsonReply
from ._settings import MANAGEMENT_KEY, USER_ID
from ._usage import number

WORKSPACE_ID = "00000000-0000-4000-8000-000000000000"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def mask(key: str) -> str:
    """How OpenRouter labels a key: its start and end with the middle elided."""
    return f"{key[:11]}...{key[-3:]}" if len(key) > 14 else key


def iso(timestamp: float) -> str:
    """A UTC ISO-8601 timestamp with an explicit offset."""
    return datetime.fromtimestamp(timestamp, UTC).isoformat()


def current_key(ctx: Context, params: dict[str, str]) -> JsonReply:
    """GET /key: the calling key's limits and the usage charged so far."""
    key = ctx.request.bearer or ""
    management = key == MANAGEMENT_KEY
    usage = number(ctx.store.total_cost)
    data = {
        "label": mask(key),
        "limit": None,
        "limit_reset": None,
        "limit_remaining": None,
        "include_byok_in_limit": False,
        "usage": usage,
        "usage_daily": usage,
        "usage_weekly": usage,
        "usage_monthly": usage,
        "byok_usage": 0,
        "byok_usage_daily": 0,
        "byok_usage_weekly": 0,
        "byok_usage_monthly": 0,
        "is_free_tier": False,
        "is_management_key": management,
        "is_provisioning_key": management,
        "creator_user_id": USER_ID,
        "expires_at": None,
        "rate_limit": {"requests": -1, "interval": "10s", "note": "This field is deprecated and safe to ignore."},
    }
    return JsonReply(200, {"data": data})


def credits(ctx: Context, params: dict[str, str]) -> JsonReply:
    """GET /credits: credits bought and used."""
    data = {"total_credits": number(ctx.settings.total_credits), "total_usage": number(ctx.store.total_cost)}
    return JsonReply(200, {"data": data})


def generation(ctx: Context, params: dict[str, str]) -> JsonReply:
    """GET /generation?id=: stats of a served generation (404 while "not ready" or when unknown)."""
    gen_id = ctx.request.query.get("id")
    if not gen_id:
        raise ApiError(400, "Missing required query parameter: id")
    found = ctx.store.lookup_generation(gen_id, ctx.settings.generation_not_ready_for)
    if found is None:
        raise ApiError(404, "Generation not found", with_user=False)
    return JsonReply(200, {"data": generation_data(found)})


def generation_data(g: GenerationRecord) -> dict[str, Any]:
    """Every field of REFERENCE §6's generation object for one record."""
    cost = number(g.cost)
    responses = [_provider_response(g, model, "Unavailable", 502) for model in g.failed_models] + [
        _provider_response(g, g.model, g.provider, 200)
    ]
    return {
        "id": g.id,
        "upstream_id": "chatcmpl-" + uuid.uuid5(uuid.NAMESPACE_URL, g.id).hex,
        "total_cost": cost,
        "usage": cost,
        "cache_discount": None,
        "upstream_inference_cost": None,
        "created_at": iso(g.created),
        "model": g.model,
        "app_id": None,
        "streamed": g.streamed,
        "cancelled": False,
        "provider_name": g.provider,
        "latency": g.latency_ms,
        "moderation_latency": None,
        "generation_time": g.latency_ms,
        "finish_reason": g.finish_reason,
        "native_finish_reason": g.native_finish_reason,
        "tokens_prompt": g.prompt_tokens,
        "tokens_completion": g.completion_tokens,
        "native_tokens_prompt": g.prompt_tokens,
        "native_tokens_completion": g.completion_tokens,
        "native_tokens_completion_images": 0,
        "native_tokens_reasoning": g.reasoning_tokens,
        "native_tokens_cached": 0,
        "num_media_prompt": 0,
        "num_input_audio_prompt": 0,
        "num_media_completion": 0,
        "num_search_results": 1 if g.web_search else 0,
        "origin": g.http_referer or "",
        "is_byok": False,
        "external_user": g.external_user,
        "api_type": g.api_type,
        "router": None,
        "provider_responses": responses,
        "user_agent": g.user_agent,
        "http_referer": g.http_referer,
        "session_id": g.session_id,
        "request_id": "req-" + "-".join(g.id.rsplit("-", 2)[-2:]),
        "preset_id": None,
        "service_tier": None,
        "data_region": "global",
        "web_search_engine": "exa" if g.web_search else None,
        "num_fetches": 0,
        "response_cache_source_id": None,
        "workspace_id": WORKSPACE_ID,
    }


def _provider_response(g: GenerationRecord, model: str, provider: str, status: int) -> dict[str, Any]:
    """One routing attempt in ``provider_responses`` (failed fallbacks first, then the winner)."""
    return {
        "id": "chatcmpl-" + uuid.uuid5(uuid.NAMESPACE_URL, g.id + model).hex[:24],
        "endpoint_id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{model}|{provider}")),
        "model_permaslug": model.split(":", 1)[0],
        "provider_name": provider,
        "status": status,
        "latency": g.latency_ms,
        "is_byok": False,
        "routed_service_tier": None,
    }


def activity(ctx: Context, params: dict[str, str]) -> JsonReply:
    """GET /activity: served generations grouped by UTC date, model and provider (today included)."""
    date = ctx.request.query.get("date")
    if date is not None and not _DATE.fullmatch(date):
        raise ApiError(400, "Invalid date format. Use YYYY-MM-DD")
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    totals: dict[tuple[str, str, str], Decimal] = {}
    for g in ctx.store.generation_list():
        day = iso(g.created)[:10]
        if date is not None and day != date:
            continue
        group = (day, g.model, g.provider)
        row = rows.get(group)
        if row is None:
            row = rows[group] = {
                "date": day,
                "model": g.model,
                "model_permaslug": g.permaslug,
                "endpoint_id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{g.model}|{g.provider}")),
                "provider_name": g.provider,
                "usage": 0,
                "byok_usage_inference": 0,
                "requests": 0,
                "prompt_tokens": 0,
                "completion_tokens": 0,
                "reasoning_tokens": 0,
            }
            totals[group] = Decimal(0)
        totals[group] += g.cost
        row["usage"] = number(totals[group])
        row["requests"] += 1
        row["prompt_tokens"] += g.prompt_tokens
        row["completion_tokens"] += g.completion_tokens
        row["reasoning_tokens"] += g.reasoning_tokens
    ordered = sorted(rows.values(), key=lambda r: (r["date"], r["model"], r["provider_name"]), reverse=True)
    return JsonReply(200, {"data": ordered})
