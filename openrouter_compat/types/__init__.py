"""OpenRouter types: response models (subclasses of `openai`'s, lenient) and request params (TypedDicts)."""

from .completion import Completion, CompletionChoice
from .create_embedding_response import CreateEmbeddingResponse, EmbeddingUsage
from .error_metadata import Availability, ErrorMetadata
from .plugin import Plugin
from .provider_preferences import MaxPrice, PercentileThresholds, ProviderPreferences, ProviderSortConfig
from .reasoning_config import ReasoningConfig, ReasoningEffort
from .request_options import CacheControl, DebugOptions, ImageConfig, TraceConfig, UsageConfig

__all__ = [
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
