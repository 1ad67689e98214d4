"""Open copies of generated request TypedDicts, for validation under the contract of `_extras.py`.

The generated TypedDicts (`types/responses_request.py`, from the spec) are strict: unknown keys refused
(`extra="forbid"`), enums closed where the spec does not mark them open, the spec's required keys required. Echoed
Responses `input` items must follow our contract instead (a new key or value is sent with a warning, a near-typo
refused with "did you mean"), so validation checks a copy of each: OPEN (PASSTHROUGH where the spec allows extra
keys), its enums open but the tag's, and only the tag key required (a misspelt key then reads as an unknown key,
which the validator can name, not as a missing one). The static types stay the generated ones."""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any, Required

import typing_extensions
from typing_extensions import TypedDict

from .._open import OPEN, PASSTHROUGH

__all__ = ["is_required", "open_copy"]


def open_copy(typed: Any, *, tag: str = "type") -> Any:
    """The open copy of TypedDict `typed` (and of every TypedDict under it), computed once per class."""
    return _Copier(tag).copy(typed)


class _Copier:
    """Copies a graph of TypedDicts (cycles included: each copy is made before its fields are filled in)."""

    def __init__(self, tag: str) -> None:
        self.tag = tag

    def copy(self, typed: Any) -> Any:
        cached = _COPIES.get((typed, self.tag))
        if cached is not None:
            return cached
        config: dict[str, Any] = dict(getattr(typed, "__pydantic_config__", None) or {})
        make: Any = TypedDict  # the functional form, with a name known only at run time
        copied: Any = make(typed.__name__, {}, total=False)
        copied.__module__ = __name__
        copied.__qualname__ = typed.__qualname__
        copied.__doc__ = typed.__doc__
        copied.__pydantic_config__ = PASSTHROUGH if config.get("extra") == "allow" else OPEN
        _COPIES[(typed, self.tag)] = copied
        hints = typing.get_type_hints(typed, include_extras=True)
        required = {self.tag} if self.tag in hints and is_required(typed, hints[self.tag]) else set[str]()
        fields = {name: self.field(name, _bare(annotation), name in required) for name, annotation in hints.items()}
        copied.__annotations__ = fields
        copied.__required_keys__ = frozenset(required)
        copied.__optional_keys__ = frozenset(fields) - required
        return copied

    def field(self, name: str, annotation: Any, required: bool) -> Any:
        """A field's annotation in the copy: TypedDicts copied, enums opened (`Literal[...] | str`) except the
        tag's (which tells union members apart), only the tag required."""
        rewritten = self.rewrite(annotation)
        if name != self.tag and _has_literal(rewritten):
            rewritten = rewritten | str
        return Required[rewritten] if required else rewritten

    def rewrite(self, annotation: Any) -> Any:
        """`annotation` with every TypedDict in it replaced by its open copy."""
        if typing_extensions.is_typeddict(annotation):
            return self.copy(annotation)
        origin: Any = typing.get_origin(annotation)
        args: tuple[Any, ...] = typing.get_args(annotation)
        if not args or origin is typing.Literal:
            return annotation
        if origin is Annotated:
            annotated: Any = Annotated
            return annotated[(self.rewrite(args[0]), *annotation.__metadata__)]
        rewritten = tuple(self.rewrite(arg) for arg in args)
        if origin in (typing.Union, types.UnionType):
            return typing.Union[rewritten]  # noqa: UP007 - built from a runtime tuple
        first, *rest = rewritten
        return origin[rewritten] if rest else origin[first]


_COPIES: dict[tuple[Any, str], Any] = {}


def _has_literal(annotation: Any) -> bool:
    """Whether a field's own annotation (not what is nested in it) is or includes a string `Literal`."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return any(isinstance(arg, str) for arg in typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        return any(_has_literal(arg) for arg in typing.get_args(annotation))
    return False


def is_required(typed: Any, annotation: Any) -> bool:
    """Whether a TypedDict key is required: `Required[...]`, or a total TypedDict without `NotRequired[...]`."""
    origin = str(typing.get_origin(annotation))
    if origin.endswith("NotRequired"):
        return False
    return origin.endswith("Required") or bool(getattr(typed, "__total__", True))


def _bare(annotation: Any) -> Any:
    """`annotation` without its `Required[...]` / `NotRequired[...]` wrapper."""
    while str(typing.get_origin(annotation)).endswith(("Required", "NotRequired")):
        annotation = typing.get_args(annotation)[0]
    return annotation
