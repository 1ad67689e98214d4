"""Exit codes of the command line, and the one-line message for every error the library can raise.

The table is written once (`EXIT_CODES`) and shown by `--help`; docs/cli.md repeats it (a test compares them).
"""

from __future__ import annotations

import re
from enum import IntEnum

import openai

from .._exceptions import (
    BudgetExceededError,
    ModerationError,
    OpenRouterConfigError,
    OpenRouterValidationError,
    PaymentRequiredError,
)
from .._secrets import REDACTED, scrub
from ..resources._platform import server_message

__all__ = ["EXIT_CODES", "ExitCode", "describe", "one_line"]


class ExitCode(IntEnum):
    """What the process exit status means."""

    OK = 0
    API_ERROR = 1
    USAGE = 2
    CONNECTION = 3
    AUTH = 4
    PAYMENT = 5
    NOT_FOUND = 6
    INTERNAL = 70
    INTERRUPTED = 130


EXIT_CODES: dict[ExitCode, str] = {
    ExitCode.OK: "success",
    ExitCode.API_ERROR: "OpenRouter answered with an error not listed below (also mid-stream)",
    ExitCode.USAGE: "usage error: bad option or argument, no API key, request refused before sending",
    ExitCode.CONNECTION: "could not reach the server: refused, lost, timed out, stream cut short",
    ExitCode.AUTH: "the key was refused (401) or may not do this (403)",
    ExitCode.PAYMENT: "out of credits or over the key's limit (402), or over the budget",
    ExitCode.NOT_FOUND: "not found (404): unknown model, generation not published (yet)",
    ExitCode.INTERNAL: "internal error (a bug: please report it)",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C)",
}

_ERROR_CODE_PREFIX = re.compile(r"^Error code: \d{3}(?: \([^)]*\))? - ")
_HINTS: dict[ExitCode, str] = {
    ExitCode.AUTH: " (check --api-key or OPENROUTER_API_KEY)",
    ExitCode.CONNECTION: " (check --base-url or OPENROUTER_BASE_URL, and the network)",
}


def one_line(text: str, *, secrets: tuple[str | None, ...] = ()) -> str:
    """`text` on one line, with every key-shaped string and each of `secrets` replaced by `***`."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return " ".join(scrub(text).split())


def describe(exc: BaseException) -> tuple[ExitCode, str] | None:
    """The exit code and message for an error of the library or of `openai`; None for anything else."""
    if isinstance(exc, OpenRouterConfigError):
        return ExitCode.USAGE, "no API key: pass --api-key or set OPENROUTER_API_KEY"
    if isinstance(exc, OpenRouterValidationError):
        return ExitCode.USAGE, f"refused before sending: {exc}"
    if isinstance(exc, BudgetExceededError):
        return ExitCode.PAYMENT, str(exc)
    if isinstance(exc, openai.APIStatusError):
        code = _status_exit_code(exc)
        return (
            code,
            f"{exc.status_code} {type(exc).__name__}: {_server_text(exc)}{_provider(exc)}{_HINTS.get(code, '')}",
        )
    if isinstance(exc, openai.APIConnectionError):  # timeouts and cut streams are subclasses
        return ExitCode.CONNECTION, f"{type(exc).__name__}: {exc}{_HINTS[ExitCode.CONNECTION]}"
    if isinstance(exc, openai.OpenAIError):
        return ExitCode.API_ERROR, f"{type(exc).__name__}: {exc}"
    return None


def _status_exit_code(exc: openai.APIStatusError) -> ExitCode:
    if isinstance(exc, ModerationError):
        return ExitCode.API_ERROR
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return ExitCode.AUTH
    if isinstance(exc, PaymentRequiredError):
        return ExitCode.PAYMENT
    if isinstance(exc, openai.NotFoundError):
        return ExitCode.NOT_FOUND
    return ExitCode.API_ERROR


def _server_text(exc: openai.APIStatusError) -> str:
    """The library's message without its `Error code: N - ` prefix; OpenRouter's own words when that is a dict."""
    text = _ERROR_CODE_PREFIX.sub("", exc.message)
    if text.startswith("{"):
        text = server_message(exc) or "(no message)"
    return text


def _provider(exc: openai.APIStatusError) -> str:
    provider: object = getattr(exc, "provider_name", None)
    return f" (provider: {provider})" if isinstance(provider, str) and provider else ""
