"""A local OpenRouter emulator (a real HTTP server) with fault injection, for tests, demos and benchmarks."""

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
