"""Generate OpenRouter's spec-only resources, their types, the client mixins, the emulator's spec routes, the
management-key operations and docs/api-coverage.md from an OpenAPI spec.

    python codegen/generate.py                 # write the generated files (spec: ../shared/openrouter-api/...)
    python codegen/generate.py --check         # exit 1 if a checked-in file differs from what the spec makes
    python codegen/generate.py --spec FILE --out DIR   # another spec, into another tree (e.g. a temp dir)

Jinja2 renders the modules (their layout reads as code in templates/, not as string building), ruff formats
them, so the output matches `ruff format` exactly and `--check` compares bytes.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import filecmp
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import config  # noqa: E402
from schemas import AliasDef, ClassDef, FieldDef, Mode, Registry, docstring, identifier, plain_annotation  # noqa: E402
from spec import Operation, Param, load, operations, pascal, place, resolve  # noqa: E402

ROOT = HERE.parent
DEFAULT_SPEC = ROOT / ".." / "shared" / "openrouter-api" / "openapi-2026-09.yaml"
COMMON = "common"
PACKAGE = "openrouter_compat"
# Every file the generator owns; anything else in the tree is left alone.
MANIFEST = "codegen/MANIFEST.txt"


@dataclass
class Arg:
    """One argument of a generated method."""

    pyname: str
    wire: str
    annotation: str
    required: bool
    location: str  # "path" | "query" | "body"


@dataclass
class Method:
    """One generated method, everything its sync and async templates need."""

    op: Operation
    name: str
    doc: list[str]
    path_args: list[Arg]
    kwargs: list[Arg]
    path_expr: str
    query_type: str | None
    body_type: str | None
    returns: str
    cast_to: str
    unwrap: bool
    binary: str | None
    management_key: bool
    stream: tuple[str, str, str] | None = None
    """(module, sync class, async class) of the event stream `stream=True` returns (config.STREAMS)."""
    page: tuple[str, str, str] | None = None
    """(page class stem, item annotation, `model=` expression) of a list: the method returns a page whose
    iteration fetches the following pages (`pagination.py`)."""

    @property
    def http(self) -> str:
        return self.op.method

    @property
    def endpoint(self) -> str:
        return self.op.key

    @property
    def signature_kwargs(self) -> list[tuple[str, str, bool]]:
        """(name, annotation without bounds, required) of the keyword arguments, required ones first."""
        ordered = sorted(self.kwargs, key=lambda a: not a.required)
        return [(a.pyname, in_class(plain_annotation(a.annotation)), a.required) for a in ordered]

    @property
    def query_args(self) -> list[Arg]:
        return [a for a in self.kwargs if a.location == "query"]

    @property
    def body_args(self) -> list[Arg]:
        return [a for a in self.kwargs if a.location == "body"]


@dataclass
class Resource:
    """A resource class: its methods and the sub-resources under it."""

    path: tuple[str, ...]
    module: str
    class_name: str
    methods: list[Method] = field(default_factory=list[Method])
    children: list[Resource] = field(default_factory=list["Resource"])
    extended: bool = False

    @property
    def attribute(self) -> str:
        return self.path[-1]

    @property
    def name(self) -> str:
        """The class the client attaches: the hand-written subclass for an extended resource."""
        if not self.extended:
            return self.class_name
        return config.EXTENDED.get(self.path[0], self.class_name)

    @property
    def endpoints(self) -> list[str]:
        return sorted({m.op.path for m in self.methods} | {e for c in self.children for e in c.endpoints})

    @property
    def summary(self) -> str:
        """`/guardrails` and the N operations under it, for docstrings."""
        paths = self.endpoints
        if not paths:
            return f"`/{self.attribute}`, openai's resource with OpenRouter's additions"
        common = paths[0]
        while not all(p == common or p.startswith(common + "/") for p in paths):
            common = common.rsplit("/", 1)[0]
        count = sum(1 for _ in self.operations())
        return f"`{common or '/'}`{' and below' if len(paths) > 1 else ''}, {count} operation{'s' * (count != 1)}"

    def operations(self) -> list[Method]:
        return [*self.methods, *(m for c in self.children for m in c.operations())]


# The generated halves of hand-written resources live in a private package beside the public modules
# (`resources/_generated/files.py` under `resources/files.py`), so each URL has one public resource module.
GENERATED_PACKAGE = "_generated"


def module_of(found: Operation) -> str:
    """The `types/` module of an operation: its resource's (`types/files.py` for `/files`)."""
    return found.resource[0]


def resource_module_of(found: Operation) -> str:
    """The dotted `resources/` module of an operation: `_generated.<name>` for the base of a hand-written one."""
    top = found.resource[0]
    return f"{GENERATED_PACKAGE}.{top}" if top in config.EXTENDED else top


def relative(source: str, module: str, up: int = 0) -> str:
    """`source` (dotted, from the package `module` lives in, `up` packages higher) as a relative import."""
    return "." * (module.count(".") + 1 + up) + source


def file_of(package: str, module: str) -> str:
    return f"{PACKAGE}/{package}/{module.replace('.', '/')}.py"


def class_of(path: tuple[str, ...]) -> str:
    if path[0] in config.EXTENDED:
        return "Generated" + config.EXTENDED[path[0]] + "".join(pascal(p) for p in path[1:])
    return "".join(pascal(p) for p in path)


def classify(ops: list[Operation]) -> tuple[list[Operation], list[Operation], list[tuple[Operation, str]]]:
    """(generated, hand-written, left out with reason) in spec order."""
    generated: list[Operation] = []
    handwritten: list[Operation] = []
    left_out: list[tuple[Operation, str]] = []
    for found in ops:
        if found.key in config.LEFT_OUT:
            left_out.append((found, config.LEFT_OUT[found.key]))
        elif found.key in config.HANDWRITTEN:
            handwritten.append(found)
        elif found.deprecated:
            left_out.append((found, "deprecated in the spec"))
        else:
            generated.append(found)
    return generated, handwritten, left_out


def owners(registry: Registry, ops: list[Operation]) -> dict[tuple[str, Mode], str]:
    """The module each component lives in: the one module using it, or `common` when several do."""
    users: dict[tuple[str, Mode], set[str]] = defaultdict(set)
    for found in ops:
        module = module_of(found)
        for param in found.path_params + found.query_params:
            for key in registry.refs(param.schema, "param"):
                users[key].add(module)
        group = config.TYPE_GROUPS.get(_body_component(found) or "", module)
        for key in registry.refs(found.body_schema, "param"):
            users[key].add(group)
        for key in registry.refs(found.result_schema, "model"):
            users[key].add(module)
        if found.key in config.STREAMS:
            for key in registry.refs(found.stream_schema, "model"):
                users[key].add(module)
    return {key: next(iter(mods)) if len(mods) == 1 else COMMON for key, mods in users.items()}


def _body_component(found: Operation) -> str | None:
    """The component a JSON body is (`$ref`), if it is one."""
    ref = (found.body_schema or {}).get("$ref")
    return ref.split("/")[-1] if isinstance(ref, str) and found.body_content_type == "application/json" else None


def method_of(registry: Registry, found: Operation) -> Method:
    """Render the types of one operation into its module and describe its method."""
    module = module_of(found)
    prefix = class_of(found.resource).removeprefix("Generated") + pascal(found.name)
    path_args = [_arg(registry, p, module, prefix) for p in found.path_params]
    query = [_arg(registry, p, module, prefix) for p in found.query_params]
    body_args, body_type = _body(registry, found, module, prefix)
    taken = {a.pyname for a in path_args}
    for arg in [*query, *body_args]:
        while arg.pyname in taken or arg.pyname in _SIGNATURE_NAMES:
            arg.pyname += "_"
        taken.add(arg.pyname)
    query_type = None
    if query:
        query_type = registry.module(module).reserve(prefix + ("QueryParams" if body_type else "Params"), set())
        _params_class(registry, module, query_type, query, f"Query of `{found.key}`.", params=found.query_params)
    returns, cast_to, unwrap, binary = _result(registry, found, module, prefix)
    stream = _stream(registry, found, module, prefix)
    path_expr = repr(found.path)
    if path_args:
        filled = ", ".join(f"{a.wire}={a.pyname}" for a in path_args)
        path_expr = f"spec_path({found.path!r}, {filled})"
    return Method(
        op=found,
        name=found.name,
        doc=docstring(found.summary.rstrip(".") + "." + (" Management key required." * found.management_key), 8),
        path_args=_plain_args(path_args),
        kwargs=[*query, *body_args],
        path_expr=path_expr,
        query_type=query_type,
        body_type=body_type,
        returns=in_class(returns),
        cast_to=cast_to,
        unwrap=unwrap,
        binary=binary,
        management_key=found.management_key,
        stream=stream,
        page=_page(registry, found, module, returns),
    )


def _page(registry: Registry, found: Operation, module: str, returns: str) -> tuple[str, str, str] | None:
    """(page class stem, item annotation, `model=` expression) of a list operation: `OffsetPage` for an `offset`
    query answering `{"data": [item], ...}`, `CursorListPage` for a `cursor` query answering one of several
    `{"data": [...], "has_more": ...}` shapes (the item is then the union of their items)."""
    query = {p.name for p in found.query_params}
    if found.method != "get" or not {"offset", "cursor"} & query:
        return None
    definitions = {d.name: d for m in registry.modules.values() for d in m.definitions}
    shapes = [returns]
    alias = definitions.get(returns)
    if isinstance(alias, AliasDef):
        shapes = registry.tagged.get(alias.annotation) or [part.strip() for part in alias.annotation.split("|")]
    items: list[str] = []
    for shape in shapes:
        result = definitions.get(shape)
        data = next((f for f in result.fields if f.wire == "data"), None) if isinstance(result, ClassDef) else None
        if data is None or not data.required or not re.fullmatch(r"list\[\w+\]", data.annotation):
            return None
        if "cursor" in query and not any(f.wire == "has_more" for f in result.fields):  # type: ignore[union-attr]
            return None
        items.append(data.annotation[5:-1])
    if not all(isinstance(definitions.get(item), ClassDef) for item in items):
        return None
    for item in items:
        registry.use(module, _owner_of(registry, item), item)
    item = " | ".join(items)
    model = items[0] if len(items) == 1 else f'cast("builtins.type[Any]", result_type({item}))'
    return ("OffsetPage" if "offset" in query else "CursorListPage"), item, model


def _owner_of(registry: Registry, name: str) -> str:
    return next(m.name for m in registry.modules.values() if any(d.name == name for d in m.definitions))


def _stream(registry: Registry, found: Operation, module: str, prefix: str) -> tuple[str, str, str] | None:
    """The stream classes of an operation in config.STREAMS, after defining the type of its events (the `data`
    of each server-sent event, which the hand-written stream classes import)."""
    if found.key not in config.STREAMS:
        return None
    frame = resolve(registry.spec, found.stream_schema or {})
    data = (frame.get("properties") or {}).get("data")
    if data is None:
        raise SystemExit(f"{found.key}: the event-stream schema has no `data` to type the events with")
    registry.annotation(data, "model", module, prefix + "Event")
    return config.STREAMS[found.key]


# Names a request field cannot take as a keyword argument (renamed with a trailing `_`, sent by its wire name).
_SIGNATURE_NAMES = frozenset(
    {"self", "extra_headers", "extra_query", "extra_body", "timeout", "request_query", "request_body", "cast"}
)


def _arg(registry: Registry, param: Param, module: str, prefix: str) -> Arg:
    annotation = registry.annotation(param.schema, "param", module, prefix + pascal(param.name))
    pyname = identifier(param.pyname)
    return Arg(pyname, param.name, annotation, param.required, param.location)


def _plain_args(args: list[Arg]) -> list[Arg]:
    return [Arg(a.pyname, a.wire, in_class(plain_annotation(a.annotation)), a.required, a.location) for a in args]


def in_class(annotation: str) -> str:
    """An annotation usable inside a resource class, where a method named `list` hides the builtin."""
    return re.sub(r"(?<![\w.])list\[", "builtins.list[", annotation)


def _params_class(
    registry: Registry, module: str, name: str, args: list[Arg], doc: str, *, params: list[Param] | None = None
) -> None:
    docs = {p.name: docstring(p.description, 4, 200) if p.description else [] for p in params or []}
    fields = [FieldDef(identifier(a.wire), a.wire, a.annotation, a.required, docs.get(a.wire, [])) for a in args]
    registry.module(module).definitions.append(ClassDef(name, "param", [doc], fields))


def _body(registry: Registry, found: Operation, module: str, prefix: str) -> tuple[list[Arg], str | None]:
    if found.body_schema is None or found.body_content_type != "application/json":
        return [], None
    name = registry.module(module).reserve(prefix + "Params", set())
    schema = found.body_schema
    if "$ref" in schema:
        return _component_body(registry, found, module, name)
    merged = registry.object_parts(resolve(registry.spec, schema))
    if merged is None:
        raise SystemExit(f"{found.key}: request bodies that are not objects are not supported yet")
    props, required, _extra = merged
    args: list[Arg] = []
    for prop, sub in props.items():
        if prop in config.STREAM_FIELDS:  # a streaming operation takes `stream` through its overloads
            continue
        annotation = registry.annotation(sub, "param", module, prefix + pascal(prop))
        args.append(Arg(identifier(prop), prop, annotation, prop in required, "body"))
    doc = f"Body of `{found.key}`."
    _params_class(registry, module, name, args, doc)
    return args, name


def _component_body(registry: Registry, found: Operation, module: str, name: str) -> tuple[list[Arg], str]:
    """A body that is a named component: the component's TypedDict, defined once (several operations share
    `MessagesRequest`), with `name` (`<Resource><Method>Params`) an alias of it; the arguments are its fields."""
    component = registry.component(_body_component(found) or "", "param", module)
    owner = _owner_of(registry, component)
    definition = next(d for d in registry.module(owner).definitions if d.name == component)
    if not isinstance(definition, ClassDef):
        raise SystemExit(f"{found.key}: request bodies that are not objects are not supported yet")
    args = [
        Arg(identifier(f.wire), f.wire, f.annotation, f.required, "body")
        for f in definition.fields
        if f.wire not in config.STREAM_FIELDS
    ]
    for arg in args:
        for used in re.findall(r"[A-Za-z_]\w*", arg.annotation):
            source = registry.defined_in(used)
            if source is not None:
                registry.use(module, source, used)
    registry.module(module).definitions.append(AliasDef(name, component))
    return args, name


def _result(registry: Registry, found: Operation, module: str, prefix: str) -> tuple[str, str, bool, str | None]:
    """(return annotation, cast_to expression, unwrap `{"data": ...}`, binary Accept type)."""
    content_type = found.result_content_type
    if content_type is None:
        return "None", "NoneType", False, None
    if content_type != "application/json":
        return "HttpxBinaryResponseContent", "HttpxBinaryResponseContent", False, content_type
    schema = found.result_schema or {}
    resolved = resolve(registry.spec, schema)
    props = resolved.get("properties") or {}
    if set(props) == {"data"} and "data" in (resolved.get("required") or []) and "allOf" not in resolved:
        inner = registry.annotation(props["data"], "model", module, prefix + "Data")
        return inner, _cast(registry, inner, wrap="data_of"), True, None
    hint = prefix + "Response"
    annotation = registry.annotation(schema, "model", module, hint)
    return annotation, _cast(registry, annotation), False, None


def _cast(registry: Registry, annotation: str, wrap: str | None = None) -> str:
    """A `cast_to` for `annotation` (unions and aliases need a cast to `type[...]` for the type checkers)."""
    classes = {d.name for m in registry.modules.values() for d in m.definitions if isinstance(d, ClassDef)}
    simple = annotation in classes or (annotation.startswith("list[") and annotation[5:-1] in classes)
    target = annotation if simple else f'cast("builtins.type[{annotation}]", result_type({annotation}))'
    return f"{wrap}({target})" if wrap else target


def resources_of(methods: list[Method]) -> list[Resource]:
    """The resource trees (one per top-level attribute), in first-appearance order."""
    tops: dict[str, Resource] = {}
    nodes: dict[tuple[str, ...], Resource] = {}
    for method in methods:
        path = method.op.resource
        module = resource_module_of(method.op)
        for depth in range(1, len(path) + 1):
            sub = path[:depth]
            if sub not in nodes:
                node = Resource(sub, module, class_of(sub), extended=path[0] in config.EXTENDED)
                nodes[sub] = node
                if depth == 1:
                    tops[sub[0]] = node
                else:
                    nodes[sub[:-1]].children.append(node)
        nodes[path].methods.append(method)
    return list(tops.values())


def flatten(resource: Resource) -> list[Resource]:
    """`resource` and its descendants, children first (so a class is defined before its parent uses it)."""
    out: list[Resource] = []
    for child in resource.children:
        out += flatten(child)
    return [*out, resource]


_KEY_SHAPED = re.compile(r"sk-or-v1-[0-9a-f]{64}")
"""A whole OpenRouter key in a spec example: the emulator serves `FAKE_KEY` instead (no key-shaped string is
checked in, even a documentation placeholder)."""
FAKE_KEY = "sk-or-v1-" + "0" * 64


def example_of(registry: Registry, found: Operation) -> Any:
    """The response the emulator serves: the spec's example, else a minimal body built from the schema."""
    if found.example is not None:
        return json.loads(_KEY_SHAPED.sub(FAKE_KEY, json.dumps(found.example)))
    return minimal(registry, found.result_schema or {}, depth=0)


def minimal(registry: Registry, schema: Any, depth: int) -> Any:
    schema = resolve(registry.spec, schema) if isinstance(schema, dict) else {}
    if "example" in schema:
        return schema["example"]
    for key in ("anyOf", "oneOf"):
        if schema.get(key):
            return minimal(registry, schema[key][0], depth + 1)
    merged = registry.object_parts(schema) if depth < 8 else None
    if merged is not None:
        props, required, _extra = merged
        return {name: minimal(registry, props[name], depth + 1) for name in props if name in required}
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    kind = next((k for k in kind if k != "null"), "null") if isinstance(kind, list) else kind
    return {"string": "string", "integer": 0, "number": 0, "boolean": False, "array": []}.get(str(kind), {})


def render(spec_path: Path) -> dict[str, str]:
    """Relative path -> unformatted source of every generated file."""
    spec = load(spec_path)
    ops = list(operations(spec))
    for found in ops:
        place(found)
    generated, handwritten, left_out = classify(ops)
    registry = Registry(spec, {}, COMMON)
    registry.owners = owners(registry, generated)
    for component, module in config.TYPE_GROUPS.items():
        doc = f"`{component}`, a request body several operations send, and the schemas only it uses (validated)."
        if module not in {module_of(found) for found in generated}:
            registry.module(module, doc)
    methods = [method_of(registry, found) for found in generated]
    tops = resources_of(methods)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["flatten"] = flatten
    env.filters["pyrepr"] = repr
    env.globals["relative"] = relative
    env.filters["json"] = lambda value: repr(json.dumps(value, separators=(",", ":"), ensure_ascii=False))
    source = f"{spec_path.name} ({spec['info'].get('title', 'OpenAPI')} {spec['info'].get('version', '')})".strip()
    files: dict[str, str] = {}
    for top in tops:
        names = _type_names(registry, top.path[0])
        streams = sorted({m.stream for m in top.operations() if m.stream is not None})
        files[file_of("resources", top.module)] = env.get_template("resource.py.j2").render(
            top=top, classes=flatten(top), type_names=names, source=source, stream_imports=streams
        )
    for module in registry.modules.values():
        if not module.definitions:
            continue
        imports = sorted((k, sorted(v)) for k, v in module.imports.items())
        hand = _hand_types(module.name, set(module.exported))
        files[file_of("types", module.name)] = env.get_template("types.py.j2").render(
            module=module, source=source, imports=imports, hand=hand, exported=sorted([*module.exported, *hand[1]])
        )
    files[f"{PACKAGE}/resources/{GENERATED_PACKAGE}/__init__.py"] = env.get_template("generated_init.py.j2").render(
        source=source
    )
    attached = [t for t in tops if not t.extended or t.attribute in config.ATTACHED]
    attached += [Resource((name,), name, cls, extended=True) for name, cls in config.HAND_ATTACHED.items()]
    files[f"{PACKAGE}/_generated_resources.py"] = env.get_template("mixins.py.j2").render(tops=attached, source=source)
    routes = sorted(
        {
            (found.method.upper(), found.path)
            for found in ops
            if found.management_key or found.key in config.MANAGEMENT_KEY_ALSO
        }
    )
    files[f"{PACKAGE}/_management_key_routes.py"] = env.get_template("routes.py.j2").render(
        routes=routes, source=source
    )
    rows = _coverage_rows(methods, handwritten)
    files["docs/api-coverage.md"] = env.get_template("coverage.md.j2").render(
        rows=rows, left_out=left_out, source=source, total=len(ops), generated=len(methods)
    )
    served = [(m.op, example_of(registry, m.op)) for m in methods]
    served += [(found, example_of(registry, found)) for found in handwritten]
    files[f"{PACKAGE}/testing/_spec_examples.py"] = env.get_template("examples.py.j2").render(
        served=served, source=source
    )
    return files


def _hand_types(module: str, generated: set[str]) -> tuple[str, list[str]]:
    """(hand-written module, its `__all__`) that the generated types module `module` re-exports, if any."""
    hand = config.HAND_TYPES.get(module)
    if hand is None:
        return "", []
    tree = ast.parse((ROOT / PACKAGE / "types" / f"{hand}.py").read_text(encoding="utf-8"))
    names = next(
        [element.value for element in node.value.elts if isinstance(element, ast.Constant)]
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List)
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    )
    if clash := generated & set(names):
        raise SystemExit(f"types/{hand}.py defines names the generator also writes into types/{module}.py: {clash}")
    return hand, names


def _type_names(registry: Registry, module: str) -> list[tuple[str, list[str]]]:
    """What a resource module imports from `types/`: its own module's names and what that module imports."""
    mod = registry.modules.get(module)
    if mod is None:
        return []
    return [(module, mod.exported), *sorted((source, sorted(names)) for source, names in mod.imports.items())]


def _coverage_rows(methods: list[Method], handwritten: list[Operation]) -> list[tuple[str, str, str, str, str]]:
    """(METHOD, /path, client attribute path, the public module that has the code, generated | hand-written)."""
    rows = [
        (m.op.method.upper(), m.op.path, "client." + _attribute_path(m), code_of(m.op.resource), "generated")
        for m in methods
    ]
    for found in handwritten:
        attribute = config.HANDWRITTEN[found.key]
        code = code_of(tuple(attribute.split(".")[:-1]))
        rows.append((found.method.upper(), found.path, "client." + attribute, code, "hand-written"))
    return sorted(rows, key=lambda row: (row[1], row[0]))


def code_of(resource: tuple[str, ...]) -> str:
    """The public module of a client attribute path (the naming rule: module = attribute, packages for groups)."""
    here = f"{PACKAGE}/resources"
    for depth, part in enumerate(resource):
        if (ROOT / here / part).is_dir() and depth + 1 < len(resource):
            here += f"/{part}"
            continue
        if (ROOT / here / part / "__init__.py").exists():
            return f"{here}/{part}/{part}.py".removeprefix(f"{PACKAGE}/")
        return f"{here}/{part}.py".removeprefix(f"{PACKAGE}/")
    raise SystemExit(f"no resource module for client.{'.'.join(resource)}")


def _attribute_path(method: Method) -> str:
    return ".".join([*method.op.resource, method.name])


def formatted(files: dict[str, str], out: Path) -> None:
    """Write `files` under `out` and run ruff (import order, then format) over them."""
    for rel, text in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    python = [p for p in files if p.endswith(".py")]
    ruff = [sys.executable, "-m", "ruff"]
    settings = ["--config", str(ROOT / "pyproject.toml")]
    fix = [*ruff, "check", "--fix-only", "--quiet", "--select", "I,F401,RUF100,E501", *settings, *python]
    fmt = [*ruff, "format", "--quiet", *settings, *python]
    for command in (fmt, fix, fmt):
        subprocess.run(command, cwd=out, check=True)
    (out / MANIFEST).parent.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).write_text("".join(f"{rel}\n" for rel in sorted(files)), encoding="utf-8")


def check(made: Path, tree: Path) -> list[str]:
    """The generated files that differ from (or are missing in, or are stale in) `tree`."""
    wanted = sorted([*(made / MANIFEST).read_text().split(), MANIFEST])
    stale = (tree / MANIFEST).read_text().split() if (tree / MANIFEST).exists() else []
    problems: list[str] = []
    for rel in wanted:
        mine, theirs = made / rel, tree / rel
        if not theirs.exists():
            problems.append(f"missing: {rel}")
        elif not filecmp.cmp(mine, theirs, shallow=False):
            diff = difflib.unified_diff(
                theirs.read_text().splitlines(), mine.read_text().splitlines(), rel, rel + " (generated)", lineterm=""
            )
            problems.append(f"differs: {rel}\n" + "\n".join(list(diff)[:20]))
    problems += [f"no longer generated: {rel}" for rel in stale if rel not in wanted and (tree / rel).exists()]
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--out", type=Path, default=ROOT)
    parser.add_argument("--check", action="store_true", help="compare with the tree instead of writing")
    args = parser.parse_args(argv)
    if not args.spec.exists():
        print(f"generate: spec not found at {args.spec} (it lives beside the repo, in ../shared)", file=sys.stderr)
        if args.check:
            print("generate --check: skipped, nothing to compare against", file=sys.stderr)
            return 0
        return 2
    files = render(args.spec)
    with tempfile.TemporaryDirectory() as tmp:
        made = Path(tmp)
        formatted(files, made)
        if args.check:
            problems = check(made, args.out)
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                print("generate --check: run `python3 dev.py generate` and commit the result", file=sys.stderr)
            return 1 if problems else 0
        stale = (args.out / MANIFEST).read_text().split() if (args.out / MANIFEST).exists() else []
        for rel in stale:
            if rel not in files and (args.out / rel).exists():
                (args.out / rel).unlink()
        for rel in [*files, MANIFEST]:
            target = args.out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(made / rel, target)
    print(f"generate: {len(files)} files from {args.spec.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
