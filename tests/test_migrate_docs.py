"""docs/migration.md: the tool turns each *before* into exactly its *after* (and its report), and each *after*
runs against the bundled emulator, sync and async."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("libcst", reason="the migrate extra (libcst, click) is not installed")
pytest.importorskip("langchain_openai")

from openrouter_compat import _constants as C
from openrouter_compat.migrate import migrate_source
from openrouter_compat.testing import Emulator

DOC = Path(__file__).resolve().parents[1] / "docs" / "migration.md"
BLOCK = re.compile(r'```(?:python|text) title="(before|after|report)"\n(.*?)```', re.S)


@dataclass
class Example:
    before: str
    after: str | None = None
    report: str | None = None


def _examples() -> list[Example]:
    examples: list[Example] = []
    for kind, body in BLOCK.findall(DOC.read_text(encoding="utf-8")):
        if kind == "before":
            examples.append(Example(body))
        elif kind == "after":
            examples[-1].after = body
        else:
            examples[-1].report = body.strip()
    return examples


EXAMPLES = _examples()
IDS = [f"example-{n}" for n in range(1, len(EXAMPLES) + 1)]


def test_every_source_has_examples() -> None:
    befores = "\n".join(e.before for e in EXAMPLES)
    for marker in (
        "from openai import OpenAI",
        "from openai import AsyncOpenAI",
        "from openrouter import",
        "send_async",
        "litellm",
        "acompletion",
        "langchain_openai",
        "langchain_openrouter",
    ):
        assert marker in befores
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_the_tool_turns_before_into_after(example: Example) -> None:
    outcome = migrate_source(example.before)
    assert outcome.error is None
    assert outcome.result == (example.after if example.after is not None else example.before)
    report = "\n".join(f"{f.line}: {'hand' if f.hand else 'note'}: {f.message}" for f in outcome.findings)
    assert report == (example.report or "")


RUNNABLE = [(i, e) for i, e in zip(IDS, EXAMPLES, strict=True) if e.after]


@pytest.mark.parametrize("example", [e for _, e in RUNNABLE], ids=[i for i, _ in RUNNABLE])
def test_after_runs_against_the_emulator(
    example: Example, openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert example.after is not None
    monkeypatch.setenv(C.ENV_API_KEY, openrouter_emulator.api_key)
    monkeypatch.setenv("OPENAI_API_KEY", openrouter_emulator.api_key)
    monkeypatch.setenv(C.ENV_BASE_URL, openrouter_emulator.base_url)
    for name in (C.ENV_APP_URL, C.ENV_APP_TITLE, C.ENV_APP_CATEGORIES):
        monkeypatch.delenv(name, raising=False)  # an example may set one: restored after the test
    exec(compile(example.after, "<docs/migration.md>", "exec"), {"__name__": "__main__"})
    printed = capsys.readouterr().out
    if "print(" in example.after:
        assert printed.strip()
        if ".create(" in example.after or ".invoke(" in example.after:
            assert openrouter_emulator.requests_to("/chat/completions")
    sent = [r.json for r in openrouter_emulator.requests_to("/chat/completions")]
    for field in ("provider", "reasoning", "models"):
        if f"{field}=" in example.after and "with_routing" not in example.after:
            assert any(field in body for body in sent), field
    if "app_title=" in example.after and sent:
        request = openrouter_emulator.requests_to("/chat/completions")[-1]
        assert request.headers.get(C.HEADER_APP_TITLE) == "My app"
