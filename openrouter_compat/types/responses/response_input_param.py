"""Responses `input` items as OpenRouter takes them: `openai`'s items, plus every item shape of OpenRouter's spec
(its `openrouter:*` server-tool output items echoed back, `agent_message`, `context_compaction`, reasoning items
with `format` and `signature`, content parts `openai` lacks, ...).

`ResponseInputItemParam` is a superset of `openai`'s union, so code typed against `openai` still type-checks. The
spec's shapes are the generated TypedDicts of `types/responses_request.py` (the ResponsesRequest body, whose
`input` this is), so they follow each regenerated spec. At run time `input` is validated against their open copies
(`_open_copy.py`): a wrong-typed field is refused naming it, a near-typo refused with "did you mean", anything
else new sent with a warning.
"""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING, Annotated, Any, Required, TypeAlias, Union, cast

from openai.types.responses import response_input_item_param as openai_input_item
from pydantic import Discriminator, Tag, with_config
from typing_extensions import TypedDict

from .._open import PASSTHROUGH
from ..responses_request import (
    AdditionalToolsItemParam,
    AgentMessageItemParam,
    ApplyPatchCallItemParam,
    ApplyPatchCallOutputItemParam,
    CompactionItemParam,
    ContextCompactionItemParam,
    CustomToolCallItemParam,
    CustomToolCallOutputItemParam,
    EasyInputMessageParam,
    FunctionCallItemParam,
    FunctionCallOutputItemParam,
    InputMessageItemParam,
    InputsParamVariant2ItemVariant8,
    InputsParamVariant2ItemVariant9,
    ItemReferenceItemParam,
    LocalShellCallItemParam,
    LocalShellCallOutputItemParam,
    McpApprovalRequestItemParam,
    McpApprovalResponseItemParam,
    McpCallItemParam,
    McpListToolsItemParam,
    OutputAdvisorServerToolItemParam,
    OutputApplyPatchServerToolItemParam,
    OutputBashServerToolItemParam,
    OutputBrowserUseServerToolItemParam,
    OutputCodeInterpreterCallItemParam,
    OutputCodeInterpreterServerToolItemParam,
    OutputComputerCallItemParam,
    OutputCustomToolCallItemParam,
    OutputDatetimeItemParam,
    OutputFileSearchCallItemParam,
    OutputFileSearchServerToolItemParam,
    OutputFilesServerToolItemParam,
    OutputFunctionCallItemParam,
    OutputFusionServerToolItemParam,
    OutputImageGenerationCallItemParam,
    OutputImageGenerationServerToolItemParam,
    OutputMcpServerToolItemParam,
    OutputMemoryServerToolItemParam,
    OutputSearchModelsServerToolItemParam,
    OutputShellServerToolItemParam,
    OutputSubagentServerToolItemParam,
    OutputTextEditorServerToolItemParam,
    OutputToolSearchServerToolItemParam,
    OutputWebFetchServerToolItemParam,
    OutputWebSearchCallItemParam,
    OutputWebSearchServerToolItemParam,
    ReasoningItemParam,
    ShellCallItemParam,
    ShellCallOutputItemParam,
)
from ._open_copy import is_required, open_copy

__all__ = [
    "OPENROUTER_INPUT_ITEMS",
    "ResponseInputItemParam",
    "ResponseInputParam",
    "UnknownResponseInputItemParam",
    "ValidatedResponseInput",
]


@with_config(PASSTHROUGH)
class UnknownResponseInputItemParam(TypedDict, total=False):
    """An input item type this client does not know yet, sent as given (a warning names it)."""

    type: Required[str]


OPENROUTER_INPUT_ITEMS: tuple[Any, ...] = (
    ReasoningItemParam,
    EasyInputMessageParam,
    InputMessageItemParam,
    FunctionCallItemParam,
    FunctionCallOutputItemParam,
    ApplyPatchCallItemParam,
    ApplyPatchCallOutputItemParam,
    InputsParamVariant2ItemVariant8,
    InputsParamVariant2ItemVariant9,
    OutputFunctionCallItemParam,
    OutputCustomToolCallItemParam,
    OutputWebSearchCallItemParam,
    OutputFileSearchCallItemParam,
    OutputImageGenerationCallItemParam,
    OutputCodeInterpreterCallItemParam,
    OutputComputerCallItemParam,
    OutputDatetimeItemParam,
    OutputWebSearchServerToolItemParam,
    OutputCodeInterpreterServerToolItemParam,
    OutputFileSearchServerToolItemParam,
    OutputImageGenerationServerToolItemParam,
    OutputBrowserUseServerToolItemParam,
    OutputBashServerToolItemParam,
    OutputTextEditorServerToolItemParam,
    OutputApplyPatchServerToolItemParam,
    OutputWebFetchServerToolItemParam,
    OutputToolSearchServerToolItemParam,
    OutputMemoryServerToolItemParam,
    OutputMcpServerToolItemParam,
    OutputSearchModelsServerToolItemParam,
    OutputFusionServerToolItemParam,
    OutputAdvisorServerToolItemParam,
    OutputSubagentServerToolItemParam,
    OutputFilesServerToolItemParam,
    OutputShellServerToolItemParam,
    LocalShellCallItemParam,
    LocalShellCallOutputItemParam,
    ShellCallItemParam,
    ShellCallOutputItemParam,
    McpListToolsItemParam,
    McpApprovalRequestItemParam,
    McpApprovalResponseItemParam,
    McpCallItemParam,
    CustomToolCallItemParam,
    CustomToolCallOutputItemParam,
    CompactionItemParam,
    ContextCompactionItemParam,
    ItemReferenceItemParam,
    AdditionalToolsItemParam,
    AgentMessageItemParam,
)
"""Every input item shape of OpenRouter's spec (the members of the generated `InputsParam` list), in its order."""

if TYPE_CHECKING:
    ResponseInputItemParam: TypeAlias = (
        openai_input_item.ResponseInputItemParam
        | ReasoningItemParam
        | EasyInputMessageParam
        | InputMessageItemParam
        | FunctionCallItemParam
        | FunctionCallOutputItemParam
        | ApplyPatchCallItemParam
        | ApplyPatchCallOutputItemParam
        | InputsParamVariant2ItemVariant8
        | InputsParamVariant2ItemVariant9
        | OutputFunctionCallItemParam
        | OutputCustomToolCallItemParam
        | OutputWebSearchCallItemParam
        | OutputFileSearchCallItemParam
        | OutputImageGenerationCallItemParam
        | OutputCodeInterpreterCallItemParam
        | OutputComputerCallItemParam
        | OutputDatetimeItemParam
        | OutputWebSearchServerToolItemParam
        | OutputCodeInterpreterServerToolItemParam
        | OutputFileSearchServerToolItemParam
        | OutputImageGenerationServerToolItemParam
        | OutputBrowserUseServerToolItemParam
        | OutputBashServerToolItemParam
        | OutputTextEditorServerToolItemParam
        | OutputApplyPatchServerToolItemParam
        | OutputWebFetchServerToolItemParam
        | OutputToolSearchServerToolItemParam
        | OutputMemoryServerToolItemParam
        | OutputMcpServerToolItemParam
        | OutputSearchModelsServerToolItemParam
        | OutputFusionServerToolItemParam
        | OutputAdvisorServerToolItemParam
        | OutputSubagentServerToolItemParam
        | OutputFilesServerToolItemParam
        | OutputShellServerToolItemParam
        | LocalShellCallItemParam
        | LocalShellCallOutputItemParam
        | ShellCallItemParam
        | ShellCallOutputItemParam
        | McpListToolsItemParam
        | McpApprovalRequestItemParam
        | McpApprovalResponseItemParam
        | McpCallItemParam
        | CustomToolCallItemParam
        | CustomToolCallOutputItemParam
        | CompactionItemParam
        | ContextCompactionItemParam
        | ItemReferenceItemParam
        | AdditionalToolsItemParam
        | AgentMessageItemParam
        | UnknownResponseInputItemParam
    )
else:
    _OPENAI_ITEMS = typing.get_args(openai_input_item.ResponseInputItemParam)
    ResponseInputItemParam: TypeAlias = Union[(*_OPENAI_ITEMS, *OPENROUTER_INPUT_ITEMS, UnknownResponseInputItemParam)]
ResponseInputParam: TypeAlias = list[ResponseInputItemParam]
"""`input=[...]`: `openai`'s items and OpenRouter's (each `dict`, or an output item of a previous response)."""

_UNTAGGED = "<no type>"
_OBJECT = "<object>"
_FALLBACK = "<unknown>"


def _validated_item() -> Any:
    """One item of `input` as validation checks it: a union discriminated by `type`, where each tag selects the
    open copies of OpenRouter's shapes and `openai`'s own (an item either types passes), an item without
    `type` the message shapes, an unknown `type` `UnknownResponseInputItemParam`, and an object that is not a
    `dict` (an output item of a previous response, which `openai` serialises) is not checked."""
    by_tag: dict[str, list[Any]] = {}
    for member in map(open_copy, OPENROUTER_INPUT_ITEMS):
        _add(by_tag, member)
    for member in typing.get_args(openai_input_item.ResponseInputItemParam):
        _add(by_tag, member)

    def discriminate(value: Any) -> str:
        if not isinstance(value, dict):
            return _FALLBACK if isinstance(value, str | int | float | list | tuple) or value is None else _OBJECT
        tag: object = cast("dict[str, object]", value).get("type")
        if tag is None:
            return _UNTAGGED
        return tag if isinstance(tag, str) and tag in by_tag else _FALLBACK

    annotated: Any = Annotated
    members: list[Any] = [annotated[Union[tuple(group)], Tag(tag)] for tag, group in by_tag.items()]  # noqa: UP007
    members += [annotated[UnknownResponseInputItemParam, Tag(_FALLBACK)], annotated[Any, Tag(_OBJECT)]]
    return annotated[Union[tuple(members)], Discriminator(discriminate)]  # noqa: UP007


def _add(by_tag: dict[str, list[Any]], member: Any) -> None:
    """File `member` under each of its `type` tags (and as untagged when `type` may be left out)."""
    annotation = typing.get_type_hints(member, include_extras=True)["type"]
    for tag in (*_tags(annotation), *(() if is_required(member, annotation) else (_UNTAGGED,))):
        by_tag.setdefault(tag, []).append(member)


def _tags(annotation: Any) -> list[str]:
    """The strings of a `Literal` annotation (through `Required`, `Optional`, ...)."""
    if typing.get_origin(annotation) is typing.Literal:
        return [arg for arg in typing.get_args(annotation) if isinstance(arg, str)]
    return [tag for arg in typing.get_args(annotation) for tag in _tags(arg)]


if TYPE_CHECKING:
    ValidatedResponseInput: TypeAlias = str | ResponseInputParam
else:
    ValidatedResponseInput: TypeAlias = str | list[_validated_item()]
"""What `responses.create(input=...)` is validated against (a string is sent as it is)."""
