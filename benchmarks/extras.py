"""Create the venvs of the optional benchmark contenders: the official `openrouter` SDK and LiteLLM.

Each gets its own venv under the temp folder (never this project's, never CI's), installed from the package
registry with pip; benchmarks/run.py --extras uses them when present.

    python benchmarks/extras.py            # both
    python benchmarks/extras.py litellm    # one
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from run import EXTRA_VENVS, EXTRAS  # benchmarks/ is this script's folder, so its sibling imports directly


def ensure(name: str) -> bool:
    """Create `EXTRA_VENVS/name` and pip-install the package `name` into it; whether it is usable."""
    target = EXTRA_VENVS / name
    python = target / "bin" / "python"
    if not python.exists():
        print(f"creating {target}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=target.exists()).create(target)
    check = subprocess.run([str(python), "-c", f"import {name}"], capture_output=True, check=False)
    if check.returncode == 0:
        return True
    print(f"installing {name} into {target} (pip)", flush=True)
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", name]
    return subprocess.run(pip, check=False).returncode == 0


def main(argv: list[str]) -> int:
    names = argv or list(EXTRAS)
    failed = [name for name in names if not ensure(name)]
    for name in failed:
        print(f"could not install {name}: the benchmark will list it as not measured", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    Path(EXTRA_VENVS).mkdir(parents=True, exist_ok=True)
    sys.exit(main(sys.argv[1:]))
