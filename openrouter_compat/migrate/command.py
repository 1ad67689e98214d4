"""`openrouter-compat migrate PATH...`: the click command (the CLI group registers `migrate_command`)."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterator
from pathlib import Path

import click

from ._engine import FileOutcome, migrate_source

SKIPPED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".venv",
        "venv",
        "env",
        "__pycache__",
        "node_modules",
        "site-packages",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".ruff_cache",
        "build",
        "dist",
    }
)


class Exit(enum.IntEnum):
    """The exit codes, most serious last (the run exits with the most serious one that happened)."""

    OK = 0
    """Nothing to do, or every change written."""
    WOULD_CHANGE = 1
    """`--check`: at least one file would change."""
    HAND_WORK = 3
    """Something was left as it was for hand work (see the report lines)."""
    FAILED = 4
    """A file could not be read or parsed (left untouched)."""


HELP = f"""Move code that calls OpenRouter onto openrouter_compat.

Rewrites, in the Python files under each PATH (files or folders), code written for the
`openai` SDK with base_url="https://openrouter.ai/api/v1", the official `openrouter` SDK,
LiteLLM's "openrouter/..." models and LangChain's ChatOpenAI / ChatOpenRouter, onto
OpenRouter / AsyncOpenRouter. Comments and layout are kept; every output parses and a second
run changes nothing. What cannot be converted safely is left as it was and reported as
`file:line: hand: what, and what to do`; `note:` lines say what was done or could be simpler
(e.g. a home-made retry loop that RetryPolicy replaces).

\b
Modes:
  (default)  print a unified diff of what would change; touch nothing
  --write    rewrite the files in place
  --check    print only the report; exit 1 if a file would change

\b
Exit codes (the most serious one wins):
  {Exit.OK.value}  nothing to do, or every change written
  {Exit.WOULD_CHANGE.value}  --check: some file would change
  2  bad usage (click)
  {Exit.HAND_WORK.value}  something was left for hand work (see the `hand:` lines)
  {Exit.FAILED.value}  a file could not be read or parsed (left untouched)

See docs/migration.md for the feature tables of each source.
"""


@click.command("migrate", help=HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--write", "mode", flag_value="write", help="Rewrite the files in place.")
@click.option("--check", "mode", flag_value="check", help="Change nothing; exit 1 if a file would change.")
@click.option("--quiet", "-q", is_flag=True, help="Only `hand:` report lines, no `note:` lines or summary.")
def migrate_command(paths: tuple[Path, ...], mode: str | None, quiet: bool) -> None:
    """Migrate PATHS; see HELP."""
    worst = Exit.OK
    counts = {"scanned": 0, "changed": 0, "hand": 0, "failed": 0}
    for path in _python_files(paths):
        counts["scanned"] += 1
        outcome = _migrate_file(path)
        if outcome is None:
            counts["failed"] += 1
            worst = max(worst, Exit.FAILED)
            continue
        worst = max(worst, _report(path, outcome, mode, quiet, counts))
    if not quiet:
        verb = "rewritten" if mode == "write" else "would change"
        click.echo(
            f"{counts['scanned']} file(s) scanned, {counts['changed']} {verb}, "
            f"{counts['hand']} with hand work left, {counts['failed']} failed",
            err=True,
        )
    click.get_current_context().exit(int(worst))  # click's Exit: the `openrouter-compat` group returns the code


def _python_files(paths: tuple[Path, ...]) -> Iterator[Path]:
    seen: set[Path] = set()
    for path in paths:
        candidates = (
            [path]
            if path.is_file()
            else sorted(p for p in path.rglob("*.py") if not SKIPPED_DIRS.intersection(p.relative_to(path).parts[:-1]))
        )
        for candidate in candidates:
            if candidate.resolve() not in seen:
                seen.add(candidate.resolve())
                yield candidate


def _migrate_file(path: Path) -> FileOutcome | None:
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        click.echo(f"{path}:1: failed: cannot read it as UTF-8 ({exc})", err=True)
        return None
    outcome = migrate_source(text)
    if outcome.error is not None:
        click.echo(f"{path}:1: failed: {outcome.error}", err=True)
        return None
    return outcome


def _report(path: Path, outcome: FileOutcome, mode: str | None, quiet: bool, counts: dict[str, int]) -> Exit:
    worst = Exit.OK
    for finding in outcome.findings:
        if finding.hand or not quiet:
            click.echo(f"{path}:{finding.line}: {'hand' if finding.hand else 'note'}: {finding.message}", err=True)
    if outcome.hand_work:
        counts["hand"] += 1
        worst = Exit.HAND_WORK
    if not outcome.changed:
        return worst
    counts["changed"] += 1
    if mode == "write":
        path.write_bytes(outcome.result.encode("utf-8"))
    elif mode == "check":
        worst = max(worst, Exit.WOULD_CHANGE)
    else:
        diff = difflib.unified_diff(
            outcome.source.splitlines(keepends=True),
            outcome.result.splitlines(keepends=True),
            fromfile=f"a/{path.as_posix()}",
            tofile=f"b/{path.as_posix()}",
        )
        click.echo("".join(diff), nl=False)
    return worst
