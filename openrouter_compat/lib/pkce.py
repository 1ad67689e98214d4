"""OAuth PKCE for OpenRouter: a verifier/challenge pair and the URL that sends the user to approve a key.

Flow: `pkce = PKCE.generate()`; send the user to `authorization_url(callback_url, pkce.challenge)`; on the
callback, `client.auth.exchange_code(code=code, code_verifier=pkce.verifier, code_challenge_method="S256")`.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import secrets
from urllib.parse import urlencode

from .._constants import AUTH_URL

__all__ = ["PKCE", "authorization_url", "s256_challenge"]


def s256_challenge(verifier: str) -> str:
    """RFC 7636 S256: base64url(SHA-256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclasses.dataclass(frozen=True)
class PKCE:
    """A code verifier (kept secret by the app, hidden from repr) and its S256 challenge (sent to OpenRouter)."""

    verifier: str = dataclasses.field(repr=False)
    challenge: str
    method: str = "S256"

    @classmethod
    def generate(cls, length: int = 64) -> PKCE:
        """A fresh random verifier of `length` characters (43..128, RFC 7636) and its S256 challenge."""
        if not 43 <= length <= 128:
            raise ValueError(f"PKCE verifier length must be between 43 and 128, got {length}")
        verifier = secrets.token_urlsafe(length)[:length]
        return cls(verifier=verifier, challenge=s256_challenge(verifier))


def authorization_url(callback_url: str, challenge: str, *, method: str = "S256", auth_url: str = AUTH_URL) -> str:
    """`https://openrouter.ai/auth?callback_url=...&code_challenge=...&code_challenge_method=S256`."""
    query = urlencode({"callback_url": callback_url, "code_challenge": challenge, "code_challenge_method": method})
    return f"{auth_url}?{query}"
