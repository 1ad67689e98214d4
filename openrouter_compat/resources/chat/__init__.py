"""Resources under `/chat` (as openai's `resources/chat/` package: `chat.py` is `client.chat`)."""

from .chat import (
    AsyncChat,
    AsyncChatWithRawResponse,
    AsyncChatWithStreamingResponse,
    Chat,
    ChatWithRawResponse,
    ChatWithStreamingResponse,
)
from .completions import (
    AsyncCompletions,
    AsyncCompletionsWithRawResponse,
    AsyncCompletionsWithStreamingResponse,
    Completions,
    CompletionsWithRawResponse,
    CompletionsWithStreamingResponse,
)

__all__ = [
    "AsyncChat",
    "AsyncChatWithRawResponse",
    "AsyncChatWithStreamingResponse",
    "AsyncCompletions",
    "AsyncCompletionsWithRawResponse",
    "AsyncCompletionsWithStreamingResponse",
    "Chat",
    "ChatWithRawResponse",
    "ChatWithStreamingResponse",
    "Completions",
    "CompletionsWithRawResponse",
    "CompletionsWithStreamingResponse",
]
