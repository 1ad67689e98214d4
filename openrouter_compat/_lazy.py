"""PEP 562 lazy exports: a package's public names are imported on first use, not when the package loads;
and deprecated aliases: old names that warn once, then resolve to what they were renamed to.

Used by ``openrouter_compat`` and ``openrouter_compat.testing`` so that importing the pytest plugin (which
pytest does in every run of every project that has this package installed) costs next to nothing.
"""

from __future__ import annotations

import importlib
import importlib.util
import warnings
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str,
    table: Mapping[str, tuple[str, ...]],
    deprecated: Mapping[str, tuple[str, str]] | None = None,
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package`` whose ``table`` maps a relative module to its names;
    ``deprecated`` maps an old name to (relative module, new name): it resolves with a ``DeprecationWarning``."""
    module_of = {name: module for module, names in table.items() for name in names}
    namespace = vars(importlib.import_module(package))
    old = {
        name: (importlib.util.resolve_name(module, package), new) for name, (module, new) in (deprecated or {}).items()
    }

    def __getattr__(name: str) -> Any:
        """Import a public name (or a submodule) the first time it is looked up, then keep it."""
        if name in old:
            return _resolve_old(package, name, *old[name])
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


def deprecated_aliases(module: str, table: Mapping[str, tuple[str, str]]) -> Callable[[str], Any]:
    """``__getattr__`` for ``module`` whose ``table`` maps an old name to (absolute module, new name).

    The first look-up of an old name warns (``DeprecationWarning``, naming the new one) and keeps the value in the
    module, so later look-ups are plain attribute reads: old names keep working, at no cost after the first use.
    """

    def __getattr__(name: str) -> Any:
        """Resolve an old name to the object it was renamed to, warning once."""
        target = table.get(name)
        if target is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        return _resolve_old(module, name, *target)

    return __getattr__


def deprecated_module(module: str, new_module: str) -> Callable[[str], Any]:
    """``__getattr__`` for ``module``, an old path of ``new_module``: each public name of the new module resolves
    (the same object), warning once per name."""

    def __getattr__(name: str) -> Any:
        """Resolve a name through the new module (`__all__` too, so a star import still works), or raise."""
        if name == "__all__":
            return list(getattr(importlib.import_module(new_module), "__all__", []))
        if name.startswith("_") or not hasattr(importlib.import_module(new_module), name):
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        return _resolve_old(module, name, new_module, name)

    return __getattr__


def _resolve_old(module: str, name: str, new_module: str, new_name: str) -> Any:
    """Warn that ``module.name`` is deprecated (at the line that looked it up), then keep and return the new object.

    Always called from a module ``__getattr__``, so the caller's line is three frames up."""
    warnings.warn(
        f"{module}.{name} is deprecated: use {new_module}.{new_name} (the same object)",
        DeprecationWarning,
        stacklevel=3,
    )
    value = getattr(importlib.import_module(new_module), new_name)
    vars(importlib.import_module(module))[name] = value
    return value
