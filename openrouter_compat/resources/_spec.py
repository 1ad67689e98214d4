"""Helpers the generated resources share (see codegen/): filled-in paths, and the Accept header of binary results."""

from __future__ import annotations

import types
from typing import Any, Union, get_args

from openai._types import Headers
from openai._utils import path_template

__all__ = ["binary_headers", "result_type", "spec_path"]


def spec_path(template: str, **params: str | int) -> str:
    """`template` with its `{name}` segments filled and quoted; an empty value is refused before sending."""
    for name, value in params.items():
        if value == "":
            raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
    return path_template(template, **{name: str(value) for name, value in params.items()})


def binary_headers(accept: str, extra_headers: Headers | None) -> Headers:
    """The caller's headers, asking for `accept` (e.g. `application/octet-stream`) unless they chose one."""
    return {"Accept": accept, **(extra_headers or {})}


def result_type(annotation: Any) -> Any:
    """A `cast_to` openai accepts for `annotation`: `A | B` (a `types.UnionType`) becomes `typing.Union[A, B]`."""
    if isinstance(annotation, types.UnionType):
        return Union[get_args(annotation)]  # noqa: UP007 - openai's parser needs typing.Union at run time
    return annotation
