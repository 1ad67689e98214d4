"""The type-checking promise: `openai` programs still type-check with our import, and misuse is caught.

Runs `mypy --strict` (the project's config) in-process on the scripts in `tests/typecheck/`. Only errors
reported in those scripts count, so in-progress work elsewhere in the package cannot make this flaky.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "tests" / "typecheck"
CACHE = ROOT / ".mypy_cache" / "typecheck"

WRONG_USES = {
    "sort": 'client.chat.completions.create(model="m", messages=MSGS, provider={"sort": "cheapest"})',
    "reasoning_plus_one": "print(completion.choices[0].message.reasoning + 1)",
    "effort": 'client.chat.completions.create(model="m", messages=MSGS, reasoning={"effort": "huge"})',
    "plugin_option": (
        'client.chat.completions.create(model="m", messages=MSGS, plugins=[{"id": "web", "engine": "bing"}])'
    ),
    "unknown_provider_key": (
        'client.chat.completions.create(model="m", messages=MSGS, provider={"allow_fallback": True})'
    ),
    "cost_is_float": 'label: str = completion.usage.cost if completion.usage else ""',
    "top_k_type": 'client.chat.completions.create(model="m", messages=MSGS, top_k="40")',
    "detail_kind": "print([d.signature for d in completion.choices[0].message.reasoning_details or []])",
}

WRONG_HEADER = """\
from openrouter_compat import OpenRouter
from openrouter_compat.types.chat import ChatCompletion
from openai.types.chat import ChatCompletionMessageParam

MSGS: list[ChatCompletionMessageParam] = [{"role": "user", "content": "hi"}]


def misuse(client: OpenRouter, completion: ChatCompletion) -> None:
"""


def _mypy(*paths: Path) -> tuple[str, int]:
    stdout, stderr, status = api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(CACHE),
            "--no-error-summary",
            "--show-error-codes",
            *map(str, paths),
        ]
    )
    assert "error: INTERNAL" not in stderr, stderr
    return stdout, status


def _errors_in(output: str, path: Path) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(str(path)) and ": error:" in line]


@pytest.fixture(scope="module")
def mypy_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """One mypy run over both good scripts and the deliberately wrong one (a single run keeps it fast)."""
    wrong = tmp_path_factory.mktemp("typecheck") / "wrong_uses.py"
    body = "".join(f"    {code}  # {name}\n" for name, code in WRONG_USES.items())
    wrong.write_text(WRONG_HEADER + body)
    output, _ = _mypy(SCRIPTS / "openai_style_script.py", SCRIPTS / "typed_extras_script.py", wrong)
    return output, wrong


def test_openai_style_script_typechecks(mypy_run: tuple[str, Path]) -> None:
    output, _ = mypy_run
    assert _errors_in(output, SCRIPTS / "openai_style_script.py") == []


def test_typed_extras_script_typechecks(mypy_run: tuple[str, Path]) -> None:
    output, _ = mypy_run
    assert _errors_in(output, SCRIPTS / "typed_extras_script.py") == []


@pytest.mark.parametrize("name", sorted(WRONG_USES))
def test_wrong_use_is_reported(mypy_run: tuple[str, Path], name: str) -> None:
    """Each deliberate misuse must produce a mypy error on its own line (so the checks above can fail)."""
    output, wrong = mypy_run
    lines = wrong.read_text().splitlines()
    lineno = next(i for i, line in enumerate(lines, start=1) if line.endswith(f"# {name}"))
    reported = {int(m.group(1)) for m in re.finditer(rf"^{re.escape(str(wrong))}:(\d+): error:", output, re.M)}
    assert lineno in reported, f"mypy accepted the misuse {name!r}:\n{output}"
