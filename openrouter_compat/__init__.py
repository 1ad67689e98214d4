"""openrouter_compat: the `openai` SDK for OpenRouter, with every OpenRouter feature typed."""

# The public names are imported on first use (PEP 562), so `import openrouter_compat.testing.pytest_plugin`
# (loaded by every pytest run through the pytest11 entry point) does not pay for the `openai` client stack.
from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports
from ._version import __version__

if TYPE_CHECKING:
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
    from .lib.chat_accumulator import ChatCompletionAccumulator
    from .lib.reasoning import assistant_message_param

_LAZY: dict[str, tuple[str, ...]] = {
    "._client": ("AsyncOpenRouter", "OpenRouter"),
    "._constants": ("DEFAULT_BASE_URL",),
    "._exceptions": (
        "AuthenticationError",
        "BadRequestError",
        "BudgetExceededError",
        "ConflictError",
        "GatewayTimeoutError",
        "InternalServerError",
        "MidStreamError",
        "ModerationError",
        "NotFoundError",
        "OpenRouterAPIError",
        "OpenRouterConfigError",
        "OpenRouterError",
        "OpenRouterValidationError",
        "PayloadTooLargeError",
        "PaymentRequiredError",
        "PermissionDeniedError",
        "ProviderError",
        "RateLimitError",
        "RequestTimeoutError",
        "ServiceUnavailableError",
        "StreamDecodeError",
        "StreamError",
        "StreamInterruptedError",
        "StreamTimeoutError",
        "UnprocessableEntityError",
    ),
    "._ledger": ("CostEntry", "CostLedger"),
    "._response_metadata": ("ResponseMetadata",),
    "._retry": ("DEFAULT_RETRY_STATUSES", "RetryEvent", "RetryPolicy"),
    "._streaming": ("AsyncChatCompletionStream", "AsyncCompletionStream", "ChatCompletionStream", "CompletionStream"),
    "._streaming_responses": ("AsyncResponseEventStream", "ResponseEventStream"),
    ".lib.chat_accumulator": ("ChatCompletionAccumulator",),
    ".lib.reasoning": ("assistant_message_param",),
}
__getattr__, __dir__ = lazy_exports(__name__, _LAZY)

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
