"""The checked-in generated code is what codegen/generate.py makes from the bundled spec, and the previous spec
(2026-08) regenerates cleanly into a scratch tree whose modules import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / ".." / "shared" / "openrouter-api"
MANIFEST = "codegen/MANIFEST.txt"  # the generated files, one per line (codegen/generate.py writes it)


def _generate(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "codegen" / "generate.py"), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


def test_checked_in_code_equals_the_generator_output() -> None:
    if not (SPECS / "openapi-2026-09.yaml").exists():
        pytest.skip(f"the bundled spec is not beside the repo ({SPECS}); it lives in ../shared")
    done = _generate("--check")
    assert done.returncode == 0, done.stderr


def test_the_older_spec_regenerates_cleanly(tmp_path: Path) -> None:
    older = SPECS / "openapi-2026-08.yaml"
    if not older.exists():
        pytest.skip(f"the 2026-08 spec is not beside the repo ({older}); it lives in ../shared")
    done = _generate("--spec", str(older), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    coverage = (tmp_path / "docs" / "api-coverage.md").read_text()
    assert "/containers/{container_id}/files/{file_id}/promote" not in coverage  # added in 2026-09
    assert "| POST | /presets/{slug}/chat/completions | client.presets.create_from_chat |" in coverage
    for module in ("resources/presets.py", "types/presets.py", "_generated_resources.py"):
        compile((tmp_path / "openrouter_compat" / module).read_text(), module, "exec")


def test_check_reports_a_hand_edit(tmp_path: Path) -> None:
    if not (SPECS / "openapi-2026-09.yaml").exists():
        pytest.skip(f"the bundled spec is not beside the repo ({SPECS}); it lives in ../shared")
    for rel in [MANIFEST, *(ROOT / MANIFEST).read_text().split()]:  # the checked-in generated tree, copied
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, tmp_path / rel)
    target = tmp_path / "openrouter_compat" / "resources" / "rerank.py"
    target.write_text(target.read_text().replace("def create(", "def create_renamed(", 1))
    done = _generate("--check", "--out", str(tmp_path))
    assert done.returncode == 1
    assert "differs: openrouter_compat/resources/rerank.py" in done.stderr
