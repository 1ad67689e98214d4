"""One request path (issue #13): every route in — resource methods, `openai`'s `beta` helpers, `client.post`,
`client.request`, raw and streaming-response wrappers — passes the same request and response stages.

Each test runs through the sync and the async client against the emulator over 127.0.0.1 and asserts what
reached the wire (routing defaults, validation, model mapping, User-Agent) or what came back (metadata, ledger).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any, Literal

import openai
import pydantic
import pytest

import openrouter_compat as orc
from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat._version import __version__
from openrouter_compat.testing import Emulator
from openrouter_compat.types.chat import ChatCompletion

MODEL = "openai/gpt-4o-mini"
MESSAGES: Any = [{"role": "user", "content": "route me"}]
CHAT = "/chat/completions"
ROUTING: dict[str, Any] = {
    "provider": {"order": ["anthropic", "openai"], "allow_fallbacks": False},
    "models": ["openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5"],
    "transforms": ["middle-out"],
}

Mode = Literal["sync", "async"]


class Answer(pydantic.BaseModel):
    answer: str


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> Mode:
    return request.param  # type: ignore[no-any-return]


def _options(emu: Emulator, **overrides: Any) -> dict[str, Any]:
    return {"api_key": emu.api_key, "base_url": emu.base_url, "max_retries": 0, **overrides}


async def _run(mode: Mode, emu: Emulator, route: str, client_options: Any = None) -> Any:
    """Send one chat request by `route` through a routed client; return what the call returned."""
    options = _options(emu, **(client_options or {}))
    if mode == "sync":
        with OpenRouter(**options) as base:
            return _sync_route(base.with_routing(**ROUTING), route)
    async with AsyncOpenRouter(**options) as abase:
        return await _async_route(abase.with_routing(**ROUTING), route)


def _sync_route(client: OpenRouter, route: str) -> Any:
    if route == "create":
        return client.chat.completions.create(model=MODEL, messages=MESSAGES)
    if route == "beta.parse":
        return client.beta.chat.completions.parse(model=MODEL, messages=MESSAGES, response_format=Answer)
    if route == "beta.stream":
        with client.beta.chat.completions.stream(model=MODEL, messages=MESSAGES) as stream:
            return stream.get_final_completion()
    if route == "stream":
        with client.chat.completions.stream(model=MODEL, messages=MESSAGES) as stream:
            return stream.get_final_completion()
    if route == "post":
        return client.post(CHAT, body={"model": MODEL, "messages": MESSAGES}, cast_to=ChatCompletion)
    if route == "raw":
        return client.chat.completions.with_raw_response.create(model=MODEL, messages=MESSAGES).parse()
    if route == "streaming_response":
        with client.chat.completions.with_streaming_response.create(model=MODEL, messages=MESSAGES) as raw:
            return raw.parse()
    raise AssertionError(route)


async def _async_route(client: AsyncOpenRouter, route: str) -> Any:
    if route == "create":
        return await client.chat.completions.create(model=MODEL, messages=MESSAGES)
    if route == "beta.parse":
        return await client.beta.chat.completions.parse(model=MODEL, messages=MESSAGES, response_format=Answer)
    if route == "beta.stream":
        async with client.beta.chat.completions.stream(model=MODEL, messages=MESSAGES) as stream:
            return await stream.get_final_completion()
    if route == "stream":
        async with client.chat.completions.stream(model=MODEL, messages=MESSAGES) as stream:
            return await stream.get_final_completion()
    if route == "post":
        return await client.post(CHAT, body={"model": MODEL, "messages": MESSAGES}, cast_to=ChatCompletion)
    if route == "raw":
        raw = await client.chat.completions.with_raw_response.create(model=MODEL, messages=MESSAGES)
        return raw.parse()
    if route == "streaming_response":
        async with client.chat.completions.with_streaming_response.create(model=MODEL, messages=MESSAGES) as sraw:
            return await sraw.parse()
    raise AssertionError(route)


ROUTES = ["create", "beta.parse", "beta.stream", "stream", "post", "raw", "streaming_response"]


@pytest.mark.parametrize("route", ROUTES)
async def test_routing_defaults_reach_the_wire_on_every_route(
    mode: Mode, route: str, openrouter_emulator: Emulator
) -> None:
    result = await _run(mode, openrouter_emulator, route)
    body = openrouter_emulator.last_request(CHAT).json
    for name, value in ROUTING.items():
        assert body[name] == value, (route, name)
    assert result.choices[0].message.content  # the call itself worked
    if "stream" not in route:  # a stream helper's final completion is folded from chunks: its metadata is the stream's
        assert result.openrouter is not None and result.openrouter.generation_id == result.id


@pytest.mark.parametrize("route", ["create", "beta.parse", "post"])
async def test_every_route_reaches_the_ledger_once(mode: Mode, route: str, openrouter_emulator: Emulator) -> None:
    ledger = orc.CostLedger()
    await _run(mode, openrouter_emulator, route, {"ledger": ledger})
    assert len(ledger) == 1
    assert ledger.total == openrouter_emulator.total_cost > 0


async def test_call_values_win_over_defaults_and_extra_body_wins_over_both_on_post(
    mode: Mode, openrouter_emulator: Emulator
) -> None:
    body = {"model": MODEL, "messages": MESSAGES, "provider": {"sort": "price"}, "transforms": []}
    options = {"extra_json": {"provider": {"allow_fallbacks": True}}}
    if mode == "sync":
        with OpenRouter(**_options(openrouter_emulator)) as base:
            base.with_routing(**ROUTING).post(CHAT, body=body, options=options, cast_to=ChatCompletion)  # type: ignore[arg-type]
    else:
        async with AsyncOpenRouter(**_options(openrouter_emulator)) as abase:
            await abase.with_routing(**ROUTING).post(CHAT, body=body, options=options, cast_to=ChatCompletion)  # type: ignore[arg-type]
    sent = openrouter_emulator.last_request(CHAT).json
    assert sent["provider"] == {"order": ["anthropic", "openai"], "allow_fallbacks": True, "sort": "price"}
    assert sent["transforms"] == []  # the body's own value over the default
    assert sent["models"] == ROUTING["models"]


async def test_a_hand_built_body_is_validated_before_sending(mode: Mode, openrouter_emulator: Emulator) -> None:
    body = {"model": MODEL, "messages": MESSAGES, "provider": {"sort": "pric"}}
    with pytest.raises(orc.OpenRouterValidationError) as caught:
        if mode == "sync":
            with OpenRouter(**_options(openrouter_emulator)) as client:
                client.post(CHAT, body=body, cast_to=ChatCompletion)
        else:
            async with AsyncOpenRouter(**_options(openrouter_emulator)) as aclient:
                await aclient.post(CHAT, body=body, cast_to=ChatCompletion)
    assert "provider.sort" in str(caught.value)
    assert openrouter_emulator.requests_to(CHAT) == []  # nothing sent


async def test_model_names_are_mapped_on_client_post(mode: Mode, openrouter_emulator: Emulator) -> None:
    body = {"model": "gpt-4o-mini", "messages": MESSAGES}
    options = _options(openrouter_emulator, map_openai_model_names=True)
    if mode == "sync":
        with OpenRouter(**options) as client:
            client.post(CHAT, body=body, cast_to=ChatCompletion)
    else:
        async with AsyncOpenRouter(**options) as aclient:
            await aclient.post(CHAT, body=body, cast_to=ChatCompletion)
    assert openrouter_emulator.last_request(CHAT).json["model"] == "openai/gpt-4o-mini"
    assert body["model"] == "gpt-4o-mini"  # the caller's body is not changed


async def test_the_budget_refuses_client_post_too(mode: Mode, openrouter_emulator: Emulator) -> None:
    ledger = orc.CostLedger(max_cost="0.000000001")
    options = _options(openrouter_emulator, ledger=ledger)
    body = {"model": MODEL, "messages": MESSAGES}
    if mode == "sync":
        with OpenRouter(**options) as client:
            client.post(CHAT, body=body, cast_to=ChatCompletion)
            with pytest.raises(orc.BudgetExceededError):
                client.post(CHAT, body=body, cast_to=ChatCompletion)
    else:
        async with AsyncOpenRouter(**options) as aclient:
            await aclient.post(CHAT, body=body, cast_to=ChatCompletion)
            with pytest.raises(orc.BudgetExceededError):
                await aclient.post(CHAT, body=body, cast_to=ChatCompletion)
    assert len(openrouter_emulator.requests_to(CHAT)) == 1


async def test_user_agent_names_this_library_beside_openai(mode: Mode, openrouter_emulator: Emulator) -> None:
    await _run(mode, openrouter_emulator, "create")
    agent = openrouter_emulator.last_request(CHAT).headers["user-agent"]
    assert f"openrouter-compat/{__version__}" in agent
    assert f"OpenAI/Python {openai.__version__}" in agent


async def test_no_idempotency_claim_without_a_header() -> None:
    """OpenRouter documents no idempotency header, so none is claimed (README) and none is configured."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert "idempotency key" not in readme.lower()
    spec = Path(__file__).resolve().parents[2] / "shared" / "openrouter-api"
    if spec.is_dir():
        texts = [path.read_text(errors="replace").lower() for path in spec.glob("*.yaml")]
        assert not any("idempotency-key" in text for text in texts)
    client = OpenRouter(api_key="sk-or-v1-" + "0" * 64, base_url="http://127.0.0.1:9/api/v1")
    assert client._idempotency_header is None


# --- the import graph ------------------------------------------------------------------------------------

PACKAGE = Path(orc.__file__).resolve().parent


def _imports(path: Path, module: str, modules: set[str]) -> set[str]:
    """Modules of the package that `module` imports at run time (TYPE_CHECKING blocks excluded): for
    `from . import x`, the submodule `x`; the package itself only when a name is not a submodule."""
    tree = ast.parse(path.read_text())
    skipped = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for node in ast.walk(block)
    }
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped or not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        parts = package.split(".")
        base = ".".join(parts[: len(parts) - node.level + 1])
        target = f"{base}.{node.module}" if node.module else base
        submodules = {f"{target}.{alias.name}" for alias in node.names} & modules
        found |= submodules
        if len(submodules) < len(node.names):
            found.add(target)
    return found


def _graph() -> dict[str, set[str]]:
    modules: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["openrouter_compat", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    names = set(modules)
    return {
        name: {
            target
            for target in _imports(path, name, names)
            if target in modules and target != name and not name.startswith(target + ".")
        }
        for name, path in modules.items()
    }


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of `graph`, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)) is not None:
                return found
        state[node] = 2
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_the_package_import_graph_has_no_cycle() -> None:
    graph = _graph()
    assert "openrouter_compat._request_stage" in graph and "openrouter_compat._response_stage" in graph
    cycle = _cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
