"""Bounded load test: many concurrent calls through `AsyncOpenRouter` against the emulator, with injected 429s
(with Retry-After) and 502s, checking that every call ends in a result or a typed error, none hangs, and the
retries match the policy exactly.

    .venv/bin/python benchmarks/load_test.py                          # 2,000 calls at concurrency 50
    .venv/bin/python benchmarks/load_test.py --requests 300 --concurrency 30 --json out.json

How the retry count is checked: the emulator answers requests in arrival order from one queue of slots
(normal / 429 / 502), so the faults served are the fault slots among the first N slots, N being the
requests it saw. Every fault served must be either retried (one on_retry event) or the last attempt of a
call that failed after `max_retries` retries. So: retries == faults served - failed calls, requests ==
calls + retries, and each failed call shows exactly `max_retries` retries of retryable errors.

Not a test (pytest does not collect it); `tests/test_load.py` runs a scaled-down version with the same checks.
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import dataclasses
import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import openrouter_compat as orc
from openrouter_compat.testing import Emulator, Fault

CHAT = "/chat/completions"
MODEL = "openai/gpt-4o-mini"

_CALL_EVENTS: contextvars.ContextVar[list[orc.RetryEvent]] = contextvars.ContextVar("call_events")


@dataclasses.dataclass
class LoadReport:
    """The figures of one run, and the invariants checked on them."""

    requests: int
    concurrency: int
    stream_share: float
    max_retries: int
    wall_seconds: float
    server_requests: int
    results: int
    errors_by_class: dict[str, int]
    hung: int
    unexpected: list[str]
    retries_observed: int
    retries_expected: int
    faults_served: dict[str, int]
    max_latency: float
    p50_latency: float
    p99_latency: float
    violations: list[str]

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.wall_seconds if self.wall_seconds else 0.0

    def lines(self) -> list[str]:
        errors = ", ".join(f"{name} {count}" for name, count in sorted(self.errors_by_class.items())) or "none"
        faults = ", ".join(f"{name} {count}" for name, count in sorted(self.faults_served.items()))
        return [
            f"calls                {self.requests} (stream share {self.stream_share:.0%}), "
            f"concurrency {self.concurrency}, max_retries {self.max_retries}",
            f"wall time            {self.wall_seconds:.2f} s  ({self.requests_per_second:.0f} calls/s)",
            f"HTTP requests seen   {self.server_requests}",
            f"faults served        {faults}",
            f"results              {self.results}",
            f"typed errors         {errors}",
            f"unexpected errors    {len(self.unexpected)}",
            f"hung calls           {self.hung}",
            f"retries observed     {self.retries_observed} (expected {self.retries_expected})",
            f"latency              p50 {self.p50_latency * 1000:.0f} ms, p99 {self.p99_latency * 1000:.0f} ms, "
            f"max {self.max_latency * 1000:.0f} ms",
            f"invariants           {'all hold' if not self.violations else '; '.join(self.violations)}",
        ]


def fault_slots(count: int, *, rate_limited: float, provider_errors: float, seed: int) -> list[Fault | None]:
    """A random sequence of request slots: a 429 (Retry-After 20 ms), a 502, or None for a normal answer."""
    rng = random.Random(seed)
    slots: list[Fault | None] = []
    for _ in range(count):
        roll = rng.random()
        if roll < rate_limited:
            slots.append(Fault.rate_limited(retry_after=0.02))
        elif roll < rate_limited + provider_errors:
            slots.append(Fault.provider_error(502))
        else:
            slots.append(None)
    return slots


async def run_load(
    emulator: Emulator,
    *,
    requests: int = 2000,
    concurrency: int = 50,
    rate_limited: float = 0.1,
    provider_errors: float = 0.1,
    stream_share: float = 0.2,
    max_retries: int = 2,
    call_timeout: float = 30.0,
    seed: int = 7,
) -> LoadReport:
    """Run the load against a started emulator (reset first) and check the invariants."""
    emulator.reset()
    slots = fault_slots(
        requests * (max_retries + 1), rate_limited=rate_limited, provider_errors=provider_errors, seed=seed
    )
    emulator.queue(CHAT, *[slot or Fault.delay(0) for slot in slots])
    policy = orc.RetryPolicy(
        max_retries=max_retries, initial_backoff=0.02, max_backoff=0.1, on_retry=lambda e: _CALL_EVENTS.get().append(e)
    )
    rng = random.Random(seed + 1)
    streamed = [rng.random() < stream_share for _ in range(requests)]
    outcomes: list[tuple[str, list[orc.RetryEvent], float, bool]] = []
    gate = asyncio.Semaphore(concurrency)

    async with orc.AsyncOpenRouter(
        api_key=emulator.api_key, base_url=emulator.base_url, retry_policy=policy, timeout=10.0
    ) as client:

        async def one(index: int) -> None:
            async with gate:
                events: list[orc.RetryEvent] = []
                _CALL_EVENTS.set(events)
                started = time.monotonic()
                outcome = await _call(client, index, streamed[index], call_timeout)
                outcomes.append((outcome, events, time.monotonic() - started, streamed[index]))

        started = time.monotonic()
        await asyncio.gather(*(one(index) for index in range(requests)))
        wall = time.monotonic() - started

    server_requests = len(emulator.requests_to(CHAT))
    served = slots[:server_requests]
    faults_served = Counter("429" if s and s.kind == "rate_limited" else "502" if s else "none" for s in served)
    faults = faults_served["429"] + faults_served["502"]
    errors = Counter(outcome for outcome, _, _, _ in outcomes if outcome not in ("result", "hung"))
    unexpected = [outcome for outcome in errors if outcome.startswith("unexpected:")]
    failed_calls = sum(count for name, count in errors.items() if not name.startswith("unexpected:"))
    retries = sum(len(events) for _, events, _, _ in outcomes)
    latencies = sorted(latency for _, _, latency, _ in outcomes)
    report = LoadReport(
        requests=requests,
        concurrency=concurrency,
        stream_share=stream_share,
        max_retries=max_retries,
        wall_seconds=wall,
        server_requests=server_requests,
        results=sum(1 for outcome, _, _, _ in outcomes if outcome == "result"),
        errors_by_class=dict(errors),
        hung=sum(1 for outcome, _, _, _ in outcomes if outcome == "hung"),
        unexpected=unexpected,
        retries_observed=retries,
        retries_expected=faults - failed_calls,
        faults_served=dict(faults_served),
        max_latency=latencies[-1],
        p50_latency=latencies[len(latencies) // 2],
        p99_latency=latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        violations=[],
    )
    report.violations = _violations(report, outcomes, len(slots))
    return report


async def _call(client: orc.AsyncOpenRouter, index: int, stream: bool, timeout: float) -> str:
    """One call: "result", the typed error's class name, "hung", or "unexpected:<class>"."""
    messages: Any = [{"role": "user", "content": f"load {index} one two three"}]
    try:
        async with asyncio.timeout(timeout):
            if stream:
                text = ""
                async for chunk in await client.chat.completions.create(model=MODEL, messages=messages, stream=True):
                    text += (chunk.choices[0].delta.content or "") if chunk.choices else ""
                ok = text == f"Echo: load {index} one two three"
            else:
                completion = await client.chat.completions.create(model=MODEL, messages=messages)
                ok = completion.choices[0].message.content == f"Echo: load {index} one two three"
        return "result" if ok else "unexpected:WrongAnswer"
    except TimeoutError:
        return "hung"
    except orc.OpenRouterAPIError as exc:
        return type(exc).__name__
    except Exception as exc:
        return f"unexpected:{type(exc).__name__}"


def _violations(
    report: LoadReport, outcomes: list[tuple[str, list[orc.RetryEvent], float, bool]], slots: int
) -> list[str]:
    problems: list[str] = []
    if report.hung:
        problems.append(f"{report.hung} calls hung")
    if report.unexpected:
        problems.append(f"unexpected outcomes: {report.unexpected}")
    if report.results + sum(report.errors_by_class.values()) + report.hung != report.requests:
        problems.append("some calls have no outcome")
    if report.server_requests > slots:
        problems.append("the fault queue ran dry: the retry count cannot be checked")
    if report.retries_observed != report.retries_expected:
        problems.append(f"retries {report.retries_observed} != expected {report.retries_expected}")
    if report.server_requests != report.requests + report.retries_observed:
        problems.append(f"requests seen {report.server_requests} != calls + retries")
    for outcome, events, _, _ in outcomes:
        if len(events) > report.max_retries:
            problems.append(f"a call retried {len(events)} times")
        if outcome in ("RateLimitError", "ProviderError") and len(events) != report.max_retries:
            problems.append(f"a failed call gave up after {len(events)} retries, not {report.max_retries}")
        if any(event.status_code not in (429, 502) for event in events):
            problems.append("a retry of something that was not an injected fault")
    return sorted(set(problems))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--rate-limited", type=float, default=0.1, help="share of request slots answered 429")
    parser.add_argument("--provider-errors", type=float, default=0.1, help="share of request slots answered 502")
    parser.add_argument("--stream-share", type=float, default=0.2, help="share of calls that stream")
    parser.add_argument("--max-retries", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    with Emulator() as emulator:
        report = asyncio.run(
            run_load(
                emulator,
                requests=args.requests,
                concurrency=args.concurrency,
                rate_limited=args.rate_limited,
                provider_errors=args.provider_errors,
                stream_share=args.stream_share,
                max_retries=args.max_retries,
            )
        )
    print("\n".join(report.lines()))
    if args.json:
        args.json.write_text(
            json.dumps({**dataclasses.asdict(report), "requests_per_second": report.requests_per_second}, indent=2)
        )
    return 1 if report.violations else 0


if __name__ == "__main__":
    raise SystemExit(main())
