"""The naming rule of docs/architecture.md ("Naming") holds for every resource and type module, and the names
from before the rule still resolve, to the same objects, with a DeprecationWarning."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import warnings
from pathlib import Path
from types import ModuleType

import pytest
from openai._resource import AsyncAPIResource, SyncAPIResource
from typecheck_support import MypyReport
from typing_extensions import is_typeddict

import openrouter_compat
import openrouter_compat.resources
import openrouter_compat.types
from openrouter_compat import OpenRouter

PACKAGE = Path(openrouter_compat.__file__).parent

# Old module path -> the module that replaced it (each old module is a deprecated alias now).
OLD_MODULES = {
    "openrouter_compat.types.api_key": "openrouter_compat.types.keys",
    "openrouter_compat.types.generation": "openrouter_compat.types.generations",
    "openrouter_compat.types.provider": "openrouter_compat.types.providers",
    **{
        f"openrouter_compat.resources.{name}_generated": f"openrouter_compat.resources._generated.{name}"
        for name in ("files", "images", "videos", "generations")
    },
    **{
        f"openrouter_compat.types.{name}_generated": f"openrouter_compat.types.{name}"
        for name in ("files", "images", "videos", "generations")
    },
}

# (module, old name) -> new name in the module named second (None: the same module).
OLD_NAMES: dict[tuple[str, str], tuple[str | None, str]] = {
    **{
        ("openrouter_compat.resources.key", f"{a}KeyResource{s}"): (None, f"{a}Key{s}")
        for a in ("", "Async")
        for s in ("", "WithRawResponse", "WithStreamingResponse")
    },
    **{
        ("openrouter_compat.resources.credits", f"{a}CreditsResource{s}"): (None, f"{a}Credits{s}")
        for a in ("", "Async")
        for s in ("", "WithRawResponse", "WithStreamingResponse")
    },
    ("openrouter_compat.resources.containers", "ContainerFiles"): (None, "ContainersFiles"),
    ("openrouter_compat.resources.containers", "AsyncContainerFiles"): (None, "AsyncContainersFiles"),
    ("openrouter_compat.types.keys", "KeyListParams"): (None, "KeysListParams"),
    ("openrouter_compat.types.keys", "KeyCreateParams"): (None, "KeysCreateParams"),
    ("openrouter_compat.types.keys", "KeyUpdateParams"): (None, "KeysUpdateParams"),
    ("openrouter_compat.types.api_key", "KeyListParams"): ("openrouter_compat.types.keys", "KeysListParams"),
    ("openrouter_compat.types.api_key", "KeyCreateParams"): ("openrouter_compat.types.keys", "KeysCreateParams"),
    ("openrouter_compat.types.api_key", "KeyUpdateParams"): ("openrouter_compat.types.keys", "KeysUpdateParams"),
    ("openrouter_compat.types.auth", "AuthCodeCreateParams"): (None, "AuthCreateCodeParams"),
    ("openrouter_compat.types.auth", "AuthKeyExchangeParams"): (None, "AuthExchangeCodeParams"),
    ("openrouter_compat.types.model", "ModelListParams"): (None, "ModelsListParams"),
    ("openrouter_compat.types", "KeyListParams"): ("openrouter_compat.types.keys", "KeysListParams"),
    ("openrouter_compat.types", "KeyCreateParams"): ("openrouter_compat.types.keys", "KeysCreateParams"),
    ("openrouter_compat.types", "KeyUpdateParams"): ("openrouter_compat.types.keys", "KeysUpdateParams"),
    ("openrouter_compat.types", "AuthCodeCreateParams"): ("openrouter_compat.types.auth", "AuthCreateCodeParams"),
    ("openrouter_compat.types", "AuthKeyExchangeParams"): ("openrouter_compat.types.auth", "AuthExchangeCodeParams"),
}

# Resources extending openai's whose types keep openai's module paths (so a migration changes only the package):
# resource module -> the types module(s) it uses instead of types/<module>.
OPENAI_TYPE_PATHS = {
    "completions": "completion",
    "embeddings": "create_embedding_response",
    "models": "model",
    "containers": "files",  # openai's container files; `promote()` returns a /files object
    "beta": "chat",  # `beta.chat` is our `client.chat`: its results are the chat types
}


def pascal(module: str) -> str:
    return "".join(part.capitalize() for part in module.split("_"))


def public_modules(package: ModuleType) -> list[str]:
    """Public module names under `package` (dotted, relative), deprecated aliases left out."""
    found = []
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        relative = info.name.removeprefix(package.__name__ + ".")
        if any(part.startswith("_") for part in relative.split(".")) or info.name in OLD_MODULES:
            continue
        found.append(relative)
    return found


RESOURCE_MODULES = [m for m in public_modules(openrouter_compat.resources) if "." not in m or m.startswith("chat.")]


def resource_classes(module: ModuleType) -> dict[str, type]:
    """The resource classes a module exports (`__all__`), the sub-resources included."""
    exported = {name: getattr(module, name) for name in module.__all__}
    return {
        name: value
        for name, value in exported.items()
        if inspect.isclass(value) and issubclass(value, (SyncAPIResource, AsyncAPIResource))
    }


def openai_base_names(cls: type) -> set[str]:
    return {base.__name__ for base in cls.__mro__ if base.__module__.startswith("openai.")}


@pytest.mark.parametrize("name", RESOURCE_MODULES)
def test_resource_classes_are_named_after_their_module_with_twins_and_wrappers(name: str) -> None:
    module = importlib.import_module(f"openrouter_compat.resources.{name}")
    top = pascal(name.rsplit(".", 1)[-1])
    classes = resource_classes(module)
    sync = [n for n, c in classes.items() if issubclass(c, SyncAPIResource)]
    assert top in sync or not sync, f"resources/{name}.py: its resource class must be `{top}`"
    for cls_name in sync:
        # a sub-resource is named after its attribute path (`ObservabilityDestinations`), or keeps the name of
        # the openai resource it subclasses (`audio.Speech`, `chat.Completions`)
        assert cls_name.startswith(top) or cls_name in openai_base_names(classes[cls_name]), cls_name
        assert issubclass(getattr(module, f"Async{cls_name}"), AsyncAPIResource), f"{cls_name}: no async twin"
    for suffix in ("WithRawResponse", "WithStreamingResponse"):
        for prefix in ("", "Async"):
            assert f"{prefix}{top}{suffix}" in module.__all__, f"resources/{name}.py: no {prefix}{top}{suffix}"


@pytest.mark.parametrize("name", [m for m in RESOURCE_MODULES if "." not in m])
def test_each_resource_module_has_its_types_module(name: str) -> None:
    types_name = OPENAI_TYPE_PATHS.get(name, name)
    path = PACKAGE / "types" / types_name
    assert path.with_suffix(".py").exists() or (path / "__init__.py").exists(), f"no types/{types_name} for {name}"


def test_the_resource_modules_the_rule_checks_are_all_of_them() -> None:
    """The walk sees the hand-written and the generated resources alike (a rule that checks nothing cannot fail)."""
    assert {"key", "keys", "credits", "files", "generations", "guardrails", "observability", "chat.completions"} <= set(
        RESOURCE_MODULES
    )


@pytest.mark.parametrize("name", [m for m in public_modules(openrouter_compat.types) if "." not in m])
def test_request_params_are_named_resource_method_params(name: str) -> None:
    """A `*Params` TypedDict of `types/<resource>.py` is `<Resource><Method>Params` (as the generator names them)."""
    if not (PACKAGE / "resources" / f"{name}.py").exists():
        return  # shared request fields (provider_preferences, ...) and openai's own paths are named by their role
    module = importlib.import_module(f"openrouter_compat.types.{name}")
    params = [
        n
        for n in module.__all__
        if n.endswith("Params")
        and is_typeddict(getattr(module, n))
        and getattr(module, n).__module__ == module.__name__
    ]
    assert [n for n in params if not n.startswith(pascal(name))] == []


def test_no_generated_module_sits_beside_a_hand_written_one() -> None:
    """Generated halves live in the private `_generated/` packages; `*_generated.py` are only the old aliases."""
    for kind in ("resources", "types"):
        beside = {f"openrouter_compat.{kind}.{p.stem}" for p in (PACKAGE / kind).glob("*_generated.py")}
        assert beside <= set(OLD_MODULES)


@pytest.mark.parametrize(("old", "new"), sorted(OLD_MODULES.items()))
def test_old_module_paths_resolve_every_name_to_the_new_object(old: str, new: str) -> None:
    target = importlib.import_module(new)
    alias = importlib.import_module(old)
    renamed = {o: n for (module, o), (_, n) in OLD_NAMES.items() if module == old}
    # an alias module listing its names (`__all__`) has what the old module had; the others forward every name
    old_names = list(vars(alias).get("__all__", [renamed.get(n, n) for n in target.__all__]))
    assert old_names
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for old_name in old_names:
            assert getattr(alias, old_name) is getattr(target, renamed.get(old_name, old_name)), f"{old}.{old_name}"


@pytest.mark.parametrize(("where", "new"), sorted(OLD_NAMES.items()))
def test_old_names_resolve_to_the_new_object_with_a_deprecation_warning(
    where: tuple[str, str], new: tuple[str | None, str]
) -> None:
    module_name, old_name = where
    module = importlib.import_module(module_name)
    vars(module).pop(old_name, None)  # a previous look-up keeps the value: start from the first one
    with pytest.warns(DeprecationWarning, match=new[1]) as caught:
        value = getattr(module, old_name)
    assert value is getattr(importlib.import_module(new[0] or module_name), new[1])
    assert [w.filename for w in caught] == [__file__]  # the line that used the old name, as warnings filters expect


def test_a_star_import_of_an_old_module_still_gets_every_name() -> None:
    new = importlib.import_module("openrouter_compat.resources._generated.images")
    alias = importlib.import_module("openrouter_compat.resources.images_generated")
    for name in new.__all__:
        vars(alias).pop(name, None)  # earlier look-ups keep their value: start from the first one
    namespace: dict[str, object] = {}
    with pytest.warns(DeprecationWarning):
        exec("from openrouter_compat.resources.images_generated import *", namespace)
    assert {n: namespace[n] for n in new.__all__} == {n: getattr(new, n) for n in new.__all__}


def test_an_unknown_name_of_an_alias_module_is_still_an_attribute_error() -> None:
    alias = importlib.import_module("openrouter_compat.types.files_generated")
    with pytest.raises(AttributeError):
        _ = alias.NoSuchType
    with pytest.raises(AttributeError):
        _ = importlib.import_module("openrouter_compat.resources.key").NoSuchResource


def test_api_coverage_names_the_module_of_every_endpoint() -> None:
    """docs/api-coverage.md's `code` column leads from a URL to the one public module that sends it: the module of
    the deepest resource along the client attribute path that is ours (`client.audio.transcriptions` is openai's,
    on our `Audio`)."""
    text = (PACKAGE.parent / "docs" / "api-coverage.md").read_text()
    rows = re.findall(
        r"^\| (?:GET|POST|PUT|PATCH|DELETE) \| /\S* \| client\.([\w.]+) \| `([\w/]+\.py)` \|", text, re.MULTILINE
    )
    assert len(rows) == len(re.findall(r"^\| (?:GET|POST|PUT|PATCH|DELETE) \|", text, re.MULTILINE)) > 50
    client = OpenRouter(api_key="sk-or-v1-naming", base_url="http://127.0.0.1:9/api/v1")
    for attribute, code in rows:
        assert (PACKAGE / code).exists(), code
        assert not any(part.startswith("_") for part in code.split("/")), code
        node: object = client
        ours = None
        *path, method = attribute.split(".")
        for part in path:
            node = getattr(node, part)
            if type(node).__module__.startswith("openrouter_compat."):
                ours = type(node).__module__
        assert callable(getattr(node, method)), attribute
        assert ours == "openrouter_compat." + code.removesuffix(".py").replace("/", "."), attribute


def test_code_using_the_old_names_still_typechecks(mypy_report: MypyReport) -> None:
    """The aliases are declared for type checkers too (`if TYPE_CHECKING:`), so old code type-checks unchanged.

    `mypy_report` is the session's one mypy run over tests/typecheck/ (see typecheck_support)."""
    script = PACKAGE.parent / "tests" / "typecheck" / "old_names_script.py"
    assert script.exists()
    assert [line for line in mypy_report.output.splitlines() if script.name in line] == []
