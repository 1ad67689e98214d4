"""Chat completion types: responses (pydantic, lenient) and OpenRouter request params (TypedDict)."""

from .chat_completion import ChatCompletion, Choice
from .chat_completion_chunk import ChatCompletionChunk, ChoiceDelta, ChunkChoice
from .chat_completion_content_part_param import ChatCompletionContentPartParam
from .chat_completion_message import (
    Annotation,
    ChatCompletionMessage,
    ChatCompletionMessageFunctionToolCall,
    FileAnnotation,
    ImageOutput,
    URLCitation,
    URLCitationAnnotation,
)
from .chat_completion_message_param import ChatCompletionMessageParam

__all__ = [
    "Annotation",
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatCompletionContentPartParam",
    "ChatCompletionMessage",
    "ChatCompletionMessageFunctionToolCall",
    "ChatCompletionMessageParam",
    "ChoiceDelta",
    "Choice",
    "ChunkChoice",
    "FileAnnotation",
    "ImageOutput",
    "URLCitation",
    "URLCitationAnnotation",
]
