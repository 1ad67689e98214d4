"""POST /embeddings: deterministic vectors, as floats or base64 float32 like the openai SDK expects."""

from __future__ import annotations

import json
from typing import Any

from .._json import is_array
from ._answer import Answer, provider_order, record
from ._catalogue import default_provider, provider_display
from ._context import Context
from ._errors import ApiError
from ._replies import JsonReply
from ._synth import embedding, embedding_base64, generation_id, word_count
from ._usage import compute_usage, number

_DEFAULT_MODEL = "openai/text-embedding-3-small"
_DEFAULT_DIMS = 8
_MAX_DIMS = 4096


def embeddings(ctx: Context) -> JsonReply:
    """Answer an embeddings request."""
    body = ctx.body()
    inputs = _inputs(body.get("input"))
    requested = body.get("model")
    model = requested if isinstance(requested, str) else _DEFAULT_MODEL
    dims = body.get("dimensions")
    size = dims if isinstance(dims, int) and 0 < dims <= _MAX_DIMS else _DEFAULT_DIMS
    as_base64 = body.get("encoding_format") == "base64"
    data: list[dict[str, Any]] = []
    tokens = 0
    for index, item in enumerate(inputs):
        text = item if isinstance(item, str) else json.dumps(item)
        tokens += word_count(item) if isinstance(item, str) else len(item) if is_array(item) else 1
        vector = embedding(text, size)
        data.append(
            {"object": "embedding", "embedding": embedding_base64(vector) if as_base64 else vector, "index": index}
        )
    order = provider_order(body)
    provider = provider_display(order[0]) if order else default_provider(model)
    usage = compute_usage(model, tokens, 0)
    gen_id = generation_id("gen-emb")
    answer = Answer(model, provider, "other", "", None, False, (), (), "stop", usage, ())
    record(ctx, answer, gen_id, api_type="embeddings", streamed=False)
    result: dict[str, Any] = {
        "id": gen_id,
        "object": "list",
        "model": model,
        "provider": provider,
        "data": data,
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens, "cost": number(usage.cost)},
    }
    return JsonReply(200, result, {"X-Generation-Id": gen_id})


def _inputs(raw: Any) -> list[Any]:
    """The list of inputs: a string, a list of strings, token ids, or lists of token ids."""
    if isinstance(raw, str):
        return [raw]
    if is_array(raw) and raw:
        if all(isinstance(x, int) for x in raw):
            return [raw]
        return list(raw)
    raise ApiError(400, 'Input required: specify "input"')
