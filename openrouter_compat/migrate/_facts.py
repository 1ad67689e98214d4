"""The facts the rewrite rules share: OpenRouter's URL and names, our typed keywords, the official SDK's map."""

from __future__ import annotations

from .. import _constants as C
from ..types.chat.completion_create_params import ChatCompletionCreateKwargs

TRANSPORT_KWARGS = frozenset({"extra_headers", "extra_query", "extra_body", "timeout"})
CHAT_KWARGS = frozenset(ChatCompletionCreateKwargs.__annotations__) | {"model", "messages", "stream"}
"""Every keyword `chat.completions.create` takes."""
BODY_FIELDS = CHAT_KWARGS - TRANSPORT_KWARGS - {"model", "messages", "stream"}
"""Request fields that may move out of `extra_body` into a typed keyword argument."""

DEFAULT_KEY_ENV = C.ENV_API_KEY
OPENAI_KEY_ENV = "OPENAI_API_KEY"
APP_ENV_RENAMES = {"OR_SITE_URL": C.ENV_APP_URL, "OR_APP_NAME": C.ENV_APP_TITLE, "OPENROUTER_API_BASE": C.ENV_BASE_URL}
"""LiteLLM's environment names for OpenRouter settings, and ours."""

ATTRIBUTION_HEADERS = {
    C.HEADER_APP_URL.lower(): "app_url",
    C.HEADER_APP_TITLE.lower(): "app_title",
    C.HEADER_APP_TITLE_LEGACY.lower(): "app_title",
    C.HEADER_APP_CATEGORIES.lower(): "app_categories",
}
"""Attribution header (lower case) -> the client's constructor argument."""

OPENROUTER_HOST = "https://openrouter.ai/api"
LITELLM_PREFIX = "openrouter/"


def is_openrouter_url(value: str) -> bool:
    """Whether `value` is OpenRouter's API base URL (as people write it, with or without a path)."""
    return value.rstrip("/").startswith(OPENROUTER_HOST)


def is_default_base_url(value: str) -> bool:
    """Whether `value` is what our clients use anyway (so the argument can go)."""
    stripped = value.rstrip("/")
    return stripped in (C.DEFAULT_BASE_URL, C.DEFAULT_BASE_URL + "/chat/completions")


def is_placeholder(value: str) -> bool:
    """Template text copied from OpenRouter's quick start, e.g. `<YOUR_SITE_URL>`."""
    return value.startswith("<") and value.endswith(">")


# The official `openrouter` SDK: (resource, method) -> (our path, result wrapped in `.data` there).
# `api_keys.create`: same shape, but its new secret `key` is a SecretStr on ours (the rule reads it with
# `.get_secret_value()`). Not here: everything else, hand work.
OFFICIAL_METHODS: dict[tuple[str, str], tuple[tuple[str, ...], bool]] = {
    ("chat", "send"): (("chat", "completions", "create"), False),
    ("models", "list"): (("models", "list"), False),
    ("models", "count"): (("models", "count"), False),
    ("models", "list_for_user"): (("models", "list_for_user"), False),
    ("embeddings", "generate"): (("embeddings", "create"), False),
    ("api_keys", "get_current_key_metadata"): (("key", "retrieve"), True),
    ("api_keys", "list"): (("keys", "list"), True),
    ("api_keys", "get"): (("keys", "retrieve"), True),
    ("api_keys", "update"): (("keys", "update"), True),
    ("api_keys", "delete"): (("keys", "delete"), True),
    ("api_keys", "create"): (("keys", "create"), False),
    ("credits", "get_credits"): (("credits", "retrieve"), True),
    ("generations", "get_generation"): (("generations", "retrieve"), True),
    ("providers", "list"): (("providers", "list"), True),
}

OFFICIAL_RESOURCES = frozenset(
    {
        "chat",
        "responses",
        "beta",
        "embeddings",
        "models",
        "endpoints",
        "providers",
        "api_keys",
        "credits",
        "generations",
        "analytics",
        "batch",
        "byok",
        "files",
        "guardrails",
        "images",
        "video_generation",
        "tts",
        "stt",
        "rerank",
        "presets",
        "observability",
        "organization",
        "workspaces",
        "private_endpoints",
        "oauth",
        "scim",
        "vault",
        "tools",
        "datasets",
        "benchmarks",
        "classifications",
        "containers",
        "decisions",
        "externalusers",
    }
)
"""Sub-clients of the official SDK (`OR/sdk.py`); a call on any other attribute is not the SDK's."""

OFFICIAL_CONSTRUCTOR = {
    "api_key": "api_key",
    "http_referer": "app_url",
    "x_open_router_title": "app_title",
    "x_open_router_categories": "app_categories",
    "server_url": "base_url",
}
"""Constructor arguments of the official SDK with a direct equivalent (`timeout_ms` is converted apart)."""

OFFICIAL_ERRORS: dict[str, tuple[str, str]] = {
    "BadRequestResponseError": ("openrouter_compat", "BadRequestError"),
    "UnauthorizedResponseError": ("openrouter_compat", "AuthenticationError"),
    "PaymentRequiredResponseError": ("openrouter_compat", "PaymentRequiredError"),
    "ForbiddenResponseError": ("openrouter_compat", "PermissionDeniedError"),
    "NotFoundResponseError": ("openrouter_compat", "NotFoundError"),
    "RequestTimeoutResponseError": ("openrouter_compat", "RequestTimeoutError"),
    "PayloadTooLargeResponseError": ("openrouter_compat", "PayloadTooLargeError"),
    "UnprocessableEntityResponseError": ("openrouter_compat", "UnprocessableEntityError"),
    "TooManyRequestsResponseError": ("openrouter_compat", "RateLimitError"),
    "InternalServerResponseError": ("openrouter_compat", "InternalServerError"),
    "BadGatewayResponseError": ("openrouter_compat", "ProviderError"),
    "ServiceUnavailableResponseError": ("openrouter_compat", "ServiceUnavailableError"),
    "EdgeNetworkTimeoutResponseError": ("openrouter_compat", "GatewayTimeoutError"),
    "ProviderOverloadedResponseError": ("openrouter_compat", "ProviderError"),
    "OpenRouterDefaultError": ("openai", "APIStatusError"),
    "OpenRouterError": ("openai", "APIStatusError"),
    "NoResponseError": ("openai", "APIConnectionError"),
}
"""Official SDK error class -> (module, our class)."""

OFFICIAL_ERROR_ATTRIBUTES = {
    "body": ("response", "text"),
    "raw_response": ("response",),
    "headers": ("response", "headers"),
}
"""Attributes of an official SDK error whose value sits elsewhere on ours (`e.body` is the raw text there)."""

OFFICIAL_MESSAGE_CLASSES = {
    "UserMessage": "user",
    "SystemMessage": "system",
    "AssistantMessage": "assistant",
    "ToolResponseMessage": "tool",
    "DeveloperMessage": "developer",
}
OFFICIAL_TYPE_ALIASES = {
    "MessageTypedDict": ("openai.types.chat", "ChatCompletionMessageParam"),
    "ChatMessagesTypedDict": ("openai.types.chat", "ChatCompletionMessageParam"),
    "ChatFunctionToolTypedDict": ("openai.types.chat", "ChatCompletionFunctionToolParam"),
    "ToolDefinitionJSONTypedDict": ("openai.types.chat", "ChatCompletionFunctionToolParam"),
    "ChatResult": ("openai.types.chat", "ChatCompletion"),
    "ChatStreamChunk": ("openai.types.chat", "ChatCompletionChunk"),
}
"""Types from `openrouter.components` and the `openai` type they stand for here."""

LITELLM_CALLS = {"completion": False, "acompletion": True}
"""LiteLLM entry points converted, and whether they are async."""
LITELLM_DROPPED = frozenset({"drop_params"})
LITELLM_RENAMED = {"force_timeout": "timeout", "request_timeout": "timeout"}

LANGCHAIN_OPENAI_MODULES = frozenset({"langchain_openai", "langchain_openai.chat_models"})
LANGCHAIN_OLD_MODULES = frozenset({"langchain_community.chat_models", "langchain.chat_models"})
LANGCHAIN_CLIENT_KWARGS = ("client", "root_client", "async_client", "root_async_client")
LANGCHAIN_SHARED_FIELDS = frozenset(
    {
        "model",
        "model_name",
        "temperature",
        "max_tokens",
        "n",
        "streaming",
        "model_kwargs",
        "api_key",
        "openai_api_key",
        "base_url",
        "openai_api_base",
        "organization",
        "openai_organization",
        "openai_proxy",
        "timeout",
        "request_timeout",
        "max_retries",
        "default_headers",
        "default_query",
        "http_client",
        "tiktoken_model_name",
        "callbacks",
        "tags",
        "metadata",
        "verbose",
        "cache",
    }
)
"""Fields the deprecated `langchain_community` `ChatOpenAI` and `langchain_openai.ChatOpenAI` share, same meaning."""
LANGCHAIN_TO_CLIENT = {
    "timeout": "timeout",
    "request_timeout": "timeout",
    "max_retries": "max_retries",
    "default_query": "default_query",
    "http_client": "http_client",
}
"""`ChatOpenAI` fields that only configure the client it would build, and the client's argument."""
LANGCHAIN_OPENROUTER_ROUTING = {
    "openrouter_provider": "provider",
    "reasoning": "reasoning",
    "models": "models",
    "route": "route",
    "plugins": "plugins",
    "transforms": "transforms",
}
"""`langchain_openrouter.ChatOpenRouter` request fields -> `with_routing()` arguments."""
LANGCHAIN_OPENROUTER_CLIENT = {
    "api_key": "api_key",
    "openrouter_api_key": "api_key",
    "base_url": "base_url",
    "openrouter_api_base": "base_url",
    "app_url": "app_url",
    "app_title": "app_title",
    "timeout": "timeout",
    "request_timeout": "timeout",
    "max_retries": "max_retries",
}
LANGCHAIN_OPENROUTER_KEPT = frozenset(
    {
        "model",
        "model_name",
        "temperature",
        "max_tokens",
        "top_p",
        "streaming",
        "stop",
        "n",
        "seed",
        "frequency_penalty",
        "presence_penalty",
        "logprobs",
        "top_logprobs",
        "logit_bias",
        "model_kwargs",
        "callbacks",
        "tags",
        "metadata",
        "verbose",
        "cache",
        "rate_limiter",
        "disable_streaming",
    }
)
