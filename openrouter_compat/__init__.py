"""openrouter_compat: the `openai` SDK for OpenRouter, with every OpenRouter feature typed."""

from ._client import AsyncOpenRouter, OpenRouter
from ._constants import DEFAULT_BASE_URL
from ._exceptions import (
    AuthenticationError,
    BadRequestError,
    BudgetExceededError,
    ConflictError,
    GatewayTimeoutError,
    InternalServerError,
    MidStreamError,
    ModerationError,
    NotFoundError,
    OpenRouterAPIError,
    OpenRouterConfigError,
    OpenRouterError,
    OpenRouterValidationError,
    PayloadTooLargeError,
    PaymentRequiredError,
    PermissionDeniedError,
    ProviderError,
    RateLimitError,
    RequestTimeoutError,
    ServiceUnavailableError,
    StreamDecodeError,
    StreamError,
    StreamInterruptedError,
    StreamTimeoutError,
    UnprocessableEntityError,
)
from ._ledger import CostEntry, CostLedger
from ._response_metadata import ResponseMetadata
from ._retry import DEFAULT_RETRY_STATUSES, RetryEvent, RetryPolicy
from ._streaming import AsyncChatCompletionStream, AsyncCompletionStream, ChatCompletionStream, CompletionStream
from ._streaming_responses import AsyncResponseEventStream, ResponseEventStream
from ._version import __version__
from ._warnings import OpenRouterUnknownFieldWarning
from .lib.chat_accumulator import ChatCompletionAccumulator
from .lib.reasoning import assistant_message_param

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_RETRY_STATUSES",
    "AsyncChatCompletionStream",
    "AsyncCompletionStream",
    "AsyncResponseEventStream",
    "AsyncOpenRouter",
    "AuthenticationError",
    "BadRequestError",
    "BudgetExceededError",
    "ChatCompletionAccumulator",
    "ChatCompletionStream",
    "CompletionStream",
    "ConflictError",
    "CostEntry",
    "CostLedger",
    "GatewayTimeoutError",
    "InternalServerError",
    "MidStreamError",
    "ModerationError",
    "NotFoundError",
    "OpenRouter",
    "OpenRouterAPIError",
    "OpenRouterConfigError",
    "OpenRouterError",
    "OpenRouterUnknownFieldWarning",
    "OpenRouterValidationError",
    "PayloadTooLargeError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "ProviderError",
    "ResponseEventStream",
    "RateLimitError",
    "RequestTimeoutError",
    "ResponseMetadata",
    "RetryEvent",
    "RetryPolicy",
    "ServiceUnavailableError",
    "StreamDecodeError",
    "StreamError",
    "StreamInterruptedError",
    "StreamTimeoutError",
    "UnprocessableEntityError",
    "__version__",
    "assistant_message_param",
]
