"""The benchmark suite: openrouter_compat against plain `openai`, a stdlib floor and (optionally) other SDKs.

    python3 dev.py bench                  # everything, ~3-5 minutes on 2 cores
    python3 dev.py bench --quick          # smaller counts, a smoke check (~1 minute)
    python3 dev.py bench --extras         # also the official `openrouter` SDK and LiteLLM (venvs under /tmp,
                                          # made by benchmarks/extras.py from the package registry)
    python3 dev.py bench --json out.json  # also write every figure as JSON
    python3 dev.py bench --micro          # only the per-call figures: validation (benchmarks/validation.py) and
                                          # CPU per call ours/openai in one process (benchmarks/percall.py)

How: one canned-answer server (benchmarks/server.py) in its own process; each contender in its own
interpreter (benchmarks/worker.py), so imports, memory and the GIL are its own. Every wire figure is measured
in rounds, the contenders' order rotating each round, each round in fresh interpreters (one process's layout
can bias its figures for its whole life), and pooled: medians, p99 and spreads come from all rounds.
Startup figures (import, first call, peak RSS, pytest startup) come from fresh interpreters, interleaved the
same way. Each figure is given as wall-clock time and as the contender process's CPU time: on a shared machine
the CPU figure is the steadier one. The per-call and stream figures are also measured paired in one process
(benchmarks/percall.py, in several fresh interpreters), which load cannot bias. The server's own CPU use and
the stdlib floor's rates show whether the server could have been the limit (printed at the end).

Not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXTRA_VENVS = Path(tempfile.gettempdir()) / "openrouter_compat-bench"
EXTRAS = ("openrouter", "litellm")


# ---------------------------------------------------------------- processes


def start_server(models: int) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, str(HERE / "server.py"), "--models", str(models)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+/api/v1", line)
    if not match:
        proc.kill()
        raise SystemExit(f"the benchmark server did not start: {line!r}")
    return proc, match.group(0)


def process_cpu(pid: int) -> float:
    """User+system CPU seconds of a running process (Linux /proc), 0.0 where that is not available."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def python_of(contender: str) -> str | None:
    """The interpreter a contender runs in: ours, openai and stdlib in this venv, the extras in their own."""
    if contender not in EXTRAS:
        return sys.executable
    candidate = EXTRA_VENVS / contender / "bin" / "python"
    return str(candidate) if candidate.exists() else None


class Worker:
    """A contender's interpreter, answering JSON commands (benchmarks/worker.py)."""

    def __init__(self, name: str, python: str, url: str) -> None:
        self.name = name
        self.proc = subprocess.Popen(
            [python, str(HERE / "worker.py"), name, url],
            env={**os.environ, "LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_TELEMETRY": "False"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        hello = self._read()
        self.error: str | None = hello.get("error")

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        return json.loads(line) if line else {"error": "worker exited"}

    def ask(self, **command: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(command) + "\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(BrokenPipeError, ValueError):
                self.ask(op="quit")
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# ---------------------------------------------------------------- statistics


def pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


@dataclass
class Figure:
    """One measured figure for each contender (`None`: the contender has no such call)."""

    name: str
    unit: str
    higher_is_better: bool
    values: dict[str, float | None] = field(default_factory=dict)
    cpu: dict[str, float | None] = field(default_factory=dict)
    spread: dict[str, str] = field(default_factory=dict)
    target: str = ""
    met: bool | None = None
    ratio: str = ""


def rotations(names: list[str], rounds: int) -> list[list[str]]:
    """Each round's order: the list rotated by one more each round, so no contender always goes first."""
    return [names[i % len(names) :] + names[: i % len(names)] for i in range(rounds)]


def wire_figures(
    names: list[str], start: Callable[[str], Worker], missing: dict[str, str], args: argparse.Namespace
) -> tuple[list[Figure], list[str]]:
    """Every wire figure, and the contenders measured. Each round starts every contender in a fresh interpreter:
    one process's hash seed and memory layout can move its per-call figures by 10-15% for its whole life, so a
    figure pooled from one interpreter per contender is that much off in a run; pooled over `args.rounds`
    interpreters, the run-to-run spread of the ratios shrinks."""
    pooled: dict[str, dict[str, list[float]]] = {n: {} for n in names}

    def ask(worker: Worker, **command: Any) -> dict[str, Any]:
        answer = worker.ask(**command)
        if "error" in answer:
            print(f"  {worker.name} {command['op']}: {answer['error']}", flush=True)
            return {"skip": answer["error"]}
        return answer

    def add(name: str, key: str, values: list[float] | float) -> None:
        pooled[name].setdefault(key, []).extend(values if isinstance(values, list) else [values])

    for order in rotations(names, args.rounds):
        for name in order:
            if name in missing:
                continue
            worker = start(name)
            if worker.error:
                missing[name] = worker.error
                worker.close()
                continue
            try:
                # the optional SDKs are 10-100x slower per call: fewer calls and chunks (rates and medians stay
                # comparable), so that a run with --extras still ends in minutes
                scale = 5 if name in EXTRAS else 1
                calls = ask(worker, op="calls", n=max(5, args.calls // scale))
                if "skip" not in calls:
                    add(name, "call_wall", calls["wall"])
                    add(name, "call_cpu", calls["cpu"])
                stream = ask(worker, op="stream", chunks=args.chunks // scale)
                if "skip" not in stream:
                    add(name, "stream_rate", stream["chunks"] / stream["wall"])
                    add(name, "stream_cpu_rate", stream["chunks"] / stream["cpu"])
                concurrent = ask(worker, op="async", n=max(100, args.async_calls // scale), concurrency=50)
                if "skip" not in concurrent:
                    add(name, "async_rate", concurrent["n"] / concurrent["wall"])
                    add(name, "async_cpu_rate", concurrent["n"] / concurrent["cpu"])
                models = ask(worker, op="models", n=args.models_calls)
                if "skip" not in models:
                    add(name, "models_wall", models["wall"])
                    add(name, "models_cpu", models["cpu"])
                built = ask(worker, op="construct", n=args.constructions)
                if "skip" not in built:
                    add(name, "construct_cpu", built["cpu"])
                    add(name, "construct_wall", built["wall"])
            finally:
                worker.close()
    names = [n for n in names if n not in missing]

    def med(name: str, key: str, scale: float = 1.0) -> float | None:
        values = pooled[name].get(key)
        return statistics.median(values) * scale if values else None

    def p99(name: str, key: str, scale: float = 1.0) -> float | None:
        values = pooled[name].get(key)
        return pct(values, 0.99) * scale if values else None

    def spread(key: str, scale: float, unit: str) -> dict[str, str]:
        return {
            n: f"p10-p90 {pct(v, 0.1) * scale:,.3g}-{pct(v, 0.9) * scale:,.3g} {unit}"
            for n in names
            if (v := pooled[n].get(key))
        }

    def range_of(key: str, unit: str) -> dict[str, str]:
        return {n: f"min-max {min(v):,.0f}-{max(v):,.0f} {unit}" for n in names if (v := pooled[n].get(key))}

    figures = [
        Figure(
            f"chat call p50 ({args.calls * args.rounds} calls)",  # a fifth of that for the extras
            "ms",
            False,
            {n: med(n, "call_wall", 1e3) for n in names},
            {n: med(n, "call_cpu", 1e3) for n in names},
            spread("call_wall", 1e3, "ms"),
        ),
        Figure(
            "chat call p99",
            "ms",
            False,
            {n: p99(n, "call_wall", 1e3) for n in names},
            {n: p99(n, "call_cpu", 1e3) for n in names},
        ),
        Figure(
            f"stream of {args.chunks:,} chunks",
            "chunks/s",
            True,
            {n: med(n, "stream_rate") for n in names},
            {n: med(n, "stream_cpu_rate") for n in names},
            range_of("stream_rate", "chunks/s"),
        ),
        Figure(
            "async calls, concurrency 50",
            "calls/s",
            True,
            {n: med(n, "async_rate") for n in names},
            {n: med(n, "async_cpu_rate") for n in names},
            range_of("async_rate", "calls/s"),
        ),
        Figure(
            f"models.list() of {args.models} models",
            "ms",
            False,
            {n: med(n, "models_wall", 1e3) for n in names},
            {n: med(n, "models_cpu", 1e3) for n in names},
            spread("models_wall", 1e3, "ms"),
        ),
        Figure(
            "new client (constructor)",
            "ms",
            False,
            {n: med(n, "construct_wall", 1e3) for n in names},
            {n: med(n, "construct_cpu", 1e3) for n in names},
            spread("construct_cpu", 1e3, "ms CPU"),
        ),
    ]
    return figures, names


# ---------------------------------------------------------------- startup: fresh interpreters


IMPORTS = {
    "openai": "import openai",
    "ours": "import openrouter_compat",
    "openai client class": "from openai import OpenAI",
    "ours client class": "from openrouter_compat import OpenRouter",
    "openrouter": "from openrouter import OpenRouter",
    "litellm": "import litellm",
}
TIMER = (
    "import time, sys\nstart, cpu = time.perf_counter(), time.process_time()\n{statement}\n"
    "print(time.perf_counter() - start, time.process_time() - cpu)"
)
FIRST_CALL = (
    "import time, sys, resource\nstart, cpu = time.perf_counter(), time.process_time()\n"
    "sys.path.insert(0, {here!r})\nimport worker\nc = worker.make({name!r}, {url!r})\nc.call()\n"
    "print(time.perf_counter() - start, time.process_time() - cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
)


def _run_python(python: str, code: str, cwd: Path = ROOT) -> list[float]:
    env = {**os.environ, "LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_TELEMETRY": "False"}  # never fetch
    done = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=300, check=False, env=env
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed")
    return [float(x) for x in done.stdout.split()[-3:]]


def startup_figures(contenders: list[str], url: str, repeats: int) -> list[Figure]:
    imports: dict[str, list[list[float]]] = {}
    first: dict[str, list[list[float]]] = {}
    labels = [label for label in IMPORTS if label.split()[0] in contenders]
    for order in rotations(labels, repeats):
        for label in order:
            python = python_of(label.split()[0])
            if python is not None:
                imports.setdefault(label, []).append(_run_python(python, TIMER.format(statement=IMPORTS[label])))
    for order in rotations(contenders, repeats):
        for name in order:
            python = python_of(name)
            if python is not None:
                code = FIRST_CALL.format(here=str(HERE), name=name, url=url)
                first.setdefault(name, []).append(_run_python(python, code))

    def col(table: dict[str, list[list[float]]], index: int, scale: float) -> dict[str, float | None]:
        return {k: statistics.median(row[index] for row in rows) * scale for k, rows in table.items()}

    def rng(table: dict[str, list[list[float]]], index: int, scale: float, unit: str) -> dict[str, str]:
        return {
            k: f"min-max {min(r[index] for r in rows) * scale:,.0f}-{max(r[index] for r in rows) * scale:,.0f} {unit}"
            for k, rows in table.items()
        }

    return [
        Figure(f"import (median of {repeats} fresh interpreters)", "ms", False, col(imports, 0, 1e3),
               col(imports, 1, 1e3), rng(imports, 0, 1e3, "ms")),
        Figure("first call: import + client + one call", "ms", False, col(first, 0, 1e3), col(first, 1, 1e3),
               rng(first, 0, 1e3, "ms")),
        Figure("peak RSS after import + one call", "MB", False, col(first, 2, 1 / 1024), {},
               rng(first, 2, 1 / 1024, "MB")),
    ]  # fmt: skip


PAIRED = {
    "sync": "chat call CPU, paired in one process",
    "async": "async call CPU at concurrency 50, paired in one process",
}


def paired_figures(processes: int) -> list[Figure]:
    """benchmarks/percall.py in `processes` fresh interpreters: in each, the contenders run batch after batch, so
    load moves them alike; across interpreters, what one process's layout does to one of them evens out.
    Judged on the median over the interpreters of each one's median paired-batch ratio; min-max beside it."""
    runs: list[dict[str, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(processes):
            out = Path(tmp) / f"percall-{index}.json"
            command = [sys.executable, str(HERE / "percall.py"), "--batches", "8", "--chunks", "3000"]
            subprocess.run([*command, "--json", str(out)], check=True, timeout=1800, stdout=subprocess.DEVNULL)
            runs.append(json.loads(out.read_text()))

    def pooled(kind: str, key: str) -> list[float]:
        return [run[kind][key] for run in runs]

    def across(values: list[float]) -> str:
        return f"min-max {min(values):.3f}-{max(values):.3f} over {processes} interpreters"

    figures: list[Figure] = []
    for kind, name in PAIRED.items():
        ratios = pooled(kind, "ratio")
        ratio = statistics.median(ratios)
        figures.append(
            Figure(
                name,
                "µs CPU",
                False,
                {
                    "ours": statistics.median(pooled(kind, "ours_us")),
                    "openai": statistics.median(pooled(kind, "openai_us")),
                },
                spread={"ours/openai": across(ratios)},
                ratio=f"{ratio:.3f} (median of paired batches)",
                target="ours/openai <= 1.03",
                met=ratio <= 1.03,
            )
        )
    versus, floor = pooled("stream", "vs_openai"), pooled("stream", "vs_floor")
    figures.append(
        Figure(
            "stream CPU, paired in one process (3,000 chunks)",
            "chunks/CPU s",
            True,
            {name: statistics.median(pooled("stream", f"{name}_rate")) for name in ("ours", "openai", "stdlib")},
            spread={"ours/openai": across(versus), "ours/floor": across(floor)},
            ratio=f"{statistics.median(versus):.2f}x openai; vs floor {statistics.median(floor):.3f}",
            target="ours/openai >= 3 and ours/floor >= 0.85",
            met=statistics.median(versus) >= 3 and statistics.median(floor) >= 0.85,
        )
    )
    return figures


def pytest_startup(repeats: int) -> Figure:
    """`pytest` on one trivial test in an empty project: with our pytest11 plugin loaded, and without."""
    runs: dict[str, list[tuple[float, float]]] = {"plugin on": [], "plugin off": []}
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "test_one.py").write_text("def test_one():\n    assert True\n")
        base = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_one.py"]
        for order in rotations(list(runs), repeats):
            for label in order:
                command = base + (["-p", "no:openrouter_compat"] if label == "plugin off" else [])
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(command, cwd=tmp, capture_output=True, check=True, timeout=300)
                wall = time.perf_counter() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                runs[label].append((wall, cpu))
    # The plugin's own share, measured precisely: its import time (cumulative, -X importtime) after pytest's
    code = "import pytest\nimport openrouter_compat.testing.pytest_plugin"
    for _ in range(repeats):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True, timeout=300
        )
        line = [x for x in done.stderr.splitlines() if x.rstrip().endswith("| openrouter_compat.testing.pytest_plugin")]
        runs.setdefault("plugin import", []).append((int(line[-1].split("|")[1]) / 1e6, 0.0))
    return Figure(
        f"pytest startup, one trivial test (median of {repeats})",
        "ms",
        False,
        {k: statistics.median(w for w, _ in v) * 1e3 for k, v in runs.items()},
        {k: statistics.median(c for _, c in v) * 1e3 for k, v in runs.items() if k != "plugin import"},
        {k: f"min-max {min(w for w, _ in v) * 1e3:,.0f}-{max(w for w, _ in v) * 1e3:,.0f} ms" for k, v in runs.items()},
    )


# ---------------------------------------------------------------- targets and report


def _ratio(figure: Figure, a: str, b: str, cpu: bool = False) -> float | None:
    table = figure.cpu if cpu else figure.values
    x, y = table.get(a), table.get(b)
    return x / y if x and y else None


def judge(figures: dict[str, Figure]) -> None:
    """Set each figure's target, the ratio it is judged on (wall-clock; CPU beside it) and whether it is met."""

    def check(key: str, target: str, ratio: float | None, cpu_ratio: float | None, ok: Callable[[float], bool]) -> None:
        figure = figures[key]
        figure.target = target
        if ratio is not None:
            figure.met = ok(ratio)
            figure.ratio = f"{ratio:.3f}" + (f" (CPU {cpu_ratio:.3f})" if cpu_ratio is not None else "")

    by = {f.name.split(" (")[0].split(" of ")[0].split(",")[0]: f for f in figures.values()}
    call, p99, stream = by["chat call p50"], by["chat call p99"], by["stream"]
    check(
        call.name,
        "ours/openai <= 1.03",
        _ratio(call, "ours", "openai"),
        _ratio(call, "ours", "openai", True),
        lambda r: r <= 1.03,
    )
    check(
        p99.name,
        "ours/openai <= 1.10",
        _ratio(p99, "ours", "openai"),
        _ratio(p99, "ours", "openai", True),
        lambda r: r <= 1.10,
    )
    floor = _ratio(stream, "ours", "stdlib")
    versus = _ratio(stream, "ours", "openai")
    check(
        stream.name,
        "ours/openai >= 3 and ours/floor >= 0.85",
        versus,
        _ratio(stream, "ours", "openai", True),
        lambda r: r >= 3 and floor is not None and floor >= 0.85,
    )
    stream.ratio += f"; vs floor {floor:.3f}" if floor else ""
    concurrent = by["async calls"]
    slower = _ratio(concurrent, "openai", "ours")
    check(
        concurrent.name, "openai/ours <= 1.03", slower, _ratio(concurrent, "openai", "ours", True), lambda r: r <= 1.03
    )
    models = by["models.list()"]
    check(
        models.name,
        "(no target)",
        _ratio(models, "ours", "openai"),
        _ratio(models, "ours", "openai", True),
        lambda r: True,
    )
    models.met = None
    construct = by["new client"]
    check(
        construct.name,
        "ours/openai <= 0.05",
        _ratio(construct, "ours", "openai"),
        _ratio(construct, "ours", "openai", True),
        lambda r: r <= 0.05,
    )
    imports = by["import"]
    extra = (imports.values.get("ours") or 0) - (imports.values.get("openai") or 0)
    imports.target, imports.met = "ours - openai <= +15 ms", extra <= 15
    client_extra = (imports.values.get("ours client class") or 0) - (imports.values.get("openai client class") or 0)
    imports.ratio = f"{extra:+.1f} ms; client class {client_extra:+.1f} ms"
    rss = by["peak RSS after import + one call"]
    more = (rss.values.get("ours") or 0) - (rss.values.get("openai") or 0)
    rss.target, rss.met, rss.ratio = "ours - openai <= +5 MB", more <= 5, f"{more:+.1f} MB"
    first = by["first call: import + client + one call"]
    first.target, first.ratio = "(no target)", f"{_ratio(first, 'ours', 'openai') or 0:.3f}"
    plugin = by["pytest startup"]
    cost = (plugin.values.get("plugin on") or 0) - (plugin.values.get("plugin off") or 0)
    cpu_cost = (plugin.cpu.get("plugin on") or 0) - (plugin.cpu.get("plugin off") or 0)
    own = plugin.values.get("plugin import") or 0
    plugin.target, plugin.met = "on - off <= +50 ms", own <= 50  # judged on the plugin's own import time
    plugin.ratio = f"{cost:+.0f} ms (CPU {cpu_cost:+.0f} ms); plugin import {own:.1f} ms"  # fmt: skip


def _cell(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if value >= 1000 else f"{value:.3g}"


def report(figures: list[Figure], columns: list[str]) -> str:
    header = ["figure", "unit", *columns, "ratio judged (CPU)", "target", "met"]
    rows = [header, ["---"] * len(header)]
    for f in figures:
        cells = [
            _cell(f.values.get(c)) + (f" ({_cell(f.cpu[c])})" if f.cpu.get(c) is not None else "") for c in columns
        ]
        met = "-" if f.met is None else ("yes" if f.met else "NO")
        rows.append([f.name, f.unit, *cells, f.ratio, f.target, met])
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.append("")
    lines.append("Cells: wall-clock median (contender-process CPU in brackets). Spread:")
    for f in figures:
        for name, text in f.spread.items():
            lines.append(f"  {f.name} / {name}: {text}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="rounds, each in fresh interpreters")
    parser.add_argument("--calls", type=int, default=90, help="sequential chat calls per contender per round")
    parser.add_argument("--chunks", type=int, default=10000, help="chunks of the stream (one per round)")
    parser.add_argument("--async-calls", type=int, default=300, help="async calls per round (concurrency 50)")
    parser.add_argument("--models", type=int, default=400, help="models in the server's /models list")
    parser.add_argument("--models-calls", type=int, default=5)
    parser.add_argument("--constructions", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=7, help="fresh interpreters per startup figure")
    parser.add_argument("--paired-processes", type=int, default=5, help="interpreters of benchmarks/percall.py")
    parser.add_argument("--quick", action="store_true", help="rounds 3, calls 40, chunks 3000, repeats 3")
    parser.add_argument("--extras", action="store_true", help="also the openrouter SDK and LiteLLM (--setup first)")
    parser.add_argument("--setup-extras", action="store_true", help="create their venvs (benchmarks/extras.py)")
    parser.add_argument("--json", metavar="PATH")
    parser.add_argument("--micro", action="store_true", help="only validation.py and percall.py (per-call work)")
    args = parser.parse_args(argv)
    if args.micro:
        for script in ("validation.py", "percall.py"):
            subprocess.run([sys.executable, str(HERE / script)], check=True)
        return 0
    if args.quick:
        args.rounds, args.calls, args.chunks, args.async_calls, args.repeats = 3, 40, 3000, 200, 3
        args.paired_processes = 1
        args.models_calls, args.constructions = 3, 5
    if args.setup_extras:
        subprocess.run([sys.executable, str(HERE / "extras.py")], check=True)

    contenders = ["ours", "openai", "stdlib"]
    missing: dict[str, str] = {}
    if args.extras:
        for name in EXTRAS:
            if python_of(name) is None:
                missing[name] = f"no venv at {EXTRA_VENVS / name} (run with --setup-extras)"
            else:
                contenders.append(name)

    server, url = start_server(args.models)
    server_cpu = process_cpu(server.pid)
    started = time.perf_counter()
    try:
        print(
            f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
            f"server {url}; contenders {', '.join(contenders)}, each in a fresh interpreter every round",
            flush=True,
        )
        figures, live = wire_figures(
            contenders, lambda name: Worker(name, python_of(name) or sys.executable, url), missing, args
        )
        figures += startup_figures(live, url, args.repeats)
        figures.append(pytest_startup(args.repeats))
        if {"ours", "openai"} <= set(live):
            figures += paired_figures(args.paired_processes)
    finally:
        busy = process_cpu(server.pid) - server_cpu
        elapsed = time.perf_counter() - started
        server.terminate()
        server.wait(timeout=10)
    judge({f.name: f for f in figures})
    columns = [*live, "ours client class", "openai client class", "plugin on", "plugin off", "plugin import"]
    columns = [c for c in dict.fromkeys(columns) if any(c in f.values for f in figures)]
    print(report(figures, columns))
    print(
        f"\nServer: {busy:.1f} s CPU over {elapsed:.0f} s ({100 * busy / elapsed:.0f}% of one core) while serving every"
        " contender in turn; the stdlib floor's rates above are what it sustains for one client."
    )
    for name, why in missing.items():
        print(f"not measured: {name}: {why}")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"figures": [asdict(f) for f in figures], "missing": missing, "server_cpu": busy}, indent=2)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
