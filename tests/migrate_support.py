"""Helpers for the migration tests: run the tool on a snippet and check the promises every run keeps."""

from __future__ import annotations

import ast
import textwrap

import pytest

pytest.importorskip("libcst", reason="the migrate extra (libcst, click) is not installed")

from openrouter_compat.migrate import FileOutcome, migrate_source


def migrate(code: str) -> FileOutcome:
    """Migrate dedented `code`; the result parses and a second run changes nothing."""
    source = textwrap.dedent(code).lstrip("\n")
    outcome = migrate_source(source)
    assert outcome.error is None, outcome.error
    ast.parse(outcome.result)
    again = migrate_source(outcome.result)
    assert again.result == outcome.result, "a second run changed the file again"
    return outcome


def after(code: str) -> str:
    return migrate(code).result


def hand_lines(outcome: FileOutcome) -> list[str]:
    return [f"{f.line}: {f.message}" for f in outcome.findings if f.hand]


def notes(outcome: FileOutcome) -> list[str]:
    return [f"{f.line}: {f.message}" for f in outcome.findings if not f.hand]


def dedent(code: str) -> str:
    return textwrap.dedent(code).lstrip("\n")
