"""Validation and merging of OpenRouter's request fields, shared by every resource, sync and async.

Validation runs once per call with a cached pydantic adapter over the TypedDicts in `types/`, strict and
with unknown keys forbidden; what is sent is the caller's own value, not a coerced copy.
"""

from __future__ import annotations

import difflib
import functools
import types
import typing
from collections.abc import Mapping
from typing import Any, cast

import pydantic
import typing_extensions
from openai._types import Omit, omit

from ._exceptions import OpenRouterValidationError

__all__ = ["merge_body", "pop_fields", "select_fields", "validate_fields"]


@functools.cache
def _adapter(params_type: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(params_type, config=None)


@functools.cache
def _field_names(params_type: Any) -> frozenset[str]:
    return frozenset(typing.get_type_hints(params_type))


def pop_fields(kwargs: dict[str, Any], params_type: Any) -> dict[str, Any]:
    """Remove the fields of `params_type` from `kwargs` and return the ones that were given (not omitted)."""
    names = _field_names(params_type)
    found: dict[str, Any] = {}
    for name in names & kwargs.keys():
        value = kwargs.pop(name)
        if not isinstance(value, Omit):
            found[name] = value
    return found


def select_fields(fields: Mapping[str, Any], params_type: Any) -> dict[str, Any]:
    """The entries of `fields` that `params_type` declares (e.g. the routing defaults one endpoint accepts)."""
    names = _field_names(params_type)
    return {name: value for name, value in fields.items() if name in names}


def validate_fields(fields: Mapping[str, Any], params_type: Any) -> None:
    """Raise `OpenRouterValidationError` naming the field, the value and what is allowed, if any is invalid."""
    if not fields:
        return
    try:
        _adapter(params_type).validate_python(fields, strict=True)
    except pydantic.ValidationError as exc:
        raise _to_validation_error(exc, params_type) from None


def merge_body(*layers: Mapping[str, Any] | None) -> dict[str, Any]:
    """Merge request-body layers, later ones winning; `provider` objects merge key by key."""
    merged: dict[str, Any] = {}
    for layer in layers:
        if not layer:
            continue
        for key, value in layer.items():
            previous = merged.get(key)
            if key == "provider" and isinstance(previous, Mapping) and isinstance(value, Mapping):
                merged[key] = {**previous, **value}
            else:
                merged[key] = value
    return merged


def _to_validation_error(exc: pydantic.ValidationError, params_type: type[Any]) -> OpenRouterValidationError:
    errors = exc.errors(include_url=False)
    first = _most_specific(errors)
    if first["type"] == "extra_forbidden":
        path = [*_field_path(first["loc"][:-1], params_type), str(first["loc"][-1])]
    else:
        path = _field_path(first["loc"], params_type)
    where = ".".join(path) or "request"
    value = first.get("input")
    if first["type"] == "extra_forbidden":
        parent = path[:-1]
        allowed = sorted({key for typ in _walk(first["loc"][:-1], params_type)[1] for key in _hints(typ)})
        hint = difflib.get_close_matches(path[-1], allowed, n=1)
        message = (
            f"{where}: unknown field {path[-1]!r} in {'.'.join(parent) or 'request'}"
            + (f" (did you mean {hint[0]!r}?)" if hint else "")
            + f"; allowed fields: {', '.join(allowed)}"
        )
    else:
        alternatives = sorted(
            {_describe(err, path, params_type) for err in errors if _field_path(err["loc"], params_type) == path}
        )
        message = f"{where}: invalid value {value!r}; " + " or ".join(alternatives)
    return OpenRouterValidationError(message, field=where, value=value)


def _most_specific(errors: list[Any]) -> Any:
    """Prefer an unknown-key error, then the deepest location (the one a user can act on)."""
    return max(errors, key=lambda err: (err["type"] == "extra_forbidden", len(err["loc"])))


def _describe(err: Any, path: list[str], params_type: type[Any]) -> str:
    ctx: dict[str, Any] = err.get("ctx") or {}
    if err["type"] == "dict_type" and (keys := _keys_at(path, params_type)):
        return f"an object with keys {', '.join(sorted(keys))}"
    if err["type"] == "literal_error":
        return f"expected one of {ctx.get('expected')}"
    if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
        return f"expected {err['msg'][0].lower()}{err['msg'][1:]}"
    return cast(str, err["msg"])[0].lower() + cast(str, err["msg"])[1:]


def _field_path(loc: tuple[Any, ...], params_type: type[Any]) -> list[str]:
    """Turn pydantic's location (with union tags and list indexes) into the user's path, e.g. plugins[0].engine."""
    return _walk(loc, params_type)[0]


def _walk(loc: tuple[Any, ...], params_type: type[Any]) -> tuple[list[str], list[Any]]:
    """Follow `loc` through the TypedDicts; union tags narrow the candidate types instead of adding to the path."""
    path: list[str] = []
    current: list[Any] = [params_type]
    for part in loc:
        if isinstance(part, int):
            if path:
                path[-1] += f"[{part}]"
            current = _element_types(current)
            continue
        if any(part in _hints(typ) for typ in current) or not path:
            path.append(part)
            current = _unwrap([_hints(typ)[part] for typ in current if part in _hints(typ)])
        else:
            narrowed = [typ for typ in current if _is_tag_of(part, typ)]
            current = narrowed or current
    return path, current


def _is_tag_of(tag: str, typ: Any) -> bool:
    id_type = _hints(typ).get("id")
    literals = typing.get_args(_unwrap([id_type])[0]) if id_type is not None else ()
    return getattr(typ, "__name__", None) == tag or tag in literals


def _keys_at(path: list[str], params_type: type[Any]) -> set[str]:
    current: list[Any] = [params_type]
    for raw in path:
        name = raw.split("[", 1)[0]
        current = _unwrap([_hints(typ)[name] for typ in current if name in _hints(typ)])
        if "[" in raw:
            current = _element_types(current)
    return {key for typ in current for key in _hints(typ)}


def _hints(typ: Any) -> dict[str, Any]:
    if typing_extensions.is_typeddict(typ):
        return typing.get_type_hints(typ, include_extras=True)
    return {}


def _unwrap(annotations: list[Any]) -> list[Any]:
    """Flatten Annotated/Required/unions into the candidate types."""
    out: list[Any] = []
    for ann in annotations:
        origin = typing.get_origin(ann)
        if origin is typing.Annotated:
            out += _unwrap([typing.get_args(ann)[0]])
        elif origin in (typing.Union, types.UnionType) or str(origin).endswith(("Required", "NotRequired")):
            out += _unwrap(list(typing.get_args(ann)))
        else:
            out.append(ann)
    return out


def _element_types(current: list[Any]) -> list[Any]:
    return _unwrap([arg for typ in current if typing.get_origin(typ) is list for arg in typing.get_args(typ)])


def omit_if_none(value: Any) -> Any:
    """`None` means "not given" for optional keyword arguments that OpenRouter would reject as null."""
    return omit if value is None else value
