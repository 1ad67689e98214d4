"""A local OpenRouter emulator (a real HTTP server) to script and inspect in tests, demos and benchmarks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ._emulator import Emulator
    from ._faults import Fault
    from ._records import Headers, RecordedRequest
    from ._reply import Reply, TokenUsage, ToolCall
    from ._scripted import ScriptedRoute
    from ._vcr import make_vcr, scrub_request, scrub_response, vcr_config

# Imported on first use, so the pytest plugin in this package loads without the emulator.
_LAZY: dict[str, tuple[str, ...]] = {
    "._emulator": ("Emulator",),
    "._faults": ("Fault",),
    "._records": ("Headers", "RecordedRequest"),
    "._reply": ("Reply", "TokenUsage", "ToolCall"),
    "._scripted": ("ScriptedRoute",),
    "._vcr": ("make_vcr", "scrub_request", "scrub_response", "vcr_config"),
}
if not TYPE_CHECKING:  # hidden from type checkers, so a misspelt name still fails there
    __getattr__, __dir__ = lazy_exports(__name__, _LAZY)

__all__ = [
    "Emulator",
    "Fault",
    "Headers",
    "RecordedRequest",
    "Reply",
    "ScriptedRoute",
    "TokenUsage",
    "ToolCall",
    "make_vcr",
    "scrub_request",
    "scrub_response",
    "vcr_config",
]
