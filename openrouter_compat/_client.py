"""`OpenRouter` and `AsyncOpenRouter`: `openai.OpenAI` / `openai.AsyncOpenAI` pointed at OpenRouter.

Modelled on `openai.lib.azure`: the subclass resolves its own key and base URL, never reads OpenAI's
credentials from the environment, adds app attribution headers, and swaps in resources and response
types that know OpenRouter's fields. Everything else is `openai`'s own machinery.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, Self, overload

import httpx2
import openai
from openai._base_client import BaseClient, _AsyncStreamT, _StreamT
from openai._client import (
    AsyncOpenAIWithRawResponse,
    AsyncOpenAIWithStreamedResponse,
    OpenAIWithRawResponse,
    OpenAIWithStreamedResponse,
)
from openai._compat import cached_property
from openai._models import FinalRequestOptions
from openai._streaming import SSEBytesDecoder, SSEDecoder
from openai._types import NOT_GIVEN, NotGiven, Omit, ResponseT
from typing_extensions import override

from . import _constants as C
from ._exceptions import OpenRouterConfigError, error_in_200_body, make_status_error
from ._extras import validate_fields
from ._generated_resources import (
    AsyncGeneratedResources,
    AsyncGeneratedResourcesWithRawResponse,
    AsyncGeneratedResourcesWithStreamedResponse,
    GeneratedResources,
    GeneratedResourcesWithRawResponse,
    GeneratedResourcesWithStreamedResponse,
)
from ._ledger import CostLedger
from ._response_metadata import ensure_metadata, observe_result
from ._response_types import INFERENCE_TYPES, openrouter_stream_cls, openrouter_type, validate_fast
from ._retry import RetryPolicy, run_with_retries, run_with_retries_async, settle, settle_async
from ._secrets import install_log_filter
from ._settings import OpenRouterSettings
from ._streaming import OpenRouterSSEDecoder
from .resources.activity import (
    Activity,
    ActivityWithRawResponse,
    ActivityWithStreamingResponse,
    AsyncActivity,
    AsyncActivityWithRawResponse,
    AsyncActivityWithStreamingResponse,
)
from .resources.auth import (
    AsyncAuth,
    AsyncAuthWithRawResponse,
    AsyncAuthWithStreamingResponse,
    Auth,
    AuthWithRawResponse,
    AuthWithStreamingResponse,
)
from .resources.chat import AsyncChat, Chat
from .resources.chat.chat import (
    AsyncChatWithRawResponse,
    AsyncChatWithStreamingResponse,
    ChatWithRawResponse,
    ChatWithStreamingResponse,
)
from .resources.completions import (
    AsyncCompletions,
    AsyncCompletionsWithRawResponse,
    AsyncCompletionsWithStreamingResponse,
    Completions,
    CompletionsWithRawResponse,
    CompletionsWithStreamingResponse,
)
from .resources.credits import (
    AsyncCreditsResource,
    AsyncCreditsResourceWithRawResponse,
    AsyncCreditsResourceWithStreamingResponse,
    CreditsResource,
    CreditsResourceWithRawResponse,
    CreditsResourceWithStreamingResponse,
)
from .resources.embeddings import (
    AsyncEmbeddings,
    AsyncEmbeddingsWithRawResponse,
    AsyncEmbeddingsWithStreamingResponse,
    Embeddings,
    EmbeddingsWithRawResponse,
    EmbeddingsWithStreamingResponse,
)
from .resources.generations import (
    AsyncGenerations,
    AsyncGenerationsWithRawResponse,
    AsyncGenerationsWithStreamingResponse,
    Generations,
    GenerationsWithRawResponse,
    GenerationsWithStreamingResponse,
)
from .resources.key import (
    AsyncKeyResource,
    AsyncKeyResourceWithRawResponse,
    AsyncKeyResourceWithStreamingResponse,
    KeyResource,
    KeyResourceWithRawResponse,
    KeyResourceWithStreamingResponse,
)
from .resources.keys import (
    AsyncKeys,
    AsyncKeysWithRawResponse,
    AsyncKeysWithStreamingResponse,
    Keys,
    KeysWithRawResponse,
    KeysWithStreamingResponse,
)
from .resources.models import (
    AsyncModels,
    AsyncModelsWithRawResponse,
    AsyncModelsWithStreamingResponse,
    Models,
    ModelsWithRawResponse,
    ModelsWithStreamingResponse,
)
from .resources.providers import (
    AsyncProviders,
    AsyncProvidersWithRawResponse,
    AsyncProvidersWithStreamingResponse,
    Providers,
    ProvidersWithRawResponse,
    ProvidersWithStreamingResponse,
)
from .resources.responses import (
    AsyncResponses,
    AsyncResponsesWithRawResponse,
    AsyncResponsesWithStreamingResponse,
    Responses,
    ResponsesWithRawResponse,
    ResponsesWithStreamingResponse,
)
from .types.chat.completion_create_params import OpenRouterChatParams
from .types.plugin import Plugin
from .types.provider_preferences import ProviderPreferences
from .types.reasoning_config import ReasoningConfig
from .types.request_options import UsageConfig

__all__ = ["AsyncOpenRouter", "OpenRouter"]

# Resources of OpenRouter's own endpoints are added to the client classes below as cached properties,
# and to the four `*WithRawResponse` / `*WithStreamedResponse` mirrors at the end of this module.


def _resolve_api_key(api_key: str | Callable[[], Any] | None) -> str | Callable[[], Any]:
    key = api_key if api_key is not None else os.environ.get(C.ENV_API_KEY)
    if not key:
        raise OpenRouterConfigError(
            f"No OpenRouter API key: pass `api_key=` or set the {C.ENV_API_KEY} environment variable "
            "(OPENAI_API_KEY is deliberately not used: it is not an OpenRouter key)."
        )
    return key


def _resolve_base_url(base_url: str | httpx2.URL | NotGiven | None) -> str | httpx2.URL:
    if isinstance(base_url, NotGiven) or base_url is None:
        return os.environ.get(C.ENV_BASE_URL) or C.DEFAULT_BASE_URL
    return base_url


def _without_openai_env(client: openai.OpenAI | openai.AsyncOpenAI, headers: Mapping[str, str]) -> None:
    """Undo what the `openai` constructor picked up from OpenAI's environment variables."""
    client.organization = None
    client.project = None
    client.admin_api_key = None
    client.webhook_secret = None
    client._custom_headers = dict(headers)  # drops OPENAI_CUSTOM_HEADERS
    client._ambient_authorizations = frozenset()


def _default_headers(base: dict[str, str | Omit]) -> dict[str, str | Omit]:
    for name in C.OPENAI_ONLY_HEADERS:
        base[name] = Omit()
    return base


def _parse_data(client: Any, data: object, cast_to: Any, response: httpx2.Response) -> tuple[object, Any]:
    """Map `cast_to` to our type and raise the typed error hidden in a 200 inference body."""
    target = openrouter_type(cast_to)
    if target in INFERENCE_TYPES and response.status_code == 200:
        # Stream chunks may lack choices (the final usage chunk of a legacy completion stream has `[]`).
        streamed = response.headers.get("content-type", "").startswith("text/event-stream")
        expects_choices = "choices" in getattr(target, "model_fields", {}) and not streamed
        error = error_in_200_body(data, response=response, expects_choices=expects_choices)
        if error is not None:
            raise error
    return data, target


def _routing_settings(settings: OpenRouterSettings, fields: dict[str, Any]) -> OpenRouterSettings:
    """`settings` with validated routing defaults merged in (nested `provider` keys merge)."""
    given = {name: value for name, value in fields.items() if value is not None}
    validate_fields(given, OpenRouterChatParams)
    return settings.with_request_defaults(given)


def _copied_settings(
    current: OpenRouterSettings | None,
    given: OpenRouterSettings | None,
    *,
    app_url: str | None,
    app_title: str | None,
    app_categories: Sequence[str] | str | None,
    ledger: CostLedger | None,
    max_cost: float | Decimal | str | None,
    map_openai_model_names: bool | None,
    retry_policy: RetryPolicy | None,
) -> OpenRouterSettings:
    """The settings of a new client (`current` None) or a copy: arguments over `given`/`current` over the
    environment; the ledger is shared unless a new one is given."""
    settings = OpenRouterSettings.resolve(
        app_url=app_url, app_title=app_title, app_categories=app_categories, base=given or current
    ).with_accounting(ledger=ledger, max_cost=max_cost, map_openai_model_names=map_openai_model_names)
    return settings if retry_policy is None else dataclasses.replace(settings, retry_policy=retry_policy)


def _copied_headers(
    custom: Mapping[str, str],
    settings: OpenRouterSettings,
    default_headers: Mapping[str, str] | None,
    set_default_headers: Mapping[str, str] | None,
) -> Mapping[str, str]:
    """A copy's default headers: the caller's own (attribution is rebuilt from the copy's settings), merged
    with `default_headers` or replaced by `set_default_headers`, as `openai`'s `copy()` does."""
    if set_default_headers is not None:
        return set_default_headers
    return {**_user_headers(custom, settings), **(default_headers or {})}


def _copied_max_retries(max_retries: int | NotGiven, retry_policy: RetryPolicy | None) -> int | NotGiven:
    """A new `retry_policy` brings its own attempts unless `max_retries` is given too."""
    if retry_policy is not None and isinstance(max_retries, NotGiven):
        return retry_policy.max_retries
    return max_retries


def _with_retries(
    settings: OpenRouterSettings, retry_policy: RetryPolicy | None, max_retries: int | None
) -> OpenRouterSettings:
    """`settings` with `retry_policy` (if given), its attempts set to `max_retries` (if given)."""
    policy = retry_policy or settings.retry_policy
    if max_retries is not None and max_retries != policy.max_retries:
        policy = dataclasses.replace(policy, max_retries=max_retries)
    return dataclasses.replace(settings, retry_policy=policy)


class _OpenRouterClientBase(BaseClient[Any, Any]):
    """What `OpenRouter` and `AsyncOpenRouter` share: settings, headers, error mapping and result parsing.

    It sits before `openai.OpenAI`/`openai.AsyncOpenAI` in their bases, so `super()` here reaches `openai`'s
    own implementation; only what differs between sync and async (I/O, resources) stays in the two clients.
    """

    _openrouter: OpenRouterSettings

    @property
    def openrouter_settings(self) -> OpenRouterSettings:
        """App attribution and request defaults of this client (carried by `copy()`/`with_options()`)."""
        return self._openrouter

    @property
    def ledger(self) -> CostLedger:
        """The cost of every result of this client and its copies (see `CostLedger`)."""
        return self._openrouter.ledger

    @property
    def retry_policy(self) -> RetryPolicy:
        """How this client retries (with `max_retries` as currently set); change it with `with_options()`."""
        return _with_retries(self._openrouter, None, self.max_retries).retry_policy

    @property
    @override
    def default_headers(self) -> dict[str, str | Omit]:
        return _default_headers(super().default_headers)

    @override
    def _make_sse_decoder(self) -> SSEDecoder | SSEBytesDecoder:
        return OpenRouterSSEDecoder()

    @override
    def _make_status_error(self, err_msg: str, *, body: object, response: httpx2.Response) -> openai.APIStatusError:
        return make_status_error(err_msg, body=body, response=response)

    @override
    def _process_response_data(self, *, data: object, cast_to: type[Any], response: httpx2.Response) -> Any:
        data, target = _parse_data(self, data, cast_to, response)
        result = None if self._strict_response_validation else validate_fast(target, data)
        if result is None:
            result = super()._process_response_data(data=data, cast_to=target, response=response)
        observe_result(result, response, self._openrouter.ledger)
        return result

    def __repr__(self) -> str:
        """Never the key: `OpenRouter(base_url=..., app_title=..., api_key='***')`."""
        title = f", app_title={self._openrouter.app_title!r}" if self._openrouter.app_title else ""
        return f"{type(self).__name__}(base_url={str(self.base_url)!r}{title}, api_key='***')"


class OpenRouter(_OpenRouterClientBase, GeneratedResources, openai.OpenAI):
    """The `openai` client for OpenRouter. Every `openai` call works; OpenRouter's fields are typed."""

    _openrouter: OpenRouterSettings

    def __init__(
        self,
        *,
        api_key: str | Callable[[], str] | None = None,
        base_url: str | httpx2.URL | NotGiven | None = NOT_GIVEN,
        app_url: str | None = None,
        app_title: str | None = None,
        app_categories: Sequence[str] | str | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx2.Client | None = None,
        organization: str | None = None,
        project: str | None = None,
        retry_policy: RetryPolicy | None = None,
        ledger: CostLedger | None = None,
        max_cost: float | Decimal | str | None = None,
        map_openai_model_names: bool | None = None,
        _strict_response_validation: bool = False,
        _openrouter: OpenRouterSettings | None = None,
        **kwargs: Any,
    ) -> None:
        """Build a client. `api_key` defaults to `OPENROUTER_API_KEY`; `base_url` to `OPENROUTER_BASE_URL`,
        else https://openrouter.ai/api/v1. `app_url`/`app_title`/`app_categories` (or `OPENROUTER_APP_*`)
        attribute your traffic to your app on openrouter.ai. `ledger` collects the cost of every result (a new
        one by default, shared by copies); `max_cost` refuses requests once `ledger.total` reaches it (USD);
        `map_openai_model_names=True` sends bare OpenAI names like `gpt-4o-mini` as `openai/gpt-4o-mini`."""
        self._openrouter = _with_retries(
            _copied_settings(
                None,
                _openrouter,
                app_url=app_url,
                app_title=app_title,
                app_categories=app_categories,
                ledger=ledger,
                max_cost=max_cost,
                map_openai_model_names=map_openai_model_names,
                retry_policy=None,
            ),
            retry_policy,
            max_retries,
        )
        headers = {**self._openrouter.attribution_headers(), **(default_headers or {})}
        kwargs.pop("_extra_kwargs", None)
        super().__init__(
            api_key=_resolve_api_key(api_key),
            base_url=_resolve_base_url(base_url),
            timeout=timeout,
            max_retries=self._openrouter.retry_policy.max_retries,
            default_headers=headers,
            default_query=default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
            **kwargs,
        )
        _without_openai_env(self, headers)
        self.organization, self.project = organization, project
        install_log_filter()

    def with_routing(
        self,
        *,
        provider: ProviderPreferences | None = None,
        models: list[str] | None = None,
        reasoning: ReasoningConfig | None = None,
        plugins: list[Plugin] | None = None,
        transforms: list[str] | None = None,
        usage: UsageConfig | None = None,
        **fields: Any,
    ) -> Self:
        """A copy whose every request carries these OpenRouter fields unless the call sets them.

        Per-call values win (a per-call `provider` merges key by key over this one), `extra_body` wins over
        both; each endpoint gets only the fields it accepts. `fields` takes any other OpenRouter chat field
        (`route`, `session_id`, `trace`, ...). Validated now, so a typo fails here, not on the first call.
        """
        given = {"provider": provider, "models": models, "reasoning": reasoning, "plugins": plugins, "usage": usage}
        settings = _routing_settings(self._openrouter, {**given, "transforms": transforms, **fields})
        return self.copy(_openrouter=settings)

    @cached_property
    @override
    def chat(self) -> Chat:
        return Chat(self)

    @cached_property
    def key(self) -> KeyResource:
        """`GET /key`: limit, usage and kind of the key in use."""
        return KeyResource(self)

    @cached_property
    def credits(self) -> CreditsResource:
        """`GET /credits` (management key): credits bought and used."""
        return CreditsResource(self)

    @cached_property
    def generations(self) -> Generations:
        """`GET /generation`: cost, tokens and routing of a past generation."""
        return Generations(self)

    @cached_property
    def keys(self) -> Keys:
        """`/keys` (management key): list, create, change and delete API keys."""
        return Keys(self)

    @cached_property
    def activity(self) -> Activity:
        """`GET /activity` (management key): daily usage by model and endpoint."""
        return Activity(self)

    @cached_property
    def auth(self) -> Auth:
        """OAuth PKCE: `/auth/keys/code` and `/auth/keys`."""
        return Auth(self)

    @cached_property
    @override
    def completions(self) -> Completions:
        return Completions(self)

    @cached_property
    @override
    def responses(self) -> Responses:
        return Responses(self)

    @cached_property
    @override
    def models(self) -> Models:
        return Models(self)

    @cached_property
    @override
    def embeddings(self) -> Embeddings:
        return Embeddings(self)

    @cached_property
    def providers(self) -> Providers:
        """`GET /providers`: the upstream providers OpenRouter routes to."""
        return Providers(self)

    @cached_property
    @override
    def with_raw_response(self) -> OpenRouterWithRawResponse:
        return OpenRouterWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> OpenRouterWithStreamedResponse:
        return OpenRouterWithStreamedResponse(self)

    @override
    def _prepare_options(self, options: FinalRequestOptions) -> FinalRequestOptions:
        self._openrouter.guard_request(options.method, options.url, options.json_data)
        return super()._prepare_options(options)

    @overload
    def request(
        self,
        cast_to: type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: Literal[True],
        stream_cls: type[_StreamT],
    ) -> _StreamT: ...

    @overload
    def request(
        self, cast_to: type[ResponseT], options: FinalRequestOptions, *, stream: Literal[False] = False
    ) -> ResponseT: ...

    @overload
    def request(
        self,
        cast_to: type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: bool = False,
        stream_cls: type[_StreamT] | None = None,
    ) -> ResponseT | _StreamT: ...

    @override
    def request(
        self,
        cast_to: type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: bool = False,
        stream_cls: type[_StreamT] | None = None,
    ) -> ResponseT | _StreamT:
        """`openai`'s request, each attempt run (with its own loop off) inside the one retry loop of `RetryPolicy`."""
        send_once = super().request

        def send(attempt: FinalRequestOptions) -> ResponseT | _StreamT:
            return settle(send_once(cast_to, attempt, stream=stream, stream_cls=stream_cls))

        max_retries = options.get_max_retries(self.max_retries)
        return run_with_retries(self._openrouter.retry_policy, options, max_retries, self._idempotency_key, send)

    @override
    def _process_response(
        self,
        *,
        cast_to: type[Any],
        options: FinalRequestOptions,
        response: httpx2.Response,
        stream: bool,
        stream_cls: Any,
        retries_taken: int = 0,
    ) -> Any:
        result = super()._process_response(
            cast_to=cast_to,
            options=options,
            response=response,
            stream=stream,
            stream_cls=openrouter_stream_cls(stream_cls),
            retries_taken=retries_taken,
        )
        ensure_metadata(result, response)
        return result

    @override
    def copy(
        self,
        *,
        api_key: str | Callable[[], str] | None = None,
        base_url: str | httpx2.URL | NotGiven | None = NOT_GIVEN,
        app_url: str | None = None,
        app_title: str | None = None,
        app_categories: Sequence[str] | str | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = NOT_GIVEN,
        http_client: httpx2.Client | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        ledger: CostLedger | None = None,
        max_cost: float | Decimal | str | None = None,
        map_openai_model_names: bool | None = None,
        retry_policy: RetryPolicy | None = None,
        _openrouter: OpenRouterSettings | None = None,
        **kwargs: Any,
    ) -> Self:
        """A new client with the same options, OpenRouter's included, except those given here.

        The copy shares this client's `ledger` (pass `ledger=CostLedger()` for separate accounting)."""
        settings = _copied_settings(
            self._openrouter,
            _openrouter,
            app_url=app_url,
            app_title=app_title,
            app_categories=app_categories,
            ledger=ledger,
            max_cost=max_cost,
            map_openai_model_names=map_openai_model_names,
            retry_policy=retry_policy,
        )
        headers = _copied_headers(self._custom_headers, self._openrouter, default_headers, set_default_headers)
        return super().copy(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            max_retries=_copied_max_retries(max_retries, retry_policy),
            set_default_headers=headers,
            default_query=default_query,
            set_default_query=set_default_query,
            _extra_kwargs={"_openrouter": settings},
            **kwargs,
        )

    with_options = copy


class AsyncOpenRouter(_OpenRouterClientBase, AsyncGeneratedResources, openai.AsyncOpenAI):
    """The async twin of `OpenRouter`."""

    _openrouter: OpenRouterSettings

    def __init__(
        self,
        *,
        api_key: str | Callable[[], Any] | None = None,
        base_url: str | httpx2.URL | NotGiven | None = NOT_GIVEN,
        app_url: str | None = None,
        app_title: str | None = None,
        app_categories: Sequence[str] | str | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx2.AsyncClient | None = None,
        organization: str | None = None,
        project: str | None = None,
        retry_policy: RetryPolicy | None = None,
        ledger: CostLedger | None = None,
        max_cost: float | Decimal | str | None = None,
        map_openai_model_names: bool | None = None,
        _strict_response_validation: bool = False,
        _openrouter: OpenRouterSettings | None = None,
        **kwargs: Any,
    ) -> None:
        """Build an async client; arguments and environment as for `OpenRouter`."""
        self._openrouter = _with_retries(
            _copied_settings(
                None,
                _openrouter,
                app_url=app_url,
                app_title=app_title,
                app_categories=app_categories,
                ledger=ledger,
                max_cost=max_cost,
                map_openai_model_names=map_openai_model_names,
                retry_policy=None,
            ),
            retry_policy,
            max_retries,
        )
        headers = {**self._openrouter.attribution_headers(), **(default_headers or {})}
        kwargs.pop("_extra_kwargs", None)
        super().__init__(
            api_key=_resolve_api_key(api_key),
            base_url=_resolve_base_url(base_url),
            timeout=timeout,
            max_retries=self._openrouter.retry_policy.max_retries,
            default_headers=headers,
            default_query=default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
            **kwargs,
        )
        _without_openai_env(self, headers)
        self.organization, self.project = organization, project
        install_log_filter()

    def with_routing(
        self,
        *,
        provider: ProviderPreferences | None = None,
        models: list[str] | None = None,
        reasoning: ReasoningConfig | None = None,
        plugins: list[Plugin] | None = None,
        transforms: list[str] | None = None,
        usage: UsageConfig | None = None,
        **fields: Any,
    ) -> Self:
        """A copy whose every request carries these OpenRouter fields unless the call sets them.

        Per-call values win (a per-call `provider` merges key by key over this one), `extra_body` wins over
        both; each endpoint gets only the fields it accepts. `fields` takes any other OpenRouter chat field
        (`route`, `session_id`, `trace`, ...). Validated now, so a typo fails here, not on the first call.
        """
        given = {"provider": provider, "models": models, "reasoning": reasoning, "plugins": plugins, "usage": usage}
        settings = _routing_settings(self._openrouter, {**given, "transforms": transforms, **fields})
        return self.copy(_openrouter=settings)

    @cached_property
    @override
    def chat(self) -> AsyncChat:
        return AsyncChat(self)

    @cached_property
    def key(self) -> AsyncKeyResource:
        """`GET /key`: limit, usage and kind of the key in use."""
        return AsyncKeyResource(self)

    @cached_property
    def credits(self) -> AsyncCreditsResource:
        """`GET /credits` (management key): credits bought and used."""
        return AsyncCreditsResource(self)

    @cached_property
    def generations(self) -> AsyncGenerations:
        """`GET /generation`: cost, tokens and routing of a past generation."""
        return AsyncGenerations(self)

    @cached_property
    def keys(self) -> AsyncKeys:
        """`/keys` (management key): list, create, change and delete API keys."""
        return AsyncKeys(self)

    @cached_property
    def activity(self) -> AsyncActivity:
        """`GET /activity` (management key): daily usage by model and endpoint."""
        return AsyncActivity(self)

    @cached_property
    def auth(self) -> AsyncAuth:
        """OAuth PKCE: `/auth/keys/code` and `/auth/keys`."""
        return AsyncAuth(self)

    @cached_property
    @override
    def completions(self) -> AsyncCompletions:
        return AsyncCompletions(self)

    @cached_property
    @override
    def responses(self) -> AsyncResponses:
        return AsyncResponses(self)

    @cached_property
    @override
    def models(self) -> AsyncModels:
        return AsyncModels(self)

    @cached_property
    @override
    def embeddings(self) -> AsyncEmbeddings:
        return AsyncEmbeddings(self)

    @cached_property
    def providers(self) -> AsyncProviders:
        """`GET /providers`: the upstream providers OpenRouter routes to."""
        return AsyncProviders(self)

    @cached_property
    @override
    def with_raw_response(self) -> AsyncOpenRouterWithRawResponse:
        return AsyncOpenRouterWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> AsyncOpenRouterWithStreamedResponse:
        return AsyncOpenRouterWithStreamedResponse(self)

    @override
    async def _prepare_options(self, options: FinalRequestOptions) -> FinalRequestOptions:
        self._openrouter.guard_request(options.method, options.url, options.json_data)
        return await super()._prepare_options(options)

    @overload
    async def request(
        self,
        cast_to: type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: Literal[False] = False,
    ) -> ResponseT: ...

    @overload
    async def request(
        self,
        cast_to: type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: Literal[True],
        stream_cls: type[_AsyncStreamT],
    ) -> _AsyncStreamT: ...

    @overload
    async def request(
        self,
        cast_to: type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: bool,
        stream_cls: type[_AsyncStreamT] | None = None,
    ) -> ResponseT | _AsyncStreamT: ...

    @override
    async def request(
        self,
        cast_to: type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: bool = False,
        stream_cls: type[_AsyncStreamT] | None = None,
    ) -> ResponseT | _AsyncStreamT:
        """`openai`'s request, each attempt run (with its own loop off) inside the one retry loop of `RetryPolicy`."""
        send_once = super().request

        async def send(attempt: FinalRequestOptions) -> ResponseT | _AsyncStreamT:
            return await settle_async(await send_once(cast_to, attempt, stream=stream, stream_cls=stream_cls))

        max_retries = options.get_max_retries(self.max_retries)
        return await run_with_retries_async(
            self._openrouter.retry_policy, options, max_retries, self._idempotency_key, send
        )

    @override
    async def _process_response(
        self,
        *,
        cast_to: type[Any],
        options: FinalRequestOptions,
        response: httpx2.Response,
        stream: bool,
        stream_cls: Any,
        retries_taken: int = 0,
    ) -> Any:
        result = await super()._process_response(
            cast_to=cast_to,
            options=options,
            response=response,
            stream=stream,
            stream_cls=openrouter_stream_cls(stream_cls),
            retries_taken=retries_taken,
        )
        ensure_metadata(result, response)
        return result

    @override
    def copy(
        self,
        *,
        api_key: str | Callable[[], Any] | None = None,
        base_url: str | httpx2.URL | NotGiven | None = NOT_GIVEN,
        app_url: str | None = None,
        app_title: str | None = None,
        app_categories: Sequence[str] | str | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = NOT_GIVEN,
        http_client: httpx2.AsyncClient | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        ledger: CostLedger | None = None,
        max_cost: float | Decimal | str | None = None,
        map_openai_model_names: bool | None = None,
        retry_policy: RetryPolicy | None = None,
        _openrouter: OpenRouterSettings | None = None,
        **kwargs: Any,
    ) -> Self:
        """A new client with the same options, OpenRouter's included, except those given here.

        The copy shares this client's `ledger` (pass `ledger=CostLedger()` for separate accounting)."""
        settings = _copied_settings(
            self._openrouter,
            _openrouter,
            app_url=app_url,
            app_title=app_title,
            app_categories=app_categories,
            ledger=ledger,
            max_cost=max_cost,
            map_openai_model_names=map_openai_model_names,
            retry_policy=retry_policy,
        )
        headers = _copied_headers(self._custom_headers, self._openrouter, default_headers, set_default_headers)
        return super().copy(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            max_retries=_copied_max_retries(max_retries, retry_policy),
            set_default_headers=headers,
            default_query=default_query,
            set_default_query=set_default_query,
            _extra_kwargs={"_openrouter": settings},
            **kwargs,
        )

    with_options = copy


def _user_headers(custom: Mapping[str, str], settings: OpenRouterSettings) -> dict[str, str]:
    """The caller's own default headers: the current ones minus the attribution headers we added."""
    ours = settings.attribution_headers()
    return {name: value for name, value in custom.items() if ours.get(name) != value}


class OpenRouterWithRawResponse(GeneratedResourcesWithRawResponse, OpenAIWithRawResponse):
    """`client.with_raw_response`: `openai`'s resources plus OpenRouter's own."""

    _client: OpenRouter

    @cached_property
    @override
    def models(self) -> ModelsWithRawResponse:  # type: ignore[override]  # OpenRouter's methods
        return ModelsWithRawResponse(self._client.models)

    @cached_property
    @override
    def chat(self) -> ChatWithRawResponse:
        return ChatWithRawResponse(self._client.chat)

    @cached_property
    @override
    def completions(self) -> CompletionsWithRawResponse:
        return CompletionsWithRawResponse(self._client.completions)

    @cached_property
    @override
    def responses(self) -> ResponsesWithRawResponse:
        return ResponsesWithRawResponse(self._client.responses)

    @cached_property
    @override
    def embeddings(self) -> EmbeddingsWithRawResponse:
        return EmbeddingsWithRawResponse(self._client.embeddings)

    @cached_property
    def providers(self) -> ProvidersWithRawResponse:
        return ProvidersWithRawResponse(self._client.providers)

    @cached_property
    def key(self) -> KeyResourceWithRawResponse:
        return KeyResourceWithRawResponse(self._client.key)

    @cached_property
    def credits(self) -> CreditsResourceWithRawResponse:
        return CreditsResourceWithRawResponse(self._client.credits)

    @cached_property
    def generations(self) -> GenerationsWithRawResponse:
        return GenerationsWithRawResponse(self._client.generations)

    @cached_property
    def keys(self) -> KeysWithRawResponse:
        return KeysWithRawResponse(self._client.keys)

    @cached_property
    def activity(self) -> ActivityWithRawResponse:
        return ActivityWithRawResponse(self._client.activity)

    @cached_property
    def auth(self) -> AuthWithRawResponse:
        return AuthWithRawResponse(self._client.auth)


class AsyncOpenRouterWithRawResponse(AsyncGeneratedResourcesWithRawResponse, AsyncOpenAIWithRawResponse):
    _client: AsyncOpenRouter

    @cached_property
    @override
    def models(self) -> AsyncModelsWithRawResponse:  # type: ignore[override]  # OpenRouter's methods
        return AsyncModelsWithRawResponse(self._client.models)

    @cached_property
    @override
    def chat(self) -> AsyncChatWithRawResponse:
        return AsyncChatWithRawResponse(self._client.chat)

    @cached_property
    @override
    def completions(self) -> AsyncCompletionsWithRawResponse:
        return AsyncCompletionsWithRawResponse(self._client.completions)

    @cached_property
    @override
    def responses(self) -> AsyncResponsesWithRawResponse:
        return AsyncResponsesWithRawResponse(self._client.responses)

    @cached_property
    @override
    def embeddings(self) -> AsyncEmbeddingsWithRawResponse:
        return AsyncEmbeddingsWithRawResponse(self._client.embeddings)

    @cached_property
    def providers(self) -> AsyncProvidersWithRawResponse:
        return AsyncProvidersWithRawResponse(self._client.providers)

    @cached_property
    def key(self) -> AsyncKeyResourceWithRawResponse:
        return AsyncKeyResourceWithRawResponse(self._client.key)

    @cached_property
    def credits(self) -> AsyncCreditsResourceWithRawResponse:
        return AsyncCreditsResourceWithRawResponse(self._client.credits)

    @cached_property
    def generations(self) -> AsyncGenerationsWithRawResponse:
        return AsyncGenerationsWithRawResponse(self._client.generations)

    @cached_property
    def keys(self) -> AsyncKeysWithRawResponse:
        return AsyncKeysWithRawResponse(self._client.keys)

    @cached_property
    def activity(self) -> AsyncActivityWithRawResponse:
        return AsyncActivityWithRawResponse(self._client.activity)

    @cached_property
    def auth(self) -> AsyncAuthWithRawResponse:
        return AsyncAuthWithRawResponse(self._client.auth)


class OpenRouterWithStreamedResponse(GeneratedResourcesWithStreamedResponse, OpenAIWithStreamedResponse):
    """`client.with_streaming_response`: `openai`'s resources plus OpenRouter's own."""

    _client: OpenRouter

    @cached_property
    @override
    def models(self) -> ModelsWithStreamingResponse:  # type: ignore[override]  # OpenRouter's methods
        return ModelsWithStreamingResponse(self._client.models)

    @cached_property
    @override
    def chat(self) -> ChatWithStreamingResponse:
        return ChatWithStreamingResponse(self._client.chat)

    @cached_property
    @override
    def completions(self) -> CompletionsWithStreamingResponse:
        return CompletionsWithStreamingResponse(self._client.completions)

    @cached_property
    @override
    def responses(self) -> ResponsesWithStreamingResponse:
        return ResponsesWithStreamingResponse(self._client.responses)

    @cached_property
    @override
    def embeddings(self) -> EmbeddingsWithStreamingResponse:
        return EmbeddingsWithStreamingResponse(self._client.embeddings)

    @cached_property
    def providers(self) -> ProvidersWithStreamingResponse:
        return ProvidersWithStreamingResponse(self._client.providers)

    @cached_property
    def key(self) -> KeyResourceWithStreamingResponse:
        return KeyResourceWithStreamingResponse(self._client.key)

    @cached_property
    def credits(self) -> CreditsResourceWithStreamingResponse:
        return CreditsResourceWithStreamingResponse(self._client.credits)

    @cached_property
    def generations(self) -> GenerationsWithStreamingResponse:
        return GenerationsWithStreamingResponse(self._client.generations)

    @cached_property
    def keys(self) -> KeysWithStreamingResponse:
        return KeysWithStreamingResponse(self._client.keys)

    @cached_property
    def activity(self) -> ActivityWithStreamingResponse:
        return ActivityWithStreamingResponse(self._client.activity)

    @cached_property
    def auth(self) -> AuthWithStreamingResponse:
        return AuthWithStreamingResponse(self._client.auth)


class AsyncOpenRouterWithStreamedResponse(AsyncGeneratedResourcesWithStreamedResponse, AsyncOpenAIWithStreamedResponse):
    _client: AsyncOpenRouter

    @cached_property
    @override
    def models(self) -> AsyncModelsWithStreamingResponse:  # type: ignore[override]  # OpenRouter's methods
        return AsyncModelsWithStreamingResponse(self._client.models)

    @cached_property
    @override
    def chat(self) -> AsyncChatWithStreamingResponse:
        return AsyncChatWithStreamingResponse(self._client.chat)

    @cached_property
    @override
    def completions(self) -> AsyncCompletionsWithStreamingResponse:
        return AsyncCompletionsWithStreamingResponse(self._client.completions)

    @cached_property
    @override
    def responses(self) -> AsyncResponsesWithStreamingResponse:
        return AsyncResponsesWithStreamingResponse(self._client.responses)

    @cached_property
    @override
    def embeddings(self) -> AsyncEmbeddingsWithStreamingResponse:
        return AsyncEmbeddingsWithStreamingResponse(self._client.embeddings)

    @cached_property
    def providers(self) -> AsyncProvidersWithStreamingResponse:
        return AsyncProvidersWithStreamingResponse(self._client.providers)

    @cached_property
    def key(self) -> AsyncKeyResourceWithStreamingResponse:
        return AsyncKeyResourceWithStreamingResponse(self._client.key)

    @cached_property
    def credits(self) -> AsyncCreditsResourceWithStreamingResponse:
        return AsyncCreditsResourceWithStreamingResponse(self._client.credits)

    @cached_property
    def generations(self) -> AsyncGenerationsWithStreamingResponse:
        return AsyncGenerationsWithStreamingResponse(self._client.generations)

    @cached_property
    def keys(self) -> AsyncKeysWithStreamingResponse:
        return AsyncKeysWithStreamingResponse(self._client.keys)

    @cached_property
    def activity(self) -> AsyncActivityWithStreamingResponse:
        return AsyncActivityWithStreamingResponse(self._client.activity)

    @cached_property
    def auth(self) -> AsyncAuthWithStreamingResponse:
        return AsyncAuthWithStreamingResponse(self._client.auth)
