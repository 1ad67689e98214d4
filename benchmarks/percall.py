"""CPU per chat call and per stream chunk, ours against plain `openai` (and, for streams, the stdlib floor), in
ONE process, in alternating batches (issue #10).

    python benchmarks/percall.py                 # streams, sync sequential and async concurrency 50
    python benchmarks/percall.py --batches 30 --calls 100
    python benchmarks/percall.py --profile async # also a cProfile (CPU clock) of ours, top functions

benchmarks/run.py measures each contender in its own interpreter, rounds apart; on a loaded machine that
spreads a per-call figure by +-20%. Here both clients run against the same server (benchmarks/server.py)
in the same interpreter, batch after batch, so load changes hit both alike: the median ratio of the paired
batches is steady against load. One process's layout (hash seed, memory) still moves the ratio by up to 10-20%,
so benchmarks/run.py runs this in several interpreters and takes the median. Process CPU time, not wall time.
Not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import openai  # noqa: E402

import openrouter_compat  # noqa: E402

sys.path.insert(0, str(HERE))
import worker  # noqa: E402  (benchmarks/worker.py: the stdlib floor and the openai-like stream, as run.py's)

MODEL = "openai/gpt-4o-mini"
MESSAGES: Any = [{"role": "user", "content": "Benchmark: say something short."}]
KEY = "sk-or-v1-bench"


def start_server() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "server.py"), "--models", "10"], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    match = re.search(r"http://127\.0\.0\.1:\d+/api/v1", proc.stdout.readline())
    if not match:
        proc.kill()
        raise SystemExit("the benchmark server did not start")
    return proc, match.group(0)


def paired(batches: int, run: dict[str, Callable[[], float]]) -> dict[str, list[float]]:
    """CPU seconds of each batch of each contender, the order alternating batch by batch."""
    names = list(run)
    cpu: dict[str, list[float]] = {name: [] for name in names}
    for index in range(batches):
        for name in names if index % 2 == 0 else reversed(names):
            cpu[name].append(run[name]())
    return cpu


def sync_runs(url: str, calls: int) -> dict[str, Callable[[], float]]:
    clients: dict[str, Any] = {
        "ours": openrouter_compat.OpenRouter(api_key=KEY, base_url=url),
        "openai": openai.OpenAI(api_key=KEY, base_url=url),
    }

    def batch(client: Any) -> Callable[[], float]:
        def run() -> float:
            start = time.process_time()
            for _ in range(calls):
                client.chat.completions.create(model=MODEL, messages=MESSAGES)
            return time.process_time() - start

        return run

    return {name: batch(client) for name, client in clients.items()}


async def _concurrent(client: Any, calls: int, concurrency: int) -> float:
    remaining = calls

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await client.chat.completions.create(model=MODEL, messages=MESSAGES)

    start = time.process_time()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.process_time() - start


def async_figures(url: str, calls: int, batches: int, concurrency: int) -> dict[str, list[float]]:
    async def main() -> dict[str, list[float]]:
        clients: dict[str, Any] = {
            "ours": openrouter_compat.AsyncOpenRouter(api_key=KEY, base_url=url),
            "openai": openai.AsyncOpenAI(api_key=KEY, base_url=url),
        }
        for client in clients.values():  # warm-up: the pool's connections opened
            await _concurrent(client, concurrency * 2, concurrency)
        cpu: dict[str, list[float]] = {name: [] for name in clients}
        names = list(clients)
        for index in range(batches):
            for name in names if index % 2 == 0 else reversed(names):
                cpu[name].append(await _concurrent(clients[name], calls, concurrency))
        return cpu

    return asyncio.run(main())


def stream_figures(url: str, chunks: int, batches: int) -> dict[str, float]:
    """Chunks per CPU second of one stream each of ours, `openai` and the stdlib floor (benchmarks/worker.py's
    contenders), alternating batch by batch in this process; the medians of the paired ratios."""
    contenders = {
        "ours": worker._openai_like(
            url, openrouter_compat, openrouter_compat.OpenRouter, openrouter_compat.AsyncOpenRouter
        ),
        "openai": worker._openai_like(url, openai, openai.OpenAI, openai.AsyncOpenAI),
        "stdlib": worker._stdlib(url),
    }

    def timed(name: str) -> Callable[[], float]:
        def run() -> float:
            start = time.process_time()
            received = contenders[name].stream(chunks)
            return received / (time.process_time() - start)

        return run

    runs = {name: timed(name) for name in contenders}
    for run in runs.values():
        run()
    rates = paired(batches, runs)
    return {
        **{f"{name}_rate": statistics.median(values) for name, values in rates.items()},
        "vs_openai": statistics.median(a / b for a, b in zip(rates["ours"], rates["openai"], strict=True)),
        "vs_floor": statistics.median(a / b for a, b in zip(rates["ours"], rates["stdlib"], strict=True)),
    }


def summary(label: str, cpu: dict[str, list[float]], calls: int) -> dict[str, float]:
    """Print and return the CPU per call of each and the median (and quartiles) of the paired batches' ratios."""
    ours = [value / calls * 1e6 for value in cpu["ours"]]
    theirs = [value / calls * 1e6 for value in cpu["openai"]]
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    quartiles = statistics.quantiles(ratios, n=4)
    result = {
        "ours_us": statistics.median(ours),
        "openai_us": statistics.median(theirs),
        "ratio": statistics.median(ratios),
        "p25": quartiles[0],
        "p75": quartiles[2],
    }
    print(
        f"{label}: CPU per call ours {result['ours_us']:.0f} µs, openai {result['openai_us']:.0f} µs; "
        f"ours/openai median of paired batches {result['ratio']:.3f} "
        f"(p25-p75 {result['p25']:.3f}-{result['p75']:.3f})"
    )
    return result


def profile(work: Callable[[], Awaitable[object] | object], top: int) -> None:
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    result = work()
    if asyncio.iscoroutine(result):
        asyncio.run(result)
    profiler.disable()
    stats = pstats.Stats(profiler)
    own = sum(v[2] for k, v in stats.stats.items() if "openrouter_compat" in k[0])  # type: ignore[attr-defined]
    print(f"openrouter_compat's own share of the profiled CPU: {own / stats.total_tt:.1%}")  # type: ignore[attr-defined]
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--calls", type=int, default=100, help="calls per batch")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--chunks", type=int, default=5000, help="chunks per stream (--only stream)")
    parser.add_argument("--only", choices=("sync", "async", "stream"))
    parser.add_argument("--profile", choices=("sync", "async"), help="cProfile ours (CPU clock) instead")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON (benchmarks/run.py reads it)")
    args = parser.parse_args(argv)
    results: dict[str, dict[str, float]] = {}
    proc, url = start_server()
    try:
        if args.profile == "sync":
            run = sync_runs(url, args.calls)["ours"]
            run()
            profile(lambda: [run() for _ in range(args.batches)], args.top)
            return 0
        if args.profile == "async":

            async def loop() -> None:
                client = openrouter_compat.AsyncOpenRouter(api_key=KEY, base_url=url)
                for _ in range(args.batches):
                    await _concurrent(client, args.calls, args.concurrency)

            profile(loop, args.top)
            return 0
        print(f"python {sys.version.split()[0]}; {args.batches} batches of {args.calls} calls per contender")
        if args.only in (None, "stream"):
            got = results["stream"] = stream_figures(url, args.chunks, args.batches)
            print(
                f"stream of {args.chunks:,} chunks, chunks per CPU second: ours {got['ours_rate']:,.0f}, openai"
                f" {got['openai_rate']:,.0f}, stdlib floor {got['stdlib_rate']:,.0f}; median of paired batches:"
                f" ours/openai {got['vs_openai']:.2f}, ours/floor {got['vs_floor']:.3f}"
            )
        if args.only in (None, "sync"):
            runs = sync_runs(url, args.calls)
            for run in runs.values():
                run()
            results["sync"] = summary("sync, sequential", paired(args.batches, runs), args.calls)
        if args.only in (None, "async"):
            figures = async_figures(url, args.calls, args.batches, args.concurrency)
            results["async"] = summary(f"async, concurrency {args.concurrency}", figures, args.calls)
    finally:
        proc.kill()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
