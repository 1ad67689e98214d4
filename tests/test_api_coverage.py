"""docs/api-coverage.md cannot lie: every spec operation has a row, and every row's method exists on both clients
and sends exactly that method and path (asserted on the emulator's recorded request)."""

from __future__ import annotations

import contextlib
import inspect
import re
import types
import typing
from pathlib import Path
from typing import Any

import openai
import pytest
import typing_extensions
from spec_support import SPECS, load_spec

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.testing import Emulator

ROOT = Path(__file__).resolve().parents[1]
COVERAGE = ROOT / "docs" / "api-coverage.md"
SPEC = SPECS / "openapi-2026-09.yaml"
ROW = re.compile(r"^\| (GET|POST|PUT|PATCH|DELETE) \| (/\S*) \| client\.([\w.]+) \|", re.MULTILINE)
LEFT_OUT = re.compile(r"^- `(GET|POST|PUT|PATCH|DELETE) (/\S*)`: .+", re.MULTILINE)
MODEL = "openai/gpt-4o-mini"

# Calls whose arguments the signature alone does not tell (hand-written methods with openai's shapes).
CALLS: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
    "chat.completions.create": ((), {"model": MODEL, "messages": [{"role": "user", "content": "hi"}]}),
    "responses.create": ((), {"model": MODEL, "input": "hi"}),
    "embeddings.create": ((), {"model": "openai/text-embedding-3-small", "input": "hi"}),
    "models.retrieve": ((MODEL,), {}),
    "models.endpoints": ((MODEL,), {}),
    "generations.retrieve": (("gen-unknown",), {}),
    "auth.create_code": ((), {"callback_url": "https://example.com/cb"}),
    "auth.exchange_code": ((), {"code": "code-1"}),
    "keys.create": ((), {"name": "k"}),
    "audio.speech.create": ((), {"model": "openai/gpt-4o-mini-tts", "input": "hi", "voice": "alloy"}),
    "audio.transcriptions.create": ((), {"model": "openai/whisper-1", "file": ("a.wav", b"RIFF")}),
    "files.create": ((), {"file": ("a.txt", b"hello"), "purpose": "user_data"}),
    "messages.create": ((), {"model": MODEL, "max_tokens": 8, "messages": [{"role": "user", "content": "hi"}]}),
    "presets.create_from_chat": (("p1",), {"model": MODEL, "messages": [{"role": "user", "content": "hi"}]}),
    "presets.create_from_messages": (
        ("p1",),
        {"model": MODEL, "max_tokens": 8, "messages": [{"role": "user", "content": "hi"}]},
    ),
    "containers.files.list": (("c1",), {}),
    "containers.files.retrieve": (("f1",), {"container_id": "c1"}),
    "containers.files.content.retrieve": (("f1",), {"container_id": "c1"}),
    "containers.files.promote": (("f1",), {"container_id": "c1"}),
}


def rows() -> list[tuple[str, str, str]]:
    return ROW.findall(COVERAGE.read_text())


def test_every_spec_operation_has_a_row_or_a_reason() -> None:
    if not SPEC.exists():
        pytest.skip(f"the bundled spec is not beside the repo ({SPEC}); it lives in ../shared")
    spec = load_spec(SPEC)
    wanted = {
        (method.upper(), path)
        for path, item in spec["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    }
    text = COVERAGE.read_text()
    listed = {(m, p) for m, p, _ in ROW.findall(text)} | set(LEFT_OUT.findall(text))
    assert len(wanted) == 101
    assert sorted(wanted - listed) == []
    assert sorted(listed - wanted) == []


def _resolve(root: object, dotted: str) -> Any:
    target: Any = root
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def _sample(annotation: Any) -> Any:
    """A value of `annotation` that passes validation (first Literal, first union member, required keys)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated or origin in (typing.Required, typing_extensions.Required):
        return _sample(args[0])
    if origin is typing.Literal:
        return args[0]
    if origin in (typing.Union, types.UnionType):
        members = [a for a in args if a is not type(None) and not (isinstance(a, type) and a.__name__ == "Omit")]
        return _sample(members[0])
    if origin is list:
        return [_sample(args[0])]
    if origin is dict:
        return {}
    if typing_extensions.is_typeddict(annotation):
        hints = typing.get_type_hints(annotation, include_extras=True)
        return {k: _sample(v) for k, v in hints.items() if k in annotation.__required_keys__}
    return {str: "x1", int: 1, float: 1.0, bool: True}.get(annotation, "x1")


def _arguments(method: Any, dotted: str) -> tuple[tuple[Any, ...], dict[str, Any]]:
    if dotted in CALLS:
        return CALLS[dotted]
    hints = typing.get_type_hints(method, include_extras=True)
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for name, param in inspect.signature(method).parameters.items():
        if param.default is not inspect.Parameter.empty:
            continue
        value = _sample(hints[name])
        if param.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[name] = value
        else:
            args.append(value)
    return tuple(args), kwargs


def _pattern(path: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(path)))


@pytest.mark.parametrize(("method", "path", "dotted"), rows(), ids=str)
def test_row_method_sends_its_method_and_path(
    method: str, path: str, dotted: str, openrouter_emulator: Emulator
) -> None:
    with OpenRouter(api_key=openrouter_emulator.management_key, base_url=openrouter_emulator.base_url) as client:
        call = _resolve(client.with_options(max_retries=0), dotted)
        args, kwargs = _arguments(call, dotted)
        with contextlib.suppress(openai.APIStatusError):  # still sent (e.g. an unknown generation id: 404)
            call(*args, **kwargs)
    sent = openrouter_emulator.last_request()
    assert (sent.method, bool(_pattern(path).fullmatch(sent.path))) == (method, True), sent.path


@pytest.mark.parametrize(("method", "path", "dotted"), rows(), ids=str)
async def test_row_method_exists_on_the_async_client_and_sends_its_path(
    method: str, path: str, dotted: str, openrouter_emulator: Emulator
) -> None:
    async with AsyncOpenRouter(
        api_key=openrouter_emulator.management_key, base_url=openrouter_emulator.base_url, max_retries=0
    ) as client:
        call = _resolve(client, dotted)
        args, kwargs = _arguments(call, dotted)
        pending = call(*args, **kwargs)
        assert inspect.isawaitable(pending)  # a coroutine, or an AsyncPaginator for list endpoints
        with contextlib.suppress(openai.APIStatusError):
            await pending
    sent = openrouter_emulator.last_request()
    assert (sent.method, bool(_pattern(path).fullmatch(sent.path))) == (method, True), sent.path
