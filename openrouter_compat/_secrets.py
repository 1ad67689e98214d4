"""What a secret looks like, and how it is kept out of logs, error messages and recordings: one place."""

from __future__ import annotations

import logging
import re
from typing import Any, cast

__all__ = [
    "KEY_PATTERN",
    "REDACTED",
    "SecretsFilter",
    "install_log_filter",
    "register_secret",
    "scrub",
    "scrub_data",
]

KEY_PATTERN = re.compile(
    r"(?i:bearer)\s+[A-Za-z0-9._~+/=-]{8,}"  # an Authorization value, whatever the key looks like
    r"|sk-or-[A-Za-z0-9_-]{8,}"  # OpenRouter keys: sk-or-v1-<64 hex>, management and emulator keys alike
    r"|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}"  # OpenAI/Anthropic-style keys echoed back by providers
)
"""Every string shaped like an API key or a bearer credential."""

REDACTED = "***"

LOGGERS = ("openrouter_compat", "openai", "httpx2", "httpx", "httpcore", "httpcore2", "vcr")
"""The namespaces whose records may carry request details (vcrpy logs each response before scrubbing it)."""


MIN_SECRET_LENGTH = 8
"""Shorter strings are not registered: replacing them would mangle ordinary words in messages."""


class _Known:
    """The keys clients were built with, whatever their shape (longest first); replaced as a whole tuple, so
    a thread scrubbing while another registers sees one consistent tuple."""

    keys: tuple[str, ...] = ()


def register_secret(value: object) -> None:
    """Scrub `value` (a client's own key, of any shape) from every message and log from now on."""
    if isinstance(value, str) and len(value) >= MIN_SECRET_LENGTH and value not in _Known.keys:
        _Known.keys = tuple(sorted({*_Known.keys, value}, key=len, reverse=True))


def scrub(text: str) -> str:
    """`text` with every key-shaped substring and every registered key replaced by `***` (a bearer value
    keeps its scheme word)."""
    for secret in _Known.keys:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return KEY_PATTERN.sub(_replacement, text)


def scrub_data(value: Any) -> Any:
    """A copy of a JSON-like value (dicts, lists, strings) with every key-shaped string scrubbed."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        mapping = cast("dict[object, object]", value)  # any dict is one; only the element types are unknown
        return {key: scrub_data(item) for key, item in mapping.items()}
    if isinstance(value, list | tuple):
        items = cast("list[object] | tuple[object, ...]", value)
        return type(items)(scrub_data(item) for item in items)
    return value


def _replacement(match: re.Match[str]) -> str:
    text = match.group(0)
    if text[:6].lower() == "bearer":
        return f"{text.split()[0]} {REDACTED}"
    return REDACTED


class SecretsFilter(logging.Filter):
    """Rewrites a record whose formatted message holds a key so that only `***` is left of it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is not ours to break
            return True
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_FILTER = SecretsFilter()


def install_log_filter() -> None:
    """Attach the filter to our, `openai`'s and the HTTP stack's loggers and their existing children (idempotent).

    Logger filters do not apply to records of child loggers, so each existing child gets it too."""
    manager = logging.Logger.manager
    names = [
        name
        for name in list(manager.loggerDict)
        if any(name == root or name.startswith(root + ".") for root in LOGGERS)
    ]
    for name in {*LOGGERS, *names}:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
