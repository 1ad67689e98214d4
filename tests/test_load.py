"""A scaled-down run of `benchmarks/load_test.py`: 300 async calls at concurrency 30 with injected 429s and 502s.

Every call must end in a result or a typed error, none may hang, and the retries must match the policy exactly
(see the benchmark's docstring for how that is counted)."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from openrouter_compat.testing import Emulator

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "load_test.py"


@functools.cache
def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("load_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["load_test"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


async def test_bounded_load_with_injected_faults(openrouter_emulator: Emulator) -> None:
    load_test = _load_script()
    report = await load_test.run_load(
        openrouter_emulator, requests=300, concurrency=30, rate_limited=0.15, provider_errors=0.15, call_timeout=20.0
    )
    assert report.violations == []
    assert report.hung == 0 and report.unexpected == []
    assert report.results + sum(report.errors_by_class.values()) == 300
    assert set(report.errors_by_class) <= {"RateLimitError", "ProviderError"}
    assert report.faults_served["429"] > 0 and report.faults_served["502"] > 0
    assert report.retries_observed == report.retries_expected > 0
    assert report.server_requests == 300 + report.retries_observed
    assert report.max_latency < 20.0


async def test_without_retries_every_fault_is_a_typed_error(openrouter_emulator: Emulator) -> None:
    load_test = _load_script()
    report = await load_test.run_load(
        openrouter_emulator, requests=120, concurrency=20, max_retries=0, stream_share=0.5
    )
    assert report.violations == []
    assert report.retries_observed == 0 and report.server_requests == 120
    faults = report.faults_served.get("429", 0) + report.faults_served.get("502", 0)
    assert sum(report.errors_by_class.values()) == faults > 0
    assert report.errors_by_class.get("RateLimitError", 0) == report.faults_served.get("429", 0)
