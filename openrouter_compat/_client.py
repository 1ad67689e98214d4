"""`OpenRouter` and `AsyncOpenRouter`: `openai.OpenAI` / `openai.AsyncOpenAI` pointed at OpenRouter.

Modelled on `openai.lib.azure`: the subclass resolves its own key and base URL, never reads OpenAI's
credentials from the environment, adds app attribution headers, and swaps in resources and response
types that know OpenRouter's fields. Everything else is `openai`'s own machinery.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, Self, overload

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
from ._deadline import (
    AsyncDeadlineByteStream,
    Deadline,
    DeadlineByteStream,
    current_deadline,
    reset_deadline,
    use_deadline,
)
from ._exceptions import OpenRouterConfigError, make_status_error
from ._extras import ValidationMode, validate_fields
from ._generated_resources import (
    AsyncGeneratedResources,
    AsyncGeneratedResourcesWithRawResponse,
    AsyncGeneratedResourcesWithStreamedResponse,
    GeneratedResources,
    GeneratedResourcesWithRawResponse,
    GeneratedResourcesWithStreamedResponse,
)
from ._http import default_async_http_client, default_http_client
from ._ledger import CostLedger
from ._request_stage import guard_attempt, prepare_call
from ._response_stage import (
    check_body,
    decode_failure,
    parse_data,
    settle,
    settle_async,
    stream_class,
    typed_result,
)
from ._retry import RetryPolicy, run_with_retries, run_with_retries_async
from ._secrets import install_log_filter, register_secret
from ._settings import OpenRouterSettings
from ._streaming import OpenRouterSSEDecoder
from ._version import __version__

if TYPE_CHECKING:
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
    from .resources.beta import AsyncBeta, Beta
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
        AsyncCredits,
        AsyncCreditsWithRawResponse,
        AsyncCreditsWithStreamingResponse,
        Credits,
        CreditsWithRawResponse,
        CreditsWithStreamingResponse,
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
        AsyncKey,
        AsyncKeyWithRawResponse,
        AsyncKeyWithStreamingResponse,
        Key,
        KeyWithRawResponse,
        KeyWithStreamingResponse,
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
    from .types.plugin import Plugin
    from .types.provider_preferences import ProviderPreferences
    from .types.reasoning_config import ReasoningConfig
    from .types.request_options import UsageConfig

__all__ = ["AsyncOpenRouter", "OpenRouter"]

# Resources of OpenRouter's own endpoints are added to the client classes below as cached properties,
# and to the four `*WithRawResponse` / `*WithStreamedResponse` mirrors at the end of this module.


KEY_FROM_ARGUMENT = "the api_key argument"
KEY_FROM_ENV = f"the {C.ENV_API_KEY} environment variable"


def _resolve_api_key(api_key: str | Callable[[], Any] | None) -> str | Callable[[], Any]:
    key = api_key if api_key is not None else os.environ.get(C.ENV_API_KEY)
    if not key:
        raise OpenRouterConfigError(
            f"No OpenRouter API key: pass `api_key=` or set the {C.ENV_API_KEY} environment variable "
            "(OPENAI_API_KEY is deliberately not used: it is not an OpenRouter key)."
        )
    register_secret(key)
    return key


def _key_source(api_key: object, given: OpenRouterSettings | None) -> str:
    """Where the client's key came from (a copy keeps its original's), for the message of a 401."""
    if given is not None and given.key_source is not None:
        return given.key_source
    return KEY_FROM_ARGUMENT if api_key is not None else KEY_FROM_ENV


def _actionable(message: str, status: int, base_url: httpx2.URL, key_source: str | None) -> str:
    """`openai`'s status message plus what to do about it: where a refused key came from, a base URL that
    misses OpenRouter's `/api/v1` prefix."""
    if status == 401 and key_source is not None:
        return f"{message} (the API key came from {key_source})"
    if status == 404 and not base_url.path.rstrip("/").endswith("/api/v1"):
        return f"{message} (base_url {base_url} does not end in /api/v1: OpenRouter's API is at {C.DEFAULT_BASE_URL})"
    return message


def _resolve_base_url(base_url: str | httpx2.URL | NotGiven | None) -> str | httpx2.URL:
    if isinstance(base_url, NotGiven) or base_url is None:
        return os.environ.get(C.ENV_BASE_URL) or C.DEFAULT_BASE_URL
    return base_url


def _without_openai_env(
    client: openai.OpenAI | openai.AsyncOpenAI, headers: Mapping[str, str], given: Mapping[str, Any]
) -> None:
    """Undo what the `openai` constructor picked up from OpenAI's environment variables; what the caller passed
    explicitly (`admin_api_key`, `webhook_secret` in `given`) is kept."""
    client.organization = None
    client.project = None
    client.admin_api_key = given.get("admin_api_key")
    client.webhook_secret = given.get("webhook_secret")
    client._custom_headers = dict(headers)  # drops OPENAI_CUSTOM_HEADERS
    client._ambient_authorizations = frozenset()


def _default_headers(base: dict[str, str | Omit]) -> dict[str, str | Omit]:
    for name in C.OPENAI_ONLY_HEADERS:
        base[name] = Omit()
    return base


def _routing_settings(settings: OpenRouterSettings, fields: dict[str, Any]) -> OpenRouterSettings:
    """`settings` with validated routing defaults merged in (nested `provider` keys merge)."""
    from .types.chat.completion_create_params import OpenRouterChatParams

    given = {name: value for name, value in fields.items() if value is not None}
    validate_fields(given, OpenRouterChatParams, mode=settings.validation)
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


def _copied_policy(
    retry_policy: RetryPolicy | None, total_timeout: float | NotGiven | None, current: RetryPolicy
) -> RetryPolicy | None:
    """A copy's policy: `retry_policy` if given, with `total_timeout` (the whole-call deadline) if given."""
    if isinstance(total_timeout, NotGiven):
        return retry_policy
    return dataclasses.replace(retry_policy or current, total_timeout=total_timeout)


def _with_retries(
    settings: OpenRouterSettings, retry_policy: RetryPolicy | None, max_retries: int | NotGiven
) -> OpenRouterSettings:
    """`settings` with `retry_policy` (if given), its attempts set to `max_retries` (if given; refused as
    `openai` refuses it when None or negative)."""
    policy = retry_policy or settings.retry_policy
    if not isinstance(max_retries, NotGiven):
        max_retries = policy.validated_max_retries(max_retries)
        if max_retries != policy.max_retries:
            policy = dataclasses.replace(policy, max_retries=max_retries)
    return dataclasses.replace(settings, retry_policy=policy)


def _new_settings(
    given: OpenRouterSettings | None,
    *,
    api_key: object,
    app_url: str | None,
    app_title: str | None,
    app_categories: Sequence[str] | str | None,
    ledger: CostLedger | None,
    max_cost: float | Decimal | str | None,
    map_openai_model_names: bool | None,
    retry_policy: RetryPolicy | None,
    max_retries: int | NotGiven,
    validation: ValidationMode | None,
    router_metadata: bool | None,
    response_cache: bool | None,
) -> OpenRouterSettings:
    """The settings of a new client, sync or async: its arguments over `given` over the environment."""
    settings = _with_retries(
        _copied_settings(
            None,
            given,
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
    ).with_request_options(validation=validation, router_metadata=router_metadata, response_cache=response_cache)
    return dataclasses.replace(settings, key_source=_key_source(api_key, given))


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
        """How this client retries: the one source of its retry state; change it with `with_options()`."""
        return self._openrouter.retry_policy

    @property
    def max_retries(self) -> int:  # pyright: ignore[reportIncompatibleVariableOverride]
        """`retry_policy.max_retries` (setting it replaces the policy's, validated as `openai` validates it)."""
        return self._openrouter.retry_policy.max_retries

    @max_retries.setter
    def max_retries(self, value: int) -> None:
        self._openrouter = _with_retries(self._openrouter, None, value)

    @property
    @override
    def user_agent(self) -> str:
        """This library and its version, beside `openai`'s."""
        return f"openrouter-compat/{__version__} OpenAI/Python {self._version}"

    @property
    @override
    def default_headers(self) -> dict[str, str | Omit]:
        return _default_headers(super().default_headers)

    @override
    def _make_sse_decoder(self) -> SSEDecoder | SSEBytesDecoder:
        return OpenRouterSSEDecoder()

    @override
    def _make_status_error(self, err_msg: str, *, body: object, response: httpx2.Response) -> openai.APIStatusError:
        message = _actionable(err_msg, response.status_code, self.base_url, self._openrouter.key_source)
        return make_status_error(message, body=body, response=response)

    @override
    def _process_response_data(self, *, data: object, cast_to: type[Any], response: httpx2.Response) -> Any:
        construct = super()._process_response_data

        def lenient(value: object, target: Any) -> Any:
            return construct(data=value, cast_to=target, response=response)

        return parse_data(
            data,
            cast_to,
            response,
            strict=self._strict_response_validation,
            ledger=self._openrouter.ledger,
            construct=lenient,
        )

    def _start_call(self, options: FinalRequestOptions) -> tuple[FinalRequestOptions, int, Deadline]:
        """The request stage of one call (`prepare_call`), its validated retry count and its deadline."""
        policy = self._openrouter.retry_policy
        max_retries = policy.validated_max_retries(options.get_max_retries(self.max_retries))
        return prepare_call(self._openrouter, options), max_retries, Deadline(policy.total_timeout, self.timeout)

    def _copy_options(
        self,
        given: OpenRouterSettings | None,
        *,
        api_key: object,
        app_url: str | None,
        app_title: str | None,
        app_categories: Sequence[str] | str | None,
        ledger: CostLedger | None,
        max_cost: float | Decimal | str | None,
        map_openai_model_names: bool | None,
        retry_policy: RetryPolicy | None,
        total_timeout: float | NotGiven | None,
        max_retries: int | NotGiven,
        default_headers: Mapping[str, str] | None,
        set_default_headers: Mapping[str, str] | None,
    ) -> tuple[OpenRouterSettings, Mapping[str, str], int | NotGiven]:
        """What `copy()` hands `openai`'s own: the copy's settings, default headers and `max_retries`."""
        if default_headers is not None and set_default_headers is not None:
            raise ValueError("The `default_headers` and `set_default_headers` arguments are mutually exclusive")
        retry_policy = _copied_policy(retry_policy, total_timeout, self._openrouter.retry_policy)
        settings = _copied_settings(
            self._openrouter,
            given,
            app_url=app_url,
            app_title=app_title,
            app_categories=app_categories,
            ledger=ledger,
            max_cost=max_cost,
            map_openai_model_names=map_openai_model_names,
            retry_policy=retry_policy,
        )
        if api_key is not None:
            settings = dataclasses.replace(settings, key_source=KEY_FROM_ARGUMENT)
        headers = _copied_headers(self._custom_headers, self._openrouter, default_headers, set_default_headers)
        return settings, headers, _copied_max_retries(max_retries, retry_policy)

    if TYPE_CHECKING:

        def copy(self, *, _openrouter: OpenRouterSettings | None = None, **kwargs: Any) -> Self:
            """Declared for `with_routing`; each client defines it over `openai`'s own."""
            ...

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
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx2.Client | None = None,
        organization: str | None = None,
        project: str | None = None,
        retry_policy: RetryPolicy | None = None,
        ledger: CostLedger | None = None,
        max_cost: float | Decimal | str | None = None,
        map_openai_model_names: bool | None = None,
        validation: ValidationMode | None = None,
        router_metadata: bool | None = None,
        response_cache: bool | None = None,
        _strict_response_validation: bool = False,
        _openrouter: OpenRouterSettings | None = None,
        **kwargs: Any,
    ) -> None:
        """Build a client. `api_key` defaults to `OPENROUTER_API_KEY`; `base_url` to `OPENROUTER_BASE_URL`,
        else https://openrouter.ai/api/v1. `app_url`/`app_title`/`app_categories` (or `OPENROUTER_APP_*`)
        attribute your traffic to your app on openrouter.ai. `ledger` collects the cost of every result (a new
        one by default, shared by copies); `max_cost` refuses requests once `ledger.total` reaches it (USD);
        `map_openai_model_names=True` sends bare OpenAI names like `gpt-4o-mini` as `openai/gpt-4o-mini`.
        `validation` ("warn" by default, "strict" or "off") is how unknown request fields are treated (see
        docs/forward-compatibility.md); `router_metadata`/`response_cache` send the `X-OpenRouter-Metadata`
        and `X-OpenRouter-Cache` opt-ins."""
        self._openrouter = _new_settings(
            _openrouter,
            api_key=api_key,
            app_url=app_url,
            app_title=app_title,
            app_categories=app_categories,
            ledger=ledger,
            max_cost=max_cost,
            map_openai_model_names=map_openai_model_names,
            retry_policy=retry_policy,
            max_retries=max_retries,
            validation=validation,
            router_metadata=router_metadata,
            response_cache=response_cache,
        )
        headers = {**self._openrouter.attribution_headers(), **(default_headers or {})}
        kwargs.pop("_extra_kwargs", None)
        url = _resolve_base_url(base_url)
        super().__init__(
            api_key=_resolve_api_key(api_key),
            base_url=url,
            timeout=timeout,
            max_retries=self._openrouter.retry_policy.max_retries,
            default_headers=headers,
            default_query=default_query,
            http_client=default_http_client(url, timeout) if http_client is None else http_client,
            _strict_response_validation=_strict_response_validation,
            **kwargs,
        )
        _without_openai_env(self, headers, kwargs)
        self.organization, self.project = organization, project
        install_log_filter()

    @cached_property
    @override
    def chat(self) -> Chat:
        from .resources.chat import Chat

        return Chat(self)

    @cached_property
    @override
    def beta(self) -> Beta:
        from .resources.beta import Beta

        return Beta(self)

    @cached_property
    def key(self) -> Key:
        """`GET /key`: limit, usage and kind of the key in use."""
        from .resources.key import Key

        return Key(self)

    @cached_property
    def credits(self) -> Credits:
        """`GET /credits` (management key): credits bought and used."""
        from .resources.credits import Credits

        return Credits(self)

    @cached_property
    def generations(self) -> Generations:
        """`GET /generation`: cost, tokens and routing of a past generation."""
        from .resources.generations import Generations

        return Generations(self)

    @cached_property
    def keys(self) -> Keys:
        """`/keys` (management key): list, create, change and delete API keys."""
        from .resources.keys import Keys

        return Keys(self)

    @cached_property
    def activity(self) -> Activity:
        """`GET /activity` (management key): daily usage by model and endpoint."""
        from .resources.activity import Activity

        return Activity(self)

    @cached_property
    def auth(self) -> Auth:
        """OAuth PKCE: `/auth/keys/code` and `/auth/keys`."""
        from .resources.auth import Auth

        return Auth(self)

    @cached_property
    @override
    def completions(self) -> Completions:
        from .resources.completions import Completions

        return Completions(self)

    @cached_property
    @override
    def responses(self) -> Responses:
        from .resources.responses import Responses

        return Responses(self)

    @cached_property
    @override
    def models(self) -> Models:
        from .resources.models import Models

        return Models(self)

    @cached_property
    @override
    def embeddings(self) -> Embeddings:
        from .resources.embeddings import Embeddings

        return Embeddings(self)

    @cached_property
    def providers(self) -> Providers:
        """`GET /providers`: the upstream providers OpenRouter routes to."""
        from .resources.providers import Providers

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
        guard_attempt(self._openrouter, options)
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
        """Every route in ends here: the request stage once, then `openai`'s request, each attempt run (with its
        own loop off) inside the one retry loop of `RetryPolicy`, under the call's deadline."""
        send_once = super().request

        def send(attempt: FinalRequestOptions) -> ResponseT | _StreamT:
            return settle(send_once(cast_to, attempt, stream=stream, stream_cls=stream_cls))

        options, max_retries, deadline = self._start_call(options)
        token = use_deadline(deadline)
        try:
            return run_with_retries(self.retry_policy, options, max_retries, deadline, send, stream=stream)
        finally:
            deadline.active = False
            reset_deadline(token)

    @override
    def _send_request(self, request: httpx2.Request, *, stream: bool, **kwargs: Any) -> httpx2.Response:
        """Send, and read the body under the call's deadline (a stream: until it is handed to the caller)."""
        deadline = current_deadline()
        if deadline is None or deadline.ends is None:
            return super()._send_request(request, stream=stream, **kwargs)
        response = super()._send_request(request, stream=True, **kwargs)
        if isinstance(response.stream, httpx2.SyncByteStream):
            response.stream = DeadlineByteStream(response.stream, deadline, request)
        if not stream:
            try:
                response.read()
            except BaseException:
                response.close()
                raise
        return response

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
        check_body(response, cast_to, stream=stream)
        try:
            result = super()._process_response(
                cast_to=cast_to,
                options=options,
                response=response,
                stream=stream,
                stream_cls=stream_class(stream_cls),
                retries_taken=_retries_taken(retries_taken),
            )
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise decode_failure(response, exc) from exc
        return typed_result(result, response)

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
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        _openrouter: OpenRouterSettings | None = None,
        **kwargs: Any,
    ) -> Self:
        """A new client with the same options, OpenRouter's included, except those given here.

        `total_timeout` sets the whole-call deadline (seconds, None for none) of the copy's calls, e.g.
        `client.with_options(total_timeout=10).chat.completions.create(...)`. The copy shares this client's
        `ledger` (pass `ledger=CostLedger()` for separate accounting)."""
        settings, headers, max_retries = self._copy_options(
            _openrouter,
            api_key=api_key,
            app_url=app_url,
            app_title=app_title,
            app_categories=app_categories,
            ledger=ledger,
            max_cost=max_cost,
            map_openai_model_names=map_openai_model_names,
            retry_policy=retry_policy,
            total_timeout=total_timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
        )
        return super().copy(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            max_retries=max_retries,
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
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx2.AsyncClient | None = None,
        organization: str | None = None,
        project: str | None = None,
        retry_policy: RetryPolicy | None = None,
        ledger: CostLedger | None = None,
        max_cost: float | Decimal | str | None = None,
        map_openai_model_names: bool | None = None,
        validation: ValidationMode | None = None,
        router_metadata: bool | None = None,
        response_cache: bool | None = None,
        _strict_response_validation: bool = False,
        _openrouter: OpenRouterSettings | None = None,
        **kwargs: Any,
    ) -> None:
        """Build an async client; arguments and environment as for `OpenRouter`."""
        self._openrouter = _new_settings(
            _openrouter,
            api_key=api_key,
            app_url=app_url,
            app_title=app_title,
            app_categories=app_categories,
            ledger=ledger,
            max_cost=max_cost,
            map_openai_model_names=map_openai_model_names,
            retry_policy=retry_policy,
            max_retries=max_retries,
            validation=validation,
            router_metadata=router_metadata,
            response_cache=response_cache,
        )
        headers = {**self._openrouter.attribution_headers(), **(default_headers or {})}
        kwargs.pop("_extra_kwargs", None)
        url = _resolve_base_url(base_url)
        super().__init__(
            api_key=_resolve_api_key(api_key),
            base_url=url,
            timeout=timeout,
            max_retries=self._openrouter.retry_policy.max_retries,
            default_headers=headers,
            default_query=default_query,
            http_client=default_async_http_client(url, timeout) if http_client is None else http_client,
            _strict_response_validation=_strict_response_validation,
            **kwargs,
        )
        _without_openai_env(self, headers, kwargs)
        self.organization, self.project = organization, project
        install_log_filter()

    @cached_property
    @override
    def chat(self) -> AsyncChat:
        from .resources.chat import AsyncChat

        return AsyncChat(self)

    @cached_property
    @override
    def beta(self) -> AsyncBeta:
        from .resources.beta import AsyncBeta

        return AsyncBeta(self)

    @cached_property
    def key(self) -> AsyncKey:
        """`GET /key`: limit, usage and kind of the key in use."""
        from .resources.key import AsyncKey

        return AsyncKey(self)

    @cached_property
    def credits(self) -> AsyncCredits:
        """`GET /credits` (management key): credits bought and used."""
        from .resources.credits import AsyncCredits

        return AsyncCredits(self)

    @cached_property
    def generations(self) -> AsyncGenerations:
        """`GET /generation`: cost, tokens and routing of a past generation."""
        from .resources.generations import AsyncGenerations

        return AsyncGenerations(self)

    @cached_property
    def keys(self) -> AsyncKeys:
        """`/keys` (management key): list, create, change and delete API keys."""
        from .resources.keys import AsyncKeys

        return AsyncKeys(self)

    @cached_property
    def activity(self) -> AsyncActivity:
        """`GET /activity` (management key): daily usage by model and endpoint."""
        from .resources.activity import AsyncActivity

        return AsyncActivity(self)

    @cached_property
    def auth(self) -> AsyncAuth:
        """OAuth PKCE: `/auth/keys/code` and `/auth/keys`."""
        from .resources.auth import AsyncAuth

        return AsyncAuth(self)

    @cached_property
    @override
    def completions(self) -> AsyncCompletions:
        from .resources.completions import AsyncCompletions

        return AsyncCompletions(self)

    @cached_property
    @override
    def responses(self) -> AsyncResponses:
        from .resources.responses import AsyncResponses

        return AsyncResponses(self)

    @cached_property
    @override
    def models(self) -> AsyncModels:
        from .resources.models import AsyncModels

        return AsyncModels(self)

    @cached_property
    @override
    def embeddings(self) -> AsyncEmbeddings:
        from .resources.embeddings import AsyncEmbeddings

        return AsyncEmbeddings(self)

    @cached_property
    def providers(self) -> AsyncProviders:
        """`GET /providers`: the upstream providers OpenRouter routes to."""
        from .resources.providers import AsyncProviders

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
        guard_attempt(self._openrouter, options)
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
        """The async twin of `OpenRouter.request`."""
        send_once = super().request

        async def send(attempt: FinalRequestOptions) -> ResponseT | _AsyncStreamT:
            return await settle_async(await send_once(cast_to, attempt, stream=stream, stream_cls=stream_cls))

        options, max_retries, deadline = self._start_call(options)
        token = use_deadline(deadline)
        try:
            return await run_with_retries_async(self.retry_policy, options, max_retries, deadline, send, stream=stream)
        finally:
            deadline.active = False
            reset_deadline(token)

    @override
    async def _send_request(self, request: httpx2.Request, *, stream: bool, **kwargs: Any) -> httpx2.Response:
        """The async twin of `OpenRouter._send_request`."""
        deadline = current_deadline()
        if deadline is None or deadline.ends is None:
            return await super()._send_request(request, stream=stream, **kwargs)
        response = await super()._send_request(request, stream=True, **kwargs)
        if isinstance(response.stream, httpx2.AsyncByteStream):
            response.stream = AsyncDeadlineByteStream(response.stream, deadline, request)
        if not stream:
            try:
                await response.aread()
            except BaseException:
                await response.aclose()
                raise
        return response

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
        check_body(response, cast_to, stream=stream)
        try:
            result = await super()._process_response(
                cast_to=cast_to,
                options=options,
                response=response,
                stream=stream,
                stream_cls=stream_class(stream_cls),
                retries_taken=_retries_taken(retries_taken),
            )
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise decode_failure(response, exc) from exc
        return typed_result(result, response)

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
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        _openrouter: OpenRouterSettings | None = None,
        **kwargs: Any,
    ) -> Self:
        """A new client with the same options, OpenRouter's included, except those given here.

        `total_timeout` sets the whole-call deadline (seconds, None for none) of the copy's calls, e.g.
        `client.with_options(total_timeout=10).chat.completions.create(...)`. The copy shares this client's
        `ledger` (pass `ledger=CostLedger()` for separate accounting)."""
        settings, headers, max_retries = self._copy_options(
            _openrouter,
            api_key=api_key,
            app_url=app_url,
            app_title=app_title,
            app_categories=app_categories,
            ledger=ledger,
            max_cost=max_cost,
            map_openai_model_names=map_openai_model_names,
            retry_policy=retry_policy,
            total_timeout=total_timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
        )
        return super().copy(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            max_retries=max_retries,
            set_default_headers=headers,
            default_query=default_query,
            set_default_query=set_default_query,
            _extra_kwargs={"_openrouter": settings},
            **kwargs,
        )

    with_options = copy


def _retries_taken(reported: int) -> int:
    """Retries taken before this response: our loop's count (`openai`'s own loop is off, so it reports 0)."""
    deadline = current_deadline()
    return deadline.attempts - 1 if deadline is not None and deadline.attempts > 0 else reported


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
        from .resources.models import ModelsWithRawResponse

        return ModelsWithRawResponse(self._client.models)

    @cached_property
    @override
    def chat(self) -> ChatWithRawResponse:
        from .resources.chat.chat import ChatWithRawResponse

        return ChatWithRawResponse(self._client.chat)

    @cached_property
    @override
    def completions(self) -> CompletionsWithRawResponse:
        from .resources.completions import CompletionsWithRawResponse

        return CompletionsWithRawResponse(self._client.completions)

    @cached_property
    @override
    def responses(self) -> ResponsesWithRawResponse:
        from .resources.responses import ResponsesWithRawResponse

        return ResponsesWithRawResponse(self._client.responses)

    @cached_property
    @override
    def embeddings(self) -> EmbeddingsWithRawResponse:
        from .resources.embeddings import EmbeddingsWithRawResponse

        return EmbeddingsWithRawResponse(self._client.embeddings)

    @cached_property
    def providers(self) -> ProvidersWithRawResponse:
        from .resources.providers import ProvidersWithRawResponse

        return ProvidersWithRawResponse(self._client.providers)

    @cached_property
    def key(self) -> KeyWithRawResponse:
        from .resources.key import KeyWithRawResponse

        return KeyWithRawResponse(self._client.key)

    @cached_property
    def credits(self) -> CreditsWithRawResponse:
        from .resources.credits import CreditsWithRawResponse

        return CreditsWithRawResponse(self._client.credits)

    @cached_property
    def generations(self) -> GenerationsWithRawResponse:
        from .resources.generations import GenerationsWithRawResponse

        return GenerationsWithRawResponse(self._client.generations)

    @cached_property
    def keys(self) -> KeysWithRawResponse:
        from .resources.keys import KeysWithRawResponse

        return KeysWithRawResponse(self._client.keys)

    @cached_property
    def activity(self) -> ActivityWithRawResponse:
        from .resources.activity import ActivityWithRawResponse

        return ActivityWithRawResponse(self._client.activity)

    @cached_property
    def auth(self) -> AuthWithRawResponse:
        from .resources.auth import AuthWithRawResponse

        return AuthWithRawResponse(self._client.auth)


class AsyncOpenRouterWithRawResponse(AsyncGeneratedResourcesWithRawResponse, AsyncOpenAIWithRawResponse):
    _client: AsyncOpenRouter

    @cached_property
    @override
    def models(self) -> AsyncModelsWithRawResponse:  # type: ignore[override]  # OpenRouter's methods
        from .resources.models import AsyncModelsWithRawResponse

        return AsyncModelsWithRawResponse(self._client.models)

    @cached_property
    @override
    def chat(self) -> AsyncChatWithRawResponse:
        from .resources.chat.chat import AsyncChatWithRawResponse

        return AsyncChatWithRawResponse(self._client.chat)

    @cached_property
    @override
    def completions(self) -> AsyncCompletionsWithRawResponse:
        from .resources.completions import AsyncCompletionsWithRawResponse

        return AsyncCompletionsWithRawResponse(self._client.completions)

    @cached_property
    @override
    def responses(self) -> AsyncResponsesWithRawResponse:
        from .resources.responses import AsyncResponsesWithRawResponse

        return AsyncResponsesWithRawResponse(self._client.responses)

    @cached_property
    @override
    def embeddings(self) -> AsyncEmbeddingsWithRawResponse:
        from .resources.embeddings import AsyncEmbeddingsWithRawResponse

        return AsyncEmbeddingsWithRawResponse(self._client.embeddings)

    @cached_property
    def providers(self) -> AsyncProvidersWithRawResponse:
        from .resources.providers import AsyncProvidersWithRawResponse

        return AsyncProvidersWithRawResponse(self._client.providers)

    @cached_property
    def key(self) -> AsyncKeyWithRawResponse:
        from .resources.key import AsyncKeyWithRawResponse

        return AsyncKeyWithRawResponse(self._client.key)

    @cached_property
    def credits(self) -> AsyncCreditsWithRawResponse:
        from .resources.credits import AsyncCreditsWithRawResponse

        return AsyncCreditsWithRawResponse(self._client.credits)

    @cached_property
    def generations(self) -> AsyncGenerationsWithRawResponse:
        from .resources.generations import AsyncGenerationsWithRawResponse

        return AsyncGenerationsWithRawResponse(self._client.generations)

    @cached_property
    def keys(self) -> AsyncKeysWithRawResponse:
        from .resources.keys import AsyncKeysWithRawResponse

        return AsyncKeysWithRawResponse(self._client.keys)

    @cached_property
    def activity(self) -> AsyncActivityWithRawResponse:
        from .resources.activity import AsyncActivityWithRawResponse

        return AsyncActivityWithRawResponse(self._client.activity)

    @cached_property
    def auth(self) -> AsyncAuthWithRawResponse:
        from .resources.auth import AsyncAuthWithRawResponse

        return AsyncAuthWithRawResponse(self._client.auth)


class OpenRouterWithStreamedResponse(GeneratedResourcesWithStreamedResponse, OpenAIWithStreamedResponse):
    """`client.with_streaming_response`: `openai`'s resources plus OpenRouter's own."""

    _client: OpenRouter

    @cached_property
    @override
    def models(self) -> ModelsWithStreamingResponse:  # type: ignore[override]  # OpenRouter's methods
        from .resources.models import ModelsWithStreamingResponse

        return ModelsWithStreamingResponse(self._client.models)

    @cached_property
    @override
    def chat(self) -> ChatWithStreamingResponse:
        from .resources.chat.chat import ChatWithStreamingResponse

        return ChatWithStreamingResponse(self._client.chat)

    @cached_property
    @override
    def completions(self) -> CompletionsWithStreamingResponse:
        from .resources.completions import CompletionsWithStreamingResponse

        return CompletionsWithStreamingResponse(self._client.completions)

    @cached_property
    @override
    def responses(self) -> ResponsesWithStreamingResponse:
        from .resources.responses import ResponsesWithStreamingResponse

        return ResponsesWithStreamingResponse(self._client.responses)

    @cached_property
    @override
    def embeddings(self) -> EmbeddingsWithStreamingResponse:
        from .resources.embeddings import EmbeddingsWithStreamingResponse

        return EmbeddingsWithStreamingResponse(self._client.embeddings)

    @cached_property
    def providers(self) -> ProvidersWithStreamingResponse:
        from .resources.providers import ProvidersWithStreamingResponse

        return ProvidersWithStreamingResponse(self._client.providers)

    @cached_property
    def key(self) -> KeyWithStreamingResponse:
        from .resources.key import KeyWithStreamingResponse

        return KeyWithStreamingResponse(self._client.key)

    @cached_property
    def credits(self) -> CreditsWithStreamingResponse:
        from .resources.credits import CreditsWithStreamingResponse

        return CreditsWithStreamingResponse(self._client.credits)

    @cached_property
    def generations(self) -> GenerationsWithStreamingResponse:
        from .resources.generations import GenerationsWithStreamingResponse

        return GenerationsWithStreamingResponse(self._client.generations)

    @cached_property
    def keys(self) -> KeysWithStreamingResponse:
        from .resources.keys import KeysWithStreamingResponse

        return KeysWithStreamingResponse(self._client.keys)

    @cached_property
    def activity(self) -> ActivityWithStreamingResponse:
        from .resources.activity import ActivityWithStreamingResponse

        return ActivityWithStreamingResponse(self._client.activity)

    @cached_property
    def auth(self) -> AuthWithStreamingResponse:
        from .resources.auth import AuthWithStreamingResponse

        return AuthWithStreamingResponse(self._client.auth)


class AsyncOpenRouterWithStreamedResponse(AsyncGeneratedResourcesWithStreamedResponse, AsyncOpenAIWithStreamedResponse):
    _client: AsyncOpenRouter

    @cached_property
    @override
    def models(self) -> AsyncModelsWithStreamingResponse:  # type: ignore[override]  # OpenRouter's methods
        from .resources.models import AsyncModelsWithStreamingResponse

        return AsyncModelsWithStreamingResponse(self._client.models)

    @cached_property
    @override
    def chat(self) -> AsyncChatWithStreamingResponse:
        from .resources.chat.chat import AsyncChatWithStreamingResponse

        return AsyncChatWithStreamingResponse(self._client.chat)

    @cached_property
    @override
    def completions(self) -> AsyncCompletionsWithStreamingResponse:
        from .resources.completions import AsyncCompletionsWithStreamingResponse

        return AsyncCompletionsWithStreamingResponse(self._client.completions)

    @cached_property
    @override
    def responses(self) -> AsyncResponsesWithStreamingResponse:
        from .resources.responses import AsyncResponsesWithStreamingResponse

        return AsyncResponsesWithStreamingResponse(self._client.responses)

    @cached_property
    @override
    def embeddings(self) -> AsyncEmbeddingsWithStreamingResponse:
        from .resources.embeddings import AsyncEmbeddingsWithStreamingResponse

        return AsyncEmbeddingsWithStreamingResponse(self._client.embeddings)

    @cached_property
    def providers(self) -> AsyncProvidersWithStreamingResponse:
        from .resources.providers import AsyncProvidersWithStreamingResponse

        return AsyncProvidersWithStreamingResponse(self._client.providers)

    @cached_property
    def key(self) -> AsyncKeyWithStreamingResponse:
        from .resources.key import AsyncKeyWithStreamingResponse

        return AsyncKeyWithStreamingResponse(self._client.key)

    @cached_property
    def credits(self) -> AsyncCreditsWithStreamingResponse:
        from .resources.credits import AsyncCreditsWithStreamingResponse

        return AsyncCreditsWithStreamingResponse(self._client.credits)

    @cached_property
    def generations(self) -> AsyncGenerationsWithStreamingResponse:
        from .resources.generations import AsyncGenerationsWithStreamingResponse

        return AsyncGenerationsWithStreamingResponse(self._client.generations)

    @cached_property
    def keys(self) -> AsyncKeysWithStreamingResponse:
        from .resources.keys import AsyncKeysWithStreamingResponse

        return AsyncKeysWithStreamingResponse(self._client.keys)

    @cached_property
    def activity(self) -> AsyncActivityWithStreamingResponse:
        from .resources.activity import AsyncActivityWithStreamingResponse

        return AsyncActivityWithStreamingResponse(self._client.activity)

    @cached_property
    def auth(self) -> AsyncAuthWithStreamingResponse:
        from .resources.auth import AsyncAuthWithStreamingResponse

        return AsyncAuthWithStreamingResponse(self._client.auth)
