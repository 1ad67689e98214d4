"""The `openrouter-compat` command group: every command in one table, imported only when it runs.

To add a command from another module, add ONE entry to `COMMANDS` (`name: LazyCommand("module:attribute",
"short help")`); the attribute is a `click.Command` (which may use `common_options` and `fail`).
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from .._version import __version__
from ._exit_codes import EXIT_CODES, ExitCode
from ._lazy import LazyCommand, LazyGroup, error_json, wants_json

__all__ = ["COMMANDS", "PROG", "cli", "run"]

PROG = "openrouter-compat"

COMMANDS: dict[str, LazyCommand] = {
    "chat": LazyCommand(
        "openrouter_compat.cli._chat:chat", "Send a prompt; stream the answer, its provider, tokens and cost."
    ),
    "models": LazyCommand("openrouter_compat.cli._models:models", "Search and filter the models (a sortable table)."),
    "model": LazyCommand("openrouter_compat.cli._models:model", "One model: its details, endpoints and prices."),
    "key": LazyCommand("openrouter_compat.cli._account:key", "The API key in use: usage, limit, what is left."),
    "credits": LazyCommand("openrouter_compat.cli._account:credits", "Credits bought and used (management key)."),
    "generation": LazyCommand(
        "openrouter_compat.cli._generation:generation", "What OpenRouter recorded about a generation."
    ),
    "demo": LazyCommand("openrouter_compat.cli._demo_command:demo", "The offline tour on the bundled emulator."),
    "migrate": LazyCommand(
        "openrouter_compat.migrate.command:migrate_command",
        "Move openai+base_url, official-SDK, LiteLLM or LangChain code onto this library (diff, --write, --check).",
    ),
}


def _epilog() -> str:
    """The exit-code table and the environment variables, kept as written (`\\b`: no rewrapping)."""
    codes = "\n".join(f"  {int(code):>3}  {meaning}" for code, meaning in EXIT_CODES.items())
    return (
        f"\b\nExit codes:\n{codes}\n\n"
        "\b\nEnvironment: OPENROUTER_API_KEY (--api-key), OPENROUTER_BASE_URL (--base-url).\n"
        f"Every command takes --json. Run '{PROG} COMMAND --help' for a command's options."
    )


@click.group(
    cls=LazyGroup,
    lazy_commands=COMMANDS,
    name=PROG,
    epilog=_epilog(),
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
)
@click.version_option(__version__, "-V", "--version", prog_name=PROG, message="%(prog)s %(version)s")
def cli() -> None:
    """OpenRouter from the command line: models and prices, your key and credits, a generation, a chat.

    Built on openrouter_compat (the openai SDK for OpenRouter, typed).
    """


def run(argv: Sequence[str] | None = None) -> int:
    """Run `cli` on `argv` (default: `sys.argv[1:]`) and return the exit code instead of exiting."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name=PROG, standalone_mode=False)
    except click.UsageError as exc:  # an option of the group itself (a command's are reported by LazyGroup)
        return _report(exc.ctx, f"{exc.format_message().rstrip('.')} (see '{PROG} --help')", ExitCode.USAGE)
    except click.ClickException as exc:
        return _report(None, exc.format_message(), exc.exit_code, kind=type(exc).__name__)
    except click.Abort:
        return _report(None, "interrupted", ExitCode.INTERRUPTED, kind="Interrupted")
    return result if isinstance(result, int) else 0


def _report(ctx: click.Context | None, message: str, code: int, *, kind: str = "UsageError") -> int:
    """Print an error of the group itself (one line, or JSON when `--json` was given) and return `code`."""
    if ctx is not None and wants_json(ctx):
        click.echo(error_json(kind, message, code), err=True)
    elif kind == "Interrupted":
        click.echo(f"{PROG}: interrupted", err=True)
    else:
        click.echo(f"{PROG}: error: {message}", err=True)
    return int(code)
