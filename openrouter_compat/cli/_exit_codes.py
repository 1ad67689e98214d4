"""What the process exit status of `openrouter-compat` means.

The table is written once (`EXIT_CODES`) and shown by `--help`; docs/cli.md repeats it (a test compares them).
"""

from __future__ import annotations

from enum import IntEnum

__all__ = ["EXIT_CODES", "ExitCode"]


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
