"""The benchmark suite's parts work (benchmarks/run.py is not run here: it measures, it does not test).

The server answers what every contender can parse, streams exactly the chunks asked for, and the worker
protocol gives the figures run.py reads. Counts only: nothing here depends on speed.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, str(BENCH / "server.py"), "--models", "300"], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("listening on http://127.0.0.1:")
    yield line.split()[-1]
    proc.terminate()
    proc.wait(timeout=10)


def _ask(contender: str, url: str, commands: list[dict[str, object]]) -> list[dict[str, object]]:
    stdin = "".join(json.dumps(c) + "\n" for c in [*commands, {"op": "quit"}])
    done = subprocess.run(
        [sys.executable, str(BENCH / "worker.py"), contender, url],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert answers[0] == {"ready": contender}, done.stderr
    return answers[1:]


COMMANDS: list[dict[str, object]] = [
    {"op": "calls", "n": 3},
    {"op": "stream", "chunks": 250},
    {"op": "async", "n": 20, "concurrency": 10},
    {"op": "models", "n": 1},
    {"op": "construct", "n": 2},
]


def _check(answers: list[dict[str, Any]]) -> None:
    calls, stream, concurrent, models, built = answers
    assert len(calls["wall"]) == len(calls["cpu"]) == 3
    # 250 events with data (content, finish, usage); the SDKs yield the usage chunk too, `[DONE]` is not one
    assert stream["chunks"] == 250
    assert concurrent["n"] == 20
    assert concurrent["wall"] > 0
    assert len(models["wall"]) == 1
    assert len(built["cpu"]) == 2


def test_the_stdlib_floor_over_the_worker_protocol(server_url: str) -> None:
    """The protocol run.py speaks, end to end (the stdlib floor starts fastest: no SDK to import)."""
    _check(_ask("stdlib", server_url, COMMANDS))


def test_our_contender_gets_the_same_answers(server_url: str) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        worker = importlib.import_module("worker")
    finally:
        sys.path.remove(str(BENCH))
    contender = worker.make("ours", server_url)
    _check([worker.run(contender, command) for command in COMMANDS])


def test_ours_reads_openrouter_fields_from_the_canned_answers(server_url: str) -> None:
    from openrouter_compat import OpenRouter

    with OpenRouter(api_key="sk-or-v1-bench", base_url=server_url, max_retries=0) as client:
        result = client.chat.completions.create(model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
        assert result.provider == "OpenAI"
        assert result.usage is not None and result.usage.cost is not None
        assert len(client.models.list().data) == 300
        stream = client.chat.completions.create(
            model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "long:40"}], stream=True
        )
        chunks = list(stream)
        assert len(chunks) == 40
        assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens == 40
