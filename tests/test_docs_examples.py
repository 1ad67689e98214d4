"""Every ```python block of every docs page, run against the emulator: the docs never show code that does not work.

A block may be preceded by a marker comment:
`<!-- skip: reason -->` (it cannot run offline; rare, and the reason is shown in the skip), or
`<!-- requires: module -->` (it needs an optional framework: skipped when that module is not installed, run
by the integrations group, which installs them).
"""

from __future__ import annotations

import importlib.util
import linecache
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from openrouter_compat.testing import Emulator

DOCS = Path(__file__).resolve().parents[1] / "docs"
_BLOCK = re.compile(
    r"(?:^<!--\s*(?P<kind>skip|requires):\s*(?P<arg>.*?)\s*-->\n)?^```python\n(?P<code>.*?)^```", re.S | re.M
)
_ANY_FENCE = re.compile(r"^```python", re.M)
# Pages whose ```python blocks are run by a test of their own, the way the page means them (test files run by
# pytest, before/after pairs run through the migration tool), not as scripts here.
OWN_TESTS = {"testing.md": "test_emulator_kit_docs.py", "migration.md": "test_migrate_docs.py"}


def _pages() -> list[Path]:
    return [page for page in sorted(DOCS.rglob("*.md")) if page.relative_to(DOCS).as_posix() not in OWN_TESTS]


@dataclass(frozen=True)
class Block:
    """One ```python block of a page, with its marker."""

    page: Path
    line: int
    code: str
    skip: str | None
    requires: str | None

    @property
    def id(self) -> str:
        return f"{self.page.relative_to(DOCS)}:{self.line}"


def _blocks() -> list[Block]:
    found: list[Block] = []
    for page in _pages():
        text = page.read_text()
        for match in _BLOCK.finditer(text):
            line = text.count("\n", 0, match.start("code"))
            kind, arg = match.group("kind"), match.group("arg")
            found.append(
                Block(
                    page=page,
                    line=line,
                    code=match.group("code"),
                    skip=arg if kind == "skip" else None,
                    requires=arg if kind == "requires" else None,
                )
            )
    return found


BLOCKS = _blocks()


def test_docs_have_runnable_examples() -> None:
    pages = {block.page.relative_to(DOCS).as_posix() for block in BLOCKS}
    for page in ("index.md", "routing.md", "reasoning.md", "streaming.md", "errors.md", "cost.md", "endpoints.md"):
        assert page in pages, f"docs/{page} lost its Python examples"
    skipped = [block.id for block in BLOCKS if block.skip]
    assert len(skipped) * 10 <= len(BLOCKS), f"skips must stay rare: {skipped}"


def test_every_python_fence_is_run() -> None:
    for page in _pages():
        text = page.read_text()
        parsed = sum(1 for block in BLOCKS if block.page == page)
        assert parsed == len(_ANY_FENCE.findall(text)), f"{page}: a ```python fence (with options?) is not collected"


@pytest.mark.parametrize(("page", "test"), sorted(OWN_TESTS.items()))
def test_pages_with_their_own_test_are_run_there(page: str, test: str) -> None:
    assert (DOCS / page).is_file(), f"docs/{page} is listed in OWN_TESTS but does not exist"
    assert f'"{page}"' in (Path(__file__).parent / test).read_text(), f"tests/{test} must read docs/{page}"


def test_skip_markers_give_a_reason() -> None:
    for block in BLOCKS:
        assert block.skip is None or len(block.skip) >= 10, f"{block.id}: say why the block cannot run offline"


@pytest.mark.parametrize("block", BLOCKS, ids=[block.id for block in BLOCKS])
def test_docs_block_runs(
    block: Block,
    openrouter_emulator: Emulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if block.skip:
        pytest.skip(f"marked in the page: {block.skip}")
    if block.requires and importlib.util.find_spec(block.requires) is None:
        pytest.skip(f"needs {block.requires}, not installed (an integrations extra installs it; see its page)")
    monkeypatch.setenv("OPENROUTER_API_KEY", openrouter_emulator.api_key)
    monkeypatch.setenv("OPENROUTER_BASE_URL", openrouter_emulator.base_url)
    # Where the management-key examples keep that key (the library itself reads only the two above).
    monkeypatch.setenv("OPENROUTER_MANAGEMENT_KEY", openrouter_emulator.management_key)
    for name in ("OPENROUTER_APP_URL", "OPENROUTER_APP_TITLE", "OPENROUTER_APP_CATEGORIES"):
        monkeypatch.delenv(name, raising=False)

    filename = f"{block.page}:{block.line}"
    # Frameworks that read a function's source (smolagents' @tool) find the block's lines here.
    linecache.cache[filename] = (len(block.code), None, block.code.splitlines(keepends=True), filename)
    try:
        exec(compile(block.code, filename, "exec"), {"__name__": "__docs__"})
    finally:
        linecache.cache.pop(filename, None)

    assert capsys.readouterr().out.strip(), "every docs example prints what it shows"
    keys = {openrouter_emulator.api_key, openrouter_emulator.management_key}
    assert all(request.bearer in keys for request in openrouter_emulator.requests), "only the emulator's keys"
    assert openrouter_emulator.server_errors == [], "the emulator failed while answering the example"
