"""OpenRouter types: response models (subclasses of `openai`'s, lenient) and request params (TypedDicts)."""

from .activity import ActivityItem, ActivityListParams
from .api_key import ApiKey, KeyCreated, KeyCreateParams, KeyDeleted, KeyListParams, KeyUpdateParams, LimitReset
from .auth import AuthCode, AuthCodeCreateParams, AuthKey, AuthKeyExchangeParams, CodeChallengeMethod
from .completion import Completion, CompletionChoice
from .create_embedding_response import CreateEmbeddingResponse, EmbeddingUsage
from .credits import Credits
from .error_metadata import Availability, ErrorMetadata
from .generation import Generation, GenerationProviderResponse
from .key import Key, KeyRateLimit
from .plugin import Plugin
from .provider_preferences import MaxPrice, PercentileThresholds, ProviderPreferences, ProviderSortConfig
from .reasoning_config import ReasoningConfig, ReasoningEffort
from .request_options import CacheControl, DebugOptions, ImageConfig, TraceConfig, UsageConfig

__all__ = [
    "ActivityItem",
    "ActivityListParams",
    "ApiKey",
    "AuthCode",
    "AuthCodeCreateParams",
    "AuthKey",
    "AuthKeyExchangeParams",
    "CodeChallengeMethod",
    "Credits",
    "Generation",
    "GenerationProviderResponse",
    "Key",
    "KeyCreateParams",
    "KeyCreated",
    "KeyDeleted",
    "KeyListParams",
    "KeyRateLimit",
    "KeyUpdateParams",
    "LimitReset",
    "Availability",
    "CacheControl",
    "Completion",
    "CompletionChoice",
    "CreateEmbeddingResponse",
    "DebugOptions",
    "EmbeddingUsage",
    "ErrorMetadata",
    "ImageConfig",
    "MaxPrice",
    "PercentileThresholds",
    "Plugin",
    "ProviderPreferences",
    "ProviderSortConfig",
    "ReasoningConfig",
    "ReasoningEffort",
    "TraceConfig",
    "UsageConfig",
]
