"""`openrouter-compat models` (search, filter, sort the catalogue) and `model ID` (one model, its endpoints).

Prices are shown and filtered in USD per million tokens (OpenRouter sends USD per token). Modality,
parameter and category filters are sent to OpenRouter and checked again here; the rest is applied here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import click
from openai import omit
from rich.console import JustifyMethod
from rich.table import Table

from .._client import OpenRouter
from .._exceptions import NotFoundError
from ..types.model import Model
from ..types.model_endpoints import ModelEndpoint
from ._options import common_options, current_options
from ._output import MILLION, details_table, emit_json, err_console, out_console, per_million, tokens, waiting

__all__ = ["SORT_KEYS", "model", "models", "token_count"]

_PROVIDER_LOOKUPS = 8
"""Endpoint look-ups run at once by `--provider` (one request per model left after the other filters)."""


_SUFFIXES = {"k": 1_000, "m": 1_000_000}


def token_count(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """A token count option: `32768`, `128k`, `1m` (k = 1,000; m = 1,000,000)."""
    if value is None:
        return None
    text = value.strip().lower()
    scale = _SUFFIXES.get(text[-1:], 1)
    try:
        count = Decimal(text[:-1] if scale != 1 else text) * scale
    except ArithmeticError:
        raise click.BadParameter(f"{value!r} is not a token count (e.g. 32768, 128k, 1m)") from None
    if not count.is_finite() or count < 0:
        raise click.BadParameter(f"{value!r} is not a token count (e.g. 32768, 128k, 1m)")
    return int(count)


def _known(price: Decimal | None) -> Decimal | None:
    """A price that is a price: None when absent or negative (OpenRouter's `-1`: varies with the routed model)."""
    return price if price is not None and price >= 0 else None


def _sort_price(price: Decimal | None) -> Decimal:
    """A price as a sort key: unknown and varying prices last."""
    known = _known(price)
    return Decimal("Infinity") if known is None else known


def _prompt_price(model: Model) -> Decimal:
    return _sort_price(model.pricing.prompt if model.pricing else None)


def _completion_price(model: Model) -> Decimal:
    return _sort_price(model.pricing.completion if model.pricing else None)


SORT_KEYS: dict[str, Callable[[Model], Any]] = {
    "id": lambda m: m.id,
    "name": lambda m: (m.name or m.id).lower(),
    "price": _prompt_price,
    "completion-price": _completion_price,
    "context": lambda m: m.context_length or 0,
    "created": lambda m: m.created or 0,
}
"""`--sort` keys; unknown prices sort last."""


@click.command()
@click.argument("search", nargs=-1)
@click.option("-a", "--author", "authors", multiple=True, metavar="NAME", help="Models of this author (id prefix).")
@click.option(
    "-p", "--provider", "providers", multiple=True, metavar="NAME", help="Served by this provider (name or slug)."
)
@click.option("--max-price", type=click.FloatRange(min=0), metavar="USD", help="Max prompt price per 1M tokens.")
@click.option(
    "--max-completion-price", type=click.FloatRange(min=0), metavar="USD", help="Max completion price per 1M tokens."
)
@click.option("--free", is_flag=True, help="Only models that cost nothing.")
@click.option("--min-context", callback=token_count, metavar="TOKENS", help="Min context length (e.g. 128k).")
@click.option("-i", "--input", "inputs", multiple=True, metavar="MODALITY", help="Accepts this input (image, ...).")
@click.option("-o", "--output", "outputs", multiple=True, metavar="MODALITY", help="Produces this output ('all': any).")
@click.option("-s", "--supports", multiple=True, metavar="PARAM", help="Supports this request parameter (tools, ...).")
@click.option("--category", metavar="NAME", help="OpenRouter's category (programming, ...).")
@click.option("--sort", type=click.Choice(list(SORT_KEYS)), default="id", show_default=True, help="Sort by.")
@click.option("--desc", is_flag=True, help="Sort in descending order.")
@click.option("-n", "--limit", type=click.IntRange(min=1), metavar="N", help="Show the first N only.")
@common_options
def models(
    *,
    search: tuple[str, ...],
    authors: tuple[str, ...],
    providers: tuple[str, ...],
    max_price: float | None,
    max_completion_price: float | None,
    free: bool,
    min_context: int | None,
    inputs: tuple[str, ...],
    outputs: tuple[str, ...],
    supports: tuple[str, ...],
    category: str | None,
    sort: str,
    desc: bool,
    limit: int | None,
) -> None:
    """List the models whose id or name contains every SEARCH word, filtered and sorted.

    Prices are USD per million tokens. --provider looks up each remaining model's endpoints (one request
    per model): combine it with other filters.
    """
    options = current_options()
    with options.client() as client:
        found = list(
            client.models.list(
                supported_parameters=list(supports) if supports else omit,
                input_modalities=list(inputs) if inputs else omit,
                output_modalities=list(outputs) if outputs else omit,
                category=category if category else omit,
            )
        )
        checks: list[Callable[[Model], bool]] = [
            lambda m: all(word.lower() in f"{m.id} {m.name or ''}".lower() for word in search),
            lambda m: not authors or m.author.lower() in {a.lower() for a in authors},
            lambda m: _within(m.pricing.prompt if m.pricing else None, max_price),
            lambda m: _within(m.pricing.completion if m.pricing else None, max_completion_price),
            lambda m: not free or m.is_free,
            lambda m: min_context is None or (m.context_length or 0) >= min_context,
            lambda m: m.supports(*supports),
            lambda m: _has_modalities(m, inputs, outputs),
        ]
        found = [m for m in found if all(check(m) for check in checks)]
        if providers:
            text = f"looking up the endpoints of {len(found)} models..."
            with waiting(err_console(), text, quiet=options.json):
                found = _served_by(client, found, providers)
    found.sort(key=SORT_KEYS[sort], reverse=desc)
    shown = found[:limit] if limit else found
    if options.json:
        emit_json([m.to_dict(mode="json") for m in shown])
        return
    out_console().print(_models_table(shown, total=len(found)))


def _within(price: Decimal | None, limit: float | None) -> bool:
    """Whether a per-token price is at most `limit` dollars per million tokens (unknown prices fail a limit)."""
    if limit is None:
        return True
    known = _known(price)
    return known is not None and known * MILLION <= Decimal(str(limit))


def _has_modalities(model: Model, inputs: Sequence[str], outputs: Sequence[str]) -> bool:
    arch = model.architecture
    have_in = set(arch.input_modalities) if arch else set[str]()
    have_out = set(arch.output_modalities) if arch else set[str]()
    wanted_out = {o for o in outputs if o != "all"}
    return set(inputs) <= have_in and wanted_out <= have_out


def _served_by(client: OpenRouter, found: list[Model], providers: Sequence[str]) -> list[Model]:
    """The models with an endpoint of one of `providers` (display name or slug, any case)."""
    wanted = {p.lower() for p in providers}

    def serves(model: Model) -> bool:
        try:
            endpoints = client.models.endpoints(model.id).endpoints
        except NotFoundError:
            return False
        return any(wanted & _provider_names(endpoint) for endpoint in endpoints)

    with ThreadPoolExecutor(max_workers=_PROVIDER_LOOKUPS) as pool:
        keep = list(pool.map(serves, found))
    return [model for model, kept in zip(found, keep, strict=True) if kept]


def _provider_names(endpoint: ModelEndpoint) -> set[str]:
    """The lower-case names an endpoint answers to: display name, tag (`together/fp8`) and its slug part."""
    names = {endpoint.provider_name or "", endpoint.tag or "", (endpoint.tag or "").split("/", 1)[0]}
    return {name.lower() for name in names if name}


def _models_table(shown: Sequence[Model], *, total: int) -> Table:
    more = f" (first {len(shown)})" if len(shown) < total else ""
    noun = "model" if total == 1 else "models"
    table = Table(title=f"{total} {noun}{more}, prices in USD per 1M tokens", title_justify="left")
    table.add_column("ID", no_wrap=True, style="bold")
    table.add_column("Name", overflow="ellipsis", max_width=40, no_wrap=True)
    table.add_column("Context", justify="right")
    table.add_column("Prompt", justify="right")
    table.add_column("Completion", justify="right")
    table.add_column("Input")
    table.add_column("Output")
    for m in shown:
        arch = m.architecture
        table.add_row(
            m.id,
            m.name or "",
            tokens(m.context_length),
            per_million(m.pricing.prompt if m.pricing else None),
            per_million(m.pricing.completion if m.pricing else None),
            ",".join(arch.input_modalities) if arch else "",
            ",".join(arch.output_modalities) if arch else "",
        )
    return table


def _model_id(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Refuse an id that is not `author/slug` before sending anything."""
    author, sep, slug = value.partition("/")
    if not (author and sep and slug):
        raise click.BadParameter(f"expected a model id of the form author/slug (e.g. openai/gpt-4o), got {value!r}")
    return value


@click.command()
@click.argument("model_id", metavar="ID", callback=_model_id)
@common_options
def model(model_id: str) -> None:
    """One model: its details, and every provider endpoint serving it with prices, limits and health."""
    options = current_options()
    with options.client() as client:
        found = client.models.retrieve(model_id)
        endpoints = client.models.endpoints(model_id).endpoints
    if options.json:
        emit_json({"model": found.to_dict(mode="json"), "endpoints": [e.to_dict(mode="json") for e in endpoints]})
        return
    console = out_console()
    console.print(details_table(_model_rows(found), title=found.name or found.id))
    console.print(_endpoints_table(endpoints))


def _model_rows(m: Model) -> list[tuple[str, object]]:
    arch, pricing, top = m.architecture, m.pricing, m.top_provider
    reasoning = m.reasoning.supported_efforts if m.reasoning and m.reasoning.supported_efforts else None
    created = datetime.fromtimestamp(m.created, UTC).date().isoformat() if m.created else None
    modalities = f"{','.join(arch.input_modalities)} -> {','.join(arch.output_modalities)}" if arch else None
    return [
        ("ID", m.id),
        ("Context", tokens(m.context_length)),
        ("Max output", tokens(top.max_completion_tokens) if top else None),
        ("Prompt / 1M", per_million(pricing.prompt if pricing else None)),
        ("Completion / 1M", per_million(pricing.completion if pricing else None)),
        ("Modalities", modalities),
        ("Reasoning efforts", ", ".join(reasoning) if reasoning else None),
        ("Parameters", ", ".join(m.supported_parameters) or None),
        ("Created", created),
    ]


def _endpoints_table(endpoints: Sequence[ModelEndpoint]) -> Table:
    table = Table(title=f"{len(endpoints)} endpoints, prices in USD per 1M tokens", title_justify="left")
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("Provider", "left"),
        ("Tag", "left"),
        ("Quant", "left"),
        ("Context", "right"),
        ("Max out", "right"),
        ("Prompt", "right"),
        ("Completion", "right"),
        ("Uptime 30m", "right"),
        ("p50 s", "right"),
        ("Status", "right"),
    )
    for name, justify in columns:
        table.add_column(name, justify=justify, no_wrap=name in ("Provider", "Tag"))
    for e in endpoints:
        latency = e.latency_last_30m.p50 if e.latency_last_30m else None
        table.add_row(
            e.provider_name or "",
            e.tag or "",
            e.quantization or "",
            tokens(e.context_length),
            tokens(e.max_completion_tokens),
            per_million(e.pricing.prompt if e.pricing else None),
            per_million(e.pricing.completion if e.pricing else None),
            "-" if e.uptime_last_30m is None else f"{e.uptime_last_30m:.1f}%",
            "-" if latency is None else f"{latency:.2f}",
            "-" if e.status is None else str(e.status),
        )
    return table
