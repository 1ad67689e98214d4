"""Routes for the spec's operations the hand-written handlers do not serve: the spec's example answers.

Each route answers with the body `testing/_spec_examples.py` holds for it (generated from the spec), with the
request's path parameters written over same-named fields of the result, so `retrieve("x")` returns id "x".
Binary answers (file or video content) are sent with their content type. A list answer
(`{"data": [item], "total_count": N}`) is a collection of `LIST_SIZE` copies of the example item (ids numbered)
served by `offset`/`limit`, so clients can page through it. An operation that streams (a body
with `stream: true` on a path of `STREAMED`) is answered with its example sent as events.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, Literal, cast

from .._json import is_object
from ._context import Context
from ._messages import message_stream
from ._replies import JsonReply, StreamReply
from ._spec_examples import SPEC_EXAMPLES

__all__ = ["LIST_SIZE", "spec_routes"]

LIST_SIZE = 5
"""Items in each list operation's collection (the example's item, numbered)."""

Handler = Callable[[Context, dict[str, str]], JsonReply | StreamReply]

STREAMED: dict[tuple[str, str], Callable[[Context, dict[str, Any]], StreamReply]] = {
    ("POST", "/messages"): message_stream,
}
"""The spec operations that stream (`text/event-stream` with `stream: true`): example -> events."""


def spec_routes() -> Iterator[tuple[str, str, Literal["key", "mgmt"], Handler]]:
    """(method, path template, key level, handler) per spec operation; fixed paths before templated ones,
    so `/videos/models` is not taken for `/videos/{jobId}`."""
    for method, path, status, content_type, management, body in sorted(SPEC_EXAMPLES, key=lambda e: e[1].count("{")):
        streamed = STREAMED.get((method, path))
        yield method, path, "mgmt" if management else "key", _answer(status, content_type, body, streamed)


def _answer(
    status: int, content_type: str, body: str, streamed: Callable[[Context, dict[str, Any]], StreamReply] | None
) -> Handler:
    def handler(ctx: Context, params: dict[str, str]) -> JsonReply | StreamReply:
        value: Any = json.loads(body)
        if streamed is not None and is_object(value) and _wants_stream(ctx):
            return streamed(ctx, value)
        if content_type != "application/json":
            raw = value if isinstance(value, str) else body
            kind = content_type.replace("/*", "/mpeg")
            return JsonReply(status, raw.encode(), headers={"Content-Type": kind})
        return JsonReply(status, _paged(_with_params(value, params), ctx.request.query))

    return handler


def _with_params(value: object, params: dict[str, str]) -> object:
    """The example with `data.<name>` (or top-level `<name>`) set to the request's path parameter `name`."""
    if not isinstance(value, dict):
        return value
    body = cast("dict[str, object]", value)
    data = body.get("data", body)
    target = cast("dict[str, object]", data) if isinstance(data, dict) else {}
    for name, given in params.items():
        if isinstance(target.get(name), str):
            target[name] = given
    return body


def _wants_stream(ctx: Context) -> bool:
    request = ctx.request.json
    return is_object(request) and request.get("stream") is True


def _paged(value: object, query: dict[str, str]) -> object:
    """A list example as the page `offset`/`limit` (or `cursor`/`after`/`after_id` and `limit`) ask for of its
    `LIST_SIZE`-item collection."""
    if not is_object(value) or not ("total_count" in value or "has_more" in value):
        return value
    data: object = value.get("data")
    first: object = cast("list[object]", data)[0] if isinstance(data, list) and data else None
    if not is_object(first):
        return value
    items = [_numbered(first, n) for n in range(LIST_SIZE)]
    limit = int(query["limit"]) if query.get("limit", "").isdigit() else LIST_SIZE
    if "total_count" in value:
        offset = int(query["offset"]) if query.get("offset", "").isdigit() else 0
        return {**value, "data": items[offset : offset + limit], "total_count": LIST_SIZE}
    start = _cursor_start(items, query)
    page = items[start : start + limit]
    more = start + limit < LIST_SIZE
    cursor = f"cursor-{start + limit}" if more and "cursor" in value else None
    ids = [item.get("id") for item in page]
    return {
        **value,
        "data": page,
        "has_more": more,
        **({"cursor": cursor} if "cursor" in value else {}),
        "first_id": ids[0] if ids else None,
        "last_id": ids[-1] if ids else None,
    }


def _cursor_start(items: list[dict[str, Any]], query: dict[str, str]) -> int:
    """Where a cursor page starts: OpenRouter's `cursor-N`, else after the item `after`/`after_id` names."""
    cursor = query.get("cursor", "")
    if cursor.startswith("cursor-") and cursor[7:].isdigit():
        return int(cursor[7:])
    after = query.get("after") or query.get("after_id")
    ids = [item.get("id") for item in items]
    return ids.index(after) + 1 if after in ids else 0


def _numbered(item: dict[str, Any], n: int) -> dict[str, Any]:
    """The example item with its string `id` (or `hash`/`slug`) suffixed with `n` (the first one unchanged)."""
    if n == 0:
        return item
    key = next((k for k in ("id", "hash", "slug") if isinstance(item.get(k), str)), None)
    return {**item, key: f"{item[key]}-{n}"} if key else dict(item)
