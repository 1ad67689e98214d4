"""`openrouter-compat chat`: one prompt, the answer streamed to stdout; reasoning (as it arrives) and the
provider, tokens and cost (at the end) on stderr, so that `> answer.txt` keeps only the answer."""

from __future__ import annotations

import sys
from typing import get_args

import click
from openai import Omit, omit
from openai.types.chat import ChatCompletionMessageParam
from rich.console import Console
from rich.status import Status

from .._streaming import ChatCompletionStream
from ..lib.chat_accumulator import ChatCompletionAccumulator
from ..types import ProviderPreferences, ReasoningConfig
from ..types.provider_preferences import ProviderSort
from ..types.reasoning_config import ReasoningEffort
from ._options import common_options, current_options
from ._output import emit_json, err_console, out_console, tokens, usd, waiting

__all__ = ["DEFAULT_MODEL", "chat"]

DEFAULT_MODEL = "openrouter/auto"


def _not_blank(ctx: click.Context, param: click.Parameter, value: str | tuple[str, ...]) -> str | tuple[str, ...]:
    """Refuse an empty model id or provider slug before anything is sent."""
    for text in (value,) if isinstance(value, str) else value:
        if not text.strip():
            raise click.BadParameter("must not be empty")
    return value


@click.command()
@click.argument("prompt", required=False)
@click.option(
    "-m", "--model", default=DEFAULT_MODEL, show_default=True, callback=_not_blank, help="Model id (author/slug)."
)
@click.option("-s", "--system", metavar="TEXT", help="A system message before the prompt.")
@click.option("-r", "--reasoning", "effort", type=click.Choice(get_args(ReasoningEffort)), help="Reasoning effort.")
@click.option("--hide-reasoning", is_flag=True, help="Do not print the reasoning (it is still billed).")
@click.option("--max-tokens", type=click.IntRange(min=1), metavar="N", help="Cap on the answer's tokens.")
@click.option("-t", "--temperature", type=click.FloatRange(0, 2), metavar="T", help="Sampling temperature (0-2).")
@click.option(
    "-p",
    "--provider",
    "providers",
    multiple=True,
    metavar="SLUG",
    callback=_not_blank,
    help="Try this provider first (repeatable).",
)
@click.option("--sort", type=click.Choice(get_args(ProviderSort)), help="Route to the cheapest, fastest, ... provider.")
@common_options
def chat(
    *,
    prompt: str | None,
    model: str,
    system: str | None,
    effort: ReasoningEffort | None,
    hide_reasoning: bool,
    max_tokens: int | None,
    temperature: float | None,
    providers: tuple[str, ...],
    sort: ProviderSort | None,
) -> None:
    """Send PROMPT (or standard input when PROMPT is omitted or '-') and stream the answer.

    A spinner turns until the first token; the reasoning shows as it arrives (on stderr); the model,
    provider, tokens, cost and generation id follow the answer. With --json, one JSON object at the end.
    """
    options = current_options()
    text = _prompt(prompt)
    messages: list[ChatCompletionMessageParam] = [{"role": "system", "content": system}] if system else []
    messages.append({"role": "user", "content": text})
    provider: ProviderPreferences | Omit = omit
    if providers or sort:
        provider = {"order": list(providers)} if providers else {}
        if sort:
            provider["sort"] = sort
    reasoning: ReasoningConfig | Omit = {"effort": effort} if effort else omit
    err = err_console()
    with options.client() as client, waiting(err, "waiting for the first token...", quiet=options.json) as spinner:
        stream = client.chat.completions.create(  # returns once the first output arrived (or the stream failed)
            model=model,
            messages=messages,
            stream=True,
            provider=provider,
            reasoning=reasoning,
            max_tokens=max_tokens if max_tokens is not None else omit,
            temperature=temperature if temperature is not None else omit,
        )
        with stream:
            done = _show(stream, err, spinner, quiet=options.json, show_reasoning=not hide_reasoning)
    if options.json:
        emit_json(_summary(done))
    else:
        err.print(_stats(done), style="dim", markup=False, highlight=False, soft_wrap=True)


def _prompt(prompt: str | None) -> str:
    """The prompt given, or standard input (refused when that is a terminal or empty)."""
    if prompt is not None and prompt != "-":
        text = prompt
    else:
        if prompt is None and sys.stdin.isatty():
            raise click.UsageError("no prompt: give it as an argument, or on standard input")
        text = sys.stdin.read()
    if not text.strip():
        raise click.UsageError("the prompt is empty")
    return text


def _show(
    stream: ChatCompletionStream, err: Console, spinner: Status | None, *, quiet: bool, show_reasoning: bool
) -> ChatCompletionAccumulator:
    """Print the stream as it arrives (nothing when `quiet`), stopping `spinner` at the first token;
    return what the stream carried."""
    out = out_console()
    state = _Printed()
    try:
        for chunk in stream:
            delta = chunk.choices[0].delta if chunk.choices else None
            if delta is None or quiet:
                continue
            if (delta.reasoning or delta.content) and spinner is not None:
                spinner.stop()
                spinner = None
            if delta.reasoning and show_reasoning:
                err.print(delta.reasoning, style="dim italic", end="", markup=False, highlight=False, soft_wrap=True)
                state.reasoning_open = True
            if delta.content:
                state.close_reasoning(err)
                out.file.write(delta.content)
                out.file.flush()
                state.answer_tail = delta.content[-1]
    finally:
        if spinner is not None:
            spinner.stop()  # before the error line, if the stream failed
        state.close_reasoning(err)
        if state.answer_tail not in ("", "\n"):
            out.file.write("\n")
            out.file.flush()
    return stream.accumulator


class _Printed:
    """What has been printed so far: whether a reasoning line is open, the answer's last character."""

    def __init__(self) -> None:
        self.reasoning_open = False
        self.answer_tail = ""

    def close_reasoning(self, err: Console) -> None:
        if self.reasoning_open:
            err.print()
            self.reasoning_open = False


def _stats(done: ChatCompletionAccumulator) -> str:
    """`model via provider · 12 in / 34 out tokens (5 reasoning) · $0.000123 · gen-...`."""
    usage = done.usage
    parts = [f"{done.model or '?'} via {done.provider or '?'}"]
    if usage is not None:
        details = usage.completion_tokens_details
        reasoning = details.reasoning_tokens if details is not None else None
        counted = f"{tokens(usage.prompt_tokens)} in / {tokens(usage.completion_tokens)} out tokens"
        parts.append(counted + (f" ({tokens(reasoning)} reasoning)" if reasoning else ""))
        parts.append(f"cost {usd(usage.cost)}")
    parts.append(f"finish: {done.finish_reason or '?'}")
    if done.generation_id:
        parts.append(done.generation_id)
    return " · ".join(parts)


def _summary(done: ChatCompletionAccumulator) -> dict[str, object]:
    """The JSON form of a finished chat."""
    usage = done.usage
    return {
        "model": done.model,
        "provider": done.provider,
        "generation_id": done.generation_id,
        "finish_reason": done.finish_reason,
        "content": done.content,
        "reasoning": done.reasoning or None,
        "cost": usage.cost if usage is not None else None,
        "usage": usage.to_dict(mode="json") if usage is not None else None,
    }
