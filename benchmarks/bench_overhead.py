"""What openrouter_compat costs on top of plain `openai`: per-call latency and stream throughput, one run.

Both clients talk to the same local emulator, started as a subprocess so the server does not compete with
the clients for the GIL. Measurements are interleaved in rounds (ours, openai, openai, ours, ...) to cancel
drift, after a warm-up. Both clients keep their default settings (retries on; none happen: the emulator
answers without faults). Targets: non-stream median ours/openai <= 1.05; stream chunks/s ours/openai >= 0.95.

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
API_KEY = "sk-or-v1-bench"  # the emulator below is told to accept any key
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
    cpu_ratio: float
    """The same ratio computed from the client process's CPU time: robust when other work shares the cores."""
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

        with Emulator(accept_any_key=True) as emu:
            yield str(emu.base_url)
        return
    command = [sys.executable, "-m", "openrouter_compat.testing", "--port", "0", "--lenient"]
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


@dataclass
class Samples:
    """Wall-clock and client-process CPU seconds of each measured unit (a call, or a whole stream)."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def extend(self, other: Samples) -> None:
        self.wall += other.wall
        self.cpu += other.cpu


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _spread(values: list[float], scale: float, unit: str) -> str:
    return f"p10-p90 {_percentile(values, 0.1) * scale:.3g}-{_percentile(values, 0.9) * scale:.3g} {unit}"


def _rounds_order(rounds: int) -> Iterator[bool]:
    """Whether ours goes first in each round: alternate, so neither client always runs warm or cold."""
    for index in range(rounds):
        yield index % 2 == 0


def _time_calls(call: Callable[[], object], count: int) -> Samples:
    samples = Samples()
    for _ in range(count):
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        samples.cpu.append(time.process_time() - cpu)
        samples.wall.append(time.perf_counter() - wall)
    return samples


async def _atime_calls(call: Callable[[], Awaitable[object]], count: int) -> Samples:
    samples = Samples()
    for _ in range(count):
        wall, cpu = time.perf_counter(), time.process_time()
        await call()
        samples.cpu.append(time.process_time() - cpu)
        samples.wall.append(time.perf_counter() - wall)
    return samples


def _latency_row(scenario: str, ours: Samples, theirs: Samples, per_round: list[float]) -> Row:
    mine, base = statistics.median(ours.wall), statistics.median(theirs.wall)
    ratio = mine / base
    cpu_ratio = statistics.median(ours.cpu) / statistics.median(theirs.cpu)
    return Row(
        scenario=scenario,
        unit="ms/call (median)",
        ours=mine * 1e3,
        openai=base * 1e3,
        ratio=ratio,
        cpu_ratio=cpu_ratio,
        target=f"<= {NON_STREAM_TARGET}",
        ok=ratio <= NON_STREAM_TARGET,
        spread=f"ours {_spread(ours.wall, 1e3, 'ms')}; openai {_spread(theirs.wall, 1e3, 'ms')}; "
        f"per-round ratio {min(per_round):.3f}-{max(per_round):.3f}; client CPU/call median "
        f"ours {statistics.median(ours.cpu) * 1e3:.3f} ms, openai {statistics.median(theirs.cpu) * 1e3:.3f} ms",
        samples=len(ours.wall),
    )


def _interleave(
    call_ours: Callable[[], Samples], call_theirs: Callable[[], Samples], rounds: int
) -> tuple[Samples, Samples, list[float]]:
    mine, base, per_round = Samples(), Samples(), []
    for ours_first in _rounds_order(rounds):
        gc.collect()
        if ours_first:
            a = call_ours()
            b = call_theirs()
        else:
            b = call_theirs()
            a = call_ours()
        mine.extend(a)
        base.extend(b)
        per_round.append(statistics.median(a.wall) / statistics.median(b.wall))
    return mine, base, per_round


# ---------------------------------------------------------------- (a) sync non-stream, (c) async non-stream


def bench_sync(url: str, calls: int, rounds: int, warmup: int, extras: bool) -> Row:
    ours = OpenRouter(api_key=API_KEY, base_url=url)
    theirs = openai.OpenAI(api_key=API_KEY, base_url=url)

    def call_ours() -> object:
        if extras:
            return ours.chat.completions.create(model=MODEL, messages=MESSAGES, **EXTRAS)
        return ours.chat.completions.create(model=MODEL, messages=MESSAGES)

    def call_theirs() -> object:
        return theirs.chat.completions.create(model=MODEL, messages=MESSAGES, extra_body=EXTRAS if extras else None)

    _time_calls(call_ours, warmup)
    _time_calls(call_theirs, warmup)
    per = max(1, calls // rounds)
    mine, base, per_round = _interleave(
        lambda: _time_calls(call_ours, per), lambda: _time_calls(call_theirs, per), rounds
    )
    ours.close()
    theirs.close()
    name = "(a) sync non-stream" + (" + provider/usage extras" if extras else "")
    return _latency_row(name, mine, base, per_round)


def bench_async(url: str, calls: int, rounds: int, warmup: int) -> Row:
    async def run() -> Row:
        ours = AsyncOpenRouter(api_key=API_KEY, base_url=url)
        theirs = openai.AsyncOpenAI(api_key=API_KEY, base_url=url)

        def call_ours() -> Awaitable[object]:
            return ours.chat.completions.create(model=MODEL, messages=MESSAGES)

        def call_theirs() -> Awaitable[object]:
            return theirs.chat.completions.create(model=MODEL, messages=MESSAGES)

        await _atime_calls(call_ours, warmup)
        await _atime_calls(call_theirs, warmup)
        mine, base, per_round = Samples(), Samples(), []
        per = max(1, calls // rounds)
        for ours_first in _rounds_order(rounds):
            gc.collect()
            if ours_first:
                a = await _atime_calls(call_ours, per)
                b = await _atime_calls(call_theirs, per)
            else:
                b = await _atime_calls(call_theirs, per)
                a = await _atime_calls(call_ours, per)
            mine.extend(a)
            base.extend(b)
            per_round.append(statistics.median(a.wall) / statistics.median(b.wall))
        await ours.close()
        await theirs.close()
        return _latency_row("(c) async non-stream", mine, base, per_round)

    return asyncio.run(run())


# ---------------------------------------------------------------- (b) one long stream


def _consume(client: openai.OpenAI, chunks: int) -> tuple[int, Samples]:
    """Stream `long:N`; return the chunks received and the stream's (wall, CPU) seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    stream = client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": f"long:{chunks}"}], stream=True
    )
    count = 0
    for _ in stream:
        count += 1
    return count, Samples([time.perf_counter() - wall], [time.process_time() - cpu])


def bench_stream(url: str, chunks: int, repeats: int) -> Row:
    ours = OpenRouter(api_key=API_KEY, base_url=url)
    theirs = openai.OpenAI(api_key=API_KEY, base_url=url)
    _consume(ours, 500)
    _consume(theirs, 500)
    received = 0

    def one(client: openai.OpenAI) -> Samples:
        nonlocal received
        received, samples = _consume(client, chunks)
        return Samples([received / samples.wall[0]], [received / samples.cpu[0]])  # rates, chunks/s

    mine, base, _ = _interleave(lambda: one(ours), lambda: one(theirs), repeats)
    ours.close()
    theirs.close()
    mine_rate, base_rate = statistics.median(mine.wall), statistics.median(base.wall)
    ratio = mine_rate / base_rate
    cpu_ours, cpu_base = statistics.median(mine.cpu), statistics.median(base.cpu)
    return Row(
        scenario=f"(b) sync stream long:{chunks}",
        unit="chunks/s (median)",
        ours=mine_rate,
        openai=base_rate,
        ratio=ratio,
        cpu_ratio=cpu_ours / cpu_base,
        target=f">= {STREAM_TARGET}",
        ok=ratio >= STREAM_TARGET,
        spread=f"ours {min(mine.wall):,.0f}-{max(mine.wall):,.0f}; openai {min(base.wall):,.0f}-{max(base.wall):,.0f}"
        f" chunks/s; per client-CPU-second: ours {cpu_ours:,.0f}, openai {cpu_base:,.0f} chunks",
        samples=repeats,
        notes={"chunks_per_stream": received},
    )


# ---------------------------------------------------------------- deterministic: function calls


def _function_calls(work: Callable[[], object]) -> int:
    """Python-level function calls `work` makes (cProfile's count: deterministic, unlike time on shared cores)."""
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    return sum(entry[1] for entry in pstats.Stats(profiler).stats.values())  # type: ignore[attr-defined]


def call_counts(url: str, calls: int = 100, chunks: int = 2000) -> dict[str, dict[str, float]]:
    """Function calls per non-stream call and per stream chunk, ours and openai's; same requests as above."""
    ours = OpenRouter(api_key=API_KEY, base_url=url)
    theirs = openai.OpenAI(api_key=API_KEY, base_url=url)
    out: dict[str, dict[str, float]] = {}
    for name, client in (("ours", ours), ("openai", theirs)):
        client.chat.completions.create(model=MODEL, messages=MESSAGES)  # warm caches
        per_call = _function_calls(
            lambda c=client: [c.chat.completions.create(model=MODEL, messages=MESSAGES) for _ in range(calls)]  # type: ignore[misc]
        )
        per_stream = _function_calls(lambda c=client: _consume(c, chunks))  # type: ignore[misc]
        out[name] = {"per_call": per_call / calls, "per_chunk": per_stream / chunks}
    ours.close()
    theirs.close()
    return out


def counts_table(counts: dict[str, dict[str, float]]) -> str:
    ours, base = counts["ours"], counts["openai"]
    return "\n".join(
        [
            "Python function calls (deterministic, unaffected by load):",
            f"  non-stream call:  ours {ours['per_call']:,.0f}  openai {base['per_call']:,.0f}  "
            f"ratio {ours['per_call'] / base['per_call']:.3f}",
            f"  stream chunk:     ours {ours['per_chunk']:,.1f}  openai {base['per_chunk']:,.1f}  "
            f"ratio {ours['per_chunk'] / base['per_chunk']:.3f}",
        ]
    )


# ---------------------------------------------------------------- profile


def profile(url: str, calls: int, chunks: int) -> str:
    """cProfile our client on non-stream calls and one long stream; the functions that cost most."""
    out = io.StringIO()
    client = OpenRouter(api_key=API_KEY, base_url=url)
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
        f"{'scenario':<44} {'unit':<18} {'ours':>10} {'openai':>10} {'ratio':>7} {'target':>8}  ok  {'CPU ratio':>9}",
        "-" * 117,
    ]
    for row in rows:
        lines.append(
            f"{row.scenario:<44} {row.unit:<18} {row.ours:>10,.3f} {row.openai:>10,.3f} {row.ratio:>7.3f} "
            f"{row.target:>8}  {'yes' if row.ok else 'NO ':<3} {row.cpu_ratio:>9.3f}"
        )
    lines.append("ratio: ours/openai of the wall-clock figure; CPU ratio: the same from the client process's CPU time")
    lines.append("(robust when other processes share the cores). Targets apply to the wall-clock ratio.")
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
        counts = call_counts(url)
        print("\n" + counts_table(counts), flush=True)
        report = profile(url, min(args.calls, 200), args.chunks) if args.profile else ""
    if report:
        print(report)
    if args.json:
        data = json.dumps(
            {"cpu_count": os.cpu_count(), "rows": [asdict(row) for row in rows], "function_calls": counts}, indent=2
        )
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data + "\n")
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
