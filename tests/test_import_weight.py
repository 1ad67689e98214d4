"""Importing the package stays light: heavy modules load on first use, as `openai` loads its resources.

Each check runs a fresh interpreter (a module imported once stays imported) and compares `sys.modules`, so
nothing here depends on how fast the machine is. The time figures are the benchmark's (benchmarks/startup.py).
"""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import openrouter_compat
import openrouter_compat.resources
import openrouter_compat.testing
import openrouter_compat.types
import openrouter_compat.types.responses

PACKAGE = Path(openrouter_compat.__file__).resolve().parent

# What `import openrouter_compat` and building a client must not load: the Responses stream machinery, every
# resource (each loads when its client attribute is first read) and the emulator.
HEAVY = (
    "openai.lib.streaming.responses",
    "openai.resources",
    "openrouter_compat.resources",
    "openrouter_compat.testing",
    "tenacity",
)
RESOURCE_LAZY = sorted(
    info.name for info in pkgutil.walk_packages(openrouter_compat.resources.__path__, "openrouter_compat.resources.")
)


STAGES = {
    "package": "import openrouter_compat",
    "plugin": "import openrouter_compat.testing.pytest_plugin",
    "client class": "from openrouter_compat import AsyncOpenRouter, OpenRouter",
    "clients built": "client = OpenRouter(api_key='sk-or-v1-x')\nAsyncOpenRouter(api_key='sk-or-v1-x')",
    "models resource": "client.models",
    "chat call prepared": (
        "from openai._models import FinalRequestOptions\n"
        "from openrouter_compat import _request_stage\n"
        "client.chat.completions\n"
        "_request_stage.prepare_call(client._openrouter, FinalRequestOptions.construct(method='post', "
        "url='/chat/completions', json_data={'model': 'm', 'messages': [], 'models': ['a', 'b']}))"
    ),
    "responses call prepared": (
        "_request_stage.prepare_call(client._openrouter, FinalRequestOptions.construct(method='post', "
        "url='/responses', json_data={'model': 'm', 'input': 'hi', 'models': ['a', 'b']}))"
    ),
}
"""Steps run in order in one fresh interpreter; after each, the modules it has loaded are recorded."""


@pytest.fixture(scope="module")
def loaded() -> dict[str, list[str]]:
    """Stage -> the modules loaded by then, from one fresh interpreter (a module imported once stays imported)."""
    lines = ["import json, sys", "seen = {}"]
    for stage, code in STAGES.items():
        lines += [code, f"seen[{stage!r}] = sorted(sys.modules)"]
    lines.append("print(json.dumps(seen))")
    done = subprocess.run(
        [sys.executable, "-c", "\n".join(lines)], capture_output=True, text=True, timeout=300, check=True
    )
    return dict(json.loads(done.stdout.splitlines()[-1]))


def _heavy(modules: list[str], heavy: tuple[str, ...] = HEAVY) -> list[str]:
    return [name for name in modules if any(name == h or name.startswith(h + ".") for h in heavy)]


def test_import_package_loads_nothing_heavy(loaded: dict[str, list[str]]) -> None:
    modules = loaded["package"]
    assert _heavy(modules, (*HEAVY, "openai", "openrouter_compat._client", "openrouter_compat.types")) == []
    assert "openrouter_compat" in modules


def test_pytest_plugin_module_loads_neither_the_client_nor_the_emulator(loaded: dict[str, list[str]]) -> None:
    """Every pytest run in a project that has the package installed imports this module (`pytest11`)."""
    modules = loaded["plugin"]
    assert _heavy(modules, ("openrouter_compat._client", "openrouter_compat.testing._emulator", "openai")) == []
    assert "openrouter_compat.testing.pytest_plugin" in modules


def test_building_clients_loads_no_resource_and_no_responses_stream_machinery(loaded: dict[str, list[str]]) -> None:
    modules = loaded["clients built"]
    heavy = ("openai.lib.streaming.responses", "openrouter_compat.resources", "openrouter_compat.testing._emulator")
    assert _heavy(modules, heavy) == []
    assert "openrouter_compat._client" in modules


def test_a_resource_loads_on_first_use_and_only_its_own(loaded: dict[str, list[str]]) -> None:
    modules = loaded["models resource"]
    ours = [name for name in modules if name.startswith("openrouter_compat.resources.") and "._" not in name]
    assert ours == ["openrouter_compat.resources.models"]  # and its private helpers (_platform, ...)
    assert "openai.lib.streaming.responses" not in modules


def test_a_chat_call_loads_no_responses_request_schemas(loaded: dict[str, list[str]]) -> None:
    """The generated Responses request schemas (several MB) load with the first `/responses` call, not before."""
    schemas = ("openrouter_compat.types.responses_request", "openrouter_compat.types.responses.response_create_params")
    assert _heavy(loaded["chat call prepared"], schemas) == []
    assert "openrouter_compat.types.responses.response_create_params" in loaded["responses call prepared"]


def test_client_module_imports_resources_only_for_type_checkers() -> None:
    """A resource added later as a cached property stays lazy only if it is imported inside that property (as
    openai's own client does); a module-level import in `_client.py` (or in `_generated_resources.py`, the
    generated spec resources' mixins) would load it with every client."""
    trees = [ast.parse((PACKAGE / name).read_text()) for name in ("_client.py", "_generated_resources.py")]
    eager = [
        node.module
        for tree in trees
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(("resources", "types"))
    ]
    assert eager == []
    in_properties = {
        node.module
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for node in node.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("resources")
    }
    on_disk = {name.removeprefix("openrouter_compat.") for name in RESOURCE_LAZY if "._" not in name}
    aliases = {name for name in on_disk if name.endswith("_generated")}  # old paths, deprecated aliases (see Naming)
    assert on_disk - {"resources.chat.chat", "resources.chat.completions"} - aliases <= in_properties


def _static_exports(init: Path) -> dict[str, str]:
    """name -> relative module, from the `if TYPE_CHECKING:` imports of a lazy `__init__.py`."""
    tree = ast.parse(init.read_text())
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom)
                for alias in stmt.names:
                    found[alias.asname or alias.name] = "." * stmt.level + (stmt.module or "")
    return found


LAZY_PACKAGES = [
    openrouter_compat,
    openrouter_compat.types,
    openrouter_compat.types.responses,
    openrouter_compat.testing,
]


@pytest.mark.parametrize("package", LAZY_PACKAGES, ids=lambda p: p.__name__)
def test_all_lazy_map_and_type_checking_imports_agree(package: object) -> None:
    init = Path(package.__file__)  # type: ignore[attr-defined]
    modules: dict[str, tuple[str, ...]] = package._LAZY  # type: ignore[attr-defined]
    lazy = {name: module for module, names in modules.items() for name in names}
    static = _static_exports(init)
    assert lazy == static
    public = set(package.__all__) - {"__version__"}  # type: ignore[attr-defined]
    assert public == set(lazy)


@pytest.mark.parametrize("package", LAZY_PACKAGES, ids=lambda p: p.__name__)
def test_every_public_name_resolves_and_unknown_names_fail(package: object) -> None:
    for name in package.__all__:  # type: ignore[attr-defined]
        value = getattr(package, name)
        assert value is not None
        assert name in dir(package)
    with pytest.raises(AttributeError, match="no attribute 'NotAThing'"):
        package.NotAThing  # type: ignore[attr-defined]  # noqa: B018


def test_star_import_gives_every_public_name() -> None:
    namespace: dict[str, object] = {}
    exec("from openrouter_compat import *", namespace)
    assert set(openrouter_compat.__all__) <= set(namespace)
    assert namespace["OpenRouter"] is importlib.import_module("openrouter_compat._client").OpenRouter


@pytest.mark.parametrize("package", LAZY_PACKAGES, ids=lambda p: p.__name__)
def test_type_checkers_never_see_the_module_getattr(package: object) -> None:
    """A module `__getattr__` visible to mypy/pyright would make every misspelt name type-check (as Any)."""
    tree = ast.parse(Path(package.__file__).read_text())  # type: ignore[attr-defined]
    guarded = [
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.UnaryOp)
        and isinstance(node.test.op, ast.Not)
        and isinstance(node.test.operand, ast.Name)
        and node.test.operand.id == "TYPE_CHECKING"
    ]
    assert len(guarded) == 1
    assert "__getattr__" in ast.unparse(guarded[0])
    unguarded = [
        node
        for node in tree.body
        if isinstance(node, ast.Assign | ast.FunctionDef) and "__getattr__" in ast.unparse(node)
    ]
    assert unguarded == []
