"""The options every command takes (`--json`, `--base-url`, `--api-key`, `--max-retries`, `--timeout`),
and the client built from them: the library's own defaults and environment variables apply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from .._client import OpenRouter
from .._constants import ENV_API_KEY, ENV_BASE_URL
from ._lazy import JSON_FLAG, JSON_META, SECRETS_META

__all__ = ["CommonOptions", "common_options", "current_options"]

_META = "openrouter_compat.cli.options"
_Command = TypeVar("_Command", bound=Callable[..., Any])


@dataclass
class CommonOptions:
    """What the shared options said; None means "the library's default" (which reads the environment)."""

    json: bool = False
    base_url: str | None = None
    api_key: str | None = None
    max_retries: int | None = None
    timeout: float | None = None

    def client(self) -> OpenRouter:
        """A sync client for these options (`OPENROUTER_API_KEY` / `OPENROUTER_BASE_URL` when not given)."""
        extra: dict[str, Any] = {}
        if self.max_retries is not None:
            extra["max_retries"] = self.max_retries
        if self.timeout is not None:
            extra["timeout"] = self.timeout
        return OpenRouter(api_key=self.api_key, base_url=self.base_url, **extra)


def current_options() -> CommonOptions:
    """The shared options of the command being run."""
    meta = click.get_current_context().meta
    options = meta.get(_META)
    return options if isinstance(options, CommonOptions) else CommonOptions()


def _remember(ctx: click.Context, param: click.Parameter, value: object) -> object:
    """Store an option's value in the invocation's shared `CommonOptions` (the API key also as a secret)."""
    options = ctx.meta.setdefault(_META, CommonOptions())
    if value is not None:
        setattr(options, str(param.name), value)
    if param.name == "json" and value:
        ctx.meta[JSON_META] = True
    if param.name == "api_key" and isinstance(value, str):
        ctx.meta.setdefault(SECRETS_META, []).append(value)
    return value


def _shared(*decls: str, **attrs: Any) -> Callable[[_Command], _Command]:
    """One shared option: remembered in `CommonOptions` rather than passed to the command function."""
    return click.option(*decls, expose_value=False, callback=_remember, **attrs)


_OPTIONS = (
    _shared(JSON_FLAG, "json", is_flag=True, help="Print JSON (for scripts); an error too, as JSON on stderr."),
    _shared(
        "--base-url",
        envvar=ENV_BASE_URL,
        show_envvar=True,
        metavar="URL",
        help="API base URL [default: https://openrouter.ai/api/v1].",
    ),
    _shared(
        "--api-key", envvar=ENV_API_KEY, show_envvar=True, metavar="KEY", help="OpenRouter API key (never printed)."
    ),
    _shared(
        "--max-retries",
        type=click.IntRange(min=0),
        metavar="N",
        help="Retries of a failed request [default: the library's policy].",
    ),
    _shared(
        "--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS", help="Timeout of each request."
    ),
)


def common_options(command: _Command) -> _Command:
    """Add the shared options to a command function (read them back with `current_options()`)."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command
