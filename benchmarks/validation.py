"""Microbenchmark of the request validation of one chat call (issue #8): µs per call, CPU time, by stage.

    python benchmarks/validation.py            # the table below, best of 7 repeats
    python benchmarks/validation.py --number 2000 --repeat 9

What is timed is the work `openrouter_compat` adds to `client.chat.completions.create(...)` before `openai`
builds the request: the tools check, popping + validating OpenRouter's keyword arguments (`provider`,
`models`, `reasoning`, `plugins`) and the request stage's `prepare_call` over the body `openai` built (a few
messages). No server, no HTTP: the figures are the validation alone. Not a test: pytest does not collect it.
The agent-loop cases time `responses.create`'s `input` check (`check_fields`) over a 200-item conversation that
gains 2 items a call, with its items remembered one by one and with nothing remembered (every item checked).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openai._models import FinalRequestOptions

from openrouter_compat import _validation_memory
from openrouter_compat._extras import check_fields, check_sendable, validate_fields
from openrouter_compat._request_stage import prepare_call
from openrouter_compat._settings import OpenRouterSettings
from openrouter_compat.resources.chat.completions import _prepare_create
from openrouter_compat.types.chat.completion_create_params import OpenRouterChatParams
from openrouter_compat.types.responses.response_create_params import ResponseToolFields

MESSAGES = [
    {"role": "system", "content": "You are terse."},
    {"role": "user", "content": "What is the capital of France?"},
    {"role": "assistant", "content": "Paris."},
    {"role": "user", "content": "And of Italy? Answer in one word, please."},
]
ROUTING: dict[str, Any] = {
    "provider": {"order": ["openai", "azure"], "allow_fallbacks": True, "sort": "price", "data_collection": "deny"},
    "models": ["openai/gpt-4o-mini", "anthropic/claude-3.5-haiku"],
    "reasoning": {"effort": "low", "exclude": False},
    "plugins": [{"id": "web", "max_results": 3, "engine": "exa"}],
}

AGENT_HISTORY: list[dict[str, Any]] = [
    {"role": "user", "content": "hi"},
    {"type": "function_call", "call_id": "c1", "name": "f", "arguments": "{}"},
    {"type": "function_call_output", "call_id": "c1", "output": "x"},
    {"type": "reasoning", "id": "r1", "summary": [{"type": "summary_text", "text": "t"}]},
] * 50
"""A Responses agent loop's `input`: 200 items, resent every turn with the turn's new items appended."""


def _turn(n: int) -> list[dict[str, Any]]:
    return [
        {"type": "function_call", "call_id": f"call-{n}", "name": "f", "arguments": "{}"},
        {"type": "function_call_output", "call_id": f"call-{n}", "output": f"result {n}"},
    ]


def _kwargs() -> dict[str, Any]:
    return {"model": "openai/gpt-4o-mini", "temperature": 0.2, "max_tokens": 64, **ROUTING}


def cases(settings: OpenRouterSettings) -> dict[str, Callable[[], object]]:
    """name -> one call's worth of work."""
    body = {"model": "openai/gpt-4o-mini", "messages": MESSAGES, "temperature": 0.2, "max_tokens": 64}
    options = FinalRequestOptions.construct(method="post", url="/chat/completions", json_data=body, extra_json=ROUTING)
    handwritten = FinalRequestOptions.construct(method="post", url="/chat/completions", json_data={**body, **ROUTING})

    counter = itertools.count()

    def fresh() -> None:  # a value never seen before: no validation outcome to reuse
        validate_fields({**ROUTING, "session_id": f"session-{next(counter)}"}, OpenRouterChatParams)

    def all_new() -> None:  # every field's value new: nothing remembered helps
        n = next(counter)
        validate_fields(
            {
                "provider": {**ROUTING["provider"], "order": [f"openai-{n}", "azure"]},
                "models": [f"openai/gpt-4o-mini-{n}", "anthropic/claude-3.5-haiku"],
                "reasoning": {"effort": "low", "max_tokens": n},
                "plugins": [{"id": "web", "max_results": n % 5 + 1, "engine": "exa"}],
            },
            OpenRouterChatParams,
        )

    conversation = list(AGENT_HISTORY)

    def agent_turn() -> None:  # 200 items, 2 of them new: the last 200 of a conversation growing by 2 a call
        nonlocal conversation
        conversation = [*conversation[2:], *_turn(next(counter))]
        check_fields({"input": conversation}, ResponseToolFields)

    def agent_turn_cold() -> None:  # the same with nothing remembered: every item checked (before item memory)
        _validation_memory.PASSED.clear()
        agent_turn()

    def per_call() -> object:  # what one create(...) call validates: the resource's kwargs, then the stage
        _prepare_create(settings, _kwargs())
        return prepare_call(settings, options)

    return {
        "per chat call (resource kwargs + prepare_call)": per_call,
        "validate_fields(routing fields)": lambda: validate_fields(ROUTING, OpenRouterChatParams),
        "validate_fields(routing fields), a new session_id each call": fresh,
        "validate_fields(routing fields), every field new each call": all_new,
        "Responses input, 200 items, 2 new each call (agent loop)": agent_turn,
        "Responses input, 200 items, nothing remembered": agent_turn_cold,
        "check_sendable(routing fields)": lambda: check_sendable(ROUTING),
        "prepare_call, routing fields hand-written in the body": lambda: prepare_call(settings, handwritten),
        "_prepare_create, no OpenRouter fields": lambda: _prepare_create(
            settings, {"model": "openai/gpt-4o-mini", "temperature": 0.2}
        ),
    }


def measure(work: Callable[[], object], number: int, repeat: int) -> tuple[float, float]:
    """Best-of-`repeat` wall and CPU µs per call over `number` calls each."""
    work()
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(number):
            work()
        cpus.append((time.process_time() - start_cpu) / number * 1e6)
        walls.append((time.perf_counter() - start) / number * 1e6)
    return min(walls), min(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--number", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    settings = OpenRouterSettings()
    print(f"python {sys.version.split()[0]}; best of {args.repeat} x {args.number} calls")
    print(f"| {'what':<56} | wall µs | CPU µs |\n| {'-' * 56} | ---: | ---: |")
    for name, work in cases(settings).items():
        number = max(1, args.number // 20) if "200 items" in name else args.number  # ~100x the others' cost
        wall, cpu = measure(work, number, args.repeat)
        print(f"| {name:<56} | {wall:7.1f} | {cpu:6.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
