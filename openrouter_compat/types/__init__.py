"""OpenRouter types: response models (subclasses of `openai`'s, lenient) and request params (TypedDicts).

Names load on first access (`lazy_exports`); the `TYPE_CHECKING` imports give type checkers every name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ._variant import UnknownVariant
    from .activity import ActivityItem, ActivityListParams
    from .auth import AuthCode, AuthCreateCodeParams, AuthExchangeCodeParams, AuthKey, CodeChallengeMethod
    from .completion import Completion, CompletionChoice
    from .completion_create_params import CompletionCreateKwargs, OpenRouterCompletionParams
    from .create_embedding_response import CreateEmbeddingResponse, EmbeddingUsage
    from .credits import Credits
    from .embedding_create_params import EmbeddingCreateKwargs, EmbeddingMultimodalInput, OpenRouterEmbeddingParams
    from .error_metadata import Availability, ErrorMetadata
    from .generations import Generation, GenerationProviderResponse
    from .key import Key, KeyRateLimit
    from .keys import ApiKey, KeyCreated, KeyDeleted, KeysCreateParams, KeysListParams, KeysUpdateParams, LimitReset
    from .model import (
        DefaultParameters,
        Model,
        ModelArchitecture,
        ModelLinks,
        ModelReasoning,
        PerRequestLimits,
        Price,
        Pricing,
        PricingOverride,
        TopProvider,
    )
    from .model_endpoints import ModelEndpoint, ModelEndpoints, PercentileStats
    from .openrouter_request_params import OpenRouterRequestParams, OpenRouterSamplingParams
    from .plugin import Plugin
    from .provider_preferences import MaxPrice, PercentileThresholds, ProviderPreferences, ProviderSortConfig
    from .providers import Provider
    from .reasoning_config import ReasoningConfig, ReasoningEffort
    from .request_options import CacheControl, DebugOptions, ImageConfig, TraceConfig, UsageConfig

__all__ = [
    "ActivityItem",
    "ActivityListParams",
    "ApiKey",
    "AuthCode",
    "AuthCreateCodeParams",
    "AuthKey",
    "AuthExchangeCodeParams",
    "CodeChallengeMethod",
    "Credits",
    "Generation",
    "GenerationProviderResponse",
    "Key",
    "KeysCreateParams",
    "KeyCreated",
    "KeyDeleted",
    "KeysListParams",
    "KeyRateLimit",
    "KeysUpdateParams",
    "LimitReset",
    "Availability",
    "CacheControl",
    "Completion",
    "CompletionChoice",
    "CompletionCreateKwargs",
    "CreateEmbeddingResponse",
    "DebugOptions",
    "EmbeddingUsage",
    "ErrorMetadata",
    "ImageConfig",
    "MaxPrice",
    "OpenRouterCompletionParams",
    "OpenRouterRequestParams",
    "OpenRouterSamplingParams",
    "PercentileThresholds",
    "Plugin",
    "ProviderPreferences",
    "ProviderSortConfig",
    "ReasoningConfig",
    "ReasoningEffort",
    "TraceConfig",
    "UnknownVariant",
    "UsageConfig",
    "DefaultParameters",
    "EmbeddingCreateKwargs",
    "EmbeddingMultimodalInput",
    "Model",
    "ModelArchitecture",
    "ModelEndpoint",
    "ModelEndpoints",
    "ModelLinks",
    "ModelReasoning",
    "OpenRouterEmbeddingParams",
    "PercentileStats",
    "PerRequestLimits",
    "Price",
    "Pricing",
    "PricingOverride",
    "Provider",
    "TopProvider",
]

_LAZY: dict[str, tuple[str, ...]] = {
    ".activity": (
        "ActivityItem",
        "ActivityListParams",
    ),
    ".keys": (
        "ApiKey",
        "KeyCreated",
        "KeysCreateParams",
        "KeyDeleted",
        "KeysListParams",
        "KeysUpdateParams",
        "LimitReset",
    ),
    ".auth": (
        "AuthCode",
        "AuthCreateCodeParams",
        "AuthKey",
        "AuthExchangeCodeParams",
        "CodeChallengeMethod",
    ),
    ".completion": (
        "Completion",
        "CompletionChoice",
    ),
    ".completion_create_params": (
        "CompletionCreateKwargs",
        "OpenRouterCompletionParams",
    ),
    ".create_embedding_response": (
        "CreateEmbeddingResponse",
        "EmbeddingUsage",
    ),
    ".credits": ("Credits",),
    ".embedding_create_params": (
        "EmbeddingCreateKwargs",
        "EmbeddingMultimodalInput",
        "OpenRouterEmbeddingParams",
    ),
    ".error_metadata": (
        "Availability",
        "ErrorMetadata",
    ),
    ".generations": (
        "Generation",
        "GenerationProviderResponse",
    ),
    ".key": (
        "Key",
        "KeyRateLimit",
    ),
    ".model": (
        "DefaultParameters",
        "Model",
        "ModelArchitecture",
        "ModelLinks",
        "ModelReasoning",
        "PerRequestLimits",
        "Price",
        "Pricing",
        "PricingOverride",
        "TopProvider",
    ),
    ".model_endpoints": (
        "ModelEndpoint",
        "ModelEndpoints",
        "PercentileStats",
    ),
    ".openrouter_request_params": (
        "OpenRouterRequestParams",
        "OpenRouterSamplingParams",
    ),
    ".plugin": ("Plugin",),
    ".providers": ("Provider",),
    ".provider_preferences": (
        "MaxPrice",
        "PercentileThresholds",
        "ProviderPreferences",
        "ProviderSortConfig",
    ),
    ".reasoning_config": (
        "ReasoningConfig",
        "ReasoningEffort",
    ),
    ".request_options": (
        "CacheControl",
        "DebugOptions",
        "ImageConfig",
        "TraceConfig",
        "UsageConfig",
    ),
    "._variant": ("UnknownVariant",),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(
        __name__,
        _LAZY,
        # the names before the naming rule (docs/architecture.md, "Naming"), with a DeprecationWarning
        deprecated={
            "KeyCreateParams": (".keys", "KeysCreateParams"),
            "KeyListParams": (".keys", "KeysListParams"),
            "KeyUpdateParams": (".keys", "KeysUpdateParams"),
            "AuthCodeCreateParams": (".auth", "AuthCreateCodeParams"),
            "AuthKeyExchangeParams": (".auth", "AuthExchangeCodeParams"),
        },
    )
