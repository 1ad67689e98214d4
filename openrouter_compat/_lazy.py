"""PEP 562 lazy exports: a package's public names are imported on first use, not when the package loads.

Used by ``openrouter_compat`` and ``openrouter_compat.testing`` so that importing the pytest plugin (which
pytest does in every run of every project that has this package installed) costs next to nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, table: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package`` whose ``table`` maps a relative module to its names."""
    module_of = {name: module for module, names in table.items() for name in names}
    namespace = vars(importlib.import_module(package))

    def __getattr__(name: str) -> Any:
        """Import a public name (or a submodule) the first time it is looked up, then keep it."""
        module = module_of.get(name)
        if module is None:
            try:
                return importlib.import_module(f"{package}.{name}")
            except ModuleNotFoundError as missing:
                if missing.name != f"{package}.{name}":
                    raise
                raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        """The package's loaded names plus every lazy public name."""
        return sorted({*namespace, *module_of})

    return __getattr__, __dir__
