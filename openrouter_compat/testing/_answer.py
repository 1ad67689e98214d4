"""The deterministic "model": picks model and provider, writes the answer, counts and prices it."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from typing import Any, Literal

from .._json import is_array, is_object
from ._catalogue import DEFAULT_MODEL, default_provider, permaslug, provider_display
from ._context import Context
from ._errors import ApiError
from ._records import GenerationRecord
from ._reply import Reply
from ._synth import fill_schema, lorem, pieces, stable_hex, tool_arguments, word_count
from ._usage import Usage, compute_usage, fixed_usage

Reasoning = Literal["off", "visible", "hidden"]
Family = Literal["openai", "anthropic", "google", "other"]

_LONG = re.compile(r"long:(\d+)")
_MAX_LONG = 1_000_000
_FAMILIES: dict[str, Family] = {"openai": "openai", "anthropic": "anthropic", "google": "google"}
_NATIVE: dict[str, dict[str, str]] = {
    "openai": {"stop": "stop", "length": "length", "tool_calls": "tool_calls"},
    "anthropic": {"stop": "end_turn", "length": "max_tokens", "tool_calls": "tool_use"},
    "google": {"stop": "STOP", "length": "MAX_TOKENS", "tool_calls": "STOP"},
    "other": {"stop": "stop", "length": "length", "tool_calls": "tool_calls"},
}


@dataclass(frozen=True)
class ToolSpec:
    """A function tool the caller offered."""

    name: str
    parameters: Any


@dataclass(frozen=True)
class FunctionCall:
    """A function call the answer makes (decided by the emulator or scripted), with its id settled."""

    id: str
    name: str
    arguments: str


@dataclass(frozen=True)
class Ask:
    """What an inference request asks for, normalised across chat, completions and responses."""

    model: str | None
    models: tuple[str, ...]
    provider_order: tuple[str, ...]
    prompt_tokens: int
    last_user_text: str
    last_is_user: bool
    tools: tuple[ToolSpec, ...] = ()
    tool_choice: Any = None
    json_schema: Any = None
    json_object: bool = False
    reasoning: Reasoning = "off"
    max_tokens: int | None = None
    web: bool = False


@dataclass(frozen=True)
class Answer:
    """The generated answer with everything needed to render any response shape."""

    model: str
    provider: str
    family: Family
    content: str
    reasoning: str | None
    reasoning_visible: bool
    tool_calls: tuple[FunctionCall, ...]
    annotations: tuple[dict[str, Any], ...]
    finish_reason: str
    usage: Usage
    failed_models: tuple[str, ...]
    content_chunks: tuple[str, ...] | None = None
    reasoning_chunks: tuple[str, ...] | None = None
    scripted: bool = False

    @property
    def native_finish_reason(self) -> str:
        """The provider-native spelling of the finish reason."""
        return native_finish(self.family, self.finish_reason)

    def content_pieces(self) -> list[str]:
        """The content as stream pieces: the scripted ones, else word by word."""
        return list(self.content_chunks) if self.content_chunks is not None else pieces(self.content)

    def reasoning_pieces(self) -> list[str]:
        """The reasoning as stream pieces: the scripted ones, else word by word."""
        if self.reasoning_chunks is not None:
            return list(self.reasoning_chunks)
        return pieces(self.reasoning) if self.reasoning is not None else []


def native_finish(family: Family, finish: str) -> str:
    """Map a normalised finish reason to what the model family's provider says."""
    return _NATIVE[family].get(finish, finish)


def family_of(model: str) -> Family:
    """Which vendor's conventions (reasoning format, finish reasons) a model follows."""
    return _FAMILIES.get(model.split("/", 1)[0], "other")


def reasoning_mode(body: dict[str, Any]) -> Reasoning:
    """Decide whether reasoning is produced and returned, validating reasoning vs reasoning_effort."""
    reasoning = body.get("reasoning")
    effort = body.get("reasoning_effort")
    if is_object(reasoning) and effort is not None and reasoning.get("effort") != effort:
        raise ApiError(400, 'Only one of "reasoning" and "reasoning_effort" may be provided')
    on, hidden = False, False
    if is_object(reasoning):
        if reasoning.get("enabled") is False or reasoning.get("effort") == "none":
            return "off"
        on, hidden = True, reasoning.get("exclude") is True
    if effort is not None:
        if effort == "none":
            return "off"
        on = True
    include = body.get("include_reasoning")
    if include is True:
        on = True
    elif include is False and on:
        hidden = True
    model = body.get("model")
    if isinstance(model, str) and ":thinking" in model:
        on = True
    return "off" if not on else "hidden" if hidden else "visible"


def max_tokens_of(body: dict[str, Any], *keys: str) -> int | None:
    """The first integer output limit found under ``keys``."""
    for key in keys:
        value = body.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def web_requested(body: dict[str, Any], tools: Any) -> bool:
    """Whether the web plugin, an ``:online`` model, or a server web-search tool was requested."""
    model = body.get("model")
    if isinstance(model, str) and model.endswith(":online"):
        return True
    plugins = body.get("plugins")
    if is_array(plugins) and any(is_object(p) and p.get("id") == "web" for p in plugins):
        return True
    return is_array(tools) and any(
        is_object(t) and t.get("type") in ("openrouter:web_search", "web_search") for t in tools
    )


def provider_order(body: dict[str, Any]) -> tuple[str, ...]:
    """The ``provider.order`` list, if any."""
    provider = body.get("provider")
    order = provider.get("order") if is_object(provider) else None
    return tuple(str(o) for o in order) if is_array(order) else ()


def string_list(value: Any) -> tuple[str, ...]:
    """The strings of a JSON list (e.g. ``models``), else empty."""
    return tuple(v for v in value if isinstance(v, str)) if is_array(value) else ()


def plan(ctx: Context, ask: Ask) -> Answer:
    """Produce the answer for a request: the scripted reply if any, else the deterministic one.

    Raises ApiError for credit and fallback failures.
    """
    if ctx.store.total_cost >= ctx.settings.total_credits:
        raise ApiError(402)
    if ctx.reply is not None:
        return scripted_answer(ask, ctx.reply)
    model, failed = _choose_model(ctx, ask)
    provider = provider_display(ask.provider_order[0]) if ask.provider_order else default_provider(model)
    family = family_of(model)
    tool = _pick_tool(ask)
    finish = "tool_calls" if tool else "stop"
    reasoning = _reasoning_text(ask) if ask.reasoning != "off" else None
    content = _content(ask, tool)
    if ask.max_tokens is not None and tool is None and ask.json_schema is None and not ask.json_object:
        words = content.split(" ")
        if len(words) > ask.max_tokens:
            content, finish = " ".join(words[: ask.max_tokens]), "length"
    calls = (_tool_call(tool, ask),) if tool else ()
    usage = compute_usage(
        model, ask.prompt_tokens, _completion_words(content, reasoning, calls), word_count(reasoning or "")
    )
    annotations = (_citation(ask, content),) if ask.web else ()
    visible = ask.reasoning == "visible"
    return Answer(model, provider, family, content, reasoning, visible, calls, annotations, finish, usage, failed)


def scripted_answer(ask: Ask, reply: Reply) -> Answer:
    """The Answer for a scripted reply: its text, reasoning, calls and usage, other fields as usual."""
    model = reply.model or ask.model or (ask.models[0] if ask.models else DEFAULT_MODEL)
    if reply.provider is not None:
        provider = reply.provider
    else:
        provider = provider_display(ask.provider_order[0]) if ask.provider_order else default_provider(model)
    content = reply.text_content
    reasoning = reply.reasoning if isinstance(reply.reasoning, str | None) else "".join(reply.reasoning)
    calls = tuple(
        FunctionCall(call.id or "call_" + stable_hex(call.name, call.arguments, str(index)), call.name, call.arguments)
        for index, call in enumerate(reply.tool_calls)
    )
    finish = reply.finish_reason or ("tool_calls" if calls else "stop")
    wanted = reply.usage
    reasoning_words = word_count(reasoning or "")
    counts = (
        ask.prompt_tokens if wanted is None or wanted.prompt_tokens is None else wanted.prompt_tokens,
        _completion_words(content, reasoning, calls)
        if wanted is None or wanted.completion_tokens is None
        else wanted.completion_tokens,
        reasoning_words if wanted is None or wanted.reasoning_tokens is None else wanted.reasoning_tokens,
    )
    usage = compute_usage(model, *counts)
    if wanted is not None and wanted.cost is not None:
        usage = fixed_usage(usage, wanted.cost)
    return Answer(
        model,
        provider,
        family_of(model),
        content,
        reasoning,
        reasoning is not None,
        calls,
        (),
        finish,
        usage,
        (),
        content_chunks=reply.content if isinstance(reply.content, tuple) else None,
        reasoning_chunks=reply.reasoning if isinstance(reply.reasoning, tuple) else None,
        scripted=True,
    )


def _completion_words(content: str, reasoning: str | None, calls: tuple[FunctionCall, ...]) -> int:
    """Completion tokens as the emulator counts them: words of the text, reasoning and call arguments."""
    return word_count(content) + word_count(reasoning or "") + sum(1 + word_count(c.arguments) for c in calls)


def record(
    ctx: Context,
    answer: Answer,
    gen_id: str,
    *,
    api_type: str = "completions",
    streamed: bool,
    usage: Usage | None = None,
    finish: str | None = None,
) -> None:
    """Store the generation so /generation, /activity, /key and total_cost reflect it."""
    used = usage or answer.usage
    finish = finish or answer.finish_reason
    headers = ctx.request.headers
    body = ctx.request.json if is_object(ctx.request.json) else {}
    session = body.get("session_id") or headers.get("x-session-id")
    ctx.store.record_generation(
        GenerationRecord(
            id=gen_id,
            model=answer.model,
            permaslug=permaslug(answer.model),
            provider=answer.provider,
            api_type=api_type,
            streamed=streamed,
            created=time.time(),
            prompt_tokens=used.prompt_tokens,
            completion_tokens=used.completion_tokens,
            reasoning_tokens=used.reasoning_tokens,
            cost=used.cost,
            finish_reason=finish,
            native_finish_reason=native_finish(answer.family, finish),
            latency_ms=ctx.elapsed_ms(),
            user_agent=headers.get("user-agent"),
            http_referer=headers.get("http-referer"),
            session_id=session if isinstance(session, str) else None,
            external_user=body.get("user") if isinstance(body.get("user"), str) else None,
            web_search=bool(answer.annotations),
            failed_models=answer.failed_models,
        )
    )


def _choose_model(ctx: Context, ask: Ask) -> tuple[str, tuple[str, ...]]:
    """The first candidate (model, then ``models``) that is not marked failing."""
    primary = ask.model or (ask.models[0] if ask.models else DEFAULT_MODEL)
    candidates = [primary, *(m for m in ask.models if m != primary)]
    failed: list[str] = []
    for candidate in candidates:
        if candidate in ctx.settings.failing_models or candidate.split(":", 1)[0].endswith("-fail"):
            failed.append(candidate)
            continue
        return candidate, tuple(failed)
    raw = json.dumps({"error": {"message": f"{candidates[-1]} is failing (emulated)"}})
    raise ApiError(502, None, {"provider_name": default_provider(candidates[-1]), "raw": raw})


def _pick_tool(ask: Ask) -> ToolSpec | None:
    """Which tool to call: a forced one, the first when required, or the first for weather questions."""
    if not ask.tools or ask.tool_choice == "none":
        return None
    choice = ask.tool_choice
    if is_object(choice):
        function = choice.get("function")
        name = function.get("name") if is_object(function) else choice.get("name")
        forced = next((t for t in ask.tools if t.name == name), None)
        if forced is not None:
            return forced
    if choice == "required" or (ask.last_is_user and "weather" in ask.last_user_text.lower()):
        return ask.tools[0]
    return None


def _tool_call(tool: ToolSpec, ask: Ask) -> FunctionCall:
    """A call to ``tool`` with placeholder arguments and a stable id."""
    return FunctionCall("call_" + stable_hex(tool.name, ask.last_user_text), tool.name, tool_arguments(tool.parameters))


def _content(ask: Ask, tool: ToolSpec | None) -> str:
    """The answer text: empty for tool calls, JSON for structured output, filler for long:N, else an echo."""
    if tool is not None:
        return ""
    if ask.json_schema is not None:
        return json.dumps(fill_schema(ask.json_schema))
    if ask.json_object:
        return json.dumps({"echo": ask.last_user_text})
    long = _LONG.match(ask.last_user_text)
    if long:
        return lorem(min(int(long.group(1)), _MAX_LONG))
    return "Echo: " + ask.last_user_text


def _reasoning_text(ask: Ask) -> str:
    """A short deterministic chain of thought that mentions the question."""
    snippet = " ".join(ask.last_user_text.split()[:8]) or "nothing"
    return f"The user asked: {snippet}. I will echo it back."


def _citation(ask: Ask, content: str) -> dict[str, Any]:
    """A url_citation annotation, as the web plugin adds."""
    snippet = " ".join(ask.last_user_text.split()[:8])
    return {
        "type": "url_citation",
        "url_citation": {
            "url": f"https://example.com/emulator/{stable_hex(ask.last_user_text, length=12)}",
            "title": "Emulated search result",
            "content": f"Emulated page content about: {snippet}",
            "start_index": 0,
            "end_index": len(content),
        },
    }
