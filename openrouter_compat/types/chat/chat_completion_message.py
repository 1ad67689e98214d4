"""The assistant message of a chat completion, with OpenRouter's reasoning, citations and images."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from openai._models import BaseModel
from openai._utils import PropertyInfo
from openai.types.chat import chat_completion_message, chat_completion_message_function_tool_call
from openai.types.chat.chat_completion_message_custom_tool_call import ChatCompletionMessageCustomToolCall

from ..shared.reasoning_detail import ReasoningDetail

__all__ = [
    "Annotation",
    "AnnotationUnknown",
    "ChatCompletionMessage",
    "ChatCompletionMessageFunctionToolCall",
    "ChatCompletionMessageToolCallUnion",
    "FileAnnotation",
    "FileAnnotationFile",
    "ImageOutput",
    "ImageOutputURL",
    "URLCitation",
    "URLCitationAnnotation",
]


class URLCitation(BaseModel):
    """A web source; OpenRouter adds the cited `content`."""

    url: str
    title: str | None = None
    content: str | None = None
    start_index: int | None = None
    end_index: int | None = None


class URLCitationAnnotation(BaseModel):
    type: Literal["url_citation"]
    url_citation: URLCitation


class FileAnnotationFile(BaseModel):
    """A file the file-parser plugin read; `content` holds its parsed parts."""

    hash: str | None = None
    name: str | None = None
    content: list[dict[str, object]] | None = None


class FileAnnotation(BaseModel):
    type: Literal["file"]
    file: FileAnnotationFile


class AnnotationUnknown(BaseModel):
    """An annotation kind this library does not model (e.g. legacy `file_annotation`); fields are kept."""

    type: str


Annotation: TypeAlias = Annotated[
    URLCitationAnnotation | FileAnnotation | AnnotationUnknown, PropertyInfo(discriminator="type")
]


class ImageOutputURL(BaseModel):
    url: str
    """Usually a base64 `data:` URL."""


class ImageOutput(BaseModel):
    """An image the model generated (`modalities=["image", "text"]`)."""

    type: Literal["image_url"] = "image_url"
    image_url: ImageOutputURL


class ChatCompletionMessageFunctionToolCall(
    chat_completion_message_function_tool_call.ChatCompletionMessageFunctionToolCall
):
    """A function tool call; OpenRouter also numbers it with `index` in non-streamed messages."""

    index: int | None = None


ChatCompletionMessageToolCallUnion: TypeAlias = Annotated[
    ChatCompletionMessageFunctionToolCall | ChatCompletionMessageCustomToolCall, PropertyInfo(discriminator="type")
]


class ChatCompletionMessage(chat_completion_message.ChatCompletionMessage):
    """`openai`'s message plus `reasoning`, `reasoning_details`, OpenRouter annotations and `images`."""

    reasoning: str | None = None
    reasoning_details: list[ReasoningDetail] | None = None
    annotations: list[Annotation] | None = None  # type: ignore[assignment]
    images: list[ImageOutput] | None = None
    tool_calls: list[ChatCompletionMessageToolCallUnion] | None = None  # type: ignore[assignment]
