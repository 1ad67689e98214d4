"""`openrouter-compat`: every command run against the emulator with click's CliRunner (output, --json, exit codes).

Every run goes through `invoke`, which also checks that no key ever shows in the output, and `failed`,
which checks that an error is one line with the documented exit code.
"""

from __future__ import annotations

import io
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import openai
import pytest
import yaml
from click.testing import CliRunner, Result
from rich.console import Console

from openrouter_compat import (
    BudgetExceededError,
    OpenRouter,
    OpenRouterConfigError,
    OpenRouterValidationError,
    __version__,
)
from openrouter_compat.cli import _chat as chat_module
from openrouter_compat.cli import _generation as generation_module
from openrouter_compat.cli._app import COMMANDS, cli
from openrouter_compat.cli._errors import describe
from openrouter_compat.cli._exit_codes import EXIT_CODES, ExitCode
from openrouter_compat.cli._lazy import LazyCommand, LazyGroup
from openrouter_compat.testing import Emulator, Fault

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
REAL_SHAPED_KEY = "sk-or-v1-" + "a1b2c3d4" * 8
CLEAN_ENV: dict[str, str | None] = dict.fromkeys(
    # OpenRouter's variables, and what makes Rich treat a pipe as a terminal or change its width
    ("OPENROUTER_API_KEY", "OPENROUTER_BASE_URL", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS")
)


def invoke(
    *args: str, emulator: Emulator | None = None, key: str | None = None, input: str | None = None, **env: str | None
) -> Result:
    """Run the CLI (pointed at `emulator` with its key, or `key`); no key may appear in what it prints."""
    argv = list(args)
    if emulator is not None:
        argv += ["--base-url", emulator.base_url, "--api-key", key or emulator.api_key]
    result = CliRunner().invoke(cli, argv, input=input, env={**CLEAN_ENV, **env}, prog_name="openrouter-compat")
    printed = result.stdout + result.stderr
    for secret in (Emulator.api_key, Emulator.management_key, REAL_SHAPED_KEY, key):
        if secret:
            assert secret not in printed, f"a key was printed by {args}:\n{printed}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def ok(result: Result) -> Result:
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.stderr or result.stdout}"
    return result


def failed(result: Result, code: ExitCode, *fragments: str) -> str:
    """The error line, after checking the exit code, that it is one line, and that it says `fragments`."""
    assert result.exit_code == code, f"exit {result.exit_code} (wanted {code}): {result.stderr}"
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"not one line: {result.stderr!r}"
    assert lines[0].startswith("openrouter-compat: error: "), lines[0]
    assert "Traceback" not in result.stdout + result.stderr
    for fragment in fragments:
        assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"
    return lines[0]


def as_json(result: Result) -> Any:
    ok(result)
    return json.loads(result.stdout)


# -- the group: version, help, exit codes, lazy registration --------------------------------------------------


def test_version_is_the_package_version() -> None:
    assert ok(invoke("--version")).stdout == f"openrouter-compat {__version__}\n"
    assert ok(invoke("-V")).stdout == f"openrouter-compat {__version__}\n"


def test_help_lists_every_command_and_the_exit_codes() -> None:
    out = ok(invoke("--help")).stdout
    for name, lazy in COMMANDS.items():
        assert re.search(rf"^\s+{name}\s+{re.escape(lazy.help[:20])}", out, re.MULTILINE), name
    for code, meaning in EXIT_CODES.items():
        assert f"{int(code):>3}  {meaning}" in out


def test_docs_page_has_the_same_exit_codes() -> None:
    page = DOCS.read_text()
    for code, meaning in EXIT_CODES.items():
        assert f"| {int(code)} | {meaning} |" in page, f"docs/cli.md lacks exit code {int(code)}: {meaning}"
    for name in COMMANDS:
        assert f"openrouter-compat {name}" in page, f"docs/cli.md does not show `{name}`"


def test_every_command_has_help_with_the_common_options() -> None:
    for name in COMMANDS:
        if name == "migrate":
            continue  # comes from another module, which owns its options
        out = ok(invoke(name, "--help")).stdout
        for option in ("--json", "--base-url", "--api-key", "OPENROUTER_API_KEY"):
            assert option in out, f"{name} --help lacks {option}"


def test_unknown_command_and_option_are_one_line_usage_errors() -> None:
    failed(invoke("nope"), ExitCode.USAGE, "No such command 'nope'", "openrouter-compat --help")
    failed(invoke("models", "--bogus"), ExitCode.USAGE, "--bogus", "openrouter-compat models --help")


def test_migrate_is_listed_and_says_when_it_is_not_available() -> None:
    try:
        import openrouter_compat.migrate.command  # noqa: F401  # lands from another branch
    except ImportError:
        line = failed(invoke("migrate", "src/"), ExitCode.USAGE, "'migrate' command is not available")
        assert "openrouter_compat.migrate" in line
    else:
        assert ok(invoke("migrate", "--help")).stdout


# -- chat -----------------------------------------------------------------------------------------------------


def test_chat_streams_the_answer_then_provider_tokens_and_cost(openrouter_emulator: Emulator) -> None:
    result = ok(invoke("chat", "hello there", "-m", "openai/gpt-4o-mini", emulator=openrouter_emulator))

    assert result.stdout == "Echo: hello there\n"  # only the answer on stdout
    sent = openrouter_emulator.last_request("/chat/completions").json
    assert sent["model"] == "openai/gpt-4o-mini"
    assert sent["stream"] is True
    assert sent["messages"] == [{"role": "user", "content": "hello there"}]
    stats = result.stderr
    assert len(openrouter_emulator.requests_to("/chat/completions")) == 1
    assert "openai/gpt-4o-mini via OpenAI" in stats
    assert re.search(r"\d+ in / \d+ out tokens", stats)
    shown = re.search(r"cost \$(\d+\.\d+)", stats)
    assert shown is not None, stats
    assert abs(Decimal(shown.group(1)) - openrouter_emulator.total_cost) < Decimal("0.0000005")  # 6 decimals
    assert re.search(r"· gen-[\w-]+$", stats.strip())


def test_chat_shows_the_reasoning_on_stderr_and_can_hide_it(openrouter_emulator: Emulator) -> None:
    args = ("chat", "why?", "-m", "anthropic/claude-sonnet-4.5", "-r", "low")
    shown = ok(invoke(*args, emulator=openrouter_emulator))
    assert openrouter_emulator.last_request("/chat/completions").json["reasoning"] == {"effort": "low"}
    assert shown.stdout == "Echo: why?\n"
    assert "why?" in shown.stderr.splitlines()[0]  # the emulator's reasoning quotes the prompt

    hidden = ok(invoke(*args, "--hide-reasoning", emulator=openrouter_emulator))
    assert hidden.stdout == "Echo: why?\n"
    assert len(hidden.stderr.splitlines()) == 1  # only the stats line
    assert "via Anthropic" in hidden.stderr


def test_chat_spins_on_a_terminal_until_the_first_token(
    openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = io.StringIO()
    monkeypatch.setattr(chat_module, "err_console", lambda: Console(file=terminal, force_terminal=True, width=200))
    openrouter_emulator.stream_delay = 0.05
    result = ok(invoke("chat", "hi", "-m", "anthropic/claude-sonnet-4.5", "-r", "low", emulator=openrouter_emulator))

    assert result.stdout == "Echo: hi\n"
    shown = terminal.getvalue()
    spinner = shown.index("waiting for the first token")
    cleared = shown.index("\x1b[2K", spinner)  # the spinner's line erased ...
    assert cleared < shown.index("user")  # ... before the reasoning ("The user asked: hi. ...") is printed
    assert "via Anthropic" in shown
    assert "waiting" not in result.stderr + result.stdout  # never written where it is not a terminal


def test_chat_reads_the_prompt_from_stdin(openrouter_emulator: Emulator) -> None:
    piped = ok(invoke("chat", "-m", "openai/gpt-4o-mini", emulator=openrouter_emulator, input="from a pipe\n"))
    assert piped.stdout.startswith("Echo: from a pipe")
    dash = ok(invoke("chat", "-", "-m", "openai/gpt-4o-mini", emulator=openrouter_emulator, input="dash"))
    assert dash.stdout == "Echo: dash\n"


def test_chat_without_a_prompt_is_a_usage_error(openrouter_emulator: Emulator) -> None:
    failed(invoke("chat", emulator=openrouter_emulator, input=""), ExitCode.USAGE, "the prompt is empty")
    failed(invoke("chat", "  ", emulator=openrouter_emulator), ExitCode.USAGE, "the prompt is empty")
    assert openrouter_emulator.requests == []


def test_chat_refuses_an_empty_model_or_provider(openrouter_emulator: Emulator) -> None:
    failed(invoke("chat", "hi", "-m", " ", emulator=openrouter_emulator), ExitCode.USAGE, "'-m' / '--model'", "empty")
    failed(invoke("chat", "hi", "-p", "openai", "-p", "", emulator=openrouter_emulator), ExitCode.USAGE, "--provider")
    assert openrouter_emulator.requests == []


def test_chat_sends_routing_and_sampling_options(openrouter_emulator: Emulator) -> None:
    ok(
        invoke(
            *("chat", "hi", "-m", "openai/gpt-4o-mini", "-s", "Be brief.", "-p", "openai", "-p", "azure"),
            *("--sort", "price", "--max-tokens", "50", "-t", "0.3"),
            emulator=openrouter_emulator,
        )
    )
    sent = openrouter_emulator.last_request("/chat/completions").json
    assert sent["provider"] == {"order": ["openai", "azure"], "sort": "price"}
    assert sent["messages"][0] == {"role": "system", "content": "Be brief."}
    assert (sent["max_tokens"], sent["temperature"]) == (50, 0.3)
    assert "reasoning" not in sent


def test_chat_json_is_one_object_with_the_usage(openrouter_emulator: Emulator) -> None:
    data = as_json(invoke("chat", "hi", "-m", "deepseek/deepseek-r1", "--json", emulator=openrouter_emulator))
    assert data["content"] == "Echo: hi"
    assert data["model"] == "deepseek/deepseek-r1"
    assert data["provider"] == "Together"
    assert data["finish_reason"] == "stop"
    assert Decimal(str(data["cost"])) == openrouter_emulator.total_cost
    assert data["usage"]["total_tokens"] == data["usage"]["prompt_tokens"] + data["usage"]["completion_tokens"]
    with OpenRouter(api_key=openrouter_emulator.api_key, base_url=openrouter_emulator.base_url) as client:
        assert client.generations.retrieve(data["generation_id"]).total_cost == data["cost"]


def test_chat_error_mid_stream_keeps_the_partial_answer(openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/chat/completions", Fault.midstream_error(after_chunks=2, code=502))
    result = invoke("chat", "a longer prompt to stream", "-m", "openai/gpt-4o-mini", emulator=openrouter_emulator)
    failed(result, ExitCode.API_ERROR, "502", "Provider disconnected")
    partial = result.stdout.rstrip("\n")
    assert partial
    assert "Echo: a longer prompt to stream".startswith(partial)  # what arrived before the error chunk
    assert result.stdout.endswith("\n")  # ended before the error line


# -- models, model --------------------------------------------------------------------------------------------


@pytest.fixture
def catalogue(client: OpenRouter) -> list[Any]:
    """The emulator's models, as the library lists them."""
    return list(client.models.list())


def ids(result: Result) -> list[str]:
    return [m["id"] for m in as_json(result)]


def test_models_json_lists_the_emulators_models(openrouter_emulator: Emulator, catalogue: list[Any]) -> None:
    data = as_json(invoke("models", "--json", emulator=openrouter_emulator))
    assert [m["id"] for m in data] == sorted(m.id for m in catalogue)
    assert len(data) >= 5
    by_id = {m.id: m for m in catalogue}
    for entry in data:
        assert Decimal(entry["pricing"]["prompt"]) == by_id[entry["id"]].pricing.prompt  # exact, as sent


def test_models_table_shows_ids_and_prices_per_million(openrouter_emulator: Emulator, catalogue: list[Any]) -> None:
    out = ok(invoke("models", emulator=openrouter_emulator)).stdout
    assert f"{len(catalogue)} models, prices in USD per 1M tokens" in out
    for m in catalogue:
        assert m.id in out
    gpt = next(m for m in catalogue if m.id == "openai/gpt-4o-mini")
    assert f"${(gpt.pricing.prompt * 1_000_000).normalize():f}" in out  # 0.00000015/token -> $0.15


def test_models_filters(openrouter_emulator: Emulator, catalogue: list[Any]) -> None:
    def run(*args: str) -> list[str]:
        return ids(invoke("models", "--json", *args, emulator=openrouter_emulator))

    per_m = Decimal(1_000_000)
    assert run("--free") == sorted(m.id for m in catalogue if m.is_free)
    assert run("--max-price", "0.2") == sorted(m.id for m in catalogue if m.pricing.prompt * per_m <= Decimal("0.2"))
    assert run("--max-completion-price", "1") == sorted(m.id for m in catalogue if m.pricing.completion * per_m <= 1)
    assert run("--min-context", "1m") == sorted(m.id for m in catalogue if (m.context_length or 0) >= 1_000_000)
    assert run("--min-context", "200k") == sorted(m.id for m in catalogue if (m.context_length or 0) >= 200_000)
    assert run("-s", "reasoning", "-s", "top_k") == sorted(m.id for m in catalogue if m.supports("reasoning", "top_k"))
    assert run("-i", "audio") == sorted(m.id for m in catalogue if "audio" in m.architecture.input_modalities)
    assert run("-a", "openai") == sorted(m.id for m in catalogue if m.id.startswith("openai/"))
    assert run("gpt", "mini") == ["openai/gpt-4o-mini", "openai/gpt-5-mini"]
    assert run("CLAUDE") == ["anthropic/claude-sonnet-4.5"]
    assert "embeddings" not in {o for m in catalogue for o in m.architecture.output_modalities}
    assert run("-o", "embeddings") == ["openai/text-embedding-3-small"]  # sent to the server too
    assert "openai/text-embedding-3-small" in run("-o", "all")


def test_models_provider_filter_looks_up_endpoints(openrouter_emulator: Emulator, client: OpenRouter) -> None:
    found = ids(invoke("models", "--json", "-p", "Together", emulator=openrouter_emulator))
    wanted = sorted(
        m.id
        for m in client.models.list()
        if any(e.provider_name == "Together" for e in client.models.endpoints(m.id).endpoints)
    )
    assert found == wanted
    assert len(found) >= 2
    assert ids(invoke("models", "--json", "-p", "together", emulator=openrouter_emulator)) == wanted  # slug, any case


def test_models_sort_and_limit(openrouter_emulator: Emulator, catalogue: list[Any]) -> None:
    by_price = as_json(invoke("models", "--json", "--sort", "price", emulator=openrouter_emulator))
    prices = [Decimal(m["pricing"]["prompt"]) for m in by_price]
    assert prices == sorted(prices)
    by_context = ids(invoke("models", "--json", "--sort", "context", "--desc", "-n", "2", emulator=openrouter_emulator))
    assert by_context == [m.id for m in sorted(catalogue, key=lambda m: m.context_length, reverse=True)[:2]]
    table = ok(invoke("models", "-n", "2", emulator=openrouter_emulator)).stdout
    assert f"{len(catalogue)} models (first 2)" in table


def test_models_bad_filter_is_a_usage_error(openrouter_emulator: Emulator) -> None:
    failed(invoke("models", "--min-context", "lots", emulator=openrouter_emulator), ExitCode.USAGE, "'lots'")
    failed(invoke("models", "--sort", "vibes", emulator=openrouter_emulator), ExitCode.USAGE, "vibes")
    assert openrouter_emulator.requests == []


def test_model_shows_details_and_endpoints(openrouter_emulator: Emulator, client: OpenRouter) -> None:
    out = ok(invoke("model", "anthropic/claude-sonnet-4.5", emulator=openrouter_emulator)).stdout
    endpoints = client.models.endpoints("anthropic/claude-sonnet-4.5").endpoints
    assert f"{len(endpoints)} endpoints" in out
    for endpoint in endpoints:
        assert endpoint.provider_name in out
    assert "$3" in out
    assert "$15" in out  # $3 / $15 per million tokens
    assert "1,000,000" in out


def test_model_json(openrouter_emulator: Emulator, client: OpenRouter) -> None:
    data = as_json(invoke("model", "deepseek/deepseek-r1", "--json", emulator=openrouter_emulator))
    assert data["model"]["id"] == "deepseek/deepseek-r1"
    expected = client.models.endpoints("deepseek/deepseek-r1").endpoints
    assert [e["provider_name"] for e in data["endpoints"]] == [e.provider_name for e in expected]
    assert [e["quantization"] for e in data["endpoints"]] == [e.quantization for e in expected]


def test_model_unknown_is_not_found_and_a_bad_id_is_refused(openrouter_emulator: Emulator) -> None:
    failed(invoke("model", "acme/nothing", emulator=openrouter_emulator), ExitCode.NOT_FOUND, "404", "acme/nothing")
    openrouter_emulator.reset()
    failed(invoke("model", "gpt-4o", emulator=openrouter_emulator), ExitCode.USAGE, "author/slug", "'gpt-4o'")
    assert openrouter_emulator.requests == []


# -- key, credits, generation ---------------------------------------------------------------------------------


def test_key(openrouter_emulator: Emulator, client: OpenRouter) -> None:
    ok(invoke("chat", "spend a little", "-m", "openai/gpt-4o-mini", emulator=openrouter_emulator))
    expected = client.key.retrieve()
    out = ok(invoke("key", emulator=openrouter_emulator)).stdout
    assert expected.label is not None
    assert expected.label in out
    assert "Limit remaining" in out
    assert "unlimited" in out
    data = as_json(invoke("key", "--json", emulator=openrouter_emulator))
    assert data["label"] == expected.label
    assert data["usage"] == expected.usage
    assert data["usage"] > 0


def test_credits_need_a_management_key(openrouter_emulator: Emulator) -> None:
    failed(invoke("credits", emulator=openrouter_emulator), ExitCode.AUTH, "403", "management key")
    key = openrouter_emulator.management_key
    out = ok(invoke("credits", emulator=openrouter_emulator, key=key)).stdout
    assert "$100" in out
    data = as_json(invoke("credits", "--json", emulator=openrouter_emulator, key=key))
    assert data["total_credits"] == 100
    assert data["remaining"] == data["total_credits"] - data["total_usage"]


def test_generation(openrouter_emulator: Emulator) -> None:
    chat = as_json(invoke("chat", "hi", "-m", "openai/gpt-4o-mini", "--json", emulator=openrouter_emulator))
    generation_id = chat["generation_id"]
    out = ok(invoke("generation", generation_id, emulator=openrouter_emulator)).stdout
    assert generation_id in out
    assert "openai/gpt-4o-mini" in out
    data = as_json(invoke("generation", generation_id, "--json", emulator=openrouter_emulator))
    assert data["id"] == generation_id
    assert data["total_cost"] == chat["cost"]
    assert data["provider_name"] == chat["provider"]


def test_generation_wait_polls_until_published(openrouter_emulator: Emulator) -> None:
    chat = as_json(invoke("chat", "hi", "-m", "openai/gpt-4o-mini", "--json", emulator=openrouter_emulator))
    openrouter_emulator.generation_not_ready_for = 2  # the next two look-ups answer 404
    failed(invoke("generation", chat["generation_id"], emulator=openrouter_emulator), ExitCode.NOT_FOUND, "404")
    data = as_json(invoke("generation", chat["generation_id"], "--wait", "60", "--json", emulator=openrouter_emulator))
    assert data["id"] == chat["generation_id"]
    assert len(openrouter_emulator.requests_to("/generation")) >= 3


def test_generation_wait_spins_on_a_terminal(openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    chat = as_json(invoke("chat", "hi", "-m", "openai/gpt-4o-mini", "--json", emulator=openrouter_emulator))
    terminal = io.StringIO()
    monkeypatch.setattr(generation_module, "err_console", lambda: Console(file=terminal, force_terminal=True))
    openrouter_emulator.generation_not_ready_for = 1
    result = ok(invoke("generation", chat["generation_id"], "--wait", "60", emulator=openrouter_emulator))
    assert chat["generation_id"] in result.stdout
    assert "waiting up to 60s for the stats" in terminal.getvalue()


def test_generation_unknown(openrouter_emulator: Emulator) -> None:
    failed(invoke("generation", "gen-nope", emulator=openrouter_emulator), ExitCode.NOT_FOUND, "404")
    line = failed(invoke("generation", "gen-nope", "-w", "0.3", emulator=openrouter_emulator), ExitCode.NOT_FOUND)
    assert "still not found after waiting" in line
    failed(invoke("generation", "", emulator=openrouter_emulator), ExitCode.USAGE, "empty")


# -- demo -----------------------------------------------------------------------------------------------------


def test_demo_runs_offline_without_a_key() -> None:
    out = ok(invoke("demo")).stdout
    assert out.startswith("== Offline: talking to the bundled emulator at http://127.0.0.1:")
    assert "[answer]    Echo: In one sentence: why route requests across providers?" in out
    assert "2 generations, total $0." in out
    assert out.rstrip().endswith("== demo finished")
    # the endpoints beyond chat, from the same source as examples/demo.py (tests/test_examples.py runs that one)
    beyond = out[out.index("-- 5. beyond chat") : out.index("-- 6. cost ledger")]
    assert "images.generate -> 1 image(s), cost: $0.040000" in beyond
    assert "presets.create_from_chat -> slug='demo-preset'; presets.list() -> 5 preset(s)" in beyond
    assert "rerank.create -> best document #0" in beyond


def test_demo_has_one_source() -> None:
    """`examples/demo.py` runs the CLI's tour: no demo section is written twice."""
    example = (Path(__file__).resolve().parents[1] / "examples" / "demo.py").read_text()
    assert "from openrouter_compat.cli.demo import tour" in example
    for call in ("images.generate", "presets.create_from_chat", "rerank.create", "chat.completions.create"):
        assert call not in example, f"examples/demo.py repeats {call}: keep it in openrouter_compat/cli/demo.py"


def test_demo_json_summarises_the_tour() -> None:
    data = as_json(invoke("demo", "--json"))
    assert data["generation_id"].startswith("gen-")
    assert data["provider"] == "Anthropic"
    assert set(data["by_model"]) == {"anthropic/claude-sonnet-4.5", "openai/gpt-5-mini"}
    assert Decimal(data["total_cost"]) == sum(Decimal(cost) for cost in data["by_model"].values())
    assert (data["images"], data["preset_slug"], data["best_document"]) == (1, "demo-preset", 0)


# -- defaults from the environment, and errors ----------------------------------------------------------------


def test_environment_gives_the_base_url_and_key(openrouter_emulator: Emulator) -> None:
    result = invoke(
        "key",
        "--json",
        OPENROUTER_API_KEY=openrouter_emulator.api_key,
        OPENROUTER_BASE_URL=openrouter_emulator.base_url,
    )
    assert as_json(result)["label"]
    assert openrouter_emulator.last_request("/key").bearer == openrouter_emulator.api_key


def test_no_key_is_a_usage_error(openrouter_emulator: Emulator) -> None:
    failed(invoke("key", "--base-url", openrouter_emulator.base_url), ExitCode.USAGE, "no API key", "--api-key")


def test_refused_key_is_one_line_without_the_key(openrouter_emulator: Emulator) -> None:
    openrouter_emulator.accept_any_key = False
    for args in (("key",), ("chat", "hi", "-m", "openai/gpt-4o-mini"), ("generation", "gen-1")):
        line = failed(invoke(*args, emulator=openrouter_emulator, key=REAL_SHAPED_KEY), ExitCode.AUTH, "401")
        assert "OPENROUTER_API_KEY" in line  # the hint, never the value


def test_statuses_map_to_exit_codes(openrouter_emulator: Emulator) -> None:
    cases = [
        (Fault.insufficient_credits(), ExitCode.PAYMENT, "402"),
        (Fault.status(500, message="boom"), ExitCode.API_ERROR, "500"),
        (Fault.rate_limited(retry_after=0), ExitCode.API_ERROR, "429"),
        (Fault.moderation(), ExitCode.API_ERROR, "403"),
        (Fault.status(404, message="No endpoints found"), ExitCode.NOT_FOUND, "No endpoints found"),
        (Fault.provider_error(502), ExitCode.API_ERROR, "502"),
    ]
    for fault, code, fragment in cases:
        openrouter_emulator.queue("/chat/completions", fault)
        args = ("chat", "hi", "-m", "openai/gpt-4o-mini", "--max-retries", "0")
        failed(invoke(*args, emulator=openrouter_emulator), code, fragment)


def test_server_error_with_a_key_in_its_message_is_scrubbed(openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/key", Fault.status(500, message=f"upstream rejected {REAL_SHAPED_KEY}"))
    line = failed(invoke("key", "--max-retries", "0", emulator=openrouter_emulator), ExitCode.API_ERROR)
    assert "***" in line


def test_unreachable_server_is_exit_code_3() -> None:
    with Emulator() as emulator:
        base_url = emulator.base_url  # a port that was free a moment ago, closed once stopped
    result = invoke("models", "--base-url", base_url, "--api-key", REAL_SHAPED_KEY, "--max-retries", "0")
    failed(result, ExitCode.CONNECTION, "APIConnectionError", "--base-url")


def test_timeout_is_exit_code_3(openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/key", Fault.delay(5))
    args = ("key", "--max-retries", "0", "--timeout", "0.3")
    failed(invoke(*args, emulator=openrouter_emulator), ExitCode.CONNECTION, "APITimeoutError")


def test_unexpected_error_is_one_line_unless_debugging(
    openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something broke")

    monkeypatch.setattr("openrouter_compat.resources.key.Key.retrieve", broken)
    line = failed(invoke("key", emulator=openrouter_emulator), ExitCode.INTERNAL, "RuntimeError: something broke")
    assert "OPENROUTER_COMPAT_DEBUG" in line
    with pytest.raises(RuntimeError, match="something broke"):
        invoke("key", emulator=openrouter_emulator, OPENROUTER_COMPAT_DEBUG="1")


def test_interrupt_is_exit_code_130(openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("openrouter_compat.resources.key.Key.retrieve", interrupted)
    result = invoke("key", emulator=openrouter_emulator)
    assert (result.exit_code, result.stderr) == (ExitCode.INTERRUPTED, "openrouter-compat: interrupted\n")


def test_every_command_json_parses(openrouter_emulator: Emulator) -> None:
    chat = as_json(invoke("chat", "hi", "-m", "openai/gpt-4o-mini", "--json", emulator=openrouter_emulator))
    runs = {
        "models": ("models", "--json"),
        "model": ("model", "openai/gpt-4o-mini", "--json"),
        "key": ("key", "--json"),
        "generation": ("generation", chat["generation_id"], "--json"),
    }
    for name, args in runs.items():
        assert as_json(invoke(*args, emulator=openrouter_emulator)), name
    mgmt = openrouter_emulator.management_key
    assert as_json(invoke("credits", "--json", emulator=openrouter_emulator, key=mgmt))
    assert as_json(invoke("demo", "--json"))


# -- the lazy group: another module's command in one line -------------------------------------------------------


def test_a_command_of_another_module_is_added_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cli_plugin_for_test.py").write_text(
        "import click\n"
        "from openrouter_compat.cli._options import common_options, current_options\n\n"
        "@click.command()\n@click.argument('who')\n@common_options\n"
        "def hello(who):\n"
        "    '''Say hello.'''\n"
        "    click.echo(f'hello {who} json={current_options().json}')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    group = LazyGroup(
        name="openrouter-compat",
        lazy_commands={
            "hello": LazyCommand("cli_plugin_for_test:hello", "Say hello."),
            "gone": LazyCommand("no_such_module_anywhere.command:cmd", "Not installed."),
            "typo": LazyCommand("cli_plugin_for_test:helo", "Wrong attribute."),
        },
    )
    runner = CliRunner()

    listed = runner.invoke(group, ["--help"])
    assert listed.exit_code == 0
    assert re.search(r"hello\s+Say hello\.", listed.stdout)
    assert re.search(r"gone\s+Not installed\.", listed.stdout)
    assert "cli_plugin_for_test" not in sys.modules  # listing imported nothing

    said = runner.invoke(group, ["hello", "world", "--json"])
    assert (said.exit_code, said.stdout) == (0, "hello world json=True\n")
    assert "cli_plugin_for_test" in sys.modules

    for name, reason in (("gone", "No module named 'no_such_module_anywhere'"), ("typo", "has no 'helo'")):
        result = runner.invoke(group, [name, "--any", "arguments"])
        failed(result, ExitCode.USAGE, f"the {name!r} command is not available in this install", reason)
    monkeypatch.delitem(sys.modules, "cli_plugin_for_test")


def test_models_on_the_real_2026_catalogue(openrouter_emulator: Emulator, real_traffic: Path) -> None:
    """OpenRouter's recorded `GET /models` (served by the emulator as recorded): every model listed and sorted."""
    recorded = yaml.safe_load((real_traffic / "llmor_models_list_2026.yaml").read_text())["interactions"][0]
    body = json.loads(recorded["response"]["body"]["string"])
    real = body["data"]
    assert len(real) >= 3

    openrouter_emulator.queue("/models", Fault.status(200, body=body))
    data = as_json(invoke("models", "--json", "--sort", "price", emulator=openrouter_emulator))
    assert sorted(m["id"] for m in data) == sorted(m["id"] for m in real)
    prices = [Decimal(m["pricing"]["prompt"]) for m in data]
    assert prices == sorted(prices)

    openrouter_emulator.queue("/models", Fault.status(200, body=body))
    table = ok(invoke("models", emulator=openrouter_emulator)).stdout
    assert f"{len(real)} models" in table
    for model in real:
        assert model["id"] in table


def test_models_with_varying_prices_sort_last_and_show_as_varies(openrouter_emulator: Emulator) -> None:
    """OpenRouter prices routers such as `openrouter/auto` at `-1` (the routed model's price applies)."""
    body = {
        "data": [
            {"id": "openrouter/auto", "name": "Auto Router", "pricing": {"prompt": "-1", "completion": "-1"}},
            {"id": "acme/paid", "name": "Paid", "pricing": {"prompt": "0.000001", "completion": "0.000002"}},
            {"id": "acme/free", "name": "Free", "pricing": {"prompt": "0", "completion": "0"}},
        ]
    }
    openrouter_emulator.queue("/models", Fault.status(200, body=body))
    assert ids(invoke("models", "--json", "--sort", "price", emulator=openrouter_emulator)) == [
        "acme/free",
        "acme/paid",
        "openrouter/auto",
    ]
    openrouter_emulator.queue("/models", Fault.status(200, body=body))
    assert ids(invoke("models", "--json", "--max-price", "5", emulator=openrouter_emulator)) == [
        "acme/free",
        "acme/paid",
    ]
    openrouter_emulator.queue("/models", Fault.status(200, body=body))
    table = ok(invoke("models", emulator=openrouter_emulator)).stdout
    auto = next(line for line in table.splitlines() if "openrouter/auto" in line)
    assert auto.count("varies") == 2
    assert "-1" not in auto


@pytest.mark.parametrize(
    ("error", "code", "text"),
    [
        (OpenRouterConfigError("no key"), ExitCode.USAGE, "no API key: pass --api-key or set OPENROUTER_API_KEY"),
        (
            OpenRouterValidationError("provider.sort: 'fast' is not one of ...", field="provider.sort", value="fast"),
            ExitCode.USAGE,
            "refused before sending: provider.sort: 'fast' is not one of ...",
        ),
        (BudgetExceededError("budget of $1 spent", spent=1, limit=1), ExitCode.PAYMENT, "budget of $1 spent"),
        (openai.OpenAIError("odd"), ExitCode.API_ERROR, "OpenAIError: odd"),
    ],
)
def test_library_errors_without_a_response_map_to_exit_codes(error: Exception, code: ExitCode, text: str) -> None:
    assert describe(error) == (code, text)


def test_other_errors_are_not_described() -> None:
    assert describe(RuntimeError("a bug")) is None
    assert describe(ValueError("a bug")) is None
