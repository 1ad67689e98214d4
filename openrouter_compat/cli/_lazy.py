"""A Click group whose commands are imported only when invoked, and which turns errors into one line
(or, under `--json`, one JSON object: `{"error": {"type", "message", "status", "exit_code"}}` on stderr).

Each command is one entry `name -> LazyCommand("module:attribute", "short help")`: `--help` lists it from the
short help without importing it; a command whose module (or a dependency of it) cannot be imported is still
listed, and says it is not available (exit code 2) when invoked.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

import click

from .._secrets import REDACTED, scrub
from ._exit_codes import ExitCode

__all__ = ["DEBUG_ENV", "JSON_FLAG", "LazyCommand", "LazyGroup", "error_json", "fail", "one_line", "wants_json"]

DEBUG_ENV = "OPENROUTER_COMPAT_DEBUG"
"""Set to 1 to get Python's traceback instead of the one-line message of an unexpected error."""
SECRETS_META = "openrouter_compat.cli.secrets"
"""`ctx.meta` key of the secrets (the API key given) that no message may show."""
ARGV_META = "openrouter_compat.cli.argv"
"""`ctx.meta` key of the arguments the group was given (to know `--json` even when parsing them failed)."""
JSON_META = "openrouter_compat.cli.json"
"""`ctx.meta` key set True once a command's `--json` option was processed."""
JSON_FLAG = "--json"


@dataclass(frozen=True)
class LazyCommand:
    """Where a command lives (`package.module:attribute`, a `click.Command`) and its one-line help."""

    target: str
    help: str


def fail(message: str, code: int, *, kind: str = "UsageError", status: int | None = None) -> NoReturn:
    """Print `message` as the one error line (a JSON object under `--json`) and exit with `code`.

    `kind` names the error (the exception class, for the library's), `status` its HTTP status if it has one."""
    ctx = click.get_current_context()
    secrets: tuple[str | None, ...] = tuple(ctx.meta.get(SECRETS_META, ()))
    text = one_line(message, secrets=secrets)
    if wants_json(ctx):
        click.echo(error_json(kind, text, code, status=status), err=True)
    else:
        click.echo(f"{ctx.find_root().info_name}: error: {text}", err=True)
    ctx.exit(code)


def one_line(text: str, *, secrets: tuple[str | None, ...] = ()) -> str:
    """`text` on one line, with every key-shaped string and each of `secrets` replaced by `***`."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return " ".join(scrub(text).split())


def wants_json(ctx: click.Context) -> bool:
    """Whether the command runs under `--json`: its option was processed, or is among the arguments given
    (before any `--`) when parsing them failed first."""
    if ctx.meta.get(JSON_META):
        return True
    argv: list[str] = list(ctx.meta.get(ARGV_META, ()))
    options = argv[: argv.index("--")] if "--" in argv else argv
    return JSON_FLAG in options


def error_json(kind: str, message: str, code: int, *, status: int | None = None) -> str:
    """The one-line JSON error of `--json` mode: `{"error": {"type", "message", "status", "exit_code"}}`."""
    error = {"type": kind, "message": message, "status": status, "exit_code": int(code)}
    return json.dumps({"error": error}, ensure_ascii=False)


class LazyGroup(click.Group):
    """`click.Group` that imports each command on first use and reports every error as one line."""

    def __init__(self, *args: Any, lazy_commands: Mapping[str, LazyCommand], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands)
        self._loaded: dict[str, click.Command] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        lazy = self.lazy_commands.get(cmd_name)
        if lazy is None:
            return super().get_command(ctx, cmd_name)
        command = self._loaded.get(cmd_name)
        if command is None:
            command = self._loaded[cmd_name] = _load(cmd_name, lazy)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list, from the registered short help: listing imports nothing."""
        rows: list[tuple[str, str]] = []
        for name in self.list_commands(ctx):
            lazy = self.lazy_commands.get(name)
            if lazy is not None:
                rows.append((name, lazy.help))
                continue
            command = super().get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Keep the arguments given (see `wants_json`), then parse them as Click does."""
        ctx.meta[ARGV_META] = list(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; any error of the library, `openai` or the OS becomes one line and its exit code."""
        try:
            return super().invoke(ctx)
        except click.exceptions.Exit:
            raise
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else ctx.command_path
            fail(f"{exc.format_message().rstrip('.')} (see '{where} --help')", ExitCode.USAGE)
        except click.ClickException as exc:
            fail(exc.format_message(), exc.exit_code, kind=type(exc).__name__)
        except (KeyboardInterrupt, click.Abort):
            if wants_json(ctx):
                click.echo(error_json("Interrupted", "interrupted", ExitCode.INTERRUPTED), err=True)
            else:
                click.echo(f"{ctx.info_name}: interrupted", err=True)
            ctx.exit(int(ExitCode.INTERRUPTED))
        except BrokenPipeError:  # `openrouter-compat models | head`: the reader left; say nothing more
            _silence_stdout()
            ctx.exit(int(ExitCode.OK))
        except Exception as exc:
            from ._errors import describe  # imports openai: only once a command has failed (keeps --help fast)

            described = describe(exc)
            if described is None:
                if os.environ.get(DEBUG_ENV):
                    raise
                code = ExitCode.INTERNAL
                message = f"internal error: {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 for the traceback)"
            else:
                code, message = described
            status: object = getattr(exc, "status_code", None)
            fail(message, code, kind=type(exc).__name__, status=status if isinstance(status, int) else None)
        return None


def _load(name: str, lazy: LazyCommand) -> click.Command:
    """Import the command, or a stand-in that says why it is not available."""
    module_name, _, attribute = lazy.target.partition(":")
    try:
        command: object = getattr(importlib.import_module(module_name), attribute)
    except ImportError as exc:
        return _unavailable(name, lazy, f"{exc}")
    except AttributeError:
        return _unavailable(name, lazy, f"{module_name} has no {attribute!r}")
    if not isinstance(command, click.Command):
        raise TypeError(f"{lazy.target} is a {type(command).__name__}, not a click.Command")
    return command


def _unavailable(name: str, lazy: LazyCommand, reason: str) -> click.Command:
    """A command that only reports it cannot run here (exit code 2), accepting any arguments."""

    def callback(args: Sequence[str]) -> None:
        fail(f"the {name!r} command is not available in this install ({reason})", ExitCode.USAGE)

    return click.Command(
        name,
        callback=callback,
        params=[click.Argument(["args"], nargs=-1, type=click.UNPROCESSED)],
        help=f"{lazy.help} (not available: {reason})",
        context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
        add_help_option=False,
    )


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (CliRunner): nothing to flush
        pass
