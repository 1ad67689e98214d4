"""Real `GET /models` recordings from ../shared/real-traffic replayed through `client.models.list()`.

The recorded responses are served by an `httpx2.MockTransport` that also checks the request the client
sends (path and query, e.g. `supported_parameters=structured_outputs`). Every recorded model must parse
into our typed `Model`: prices as exact `Decimal`s equal to the recorded strings, architecture/top_provider/
reasoning as typed objects. The selection helpers are then checked on this real catalogue.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest
import yaml

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.lib.model_selection import cheapest_model, estimate_cost
from openrouter_compat.types.model import (
    DefaultParameters,
    Model,
    ModelArchitecture,
    ModelReasoning,
    PricingOverride,
    TopProvider,
)

LIST_2026 = "llmor_models_list_2026.yaml"
FILTER_2025 = "llmor_models_structured_outputs_filter_2025.yaml"
_DROP = {"content-length", "transfer-encoding", "connection"}


Recorded = tuple[str, tuple[int, list[tuple[str, str]], bytes], list[dict[str, Any]]]


def _recordings(folder: Path, name: str) -> list[Recorded]:
    """(recorded URL, (status, headers, body bytes as sent), recorded models) for each interaction."""
    out: list[Recorded] = []
    for interaction in yaml.safe_load((folder / name).read_text())["interactions"]:
        recorded = interaction["response"]
        body = recorded["body"]["string"]
        content = body if isinstance(body, bytes) else body.encode()  # gzip `!!binary` bodies stay compressed
        headers = [(k, v) for k, values in recorded["headers"].items() if k.lower() not in _DROP for v in values]
        models = json.loads(httpx2.Response(200, headers=headers, content=content).read())["data"]
        out.append((interaction["request"]["uri"], (recorded["status"]["code"], headers, content), models))
    return out


def _transport(recordings: list[Recorded], seen: list[str]) -> httpx2.MockTransport:
    by_url = {url: response for url, response, _ in recordings}

    def handle(request: httpx2.Request) -> httpx2.Response:
        url = str(request.url)
        seen.append(url)
        if url not in by_url:
            return httpx2.Response(599, json={"error": {"message": f"not recorded: {url}", "code": 599}})
        status, headers, content = by_url[url]
        return httpx2.Response(status, headers=headers, content=content)

    return httpx2.MockTransport(handle)


def _client(recordings: list[Recorded], seen: list[str]) -> OpenRouter:
    http = httpx2.Client(transport=_transport(recordings, seen))
    return OpenRouter(api_key="test", base_url="https://openrouter.ai/api/v1", http_client=http, max_retries=0)


def _async_client(recordings: list[Recorded], seen: list[str]) -> AsyncOpenRouter:
    http = httpx2.AsyncClient(transport=_transport(recordings, seen))
    return AsyncOpenRouter(api_key="test", base_url="https://openrouter.ai/api/v1", http_client=http, max_retries=0)


def _assert_matches_recording(model: Model, recorded: dict[str, Any]) -> None:
    """Every recorded field is present, typed, and equal to what was sent."""
    assert isinstance(model, openai.types.Model) and isinstance(model, Model)
    assert model.id == recorded["id"] and model.owned_by == recorded["id"].split("/", 1)[0]
    assert model.name == recorded["name"] and model.created == recorded["created"]
    assert model.context_length == recorded["context_length"]
    assert model.description == recorded["description"]
    assert model.pricing is not None
    for key, value in recorded["pricing"].items():
        if isinstance(value, str):
            price = model.pricing.price(key)
            assert isinstance(price, Decimal) and price == Decimal(value), key
            assert key in type(model.pricing).model_fields, f"pricing.{key} is not a declared field"
    for recorded_override, override in zip(
        recorded["pricing"].get("overrides", []), model.pricing.overrides or [], strict=True
    ):
        assert isinstance(override, PricingOverride)
        assert override.min_prompt_tokens == recorded_override["min_prompt_tokens"]
        assert override.prompt == Decimal(recorded_override["prompt"])
    assert isinstance(model.architecture, ModelArchitecture)
    assert model.architecture.to_dict() == recorded["architecture"]
    assert isinstance(model.top_provider, TopProvider)
    assert model.top_provider.to_dict() == recorded["top_provider"]
    assert model.per_request_limits is None and recorded["per_request_limits"] is None
    if "supported_parameters" in recorded:
        assert model.supported_parameters == recorded["supported_parameters"]
    if recorded.get("default_parameters") is not None:
        assert isinstance(model.default_parameters, DefaultParameters)
    if "reasoning" in recorded:
        assert isinstance(model.reasoning, ModelReasoning)
        assert model.reasoning.mandatory == recorded["reasoning"]["mandatory"]
    for key in ("canonical_slug", "hugging_face_id", "knowledge_cutoff", "expiration_date"):
        if key in recorded:
            assert getattr(model, key) == recorded[key], key


@pytest.mark.parametrize("name", [LIST_2026, FILTER_2025])
def test_every_recorded_model_parses_typed(real_traffic: Path, name: str) -> None:
    recordings = _recordings(real_traffic, name)
    seen: list[str] = []
    with _client(recordings, seen) as client:
        models = list(client.models.list())
    recorded = recordings[0][2]
    assert seen == ["https://openrouter.ai/api/v1/models"]
    assert len(models) == len(recorded) > 0
    for model, raw in zip(models, recorded, strict=True):
        _assert_matches_recording(model, raw)


@pytest.mark.parametrize("name", [LIST_2026, FILTER_2025])
async def test_every_recorded_model_parses_typed_async(real_traffic: Path, name: str) -> None:
    recordings = _recordings(real_traffic, name)
    seen: list[str] = []
    async with _async_client(recordings, seen) as client:
        models = [m async for m in client.models.list()]
    recorded = recordings[0][2]
    assert len(models) == len(recorded) > 0
    for model, raw in zip(models, recorded, strict=True):
        _assert_matches_recording(model, raw)


def test_supported_parameters_filter_matches_the_recorded_request(real_traffic: Path) -> None:
    recordings = _recordings(real_traffic, FILTER_2025)
    seen: list[str] = []
    with _client(recordings, seen) as client:
        models = list(client.models.list(supported_parameters=["structured_outputs"]))
    assert seen == ["https://openrouter.ai/api/v1/models?supported_parameters=structured_outputs"]
    assert [m.id for m in models] == [m["id"] for m in recordings[1][2]]
    assert len(models) == 81


async def test_supported_parameters_filter_matches_the_recorded_request_async(real_traffic: Path) -> None:
    recordings = _recordings(real_traffic, FILTER_2025)
    seen: list[str] = []
    async with _async_client(recordings, seen) as client:
        page = await client.models.list(supported_parameters="structured_outputs")
    assert seen == ["https://openrouter.ai/api/v1/models?supported_parameters=structured_outputs"]
    assert len(page.data) == 81


# ------------------------------------------------------------------------------- helpers on real data


def _brute_force_cheapest(recorded: list[dict[str, Any]], **rules: Any) -> str:
    """The expected answer, computed straight from the recorded JSON."""
    best: tuple[Decimal, int, str] | None = None
    for raw in recorded:
        prompt, completion = Decimal(raw["pricing"]["prompt"]), Decimal(raw["pricing"]["completion"])
        if prompt < 0 or completion < 0:
            continue
        price = prompt + completion
        if rules.get("exclude_free") and price == 0:
            continue
        if not set(rules.get("supports", ())) <= set(raw.get("supported_parameters", [])):
            continue
        if raw["context_length"] < rules.get("min_context", 0):
            continue
        if not set(rules.get("input_modalities", ())) <= set(raw["architecture"].get("input_modalities", [])):
            continue
        key = (price, -raw["context_length"], raw["id"])
        best = key if best is None or key < best else best
    assert best is not None
    return best[2]


def test_cheapest_model_on_the_real_2025_catalogue(real_traffic: Path) -> None:
    recordings = _recordings(real_traffic, FILTER_2025)
    with _client(recordings, []) as client:
        models = list(client.models.list())
    recorded = recordings[0][2]
    assert any(m.id == "openrouter/auto" for m in models)  # priced "-1": never chosen
    for rules in (
        {"exclude_free": True},
        {"exclude_free": True, "min_context": 200_000},
        {"exclude_free": True, "input_modalities": ["image"], "min_context": 100_000},
        {"min_context": 1_000_000},
    ):
        chosen = cheapest_model(models, **rules)
        assert chosen.id == _brute_force_cheapest(recorded, **rules), rules
        assert chosen.id != "openrouter/auto"
    assert cheapest_model(models).is_free


async def test_cheapest_model_on_the_real_2026_catalogue_async(real_traffic: Path) -> None:
    recordings = _recordings(real_traffic, LIST_2026)
    async with _async_client(recordings, []) as client:
        models = [m async for m in client.models.list()]
    recorded = recordings[0][2]
    for rules in ({"supports": ["tools"]}, {"supports": ["reasoning"], "min_context": 500_000}):
        assert cheapest_model(models, **rules).id == _brute_force_cheapest(recorded, **rules), rules


def test_estimate_cost_applies_the_real_long_context_override(real_traffic: Path) -> None:
    recordings = _recordings(real_traffic, LIST_2026)
    with _client(recordings, []) as client:
        sonnet = next(m for m in client.models.list() if m.id == "anthropic/claude-sonnet-4")
    # Base: $3 / $15 per million; above 200k prompt tokens the recorded override is $6 / $22.5.
    assert estimate_cost(sonnet, prompt_tokens=1_000_000 // 10, completion_tokens=10_000) == Decimal("0.45")
    assert estimate_cost(sonnet, prompt_tokens=250_000, completion_tokens=10_000) == Decimal("1.725")
    cached = estimate_cost(sonnet, prompt_tokens=250_000, completion_tokens=0, cached_tokens=50_000)
    assert cached == Decimal("200000") * Decimal("0.000006") + Decimal("50000") * Decimal("0.0000006")
