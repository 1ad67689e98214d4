#!/usr/bin/env python3
"""The one entry point for working on openrouter_compat: bootstraps `.venv`, then runs the demo, tests or lint.

Standard library only, so a fresh clone needs nothing but Python 3.11+ and the package registry:

    python3 dev.py demo        # the demo: offline on the bundled emulator, or OpenRouter if OPENROUTER_API_KEY is set
    python3 dev.py test        # the whole test suite (extra arguments go to pytest)
    python3 dev.py lint        # ruff check, ruff format --check, mypy --strict, pyright (strict), at once
    python3 dev.py fmt         # ruff format + ruff check --fix
    python3 dev.py generate    # regenerate the spec-only resources/types/docs (codegen/); --check compares only
    python3 dev.py example X   # examples/X.py
    python3 dev.py bench       # benchmarks/run.py: the benchmark suite (extra arguments go to it)
    python3 dev.py docs        # the docs site: installs the `docs` extra, runs mkdocs build --strict
    python3 dev.py integrations  # installs the `integrations` extra, runs tests/integrations and the docs examples
    python3 dev.py integrations-heavy  # DSPy and Semantic Kernel, in a venv of their own (.venv-heavy)
    python3 dev.py setup       # only create/refresh .venv

The venv is (re)installed with `pip install -e '.[dev]'` only when pyproject.toml changed since the last
install: a hash of it is kept in a stamp file inside .venv.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".openrouter_compat-install.sha256"
HEAVY_VENV = ROOT / ".venv-heavy"
"""The heavy frameworks' venv: Semantic Kernel caps pydantic, which must not decide the main venv's."""
HEAVY_PYTHON = HEAVY_VENV / ("Scripts" if os.name == "nt" else "bin") / ("python.exe" if os.name == "nt" else "python")
HEAVY_TESTS = ["tests/integrations/test_dspy.py", "tests/integrations/test_semantic_kernel.py"]
HEAVY_MODULES = ["dspy", "semantic_kernel"]
PYTEST_NO_TESTS = 5


def say(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr, flush=True)


def install_hash() -> str:
    """What an install depends on: pyproject.toml and the interpreter."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_venv() -> None:
    """Create `.venv` if missing; install the project with its dev extras if pyproject.toml changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by any python3
        sys.exit(f"dev.py: Python 3.11+ is required (this is {sys.version.split()[0]})")
    if not PYTHON.exists():
        say(f"creating {VENV.relative_to(ROOT)} with {sys.executable}")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    install("dev", STAMP)


def install(extra: str, stamp: Path, python: Path = PYTHON) -> None:
    """`pip install -e '.[extra]'` (into the venv of `python`) unless `stamp` says it was done for this
    pyproject.toml."""
    wanted = install_hash()
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return
    say(f"installing the project with its {extra} extras (pip install -e '.[{extra}]'), once per pyproject.toml")
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "--no-input"]
    if run([*pip, "install", "--quiet", "-e", f".[{extra}]"]) != 0:
        sys.exit("dev.py: installation failed (see pip's output above)")
    stamp.write_text(wanted + "\n")


def run(command: list[str]) -> int:
    """Run `command` from the repo root and return its exit code."""
    return subprocess.call(command, cwd=ROOT)


def compile_package() -> None:
    """Byte-compile the package, as pip does for what it installs (an editable install is left as source).

    Under PYTHONDONTWRITEBYTECODE nothing else writes bytecode, and every process the tests start (the console
    script, fresh interpreters) would compile the package again; this takes well under a second, once."""
    run(venv_tool("compileall", "-q", "-j", "0", "openrouter_compat"))


def venv_tool(name: str, *args: str) -> list[str]:
    return [str(PYTHON), "-m", name, *args]


def cmd_test(args: list[str]) -> int:
    compile_package()
    code = run(venv_tool("pytest", *args))
    if code == PYTEST_NO_TESTS:
        say("pytest collected no tests (exit code 5): that is a failure here")
    return code


def cmd_lint(args: list[str]) -> int:
    checks = [
        venv_tool("ruff", "check", "."),
        venv_tool("ruff", "format", "--check", "."),
        venv_tool("mypy", "--strict", "openrouter_compat"),  # its .mypy_cache is the one the type-check tests reuse
        venv_tool("pyright", "--project", "."),  # strict, configured in pyproject.toml ([tool.pyright])
        [str(PYTHON), "codegen/generate.py", "--check"],  # checked-in generated code == what the spec makes
    ]
    failed = [label(check) for check, code in zip(checks, run_concurrently(checks), strict=True) if code != 0]
    if failed:
        say("failed: " + "; ".join(failed))
        return 1
    return 0


def label(command: list[str]) -> str:
    """`mypy --strict openrouter_compat` for `python -m mypy ...`, `codegen/generate.py --check` for a script."""
    return " ".join(command[2:] if command[1:2] == ["-m"] else command[1:])


def run_concurrently(commands: list[list[str]]) -> list[int]:
    """Run independent `commands` at once (mypy and pyright take most of a lint: on 2 cores they overlap), then
    print each one's output in order, whole, so the log reads as if they ran one after the other."""
    with tempfile.TemporaryDirectory() as folder:
        outputs = [Path(folder) / f"{number}.log" for number in range(len(commands))]
        processes = []
        for command, output in zip(commands, outputs, strict=True):
            with output.open("wb") as sink:
                processes.append(subprocess.Popen(command, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT))
        codes = []
        for command, output, process in zip(commands, outputs, processes, strict=True):
            codes.append(process.wait())
            say(label(command) + (" passed" if codes[-1] == 0 else f" failed (exit code {codes[-1]})"))
            sys.stdout.write(output.read_text(errors="replace"))
            sys.stdout.flush()
    return codes


def cmd_fmt(args: list[str]) -> int:
    return run(venv_tool("ruff", "format", ".", *args)) or run(venv_tool("ruff", "check", "--fix", ".", *args))


def cmd_generate(args: list[str]) -> int:
    return run([str(PYTHON), "codegen/generate.py", *args])


def cmd_demo(args: list[str]) -> int:
    return run([str(PYTHON), "examples/demo.py", *args])


def cmd_example(args: list[str]) -> int:
    names = sorted(path.stem for path in (ROOT / "examples").glob("[!_]*.py"))
    if not args or args[0] not in names:
        say("usage: python3 dev.py example NAME, NAME one of: " + ", ".join(names))
        return 2
    return run([str(PYTHON), f"examples/{args[0]}.py", *args[1:]])


def cmd_bench(args: list[str]) -> int:
    return run([str(PYTHON), "benchmarks/run.py", *args])


def cmd_docs(args: list[str]) -> int:
    install("docs", VENV / ".openrouter_compat-install-docs.sha256")
    return run(venv_tool("mkdocs", "build", "--strict", *args))


def cmd_integrations(args: list[str]) -> int:
    install("integrations", VENV / ".openrouter_compat-install-integrations.sha256")
    return cmd_test(["tests/integrations", "tests/test_docs_examples.py", *args])


def cmd_integrations_heavy(args: list[str]) -> int:
    """DSPy and Semantic Kernel in `.venv-heavy` (the `integrations-heavy` extra): their tests and docs examples.

    They must import there: a broken install fails here with a message, not as tests that quietly skip."""
    if not HEAVY_PYTHON.exists():
        say(f"creating {HEAVY_VENV.relative_to(ROOT)} with {sys.executable}")
        venv.EnvBuilder(with_pip=True, clear=HEAVY_VENV.exists()).create(HEAVY_VENV)
    install("integrations-heavy", HEAVY_VENV / ".openrouter_compat-install-heavy.sha256", HEAVY_PYTHON)
    probe = "import importlib, sys; [importlib.import_module(name) for name in sys.argv[1:]]"
    if run([str(HEAVY_PYTHON), "-c", probe, *HEAVY_MODULES]) != 0:
        say(f"{', '.join(HEAVY_MODULES)} do not import in {HEAVY_VENV.relative_to(ROOT)} (see the error above)")
        return 1
    pytest = [str(HEAVY_PYTHON), "-m", "pytest", *HEAVY_TESTS, "tests/test_docs_examples.py", "-k", "dspy or semantic"]
    code = run([*pytest, *args])
    if code == PYTEST_NO_TESTS:
        say("pytest collected no tests (exit code 5): that is a failure here")
    return code


def cmd_setup(args: list[str]) -> int:
    say(f"ready: {PYTHON.relative_to(ROOT)}")
    return 0


COMMANDS = {
    "demo": cmd_demo,
    "test": cmd_test,
    "lint": cmd_lint,
    "fmt": cmd_fmt,
    "generate": cmd_generate,
    "example": cmd_example,
    "bench": cmd_bench,
    "docs": cmd_docs,
    "integrations": cmd_integrations,
    "integrations-heavy": cmd_integrations_heavy,
    "setup": cmd_setup,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if argv and argv[0] in ("-h", "--help", "help") else 2
    ensure_venv()
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
