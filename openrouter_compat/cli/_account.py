"""`openrouter-compat key` (the key in use: usage, limit, what is left) and `credits` (the account's totals)."""

from __future__ import annotations

import click

from ._options import common_options, current_options
from ._output import details_table, emit_json, out_console, usd

__all__ = ["credits", "key"]


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


@click.command()
@common_options
def key() -> None:
    """The API key in use (GET /key): usage by period, limit and what is left of it, tier."""
    options = current_options()
    with options.client() as client:
        info = client.key.retrieve()
    if options.json:
        emit_json(info.to_dict(mode="json"))
        return
    limit = "none" if info.limit is None else usd(info.limit)
    reset = f" (resets {info.limit_reset})" if info.limit_reset else ""
    rows: list[tuple[str, object]] = [
        ("Label", info.label),
        ("Usage (all time)", usd(info.usage)),
        (
            "Usage today / this week / this month",
            " / ".join(map(usd, (info.usage_daily, info.usage_weekly, info.usage_monthly))),
        ),
        ("BYOK usage", usd(info.byok_usage)),
        ("Limit", limit + reset),
        ("Limit remaining", usd(info.limit_remaining) if info.limit is not None else "unlimited"),
        ("Free tier", _yes_no(info.is_free_tier)),
        ("Management key", _yes_no(info.is_management_key)),
        ("Expires", info.expires_at.isoformat() if info.expires_at else "never"),
    ]
    out_console().print(details_table(rows, title="API key"))


@click.command()
@common_options
def credits() -> None:
    """Credits bought and used on the account (GET /credits; needs a management key)."""
    options = current_options()
    with options.client() as client:
        totals = client.credits.retrieve()
    if options.json:
        emit_json({**totals.to_dict(mode="json"), "remaining": totals.remaining})
        return
    rows: list[tuple[str, object]] = [
        ("Total credits", usd(totals.total_credits)),
        ("Total usage", usd(totals.total_usage)),
        ("Remaining", usd(totals.remaining)),
    ]
    out_console().print(details_table(rows, title="Credits"))
