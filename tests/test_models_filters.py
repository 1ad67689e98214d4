"""Every `GET /models` query parameter of the 2026-09 spec on `models.list()`, and the newer Model fields."""

from __future__ import annotations

import pytest

from openrouter_compat import AsyncOpenRouter, OpenRouter, OpenRouterValidationError
from openrouter_compat.testing import Emulator
from openrouter_compat.types.model import Model
from openrouter_compat.types.model_endpoints import ModelEndpoint


def test_list_sends_search_sort_paging_ranges_and_flags(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    client.models.list(
        q="claude",
        sort="newest",
        offset=0,
        limit=5,
        context=100_000,
        min_price=0,
        max_price=3.5,
        providers=["anthropic", "google"],
        model_authors="anthropic",
        zdr=True,
        distillable=False,
        region="eu",
        min_intelligence_index=40,
        max_tool_success_rate=1,
    )
    assert openrouter_emulator.last_request("/models").query == {
        "q": "claude",
        "sort": "newest",
        "offset": "0",
        "limit": "5",
        "context": "100000",
        "min_price": "0",
        "max_price": "3.5",
        "providers": "anthropic,google",
        "model_authors": "anthropic",
        "zdr": "true",
        "distillable": "false",
        "region": "eu",
        "min_intelligence_index": "40",
        "max_tool_success_rate": "1",
    }


async def test_async_list_refuses_out_of_range_values_before_sending(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    with pytest.raises(OpenRouterValidationError, match="min_tool_success_rate"):
        await async_client.models.list(min_tool_success_rate=2)
    with pytest.raises(OpenRouterValidationError, match="limit"):
        await async_client.models.list(limit=0)
    assert openrouter_emulator.requests == []
    await async_client.models.list(sort="a-sort-newer-than-the-spec", zdr=False)  # open enum; zdr=False: no filter
    assert openrouter_emulator.last_request("/models").query == {"sort": "a-sort-newer-than-the-spec"}


def test_model_alias_target_and_benchmarks_are_typed() -> None:
    model = Model.model_validate(
        {
            "id": "anthropic/claude-sonnet-latest",
            "created": 1,
            "alias_target": {"slug": "anthropic/claude-sonnet-4.5", "name": "Claude Sonnet 4.5"},
            "benchmarks": {
                "artificial_analysis": {"intelligence_index": 71.4, "coding_index": 63.2},
                "design_arena": [{"arena": "models", "category": "website", "elo": 1385.2, "rank": 5}],
            },
        }
    )
    assert model.alias_target is not None and model.alias_target.slug == "anthropic/claude-sonnet-4.5"
    assert model.benchmarks is not None and model.benchmarks.artificial_analysis is not None
    assert model.benchmarks.artificial_analysis.intelligence_index == 71.4
    assert model.benchmarks.design_arena is not None and model.benchmarks.design_arena[0].elo == 1385.2


def test_model_endpoint_newer_fields_are_typed() -> None:
    endpoint = ModelEndpoint.model_validate(
        {
            "name": "OpenAI | gpt-4o",
            "supports_tool_choice": {"auto": True, "none": True, "required": False, "function": True},
            "supports_voice_cloning": False,
            "perf_last_30m_by_workload": {"text_generation": {"latency": {"p50": 420.0}, "request_count": 12}},
        }
    )
    assert endpoint.supports_tool_choice is not None and endpoint.supports_tool_choice.required is False
    assert endpoint.perf_last_30m_by_workload is not None
    workload = endpoint.perf_last_30m_by_workload["text_generation"]
    assert workload.latency is not None and workload.latency.p50 == 420.0 and workload.request_count == 12
