"""vcrpy settings that keep secrets out of cassettes: `Authorization` dropped, key-shaped strings scrubbed.

The key pattern itself lives in `openrouter_compat._secrets` (one place); this module only applies it to
what vcrpy records: request headers, URI and body, and response headers and body.
"""

from __future__ import annotations

import contextlib
import importlib
from typing import Any, cast

from .._json import is_array
from .._secrets import install_log_filter, scrub

__all__ = ["make_vcr", "scrub_request", "scrub_response", "vcr_config"]

SECRET_HEADERS = ("authorization", "x-api-key", "api-key", "cookie", "set-cookie")
"""Headers never written to a cassette."""


def vcr_config(**overrides: Any) -> dict[str, Any]:
    """Keyword arguments for `vcr.VCR(...)` (or pytest-recording's `vcr_config` fixture) that scrub secrets;
    also scrubs keys from the log records of vcrpy (and of `openai`, `httpx2`, this library)."""
    with contextlib.suppress(ImportError):  # vcrpy's loggers must exist to get the filter
        importlib.import_module("vcr")
    install_log_filter()
    config: dict[str, Any] = {
        "filter_headers": list(SECRET_HEADERS),
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        "decode_compressed_response": True,
    }
    config.update(overrides)
    return config


def make_vcr(source: str, **overrides: Any) -> Any:
    """A `vcr.VCR` (vcrpy is a test dependency) configured by `vcr_config()`, whose cassettes start with a
    `# source: ...` line saying where the recording came from (e.g. "recorded from the emulator")."""
    import vcr as vcrpy  # type: ignore[import-untyped]  # a test dependency, imported only when used
    from vcr.serializers import yamlserializer  # type: ignore[import-untyped]

    recorder: Any = vcrpy.VCR(**vcr_config(**overrides))
    recorder.register_serializer("yaml", _SourceYaml(source, yamlserializer))
    return recorder


class _SourceYaml:
    """vcrpy's YAML serializer with a leading `# source:` comment (YAML ignores it on load)."""

    def __init__(self, source: str, base: Any) -> None:
        self._header = "".join(f"# source: {line}\n" for line in source.splitlines() or [""])
        self._base = base

    def serialize(self, cassette_dict: dict[str, Any]) -> str:
        return self._header + str(self._base.serialize(cassette_dict))

    def deserialize(self, cassette_string: str) -> Any:
        return self._base.deserialize(cassette_string)


def scrub_request(request: Any) -> Any:
    """A vcrpy `before_record_request` hook: secret headers removed, key-shaped strings in URI and body scrubbed."""
    for name in list(request.headers):
        if name.lower() in SECRET_HEADERS:
            del request.headers[name]
        else:
            request.headers[name] = scrub(str(request.headers[name]))
    request.uri = scrub(request.uri)
    body = request.body
    if isinstance(body, bytes | str):
        request.body = _scrub_bytes(body.encode("utf-8") if isinstance(body, str) else body)
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """A vcrpy `before_record_response` hook: secret headers removed, key-shaped strings in headers and body
    scrubbed (a newly created key's secret included)."""
    headers: dict[str, Any] = response.get("headers") or {}
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            del headers[name]
        else:
            headers[name] = _scrub_values(headers[name])
    body = cast("dict[str, Any] | None", response.get("body") if isinstance(response.get("body"), dict) else None)
    string: object = body.get("string") if body is not None else None
    if body is not None and isinstance(string, bytes | str):
        scrubbed = _scrub_bytes(string.encode("utf-8") if isinstance(string, str) else string)
        body["string"] = scrubbed.decode("utf-8") if isinstance(string, str) else scrubbed
        for name in list(headers):
            if name.lower() == "content-length":  # keep replays consistent after a shorter body
                headers[name] = [str(len(scrubbed))] if isinstance(headers[name], list) else str(len(scrubbed))
    return response


def _scrub_values(values: object) -> object:
    """A recorded header value (vcrpy keeps a list per name) with keys scrubbed."""
    if is_array(values):
        return [scrub(str(value)) for value in values]
    return scrub(str(values))


def _scrub_bytes(data: bytes) -> bytes:
    """Scrub bytes of any encoding: keys are ASCII, and latin-1 round-trips every byte unchanged."""
    text = data.decode("latin-1")
    cleaned = scrub(text)
    return data if cleaned == text else cleaned.encode("latin-1")
