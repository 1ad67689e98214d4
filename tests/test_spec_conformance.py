"""OpenRouter's OpenAPI specs as tests: every request property and enum value of `POST /chat/completions`,
`/responses` and `/embeddings` is accepted by our validation and typed, every `example` validates, and every
enum the spec marks open (`x-speakeasy-unknown-values: allow`) takes a value newer than the spec.

The specs are read at run time from `../shared/openrouter-api/` (beside the repo; skipped when absent). When a
newer spec is dropped there, a failure lists each property or value that is new, by path.

Two checks, by who sends a field:
- fields our validation owns (OpenRouter's, plus `tools`): a sample value for every property and enum value,
  validated with `validation="strict"` (which refuses anything the types do not know);
- fields `openai` sends (`messages`, `input`, `response_format`, ...): the same samples walked along the
  keyword's static type, so anything untyped is reported.
"""

from __future__ import annotations

import ast
import typing
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spec_support import SPECS, load_spec

from openrouter_compat import OpenRouterUnknownFieldWarning, OpenRouterValidationError
from openrouter_compat._extras import _WARNED, _adapter, _unknowns, validate_fields
from openrouter_compat._shapes import hints_of, is_passthrough, shape_of
from openrouter_compat.types.chat.completion_create_params import (
    ChatCompletionCreateKwargs,
    ChatToolFields,
    OpenRouterChatParams,
)
from openrouter_compat.types.embedding_create_params import EmbeddingCreateKwargs, OpenRouterEmbeddingParams
from openrouter_compat.types.responses.response_create_params import (
    OpenRouterResponseParams,
    ResponseCreateKwargs,
    ResponseToolFields,
)

SPEC_FILES = sorted(SPECS.glob("openapi-*.yaml")) if SPECS.is_dir() else []
NEW_VALUE = "zz-value-newer-than-this-client"


class Endpoint(typing.NamedTuple):
    path: str
    validated: tuple[Any, ...]
    """The TypedDicts our validation checks (each top-level field by the first that declares it)."""
    keywords: Any
    """The `**kwargs` TypedDict of the method (the static types of `openai`'s own fields)."""
    positional: dict[str, Any]
    """Keyword-only parameters outside `**kwargs`, with their static type."""


ENDPOINTS = {
    "chat": Endpoint(
        "/chat/completions",
        (OpenRouterChatParams, ChatToolFields),
        ChatCompletionCreateKwargs,
        {
            "messages": typing.get_type_hints(
                __import__("openrouter_compat.resources.chat.completions", fromlist=["x"]).Completions.create
            )["messages"],
            "model": str,
            "stream": bool,
        },
    ),
    "responses": Endpoint(
        "/responses", (OpenRouterResponseParams, ResponseToolFields), ResponseCreateKwargs, {"stream": bool}
    ),
    "embeddings": Endpoint(
        "/embeddings",
        (OpenRouterEmbeddingParams,),
        EmbeddingCreateKwargs,
        {
            "input": typing.get_type_hints(
                __import__("openrouter_compat.resources.embeddings", fromlist=["x"]).Embeddings.create
            )["input"],
            "model": str,
        },
    ),
}

STATIC_ONLY_UNTYPED = frozenset({"stream"})
"""Top-level properties whose sub-structure we do not walk (booleans and plain values only)."""
STATIC_TOO = frozenset({"input"})
"""Validated properties whose keyword's static type is walked as well (Responses `input`: the validation checks
open copies of the spec's item shapes, the static type is `openai`'s items plus the spec's own)."""
KNOWN_GAPS: dict[str, tuple[str, ...]] = {}
"""Static typing not done yet, by endpoint and top-level property (none now: Responses `input`, the last one,
is typed by `types/responses/response_input_param.py`). Reported by `test_known_gaps_are_listed`."""


# ------------------------------------------------------------------------------------------ the specs


class Spec:
    """One OpenAPI file: `$ref` resolution and sample values for a request schema."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.doc: dict[str, Any] = load_spec(path)
        self.schemas: dict[str, Any] = self.doc["components"]["schemas"]

    def request(self, path: str) -> dict[str, Any] | None:
        operation = self.doc["paths"].get(path, {}).get("post")
        if operation is None:
            return None
        return self.resolve(operation["requestBody"]["content"]["application/json"]["schema"])

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        seen = 0
        while "$ref" in schema and seen < 50:
            schema, seen = self.schemas[schema["$ref"].rsplit("/", 1)[-1]], seen + 1
        return self._merged(schema)

    def _merged(self, schema: dict[str, Any]) -> dict[str, Any]:
        """`allOf` folded into one object schema (OpenRouter uses it to add a description to a `$ref`)."""
        if "allOf" not in schema:
            return schema
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        for raw in schema["allOf"]:
            for key, value in self.resolve(raw).items():
                if key in ("properties",):
                    merged.setdefault(key, {}).update(value)
                elif key == "required":
                    merged.setdefault(key, []).extend(value)
                else:
                    merged.setdefault(key, value)
        return merged

    def samples(self, schema: dict[str, Any], where: str = "", refs: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
        """(path, value) pairs: a minimal valid value, then one per property and enum value reachable."""
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            if name in refs or len(refs) > 14:
                return
            refs = (*refs, name)
        schema = self.resolve(schema)
        branches = schema.get("oneOf") or schema.get("anyOf")
        if branches:
            for branch in branches:
                yield from self.samples(branch, where, refs)
            return
        if "const" in schema:
            yield f"{where}={schema['const']!r}", schema["const"]
            return
        if "enum" in schema:
            for value in schema["enum"]:
                if value is not None:
                    yield f"{where}={value!r}", value
            return
        kind = _kind(schema)
        if kind == "object":
            yield from self._object_samples(schema, where, refs)
        elif kind == "array":
            for path, item in self.samples(schema.get("items", {}), f"{where}[]", refs):
                yield path, [item]
        elif kind is not None:
            yield where, _scalar(schema, kind)

    def _object_samples(self, schema: dict[str, Any], where: str, refs: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
        properties: dict[str, Any] = schema.get("properties") or {}
        base: dict[str, Any] = {}
        for name in schema.get("required", []):
            if name in properties:
                first = next(self.samples(properties[name], "", refs), None)
                if first is not None:
                    base[name] = first[1]
        yield where or "{}", base
        for name, sub in properties.items():
            for path, value in self.samples(sub, f"{where}.{name}", refs):
                yield path, {**base, name: value}


def _kind(schema: dict[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind is None and "properties" in schema:
        return "object"
    return kind


def _scalar(schema: dict[str, Any], kind: str) -> Any:
    example = schema.get("example")
    if kind == "string":
        return example if isinstance(example, str) else "x"
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
        high = schema.get("maximum", low + 2)
        value = 1 if low <= 1 <= high else low
        return int(value) if kind == "integer" else value
    if kind == "boolean":
        return True
    return None


# ------------------------------------------------------------------------------------------ the checks


def _validated_type(endpoint: Endpoint, name: str) -> Any:
    return next((typ for typ in endpoint.validated if name in typing.get_type_hints(typ)), None)


def _static_type(endpoint: Endpoint, name: str) -> Any:
    if name in endpoint.positional:
        return endpoint.positional[name]
    return typing.get_type_hints(endpoint.keywords).get(name)


def _problems(spec: Spec, endpoint: Endpoint) -> list[str]:
    """Every property or value of the spec's request schema that our validation refuses or our types lack."""
    request = spec.request(endpoint.path)
    assert request is not None
    problems: list[str] = []
    for name, schema in (request.get("properties") or {}).items():
        validated, static = _validated_type(endpoint, name), _static_type(endpoint, name)
        if validated is None and static is None:
            problems.append(f"{name}: not a keyword argument")
            continue
        if name in STATIC_ONLY_UNTYPED:
            continue
        for path, value in spec.samples(schema, name):
            if validated is not None:
                try:
                    validate_fields({name: value}, validated, mode="strict")
                except OpenRouterValidationError as exc:
                    problems.append(f"{path}: {exc}")
            if validated is None or (name in STATIC_TOO and static is not None):
                problems += [
                    f"{path}: {finding.where} not typed ({finding.kind} {finding.value!r})"
                    for finding in _unknowns(value, static, name)
                    if finding.kind == "field" or finding.closed
                ]
    return sorted(set(problems))


def _examples(
    spec: Spec, schema: dict[str, Any], steps: tuple[str, ...] = (), refs: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(steps, example) for every `example` under `schema`; a step is a property name or `[]` (an item)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in refs:
            return
        refs = (*refs, name)
    schema = spec.resolve(schema)
    if "example" in schema:
        yield steps, schema["example"]
    for key in ("oneOf", "anyOf", "allOf"):
        for branch in schema.get(key, []):
            yield from _examples(spec, branch, steps, refs)
    for name, sub in (schema.get("properties") or {}).items():
        yield from _examples(spec, sub, (*steps, name), refs)
    if isinstance(schema.get("items"), dict):
        yield from _examples(spec, schema["items"], (*steps, "[]"), refs)


def _annotations_at(annotation: Any, steps: tuple[str, ...]) -> list[Any]:
    """Every annotation our types have at `steps` below `annotation` (each union member followed)."""
    current = [annotation]
    for step in steps:
        following: list[Any] = []
        for ann in current:
            shape = shape_of(ann)
            if ann is Any or shape.mapping_of is not None:
                following.append(Any if ann is Any else shape.mapping_of)
            elif step == "[]":
                following += [shape.items] if shape.items is not None else []
            else:
                for typ in shape.objects:
                    if step in hints_of(typ):
                        following.append(hints_of(typ)[step])
                    elif is_passthrough(typ):
                        following.append(Any)  # sent as given: any value is accepted there
        current = following
    return current


def _example_is_valid(example: Any, annotation: Any) -> str | None:
    """None when `example` validates (types, and nothing unknown) against `annotation`, else why not."""
    while str(typing.get_origin(annotation)).endswith(("Required", "NotRequired")):
        annotation = typing.get_args(annotation)[0]
    try:
        _adapter(annotation).validate_python(example, strict=True)
    except Exception as exc:
        return str(exc).splitlines()[0]
    unknown = list(_unknowns(example, annotation, ""))
    return f"{unknown[0].where} unknown" if unknown else None


@pytest.fixture(scope="module", params=SPEC_FILES or [None], ids=lambda p: p.name if p else "absent")
def spec(request: pytest.FixtureRequest) -> Spec:
    if request.param is None:
        pytest.skip(f"OpenAPI specs not found at {SPECS} (they live outside the repo)")
    return Spec(request.param)


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_every_request_property_and_value_is_accepted_and_typed(spec: Spec, endpoint: str) -> None:
    if spec.request(ENDPOINTS[endpoint].path) is None:
        pytest.skip(f"{spec.name} has no POST {ENDPOINTS[endpoint].path}")
    problems = [p for p in _problems(spec, ENDPOINTS[endpoint]) if not _is_known_gap(endpoint, p)]
    assert not problems, f"{spec.name}: {len(problems)} request properties/values new to us:\n" + "\n".join(
        problems[:200]
    )


def _is_known_gap(endpoint: str, problem: str) -> bool:
    return problem.startswith(tuple(f"{name}[" for name in KNOWN_GAPS.get(endpoint, ())))


@pytest.mark.parametrize("endpoint", sorted(KNOWN_GAPS))
def test_known_gaps_are_listed(spec: Spec, endpoint: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each listed gap still exists (else remove it from KNOWN_GAPS); the count is printed for the record."""
    gaps = [p for p in _problems(spec, ENDPOINTS[endpoint]) if _is_known_gap(endpoint, p)]
    with capsys.disabled():
        print(f"\n{spec.name} {endpoint}: {len(gaps)} known static-typing gaps under {KNOWN_GAPS[endpoint]}")
    assert gaps, f"{KNOWN_GAPS[endpoint]} is fully typed now: remove it from KNOWN_GAPS"


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_every_request_example_validates(spec: Spec, endpoint: str) -> None:
    target = ENDPOINTS[endpoint]
    request = spec.request(target.path)
    if request is None:
        pytest.skip(f"{spec.name} has no POST {target.path}")
    checked = 0
    failures: list[str] = []
    for name, schema in (request.get("properties") or {}).items():
        validated = _validated_type(target, name)
        if validated is None:
            continue
        for steps, example in _examples(spec, schema):
            annotations = _annotations_at(typing.get_type_hints(validated, include_extras=True)[name], steps)
            reasons = [_example_is_valid(example, ann) for ann in annotations]
            checked += 1
            if None not in reasons:
                failures.append(f"{'.'.join((name, *steps))} example {example!r}: {reasons or 'no such field'}")
    for steps, example in _examples(spec, request):
        if steps or not isinstance(example, dict):
            continue
        for typ in target.validated:
            fields = {k: v for k, v in example.items() if k in typing.get_type_hints(typ)}
            validate_fields(fields, typ, mode="strict")
            checked += 1
    if checked == 0:
        pytest.skip(f"{spec.name} has no examples for the fields we validate in {target.path}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_open_enums_take_newer_values(spec: Spec, endpoint: str) -> None:
    """Where the spec marks an enum open, a value newer than the spec is sent (with a warning, or silently where
    we type it as any string), never refused."""
    target = ENDPOINTS[endpoint]
    request = spec.request(target.path)
    if request is None:
        pytest.skip(f"{spec.name} has no POST {target.path}")
    refused: list[str] = []
    checked = 0
    for name, schema in (request.get("properties") or {}).items():
        validated = _validated_type(target, name)
        if validated is None:
            continue
        for path in _open_enum_paths(spec, schema, name):
            value = _with_new_value(spec, schema, path)
            if value is None:
                continue
            checked += 1
            _WARNED.clear()
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", OpenRouterUnknownFieldWarning)  # warned or plain `str`: both fine
                    validate_fields({name: value}, validated, mode="warn")
            except OpenRouterValidationError as exc:
                refused.append(f"{path}: {exc}")
    if checked == 0:
        pytest.skip(f"{spec.name} marks no open enums in {target.path}")
    assert not refused, "\n".join(refused)


def _open_enum_paths(spec: Spec, schema: dict[str, Any], where: str, refs: tuple[str, ...] = ()) -> Iterator[str]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in refs or len(refs) > 14:
            return
        refs = (*refs, name)
    schema = spec.resolve(schema)
    if "enum" in schema and schema.get("x-speakeasy-unknown-values") == "allow":
        yield where
    for key in ("oneOf", "anyOf"):
        for branch in schema.get(key, []):
            yield from _open_enum_paths(spec, branch, where, refs)
    for name, sub in (schema.get("properties") or {}).items():
        yield from _open_enum_paths(spec, sub, f"{where}.{name}", refs)
    if isinstance(schema.get("items"), dict):
        yield from _open_enum_paths(spec, schema["items"], f"{where}[]", refs)


def _with_new_value(spec: Spec, schema: dict[str, Any], path: str) -> Any:
    """A sample for `path`'s enum (the first one the samples give), with `NEW_VALUE` in the enum's place."""
    for sample_path, value in spec.samples(schema, path.split(".", 1)[0].split("[", 1)[0]):
        if "=" in sample_path and sample_path.split("=", 1)[0] == path:  # an enum value, not another branch
            known = sample_path.split("=", 1)[1]
            return _replace(value, ast.literal_eval(known), NEW_VALUE)
    return None


def _replace(value: Any, old: Any, new: Any) -> Any:
    if value == old:
        return new
    if isinstance(value, dict):
        for key, item in value.items():
            replaced = _replace(item, old, new)
            if replaced is not item:
                return {**value, key: replaced}
    if isinstance(value, list) and value:
        replaced = _replace(value[0], old, new)
        if replaced is not value[0]:
            return [replaced, *value[1:]]
    return value
