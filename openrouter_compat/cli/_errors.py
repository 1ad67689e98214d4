"""The exit code and one-line message for every error the library (or `openai`) can raise.

It imports `openai`, so the group loads it only when a command has failed: `--help` and `--version` stay fast.
"""

from __future__ import annotations

import re

import openai

from .._exceptions import (
    BudgetExceededError,
    ModerationError,
    OpenRouterConfigError,
    OpenRouterValidationError,
    PaymentRequiredError,
)
from ..resources._platform import server_message
from ._exit_codes import ExitCode

__all__ = ["describe"]


_ERROR_CODE_PREFIX = re.compile(r"^Error code: \d{3}(?: \([^)]*\))? - ")
_HINTS: dict[ExitCode, str] = {
    ExitCode.AUTH: " (check --api-key or OPENROUTER_API_KEY)",
    ExitCode.CONNECTION: " (check --base-url or OPENROUTER_BASE_URL, and the network)",
}


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
