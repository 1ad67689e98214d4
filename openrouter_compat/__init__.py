"""openrouter_compat: the `openai` SDK for OpenRouter, with every OpenRouter feature typed.

Every public name loads on first use (`_lazy.lazy_exports`), as `openai` loads its resources: `import
openrouter_compat` costs next to nothing, and `from openrouter_compat import OpenRouter` loads the client only.
The `TYPE_CHECKING` imports give type checkers and IDEs every name statically; `_LAZY` says where each lives
at run time (tests/test_import_weight.py keeps `__all__`, `_LAZY` and those imports in step).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports
from ._version import __version__

if TYPE_CHECKING:
    from ._client import AsyncOpenRouter, OpenRouter
    from ._constants import DEFAULT_BASE_URL
    from ._exceptions import (
        APIConnectionError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        BudgetExceededError,
        ConflictError,
        GatewayTimeoutError,
        InternalServerError,
        InvalidResponseError,
        MidStreamAuthenticationError,
        MidStreamBadRequestError,
        MidStreamConflictError,
        MidStreamError,
        MidStreamGatewayTimeoutError,
        MidStreamInternalServerError,
        MidStreamModerationError,
        MidStreamNotFoundError,
        MidStreamPayloadTooLargeError,
        MidStreamPaymentRequiredError,
        MidStreamPermissionDeniedError,
        MidStreamProviderError,
        MidStreamRateLimitError,
        MidStreamRequestTimeoutError,
        MidStreamServiceUnavailableError,
        MidStreamUnexpectedStatusError,
        MidStreamUnprocessableEntityError,
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
        UnexpectedStatusError,
        UnprocessableEntityError,
    )
    from ._ledger import CostEntry, CostLedger
    from ._response_metadata import ResponseMetadata
    from ._retry import DEFAULT_RETRY_STATUSES, RetryEvent, RetryPolicy
    from ._streaming import AsyncChatCompletionStream, AsyncCompletionStream, ChatCompletionStream, CompletionStream
    from ._streaming_messages import AsyncMessageEventStream, MessageEventStream, UnknownMessagesStreamEvent
    from ._streaming_responses import AsyncResponseEventStream, ResponseEventStream
    from ._warnings import OpenRouterUnknownFieldWarning
    from .lib.chat_accumulator import ChatCompletionAccumulator
    from .lib.message_accumulator import MessageStreamAccumulator
    from .lib.reasoning import assistant_message_param

__all__ = [
    "APIConnectionError",
    "APITimeoutError",
    "AsyncChatCompletionStream",
    "AsyncCompletionStream",
    "AsyncMessageEventStream",
    "AsyncOpenRouter",
    "AsyncResponseEventStream",
    "AuthenticationError",
    "BadRequestError",
    "BudgetExceededError",
    "ChatCompletionAccumulator",
    "ChatCompletionStream",
    "CompletionStream",
    "ConflictError",
    "CostEntry",
    "CostLedger",
    "DEFAULT_BASE_URL",
    "DEFAULT_RETRY_STATUSES",
    "GatewayTimeoutError",
    "InternalServerError",
    "InvalidResponseError",
    "MessageEventStream",
    "MessageStreamAccumulator",
    "MidStreamAuthenticationError",
    "MidStreamBadRequestError",
    "MidStreamConflictError",
    "MidStreamError",
    "MidStreamGatewayTimeoutError",
    "MidStreamInternalServerError",
    "MidStreamModerationError",
    "MidStreamNotFoundError",
    "MidStreamPayloadTooLargeError",
    "MidStreamPaymentRequiredError",
    "MidStreamPermissionDeniedError",
    "MidStreamProviderError",
    "MidStreamRateLimitError",
    "MidStreamRequestTimeoutError",
    "MidStreamServiceUnavailableError",
    "MidStreamUnexpectedStatusError",
    "MidStreamUnprocessableEntityError",
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
    "RateLimitError",
    "RequestTimeoutError",
    "ResponseEventStream",
    "ResponseMetadata",
    "RetryEvent",
    "RetryPolicy",
    "ServiceUnavailableError",
    "StreamDecodeError",
    "StreamError",
    "StreamInterruptedError",
    "StreamTimeoutError",
    "UnexpectedStatusError",
    "UnknownMessagesStreamEvent",
    "UnprocessableEntityError",
    "__version__",
    "assistant_message_param",
]

_LAZY: dict[str, tuple[str, ...]] = {
    "._client": (
        "AsyncOpenRouter",
        "OpenRouter",
    ),
    "._constants": ("DEFAULT_BASE_URL",),
    "._exceptions": (
        "APIConnectionError",
        "APITimeoutError",
        "AuthenticationError",
        "BadRequestError",
        "BudgetExceededError",
        "ConflictError",
        "GatewayTimeoutError",
        "InternalServerError",
        "InvalidResponseError",
        "MidStreamAuthenticationError",
        "MidStreamBadRequestError",
        "MidStreamConflictError",
        "MidStreamError",
        "MidStreamGatewayTimeoutError",
        "MidStreamInternalServerError",
        "MidStreamModerationError",
        "MidStreamNotFoundError",
        "MidStreamPayloadTooLargeError",
        "MidStreamPaymentRequiredError",
        "MidStreamPermissionDeniedError",
        "MidStreamProviderError",
        "MidStreamRateLimitError",
        "MidStreamRequestTimeoutError",
        "MidStreamServiceUnavailableError",
        "MidStreamUnexpectedStatusError",
        "MidStreamUnprocessableEntityError",
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
        "UnexpectedStatusError",
        "UnprocessableEntityError",
    ),
    "._ledger": (
        "CostEntry",
        "CostLedger",
    ),
    "._response_metadata": ("ResponseMetadata",),
    "._retry": (
        "DEFAULT_RETRY_STATUSES",
        "RetryEvent",
        "RetryPolicy",
    ),
    "._streaming": (
        "AsyncChatCompletionStream",
        "AsyncCompletionStream",
        "ChatCompletionStream",
        "CompletionStream",
    ),
    "._streaming_messages": (
        "AsyncMessageEventStream",
        "MessageEventStream",
        "UnknownMessagesStreamEvent",
    ),
    "._streaming_responses": (
        "AsyncResponseEventStream",
        "ResponseEventStream",
    ),
    "._warnings": ("OpenRouterUnknownFieldWarning",),
    ".lib.chat_accumulator": ("ChatCompletionAccumulator",),
    ".lib.message_accumulator": ("MessageStreamAccumulator",),
    ".lib.reasoning": ("assistant_message_param",),
}
"""Where each public name lives at run time (the same modules as the `TYPE_CHECKING` imports)."""


if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _LAZY)
