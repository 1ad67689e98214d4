"""A local OpenRouter emulator (a real HTTP server) with fault injection, for tests, demos and benchmarks.

Names load on first access (`lazy_exports`); the `TYPE_CHECKING` imports give type checkers every name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ._emulator import Emulator
    from ._faults import Fault
    from ._records import Headers, RecordedRequest
    from ._vcr import make_vcr, scrub_request, scrub_response, vcr_config

__all__ = [
    "Emulator",
    "Fault",
    "Headers",
    "RecordedRequest",
    "make_vcr",
    "scrub_request",
    "scrub_response",
    "vcr_config",
]

_LAZY: dict[str, tuple[str, ...]] = {
    "._emulator": ("Emulator",),
    "._faults": ("Fault",),
    "._records": (
        "Headers",
        "RecordedRequest",
    ),
    "._vcr": (
        "make_vcr",
        "scrub_request",
        "scrub_response",
        "vcr_config",
    ),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _LAZY)
