"""`openrouter-compat ... --json`: every command's error is one JSON object on stderr, with the usual exit code.

Each command is made to fail against the emulator (or before sending); `json_error` checks the shape
(`{"error": {"type", "message", "status", "exit_code"}}`), that stdout holds no result, and the exit code.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import Result
from test_cli import REAL_SHAPED_KEY, invoke

from openrouter_compat.cli._exit_codes import ExitCode
from openrouter_compat.testing import Emulator, Fault

CHAT = ("chat", "hi", "-m", "openai/gpt-4o-mini", "--max-retries", "0", "--json")


def json_error(result: Result, code: ExitCode, kind: str, status: int | None, *fragments: str) -> dict[str, Any]:
    """The `error` object printed on stderr, after checking it is the only line there and what it says."""
    assert result.exit_code == code, f"exit {result.exit_code} (wanted {code}): {result.stderr}"
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"not one line: {result.stderr!r}"
    document = json.loads(lines[0])
    assert set(document) == {"error"}, document
    error: dict[str, Any] = document["error"]
    assert set(error) == {"type", "message", "status", "exit_code"}, error
    assert (error["type"], error["status"], error["exit_code"]) == (kind, status, int(code)), error
    for fragment in fragments:
        assert fragment in error["message"], f"{fragment!r} not in {error['message']!r}"
    assert "openrouter-compat: error" not in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return error


def test_chat_errors_are_json(openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=0))
    result = invoke(*CHAT, emulator=openrouter_emulator)
    json_error(result, ExitCode.API_ERROR, "RateLimitError", 429, "429")
    assert result.stdout == ""
    openrouter_emulator.queue("/chat/completions", Fault.insufficient_credits())
    json_error(invoke(*CHAT, emulator=openrouter_emulator), ExitCode.PAYMENT, "PaymentRequiredError", 402)


def test_chat_error_mid_stream_is_json(openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/chat/completions", Fault.midstream_error(after_chunks=2, code=502))
    result = invoke(*CHAT, emulator=openrouter_emulator)
    error = json_error(result, ExitCode.API_ERROR, "MidStreamProviderError", 502, "Provider disconnected")
    assert error["message"].startswith("502 MidStreamProviderError")
    assert result.stdout == ""  # --json streams nothing: no partial answer mixed into stdout


def test_chat_usage_errors_are_json(openrouter_emulator: Emulator) -> None:
    json_error(invoke("chat", "--json", emulator=openrouter_emulator, input=""), ExitCode.USAGE, "UsageError", None)
    empty_model = invoke("chat", "hi", "-m", "", "--json", emulator=openrouter_emulator)
    json_error(empty_model, ExitCode.USAGE, "UsageError", None, "must not be empty")
    assert openrouter_emulator.requests == []


def test_models_errors_are_json(openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/models", Fault.status(500, message="boom"))
    result = invoke("models", "--json", "--max-retries", "0", emulator=openrouter_emulator)
    json_error(result, ExitCode.API_ERROR, "InternalServerError", 500, "boom")
    bad_filter = invoke("models", "--json", "--min-context", "lots", emulator=openrouter_emulator)
    json_error(bad_filter, ExitCode.USAGE, "UsageError", None, "not a token count")


def test_model_errors_are_json(openrouter_emulator: Emulator) -> None:
    result = invoke("model", "acme/nothing", "--json", emulator=openrouter_emulator)
    json_error(result, ExitCode.NOT_FOUND, "NotFoundError", 404, "acme/nothing")
    json_error(invoke("model", "gpt-4o", "--json", emulator=openrouter_emulator), ExitCode.USAGE, "UsageError", None)


def test_key_errors_are_json_without_the_key(openrouter_emulator: Emulator) -> None:
    openrouter_emulator.accept_any_key = False
    result = invoke("key", "--json", emulator=openrouter_emulator, key=REAL_SHAPED_KEY)  # invoke: key never shown
    error = json_error(result, ExitCode.AUTH, "AuthenticationError", 401)
    assert "OPENROUTER_API_KEY" in error["message"]
    no_key = invoke("key", "--json", "--base-url", openrouter_emulator.base_url)
    json_error(no_key, ExitCode.USAGE, "OpenRouterConfigError", None, "no API key")


def test_credits_error_is_json(openrouter_emulator: Emulator) -> None:
    result = invoke("credits", "--json", emulator=openrouter_emulator)
    json_error(result, ExitCode.AUTH, "PermissionDeniedError", 403, "management key")


def test_generation_errors_are_json(openrouter_emulator: Emulator) -> None:
    result = invoke("generation", "gen-nope", "--json", emulator=openrouter_emulator)
    json_error(result, ExitCode.NOT_FOUND, "NotFoundError", 404)
    json_error(invoke("generation", "", "--json", emulator=openrouter_emulator), ExitCode.USAGE, "UsageError", None)


def test_demo_usage_error_is_json() -> None:
    json_error(invoke("demo", "--json", "--bogus"), ExitCode.USAGE, "UsageError", None, "--bogus")


def test_a_parse_failure_before_json_is_read_is_still_json(openrouter_emulator: Emulator) -> None:
    result = invoke("models", "--bogus", "--json", emulator=openrouter_emulator)  # the parser stops at --bogus
    json_error(result, ExitCode.USAGE, "UsageError", None, "--bogus")
    json_error(invoke("nosuch", "--json"), ExitCode.USAGE, "UsageError", None, "nosuch")
    plain = invoke("models", "--bogus", "--", "--json")  # after `--` it is an argument, not the option
    assert plain.stderr.startswith("openrouter-compat: error: ")


def test_connection_errors_are_json(openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/key", Fault.delay(5))
    timed_out = invoke("key", "--json", "--max-retries", "0", "--timeout", "0.3", emulator=openrouter_emulator)
    json_error(timed_out, ExitCode.CONNECTION, "APITimeoutError", None)
    with Emulator() as emulator:
        base_url = emulator.base_url  # a port that was free a moment ago, closed once stopped
    unreachable = invoke("models", "--json", "--base-url", base_url, "--api-key", REAL_SHAPED_KEY, "--max-retries", "0")
    json_error(unreachable, ExitCode.CONNECTION, "APIConnectionError", None, "--base-url")


def test_internal_error_and_interrupt_are_json(openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something broke")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("openrouter_compat.resources.key.Key.retrieve", broken)
    result = invoke("key", "--json", emulator=openrouter_emulator)
    json_error(result, ExitCode.INTERNAL, "RuntimeError", None, "something broke", "OPENROUTER_COMPAT_DEBUG")
    monkeypatch.setattr("openrouter_compat.resources.key.Key.retrieve", interrupted)
    json_error(invoke("key", "--json", emulator=openrouter_emulator), ExitCode.INTERRUPTED, "Interrupted", None)


def test_without_json_errors_stay_one_text_line(openrouter_emulator: Emulator) -> None:
    result = invoke("model", "acme/nothing", emulator=openrouter_emulator)
    assert result.exit_code == ExitCode.NOT_FOUND
    assert result.stderr.startswith("openrouter-compat: error: 404 NotFoundError")
