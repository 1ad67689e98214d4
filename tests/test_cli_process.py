"""`openrouter-compat` as users start it: real processes of the console script and `python -m openrouter_compat`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from openrouter_compat import OpenRouter, __version__
from openrouter_compat.cli import INSTALL_HINT
from openrouter_compat.cli._app import COMMANDS
from openrouter_compat.testing import Emulator

TIMEOUT = 180  # seconds: generous, CI is a loaded 2-core machine
SCRIPT = Path(sys.executable).with_name("openrouter-compat")


def clean_env() -> dict[str, str]:
    """This process's environment without OpenRouter's variables (the commands must not need them) and
    without what makes Rich treat a pipe as a terminal."""
    dropped = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS")
    return {
        name: value for name, value in os.environ.items() if not name.startswith("OPENROUTER_") and name not in dropped
    }


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT, env=clean_env(), check=False)


def script() -> str:
    if not SCRIPT.exists():
        pytest.skip(f"the console script is not installed beside {sys.executable} (pip install -e '.[cli]')")
    return str(SCRIPT)


def test_python_m_prints_the_version() -> None:
    done = run(sys.executable, "-m", "openrouter_compat", "--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"openrouter-compat {__version__}\n", "")


def test_console_script_runs_the_demo_offline() -> None:
    done = run(script(), "demo")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("== Offline: talking to the bundled emulator at http://127.0.0.1:")
    assert "[answer]    Echo: In one sentence: why route requests across providers?" in done.stdout
    assert done.stdout.rstrip().endswith("== demo finished")


def test_console_script_lists_the_emulators_models(openrouter_emulator: Emulator, client: OpenRouter) -> None:
    key = openrouter_emulator.api_key
    done = run(script(), "models", "--json", "--base-url", openrouter_emulator.base_url, "--api-key", key)
    assert done.returncode == 0, done.stderr
    assert [m["id"] for m in json.loads(done.stdout)] == sorted(m.id for m in client.models.list())
    assert key not in done.stdout + done.stderr


def test_console_script_error_is_one_line_with_its_exit_code(openrouter_emulator: Emulator) -> None:
    key = "sk-or-v1-" + "f" * 64
    done = run(script(), "model", "acme/nothing", "--base-url", openrouter_emulator.base_url, "--api-key", key)
    assert done.returncode == 6
    assert done.stderr == "openrouter-compat: error: 404 NotFoundError: Model acme/nothing not found\n"
    assert done.stdout == ""


def test_without_click_it_says_how_to_install_the_extra() -> None:
    code = "import sys; sys.modules['click'] = None; from openrouter_compat.cli import main; sys.exit(main(['key']))"
    done = run(sys.executable, "-c", code)
    assert (done.returncode, done.stderr, done.stdout) == (2, INSTALL_HINT + "\n", "")
    assert "pip install 'openrouter_compat[cli]'" in INSTALL_HINT


def test_importing_the_library_loads_no_cli() -> None:
    code = (
        "import sys, openrouter_compat; print(sorted(m for m in sys.modules"
        " if m.split('.')[0] in ('click', 'rich') or m.startswith('openrouter_compat.cli')))"
    )
    done = run(sys.executable, "-c", code)
    assert (done.returncode, done.stdout) == (0, "[]\n"), done.stderr


def test_help_imports_no_command_module_and_not_openai() -> None:
    code = (
        "import sys; from openrouter_compat.cli import main; code = main(['--help']); "
        "print(sorted(m for m in sys.modules if m.startswith(('openrouter_compat.', 'openai', 'httpx2'))))"
    )
    done = run(sys.executable, "-c", code)
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.splitlines()[-1].replace("'", '"')))
    for name, lazy in COMMANDS.items():
        assert lazy.target.partition(":")[0] not in loaded, f"--help imported the {name} command"
    assert not {m for m in loaded if m.startswith(("openai", "httpx2"))}, "--help imported the HTTP stack"
    assert "migrate" in done.stdout
