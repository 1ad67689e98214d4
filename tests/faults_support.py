"""Helpers shared by the fault, error, retry and load tests: one call shape run through the sync or async client."""

from __future__ import annotations

import dataclasses
from typing import Any, Literal

from openrouter_compat import AsyncOpenRouter, OpenRouter, RetryEvent, RetryPolicy
from openrouter_compat.testing import Emulator

MODEL = "openai/gpt-4o-mini"
PROMPT = "one two three four five six"
FULL_TEXT = "Echo: one two three four five six"
MESSAGES: list[Any] = [{"role": "user", "content": PROMPT}]
CHAT = "/chat/completions"

Mode = Literal["sync", "async"]


def fast_policy(**overrides: Any) -> RetryPolicy:
    """A policy with the default decisions but millisecond backoff, so retry tests stay fast."""
    return RetryPolicy(**{"initial_backoff": 0.01, "max_backoff": 0.05, **overrides})


@dataclasses.dataclass
class Outcome:
    """What one streamed call produced: the chunks yielded before it ended, and the error it ended with."""

    chunks: list[Any]
    error: BaseException | None

    @property
    def text(self) -> str:
        return "".join(chunk.choices[0].delta.content or "" for chunk in self.chunks if chunk.choices)


class Api:
    """The same calls through `OpenRouter` or `AsyncOpenRouter` (per `mode`), recording every retry event."""

    def __init__(self, mode: Mode, emulator: Emulator) -> None:
        self.mode = mode
        self.emulator = emulator
        self.events: list[RetryEvent] = []

    def options(self, policy: RetryPolicy | None = None, **overrides: Any) -> dict[str, Any]:
        """Client constructor arguments for the emulator, with `policy` reporting to `self.events`."""
        policy = policy or fast_policy()
        return {
            "api_key": self.emulator.api_key,
            "base_url": self.emulator.base_url,
            "retry_policy": dataclasses.replace(policy, on_retry=self.events.append),
            "timeout": 5.0,
            **overrides,
        }

    async def call(self, path: str, policy: RetryPolicy | None = None, **kwargs: Any) -> Any:
        """`client.<path>.create(**kwargs)` for a dotted resource path such as `chat.completions`."""
        if self.mode == "sync":
            with OpenRouter(**self.options(policy)) as client:
                return _resource(client, path).create(**kwargs)
        async with AsyncOpenRouter(**self.options(policy)) as aclient:
            return await _resource(aclient, path).create(**kwargs)

    async def create(self, policy: RetryPolicy | None = None, client_options: Any = None, **kwargs: Any) -> Any:
        """A non-streamed chat completion (raises what the client raises)."""
        options = self.options(policy, **(client_options or {}))
        call = {"model": MODEL, "messages": MESSAGES, **kwargs}
        if self.mode == "sync":
            with OpenRouter(**options) as client:
                return client.chat.completions.create(**call)
        async with AsyncOpenRouter(**options) as aclient:
            return await aclient.chat.completions.create(**call)

    async def stream(self, policy: RetryPolicy | None = None, client_options: Any = None, **kwargs: Any) -> Outcome:
        """A streamed chat completion: every chunk yielded, then the error that ended it (None on success)."""
        options = self.options(policy, **(client_options or {}))
        call = {"model": MODEL, "messages": MESSAGES, "stream": True, **kwargs}
        chunks: list[Any] = []
        try:
            if self.mode == "sync":
                with OpenRouter(**options) as client:
                    for chunk in client.chat.completions.create(**call):
                        chunks.append(chunk)
            else:
                async with AsyncOpenRouter(**options) as aclient:
                    async for chunk in await aclient.chat.completions.create(**call):
                        chunks.append(chunk)
        except Exception as exc:
            return Outcome(chunks, exc)
        return Outcome(chunks, None)

    async def helper_stream(self, policy: RetryPolicy | None = None) -> Outcome:
        """The `chat.completions.stream()` helper: chunk events collected until it ends or raises."""
        options = self.options(policy)
        chunks: list[Any] = []
        try:
            if self.mode == "sync":
                with (
                    OpenRouter(**options) as client,
                    client.chat.completions.stream(model=MODEL, messages=MESSAGES) as stream,
                ):
                    for event in stream:
                        if event.type == "chunk":
                            chunks.append(event.chunk)
            else:
                async with (
                    AsyncOpenRouter(**options) as aclient,
                    aclient.chat.completions.stream(model=MODEL, messages=MESSAGES) as astream,
                ):
                    async for event in astream:
                        if event.type == "chunk":
                            chunks.append(event.chunk)
        except Exception as exc:
            return Outcome(chunks, exc)
        return Outcome(chunks, None)

    def requests(self, path: str = CHAT) -> int:
        """How many requests the emulator saw on `path`."""
        return len(self.emulator.requests_to(path))


def _resource(client: Any, path: str) -> Any:
    for name in path.split("."):
        client = getattr(client, name)
    return client
