"""Chat completion types: responses (pydantic, lenient) and OpenRouter request params (TypedDict)."""

from .chat_completion import ChatCompletion, Choice
from .chat_completion_chunk import ChatCompletionChunk, ChoiceDelta, ChunkChoice
from .chat_completion_message import (
    Annotation,
    ChatCompletionMessage,
    ChatCompletionMessageFunctionToolCall,
    FileAnnotation,
    ImageOutput,
    URLCitation,
    URLCitationAnnotation,
)

__all__ = [
    "Annotation",
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatCompletionMessage",
    "ChatCompletionMessageFunctionToolCall",
    "ChoiceDelta",
    "Choice",
    "ChunkChoice",
    "FileAnnotation",
    "ImageOutput",
    "URLCitation",
    "URLCitationAnnotation",
]
