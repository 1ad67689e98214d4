"""What openrouter_compat costs on top of plain `openai`: per-call latency and stream throughput, one run.

Both clients talk to the same local emulator, started as a subprocess so the server does not compete with
the clients for the GIL. Measurements are interleaved in rounds (ours, openai, openai, ours, ...) to cancel
drift, after a warm-up. Targets: non-stream median ours/openai <= 1.05; stream chunks/s ours/openai >= 0.95.

    python3 dev.py bench                 # full run (~1 minute on 2 cores)
    python3 dev.py bench --quick         # smaller N, for a smoke check
    python3 dev.py bench --json out.json # also write the figures as JSON
    python3 dev.py bench --profile       # cProfile our client on both paths; where our time goes

Not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import gc
import io
import json
import os
import pstats
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import openai

from openrouter_compat import AsyncOpenRouter, OpenRouter

ROOT = Path(__file__).resolve().parent.parent
API_KEY = "sk-or-v1-bench"  # the emulator accepts any key
MODEL = "openai/gpt-4o-mini"
MESSAGES: list[Any] = [{"role": "user", "content": "Benchmark: say something short."}]
EXTRAS: dict[str, Any] = {"provider": {"order": ["openai", "azure"], "sort": "latency"}, "usage": {"include": True}}
NON_STREAM_TARGET = 1.05
STREAM_TARGET = 0.95


@dataclass
class Row:
    """One comparison: a figure for each client, their ratio, the target and the spread."""

    scenario: str
    unit: str
    ours: float
    openai: float
    ratio: float
    target: str
    ok: bool
    spread: str
    samples: int
    notes: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- the server


@contextlib.contextmanager
def emulator(in_process: bool) -> Iterator[str]:
    """Yield the base URL of a running emulator: a subprocess (default) or a thread of this process."""
    if in_process:
        from openrouter_compat.testing import Emulator

        with Emulator() as emu:
            yield str(emu.base_url)
        return
    command = [sys.executable, "-m", "openrouter_compat.testing", "--port", "0"]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield _read_base_url(proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _read_base_url(proc: subprocess.Popen[str]) -> str:
    """The first http://127.0.0.1:PORT/... URL the emulator prints."""
    assert proc.stdout is not None
    deadline = time.monotonic() + 30
    seen: list[str] = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        match = re.search(r"https?://(?:127\.0\.0\.1|localhost):\d+[^\s\"']*", line)
        if match:
            return match.group(0).rstrip("/.,")
    raise SystemExit("the emulator did not print its base URL:\n" + "".join(seen))


# ---------------------------------------------------------------- measurement helpers


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _spread(values: list[float], scale: float, unit: str) -> str:
    return f"p10-p90 {_percentile(values, 0.1) * scale:.3g}-{_percentile(values, 0.9) * scale:.3g} {unit}"


def _rounds_order(rounds: int) -> Iterator[tuple[int, bool]]:
    """(round, ours_first): alternate which client goes first so neither always runs warm or cold."""
    for index in range(rounds):
        yield index, index % 2 == 0


def _time_calls(call: Callable[[], object], count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times


async def _atime_calls(call: Callable[[], Awaitable[object]], count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        await call()
        times.append(time.perf_counter() - start)
    return times


def _latency_row(scenario: str, ours: list[float], theirs: list[float], per_round: list[float]) -> Row:
    mine, base = statistics.median(ours), statistics.median(theirs)
    ratio = mine / base
    return Row(
        scenario=scenario,
        unit="ms/call (median)",
        ours=mine * 1e3,
        openai=base * 1e3,
        ratio=ratio,
        target=f"<= {NON_STREAM_TARGET}",
        ok=ratio <= NON_STREAM_TARGET,
        spread=f"ours {_spread(ours, 1e3, 'ms')}; openai {_spread(theirs, 1e3, 'ms')}; "
        f"per-round ratio {min(per_round):.3f}-{max(per_round):.3f}",
        samples=len(ours),
    )


# ---------------------------------------------------------------- (a) sync non-stream, (c) async non-stream


def bench_sync(url: str, calls: int, rounds: int, warmup: int, extras: bool) -> Row:
    ours = OpenRouter(api_key=API_KEY, base_url=url, max_retries=0)
    theirs = openai.OpenAI(api_key=API_KEY, base_url=url, max_retries=0)

    def call_ours() -> object:
        if extras:
            return ours.chat.completions.create(model=MODEL, messages=MESSAGES, **EXTRAS)
        return ours.chat.completions.create(model=MODEL, messages=MESSAGES)

    def call_theirs() -> object:
        return theirs.chat.completions.create(model=MODEL, messages=MESSAGES, extra_body=EXTRAS if extras else None)

    _time_calls(call_ours, warmup)
    _time_calls(call_theirs, warmup)
    mine: list[float] = []
    base: list[float] = []
    per_round: list[float] = []
    per = max(1, calls // rounds)
    for _, ours_first in _rounds_order(rounds):
        gc.collect()
        if ours_first:
            a = _time_calls(call_ours, per)
            b = _time_calls(call_theirs, per)
        else:
            b = _time_calls(call_theirs, per)
            a = _time_calls(call_ours, per)
        mine += a
        base += b
        per_round.append(statistics.median(a) / statistics.median(b))
    ours.close()
    theirs.close()
    name = "(a) sync non-stream" + (" + provider/usage extras" if extras else "")
    return _latency_row(name, mine, base, per_round)


def bench_async(url: str, calls: int, rounds: int, warmup: int) -> Row:
    async def run() -> Row:
        ours = AsyncOpenRouter(api_key=API_KEY, base_url=url, max_retries=0)
        theirs = openai.AsyncOpenAI(api_key=API_KEY, base_url=url, max_retries=0)

        def call_ours() -> Awaitable[object]:
            return ours.chat.completions.create(model=MODEL, messages=MESSAGES)

        def call_theirs() -> Awaitable[object]:
            return theirs.chat.completions.create(model=MODEL, messages=MESSAGES)

        await _atime_calls(call_ours, warmup)
        await _atime_calls(call_theirs, warmup)
        mine: list[float] = []
        base: list[float] = []
        per_round: list[float] = []
        per = max(1, calls // rounds)
        for _, ours_first in _rounds_order(rounds):
            gc.collect()
            if ours_first:
                a = await _atime_calls(call_ours, per)
                b = await _atime_calls(call_theirs, per)
            else:
                b = await _atime_calls(call_theirs, per)
                a = await _atime_calls(call_ours, per)
            mine += a
            base += b
            per_round.append(statistics.median(a) / statistics.median(b))
        await ours.close()
        await theirs.close()
        return _latency_row("(c) async non-stream", mine, base, per_round)

    return asyncio.run(run())


# ---------------------------------------------------------------- (b) one long stream


def _consume(client: openai.OpenAI, chunks: int) -> tuple[int, float]:
    """Stream `long:N` and return (chunks received, seconds)."""
    start = time.perf_counter()
    stream = client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": f"long:{chunks}"}], stream=True
    )
    count = 0
    for _ in stream:
        count += 1
    return count, time.perf_counter() - start


def bench_stream(url: str, chunks: int, repeats: int) -> Row:
    ours = OpenRouter(api_key=API_KEY, base_url=url, max_retries=0)
    theirs = openai.OpenAI(api_key=API_KEY, base_url=url, max_retries=0)
    _consume(ours, 500)
    _consume(theirs, 500)
    mine: list[float] = []
    base: list[float] = []
    received = 0
    for _, ours_first in _rounds_order(repeats):
        gc.collect()
        order = [(ours, mine), (theirs, base)] if ours_first else [(theirs, base), (ours, mine)]
        for client, sink in order:
            received, seconds = _consume(client, chunks)
            sink.append(received / seconds)
    ours.close()
    theirs.close()
    mine_rate, base_rate = statistics.median(mine), statistics.median(base)
    ratio = mine_rate / base_rate
    return Row(
        scenario=f"(b) sync stream long:{chunks}",
        unit="chunks/s (median)",
        ours=mine_rate,
        openai=base_rate,
        ratio=ratio,
        target=f">= {STREAM_TARGET}",
        ok=ratio >= STREAM_TARGET,
        spread=f"ours {min(mine):,.0f}-{max(mine):,.0f}; openai {min(base):,.0f}-{max(base):,.0f} chunks/s",
        samples=repeats,
        notes={"chunks_per_stream": received},
    )


# ---------------------------------------------------------------- profile


def profile(url: str, calls: int, chunks: int) -> str:
    """cProfile our client on non-stream calls and one long stream; the functions that cost most."""
    out = io.StringIO()
    client = OpenRouter(api_key=API_KEY, base_url=url, max_retries=0)
    for title, work in (
        (
            f"{calls} non-stream calls with provider/usage extras",
            lambda: [client.chat.completions.create(model=MODEL, messages=MESSAGES, **EXTRAS) for _ in range(calls)],
        ),
        (f"one stream long:{chunks}", lambda: _consume(client, chunks)),
    ):
        work()  # warm
        profiler = cProfile.Profile()
        profiler.enable()
        work()
        profiler.disable()
        out.write(f"\n===== profile: {title}\n")
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(r"openrouter_compat|openai/_|pydantic", 25)
        stats.sort_stats("tottime").print_stats(12)
    client.close()
    return out.getvalue()


# ---------------------------------------------------------------- report


def table(rows: list[Row]) -> str:
    lines = [
        f"{'scenario':<44} {'unit':<18} {'ours':>10} {'openai':>10} {'ratio':>7} {'target':>8}  ok",
        "-" * 106,
    ]
    for row in rows:
        lines.append(
            f"{row.scenario:<44} {row.unit:<18} {row.ours:>10,.3f} {row.openai:>10,.3f} {row.ratio:>7.3f} "
            f"{row.target:>8}  {'yes' if row.ok else 'NO'}"
        )
    lines.append("")
    lines += [f"  {row.scenario}: n={row.samples}; {row.spread}" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, default=500, help="non-stream calls per client (default 500)")
    parser.add_argument("--rounds", type=int, default=10, help="interleaved rounds (default 10)")
    parser.add_argument("--chunks", type=int, default=20000, help="chunks in the long stream (default 20000)")
    parser.add_argument("--repeats", type=int, default=5, help="long streams per client (default 5)")
    parser.add_argument("--warmup", type=int, default=30, help="warm-up calls per client (default 30)")
    parser.add_argument("--quick", action="store_true", help="calls=100, chunks=5000, repeats=3")
    parser.add_argument("--in-process", action="store_true", help="run the emulator in this process")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON ('-' for stdout)")
    parser.add_argument("--profile", action="store_true", help="after measuring, cProfile our client")
    args = parser.parse_args(argv)
    if args.quick:
        args.calls, args.chunks, args.repeats = 100, 5000, 3

    with emulator(args.in_process) as url:
        where = "in-process" if args.in_process else "subprocess"
        print(f"emulator ({where}) at {url}; python {sys.version.split()[0]}; {os.cpu_count()} cores", flush=True)
        rows = [
            bench_sync(url, args.calls, args.rounds, args.warmup, extras=False),
            bench_sync(url, args.calls, args.rounds, args.warmup, extras=True),
            bench_stream(url, args.chunks, args.repeats),
            bench_async(url, args.calls, args.rounds, args.warmup),
        ]
        print(table(rows), flush=True)
        report = profile(url, min(args.calls, 200), args.chunks) if args.profile else ""
    if report:
        print(report)
    if args.json:
        data = json.dumps({"cpu_count": os.cpu_count(), "rows": [asdict(row) for row in rows]}, indent=2)
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data + "\n")
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
