"""Release basics: the sdist and wheel build offline and pass `twine check --strict`, carrying one version,
the license, no placeholder project URLs, the `cli` extra and the console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from openrouter_compat import __version__

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 600  # seconds: generous, CI is a loaded 2-core machine
BUILD_INPUTS = ("pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md")


def run(*argv: str, cwd: Path) -> str:
    env = {**os.environ, "PIP_NO_INDEX": "1"}  # nothing may be downloaded
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, env=env, check=False)
    assert done.returncode == 0, f"{' '.join(argv[2:4])} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and wheel of a copy of the project (the work tree is left untouched), built without network."""
    pytest.importorskip("build", reason="the dev extras install `build`")
    src = tmp_path_factory.mktemp("src")
    for name in BUILD_INPUTS:
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "openrouter_compat", src / "openrouter_compat", ignore=shutil.ignore_patterns("__pycache__"))
    out = src / "dist"
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(src), cwd=src)
    return out


def test_twine_check_strict_passes(dist: Path) -> None:
    pytest.importorskip("twine", reason="the dev extras install `twine`")
    files = sorted(str(path) for path in dist.iterdir())
    assert len(files) == 2
    out = run(sys.executable, "-m", "twine", "check", "--strict", *files, cwd=dist)
    assert out.count("PASSED") == 2


def test_wheel_metadata(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    assert wheel.name == f"openrouter_compat-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"openrouter_compat-{__version__}.dist-info"
        metadata = archive.read(f"{info}/METADATA").decode()
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
    assert f"Version: {__version__}\n" in metadata
    assert "License-Expression: MIT\n" in metadata
    # No public home yet: no project URL rather than one that points nowhere true (see pyproject.toml).
    assert "Project-URL:" not in metadata
    assert "github.com/openrouter-compat" not in metadata
    assert "Classifier: Typing :: Typed\n" in metadata
    assert "Provides-Extra: cli\n" in metadata
    assert 'Requires-Dist: click>=8.2; extra == "cli"' in metadata
    assert "Description-Content-Type: text/markdown\n" in metadata
    assert "openrouter-compat = openrouter_compat.cli:main" in entry_points
    assert f"{info}/licenses/LICENSE" in names
    for module in ("py.typed", "__main__.py", "cli/__init__.py", "cli/demo.py", "testing/_emulator.py"):
        assert f"openrouter_compat/{module}" in names


def test_sdist_carries_the_license(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "pyproject.toml", "README.md", "openrouter_compat/_version.py"} <= names
