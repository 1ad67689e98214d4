"""A model base that keeps API-key secrets out of `repr()`, `str()`, logs and default JSON dumps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from openai._models import BaseModel
from pydantic import SecretStr
from typing_extensions import override

__all__ = ["SecretModel"]


class SecretModel(BaseModel):
    """Wraps every `SecretStr` field in `SecretStr` even on `openai`'s unvalidated construct path.

    `openai` builds response models with `construct()` (no validation), which would leave a plain `str`
    where `SecretStr` is declared; this override restores the wrapping, so `.key.get_secret_value()` is the
    only way to read the secret.
    """

    @classmethod
    @override
    def construct(cls, _fields_set: set[str] | None = None, **values: object) -> Self:
        model = super().construct(_fields_set, **values)
        for name, field in type(model).model_fields.items():
            value = getattr(model, name, None)
            if isinstance(value, str) and _is_secret(field.annotation):
                object.__setattr__(model, name, SecretStr(value))
        return model

    if not TYPE_CHECKING:  # as in `openai._models.BaseModel`
        model_construct = construct


def _is_secret(annotation: Any) -> bool:
    if annotation is SecretStr:
        return True
    args = getattr(annotation, "__args__", ())
    return SecretStr in args
