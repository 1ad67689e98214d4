"""URL routing and authentication: which handler answers a path, and which key it requires."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from . import _keys, _models, _platform
from ._chat import chat_completions
from ._checks import check_request
from ._completions import completions
from ._context import Context
from ._embeddings import embeddings
from ._errors import ApiError
from ._replies import JsonReply, StreamReply
from ._responses import responses
from ._settings import API_KEY, MANAGEMENT_KEY
from ._spec_routes import spec_routes

Reply = JsonReply | StreamReply
Handler = Callable[[Context, dict[str, str]], Reply]
Auth = Literal["none", "key", "mgmt"]


def _no_params(handler: Callable[[Context], Reply]) -> Handler:
    """Adapt a handler that takes no path parameters."""
    return lambda ctx, params: handler(ctx)


@dataclass(frozen=True)
class Route:
    """One method + path pattern, the key it needs, and its handler."""

    method: str
    pattern: re.Pattern[str]
    auth: Auth
    handler: Handler


def _route(method: str, path: str, auth: Auth, handler: Handler) -> Route:
    """Compile a route; ``{name}`` segments become named groups."""
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path)
    return Route(method, re.compile(regex), auth, handler)


ROUTES: tuple[Route, ...] = (
    _route("POST", "/chat/completions", "key", _no_params(chat_completions)),
    _route("POST", "/completions", "key", _no_params(completions)),
    _route("POST", "/responses", "key", _no_params(responses)),
    _route("POST", "/embeddings", "key", _no_params(embeddings)),
    _route("GET", "/models", "none", _models.list_models),
    _route("GET", "/models/count", "none", _models.count_models),
    _route("GET", "/models/user", "key", _models.list_models),
    _route("GET", "/models/{author}/{slug}/endpoints", "none", _models.model_endpoints),
    _route("GET", "/model/{author}/{slug}", "none", _models.get_model),
    _route("GET", "/embeddings/models", "none", _models.embedding_models),
    _route("GET", "/providers", "none", _models.list_providers),
    _route("GET", "/key", "key", _platform.current_key),
    _route("GET", "/auth/key", "key", _platform.current_key),
    _route("GET", "/credits", "mgmt", _platform.credits),
    _route("GET", "/generation", "key", _platform.generation),
    _route("GET", "/activity", "mgmt", _platform.activity),
    _route("GET", "/keys", "mgmt", _keys.list_keys),
    _route("POST", "/keys", "mgmt", _keys.create_key),
    _route("GET", "/keys/{hash}", "mgmt", _keys.get_key),
    _route("PATCH", "/keys/{hash}", "mgmt", _keys.update_key),
    _route("DELETE", "/keys/{hash}", "mgmt", _keys.delete_key),
    _route("POST", "/auth/keys/code", "key", _keys.create_auth_code),
    _route("POST", "/auth/keys", "none", _keys.exchange_auth_code),
    *(_route(*spec_route) for spec_route in spec_routes()),  # the rest of the spec, answered with its examples
)


def dispatch(ctx: Context) -> Reply:
    """Route a request (path relative to /api/v1) to its handler, enforcing authentication and strict checks."""
    path = ctx.request.path
    known_path = False
    for route in ROUTES:
        match = route.pattern.fullmatch(path)
        if match is None:
            continue
        known_path = True
        if route.method == ctx.request.method:
            authorize(ctx, route.auth)
            check_request(ctx)
            return route.handler(ctx, match.groupdict())
    if known_path:
        raise ApiError(405, f"Method {ctx.request.method} not allowed for {path}", with_user=False)
    raise ApiError(404, f"Not Found: {path}", with_user=False)


def has_route(path: str, method: str) -> bool:
    """Whether a built-in endpoint serves ``method`` on ``path``."""
    return any(route.method == method and route.pattern.fullmatch(path) for route in ROUTES)


def authorize(ctx: Context, level: Auth) -> None:
    """401 without a usable key, 403 when a management key is required and another was sent."""
    if level == "none":
        return
    key = ctx.request.bearer
    if key is None:
        raise ApiError(401, "No auth credentials found", with_user=False)
    if key not in (API_KEY, MANAGEMENT_KEY):
        store = ctx.store
        with store.lock:
            digest = store.plaintext_keys.get(key)
            stored = store.keys.get(digest) if digest else None
        if stored is not None and stored.get("disabled"):
            raise ApiError(401, "This API key is disabled", with_user=False)
        if digest is None and not ctx.settings.accept_any_key:
            raise ApiError(401, "User not found.", with_user=False)
    if level == "mgmt" and key != MANAGEMENT_KEY:
        raise ApiError(403, "Only management keys can perform this operation")
