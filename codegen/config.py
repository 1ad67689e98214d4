"""What the spec cannot tell the generator: where each operation lives on the client, and what stays hand-written.

Everything here is a decision about naming or ownership, kept in one table each so a reader sees them at once.
"""

from __future__ import annotations

# Operations served by hand-written resources (they extend `openai`'s own, or predate the generator):
# `METHOD /path` -> the client attribute path of the method that sends it.
HANDWRITTEN: dict[str, str] = {
    "POST /chat/completions": "chat.completions.create",
    "POST /responses": "responses.create",
    "POST /embeddings": "embeddings.create",
    "GET /embeddings/models": "embeddings.models",
    "GET /models": "models.list",
    "GET /model/{author}/{slug}": "models.retrieve",
    "GET /models/{author}/{slug}/endpoints": "models.endpoints",
    "GET /models/count": "models.count",
    "GET /models/user": "models.list_for_user",
    "GET /providers": "providers.list",
    "GET /key": "key.retrieve",
    "GET /credits": "credits.retrieve",
    "GET /generation": "generations.retrieve",
    "GET /activity": "activity.list",
    "GET /keys": "keys.list",
    "POST /keys": "keys.create",
    "GET /keys/{hash}": "keys.retrieve",
    "PATCH /keys/{hash}": "keys.update",
    "DELETE /keys/{hash}": "keys.delete",
    "POST /auth/keys/code": "auth.create_code",
    "POST /auth/keys": "auth.exchange_code",
    # openai's own audio resources send these paths with OpenRouter's field names already.
    "POST /audio/speech": "audio.speech.create",
    "POST /audio/transcriptions": "audio.transcriptions.create",
    # Upload is multipart, which the generator does not write: openai's `files.create` sends it.
    "POST /files": "files.create",
    # openai's `containers.files` sends these paths with OpenRouter's shapes already; `promote` is ours.
    "GET /containers/{container_id}/files": "containers.files.list",
    "GET /containers/{container_id}/files/{file_id}": "containers.files.retrieve",
    "GET /containers/{container_id}/files/{file_id}/content": "containers.files.content.retrieve",
    "POST /containers/{container_id}/files/{file_id}/promote": "containers.files.promote",
}

# Operations that need a management key although the spec does not say so (OpenRouter refuses inference keys):
# added to the generated `_management_key_routes.py` with those the spec marks.
MANAGEMENT_KEY_ALSO: frozenset[str] = frozenset({"POST /keys", "PATCH /keys/{hash}", "DELETE /keys/{hash}"})

# Left out on purpose, with the reason written into docs/api-coverage.md.
LEFT_OUT: dict[str, str] = {
    "POST /credits/coinbase": "deprecated and `x-speakeasy-ignore` in the spec; OpenRouter answers 410 Gone",
}

# Where a path's operations live: the longest matching prefix names the client attribute path. Paths not listed
# use their first segment (`/guardrails/...` -> `client.guardrails`).
RESOURCE_OF_PREFIX: dict[str, tuple[str, ...]] = {
    "/observability/destinations": ("observability", "destinations"),
    "/scim/group-mappings": ("scim", "group_mappings"),
    "/scim/groups": ("scim", "groups"),
    # `client.organization` is openai's organization id: the members live beside it.
    "/organization/members": ("organization_members",),
    # `/generation/*` extends the hand-written `client.generations` (resources/generations.py subclasses it).
    "/generation": ("generations",),
}

# Resources whose generated classes (`Generated<Name>`) are bases of hand-written ones, not client attributes of
# their own: `Generations` adds `retrieve(wait=)`; `Images`, `Videos` and `Files` also subclass openai's resource.
EXTENDED: dict[str, str] = {"generations": "Generations", "images": "Images", "videos": "Videos", "files": "Files"}

# Hand-written types of a generated types module (`types/<resource>.py`), kept in a private module of their own and
# re-exported by it, so each resource's types are imported from one module: resource -> module under types/.
HAND_TYPES: dict[str, str] = {"generations": "_generation"}

# Extended resources the generated client mixins attach (their hand-written class, in resources/<name>.py),
# replacing openai's resource of the same name.
ATTACHED: tuple[str, ...] = ("images", "videos", "files")

# Hand-written resources the mixins attach as they are (resources/<name>.py, classes named after it).
HAND_ATTACHED: dict[str, str] = {"audio": "Audio", "containers": "Containers"}

# Method names where `x-speakeasy-name-override` (or the operationId) does not read well on our client.
METHOD_NAMES: dict[str, str] = {
    "GET /analytics/meta": "meta",
    "POST /analytics/query": "query",
    "GET /benchmarks": "list",
    "GET /classifications/task": "task",
    "GET /datasets/app-rankings": "app_rankings",
    "GET /datasets/rankings-daily": "rankings_daily",
    "GET /datasets/session-cost": "session_cost",
    "GET /endpoints/zdr": "zdr",
    "GET /generation/content": "content",
    "GET /images/models": "models",
    "GET /images/models/{author}/{slug}/endpoints": "endpoints",
    "POST /videos": "create",
    "GET /videos/{jobId}": "retrieve",
    "GET /videos/{jobId}/content": "download_content",
    "GET /videos/models": "models",
    "GET /files/{file_id}/content": "content",
    "POST /generation/feedback": "feedback",
    "GET /organization/members": "list",
    "POST /presets/{slug}/chat/completions": "create_from_chat",
    "POST /presets/{slug}/messages": "create_from_messages",
    "POST /presets/{slug}/responses": "create_from_responses",
    "POST /rerank": "create",
    "GET /scim/group-mappings": "list",
    "GET /scim/groups": "list",
}

# Request-body components that get a `types/` module of their own (with every schema only they use), so the
# module of the operations sending them stays readable: component -> module. Without this the chat and Responses
# request shapes would fill `types/presets.py` (the presets' inference bodies are their only generated users).
TYPE_GROUPS: dict[str, str] = {
    "ChatRequest": "chat_request",
    "ResponsesRequest": "responses_request",
    "MessagesRequest": "messages",
}

# Spec schemas we already type by hand: request-side (TypedDict) name -> (module under types/, class).
PARAM_TYPES: dict[str, tuple[str, str]] = {
    "ProviderPreferences": ("provider_preferences", "ProviderPreferences"),
}

# Operations whose `stream: true` answer is an event stream the generated method types: `METHOD /path` ->
# (module under openrouter_compat/, sync stream class, async stream class). The method takes `stream` with
# openai's overloads (`Literal[True]` -> the stream class). Not listed, on purpose: `POST /rerank` lists
# `text/event-stream` but its schema says "Not used for rerank - rerank does not support streaming"; the
# presets' inference bodies (`POST /presets/{slug}/chat/completions|messages|responses`) create a preset and
# answer JSON only (the spec gives them no `text/event-stream`).
STREAMS: dict[str, tuple[str, str, str]] = {
    "POST /messages": ("_streaming_messages", "MessageEventStream", "AsyncMessageEventStream"),
}

# Request fields the generated methods do not take as keyword arguments (outside STREAMS their responses would
# be SSE streams, which these methods do not parse): send them with `extra_body`, read `with_streaming_response`.
STREAM_FIELDS = frozenset({"stream"})

# Result unions the generator leaves plain although the spec gives a discriminator: hand-written code wraps them in
# its own tagged union with its own unknown-member class (`_streaming_messages.UnknownMessagesStreamEvent`).
PLAIN_UNIONS = frozenset({"MessagesStreamEvents"})
