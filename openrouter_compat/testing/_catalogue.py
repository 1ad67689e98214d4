"""A small built-in model and provider catalogue shaped like OpenRouter's /models and /providers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

JSON = dict[str, Any]

DEFAULT_MODEL = "openai/gpt-4o-mini"
DEFAULT_PROMPT_PRICE = Decimal("0.000001")
DEFAULT_COMPLETION_PRICE = Decimal("0.000002")

_CHAT_PARAMS = ["max_tokens", "temperature", "top_p", "stop", "seed", "response_format", "tools", "tool_choice"]
_OPENAI_PARAMS = [*_CHAT_PARAMS, "frequency_penalty", "presence_penalty", "logit_bias", "logprobs", "top_logprobs"]
_REASONING_PARAMS = ["include_reasoning", "reasoning"]
_OPEN_PARAMS = [*_CHAT_PARAMS, "frequency_penalty", "presence_penalty", "repetition_penalty", "top_k", "min_p"]

# name, slug, headquarters, datacenters, homepage
_PROVIDERS: list[tuple[str, str, str, list[str], str]] = [
    ("OpenAI", "openai", "US", ["US", "IE"], "https://openai.com"),
    ("Azure", "azure", "US", ["US", "NL", "SE"], "https://azure.microsoft.com"),
    ("Anthropic", "anthropic", "US", ["US"], "https://www.anthropic.com"),
    ("Google AI Studio", "google-ai-studio", "US", ["US"], "https://ai.google.dev"),
    ("Google Vertex", "google-vertex", "US", ["US", "BE"], "https://cloud.google.com"),
    ("Amazon Bedrock", "amazon-bedrock", "US", ["US"], "https://aws.amazon.com"),
    ("Together", "together", "US", ["US"], "https://www.together.ai"),
    ("DeepInfra", "deepinfra", "US", ["US"], "https://deepinfra.com"),
    ("Mistral", "mistral", "FR", ["FR"], "https://mistral.ai"),
    ("DeepSeek", "deepseek", "CN", ["CN"], "https://www.deepseek.com"),
    ("Fireworks", "fireworks", "US", ["US"], "https://fireworks.ai"),
    ("Venice", "venice", "US", ["US"], "https://venice.ai"),
]

PROVIDERS: list[JSON] = [
    {
        "name": name,
        "slug": slug,
        "privacy_policy_url": f"{home}/privacy",
        "terms_of_service_url": f"{home}/terms",
        "status_page_url": f"https://status.{home.split('//')[1].removeprefix('www.')}",
        "headquarters": hq,
        "datacenters": dcs,
    }
    for name, slug, hq, dcs, home in _PROVIDERS
]
_NAME_BY_SLUG = {slug: name for name, slug, *_ in _PROVIDERS}
_NAMES = set(_NAME_BY_SLUG.values())
_AUTHOR_PROVIDER = {"openai": "OpenAI", "anthropic": "Anthropic", "google": "Google AI Studio"}


@dataclass(frozen=True)
class CatalogueModel:
    """One model: its /models JSON plus what the emulator needs to price and route it."""

    data: JSON
    categories: tuple[str, ...]
    providers: tuple[tuple[str, str | None], ...]
    prompt_price: Decimal
    completion_price: Decimal

    @property
    def id(self) -> str:
        """The model id, e.g. ``openai/gpt-4o-mini``."""
        return str(self.data["id"])


def _model(
    model_id: str,
    name: str,
    *,
    slug: str | None = None,
    created: int,
    context: int,
    max_out: int | None,
    prompt: str,
    completion: str,
    tokenizer: str,
    inputs: list[str],
    outputs: list[str] | None = None,
    params: list[str],
    categories: tuple[str, ...] = (),
    providers: tuple[tuple[str, str | None], ...],
    instruct: str | None = None,
    reasoning: JSON | None = None,
    extra_pricing: dict[str, str] | None = None,
) -> CatalogueModel:
    """Build one catalogue entry with every field the real /models objects carry."""
    outputs = outputs or ["text"]
    canonical = slug or model_id
    data: JSON = {
        "id": model_id,
        "canonical_slug": canonical,
        "hugging_face_id": "" if model_id.startswith(("openai/", "anthropic/", "google/")) else None,
        "name": name,
        "created": created,
        "description": f"{name} (emulated). Deterministic answers for offline tests; not the real model.",
        "context_length": context,
        "architecture": {
            "modality": f"{'+'.join(inputs)}->{'+'.join(outputs)}",
            "input_modalities": inputs,
            "output_modalities": outputs,
            "tokenizer": tokenizer,
            "instruct_type": instruct,
        },
        "pricing": {"prompt": prompt, "completion": completion, **(extra_pricing or {})},
        "top_provider": {"context_length": context, "max_completion_tokens": max_out, "is_moderated": True},
        "per_request_limits": None,
        "supported_parameters": sorted(params),
        "default_parameters": {
            "temperature": None,
            "top_p": None,
            "top_k": None,
            "frequency_penalty": None,
            "presence_penalty": None,
            "repetition_penalty": None,
        },
        "supported_voices": None,
        "knowledge_cutoff": None,
        "expiration_date": None,
        "links": {"details": f"/api/v1/models/{canonical}/endpoints"},
    }
    if reasoning is not None:
        data["reasoning"] = reasoning
    return CatalogueModel(data, categories, providers, Decimal(prompt), Decimal(completion))


def _reasoning(*, mandatory: bool, default_enabled: bool, max_tokens: bool) -> JSON:
    """The 2026 per-model reasoning capability object."""
    return {
        "supported_efforts": ["high", "medium", "low", "minimal"],
        "default_effort": "medium",
        "default_enabled": default_enabled,
        "supports_max_tokens": max_tokens,
        "mandatory": mandatory,
    }


MODELS: list[CatalogueModel] = [
    _model(
        "openai/gpt-4o-mini",
        "OpenAI: GPT-4o-mini",
        slug="openai/gpt-4o-mini-2024-07-18",
        created=1721260800,
        context=128000,
        max_out=16384,
        prompt="0.00000015",
        completion="0.0000006",
        tokenizer="GPT",
        inputs=["text", "image", "file"],
        params=[*_OPENAI_PARAMS, "max_completion_tokens", "structured_outputs", "web_search_options"],
        categories=("programming", "technology", "marketing"),
        providers=(("OpenAI", None), ("Azure", None)),
        extra_pricing={"input_cache_read": "0.000000075", "web_search": "0.01"},
    ),
    _model(
        "openai/gpt-5-mini",
        "OpenAI: GPT-5 Mini",
        slug="openai/gpt-5-mini-2025-08-07",
        created=1754587413,
        context=400000,
        max_out=128000,
        prompt="0.00000025",
        completion="0.000002",
        tokenizer="GPT",
        inputs=["text", "image", "file"],
        params=[*_CHAT_PARAMS, *_REASONING_PARAMS, "max_completion_tokens", "structured_outputs"],
        categories=("programming", "technology", "science"),
        providers=(("OpenAI", None), ("Azure", None)),
        reasoning=_reasoning(mandatory=True, default_enabled=True, max_tokens=False),
        extra_pricing={"input_cache_read": "0.000000025", "web_search": "0.01"},
    ),
    _model(
        "anthropic/claude-sonnet-4.5",
        "Anthropic: Claude Sonnet 4.5",
        slug="anthropic/claude-4.5-sonnet-20250929",
        created=1759161676,
        context=1000000,
        max_out=64000,
        prompt="0.000003",
        completion="0.000015",
        tokenizer="Claude",
        inputs=["text", "image", "file"],
        params=[*_CHAT_PARAMS, *_REASONING_PARAMS, "top_k", "structured_outputs"],
        categories=("programming", "technology", "legal", "finance"),
        providers=(("Anthropic", None), ("Google Vertex", None), ("Amazon Bedrock", None)),
        reasoning=_reasoning(mandatory=False, default_enabled=False, max_tokens=True),
        extra_pricing={"input_cache_read": "0.0000003", "input_cache_write": "0.00000375"},
    ),
    _model(
        "google/gemini-2.5-flash",
        "Google: Gemini 2.5 Flash",
        created=1750172488,
        context=1048576,
        max_out=65535,
        prompt="0.0000003",
        completion="0.0000025",
        tokenizer="Gemini",
        inputs=["text", "image", "file", "audio", "video"],
        params=[*_CHAT_PARAMS, *_REASONING_PARAMS, "structured_outputs"],
        categories=("programming", "translation", "academia", "health"),
        providers=(("Google AI Studio", None), ("Google Vertex", None)),
        reasoning=_reasoning(mandatory=False, default_enabled=False, max_tokens=True),
        extra_pricing={"input_cache_read": "0.00000003", "audio": "0.000001"},
    ),
    _model(
        "meta-llama/llama-3.3-70b-instruct:free",
        "Meta: Llama 3.3 70B Instruct (free)",
        slug="meta-llama/llama-3.3-70b-instruct",
        created=1733506137,
        context=131072,
        max_out=2048,
        prompt="0",
        completion="0",
        tokenizer="Llama3",
        inputs=["text"],
        params=[*_OPEN_PARAMS],
        categories=("roleplay", "trivia", "marketing"),
        providers=(("Together", "fp8"), ("DeepInfra", "bf16")),
        instruct="llama3",
    ),
    _model(
        "mistralai/mistral-small",
        "Mistral: Mistral Small",
        slug="mistralai/mistral-small-2409",
        created=1727654400,
        context=32768,
        max_out=None,
        prompt="0.0000002",
        completion="0.0000006",
        tokenizer="Mistral",
        inputs=["text"],
        params=[*_OPEN_PARAMS, "structured_outputs"],
        categories=("translation", "marketing/seo"),
        providers=(("Together", "fp8"), ("Mistral", None)),
    ),
    _model(
        "deepseek/deepseek-r1",
        "DeepSeek: R1",
        created=1737381095,
        context=163840,
        max_out=163840,
        prompt="0.0000007",
        completion="0.0000025",
        tokenizer="DeepSeek",
        inputs=["text"],
        params=[*_OPEN_PARAMS, *_REASONING_PARAMS],
        categories=("science", "academia", "programming"),
        providers=(("Together", "fp8"), ("DeepInfra", "fp4"), ("DeepSeek", None)),
        instruct="deepseek-r1",
        reasoning=_reasoning(mandatory=True, default_enabled=True, max_tokens=True),
    ),
    _model(
        "openai/text-embedding-3-small",
        "OpenAI: Text Embedding 3 Small",
        created=1705953600,
        context=8192,
        max_out=None,
        prompt="0.00000002",
        completion="0",
        tokenizer="GPT",
        inputs=["text"],
        outputs=["embeddings"],
        params=[],
        providers=(("OpenAI", None),),
    ),
]
_BY_ID = {m.id: m for m in MODELS}

# Real OpenRouter ids the strict model check accepts without a full catalogue entry (default prices,
# the vendor's usual provider). Not exhaustive: tests add others with ``Emulator.add_model``.
KNOWN_IDS: frozenset[str] = frozenset(
    {
        *(
            f"openai/{name}"
            for name in (
                "gpt-3.5-turbo",
                "gpt-3.5-turbo-instruct",
                "gpt-4",
                "gpt-4-turbo",
                "gpt-4o",
                "gpt-4o-2024-08-06",
                "gpt-4o-2024-11-20",
                "chatgpt-4o-latest",
                "gpt-4.1",
                "gpt-4.1-mini",
                "gpt-4.1-nano",
                "gpt-5",
                "gpt-5-nano",
                "gpt-5-codex",
                "gpt-5.1",
                "gpt-5.1-codex-mini",
                "gpt-oss-20b",
                "gpt-oss-120b",
                "o1",
                "o1-mini",
                "o1-pro",
                "o3",
                "o3-mini",
                "o3-pro",
                "o4-mini",
                "text-embedding-3-large",
            )
        ),
        *(
            f"anthropic/{name}"
            for name in (
                "claude-3-haiku",
                "claude-3-opus",
                "claude-3.5-haiku",
                "claude-3.5-sonnet",
                "claude-3.7-sonnet",
                "claude-sonnet-4",
                "claude-sonnet-4.6",
                "claude-opus-4",
                "claude-opus-4.1",
                "claude-haiku-4.5",
            )
        ),
        *(
            f"google/{name}"
            for name in (
                "gemini-2.0-flash-001",
                "gemini-2.0-flash-exp",
                "gemini-2.0-flash-lite-001",
                "gemini-2.5-pro",
                "gemini-2.5-flash-lite",
                "gemini-2.5-flash-image",
                "gemma-3-12b-it",
                "gemma-3-27b-it",
            )
        ),
        "meta-llama/llama-3.1-8b-instruct",
        "meta-llama/llama-3.1-70b-instruct",
        "meta-llama/llama-4-maverick",
        "meta-llama/llama-4-scout",
        "mistralai/mistral-large",
        "mistralai/mistral-nemo",
        "mistralai/mistral-7b-instruct",
        "mistralai/codestral-2501",
        "deepseek/deepseek-chat",
        "deepseek/deepseek-chat-v3-0324",
        "deepseek/deepseek-r1-0528",
        "qwen/qwen-2.5-72b-instruct",
        "qwen/qwen3-235b-a22b",
        "qwen/qwen3-coder",
        "x-ai/grok-3",
        "x-ai/grok-3-mini",
        "x-ai/grok-4",
        "z-ai/glm-4.5",
        "z-ai/glm-4.6",
        "moonshotai/kimi-k2",
        "minimax/minimax-m2",
        "cohere/command-r-plus",
        "perplexity/sonar",
        "perplexity/sonar-pro",
        "openrouter/auto",
    }
)


def find_model(model_id: str) -> CatalogueModel | None:
    """The catalogue entry for an id, ignoring variant suffixes like ``:online`` when needed."""
    found = _BY_ID.get(model_id)
    if found is not None:
        return found
    base = model_id.split(":", 1)[0]
    return _BY_ID.get(base) or _BY_ID.get(base + ":free")


def prices(model_id: str) -> tuple[Decimal, Decimal]:
    """Per-token (prompt, completion) prices; ``:free`` variants cost nothing."""
    if ":free" in model_id:
        return Decimal(0), Decimal(0)
    model = find_model(model_id)
    if model is None:
        return DEFAULT_PROMPT_PRICE, DEFAULT_COMPLETION_PRICE
    return model.prompt_price, model.completion_price


def permaslug(model_id: str) -> str:
    """The canonical slug of a model, or the id itself when unknown."""
    model = find_model(model_id)
    return str(model.data["canonical_slug"]) if model else model_id.split(":", 1)[0]


def default_provider(model_id: str) -> str:
    """The provider that serves a model when the request expresses no preference."""
    model = find_model(model_id)
    if model is not None:
        return model.providers[0][0]
    return _AUTHOR_PROVIDER.get(model_id.split("/", 1)[0], "Together")


def provider_display(name: str) -> str:
    """A provider slug (``google-vertex/us-east5`` too) mapped to its display name, else unchanged."""
    if name in _NAMES:
        return name
    base = name.split("/", 1)[0].lower()
    return _NAME_BY_SLUG.get(base, name)


def provider_slug(display: str) -> str:
    """The slug of a provider display name, for endpoint tags."""
    for name, slug, *_ in _PROVIDERS:
        if name == display:
            return slug
    return display.lower().replace(" ", "-")


def endpoints(model: CatalogueModel) -> list[JSON]:
    """The /models/{author}/{slug}/endpoints entries, with stable made-up health numbers."""
    out: list[JSON] = []
    for rank, (provider, quantization) in enumerate(model.providers):
        seed = hashlib.sha256(f"{model.id}|{provider}".encode()).digest()
        p50 = 0.2 + seed[0] / 255 + rank * 0.1
        tps = 40 + seed[1] % 120
        slug = provider_slug(provider)
        top = model.data["top_provider"]
        out.append(
            {
                "name": f"{provider} | {model.data['canonical_slug']}",
                "model_id": model.id,
                "model_name": model.data["name"],
                "context_length": model.data["context_length"],
                "pricing": {**model.data["pricing"], "request": "0", "image": "0", "discount": 0},
                "provider_name": provider,
                "tag": f"{slug}/{quantization}" if quantization else slug,
                "quantization": quantization,
                "max_completion_tokens": top["max_completion_tokens"],
                "max_prompt_tokens": None,
                "supported_parameters": model.data["supported_parameters"],
                "status": 0,
                "uptime_last_30m": round(100 - seed[2] / 100, 2),
                "uptime_last_5m": 100,
                "uptime_last_1d": round(100 - seed[3] / 200, 2),
                "supports_implicit_caching": provider in {"OpenAI", "Google AI Studio", "DeepSeek"},
                "latency_last_30m": _percentiles(p50, rising=True),
                "throughput_last_30m": _percentiles(float(tps), rising=False),
            }
        )
    return out


def _percentiles(p50: float, *, rising: bool) -> JSON:
    """p50..p99 from a median: latencies grow with the percentile, throughputs shrink."""
    factors = (1.0, 1.4, 1.9, 3.2) if rising else (1.0, 0.85, 0.65, 0.35)
    return {key: round(p50 * f, 3) for key, f in zip(("p50", "p75", "p90", "p99"), factors, strict=True)}
