"""One benchmark contender in its own interpreter, driven by benchmarks/run.py over stdin/stdout (JSON lines).

Standard library only at import time, so it runs in any venv (the optional `openrouter` SDK and LiteLLM
contenders run it from their own, see benchmarks/extras.py). The contender's package is imported by the
`setup` command, which also builds the client and makes one warm-up call of each kind.

    python benchmarks/worker.py CONTENDER BASE_URL     # CONTENDER: ours, openai, stdlib, openrouter, litellm
    then commands like {"op": "calls", "n": 100} on stdin; one JSON answer per line on stdout.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import resource
import sys
import time
import urllib.parse
from collections.abc import Awaitable, Callable
from typing import Any

API_KEY = "sk-or-v1-bench"
MODEL = "openai/gpt-4o-mini"
MESSAGES = [{"role": "user", "content": "Benchmark: say something short."}]
OFFLINE = {"LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_TELEMETRY": "False"}
"""LiteLLM fetches a model price list from the internet at import unless told not to; nothing here goes out."""


class Contender:
    """What every contender can do; `None` where it has no such call (LiteLLM has no model list)."""

    call: Callable[[], object]
    stream: Callable[[int], int]  # chunks received
    acall: Callable[[], Awaitable[object]] | None = None
    models: Callable[[], int] | None = None  # models received
    construct: Callable[[], object] | None = None
    aopen: Callable[[], Awaitable[None]] | None = None  # build the async client inside the loop
    aclose: Callable[[], Awaitable[None]] | None = None


def _openai_like(url: str, module: Any, sync_cls: Any, async_cls: Any) -> Contender:
    c = Contender()
    client = sync_cls(api_key=API_KEY, base_url=url)
    holder: dict[str, Any] = {}

    def stream(chunks: int) -> int:
        count = 0
        for _ in client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": f"long:{chunks}"}], stream=True
        ):
            count += 1
        return count

    async def aopen() -> None:
        holder["a"] = async_cls(api_key=API_KEY, base_url=url)

    async def aclose() -> None:
        await holder["a"].close()

    c.call = lambda: client.chat.completions.create(model=MODEL, messages=MESSAGES)
    c.stream = stream
    c.acall = lambda: holder["a"].chat.completions.create(model=MODEL, messages=MESSAGES)
    c.models = lambda: len(client.models.list().data)
    c.construct = lambda: sync_cls(api_key=API_KEY, base_url=url)
    c.aopen, c.aclose = aopen, aclose
    return c


def _stdlib(url: str) -> Contender:
    """The floor: `http.client` + `json` on one keep-alive connection; asyncio streams for the async figure."""
    parts = urllib.parse.urlsplit(url)
    host, port, prefix = parts.hostname or "127.0.0.1", parts.port or 80, parts.path.rstrip("/")
    conn = http.client.HTTPConnection(host, port)
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}

    def call() -> object:
        conn.request("POST", prefix + "/chat/completions", json.dumps({"model": MODEL, "messages": MESSAGES}), headers)
        return json.loads(conn.getresponse().read())

    def stream(chunks: int) -> int:
        body = {"model": MODEL, "messages": [{"role": "user", "content": f"long:{chunks}"}], "stream": True}
        conn.request("POST", prefix + "/chat/completions", json.dumps(body), headers)
        response = conn.getresponse()
        count = 0
        for line in response:
            if line.startswith(b"data: ") and line != b"data: [DONE]\n":
                json.loads(line[6:])
                count += 1
        response.read()  # marks the keep-alive connection free for the next request
        return count

    def models() -> int:
        conn.request("GET", prefix + "/models", headers=headers)
        return len(json.loads(conn.getresponse().read())["data"])

    pool: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] | None = None
    request = (
        f"POST {prefix}/chat/completions HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {API_KEY}\r\n"
        "Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n"
    )

    async def aopen() -> None:
        nonlocal pool
        pool = asyncio.Queue()  # connections of this event loop only

    async def aclose() -> None:
        while pool is not None and not pool.empty():
            pool.get_nowait()[1].close()

    async def acall() -> object:
        assert pool is not None
        reader, writer = pool.get_nowait() if not pool.empty() else await asyncio.open_connection(host, port)
        payload = json.dumps({"model": MODEL, "messages": MESSAGES}).encode()
        writer.write(request.replace("{length}", str(len(payload))).encode() + payload)
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")
        )
        result = json.loads(await reader.readexactly(length))
        pool.put_nowait((reader, writer))
        return result

    c = Contender()
    c.call, c.stream, c.models, c.acall = call, stream, models, acall
    c.aopen, c.aclose = aopen, aclose
    c.construct = lambda: http.client.HTTPConnection(host, port)
    return c


def _openrouter_sdk(url: str) -> Contender:
    """The official `openrouter` SDK (Speakeasy-generated): `client.chat.send(...)`."""
    from openrouter import OpenRouter  # type: ignore[import-not-found]

    client = OpenRouter(api_key=API_KEY, server_url=url)

    def stream(chunks: int) -> int:
        count = 0
        for _ in client.chat.send(model=MODEL, messages=[{"role": "user", "content": f"long:{chunks}"}], stream=True):
            count += 1
        return count

    holder: dict[str, Any] = {}

    async def aopen() -> None:  # its async HTTP client belongs to one event loop: a new SDK client per run
        holder["a"] = OpenRouter(api_key=API_KEY, server_url=url)

    c = Contender()
    c.call = lambda: client.chat.send(model=MODEL, messages=MESSAGES)
    c.stream = stream
    c.acall = lambda: holder["a"].chat.send_async(model=MODEL, messages=MESSAGES)
    c.aopen = aopen
    c.models = lambda: len(client.models.list().result.data)
    c.construct = lambda: OpenRouter(api_key=API_KEY, server_url=url)
    return c


def _litellm(url: str) -> Contender:
    """LiteLLM's `openrouter/` route, pointed at the benchmark server."""
    import litellm  # type: ignore[import-not-found]  # LITELLM_LOCAL_MODEL_COST_MAP set in main(): no fetch

    options = {"model": f"openrouter/{MODEL}", "api_base": url, "api_key": API_KEY}

    def stream(chunks: int) -> int:
        count = 0
        for _ in litellm.completion(messages=[{"role": "user", "content": f"long:{chunks}"}], stream=True, **options):
            count += 1
        return count

    c = Contender()
    c.call = lambda: litellm.completion(messages=MESSAGES, **options)
    c.stream = stream
    c.acall = lambda: litellm.acompletion(messages=MESSAGES, **options)
    return c


def make(name: str, url: str) -> Contender:
    if name == "ours":
        import openrouter_compat

        return _openai_like(url, openrouter_compat, openrouter_compat.OpenRouter, openrouter_compat.AsyncOpenRouter)
    if name == "openai":
        import openai

        return _openai_like(url, openai, openai.OpenAI, openai.AsyncOpenAI)
    if name == "stdlib":
        return _stdlib(url)
    if name == "openrouter":
        return _openrouter_sdk(url)
    if name == "litellm":
        return _litellm(url)
    raise SystemExit(f"unknown contender {name!r}")


def _timed(work: Callable[[], object], n: int) -> dict[str, Any]:
    """Wall-clock and process-CPU seconds of each of `n` calls (CPU is what load on shared cores disturbs least)."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
    return {"wall": wall, "cpu": cpu}


async def _concurrent(c: Contender, n: int, concurrency: int) -> dict[str, Any]:
    assert c.acall is not None
    if c.aopen:
        await c.aopen()
    remaining = n

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await c.acall()  # type: ignore[misc]

    await asyncio.gather(*(worker() for _ in range(min(concurrency, n))))  # warm-up: opens the connections
    remaining = n
    cpu, start = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu
    if c.aclose:
        await c.aclose()
    return {"wall": wall, "cpu": cpu, "n": n}


def run(c: Contender, command: dict[str, Any]) -> dict[str, Any]:
    op = command["op"]
    if op == "calls":
        return _timed(c.call, command["n"])
    if op == "models":
        if c.models is None:
            return {"skip": "no model list"}
        return _timed(c.models, command["n"])
    if op == "construct":
        if c.construct is None:
            return {"skip": "no client object"}
        return _timed(c.construct, command["n"])
    if op == "stream":
        cpu, start = time.process_time(), time.perf_counter()
        received = c.stream(command["chunks"])
        return {"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu, "chunks": received}
    if op == "async":
        if c.acall is None:
            return {"skip": "no async call"}
        return asyncio.run(_concurrent(c, command["n"], command["concurrency"]))
    if op == "rss":
        return {"max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
    raise ValueError(f"unknown op {op!r}")


def main() -> None:
    name, url = sys.argv[1], sys.argv[2]
    os.environ.update(OFFLINE)
    try:
        contender = make(name, url)
        contender.call()
        contender.stream(50)
        if contender.models:
            contender.models()
    except Exception as error:  # an optional contender that cannot run says why and stops
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)
        return
    print(json.dumps({"ready": name}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        if command["op"] == "quit":
            break
        try:
            answer = run(contender, command)
        except Exception as error:
            answer = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
