"""`client.models`: OpenRouter's catalogue through `openai`'s Models resource, with typed fields and filters.

`list()` still returns a page of `openai.types.Model` (our subclass). `retrieve(id)` uses OpenRouter's
`GET /model/{author}/{slug}` (2026); when that answers 404 — an older API or a proxy without that route —
it looks the id up in `GET /models?output_modalities=all` and only re-raises the 404 when it is not there.
New: `endpoints(id)`, `count()`, `list_for_user()`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, cast

import httpx2
from openai import NotFoundError, _legacy_response
from openai._base_client import AsyncPaginator
from openai._compat import cached_property
from openai._constants import RAW_RESPONSE_HEADER
from openai._models import BaseModel
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Body, Headers, NotGiven, Omit, Query, RequestOptions, SequenceNotStr, not_given, omit
from openai._utils import path_template
from openai.resources import models as openai_models
from typing_extensions import override

from ..pagination import AsyncListPage, SyncListPage
from ..types.model import Model, ModelsListParams, ModelSort
from ..types.model_endpoints import ModelEndpoints
from ._platform import data_of, platform_options, validated

__all__ = [
    "AsyncModels",
    "AsyncModelsWithRawResponse",
    "AsyncModelsWithStreamingResponse",
    "Models",
    "ModelsWithRawResponse",
    "ModelsWithStreamingResponse",
]


def _csv(value: SequenceNotStr[str] | str | Omit) -> str | None:
    """A list filter as OpenRouter's comma-separated query value."""
    if isinstance(value, Omit):
        return None
    return value if isinstance(value, str) else ",".join(value)


def _list_query(
    scalars: Mapping[str, object] | None = None, **filters: SequenceNotStr[str] | str | Omit
) -> dict[str, object] | None:
    """The query of `GET /models` from the given filters (omitted ones are not sent; None when none is given):
    list filters joined by commas, the others validated against `ModelsListParams` (booleans as "true"/"false")."""
    lists = {name: text for name, value in filters.items() if (text := _csv(value)) is not None}
    given = {name: _flag(value) for name, value in (scalars or {}).items() if not isinstance(value, Omit)}
    if given.get("zdr") == "false":
        del given["zdr"]  # OpenRouter only knows zdr=true; False means "no filter"
    return {**lists, **validated(ModelsListParams, given)} or None


_LIST_FILTERS = ("supported_parameters", "output_modalities", "input_modalities", "model_authors", "providers")
"""`list()`'s filters that take a list or a comma string; its other arguments but the transport ones are scalars."""

_TRANSPORT = frozenset({"self", "extra_headers", "extra_query", "extra_body", "timeout"})


def _list_options(arguments: Mapping[str, Any]) -> RequestOptions:
    """The options of `GET /models` from `list()`'s own arguments (its `locals()`, so that `Models.list` and
    `AsyncModels.list` share one reading of their long signature): filters as `_list_query` makes them."""
    scalars = {name: value for name, value in arguments.items() if name not in _TRANSPORT}
    lists = {name: scalars.pop(name) for name in _LIST_FILTERS}
    query = _list_query(scalars, **lists)
    return platform_options(
        arguments["extra_headers"], arguments["extra_query"], arguments["extra_body"], arguments["timeout"], query=query
    )


def _flag(value: object) -> object:
    return ("true" if value else "false") if isinstance(value, bool) else value


def _model_path(template: str, model: str) -> str:
    """`template` with `{author}` and `{slug}` from an `author/slug[:variant]` model id, each segment encoded."""
    author, sep, slug = model.partition("/")
    if not sep or not author or not slug:
        raise ValueError(f"Expected a model id of the form 'author/slug' (e.g. 'openai/gpt-4o') but received {model!r}")
    return path_template(template, author=author, slug=slug)


class _ModelCount(BaseModel):
    """`data` of `GET /models/count`."""

    count: int


def _count_options(
    extra_headers: Headers | None,
    extra_query: Query | None,
    extra_body: Body | None,
    timeout: float | httpx2.Timeout | NotGiven | None,
    output_modalities: SequenceNotStr[str] | str | Omit,
) -> Any:
    """Options of `GET /models/count` whose post-parser yields the bare int (plain and raw responses alike)."""
    query = _list_query(output_modalities=output_modalities)
    options = cast(
        dict[str, Any], platform_options(extra_headers, extra_query, extra_body, timeout, query=query, unwrap=True)
    )
    unwrap = options["post_parser"]

    def post_parser(envelope: object) -> object:
        return _count_of(unwrap(envelope))

    options["post_parser"] = post_parser
    return options


def _count_of(data: object) -> object:
    """The bare count (anything unexpected is passed through untouched)."""
    return data.count if isinstance(data, _ModelCount) else data


def _is_raw(extra_headers: Headers | None) -> bool:
    """Whether the call comes through `with_raw_response`/`with_streaming_response` (no fallback there)."""
    return bool(extra_headers) and RAW_RESPONSE_HEADER in cast(dict[str, Any], extra_headers)


def _matches(model: Model, model_id: str) -> bool:
    """`model_id` names `model` by its id or its canonical (dated) slug."""
    return model_id in (model.id, model.canonical_slug)


def _find(models: Iterable[Model], model_id: str) -> Model | None:
    """The first of `models` that `model_id` names, if any."""
    return next((model for model in models if _matches(model, model_id)), None)


class Models(openai_models.Models):
    """`client.models`: list (with filters), retrieve, endpoints, count, list_for_user."""

    @cached_property
    @override
    def with_raw_response(self) -> ModelsWithRawResponse:  # type: ignore[override]  # more methods, wider `list`
        return ModelsWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> ModelsWithStreamingResponse:  # type: ignore[override]  # as above
        return ModelsWithStreamingResponse(self)

    @override
    def list(  # type: ignore[override]  # same page class, items are a subclass of openai's Model
        self,
        *,
        category: str | Omit = omit,
        supported_parameters: SequenceNotStr[str] | str | Omit = omit,
        output_modalities: SequenceNotStr[str] | str | Omit = omit,
        input_modalities: SequenceNotStr[str] | str | Omit = omit,
        model_authors: SequenceNotStr[str] | str | Omit = omit,
        providers: SequenceNotStr[str] | str | Omit = omit,
        q: str | Omit = omit,
        sort: ModelSort | Omit = omit,
        offset: int | Omit = omit,
        limit: int | Omit = omit,
        context: int | Omit = omit,
        min_price: float | Omit = omit,
        max_price: float | Omit = omit,
        min_output_price: float | Omit = omit,
        max_output_price: float | Omit = omit,
        arch: str | Omit = omit,
        distillable: bool | Omit = omit,
        zdr: bool | Omit = omit,
        region: Literal["eu", "us"] | str | Omit = omit,
        min_age_days: int | Omit = omit,
        max_age_days: int | Omit = omit,
        min_intelligence_index: float | Omit = omit,
        max_intelligence_index: float | Omit = omit,
        min_coding_index: float | Omit = omit,
        max_coding_index: float | Omit = omit,
        min_agentic_index: float | Omit = omit,
        max_agentic_index: float | Omit = omit,
        min_tool_success_rate: float | Omit = omit,
        max_tool_success_rate: float | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> SyncListPage[Model]:
        """List models, filtered and sorted server-side; list filters (`supported_parameters`, modalities,
        `model_authors`, `providers`) take a list or a comma string, `output_modalities="all"` includes
        image/embedding models (the server's default is "text"); `q` searches names, `sort` orders, `offset`/
        `limit` page, and the `min_*`/`max_*` ranges bound price ($/M tokens), age, benchmarks and tool success."""
        return self._get_api_list(
            "/models",
            page=SyncListPage[Model],
            options=_list_options(locals()),
            model=Model,
        )

    @override
    def retrieve(
        self,
        model: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> Model:
        """One model by id (`author/slug[:variant]`); see the module docstring for the 404 fallback."""
        path = _model_path("/model/{author}/{slug}", model)
        try:
            result = self._get(
                path,
                options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
                cast_to=data_of(Model),
            )
        except NotFoundError:
            if _is_raw(extra_headers):
                raise
            found = _find(self.list(output_modalities="all", extra_headers=extra_headers, timeout=timeout), model)
            if found is None:
                raise
            return found
        return result

    def endpoints(
        self,
        model: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> ModelEndpoints:
        """The provider endpoints serving `model`, with their prices, limits and recent latency/uptime."""
        result = self._get(
            _model_path("/models/{author}/{slug}/endpoints", model),
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(ModelEndpoints),
        )
        return result

    def count(
        self,
        *,
        output_modalities: SequenceNotStr[str] | str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> int:
        """How many models `list()` would return for `output_modalities` (`GET /models/count`)."""
        result = self._get(
            "/models/count",
            options=_count_options(extra_headers, extra_query, extra_body, timeout, output_modalities),
            cast_to=data_of(_ModelCount),
        )
        return cast(int, result)

    def list_for_user(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> SyncListPage[Model]:
        """Models available to this key's user after their provider, privacy and guardrail settings."""
        return self._get_api_list(
            "/models/user",
            page=SyncListPage[Model],
            options=platform_options(extra_headers, extra_query, extra_body, timeout),
            model=Model,
        )


class AsyncModels(openai_models.AsyncModels):
    """`client.models` of the async client."""

    @cached_property
    @override
    def with_raw_response(self) -> AsyncModelsWithRawResponse:  # type: ignore[override]  # more methods, wider `list`
        return AsyncModelsWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> AsyncModelsWithStreamingResponse:  # type: ignore[override]  # as above
        return AsyncModelsWithStreamingResponse(self)

    @override
    def list(  # type: ignore[override]  # same page class, items are a subclass of openai's Model
        self,
        *,
        category: str | Omit = omit,
        supported_parameters: SequenceNotStr[str] | str | Omit = omit,
        output_modalities: SequenceNotStr[str] | str | Omit = omit,
        input_modalities: SequenceNotStr[str] | str | Omit = omit,
        model_authors: SequenceNotStr[str] | str | Omit = omit,
        providers: SequenceNotStr[str] | str | Omit = omit,
        q: str | Omit = omit,
        sort: ModelSort | Omit = omit,
        offset: int | Omit = omit,
        limit: int | Omit = omit,
        context: int | Omit = omit,
        min_price: float | Omit = omit,
        max_price: float | Omit = omit,
        min_output_price: float | Omit = omit,
        max_output_price: float | Omit = omit,
        arch: str | Omit = omit,
        distillable: bool | Omit = omit,
        zdr: bool | Omit = omit,
        region: Literal["eu", "us"] | str | Omit = omit,
        min_age_days: int | Omit = omit,
        max_age_days: int | Omit = omit,
        min_intelligence_index: float | Omit = omit,
        max_intelligence_index: float | Omit = omit,
        min_coding_index: float | Omit = omit,
        max_coding_index: float | Omit = omit,
        min_agentic_index: float | Omit = omit,
        max_agentic_index: float | Omit = omit,
        min_tool_success_rate: float | Omit = omit,
        max_tool_success_rate: float | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> AsyncPaginator[Model, AsyncListPage[Model]]:
        """List models, optionally filtered (see `Models.list`); await it or `async for` over it."""
        return self._get_api_list(
            "/models",
            page=AsyncListPage[Model],
            options=_list_options(locals()),
            model=Model,
        )

    @override
    async def retrieve(
        self,
        model: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> Model:
        """One model by id (`author/slug[:variant]`); see the module docstring for the 404 fallback."""
        path = _model_path("/model/{author}/{slug}", model)
        try:
            result = await self._get(
                path,
                options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
                cast_to=data_of(Model),
            )
        except NotFoundError:
            if _is_raw(extra_headers):
                raise
            listed = [m async for m in self.list(output_modalities="all", extra_headers=extra_headers, timeout=timeout)]
            found = _find(listed, model)
            if found is None:
                raise
            return found
        return result

    async def endpoints(
        self,
        model: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> ModelEndpoints:
        """The provider endpoints serving `model`, with their prices, limits and recent latency/uptime."""
        result = await self._get(
            _model_path("/models/{author}/{slug}/endpoints", model),
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(ModelEndpoints),
        )
        return result

    async def count(
        self,
        *,
        output_modalities: SequenceNotStr[str] | str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> int:
        """How many models `list()` would return for `output_modalities` (`GET /models/count`)."""
        result = await self._get(
            "/models/count",
            options=_count_options(extra_headers, extra_query, extra_body, timeout, output_modalities),
            cast_to=data_of(_ModelCount),
        )
        return cast(int, result)

    def list_for_user(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> AsyncPaginator[Model, AsyncListPage[Model]]:
        """Models available to this key's user after their provider, privacy and guardrail settings."""
        return self._get_api_list(
            "/models/user",
            page=AsyncListPage[Model],
            options=platform_options(extra_headers, extra_query, extra_body, timeout),
            model=Model,
        )


class ModelsWithRawResponse:
    """`client.with_raw_response.models` / `client.models.with_raw_response`: every method returns the raw
    response (`.parse()` gives the typed result). Not a subclass of `openai`'s: `list`/`retrieve` differ."""

    def __init__(self, models: Models) -> None:
        self._models = models
        self.list = _legacy_response.to_raw_response_wrapper(models.list)
        self.retrieve = _legacy_response.to_raw_response_wrapper(models.retrieve)
        self.delete = _legacy_response.to_raw_response_wrapper(models.delete)
        self.endpoints = _legacy_response.to_raw_response_wrapper(models.endpoints)
        self.count = _legacy_response.to_raw_response_wrapper(models.count)
        self.list_for_user = _legacy_response.to_raw_response_wrapper(models.list_for_user)


class AsyncModelsWithRawResponse:
    def __init__(self, models: AsyncModels) -> None:
        self._models = models
        self.list = _legacy_response.async_to_raw_response_wrapper(models.list)
        self.retrieve = _legacy_response.async_to_raw_response_wrapper(models.retrieve)
        self.delete = _legacy_response.async_to_raw_response_wrapper(models.delete)
        self.endpoints = _legacy_response.async_to_raw_response_wrapper(models.endpoints)
        self.count = _legacy_response.async_to_raw_response_wrapper(models.count)
        self.list_for_user = _legacy_response.async_to_raw_response_wrapper(models.list_for_user)


class ModelsWithStreamingResponse:
    """`client.with_streaming_response.models`: responses whose body is read only on demand."""

    def __init__(self, models: Models) -> None:
        self._models = models
        self.list = to_streamed_response_wrapper(models.list)
        self.retrieve = to_streamed_response_wrapper(models.retrieve)
        self.delete = to_streamed_response_wrapper(models.delete)
        self.endpoints = to_streamed_response_wrapper(models.endpoints)
        self.count = to_streamed_response_wrapper(models.count)
        self.list_for_user = to_streamed_response_wrapper(models.list_for_user)


class AsyncModelsWithStreamingResponse:
    def __init__(self, models: AsyncModels) -> None:
        self._models = models
        self.list = async_to_streamed_response_wrapper(models.list)
        self.retrieve = async_to_streamed_response_wrapper(models.retrieve)
        self.delete = async_to_streamed_response_wrapper(models.delete)
        self.endpoints = async_to_streamed_response_wrapper(models.endpoints)
        self.count = async_to_streamed_response_wrapper(models.count)
        self.list_for_user = async_to_streamed_response_wrapper(models.list_for_user)
