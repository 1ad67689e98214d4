"""Reading the OpenAPI spec into the operations the generator renders: names, parameters, bodies and results.

`$ref`s in the spec are all local (`#/components/...`), so resolving one is a dictionary look-up; a resolver
library would add a dependency for five lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import config
import yaml

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


def load(path: Path) -> dict[str, Any]:
    """The parsed spec (libyaml's C loader when available: the file is 1.4 MB)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as handle:
        spec: dict[str, Any] = yaml.load(handle, Loader=loader)
    return spec


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow `$ref`s until a schema (or parameter) that is not one."""
    while isinstance(node, dict) and "$ref" in node:
        node = ref_target(spec, node["$ref"])
    return node


def ref_target(spec: dict[str, Any], ref: str) -> Any:
    if not ref.startswith("#/"):
        raise ValueError(f"only local $refs are supported, not {ref!r}")
    node: Any = spec
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def snake(name: str) -> str:
    """`listGuardrailKeyAssignments` / `app-rankings` / `jobId` -> snake_case."""
    name = re.sub(r"[^0-9A-Za-z]+", "_", name)
    name = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    name = re.sub(r"(?<=[A-Z])([A-Z][a-z])", r"_\1", name)
    return name.strip("_").lower()


def pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", name) if part)


@dataclass
class Param:
    """A path or query parameter."""

    name: str
    location: str
    required: bool
    schema: dict[str, Any]
    description: str = ""

    @property
    def pyname(self) -> str:
        return snake(self.name)


@dataclass
class Operation:
    """One `METHOD /path` of the spec, with where it lives on the client."""

    method: str
    path: str
    op: dict[str, Any]
    resource: tuple[str, ...] = ()
    name: str = ""
    path_params: list[Param] = field(default_factory=list[Param])
    query_params: list[Param] = field(default_factory=list[Param])
    body_schema: dict[str, Any] | None = None
    body_content_type: str | None = None
    status: str = "200"
    result_content_type: str | None = None
    result_schema: dict[str, Any] | None = None
    stream_schema: dict[str, Any] | None = None
    example: Any = None

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def management_key(self) -> bool:
        """The spec says a management key is required (in the description, as OpenRouter writes it)."""
        text = f"{self.op.get('description', '')} {self.op.get('summary', '')}".lower()
        return "management key" in text and "required" in text

    @property
    def summary(self) -> str:
        return str(self.op.get("summary") or self.op.get("description") or self.key).strip()

    @property
    def deprecated(self) -> bool:
        return bool(self.op.get("deprecated"))

    @property
    def ignored(self) -> bool:
        return bool(self.op.get("x-speakeasy-ignore"))


def operations(spec: dict[str, Any]) -> Iterator[Operation]:
    """Every operation of the spec in its order, with parameters resolved."""
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method not in item:
                continue
            op = item[method]
            found = Operation(method=method, path=path, op=op)
            for raw in [*shared, *op.get("parameters", [])]:
                param = resolve(spec, raw)
                if param.get("in") not in ("path", "query"):
                    continue
                target = found.path_params if param["in"] == "path" else found.query_params
                target.append(
                    Param(
                        name=param["name"],
                        location=param["in"],
                        required=bool(param.get("required")) or param["in"] == "path",
                        schema=param.get("schema", {}),
                        description=param.get("description", ""),
                    )
                )
            _body(found)
            _result(found)
            yield found


def _body(found: Operation) -> None:
    content = found.op.get("requestBody", {}).get("content", {})
    for content_type in ("application/json", "multipart/form-data"):
        if content_type in content:
            found.body_schema = content[content_type].get("schema", {})
            found.body_content_type = content_type
            return


def _result(found: Operation) -> None:
    responses = found.op.get("responses", {})
    status = next((code for code in responses if code.startswith("2")), None)
    if status is None:
        return
    found.status = status
    content = responses[status].get("content", {})
    if "text/event-stream" in content and len(content) > 1:
        found.stream_schema = content["text/event-stream"].get("schema")
    for content_type, media in content.items():
        if content_type == "text/event-stream" and len(content) > 1:
            continue
        found.result_content_type = content_type
        found.result_schema = media.get("schema")
        if "example" in media:
            found.example = media["example"]
        elif media.get("examples"):
            first = next(iter(media["examples"].values()))
            found.example = first.get("value") if isinstance(first, dict) else None
        return


def place(found: Operation) -> None:
    """Set where the operation lives: resource attribute path and method name (see config)."""
    prefixes = sorted(config.RESOURCE_OF_PREFIX, key=len, reverse=True)
    prefix = next((p for p in prefixes if found.path == p or found.path.startswith(p + "/")), None)
    if prefix is not None:
        found.resource = config.RESOURCE_OF_PREFIX[prefix]
    else:
        found.resource = (snake(found.path.strip("/").split("/")[0]),)
    named = config.METHOD_NAMES.get(found.key)
    if named is None:
        raw = found.op.get("x-speakeasy-name-override") or found.op.get("operationId") or found.method
        named = snake(str(raw))
        named = {"get": "retrieve", "read": "retrieve"}.get(named, named)
        named = "retrieve_" + named[4:] if named.startswith("get_") else named
    found.name = named
