"""Every fixed fact about OpenRouter's HTTP surface, in one place: URL, environment names, header names."""

from __future__ import annotations

DEFAULT_BASE_URL = "https://openrouter.ai/api/v1"
AUTH_URL = "https://openrouter.ai/auth"
"""Where OAuth PKCE sends the user's browser (`lib.pkce.authorization_url`)."""

# Environment variables the clients read (and the only ones: OpenAI's are never consulted).
ENV_API_KEY = "OPENROUTER_API_KEY"
ENV_BASE_URL = "OPENROUTER_BASE_URL"
ENV_APP_URL = "OPENROUTER_APP_URL"
ENV_APP_TITLE = "OPENROUTER_APP_TITLE"
ENV_APP_CATEGORIES = "OPENROUTER_APP_CATEGORIES"

# Request headers: app attribution.
HEADER_APP_URL = "HTTP-Referer"
HEADER_APP_TITLE = "X-OpenRouter-Title"
HEADER_APP_TITLE_LEGACY = "X-Title"
HEADER_APP_CATEGORIES = "X-OpenRouter-Categories"
# Request headers: opt-ins.
HEADER_ROUTER_METADATA = "X-OpenRouter-Metadata"  # "enabled": responses carry `openrouter_metadata`
HEADER_RESPONSE_CACHE = "X-OpenRouter-Cache"  # "true"/"false": OpenRouter's response cache

# Headers the `openai` base client would fill from OpenAI's own environment variables.
OPENAI_ONLY_HEADERS = ("OpenAI-Organization", "OpenAI-Project")

# Response headers worth surfacing.
HEADER_GENERATION_ID = "x-generation-id"
HEADER_RETRY_AFTER = "retry-after"
HEADER_RETRY_AFTER_MS = "retry-after-ms"
HEADER_RATELIMIT_RESET = "x-ratelimit-reset"  # epoch milliseconds, on OpenRouter's own 429s
HEADER_RATELIMIT_PREFIX = "x-ratelimit-"
HEADER_CACHE_PREFIX = "x-openrouter-cache-"
HEADER_CACHE_STATUS = "x-openrouter-cache-status"
HEADER_CACHE_AGE = "x-openrouter-cache-age"
# No cost header is documented (REFERENCE.md §5); these names are kept if OpenRouter ever sends one.
HEADER_COST_CANDIDATES = ("x-openrouter-cost", "x-openrouter-total-cost", "x-cost")

# Request paths (relative to the base URL) that cost credits: the client's budget refuses them when spent.
BILLABLE_PATHS = frozenset(
    {"/chat/completions", "/completions", "/embeddings", "/responses", "/messages", "/rerank", "/images", "/videos"}
)
BILLABLE_PATH_PREFIXES = ("/audio/", "/images/", "/videos/")
