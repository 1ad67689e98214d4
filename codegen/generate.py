"""Generate OpenRouter's spec-only resources, their types, the client mixins, the emulator's spec routes and
docs/api-coverage.md from an OpenAPI spec.

    python codegen/generate.py                 # write the generated files (spec: ../shared/openrouter-api/...)
    python codegen/generate.py --check         # exit 1 if a checked-in file differs from what the spec makes
    python codegen/generate.py --spec FILE --out DIR   # another spec, into another tree (e.g. a temp dir)

Jinja2 renders the modules (their layout reads as code in templates/, not as string building), ruff formats
them, so the output matches `ruff format` exactly and `--check` compares bytes.
"""

from __future__ import annotations

import argparse
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
from schemas import ClassDef, FieldDef, Mode, Registry, docstring, identifier, plain_annotation  # noqa: E402
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
# (`resources/_generated/files.py` under `resources/files.py`), so each URL has one public module of each kind.
GENERATED_PACKAGE = "_generated"


def module_of(found: Operation) -> str:
    """The dotted module (under `resources/` and `types/`) of an operation: `_generated.<name>` when extended."""
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
        param_schemas = [p.schema for p in found.path_params + found.query_params]
        for schema, mode in [*((s, "param") for s in param_schemas), (found.body_schema, "param")]:
            for key in registry.refs(schema, mode):  # type: ignore[arg-type]
                users[key].add(module)
        for key in registry.refs(found.result_schema, "model"):
            users[key].add(module)
    return {key: next(iter(mods)) if len(mods) == 1 else COMMON for key, mods in users.items()}


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
    )


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
    merged = registry.object_parts(resolve(registry.spec, schema))
    if merged is None:
        raise SystemExit(f"{found.key}: request bodies that are not objects are not supported yet")
    props, required, _extra = merged
    args: list[Arg] = []
    for prop, sub in props.items():
        if prop in config.STREAM_FIELDS:
            continue
        annotation = registry.annotation(sub, "param", module, prefix + pascal(prop))
        args.append(Arg(identifier(prop), prop, annotation, prop in required, "body"))
    doc = f"Body of `{found.key}`."
    _params_class(registry, module, name, args, doc)
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
        module = module_of(method.op)
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


def example_of(registry: Registry, found: Operation) -> Any:
    """The response the emulator serves: the spec's example, else a minimal body built from the schema."""
    if found.example is not None:
        return found.example
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
        names = _type_names(registry, top.module)
        files[file_of("resources", top.module)] = env.get_template("resource.py.j2").render(
            top=top, classes=flatten(top), type_names=names, source=source
        )
    for module in registry.modules.values():
        if not module.definitions:
            continue
        files[file_of("types", module.name)] = env.get_template("types.py.j2").render(
            module=module, source=source, imports=sorted((k, sorted(v)) for k, v in module.imports.items())
        )
    for package in ("resources", "types"):
        files[f"{PACKAGE}/{package}/{GENERATED_PACKAGE}/__init__.py"] = env.get_template("generated_init.py.j2").render(
            package=package, source=source
        )
    attached = [t for t in tops if not t.extended or t.attribute in config.ATTACHED]
    attached += [Resource((name,), name, cls, extended=True) for name, cls in config.HAND_ATTACHED.items()]
    files[f"{PACKAGE}/_generated_resources.py"] = env.get_template("mixins.py.j2").render(tops=attached, source=source)
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


def _type_names(registry: Registry, module: str) -> list[tuple[str, list[str]]]:
    """What a resource module imports from `types/`: its own module's names and what that module imports."""
    mod = registry.modules.get(module)
    if mod is None:
        return []
    return [(module, mod.exported), *sorted((source, sorted(names)) for source, names in mod.imports.items())]


def _coverage_rows(methods: list[Method], handwritten: list[Operation]) -> list[tuple[str, str, str, str]]:
    rows = [(m.op.method.upper(), m.op.path, "client." + _attribute_path(m), "generated") for m in methods]
    rows += [(f.method.upper(), f.path, "client." + config.HANDWRITTEN[f.key], "hand-written") for f in handwritten]
    return sorted(rows, key=lambda row: (row[1], row[0]))


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
