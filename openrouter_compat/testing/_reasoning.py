"""reasoning_details entries in each vendor's format, whole (non-stream) or as stream deltas."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from ._answer import Family
from ._synth import signature, stable_hex

FORMATS: dict[str, str] = {
    "openai": "openai-responses-v1",
    "anthropic": "anthropic-claude-v1",
    "google": "google-gemini-v1",
    "other": "unknown",
}


def encrypted_blob(text: str) -> str:
    """A fake opaque encrypted-reasoning payload shaped like OpenAI's (``gAAAAAB...``)."""
    return "gAAAAAB" + base64.urlsafe_b64encode(hashlib.sha512(text.encode()).digest() * 2).decode()


def details(family: Family, text: str) -> list[dict[str, Any]]:
    """The full ``reasoning_details`` list for a non-stream message."""
    fmt = FORMATS[family]
    if family == "openai":
        return [
            {"type": "reasoning.summary", "summary": text, "format": fmt, "index": 0},
            {
                "type": "reasoning.encrypted",
                "data": encrypted_blob(text),
                "id": "rs_" + stable_hex(text, length=48),
                "format": fmt,
                "index": 0,
            },
        ]
    entry: dict[str, Any] = {"type": "reasoning.text", "text": text, "format": fmt, "index": 0}
    if family == "anthropic":
        entry["signature"] = signature(text)
    return [entry]


def delta(family: Family, piece: str, *, with_index: bool) -> dict[str, Any]:
    """One streamed reasoning_details entry carrying a piece of the reasoning text."""
    entry: dict[str, Any] = (
        {"type": "reasoning.summary", "summary": piece}
        if family == "openai"
        else {"type": "reasoning.text", "text": piece}
    )
    if with_index:
        entry["index"] = 0
    entry["format"] = FORMATS[family]
    return entry


def closing_delta(family: Family, text: str, *, with_index: bool) -> dict[str, Any] | None:
    """The entry streamed after the text: Anthropic's signature or OpenAI's encrypted blob."""
    entry: dict[str, Any]
    if family == "anthropic":
        entry = {"type": "reasoning.text", "signature": signature(text), "format": FORMATS[family]}
    elif family == "openai":
        entry = {
            "type": "reasoning.encrypted",
            "data": encrypted_blob(text),
            "id": "rs_" + stable_hex(text, length=48),
            "format": FORMATS[family],
        }
    else:
        return None
    if with_index:
        entry["index"] = 0
    return entry
