"""`openrouter-compat`, the command line: `main()` runs it, or says in one line how to install the `cli` extra.

Only the console script and `python -m openrouter_compat` import this package, so `import openrouter_compat`
never pays for Click or Rich.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

__all__ = ["INSTALL_HINT", "PROG", "main"]

PROG = "openrouter-compat"
INSTALL_HINT = f"{PROG}: the command line needs Click and Rich: pip install 'openrouter_compat[cli]'"
"""The one line printed (exit code 2) when the `cli` extra is not installed."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: `sys.argv[1:]`) and return its exit code."""
    try:  # the optional `cli` extra, checked before anything uses it
        for name in ("click", "rich"):
            importlib.import_module(name)
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    from ._app import run  # imports Click: only once it is known to be installed

    return run(argv)
