"""OpenRouter's server tools (`tools=[{"type": "openrouter:web_search", ...}]`), run by OpenRouter inside the
request, and the agent-loop controls around them (`stop_server_tools_when`, server-tool `tool_choice`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Required, TypeAlias

from pydantic import with_config
from typing_extensions import TypedDict

from ._open import OPEN, PASSTHROUGH, open_union
from .reasoning_config import ReasoningEffort
from .request_options import CacheControl

__all__ = [
    "AdvisorServerTool",
    "ApplyPatchServerTool",
    "BashServerTool",
    "ChatFunctionTool",
    "ChatTool",
    "DatetimeServerTool",
    "FilesServerTool",
    "FusionServerToolParams",
    "ImageGenerationServerTool",
    "OpenAIChatTool",
    "OpenAIResponsesTool",
    "ResponsesTool",
    "SandboxEnvironment",
    "SearchModelsServerTool",
    "ServerTool",
    "ServerToolChoice",
    "ServerToolReasoning",
    "ShellServerTool",
    "StopServerToolsWhen",
    "SubagentServerTool",
    "ToolSearchServerTool",
    "UnknownStopCondition",
    "UnknownTool",
    "WebFetchServerTool",
    "WebSearchOptions",
    "WebSearchServerTool",
    "WebSearchShorthandTool",
]

WebSearchEngine: TypeAlias = Literal["native", "exa", "parallel", "firecrawl", "perplexity", "auto"] | str
WebSearchMode: TypeAlias = (
    Literal["instant", "fast", "auto", "deep-lite", "deep", "deep-reasoning", "turbo", "basic", "advanced"] | str
)
SearchContextSize: TypeAlias = Literal["low", "medium", "high"] | str


@with_config(OPEN)
class ServerToolUserLocation(TypedDict, total=False):
    type: Literal["approximate"]
    city: str | None
    country: str | None
    region: str | None
    timezone: str | None


@with_config(OPEN)
class WebSearchOptions(TypedDict, total=False):
    """OpenRouter's web search options (`openrouter:web_search` parameters, or the `web_search` shorthand)."""

    engine: WebSearchEngine
    mode: WebSearchMode
    max_results: int
    max_total_results: int
    max_characters: int
    max_uses: int
    search_context_size: SearchContextSize
    allowed_domains: list[str]
    excluded_domains: list[str]
    user_location: ServerToolUserLocation


@with_config(OPEN)
class WebSearchServerTool(TypedDict, total=False):
    """`openrouter:web_search`: the model searches the web as often as it needs."""

    type: Required[Literal["openrouter:web_search"]]
    parameters: WebSearchOptions


@with_config(OPEN)
class WebSearchShorthandTool(WebSearchOptions, total=False):
    """OpenAI's Responses-style `{"type": "web_search", ...}` in chat; OpenRouter turns it into its server tool."""

    type: Required[
        Literal["web_search", "web_search_preview", "web_search_preview_2025_03_11", "web_search_2025_08_26"]
    ]
    parameters: WebSearchOptions


@with_config(OPEN)
class WebFetchOptions(TypedDict, total=False):
    engine: Literal["auto", "native", "openrouter", "exa", "parallel", "firecrawl"] | str
    allowed_domains: list[str]
    blocked_domains: list[str]
    max_content_tokens: int
    max_uses: int


@with_config(OPEN)
class WebFetchServerTool(TypedDict, total=False):
    """`openrouter:web_fetch`: the model reads web pages by URL."""

    type: Required[Literal["openrouter:web_fetch"]]
    parameters: WebFetchOptions


@with_config(OPEN)
class DatetimeOptions(TypedDict, total=False):
    timezone: str


@with_config(OPEN)
class DatetimeServerTool(TypedDict, total=False):
    """`openrouter:datetime`: the current date and time."""

    type: Required[Literal["openrouter:datetime"]]
    parameters: DatetimeOptions


@with_config(PASSTHROUGH)
class ImageGenerationOptions(TypedDict, total=False):
    """`model` plus provider-specific image options (passed through)."""

    model: str


@with_config(OPEN)
class ImageGenerationServerTool(TypedDict, total=False):
    """`openrouter:image_generation`: the model creates images."""

    type: Required[Literal["openrouter:image_generation"]]
    parameters: ImageGenerationOptions


@with_config(OPEN)
class ServerToolReasoning(TypedDict, total=False):
    effort: ReasoningEffort
    max_tokens: int


@with_config(OPEN)
class AdvisorOptions(TypedDict, total=False):
    model: str
    name: str
    instructions: str
    forward_transcript: bool
    max_completion_tokens: int
    temperature: float
    stream: bool
    reasoning: ServerToolReasoning


@with_config(OPEN)
class AdvisorServerTool(TypedDict, total=False):
    """`openrouter:advisor`: the model consults a second model."""

    type: Required[Literal["openrouter:advisor"]]
    parameters: AdvisorOptions


@with_config(PASSTHROUGH)
class NestedServerTool(TypedDict, total=False):
    """A server tool given to a sub-model (Fusion panel, subagent)."""

    type: Required[str]
    parameters: dict[str, Any]


@with_config(OPEN)
class SubagentOptions(TypedDict, total=False):
    model: str
    name: str
    instructions: str
    inherit_functions: bool
    inherited_function_names: list[str]
    max_completion_tokens: int
    max_tool_calls: int
    temperature: float
    reasoning: ServerToolReasoning
    tools: list[NestedServerTool]


@with_config(OPEN)
class SubagentServerTool(TypedDict, total=False):
    """`openrouter:subagent`: the model delegates a task to a sub-model."""

    type: Required[Literal["openrouter:subagent"]]
    parameters: SubagentOptions


@with_config(OPEN)
class FusionServerToolParams(TypedDict, total=False):
    model: str
    analysis_models: list[str]
    max_completion_tokens: int
    max_tool_calls: int
    temperature: float
    reasoning: ServerToolReasoning
    cache_control: CacheControl
    tools: list[NestedServerTool]


@with_config(OPEN)
class FusionTool(TypedDict, total=False):
    """`openrouter:fusion`: a panel of models answers and an analyst merges the answers."""

    type: Required[Literal["openrouter:fusion"]]
    parameters: FusionServerToolParams


@with_config(OPEN)
class SearchModelsOptions(TypedDict, total=False):
    max_results: int


@with_config(OPEN)
class SearchModelsServerTool(TypedDict, total=False):
    """`openrouter:experimental__search_models`: the model searches OpenRouter's model catalogue."""

    type: Required[Literal["openrouter:experimental__search_models"]]
    parameters: SearchModelsOptions


@with_config(PASSTHROUGH)
class SandboxEnvironment(TypedDict, total=False):
    """`{"type": "container_auto" | "container_reference", ...}`: where sandbox tools run."""

    type: Required[Literal["container_auto", "container_reference"] | str]
    container_id: str
    file_ids: list[str]
    network_policy: dict[str, Any]


@with_config(OPEN)
class SandboxOptions(TypedDict, total=False):
    engine: Literal["auto", "native", "openrouter"] | str
    environment: SandboxEnvironment
    sleep_after_seconds: int


@with_config(OPEN)
class BashServerTool(TypedDict, total=False):
    """`openrouter:bash`: the model runs shell commands in a sandbox."""

    type: Required[Literal["openrouter:bash"]]
    parameters: SandboxOptions


@with_config(OPEN)
class ShellServerTool(TypedDict, total=False):
    """`openrouter:shell` (Responses): the model runs shell commands in a sandbox."""

    type: Required[Literal["openrouter:shell"]]
    parameters: SandboxOptions


@with_config(OPEN)
class FilesServerTool(TypedDict, total=False):
    """`openrouter:files`: the model reads and writes files of the sandbox."""

    type: Required[Literal["openrouter:files"]]
    parameters: dict[str, Any]


@with_config(OPEN)
class ApplyPatchOptions(TypedDict, total=False):
    engine: Literal["auto", "native", "openrouter"] | str


@with_config(OPEN)
class ApplyPatchServerTool(TypedDict, total=False):
    """`openrouter:apply_patch` (Responses): the model edits files with patches."""

    type: Required[Literal["openrouter:apply_patch"]]
    parameters: ApplyPatchOptions


@with_config(OPEN)
class ToolSearchServerTool(TypedDict, total=False):
    """`openrouter:tool_search` (Responses): the model searches a large tool list."""

    type: Required[Literal["openrouter:tool_search"]]
    parameters: SearchModelsOptions


ServerTool: TypeAlias = (
    WebSearchServerTool
    | WebFetchServerTool
    | DatetimeServerTool
    | ImageGenerationServerTool
    | AdvisorServerTool
    | SubagentServerTool
    | FusionTool
    | SearchModelsServerTool
    | BashServerTool
    | ShellServerTool
    | FilesServerTool
    | ApplyPatchServerTool
    | ToolSearchServerTool
)
"""Every `openrouter:*` server tool this client types."""
SERVER_TOOLS = (
    WebSearchServerTool,
    WebFetchServerTool,
    DatetimeServerTool,
    ImageGenerationServerTool,
    AdvisorServerTool,
    SubagentServerTool,
    FusionTool,
    SearchModelsServerTool,
    BashServerTool,
    ShellServerTool,
    FilesServerTool,
    ApplyPatchServerTool,
    ToolSearchServerTool,
)


@with_config(OPEN)
class ServerToolChoice(TypedDict, total=False):
    """`tool_choice={"type": "openrouter:web_search"}`: force a server tool."""

    type: Required[str]


@with_config(OPEN)
class StopAfterSteps(TypedDict, total=False):
    type: Required[Literal["step_count_is"]]
    step_count: Required[int]


@with_config(OPEN)
class StopOnToolCall(TypedDict, total=False):
    type: Required[Literal["has_tool_call"]]
    tool_name: Required[str]


@with_config(OPEN)
class StopAtTokens(TypedDict, total=False):
    type: Required[Literal["max_tokens_used"]]
    max_tokens: Required[int]


@with_config(OPEN)
class StopAtCost(TypedDict, total=False):
    type: Required[Literal["max_cost"]]
    max_cost_in_dollars: Required[float]


@with_config(OPEN)
class StopOnFinishReason(TypedDict, total=False):
    type: Required[Literal["finish_reason_is"]]
    reason: Required[str]


@with_config(PASSTHROUGH)
class UnknownStopCondition(TypedDict, total=False):
    """A stop condition this client does not know yet, sent as given."""

    type: Required[str]


if TYPE_CHECKING:
    StopServerToolsWhen: TypeAlias = (
        StopAfterSteps | StopOnToolCall | StopAtTokens | StopAtCost | StopOnFinishReason | UnknownStopCondition
    )
else:
    StopServerToolsWhen = open_union(
        "type",
        StopAfterSteps,
        StopOnToolCall,
        StopAtTokens,
        StopAtCost,
        StopOnFinishReason,
        fallback=UnknownStopCondition,
    )
"""One condition of `stop_server_tools_when` (any condition firing ends the server-tool loop)."""


# ------------------------------------------------------------------------- the `tools` each endpoint takes


@with_config(OPEN)
class FunctionDefinition(TypedDict, total=False):
    name: Required[str]
    description: str
    parameters: dict[str, Any]
    strict: bool | None


@with_config(OPEN)
class ChatFunctionTool(TypedDict, total=False):
    """`openai`'s function tool, plus OpenRouter's per-tool `cache_control`."""

    type: Required[Literal["function"]]
    function: Required[FunctionDefinition]
    cache_control: CacheControl


@with_config(PASSTHROUGH)
class OpenAIChatTool(TypedDict, total=False):
    """`openai`'s custom tool in chat: `openai` types it; sent as given."""

    type: Required[Literal["custom"]]


@with_config(PASSTHROUGH)
class OpenAIResponsesTool(TypedDict, total=False):
    """A Responses tool type of `openai`'s own (function, web_search, mcp, ...): `openai` types it."""

    type: Required[
        Literal[
            "function",
            "custom",
            "web_search",
            "web_search_preview",
            "web_search_preview_2025_03_11",
            "web_search_2025_08_26",
            "file_search",
            "computer_use_preview",
            "computer_use",
            "code_interpreter",
            "mcp",
            "image_generation",
            "local_shell",
            "shell",
            "apply_patch",
            "namespace",
            "tool_search",
        ]
    ]


@with_config(PASSTHROUGH)
class UnknownTool(TypedDict, total=False):
    """A tool type this client does not know yet, sent as given (a warning names it)."""

    type: Required[str]


if TYPE_CHECKING:
    ChatTool: TypeAlias = ChatFunctionTool | WebSearchShorthandTool | ServerTool | OpenAIChatTool | UnknownTool
    ResponsesTool: TypeAlias = ServerTool | OpenAIResponsesTool | UnknownTool
else:
    ChatTool = open_union(
        "type", ChatFunctionTool, WebSearchShorthandTool, *SERVER_TOOLS, OpenAIChatTool, fallback=UnknownTool
    )
    ResponsesTool = open_union("type", *SERVER_TOOLS, OpenAIResponsesTool, fallback=UnknownTool)
"""What `tools[]` is validated against: function (chat), OpenRouter server tools, `openai`'s own tool types."""
