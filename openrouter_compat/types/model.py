"""A model of OpenRouter's catalogue (`GET /models`): still an `openai.types.Model`, with every OpenRouter field.

Prices arrive as strings of USD per token (or per unit); they are exposed as `decimal.Decimal` so cost
arithmetic is exact. Unknown keys are kept (as `Decimal` when they are price strings).
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self, TypeAlias

import pydantic
from openai._models import BaseModel
from openai.types import model as openai_model
from pydantic import BeforeValidator, ConfigDict, Field, PlainSerializer, model_validator, with_config
from typing_extensions import TypedDict, override

from .._lazy import deprecated_aliases

__all__ = [
    "ArtificialAnalysisBenchmarks",
    "DefaultParameters",
    "DesignArenaBenchmark",
    "Model",
    "ModelAliasTarget",
    "ModelBenchmarks",
    "ModelsListParams",
    "ModelSort",
    "ModelArchitecture",
    "ModelLinks",
    "ModelReasoning",
    "PerRequestLimits",
    "Price",
    "Pricing",
    "PricingOverride",
    "TopProvider",
    "to_price",
]


def to_price(value: object) -> object:
    """A price string or number as a `Decimal`; anything else unchanged (lenient parsing)."""
    if isinstance(value, Decimal | bool):
        return value
    if isinstance(value, str | int | float):
        try:
            price = Decimal(str(value).strip())
        except decimal.InvalidOperation:
            return value
        return price if price.is_finite() else value
    return value


def _plain(price: Decimal) -> str:
    """A price as OpenRouter writes it (``0.00000025``, never ``2.5E-7``)."""
    return format(price, "f")


Price: TypeAlias = Annotated[Decimal, BeforeValidator(to_price), PlainSerializer(_plain, when_used="json")]
"""USD per token (prompt, completion, …) or per unit (request, image, web_search), as sent: exact."""


class _Prices(BaseModel):
    """Converts price strings to `Decimal` on both parsing paths: `openai`'s unvalidated `construct`
    (the default for responses) and pydantic validation (`_strict_response_validation=True`)."""

    @classmethod
    @override
    def construct(cls, _fields_set: set[str] | None = None, **values: object) -> Self:
        return super().construct(_fields_set, **{key: _price_or_same(key, value) for key, value in values.items()})

    if not TYPE_CHECKING:  # as in `openai`: keep pydantic's name pointing at the override
        model_construct = construct

    @model_validator(mode="after")
    def _extra_prices(self) -> Self:
        extra = self.__pydantic_extra__
        if extra:
            for key, value in extra.items():
                extra[key] = _price_or_same(key, value)
        return self

    def price(self, key: str) -> Decimal | None:
        """The price under `key` (a declared field or an unknown one), or None when absent or not a price."""
        value = getattr(self, key, None)
        if value is None and self.model_extra:
            value = self.model_extra.get(key)
        value = to_price(value)
        return value if isinstance(value, Decimal) else None


def _price_or_same(key: str, value: object) -> object:
    return to_price(value) if isinstance(value, str) else value


class PricingOverride(_Prices):
    """Conditional prices (long context, time of day); absent keys inherit the base price."""

    min_prompt_tokens: int | None = None
    utc_start: int | None = None
    utc_end: int | None = None
    prompt: Price | None = None
    completion: Price | None = None
    input_cache_read: Price | None = None
    input_cache_write: Price | None = None
    input_cache_write_1h: Price | None = None
    audio: Price | None = None
    input_audio_cache: Price | None = None


class Pricing(_Prices):
    """Prices in USD: per token for prompt/completion/reasoning/cache/audio, per unit for the rest."""

    prompt: Price
    completion: Price
    request: Price | None = None
    image: Price | None = None
    image_output: Price | None = None
    image_token: Price | None = None
    web_search: Price | None = None
    internal_reasoning: Price | None = None
    input_cache_read: Price | None = None
    input_cache_write: Price | None = None
    input_cache_write_1h: Price | None = None
    audio: Price | None = None
    audio_output: Price | None = None
    input_audio_cache: Price | None = None
    discount: float | None = None
    """Fractional discount of this endpoint: prices are multiplied by (1 - discount) (0 = none, 1 = free)."""
    overrides: list[PricingOverride] | None = None


class ModelArchitecture(BaseModel):
    """What goes in and out: modalities (text, image, file, audio, video / embeddings, …) and tokenizer."""

    modality: str | None = None
    input_modalities: list[str] = []  # noqa: RUF012 - pydantic copies the default (a factory would be None under `construct`)
    output_modalities: list[str] = []  # noqa: RUF012 - pydantic copies the default (a factory would be None under `construct`)
    tokenizer: str | None = None
    instruct_type: str | None = None


class TopProvider(BaseModel):
    """Limits of the provider OpenRouter routes to first."""

    context_length: int | None = None
    max_completion_tokens: int | None = None
    is_moderated: bool | None = None


class PerRequestLimits(BaseModel):
    """Token caps per request, when the model has any."""

    prompt_tokens: float | None = None
    completion_tokens: float | None = None


class DefaultParameters(BaseModel):
    """Sampling defaults OpenRouter applies when a request leaves them out."""

    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    frequency_penalty: float | None = None
    presence_penalty: float | None = None
    repetition_penalty: float | None = None


class ModelReasoning(BaseModel):
    """How the model reasons: allowed efforts, defaults, and whether reasoning can be turned off."""

    supported_efforts: list[str] | None = None
    default_effort: str | None = None
    default_enabled: bool | None = None
    supports_max_tokens: bool | None = None
    mandatory: bool | None = None


class ModelLinks(BaseModel):
    """Related API paths, e.g. `details` → the model's `/endpoints`."""

    details: str | None = None


class ModelAliasTarget(BaseModel):
    """The concrete model a `~latest` alias points at."""

    slug: str
    """Routable id of the target (its row's `id`)."""
    name: str | None = None


class ArtificialAnalysisBenchmarks(BaseModel):
    """Artificial Analysis indexes (higher is better)."""

    intelligence_index: float | None = None
    coding_index: float | None = None
    agentic_index: float | None = None


class DesignArenaBenchmark(BaseModel):
    """One Design Arena ranking (arena + category)."""

    arena: str | None = None
    category: str | None = None
    elo: float | None = None
    rank: int | None = None
    win_rate: float | None = None


class ModelBenchmarks(BaseModel):
    """Third-party benchmark rankings of a model; absent when there is no data."""

    artificial_analysis: ArtificialAnalysisBenchmarks | None = None
    design_arena: list[DesignArenaBenchmark] | None = None


ModelSort: TypeAlias = (
    Literal[
        "most-popular",
        "newest",
        "top-weekly",
        "pricing-low-to-high",
        "pricing-high-to-low",
        "context-high-to-low",
        "throughput-high-to-low",
        "latency-low-to-high",
        "intelligence-high-to-low",
        "coding-high-to-low",
        "agentic-high-to-low",
        "design-arena-elo-high-to-low",
    ]
    | str
)
"""`models.list(sort=...)`: OpenRouter's server-side orders (open: newer values are sent as given)."""

_NonNegative = Annotated[float, Field(ge=0)]
_NonNegativeInt = Annotated[int, Field(ge=0)]
_Fraction = Annotated[float, Field(ge=0, le=1)]


@with_config(ConfigDict(extra="forbid"))
class ModelsListParams(TypedDict, total=False):
    """The scalar query parameters of `GET /models`, validated before sending (list filters are joined by commas)."""

    offset: _NonNegativeInt
    limit: Annotated[int, Field(ge=1, le=1000)]
    category: str
    sort: ModelSort
    q: str
    context: Annotated[int, Field(ge=1)]
    min_price: _NonNegative
    max_price: _NonNegative
    arch: str
    distillable: Literal["true", "false"]
    zdr: Literal["true"]
    region: Literal["eu", "us"] | str
    min_output_price: _NonNegative
    max_output_price: _NonNegative
    min_age_days: _NonNegativeInt
    max_age_days: _NonNegativeInt
    min_intelligence_index: _NonNegative
    max_intelligence_index: _NonNegative
    min_coding_index: _NonNegative
    max_coding_index: _NonNegative
    min_agentic_index: _NonNegative
    max_agentic_index: _NonNegative
    min_tool_success_rate: _Fraction
    max_tool_success_rate: _Fraction


class Model(openai_model.Model):
    """An OpenRouter model. `object` and `owned_by` (which OpenRouter does not send) default to "model"
    and the author part of the id, so code written for `openai.types.Model` keeps working."""

    object: Literal["model"] = "model"
    owned_by: str = ""
    """Not sent by OpenRouter: the author part of `id` (``openai`` for ``openai/gpt-4o``)."""
    canonical_slug: str | None = None
    name: str | None = None
    description: str | None = None
    context_length: int | None = None
    hugging_face_id: str | None = None
    architecture: ModelArchitecture | None = None
    pricing: Pricing | None = None
    top_provider: TopProvider | None = None
    per_request_limits: PerRequestLimits | None = None
    supported_parameters: list[str] = []  # noqa: RUF012 - pydantic copies the default (a factory would be None under `construct`)
    default_parameters: DefaultParameters | None = None
    reasoning: ModelReasoning | None = None
    supported_voices: list[str] | None = None
    """Voice ids of text-to-speech models; None for the others."""
    expiration_date: str | None = None
    """ISO date after which the model may be removed, if announced."""
    knowledge_cutoff: str | None = None
    links: ModelLinks | None = None
    alias_target: ModelAliasTarget | None = None
    """For a `~latest` alias: the concrete model it routes to."""
    benchmarks: ModelBenchmarks | None = None

    @classmethod
    @override
    def construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:
        """Validate when the data fits (2-3x faster than `openai`'s field-by-field construction of this many
        optional nested fields, and the same result); otherwise construct leniently like `openai` does."""
        if _fields_set is None:
            try:
                return cls.model_validate(values)
            except pydantic.ValidationError:
                pass
        model = super().construct(_fields_set, **values)
        _default_owner(model)
        return model

    if not TYPE_CHECKING:
        model_construct = construct

    @model_validator(mode="after")
    def _owner(self) -> Self:
        _default_owner(self)
        return self

    @property
    def author(self) -> str:
        """The author part of the id: ``openai`` for ``openai/gpt-4o``."""
        return self.id.split("/", 1)[0] if "/" in self.id else ""

    @property
    def is_free(self) -> bool:
        """Whether prompt and completion cost nothing (``:free`` variants and free models)."""
        pricing = self.pricing
        return pricing is not None and pricing.prompt == 0 and pricing.completion == 0

    def supports(self, *parameters: str) -> bool:
        """Whether every one of `parameters` is in `supported_parameters`."""
        return set(parameters) <= set(self.supported_parameters)


def _default_owner(model: Model) -> None:
    """Fill `owned_by` without marking it as sent, so `to_dict()` still mirrors the API's JSON."""
    # lenient parsing keeps a null or missing `id` as it came, so the declared `str` is checked here
    if "owned_by" not in model.model_fields_set and isinstance(model.id, str):  # pyright: ignore[reportUnnecessaryIsInstance]
        vars(model)["owned_by"] = model.author


# The names before the naming rule (docs/architecture.md, "Naming"): they still work, with a DeprecationWarning.
if TYPE_CHECKING:
    ModelListParams = ModelsListParams
else:
    __getattr__ = deprecated_aliases(
        __name__,
        {
            "ModelListParams": (__name__, "ModelsListParams"),
        },
    )
