"""Key management (/keys, MGMT) and the OAuth PKCE exchange (/auth/keys/code, /auth/keys), in memory."""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from typing import Any

from ._context import Context
from ._errors import ApiError
from ._platform import WORKSPACE_ID, iso, mask
from ._replies import JsonReply
from ._settings import USER_ID
from ._store import AuthCode

_PAGE = 100
_RESETS = (None, "daily", "weekly", "monthly")


def new_key() -> str:
    """A fresh fake key in OpenRouter's format."""
    return "sk-or-v1-" + secrets.token_hex(32)


def key_hash(key: str) -> str:
    """The SHA-256 hex digest OpenRouter uses as a key's ``hash``."""
    return hashlib.sha256(key.encode()).hexdigest()


def list_keys(ctx: Context, params: dict[str, str]) -> JsonReply:
    """GET /keys: enabled keys (all with ``include_disabled=true``), from ``offset``."""
    query = ctx.request.query
    include_disabled = query.get("include_disabled", "false").lower() == "true"
    offset = int(query["offset"]) if query.get("offset", "").isdigit() else 0
    with ctx.store.lock:
        keys = [dict(k) for k in ctx.store.keys.values() if include_disabled or not k["disabled"]]
    return JsonReply(200, {"data": keys[offset : offset + _PAGE]})


def create_key(ctx: Context, params: dict[str, str]) -> JsonReply:
    """POST /keys: create a key; the plaintext is returned once, with status 201."""
    body = ctx.body()
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ApiError(400, "name is required")
    limit_reset = body.get("limit_reset")
    if limit_reset not in _RESETS:
        raise ApiError(400, "limit_reset must be one of daily, weekly, monthly or null")
    key = new_key()
    limit = body.get("limit")
    record: dict[str, Any] = {
        "hash": key_hash(key),
        "name": name,
        "label": mask(key),
        "disabled": False,
        "limit": limit,
        "limit_remaining": limit,
        "limit_reset": limit_reset,
        "include_byok_in_limit": bool(body.get("include_byok_in_limit", False)),
        "usage": 0,
        "usage_daily": 0,
        "usage_weekly": 0,
        "usage_monthly": 0,
        "byok_usage": 0,
        "byok_usage_daily": 0,
        "byok_usage_weekly": 0,
        "byok_usage_monthly": 0,
        "created_at": iso(time.time()),
        "updated_at": None,
        "expires_at": body.get("expires_at"),
        "creator_user_id": body.get("creator_user_id") or USER_ID,
        "workspace_id": body.get("workspace_id") or WORKSPACE_ID,
    }
    with ctx.store.lock:
        ctx.store.keys[record["hash"]] = record
        ctx.store.plaintext_keys[key] = record["hash"]
    return JsonReply(201, {"data": dict(record), "key": key})


def get_key(ctx: Context, params: dict[str, str]) -> JsonReply:
    """GET /keys/{hash}."""
    with ctx.store.lock:
        return JsonReply(200, {"data": dict(_find(ctx, params["hash"]))})


def update_key(ctx: Context, params: dict[str, str]) -> JsonReply:
    """PATCH /keys/{hash}: change name, disabled, limit, limit_reset or include_byok_in_limit."""
    body = ctx.body()
    if "limit_reset" in body and body["limit_reset"] not in _RESETS:
        raise ApiError(400, "limit_reset must be one of daily, weekly, monthly or null")
    with ctx.store.lock:
        record = _find(ctx, params["hash"])
        for field in ("name", "disabled", "limit", "limit_reset", "include_byok_in_limit"):
            if field in body:
                record[field] = body[field]
        if "limit" in body:
            record["limit_remaining"] = body["limit"]
        record["updated_at"] = iso(time.time())
        return JsonReply(200, {"data": dict(record)})


def delete_key(ctx: Context, params: dict[str, str]) -> JsonReply:
    """DELETE /keys/{hash}."""
    with ctx.store.lock:
        _find(ctx, params["hash"])
        del ctx.store.keys[params["hash"]]
        for plaintext, digest in list(ctx.store.plaintext_keys.items()):
            if digest == params["hash"]:
                del ctx.store.plaintext_keys[plaintext]
    return JsonReply(200, {"deleted": True})


def _find(ctx: Context, digest: str) -> dict[str, Any]:
    """A stored key by hash (caller holds the lock), else 404."""
    record = ctx.store.keys.get(digest)
    if record is None:
        raise ApiError(404, "API key not found")
    return record


def create_auth_code(ctx: Context, params: dict[str, str]) -> JsonReply:
    """POST /auth/keys/code: remember a PKCE challenge and hand out a code."""
    body = ctx.body()
    if not isinstance(body.get("callback_url"), str):
        raise ApiError(400, "callback_url is required")
    challenge = body.get("code_challenge")
    method = body.get("code_challenge_method")
    if method not in (None, "S256", "plain"):
        raise ApiError(400, "code_challenge_method must be S256 or plain")
    code = "auth_code_" + secrets.token_hex(12)
    with ctx.store.lock:
        ctx.store.auth_codes[code] = AuthCode(challenge if isinstance(challenge, str) else None, method)
    data = {"id": code, "app_id": 4242, "created_at": iso(time.time())}
    return JsonReply(200, {"data": data})


def exchange_auth_code(ctx: Context, params: dict[str, str]) -> JsonReply:
    """POST /auth/keys: verify the PKCE verifier (S256 or plain) and issue a key; codes are single use."""
    body = ctx.body()
    code = body.get("code")
    if not isinstance(code, str):
        raise ApiError(400, "code is required")
    with ctx.store.lock:
        pending = ctx.store.auth_codes.pop(code, None)
    if pending is None:
        raise ApiError(403, "Invalid or expired code", with_user=False)
    if pending.challenge is not None:
        verifier = body.get("code_verifier")
        if not isinstance(verifier, str):
            raise ApiError(400, "code_verifier is required", with_user=False)
        method = body.get("code_challenge_method") or pending.method or "plain"
        if _challenge(verifier, str(method)) != pending.challenge:
            raise ApiError(403, "Invalid code_verifier", with_user=False)
    key = new_key()
    with ctx.store.lock:
        ctx.store.plaintext_keys[key] = key_hash(key)
    return JsonReply(200, {"key": key, "user_id": USER_ID})


def _challenge(verifier: str, method: str) -> str:
    """The code challenge a verifier yields under a PKCE method."""
    if method == "S256":
        digest = hashlib.sha256(verifier.encode()).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return verifier
