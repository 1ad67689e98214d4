"""How the commands print: Rich consoles (stdout for results, stderr for progress and stats), JSON for
scripts, and the formats of money, prices and token counts."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Generator, Iterable
from decimal import Decimal

import click
from rich.console import Console
from rich.status import Status
from rich.table import Table

from .._secrets import scrub_data

__all__ = ["details_table", "emit_json", "err_console", "out_console", "per_million", "tokens", "usd", "waiting"]

_PIPE_WIDTH = 160
"""Width of tables written to a pipe or file (a terminal's own width is used otherwise)."""
MILLION = Decimal(1_000_000)


def out_console() -> Console:
    """The console of results (stdout, as it is at the time of the call)."""
    return _console(stderr=False)


def err_console() -> Console:
    """The console of progress, reasoning and stats (stderr), so that stdout holds only the result."""
    return _console(stderr=True)


def _console(*, stderr: bool) -> Console:
    console = Console(stderr=stderr, highlight=False, soft_wrap=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = _PIPE_WIDTH
    return console


def emit_json(data: object) -> None:
    """Print `data` as indented JSON on stdout, every key-shaped string scrubbed."""
    click.echo(json.dumps(scrub_data(data), indent=2, ensure_ascii=False, default=str))


def usd(amount: float | Decimal | None) -> str:
    """A dollar amount with up to 6 decimals (`$0.000123`); `-` when unknown."""
    if amount is None:
        return "-"
    text = f"{Decimal(str(amount)):.6f}".rstrip("0").rstrip(".")
    return f"${text or '0'}"


def per_million(price: Decimal | None) -> str:
    """A per-token price as dollars per million tokens (`$0.15`); `-` when unknown, `varies` when negative
    (OpenRouter's `-1` for routers such as `openrouter/auto`, whose price is the routed model's)."""
    if price is None:
        return "-"
    return "varies" if price < 0 else usd(price * MILLION)


def tokens(count: float | None) -> str:
    """A token count with thousands separators; `-` when unknown."""
    return "-" if count is None else f"{int(count):,}"


def details_table(rows: Iterable[tuple[str, object]], *, title: str | None = None) -> Table:
    """A two-column table of labelled values (None shown as `-`)."""
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value")
    for label, value in rows:
        table.add_row(label, "-" if value is None else str(value))
    return table


@contextlib.contextmanager
def waiting(console: Console, text: str, *, quiet: bool = False) -> Generator[Status | None]:
    """A spinner on `console` while the block runs (None, and nothing shown, when quiet or not a terminal);
    the block may stop it earlier."""
    if quiet or not console.is_terminal:
        yield None
        return
    status = console.status(text, spinner="dots")
    status.start()
    try:
        yield status
    finally:
        status.stop()
