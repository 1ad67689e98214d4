"""`openrouter-compat demo`: the tour of `openrouter_compat.cli.demo` on the bundled emulator, offline."""

from __future__ import annotations

import io

import click

from ._options import common_options, current_options
from ._output import emit_json
from .demo import run_offline

__all__ = ["demo"]


@click.command()
@common_options
def demo() -> None:
    """The offline tour: a routed, reasoning chat streamed, typed fields, key, generation stats, images,
    presets, rerank, ledger.

    Runs on the bundled emulator (127.0.0.1): no key, no network, nothing spent. --base-url and --api-key
    are not used. With --json, only a summary of what the tour found.
    """
    if not current_options().json:
        run_offline()
        return
    summary = run_offline(out=io.StringIO())
    emit_json(
        {
            "generation_id": summary.generation_id,
            "provider": summary.provider,
            "answer": summary.answer,
            "streamed_cost": summary.streamed_cost,
            "images": summary.images,
            "preset_slug": summary.preset_slug,
            "best_document": summary.best_document,
            "total_cost": str(summary.total_cost),
            "by_model": {model: str(cost) for model, cost in summary.by_model.items()},
        }
    )
