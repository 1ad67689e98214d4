"""`openrouter-compat generation ID [--wait S]`: what OpenRouter recorded about one generation."""

from __future__ import annotations

import click

from ..types.generations import Generation
from ._options import common_options, current_options
from ._output import details_table, emit_json, err_console, out_console, tokens, usd, waiting

__all__ = ["generation"]


@click.command()
@click.argument("generation_id", metavar="ID")
@click.option(
    "-w",
    "--wait",
    type=click.FloatRange(min=0),
    default=0,
    metavar="SECONDS",
    help="Poll up to this long while the stats are not published yet (404).",
)
@common_options
def generation(generation_id: str, wait: float) -> None:
    """Cost, tokens, latency and routing of generation ID (a completion's `id`, e.g. gen-...)."""
    if not generation_id.strip():
        raise click.BadParameter("the generation id is empty", param_hint="'ID'")
    options = current_options()
    quiet = options.json or wait <= 0
    with options.client() as client, waiting(err_console(), f"waiting up to {wait:g}s for the stats...", quiet=quiet):
        stats = client.generations.retrieve(generation_id, wait=wait)
    if options.json:
        emit_json(stats.to_dict(mode="json"))
        return
    out_console().print(details_table(_rows(stats), title=f"Generation {stats.id}"))


def _rows(g: Generation) -> list[tuple[str, object]]:
    tried = [r.provider_name or "?" for r in g.provider_responses or []]
    return [
        ("Model", g.model),
        ("Provider", g.provider_name),
        ("Providers tried", " -> ".join(tried) if tried else None),
        ("Created", g.created_at),
        ("Total cost", usd(g.total_cost)),
        ("Tokens (prompt / completion)", f"{tokens(g.tokens_prompt)} / {tokens(g.tokens_completion)}"),
        (
            "Native tokens (prompt / completion / reasoning)",
            " / ".join(map(tokens, (g.native_tokens_prompt, g.native_tokens_completion, g.native_tokens_reasoning))),
        ),
        ("Latency", None if g.latency is None else f"{g.latency:g} ms"),
        ("Generation time", None if g.generation_time is None else f"{g.generation_time:g} ms"),
        ("Finish reason", g.finish_reason),
        ("Streamed", g.streamed),
        ("Cancelled", g.cancelled),
        ("API", g.api_type),
    ]
